"""One listener API: the same listener gets the same events over SSE and WebSocket, blocking or async."""

from __future__ import annotations

from typing import Any

import pytest
from support.stream_servers import (
    CANONICAL_CALLS,
    CANONICAL_EVENTS,
    END,
    LoopbackSSEServer,
    LoopbackWebSocketServer,
    RecordingListener,
    canonical_sse,
    canonical_ws,
    make_client,
    stream_threads,
)

from mastodon import MastodonNetworkError, hookimpl
from mastodon.endpoints.model import Endpoint
from mastodon.plugins import register_plugin, unregister_plugin


def start(transport: str, sse_server: LoopbackSSEServer, ws_server: LoopbackWebSocketServer, backend: str, *, end: bool) -> Any:
    """Queue the canonical events on the transport's server; return a client for it."""
    if transport == "sse":
        sse_server.script(*canonical_sse(), *([END] if end else []))
        return make_client(sse_server.url)
    ws_server.streaming_api = ws_server.ws_url
    ws_server.script(*canonical_ws(), *([END] if end else []))
    return make_client(ws_server.url, feature_set=backend)


@pytest.mark.parametrize("transport", ["sse", "websocket"])
@pytest.mark.parametrize("mode", ["blocking", "async"])
def test_same_listener_same_events(
    transport: str, mode: str, sse_server: LoopbackSSEServer, ws_server: LoopbackWebSocketServer, websocket_backend: str
) -> None:
    listener = RecordingListener()
    client = start(transport, sse_server, ws_server, websocket_backend, end=mode == "blocking")
    if mode == "blocking":
        with pytest.raises(MastodonNetworkError):
            client.stream_user(listener)
    else:
        handle = client.stream_user(listener, run_async=True)
        listener.wait_for(len(CANONICAL_CALLS))
        handle.close()
        assert not handle.is_alive()
    assert listener.calls == CANONICAL_CALLS
    assert stream_threads() == []


def test_payloads_are_identical_across_transports(
    sse_server: LoopbackSSEServer, ws_server: LoopbackWebSocketServer, websocket_backend: str
) -> None:
    received = []
    for transport in ("sse", "websocket"):
        listener = RecordingListener()
        with pytest.raises(MastodonNetworkError):
            start(transport, sse_server, ws_server, websocket_backend, end=True).stream_user(listener)
        received.append(listener.payloads)
    assert received[0] == received[1]
    assert [type(p) for p in received[0]] == [type(p) for p in received[1]]


class _Normaliser:
    """A non-backend plugin that marks every normalised payload and records the endpoints."""

    def __init__(self) -> None:
        self.endpoints: list[str] = []

    @hookimpl
    def mastodon_normalize_response(self, ctx: Any, endpoint: Endpoint, result: Any) -> None:
        if endpoint.name.startswith("stream:"):
            self.endpoints.append(endpoint.name)
            if isinstance(result, dict):
                result["seen_by_backend"] = True


@pytest.mark.parametrize("transport", ["sse", "websocket"])
def test_backend_normalisation_runs_on_stream_payloads(
    transport: str, sse_server: LoopbackSSEServer, ws_server: LoopbackWebSocketServer, websocket_backend: str
) -> None:
    plugin = _Normaliser()
    register_plugin(plugin, name="stream-normaliser")
    try:
        listener = RecordingListener()
        client = start(transport, sse_server, ws_server, websocket_backend, end=True)
        with pytest.raises(MastodonNetworkError):
            client.stream_user(listener)
    finally:
        unregister_plugin(plugin)
    assert plugin.endpoints == ["stream:" + name for name, _ in CANONICAL_EVENTS]
    assert listener.payloads[0].seen_by_backend is True
    assert listener.payloads[2].seen_by_backend is True  # the notification
