"""Learning about a server: nodeinfo, instance document, version string, backend choice."""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .backend_types import BackendMatch
from .errors import MastodonAPIError, MastodonError, MastodonNetworkError, MastodonRatelimitError, MastodonServerError
from .transport import Transport
from .versions import ServerVersion, find_version_tuple, version_for_api_level

if TYPE_CHECKING:
    from .plugins import BackendRegistry, Hooks

NODEINFO_SCHEMAS = (
    "http://nodeinfo.diaspora.software/ns/schema/2.1",
    "http://nodeinfo.diaspora.software/ns/schema/2.0",
)


def fetch_json(transport: Transport, path_or_url: str, auth: bool = False) -> Any:
    """GET a JSON document from the API host; a URL on another host is not followed."""
    from .decode import decode_response

    base = transport.api_base_url
    if path_or_url.startswith(("http://", "https://")):
        target, here = urlsplit(path_or_url), urlsplit(base)
        if target.netloc != here.netloc:
            return None
        path = target.path + (f"?{target.query}" if target.query else "")
    else:
        path = path_or_url
    response = transport.request("GET", path, auth=auth, ratelimit=False)
    return decode_response(response, convert_ids=False)


def fetch_nodeinfo(transport: Transport, schema: str | None = None) -> Any:
    """The server's nodeinfo document (2.1 or 2.0 by default), or ``None``."""
    index = fetch_json(transport, "/.well-known/nodeinfo")
    links = index.get("links") if isinstance(index, dict) else None
    if not isinstance(links, list):
        return None
    wanted = (schema,) if schema else NODEINFO_SCHEMAS
    for rel in wanted:
        for link in links:
            if isinstance(link, dict) and link.get("rel") == rel and link.get("href") and isinstance(link["href"], str):
                return fetch_json(transport, link["href"])
    return None


def parse_server_version(hooks: Hooks, version_string: str) -> ServerVersion:
    """Parse through the backends' hooks; fall back to the first ``x.y.z`` in the string."""
    parsed = None
    try:
        parsed = hooks.parse_version(version_string)
    except Exception as exc:  # a plugin bug must not break connecting  # noqa: BLE001
        warnings.warn(f"version parser plugin failed on {version_string!r}: {exc}", stacklevel=2)
    if parsed is not None:
        return parsed
    return fallback_server_version(version_string)


_COMPATIBLE = re.compile(r"\(compatible[;:]\s*([A-Za-z][\w.-]*)\s+([^\s)]+)", re.IGNORECASE)
_SLASHED = re.compile(r"^\s*([A-Za-z][\w.-]*)/v?(\d[^\s]*)")


def fallback_server_version(version_string: str) -> ServerVersion:
    """What any version string says when no backend claims it. Never raises.

    The Mastodon version is the first ``x.y[.z]`` in the string (``1.0.0`` if none); the
    common ``"<mastodon> (compatible; <Name> <version>)"`` and ``"<name>/<version>"``
    forms also name the software and its own version. A string without a version, a
    ``"<name>/<version>"`` string or a version below 1.0.0 names no Mastodon version: the
    result has ``gates=False``.
    """
    text = version_string if isinstance(version_string, str) else str(version_string)
    named_version = find_version_tuple(text)
    found = named_version or (1, 0, 0)
    software, own = "unknown", found
    compatible = _COMPATIBLE.search(text)
    slashed = None if compatible else _SLASHED.match(text)
    named = compatible or slashed
    if named:
        software, own = named[1].lower(), find_version_tuple(named[2])  # type: ignore[assignment]
    # "<name>/<version>" or a 0.x version is the software's own version, not a Mastodon one.
    gates = named_version is not None and slashed is None and found >= (1, 0, 0)
    return ServerVersion(mastodon=found, software=software, software_version=own, raw=text, gates=gates)


def _document(value: Any) -> dict[str, Any] | None:
    """Only JSON objects reach the detection hooks (a server may answer anything)."""
    return value if isinstance(value, dict) else None


def detect_backend(
    registry: BackendRegistry, transport: Transport
) -> tuple[BackendMatch | None, dict[str, Any] | None, dict[str, Any] | None]:
    """Ask every backend about the server's nodeinfo and instance documents."""
    nodeinfo: dict[str, Any] | None = None
    instance: dict[str, Any] | None = None
    try:
        nodeinfo = _document(fetch_nodeinfo(transport))
    except MastodonError:
        nodeinfo = None
    try:
        instance = _document(fetch_json(transport, "/api/v1/instance", auth=True))
    except MastodonNetworkError:
        raise  # unreachable: say so, rather than "no backend recognises this server"
    except MastodonError:
        instance = None
    matches = registry.detect(nodeinfo, instance)
    return (matches[0] if matches else None), nodeinfo, instance


#: Errors that say nothing about the server's version: the next call asks again.
TRANSIENT_ERRORS = (MastodonNetworkError, MastodonRatelimitError, MastodonServerError)


def fetch_server_version(transport: Transport, hooks: Hooks) -> tuple[ServerVersion | None, dict[str, Any] | None, str]:
    """Ask the server its version: ``(version, instance document, "")``.

    The version string of ``/api/v1/instance`` is parsed through the backends' hooks. When
    it names no Mastodon version, the ``api_versions`` level of ``/api/v2/instance``
    (Mastodon 4.3+) stands in for it. When the server answers but cannot tell (an error
    page, no instance document, no version in it) the result is ``(None, document, reason)``.
    Unreachable servers, rate limiting and server errors raise (they say nothing about the
    version).
    """
    try:
        instance = fetch_json(transport, "/api/v1/instance", auth=True)
    except TRANSIENT_ERRORS:
        raise
    except MastodonAPIError as exc:
        return None, None, f"HTTP {exc.status_code}: {exc.error_message}" if exc.status_code else str(exc.args[0])
    if not isinstance(instance, dict):
        return None, None, "the instance document is not a JSON object"
    raw = instance.get("version")
    if not isinstance(raw, str) or not raw.strip():
        return None, instance, "the instance document names no version"
    version = parse_server_version(hooks, raw)
    if not version.gates:
        version = with_api_level(transport, version)
    return version, instance, ""


def with_api_level(transport: Transport, version: ServerVersion) -> ServerVersion:
    """``version`` gated at the release of the server's ``api_versions.mastodon`` level, if it states one."""
    try:
        document = fetch_json(transport, "/api/v2/instance", auth=True)
    except MastodonNetworkError:
        raise
    except MastodonError:  # no v2 instance: a server older than 4.0, or not Mastodon-like
        return version
    levels = document.get("api_versions") if isinstance(document, dict) else None
    level = levels.get("mastodon") if isinstance(levels, dict) else None
    release = version_for_api_level(level)
    if release is None:
        return version
    return ServerVersion(
        mastodon=release,
        software=version.software,
        software_version=version.software_version,
        raw=version.raw,
        extra={**version.extra, "api_level": str(level)},
        gates=True,
    )


__all__ = [
    "NODEINFO_SCHEMAS",
    "TRANSIENT_ERRORS",
    "fetch_json",
    "fetch_nodeinfo",
    "fetch_server_version",
    "with_api_level",
    "parse_server_version",
    "fallback_server_version",
    "detect_backend",
]
