"""Streaming servers that misbehave on purpose: downgrades, odd URLs, oversized or hostile events.

Every failure must reach the listener's ``on_abort`` and then the reconnect policy; a
stream thread never dies on an error of the library's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support.mock_http import MockHTTP
from support.stream_servers import (
    LoopbackSSEServer,
    LoopbackWebSocketServer,
    RecordingListener,
    make_client,
    sse_event,
    stream_threads,
    wait_until,
)

from mastodon import MastodonNetworkError
from mastodon.streaming.urls import streaming_base


@pytest.fixture(autouse=True)
def _no_stream_thread_left() -> Any:
    yield
    assert wait_until(lambda: not stream_threads(), timeout=10), stream_threads()


# -- no downgrade from TLS --------------------------------------------------------------------


@pytest.mark.parametrize("advertised", ["ws://mastodon.example", "http://mastodon.example", "ws://stream.example:4000/x"])
def test_https_api_never_streams_over_plain_text(advertised: str) -> None:
    with pytest.raises(MastodonNetworkError, match="clear text"):
        streaming_base("https://mastodon.example", advertised)
    assert streaming_base("https://mastodon.example", "wss://stream.example") == "wss://stream.example"
    assert streaming_base("http://127.0.0.1:3000", "ws://127.0.0.1:4000") == "ws://127.0.0.1:4000"


def test_plain_ws_advertised_by_an_https_api_is_refused_through_on_abort(
    make_api: Callable[..., Any], mock_http: MockHTTP, ws_server: LoopbackWebSocketServer, websocket_backend: str
) -> None:
    mock_http.add("GET", "/api/v1/instance", {"uri": "mastodon.example", "version": "4.2.0", "urls": {"streaming_api": ws_server.ws_url}})
    api = make_api(feature_set=websocket_backend)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError, match="clear text"):
        api.stream_user(listener)
    assert len(listener.aborts) == 1
    handle = api.stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        assert len(listener.wait_for_abort(3)) >= 3  # reported, then retried with the normal policy
        assert handle.is_alive()
    finally:
        handle.close()
    assert ws_server.connections == 0


# -- unparseable advertised URLs --------------------------------------------------------------


@pytest.mark.parametrize("advertised", ["https://[::1", "wss://127.0.0.1:99999", "wss://127.0.0.1:port", "https://"])
def test_unparseable_advertised_url_falls_back_to_the_api_host(sse_server: LoopbackSSEServer, advertised: str) -> None:
    sse_server.streaming_api = advertised
    sse_server.script(sse_event("update", {"id": "5", "content": "x", "account": {"id": "1", "acct": "a"}}))
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True)
    try:
        assert listener.wait_for(1) == [("update", 5)]
    finally:
        handle.close()
    assert listener.aborts == []
