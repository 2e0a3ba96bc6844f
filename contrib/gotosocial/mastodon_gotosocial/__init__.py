"""GoToSocial backend for mastodon-fediverse.

GoToSocial (https://gotosocial.org) speaks most of the Mastodon client API. This backend
handles where it differs:

* its version string is its own (``v0.20.0-rc1+git-57cb4fe``), or, with
  ``instance-inject-mastodon-version``, ``3.5.3+`` followed by it: both are read as
  GoToSocial 0.20.0, compatible with Mastodon :data:`MASTODON_COMPAT` (see the README);
* it is detected from nodeinfo (``software.name == "gotosocial"``) or that version string;
* it answers ``418 I'm a teapot`` to requests without a ``User-Agent``: one is always sent;
* ids are ULID strings and stay strings; datetimes given as pagination ids become ULIDs;
* streaming is WebSocket only;
* posts can be ``mutuals_only``, local-only (visibility ``"local"``, sent as a public post
  with ``local_only``/``federated=false``) and written in Markdown
  (``content_type="text/markdown"``);
* JSON bodies (a status with a poll) need real booleans, not ``"1"``/``"0"``;
* undoing a boost answers with the status as it was before (still ``reblogged``): the
  answer is corrected;
* its health check is ``GET /readyz``;
* parameters it ignores (``only_media``/``remote`` on timelines, ``since_id`` on an
  account's statuses...) are refused instead of silently giving unfiltered results;
* the admin report list shows unresolved reports unless asked otherwise, as on Mastodon;
* the app token ``create_account`` asks for carries a ``redirect_uri``, which GoToSocial
  requires;
* keyword filters are created through the v2 API (0.20's v1 route loses the keyword);
* what it lacks is declared (:mod:`.gates`): the core refuses it before any request, with the reason.

Imports only :mod:`mastodon.plugin`.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from mastodon.plugin import (
    AttribAccessDict,
    BackendInfo,
    BackendMatch,
    DecodeOptions,
    Endpoint,
    MastodonBackendFeatureError,
    MastodonIllegalArgumentError,
    Route,
    ServerContext,
    ServerVersion,
    VersionTuple,
    hookimpl,
)

from .gates import UNSUPPORTED, ignored_params
from .ulid import ulid_for_datetime

NAME = "gotosocial"
#: The Mastodon API version GoToSocial 0.20 is compatible with, for the core's version
#: gates: it serves the Mastodon 4.0 additions it has (the v2 instance document, v2
#: filters, status edits with history and source, v2 media, scheduled statuses); what it
#: lacks from older versions is refused by the gate table in :mod:`.gates`.
MASTODON_COMPAT: VersionTuple = (4, 0, 0)
#: What GoToSocial's ``instance-inject-mastodon-version`` puts in front of its version.
INJECTED_PREFIX = "3.5.3"
#: Sent when the client has no User-Agent of its own (GoToSocial answers 418 without one).
DEFAULT_USER_AGENT = "mastodonpy"
#: Status text formats GoToSocial understands.
CONTENT_TYPES = ("text/plain", "text/markdown")
#: The out-of-band redirect URI (what ``create_app`` registers by default).
OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob"
#: The visibility that makes a local-only post (GoToSocial has no such visibility; the
#: post is public and not federated).
LOCAL_VISIBILITY = "local"

# "v0.20.0-rc1+git-57cb4fe", "0.17.3+git-6f4cb2f", "0.20.0-local", "0.7.1 git-2a3b4c5",
# and the injected "3.5.3+v0.20.0-rc1+git-57cb4fe".
_VERSION = re.compile(
    r"^(?:(?P<compat>\d+\.\d+\.\d+)\+)?v?(?P<major>\d+)\.(?P<minor>\d+)\.(?P<patch>\d+)"
    r"(?:-(?P<pre>[0-9A-Za-z.]+))?(?:[+ ](?P<build>[0-9A-Za-z.+-]+))?$"
)
# Booleans of the status endpoints, for JSON bodies.
_BOOLEANS = ("sensitive", "local_only", "federated")


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(
        NAME,
        "GoToSocial (gotosocial.org)",
        feature_sets=("gts",),
        features=frozenset({"local_only", "markdown", "mutuals_only"}),
        visibilities=("mutuals_only", LOCAL_VISIBILITY),
        max_media_attachments=6,
        sample_versions=("0.20.0",),
        unsupported=UNSUPPORTED,
    )


@hookimpl
def mastodon_parse_version(version_string: str) -> ServerVersion | None:
    """GoToSocial's own version strings, plain or behind the injected ``3.5.3+``.

    A string counts as GoToSocial's when its major version is 0 (GoToSocial has not had a
    1.0 yet), when it carries a ``git-`` build, or when it has the injected prefix; plain
    Mastodon versions ("4.2.1", "3.5.3+glitch") and Hometown's "1.0.5+3.5.2" do not.
    """
    if not isinstance(version_string, str):
        return None
    match = _VERSION.match(version_string.strip())
    if match is None:
        return None
    own = (int(match["major"]), int(match["minor"]), int(match["patch"]))
    build = match["build"] or ""
    compat = match["compat"]
    if not (own[0] == 0 or build.startswith("git-") or compat == INJECTED_PREFIX):
        return None
    extra = {}
    if match["pre"]:
        extra["prerelease"] = match["pre"]
    if build:
        extra["build"] = build
    if compat:
        extra["injected_mastodon_version"] = compat
    return ServerVersion(mastodon=MASTODON_COMPAT, software=NAME, software_version=own, raw=version_string, extra=extra)


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = ((nodeinfo or {}).get("software") or {}).get("name")
    if isinstance(software, str) and software.lower() == NAME:
        return BackendMatch(NAME, 100, "nodeinfo software.name is 'gotosocial'")
    version = (instance or {}).get("version")
    if nodeinfo is None and isinstance(version, str) and mastodon_parse_version(version) is not None:
        return BackendMatch(NAME, 50, f"instance version {version!r} is a GoToSocial version")
    return None


@hookimpl
def mastodon_route(ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any]) -> Route | None:
    """The health check lives at ``/readyz`` (200 with an empty body when healthy).

    Keyword filters are created through the v2 API: GoToSocial 0.20's
    ``POST /api/v1/filters`` answers as if it had worked but stores the filter without its
    keyword, so it never filters and cannot be read, changed or deleted through v1.
    """
    if endpoint.method == "GET" and endpoint.path == "/health":
        return Route("GET", "/readyz")
    if endpoint.method == "POST" and endpoint.path == "/api/v1/filters":
        phrase = params.get("phrase")
        v2: dict[str, Any] = {"title": phrase}
        if "context[]" in params:
            v2["context[]"] = params["context[]"]
        v2["filter_action"] = "hide" if params.get("irreversible") == "1" else "warn"
        if "expires_in" in params:
            v2["expires_in"] = params["expires_in"]
        v2["keywords_attributes[][keyword]"] = phrase
        if "whole_word" in params:
            v2["keywords_attributes[][whole_word]"] = params["whole_word"]
        params.clear()
        params.update(v2)
        return Route("POST", "/api/v2/filters")
    return None


def _v1_filter(result: dict[str, Any]) -> AttribAccessDict:
    """A v2 filter (with one keyword) as the v1 filter ``filter_create`` returns."""
    keywords = result.get("keywords")
    keyword = keywords[0] if isinstance(keywords, list) and keywords and isinstance(keywords[0], dict) else {}
    return AttribAccessDict(
        id=keyword.get("id"),
        phrase=keyword.get("keyword"),
        context=result.get("context"),
        whole_word=keyword.get("whole_word"),
        expires_at=result.get("expires_at"),
        irreversible=result.get("filter_action") == "hide",
    )


def _json_body(endpoint: Endpoint, params: dict[str, Any]) -> bool:
    """Whether the core will send ``params`` as JSON (as the pipeline decides it)."""
    return endpoint.body == "json" or any(p.kind == "json" and p.wire_name in params for p in endpoint.params)


@hookimpl
def mastodon_prepare_params(
    ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]
) -> None:
    if endpoint.method == "POST" and endpoint.path == "/api/v1/statuses":
        content_type = extensions.get("content_type")
        if content_type is not None:
            if content_type not in CONTENT_TYPES:
                raise MastodonIllegalArgumentError(
                    f"GoToSocial cannot post {content_type!r} statuses; use one of {', '.join(CONTENT_TYPES)}"
                )
            params["content_type"] = content_type
        if params.get("visibility") == LOCAL_VISIBILITY:
            # GoToSocial >= 0.17 reads local_only; older versions only federated.
            params["visibility"] = "public"
            params["local_only"] = "1"
            params["federated"] = "0"
    ignored = ignored_params(endpoint.method, endpoint.path)
    for name in ignored:
        wire = next((p.wire_name for p in endpoint.params if p.name == name), name)
        if wire in params:
            raise MastodonBackendFeatureError(
                f"{endpoint.name}({name}=...)", NAME, f"GoToSocial ignores {name!r} on {endpoint.method} {endpoint.path}"
            )
    if endpoint.method == "POST" and endpoint.path == "/oauth/token" and params.get("grant_type") == "client_credentials":
        # GoToSocial wants a redirect_uri in every token request (Mastodon does not for
        # this grant); the library registers apps with the out-of-band one by default.
        params.setdefault("redirect_uri", OOB_REDIRECT)
    if endpoint.method == "GET" and endpoint.path == "/api/v1/admin/reports" and "resolved" not in params:
        # Mastodon lists unresolved reports by default; GoToSocial lists all of them.
        params["resolved"] = "0"
    if params and _json_body(endpoint, params):
        # GoToSocial decodes JSON bodies strictly: "1" is no boolean there.
        for key in _BOOLEANS:
            if params.get(key) in ("1", "0"):
                params[key] = params[key] == "1"


_FILTER_STATUS_RESULTS = frozenset({"FilterStatus", "[FilterStatus]", "FilterV2", "[FilterV2]"})


def _filter_statuses(returns: str, result: Any) -> list[Any]:
    """The filter-status entries in a result of type ``returns``."""
    items = result if isinstance(result, list) else [result]
    if returns.strip("[]") == "FilterStatus":
        return items
    return [entry for group in items if isinstance(group, dict) for entry in group.get("statuses") or ()]


@hookimpl
def mastodon_normalize_response(ctx: ServerContext, endpoint: Endpoint, result: Any) -> Any:
    """GoToSocial undoes a boost in the background and answers with the status as it was
    before: still ``reblogged``, still counted. Mainline answers with the status after.

    ``filter_create`` (sent to the v2 API, see :func:`mastodon_route`) answers with the v1
    filter it made.

    GoToSocial 0.20 names a filter-status entry's ``status_id`` ``phrase``; it is renamed
    back, in filter groups' ``statuses`` lists too."""
    if endpoint.method == "POST" and endpoint.path == "/api/v1/filters" and isinstance(result, dict) and "keywords" in result:
        return _v1_filter(result)
    if endpoint.returns in _FILTER_STATUS_RESULTS:
        for entry in _filter_statuses(endpoint.returns, result):
            if isinstance(entry, dict) and "status_id" not in entry and "phrase" in entry:
                entry["status_id"] = entry.pop("phrase")
        return None
    if endpoint.method == "POST" and endpoint.path == "/api/v1/statuses/{id}/unreblog" and isinstance(result, dict):
        if result.get("reblogged") is True:
            result["reblogged"] = False
            count = result.get("reblogs_count")
            if isinstance(count, int) and count > 0:
                result["reblogs_count"] = count - 1
    return None


@hookimpl
def mastodon_request_headers(ctx: ServerContext, headers: dict[str, str]) -> None:
    """GoToSocial answers ``418 I'm a teapot`` to requests without a User-Agent."""
    if not headers.get("User-Agent"):
        headers["User-Agent"] = DEFAULT_USER_AGENT


@hookimpl
def mastodon_decode_options(ctx: ServerContext) -> DecodeOptions:
    """ULIDs are strings; never turn digit-only values of id fields into ints."""
    return DecodeOptions(convert_ids=False)


@hookimpl
def mastodon_datetime_to_id(ctx: ServerContext, value: datetime) -> str:
    """The smallest ULID of that millisecond (status and notification ids are time-based)."""
    return ulid_for_datetime(value)


@hookimpl
def mastodon_streaming_transport(ctx: ServerContext, stream: str) -> str:
    """GoToSocial streams over WebSocket only (``/api/v1/streaming?stream=...``)."""
    return "websocket"


__all__ = [
    "NAME",
    "MASTODON_COMPAT",
    "INJECTED_PREFIX",
    "CONTENT_TYPES",
    "LOCAL_VISIBILITY",
    "mastodon_backend_info",
    "mastodon_parse_version",
    "mastodon_detect_backend",
    "mastodon_route",
    "mastodon_prepare_params",
    "mastodon_normalize_response",
    "mastodon_request_headers",
    "mastodon_decode_options",
    "mastodon_datetime_to_id",
    "mastodon_streaming_transport",
]
