"""The Pleroma backend (Akkoma extends it: see :mod:`mastodon_backends.akkoma`).

What it changes, for ``feature_set="pleroma"`` (or when detected):

- **Ids** are flake ids (base62-like strings): kept as strings, never turned into ints or
  datetimes; a datetime passed where an id is expected raises.
- **Posting**: ``status_post(content_type=...)`` is sent (``text/plain``,
  ``text/markdown``, ``text/html``, ``text/bbcode``, or what the server lists in its
  ``postFormats``); other values raise before any request. Extra visibilities ``local``
  (local-only) and ``list:<id>``. Parameters whose value is ``None`` are never sent.
- **Pleroma's own posting parameters** (``expires_in``, ``preview``, ``to``,
  ``in_reply_to_conversation_id``, ``quote_id``...) through the extension endpoint
  ``pleroma_status_post``: ``api.call_endpoint("pleroma_status_post", status="hi",
  expires_in=3600)``.
- **Emoji reactions** (Pleroma 2.0.0 and later) through
  ``/api/v1/pleroma/statuses/:id/reactions``; every status gets a top-level
  ``emoji_reactions`` list of ``{name, count, me, url?, account_ids?}``, and
  ``pleroma:emoji_reaction`` notifications get an ``emoji_reaction`` dict.
- **Responses**: the ``pleroma`` sub-objects stay; quotes surface as top-level ``quote``
  and ``quote_id``; the instance's ``uri`` becomes a domain as on mainline (the URL
  Pleroma sent stays in ``uri_original``) and its limits (``max_toot_chars``,
  ``poll_limits``, ``upload_limit``...) are also filled into ``configuration``.
- **Gates**: endpoints Pleroma serves although it reports Mastodon 2.7.2 (polls,
  bookmarks, markers, edits...) are allowed by Pleroma's own version; ``featured_tags``
  (404 on Pleroma) is refused before a request. Every other endpoint is gated by the
  reported Mastodon version (2.7.2), and each such refusal says so: Pleroma's route
  table was not available to check them against.
- **Notification types**: ``notifications(types=[...])`` is not refused although Mastodon
  added ``types[]`` in 3.5.0: Pleroma takes the list as ``include_types[]`` (declared in
  ``params_beyond_version``; Akkoma takes ``types[]`` as it is).
- **Streaming** uses WebSocket.
"""

from __future__ import annotations

import re
from typing import Any

from mastodon.plugin import (
    ENDPOINTS,
    ID,
    LIST,
    AttribAccessDict,
    AttribAccessList,
    BackendInfo,
    BackendMatch,
    DecodeOptions,
    Endpoint,
    MastodonIllegalArgumentError,
    Param,
    Route,
    ServerContext,
    ServerVersion,
    find_version_tuple,
    hookimpl,
    normalize_reaction,
    unify_quote,
    unify_reactions,
    walk_entities,
)

NAME = "pleroma"
FAMILY = ("pleroma", "akkoma")
FEATURES = frozenset({"emoji_reactions", "local_only", "list_visibility", "content_type", "expiring_statuses"})
VISIBILITIES = ("local", "list:")
MAINLINE_VISIBILITIES = ("public", "unlisted", "private", "direct")
#: The content types Pleroma's documentation lists for ``content_type``.
CONTENT_TYPES = ("text/plain", "text/markdown", "text/html", "text/bbcode")
#: Pleroma's documented claim: "generally compatible with the Mastodon 2.7.2 API".
COMPATIBLE_MASTODON = (2, 7, 2)

REACTIONS = "/api/v1/pleroma/statuses/{id}/reactions"
ROUTES = {
    "status_emoji_reaction_create": Route("PUT", REACTIONS + "/{emoji}"),
    "status_emoji_reaction_delete": Route("DELETE", REACTIONS + "/{emoji}"),
    "pleroma_status_post": Route("POST", "/api/v1/statuses"),
}
#: Endpoints Pleroma serves from the given Pleroma version, whatever Mastodon version it reports.
SINCE: dict[str, tuple[int, int, int]] = {
    "status_emoji_reactions": (2, 0, 0),
    "status_emoji_reaction_create": (2, 0, 0),
    "status_emoji_reaction_delete": (2, 0, 0),
    "pleroma_status_post": (1, 0, 0),
    "poll": (1, 0, 0),
    "poll_vote": (1, 0, 0),
    "status_bookmark": (1, 0, 0),
    "status_unbookmark": (1, 0, 0),
    "bookmarks": (1, 0, 0),
    "instance_nodeinfo": (1, 0, 0),
    "markers_get": (2, 0, 0),
    "markers_set": (2, 0, 0),
    "status_update": (2, 5, 0),
    "status_history": (2, 5, 0),
    "status_source": (2, 5, 0),
}
#: Why every other endpoint is gated by the reported Mastodon version (``version_gate_note``).
VERSION_GATE_NOTE = (
    "Pleroma's gates follow the Mastodon API level it reports (2.7.2: its documentation says it "
    '"is generally compatible with the Mastodon 2.7.2 API"); Pleroma\'s route table was not checked, '
    "so the server may serve this anyway (version_check_mode='none' sends it)"
)
#: Parameters Pleroma takes although Mastodon added them after 2.7.2 (in its own spelling:
#: ``types[]`` is sent as ``include_types[]``, see ``mastodon_prepare_params``).
PARAMS_BEYOND_VERSION = frozenset({"notifications.types"})
#: Endpoints Pleroma does not implement at all.
MISSING = {
    "featured_tags": "Pleroma answers GET /api/v1/featured_tags with 404",
    "featured_tag_suggestions": "Pleroma does not implement /api/v1/featured_tags",
    "featured_tag_create": "Pleroma does not implement /api/v1/featured_tags",
    "featured_tag_delete": "Pleroma does not implement /api/v1/featured_tags",
}

_COMPATIBLE = re.compile(r"\(compatible[;:]\s*(?P<name>pleroma|akkoma)\s+v?(?P<own>[^\s)]+)", re.IGNORECASE)

PLEROMA_STATUS_POST = Endpoint(
    "pleroma_status_post",
    "POST",
    "/api/v1/statuses",
    (
        # mainline's parameters (its extension ones are declared below as plain ones)
        *ENDPOINTS["status_post"].mainline_params,
        Param("content_type"),
        Param("expires_in"),
        Param("preview"),
        LIST("to"),
        ID("in_reply_to_conversation_id"),
        ID("quote_id"),
    ),
    returns="Status",
    section="Server extras: Pleroma",
    mainline=False,
)


# -- discovery ---------------------------------------------------------------------------


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(
        NAME,
        "Pleroma: flake ids, content types, local/list visibilities, emoji reactions",
        features=FEATURES,
        visibilities=VISIBILITIES,
        max_media_attachments=None,
        sample_versions=("2.7.2 (compatible; Pleroma 2.6.0)",),
        version_gate_note=VERSION_GATE_NOTE,
        params_beyond_version=PARAMS_BEYOND_VERSION,
    )


@hookimpl
def mastodon_parse_version(version_string: str) -> ServerVersion | None:
    """``"2.7.2 (compatible; Pleroma 2.5.0)"`` and the Akkoma form of it.

    The Mastodon version (for gates) and the server's own version are kept apart; a
    string without the leading Mastodon version gets Pleroma's documented 2.7.2.
    """
    match = _COMPATIBLE.search(version_string)
    if match is None:
        return None
    own = match["own"]
    return ServerVersion(
        mastodon=find_version_tuple(version_string[: match.start()]) or COMPATIBLE_MASTODON,
        software=match["name"].lower(),
        software_version=find_version_tuple(own),
        raw=version_string,
        extra={"build": own},
    )


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = _get(nodeinfo, "software", "name")
    if isinstance(software, str) and software.lower() == NAME:
        return BackendMatch(NAME, 100, "nodeinfo software.name is 'pleroma'")
    upstream = _get(nodeinfo, "metadata", "upstream", "name")
    if isinstance(upstream, str) and upstream.lower() == NAME:
        return BackendMatch(NAME, 80, "nodeinfo metadata.upstream names Pleroma")
    features = _get(nodeinfo, "metadata", "features")
    if isinstance(features, list) and "pleroma_api" in features:
        return BackendMatch(NAME, 60, "nodeinfo metadata.features lists 'pleroma_api'")
    if isinstance(instance, dict):
        if isinstance(_get(instance, "pleroma", "metadata"), dict):
            return BackendMatch(NAME, 50, "the instance document has a 'pleroma.metadata' object")
        version = instance.get("version")
        if isinstance(version, str) and "compatible; pleroma" in version.lower():
            return BackendMatch(NAME, 20, f"version string {version!r}")
    return None


@hookimpl
def mastodon_extra_endpoints() -> list[Endpoint]:
    return [PLEROMA_STATUS_POST]


# -- per call ----------------------------------------------------------------------------


@hookimpl
def mastodon_endpoint_available(ctx: ServerContext, endpoint: Endpoint) -> bool | str | None:
    if ctx.version_check_mode == "none":
        return None
    name = endpoint.name
    missing = MISSING.get(name)
    if missing is not None:
        return missing
    since = SINCE.get(name)
    if since is None:
        return None
    version = ctx.version
    if version is None or version.software not in FAMILY or version.software_version is None:
        return True
    if version.software == NAME and version.software_version < since:
        have = ".".join(map(str, version.software_version))
        need = ".".join(map(str, since))
        return f"needs Pleroma {need} or later, the server runs Pleroma {have}"
    return True


@hookimpl(trylast=True)  # after every other plugin, so no explicit null slips through
def mastodon_prepare_params(
    ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]
) -> None:
    name = endpoint.name
    if name == "notifications" and ctx.backend == NAME and "types[]" in params:
        # Pleroma's documented name; Akkoma (which extends this backend) takes types[].
        params["include_types[]"] = params.pop("types[]")
    elif name == "status_post":
        content_type = extensions.pop("content_type", None)
        if content_type is not None:
            params["content_type"] = check_content_type(ctx, content_type)
    elif name == "pleroma_status_post":
        if params.get("content_type") is not None:
            params["content_type"] = check_content_type(ctx, params["content_type"])
        if params.get("visibility") is not None:
            params["visibility"] = check_visibility(params["visibility"])
        if params.get("expires_in") is not None:
            params["expires_in"] = check_seconds("expires_in", params["expires_in"])
    elif name == "status_emoji_reactions" and extensions.get("emoji") is not None:
        params["emoji"] = extensions.pop("emoji")
    for key in [key for key, value in params.items() if value is None]:
        del params[key]  # Pleroma rejects explicit nulls


@hookimpl
def mastodon_route(ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any]) -> Route | None:
    if endpoint.name == "status_emoji_reactions":
        return Route("GET", REACTIONS + ("/{emoji}" if "emoji" in params else ""))
    return ROUTES.get(endpoint.name)


@hookimpl
def mastodon_decode_options(ctx: ServerContext) -> DecodeOptions:
    return DecodeOptions(convert_ids=False)


@hookimpl
def mastodon_streaming_transport(ctx: ServerContext, stream: str) -> str:
    return "websocket"


@hookimpl
def mastodon_normalize_response(ctx: ServerContext, endpoint: Endpoint, result: Any) -> Any:
    name = endpoint.name
    if name in ("instance", "instance_v2"):
        if isinstance(result, dict):
            normalize_instance(result)
        return None
    if name == "status_emoji_reactions":
        reactions = AttribAccessList([result]) if isinstance(result, dict) else result
        if isinstance(reactions, list):  # anything else is left as the server sent it
            for reaction in reactions:
                normalize_reaction(reaction)
        return reactions if reactions is not result else None
    walk(result)
    return None


# -- helpers -----------------------------------------------------------------------------


def _get(value: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def post_formats(ctx: ServerContext) -> tuple[str, ...]:
    """The content types the server advertises, or the documented four."""
    formats = _get(ctx.nodeinfo, "metadata", "postFormats") or _get(ctx.instance, "pleroma", "metadata", "post_formats")
    if isinstance(formats, list) and formats and all(isinstance(f, str) for f in formats):
        return tuple(formats)
    return CONTENT_TYPES


def check_content_type(ctx: ServerContext, value: Any) -> str:
    allowed = post_formats(ctx)
    if not isinstance(value, str) or value not in allowed:
        raise MastodonIllegalArgumentError(
            f"Invalid content_type {value!r}; the server accepts {', '.join(allowed)}"
        )
    return value


def check_visibility(value: Any) -> str:
    text = value.lower() if isinstance(value, str) else ""
    if text in MAINLINE_VISIBILITIES or text == "local":
        return text
    if text.startswith("list:") and len(text) > 5:
        return "list:" + value[5:]  # list ids are case-sensitive flake ids
    raise MastodonIllegalArgumentError(
        f"Invalid visibility {value!r}; use public, unlisted, private, direct, local or list:<id>"
    )


def check_seconds(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise MastodonIllegalArgumentError(f"{name} must be a positive number of seconds, not {value!r}")
    return value


def normalize_status(status: dict[str, Any]) -> None:
    extras = status.get("pleroma")
    extras = extras if isinstance(extras, dict) else {}
    unify_reactions(status, extras.get("emoji_reactions"))
    unify_quote(status, extras.get("quote"), extras.get("quote_id"))
    for key in ("reblog", "quote"):
        if isinstance(status.get(key), dict):
            normalize_status(status[key])


def normalize_notification(notification: dict[str, Any]) -> None:
    if notification.get("type") == "pleroma:emoji_reaction" and "emoji_reaction" not in notification:
        reaction = AttribAccessDict(name=notification.get("emoji"))
        if notification.get("emoji_url"):
            reaction["url"] = notification["emoji_url"]
        notification["emoji_reaction"] = reaction
    if isinstance(notification.get("status"), dict):
        normalize_status(notification["status"])


def walk(value: Any) -> None:
    """Normalise every status and notification in a response."""
    walk_entities(value, normalize_status, normalize_notification)


def normalize_instance(instance: dict[str, Any]) -> None:
    """Mainline's shape for Pleroma's instance document; Pleroma's own fields stay."""
    uri = instance.get("uri")
    if isinstance(uri, str) and "://" in uri:
        instance["uri_original"] = uri
        instance["uri"] = uri.split("://", 1)[1].split("/", 1)[0]
    if isinstance(instance.get("max_toot_chars"), int):
        _fill(instance, "statuses", "max_characters", instance["max_toot_chars"])
    formats = _get(instance, "pleroma", "metadata", "post_formats")
    if isinstance(formats, list):
        _fill(instance, "statuses", "supported_mime_types", formats)
    polls = instance.get("poll_limits")
    if isinstance(polls, dict):
        for theirs, ours in POLL_LIMITS:
            if theirs in polls:
                _fill(instance, "polls", ours, polls[theirs])
    if isinstance(instance.get("upload_limit"), int):
        _fill(instance, "media_attachments", "image_size_limit", instance["upload_limit"])
        _fill(instance, "media_attachments", "video_size_limit", instance["upload_limit"])
    if isinstance(instance.get("description_limit"), int):
        _fill(instance, "media_attachments", "description_limit", instance["description_limit"])


#: Pleroma's ``poll_limits`` keys and mainline's ``configuration.polls`` names for them.
POLL_LIMITS = (
    ("max_options", "max_options"),
    ("max_option_chars", "max_characters_per_option"),
    ("min_expiration", "min_expiration"),
    ("max_expiration", "max_expiration"),
)


def _fill(instance: dict[str, Any], section: str, key: str, value: Any) -> None:
    """Set ``configuration.<section>.<key>`` unless the server already sent it."""
    configuration = instance.get("configuration")
    if not isinstance(configuration, dict):
        configuration = instance["configuration"] = AttribAccessDict()
    target = configuration.get(section)
    if not isinstance(target, dict):
        target = configuration[section] = AttribAccessDict()
    target.setdefault(key, value)
