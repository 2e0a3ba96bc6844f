"""Takahē backend for mastodon-fediverse.

Takahē (https://jointakahe.org) speaks the Mastodon client API with a few differences,
which this backend handles:

* its version string is ``takahe/0.11.0``, with no Mastodon version in it: it is read as
  Takahē 0.11.0, compatible with Mastodon :data:`MASTODON_COMPAT` (see the README);
* it is detected from nodeinfo (``software.name == "takahe"``) or that version string;
* its error bodies are HTML pages or plain text: the exception carries the page's heading
  (``Page Not Found``), the status phrase for an empty body (``Method Not Allowed``), and
  an unknown access token (a 400 there) raises :class:`MastodonUnauthorizedError`;
* a trailing slash makes any API path a 404: none is ever sent;
* what it lacks (streaming, markers, block/mute lists, domain blocks, push, instance rules,
  status history, list writes...) is declared (:mod:`.gates`): the core refuses it before
  any request, with the reason;
* it ignores ``scheduled_at`` and posts at once: a scheduled ``status_post`` is refused;
* its delete response carries the post's HTML in ``text``: it becomes the plain text that
  delete-and-redraft expects;
* its ids are its own snowflakes, so datetimes used as pagination ids are converted with
  its epoch and layout.

Imports only :mod:`mastodon.plugin`.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from mastodon.plugin import (
    BackendInfo,
    BackendMatch,
    Endpoint,
    ErrorDetails,
    MastodonIllegalArgumentError,
    Route,
    ServerContext,
    ServerVersion,
    VersionTuple,
    hookimpl,
)

from .errors import read_error
from .gates import UNSUPPORTED, push_refusal
from .text import looks_like_html, plain_text

if TYPE_CHECKING:
    import requests

NAME = "takahe"
#: The Mastodon API version Takahē 0.11 is compatible with, for the core's version gates.
#: Takahē implements the 4.0 surface it has (instance v2, v2 filters path, followed tags,
#: status edits and source, v2 media and suggestions) and nothing added in 4.1 or later;
#: what it lacks from older versions is refused by the gate table in :mod:`.gates`.
MASTODON_COMPAT: VersionTuple = (4, 0, 0)
#: Takahē snowflakes: milliseconds since this epoch (2022-01-01), shifted left 22 bits.
SNOWFLAKE_EPOCH = 1641020400
SNOWFLAKE_SHIFT = 22
_EPOCH = datetime.fromtimestamp(SNOWFLAKE_EPOCH, tz=timezone.utc)

_VERSION = re.compile(r"^takahe/v?(\d+)\.(\d+)(?:\.(\d+))?(?P<rest>\S*)$", re.IGNORECASE)


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(
        NAME,
        "Takahē (jointakahe.org)",
        feature_sets=("takahē",),
        sample_versions=("takahe/0.11.0",),
        unsupported=UNSUPPORTED,
    )


@hookimpl
def mastodon_parse_version(version_string: str) -> ServerVersion | None:
    """``takahe/0.11.0`` (also ``takahe/0.11``, ``takahe/0.11.0-dev``)."""
    if not isinstance(version_string, str):
        return None
    match = _VERSION.match(version_string.strip())
    if match is None:
        return None
    own = (int(match[1]), int(match[2]), int(match[3] or 0))
    extra = {"build": match["rest"].lstrip("-+.")} if match["rest"] else {}
    return ServerVersion(mastodon=MASTODON_COMPAT, software=NAME, software_version=own, raw=version_string, extra=extra)


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = nodeinfo.get("software") if isinstance(nodeinfo, dict) else None
    name = software.get("name") if isinstance(software, dict) else None
    if isinstance(name, str) and name.lower() == NAME:
        return BackendMatch(NAME, 100, "nodeinfo software.name is 'takahe'")
    version = instance.get("version") if isinstance(instance, dict) else None
    if isinstance(version, str) and mastodon_parse_version(version) is not None:
        return BackendMatch(NAME, 90, f"instance version is {version!r}")
    return None


@hookimpl
def mastodon_endpoint_available(ctx: ServerContext, endpoint: Endpoint) -> str | None:
    """Push subscriptions only when the caller says the server has VAPID keys (the rest is declared)."""
    return push_refusal(endpoint.path, ctx.extra)


@hookimpl
def mastodon_prepare_params(
    ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]
) -> None:
    if "scheduled_at" in params and endpoint.method == "POST" and endpoint.path == "/api/v1/statuses":
        raise MastodonIllegalArgumentError(
            "Takahē cannot schedule statuses: it ignores scheduled_at and would post at once"
        )


@hookimpl
def mastodon_normalize_response(ctx: ServerContext, endpoint: Endpoint, result: Any) -> None:
    """``status_delete``: ``text`` is the source text on Mastodon, the post's HTML on Takahē."""
    if endpoint.method == "DELETE" and endpoint.path == "/api/v1/statuses/{id}" and isinstance(result, dict):
        text = result.get("text")
        if isinstance(text, str) and looks_like_html(text):
            result["text"] = plain_text(text)


@hookimpl
def mastodon_route(ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any]) -> Route | None:
    """Takahē answers 404 to any API path with a trailing slash: never send one."""
    path = endpoint.path
    if len(path) > 1 and path.endswith("/"):
        return Route(endpoint.method, path.rstrip("/"))
    return None


@hookimpl
def mastodon_error_message(ctx: ServerContext, response: requests.Response) -> ErrorDetails | None:
    return read_error(
        response.status_code,
        response.headers.get("Content-Type", ""),
        response.text or "",
        response.reason,
    )


@hookimpl
def mastodon_datetime_to_id(ctx: ServerContext, value: datetime) -> int:
    """A Takahē snowflake for ``value``: 41 bits of ms since 2022-01-01, then 22 bits of zeros."""
    if value.tzinfo is None:
        value = value.astimezone()
    millis = (value - _EPOCH) // timedelta(milliseconds=1)
    return max(millis, 0) << SNOWFLAKE_SHIFT


__all__ = [
    "NAME",
    "MASTODON_COMPAT",
    "SNOWFLAKE_EPOCH",
    "mastodon_backend_info",
    "mastodon_parse_version",
    "mastodon_detect_backend",
    "mastodon_endpoint_available",
    "mastodon_prepare_params",
    "mastodon_normalize_response",
    "mastodon_route",
    "mastodon_error_message",
    "mastodon_datetime_to_id",
]
