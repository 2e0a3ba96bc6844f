"""The Fedibird backend: a Mastodon fork, so it extends ``mainline``.

What it changes, for ``feature_set="fedibird"`` (or when detected):

- **Quotes**: ``status_post(quote_id=...)`` is sent (and only here and on Akkoma);
  mainline's ``quoted_status_id`` is sent as ``quote_id`` too.
- **Emoji reactions**: ``PUT|DELETE /api/v1/statuses/:id/emoji_reactions/:emoji``.
  Fedibird has no documented per-status listing route, so
  ``status_emoji_reactions(id, emoji=None)`` reads the status and returns its
  ``emoji_reactions`` field (filtered to ``emoji`` when given), in the shape every
  backend uses: ``[{name, count, me, url?, account_ids?}]``.
- **Visibility**: Fedibird masks ``limited`` as ``private`` and ``personal`` as ``direct``
  in ``visibility`` and sends the real one as ``visibility_ex``. Statuses here carry the
  real visibility in ``visibility``; the masked value stays in ``visibility_masked`` (and
  ``visibility_ex`` is kept). Extra visibilities for posting: ``limited``, ``mutual``,
  ``personal``.
- **Fedibird's own posting parameters** (``circle_id``, ``expires_in``, ``expires_at``,
  ``expires_action`` = ``mark``/``delete``, ``scheduled_in``, ``status_reference_ids``,
  ``searchability``...) through the extension endpoint ``fedibird_status_post``:
  ``api.call_endpoint("fedibird_status_post", status="hi", expires_in=3600,
  expires_action="delete")``.
- ``emoji_reaction`` notifications also get ``emoji`` and ``emoji_url``, as Pleroma's do.
- **Gates**: Fedibird reports Mastodon 3.4.1, but its routes differ from mainline
  3.4.1's. Calls it has no route for are refused before any request, naming the source
  (``fedibird/mastodon`` ``config/routes.rb``); the newer endpoints it has routes for
  (tag following, ``followed_tags``, ``remove_from_followers``, ``GET /api/v1/statuses``
  and ``/api/v1/accounts`` by ids, ``status_history``, which always answers an empty
  list) are allowed although the reported version predates them (``UNSUPPORTED`` and
  ``SERVED_BEYOND_VERSION`` below).
- **Detection**: nodeinfo ``software.name == "fedibird"``, or ``fedibird_capabilities`` in
  the instance (preferred: forks such as kmyblue implement Fedibird's API under their own
  name). The version string is a plain Mastodon one, parsed by ``mainline``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mastodon.plugin import (
    ENDPOINTS,
    ID,
    IDS,
    LIST,
    AttribAccessList,
    BackendInfo,
    BackendMatch,
    CallInfo,
    Endpoint,
    MastodonIllegalArgumentError,
    Param,
    Route,
    ServerContext,
    Unsupported,
    hookimpl,
    unify_reactions,
    walk_entities,
)

NAME = "fedibird"
FEATURES = frozenset({"emoji_reactions", "quotes", "expiring_statuses", "circles"})
VISIBILITIES = ("limited", "mutual", "personal")
EXPIRES_ACTIONS = ("mark", "delete")

ROUTES = {
    "status_emoji_reactions": Route("GET", "/api/v1/statuses/{id}"),
    "status_emoji_reaction_create": Route("PUT", "/api/v1/statuses/{id}/emoji_reactions/{emoji}"),
    "status_emoji_reaction_delete": Route("DELETE", "/api/v1/statuses/{id}/emoji_reactions/{emoji}"),
    "fedibird_status_post": Route("POST", "/api/v1/statuses"),
}

FEDIBIRD_STATUS_POST = Endpoint(
    "fedibird_status_post",
    "POST",
    "/api/v1/statuses",
    (
        # mainline's parameters (``quote_id``, an extension there, is declared below)
        *ENDPOINTS["status_post"].mainline_params,
        Param("scheduled_in"),
        ID("quote_id"),
        ID("circle_id"),
        Param("expires_in"),
        Param("expires_at"),
        Param("expires_action"),
        IDS("status_reference_ids"),
        LIST("status_reference_urls"),
        Param("searchability"),
    ),
    returns="Status",
    section="Server extras: Fedibird",
    mainline=False,
)

# -- gates -------------------------------------------------------------------------------
# Fedibird reports Mastodon 3.4.1 (lib/mastodon/version.rb), but its route table is not
# mainline 3.4.1's: it lacks some routes older than that and has some newer ones. The
# tables below come from config/routes.rb of fedibird/mastodon (fedibird branch, as of
# 2024-10) and its streaming server (streaming/index.js), compared with every endpoint the
# library declares (method and path). Keyed by method and path template, so they also
# cover endpoints other plugins declare for the same routes.

#: Where the facts come from, named in every refusal.
SOURCE = "not in fedibird/mastodon config/routes.rb (fedibird branch, 2024-10)"

#: Path prefixes Fedibird serves nothing under -> what is missing.
MISSING_PREFIXES: dict[str, str] = {
    "/api/v1/admin/canonical_email_blocks": "no admin canonical e-mail blocks API",
    "/api/v1/admin/dimensions": "no admin dashboard API",
    "/api/v1/admin/measures": "no admin dashboard API",
    "/api/v1/admin/retention": "no admin dashboard API",
    "/api/v1/admin/domain_allows": "no admin domain allows API",
    "/api/v1/admin/domain_blocks": "no admin domain blocks API",
    "/api/v1/admin/email_domain_blocks": "no admin e-mail domain blocks API",
    "/api/v1/admin/ip_blocks": "no admin IP blocks API",
    "/api/v1/admin/trends": "no admin trends API",
    "/api/v2/admin": "no v2 admin API",
    "/api/v1/annual_reports": "no annual reports",
    "/api/v1/collections": "no collections",
    "/api/v1/notifications/requests": "no filtered notifications (notification requests)",
    "/api/v1/profile": "no /api/v1/profile routes (update_credentials works)",
    "/api/v1_alpha": "no /api/v1_alpha routes",
    "/api/v2/filters": "no v2 filters (the v1 filters API works)",
    "/api/v2/notifications": "no grouped notifications or notification policy",
}

_ENDORSE = "no account endorsements (pin/unpin work)"
_QUOTES = "no mainline quote routes (Fedibird's own quotes work through quote_id)"
_TRENDS = "only GET /api/v1/trends (trending tags)"

#: (method, path template) -> what is missing.
MISSING_ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/.well-known/oauth-authorization-server"): "no OAuth authorization server metadata",
    ("GET", "/oauth/userinfo"): "no OAuth userinfo route",
    ("GET", "/api/v1/accounts/familiar_followers"): "no familiar followers",
    ("GET", "/api/v1/accounts/{id}/collections"): "no collections",
    ("GET", "/api/v1/accounts/{id}/in_collections"): "no collections",
    ("POST", "/api/v1/accounts/{id}/endorse"): _ENDORSE,
    ("POST", "/api/v1/accounts/{id}/unendorse"): _ENDORSE,
    ("POST", "/api/v1/follows"): "no remote follow by URI",
    ("GET", "/api/v1/instance/domain_blocks"): "no public list of blocked domains",
    ("GET", "/api/v1/instance/extended_description"): "no extended description route",
    ("GET", "/api/v1/instance/languages"): "no instance languages route",
    ("GET", "/api/v1/instance/terms_of_service"): "no terms of service route",
    ("GET", "/api/v1/instance/terms_of_service/{date}"): "no terms of service route",
    ("GET", "/api/v1/instance/translation_languages"): "no translation",
    ("GET", "/api/v2/instance"): "only the v1 instance route",
    ("POST", "/api/v1/notifications/dismiss"): "only POST /api/v1/notifications/:id/dismiss",
    ("GET", "/api/v1/notifications/unread_count"): "no unread notification count",
    ("GET", "/api/v1/reports"): "no route listing reports (making one works)",
    ("GET", "/api/v1/search"): "only the v2 search route",
    ("PUT", "/api/v1/statuses/{id}"): "no status editing",
    ("GET", "/api/v1/statuses/{id}/source"): "no status editing (no source route)",
    ("GET", "/api/v1/statuses/{id}/card"): "no card route (a status's card is in its card field)",
    ("POST", "/api/v1/statuses/{id}/translate"): "no translation",
    ("GET", "/api/v1/statuses/{id}/quotes"): _QUOTES,
    ("POST", "/api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke"): _QUOTES,
    ("PUT", "/api/v1/statuses/{id}/interaction_policy"): _QUOTES,
    ("POST", "/api/v1/tags/{name}/feature"): "no tag featuring routes (the featured_tags API works)",
    ("POST", "/api/v1/tags/{name}/unfeature"): "no tag featuring routes (the featured_tags API works)",
    ("GET", "/api/v1/timelines/link"): "no link timeline",
    ("GET", "/api/v1/trends/links"): _TRENDS,
    ("GET", "/api/v1/trends/statuses"): _TRENDS,
    ("GET", "/api/v1/trends/tags"): _TRENDS,
}

#: Endpoints newer than Mastodon 3.4.1 that Fedibird has routes for.
SERVED_BEYOND_VERSION = frozenset(
    {
        "accounts",  # GET /api/v1/accounts takes id[] (and ids[])
        "statuses",  # GET /api/v1/statuses takes ids[]: see STATUSES_IDS
        "account_remove_from_followers",
        "status_history",  # the route answers an empty list: Fedibird keeps no edit history
        "tag",
        "tag_follow",
        "tag_unfollow",
        "followed_tags",
    }
)

#: The wire name of the ids of ``GET /api/v1/statuses`` on Fedibird (mainline: ``id[]``).
STATUSES_IDS = "ids[]"


def _reason(what: str) -> str:
    return f"Fedibird has {what}: {SOURCE}"


#: The tables above as the rules ``BackendInfo.unsupported`` declares (the core gates on them).
UNSUPPORTED: tuple[Unsupported, ...] = (
    *(Unsupported(_reason(what), method=method, path=path) for (method, path), what in MISSING_ROUTES.items()),
    *(Unsupported(_reason(what), path_prefix=prefix) for prefix, what in MISSING_PREFIXES.items()),
)


# -- discovery ---------------------------------------------------------------------------


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(
        NAME,
        "Fedibird: quotes, emoji reactions, circles, expiring posts, real visibility",
        extends="mainline",
        features=FEATURES,
        visibilities=VISIBILITIES,
        max_media_attachments=None,  # an admin setting on Fedibird; the server enforces it
        sample_versions=("3.4.1",),  # what fedibird/mastodon's lib/mastodon/version.rb reports
        unsupported=UNSUPPORTED,
        served_beyond_version=SERVED_BEYOND_VERSION,
    )


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = ((nodeinfo or {}).get("software") or {}).get("name")
    if isinstance(software, str) and software.lower() == NAME:
        return BackendMatch(NAME, 100, "nodeinfo software.name is 'fedibird'")
    if isinstance(instance, dict) and isinstance(instance.get("fedibird_capabilities"), list):
        # Below "certain": other software copies the list (Hollo does). The core takes it
        # only where the server says it is Mastodon or a fork (this backend extends mainline).
        return BackendMatch(NAME, 90, "the instance lists fedibird_capabilities")
    return None


@hookimpl
def mastodon_extra_endpoints() -> list[Endpoint]:
    return [FEDIBIRD_STATUS_POST]


# -- per call ----------------------------------------------------------------------------


@hookimpl
def mastodon_endpoint_available(ctx: ServerContext, endpoint: Endpoint) -> bool | None:
    return True if endpoint.name in ROUTES else None


@hookimpl
def mastodon_prepare_params(
    ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]
) -> None:
    name = endpoint.name
    if name == "status_post":
        if "quote_id" in extensions:
            params["quote_id"] = extensions.pop("quote_id")
    elif name == "fedibird_status_post":
        check_status_params(params)
    elif name == "statuses" and "id[]" in params:
        params[STATUSES_IDS] = params.pop("id[]")


@hookimpl
def mastodon_route(ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any]) -> Route | None:
    return ROUTES.get(endpoint.name)


@hookimpl
def mastodon_normalize_response(endpoint: Endpoint, result: Any, call: CallInfo) -> Any:
    if endpoint.name == "status_emoji_reactions":
        # Fedibird has no such route: the status is read and its reactions filtered here.
        emoji = call.extensions.get("emoji")
        return reactions_of(result, str(emoji) if emoji is not None else None)
    walk(result)
    return None


# -- helpers -----------------------------------------------------------------------------


def check_status_params(params: dict[str, Any]) -> None:
    action = params.get("expires_action")
    if action is not None and action not in EXPIRES_ACTIONS:
        raise MastodonIllegalArgumentError(f"expires_action must be 'mark' or 'delete', not {action!r}")
    for key in ("expires_in", "scheduled_in"):
        value = params.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
            raise MastodonIllegalArgumentError(f"{key} must be a positive number of seconds, not {value!r}")
    expires_at = params.get("expires_at")
    if expires_at is not None and not isinstance(expires_at, (str, datetime)):
        raise MastodonIllegalArgumentError("expires_at must be a datetime")
    visibility = params.get("visibility")
    if visibility is not None:
        text = str(visibility).lower()
        if text not in ("public", "unlisted", "private", "direct", *VISIBILITIES):
            raise MastodonIllegalArgumentError(f"Invalid visibility {visibility!r} for Fedibird")
        params["visibility"] = text


def reactions_of(status: Any, wanted: str | None) -> AttribAccessList:
    """The normalised ``emoji_reactions`` of a status (only ``wanted``'s, when given)."""
    if not isinstance(status, dict):
        return AttribAccessList()
    normalize_status(status)
    reactions = status.get("emoji_reactions")
    if not isinstance(reactions, list):
        return AttribAccessList()
    return AttribAccessList(r for r in reactions if wanted is None or _names(r, wanted))


def _names(reaction: Any, wanted: str) -> bool:
    name = reaction.get("name") if isinstance(reaction, dict) else None
    domain = reaction.get("domain") if isinstance(reaction, dict) else None
    return wanted in (name, f"{name}@{domain}" if domain else None)


def normalize_status(status: dict[str, Any]) -> None:
    real = status.get("visibility_ex")
    if isinstance(real, str) and "visibility_masked" not in status:
        status["visibility_masked"] = status.get("visibility")
        status["visibility"] = real
    unify_reactions(status)
    quote_id = status.get("quote_id")
    if isinstance(quote_id, str) and quote_id.isdigit() and quote_id.isascii() and isinstance(status.get("id"), int):
        status["quote_id"] = int(quote_id)  # as the core does with every other id here
    for key in ("reblog", "quote"):
        if isinstance(status.get(key), dict):
            normalize_status(status[key])


def normalize_notification(notification: dict[str, Any]) -> None:
    reaction = notification.get("emoji_reaction")
    if isinstance(reaction, dict):
        notification.setdefault("emoji", reaction.get("name"))
        if reaction.get("url"):
            notification.setdefault("emoji_url", reaction["url"])
    if isinstance(notification.get("status"), dict):
        normalize_status(notification["status"])


def walk(value: Any) -> None:
    """Normalise every status and notification in a response."""
    walk_entities(value, normalize_status, normalize_notification)
