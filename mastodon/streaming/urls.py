"""Where a stream lives: the streaming base URL and each transport's stream URL."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import SplitResult, urlencode, urlsplit, urlunsplit

from ..errors import MastodonNetworkError
from ..hosts import own_name_for_address
from ..records import Record, field

SSE_PREFIX = "/api/v1/streaming"
_TO_HTTP = {"ws": "http", "wss": "https", "http": "http", "https": "https"}
_TO_WS = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}
_log = logging.getLogger("mastodon.streaming")


class StreamSpec(Record, frozen=True):
    """One subscription: the stream's name (``"user"``, ``"hashtag:local"``...) and its parameters."""

    name: str
    params: dict[str, str] = field(default_factory=dict)
    #: Only statuses with media: ``only_media=true`` over SSE, a ``:media`` stream over WebSocket.
    only_media: bool = False

    @property
    def sse_path(self) -> str:
        """The mainline SSE route: ``public:local`` is ``/api/v1/streaming/public/local``."""
        return f"{SSE_PREFIX}/{self.name.replace(':', '/')}"

    @property
    def sse_params(self) -> dict[str, str]:
        return {**self.params, "only_media": "true"} if self.only_media else dict(self.params)

    @property
    def stream_name(self) -> str:
        """The stream's WebSocket name: ``public:local:media`` for local statuses with media."""
        return f"{self.name}:media" if self.only_media else self.name

    @property
    def labels(self) -> list[str]:
        """The stream as WebSocket servers label events: ``["hashtag", "python"]``."""
        return [self.stream_name, *self.params.values()]


def advertised_streaming_url(instance: Mapping[str, Any] | None) -> str | None:
    """``urls.streaming_api`` (instance v1) or ``configuration.urls.streaming`` (v2)."""
    if not isinstance(instance, Mapping):
        return None
    urls = instance.get("urls")
    if isinstance(urls, Mapping) and isinstance(urls.get("streaming_api"), str):
        return str(urls["streaming_api"])
    config = instance.get("configuration")
    urls = config.get("urls") if isinstance(config, Mapping) else None
    if isinstance(urls, Mapping) and isinstance(urls.get("streaming"), str):
        return str(urls["streaming"])
    return None


def streaming_base(api_base_url: str, advertised: str | None) -> str:
    """The streaming server's base URL (scheme, host, optional path), without a trailing slash.

    The advertised URL is used unless it is missing or unusable (no host, another scheme,
    unparseable, a port out of range). A server reached over plain ``http://`` that
    advertises ``wss://``/``https://`` for the same host cannot serve that scheme (typical
    for test and loopback setups), so the API base URL's scheme and host are used then; so
    they are for an API reached by IP address when the advertised URL names the same port
    under the server's own host name (logged on the ``mastodon.streaming`` logger).

    Raises :class:`~mastodon.errors.MastodonNetworkError` when an ``https://`` API
    advertises a plain ``ws://``/``http://`` streaming URL: the token would travel in clear
    text, so the stream is refused rather than downgraded.
    """
    api = urlsplit(api_base_url)
    target = _parsed(advertised)
    if target is None:
        return api_base_url.rstrip("/")
    secure = target.scheme in ("https", "wss")
    if api.scheme == "https" and not secure:
        raise MastodonNetworkError(
            f"Refusing to stream over unencrypted {target.scheme}://{target.netloc}: the server advertises it "
            "for an https:// API, and the access token would travel in clear text"
        )
    if api.scheme == "http" and secure:
        if _same_host(api, target):
            return urlunsplit((api.scheme, api.netloc, target.path, "", "")).rstrip("/")
        if own_name_for_address(api, target):
            _log.info(
                "The server advertises streaming at %s://%s, under its own name; streaming from %s://%s, "
                "where this client reaches its API (plain http there: no %s on that port)",
                target.scheme, target.netloc, api.scheme, api.netloc, target.scheme,
            )
            return urlunsplit((api.scheme, api.netloc, target.path, "", "")).rstrip("/")
    return urlunsplit((target.scheme, target.netloc, target.path, "", "")).rstrip("/")


def _parsed(advertised: str | None) -> SplitResult | None:
    """The advertised streaming URL, split, or ``None`` when it is missing or unusable."""
    if not advertised or not advertised.strip():
        return None
    try:
        target = urlsplit(advertised.strip())
        target.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return None
    if target.scheme.lower() not in _TO_HTTP or not target.hostname:
        return None
    return target._replace(scheme=target.scheme.lower())


def _same_host(api: SplitResult, target: SplitResult) -> bool:
    """Same host name, and the advertised URL names no other port."""
    if (api.hostname or "").lower() != (target.hostname or "").lower():
        return False
    return target.port is None or target.port == (api.port or 80)


def with_scheme(base: str, websocket: bool) -> str:
    """``base`` with the scheme family a transport needs (ws(s) or http(s))."""
    parts = urlsplit(base)
    table = _TO_WS if websocket else _TO_HTTP
    return urlunsplit((table.get(parts.scheme, parts.scheme), parts.netloc, parts.path, "", ""))


def sse_url(base: str, spec: StreamSpec) -> tuple[str, dict[str, str]]:
    """The SSE URL of a stream and its query parameters."""
    return with_scheme(base, websocket=False) + spec.sse_path, spec.sse_params


def websocket_url(base: str, spec: StreamSpec, access_token: str | None = None) -> str:
    """The multiplexed WebSocket URL: ``/api/v1/streaming?stream=...&tag=...``."""
    query: dict[str, str] = {"stream": spec.stream_name, **spec.params}
    if access_token:
        query["access_token"] = access_token
    return with_scheme(base, websocket=True) + SSE_PREFIX + "?" + urlencode(query)


__all__ = [
    "SSE_PREFIX",
    "StreamSpec",
    "advertised_streaming_url",
    "streaming_base",
    "with_scheme",
    "sse_url",
    "websocket_url",
]
