"""Hollo backend for mastodon-fediverse.

Hollo (https://docs.hollo.social) is federated single-user microblogging software on the
Fedify framework (one login may own several accounts), made to be used with Mastodon clients. It speaks the Mastodon client API
with these differences, which this backend handles:

* its version string is its own bare version (``0.10.0``), naming no Mastodon version: it
  is claimed only when this backend is active, and the Mastodon API level comes from the
  ``api_versions`` level each Hollo release states in ``/api/v2/instance``
  (:data:`API_LEVELS`);
* it is detected from nodeinfo 2.1 (``software.name == "hollo"``); its instance document
  copies Fedibird's ``fedibird_capabilities``, which must not make it look like Fedibird;
* it reads booleans only as ``true``/``false`` (``"1"`` is a 400 error), and several calls
  only as JSON bodies (statuses, lists, markers, featured tags, mutes, poll votes,
  reports, media updates): declared in :func:`mastodon_backend_info`, the core encodes them so;
* what it lacks (streaming, filters, domain blocks, conversations, push, scheduled
  statuses, the admin API...) is refused before any request, with the reason.

Imports only :mod:`mastodon.plugin`.
"""

from __future__ import annotations

import re
from typing import Any

from mastodon.plugin import (
    BackendInfo,
    BackendMatch,
    Endpoint,
    MastodonIllegalArgumentError,
    ServerContext,
    ServerVersion,
    VersionTuple,
    hookimpl,
    version_for_api_level,
)

from .gates import UNSUPPORTED

NAME = "hollo"
#: The ``api_versions.mastodon`` level of ``/api/v2/instance`` by Hollo release, newest
#: first: 7 since Hollo 0.8.0 (its Mastodon 4.5 quote API), 2 in Hollo 0.7. Older releases
#: state none.
API_LEVELS: tuple[tuple[VersionTuple, int], ...] = (
    ((0, 8, 0), 7),
    ((0, 7, 0), 2),
)
#: Calls Hollo reads only as JSON bodies (its form parsing has no arrays and no booleans,
#: the route validates JSON only, or it reads the body as JSON first and then fails on form).
JSON_ROUTES: frozenset[tuple[str, str]] = frozenset(
    {
        ("POST", "/api/v1/statuses"),
        ("PUT", "/api/v1/statuses/{id}"),
        ("POST", "/api/v1/accounts/{id}/mute"),
        ("POST", "/api/v1/featured_tags"),
        ("POST", "/api/v1/lists"),
        ("PUT", "/api/v1/lists/{id}"),
        ("POST", "/api/v1/markers"),
        ("POST", "/api/v1/polls/{id}/votes"),
        ("POST", "/api/v1/reports"),
        ("PUT", "/api/v1/media/{id}"),
    }
)

STATUS_POST = ("POST", "/api/v1/statuses")
ACCOUNT_STATUSES = ("GET", "/api/v1/accounts/{id}/statuses")

_VERSION = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?P<rest>[-+]\S*)?$")


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(
        NAME,
        "Hollo (docs.hollo.social)",
        sample_versions=("0.10.0",),
        max_media_attachments=8,
        boolean_words=("true", "false"),
        json_routes=JSON_ROUTES,
        json_booleans=True,
        unsupported=UNSUPPORTED,
    )


def api_level(own: VersionTuple) -> int | None:
    """The ``api_versions.mastodon`` level Hollo ``own`` states, or ``None`` (none stated)."""
    for first, level in API_LEVELS:
        if own >= first:
            return level
    return None


@hookimpl
def mastodon_parse_version(version_string: str, backend: str | None) -> ServerVersion | None:
    """Hollo's bare ``0.10.0``, claimed only when this backend is active (other servers
    use bare versions too). A release older than any stated API level gets no version gates."""
    if backend != NAME or not isinstance(version_string, str):
        return None
    match = _VERSION.match(version_string.strip())
    if match is None:
        return None
    own = (int(match[1]), int(match[2]), int(match[3]))
    extra = {"build": match["rest"].lstrip("-+")} if match["rest"] else {}
    level = api_level(own)
    release = version_for_api_level(level)
    if level is None or release is None:
        return ServerVersion(mastodon=(1, 0, 0), software=NAME, software_version=own, raw=version_string, extra=extra, gates=False)
    extra["api_level"] = str(level)
    return ServerVersion(mastodon=release, software=NAME, software_version=own, raw=version_string, extra=extra)


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = nodeinfo.get("software") if isinstance(nodeinfo, dict) else None
    name = software.get("name") if isinstance(software, dict) else None
    if isinstance(name, str) and name.lower() == NAME:
        return BackendMatch(NAME, 100, "nodeinfo software.name is 'hollo'")
    return None


@hookimpl
def mastodon_prepare_params(
    ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]
) -> None:
    """A scheduled status is refused: Hollo answers ``scheduled_at`` with 422."""
    if (endpoint.method, endpoint.path) == STATUS_POST and "scheduled_at" in params:
        raise MastodonIllegalArgumentError("Hollo cannot schedule statuses (it answers scheduled_at with 422)")


@hookimpl
def mastodon_normalize_response(ctx: ServerContext, endpoint: Endpoint, result: Any) -> None:
    """``account_statuses``: Hollo's link to the next page names the first status of that
    page as ``max_id``, which excludes it, so every page after the first would skip one
    status; the next page starts after the last status of this one instead."""
    if (endpoint.method, endpoint.path) == ACCOUNT_STATUSES and isinstance(result, list) and result:
        following = getattr(result, "_pagination_next", None)
        last = result[-1].get("id") if isinstance(result[-1], dict) else None
        if isinstance(following, dict) and last is not None:
            following["max_id"] = last


__all__ = [
    "NAME",
    "API_LEVELS",
    "JSON_ROUTES",
    "api_level",
    "mastodon_backend_info",
    "mastodon_parse_version",
    "mastodon_detect_backend",
    "mastodon_prepare_params",
    "mastodon_normalize_response",
]
