"""Learning about a server: nodeinfo, instance document, version string, backend choice."""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .backend_types import BackendMatch, CallInfo, Route
from .endpoints import instance as I
from .endpoints.model import Endpoint
from .errors import (
    MastodonAPIError,
    MastodonError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonServerError,
)
from .versions import ServerVersion, find_version_tuple, version_for_api_level

if TYPE_CHECKING:
    from .pipeline import RequestPipeline
    from .plugins import BackendRegistry, Hooks

NODEINFO_SCHEMAS = (
    "http://nodeinfo.diaspora.software/ns/schema/2.1",
    "http://nodeinfo.diaspora.software/ns/schema/2.0",
)


def fetch_json(pipeline: RequestPipeline, endpoint: Endpoint, auth: bool = False, url: str | None = None) -> Any:
    """GET ``endpoint``'s JSON document (at ``url``, if given) from the API host.

    A ``url`` off the API host is not asked: ``None`` is returned. The request is not
    gated, typed or normalised; the backend's headers and error reading apply.
    """
    path = endpoint.path
    if url is not None:
        if url.startswith(("http://", "https://")):
            target, here = urlsplit(url), urlsplit(pipeline.transport.api_base_url)
            if target.netloc != here.netloc:
                return None
            url = _path_of(target)
        path = url
    return _get_json(pipeline, endpoint, path, auth=auth)


def _get_json(pipeline: RequestPipeline, endpoint: Endpoint, path: str, auth: bool = False, base_url: str | None = None) -> Any:
    from .decode import decode_response

    call = CallInfo(endpoint, route=Route("GET", path))
    response = pipeline.send("GET", path, {}, call, auth=auth, ratelimit=False, base_url=base_url)
    return decode_response(response, convert_ids=False)


def _path_of(url: Any) -> str:
    return (url.path or "/") + (f"?{url.query}" if url.query else "")


#: The nodeinfo schema ``instance_nodeinfo()`` asks for by default (Mastodon.py's default).
DEFAULT_NODEINFO_SCHEMA = NODEINFO_SCHEMAS[1]
_SCHEMA_PREFIX = "http://nodeinfo.diaspora.software/ns/schema/"


def nodeinfo_links(index: Any) -> list[tuple[str, str]]:
    """The ``(schema, href)`` pairs a well-known nodeinfo index lists, newest schema first."""
    links = index.get("links") if isinstance(index, dict) else None
    found: list[tuple[tuple[int, ...], str, str]] = []
    for link in links if isinstance(links, list) else ():
        rel = link.get("rel") if isinstance(link, dict) else None
        href = link.get("href") if isinstance(link, dict) else None
        if isinstance(rel, str) and rel.startswith(_SCHEMA_PREFIX) and isinstance(href, str) and href.startswith(("http://", "https://", "/")):
            version = rel[len(_SCHEMA_PREFIX):].rstrip("#/")
            key = tuple(int(part) for part in version.split(".") if part.isdigit())
            found.append((key, rel, href))
    found.sort(key=lambda item: item[0], reverse=True)
    return [(rel, href) for _, rel, href in found]


def fetch_nodeinfo(pipeline: RequestPipeline, schema: str | None = None, fallback: bool = True) -> Any:
    """The server's nodeinfo document.

    With no ``schema``, the newest schema the server lists; with one, that schema, or
    (``fallback``) the newest listed when the server does not offer it. A link to another
    host name (a server reached by an address other than its canonical name) is followed
    without credentials; if that host cannot be reached, its path is asked of the API host.
    Raises :class:`MastodonNotFoundError` when the server offers no such document.
    """
    index = fetch_json(pipeline, I.instance_nodeinfo)
    links = nodeinfo_links(index)
    chosen = [link for link in links if link[0] == schema] if schema else links
    if not chosen and fallback:
        chosen = links
    if not chosen:
        offered = ", ".join(rel.rsplit("/", 1)[-1] for rel, _ in links) or "none"
        wanted = f" of schema {schema}" if schema else ""
        raise MastodonNotFoundError(f"The server offers no nodeinfo document{wanted} (schemas listed: {offered})")
    return fetch_nodeinfo_document(pipeline, chosen[0][1])


def fetch_nodeinfo_document(pipeline: RequestPipeline, href: str) -> Any:
    """GET the nodeinfo document at ``href``; another host is asked without credentials."""
    endpoint = I.instance_nodeinfo
    if not href.startswith(("http://", "https://")):
        return _get_json(pipeline, endpoint, href)
    target, here = urlsplit(href), urlsplit(pipeline.transport.api_base_url)
    if target.netloc == here.netloc:
        return _get_json(pipeline, endpoint, _path_of(target))
    try:
        return _get_json(pipeline, endpoint, _path_of(target), auth=False, base_url=f"{target.scheme}://{target.netloc}")
    except MastodonError:
        return _get_json(pipeline, endpoint, _path_of(target))  # the canonical name may not resolve from here


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
    registry: BackendRegistry, pipeline: RequestPipeline
) -> tuple[BackendMatch | None, dict[str, Any] | None, dict[str, Any] | None]:
    """Ask every backend about the server's nodeinfo and instance documents."""
    nodeinfo: dict[str, Any] | None = None
    instance: dict[str, Any] | None = None
    try:
        nodeinfo = _document(fetch_nodeinfo(pipeline))
    except MastodonError:
        nodeinfo = None
    try:
        instance = _document(fetch_json(pipeline, I.instance, auth=True))
    except MastodonNetworkError:
        raise  # unreachable: say so, rather than "no backend recognises this server"
    except MastodonError:
        instance = None
    matches = registry.detect(nodeinfo, instance)
    return (matches[0] if matches else None), nodeinfo, instance


#: Errors that say nothing about the server's version: the next call asks again.
TRANSIENT_ERRORS = (MastodonNetworkError, MastodonRatelimitError, MastodonServerError)


def fetch_server_version(pipeline: RequestPipeline, hooks: Hooks) -> tuple[ServerVersion | None, dict[str, Any] | None, str]:
    """Ask the server its version: ``(version, instance document, "")``.

    The version string of ``/api/v1/instance`` is parsed through the backends' hooks. When
    it names no Mastodon version, the ``api_versions`` level of ``/api/v2/instance``
    (Mastodon 4.3+) stands in for it. When the server answers but cannot tell (an error
    page, no instance document, no version in it) the result is ``(None, document, reason)``.
    Unreachable servers, rate limiting and server errors raise (they say nothing about the
    version).
    """
    try:
        instance = fetch_json(pipeline, I.instance, auth=True)
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
        version = with_api_level(pipeline, version)
    return version, instance, ""


def with_api_level(pipeline: RequestPipeline, version: ServerVersion) -> ServerVersion:
    """``version`` gated at the release of the server's ``api_versions.mastodon`` level, if it states one."""
    try:
        document = fetch_json(pipeline, I.instance_v2, auth=True)
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
    "DEFAULT_NODEINFO_SCHEMA",
    "nodeinfo_links",
    "fetch_nodeinfo_document",
    "TRANSIENT_ERRORS",
    "fetch_json",
    "fetch_nodeinfo",
    "fetch_server_version",
    "with_api_level",
    "parse_server_version",
    "fallback_server_version",
    "detect_backend",
]
