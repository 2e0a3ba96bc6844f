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


# -- hostile events: deep nesting, huge lines and events, many names --------------------------

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("transport", ["sse", "websocket"])
def test_deeply_nested_event_goes_through_on_abort_and_reconnects(
    sse_server: LoopbackSSEServer, ws_server: LoopbackWebSocketServer, websocket_backend: str, transport: str
) -> None:
    from support.stream_servers import ws_frame

    status = {"id": "7", "content": "x", "account": {"id": "1", "acct": "a"}}
    if transport == "sse":
        server: Any = sse_server
        server.script(sse_event("update", DEEP))
        server.script(sse_event("update", status))
        api = make_client(sse_server.url)
    else:
        server = ws_server
        server.script(ws_frame("update", DEEP))
        server.script(ws_frame("update", status))
        api = make_client(ws_server.url, feature_set=websocket_backend)
    listener = RecordingListener()
    handle = api.stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        assert listener.wait_for(1) == [("update", 7)]
        (error,) = listener.aborts
        assert "Bad JSON" in str(error)
    finally:
        handle.close()


def test_deeply_nested_envelope_goes_through_on_abort(ws_server: LoopbackWebSocketServer, websocket_backend: str) -> None:
    ws_server.script(DEEP)
    listener = RecordingListener()
    from mastodon import MastodonMalformedEventError

    with pytest.raises(MastodonMalformedEventError):
        make_client(ws_server.url, feature_set=websocket_backend).stream_user(listener)
    assert len(listener.aborts) == 1


def _update(ident: int, content: str = "x") -> bytes:
    return sse_event("update", {"id": str(ident), "content": content, "account": {"id": "1", "acct": "a"}})


@pytest.mark.parametrize(
    "attack",
    [
        [b"data: " + b"x" * 70_000],  # a line that never ends (no newline)
        [b"data: " + b"x" * 40_000 + b"\n"],  # one complete line over the limit
        [b"data: xxxxxxxx\n" * 8_000],  # an event that never ends, in short lines
    ],
)
def test_oversized_sse_lines_and_events_abort_then_reconnect(sse_server: LoopbackSSEServer, attack: list[bytes]) -> None:
    sse_server.script(*attack)
    sse_server.script(_update(8))
    api = make_client(sse_server.url)
    api.stream_max_event_bytes = 32_768
    listener = RecordingListener()
    handle = api.stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        assert listener.wait_for(1) == [("update", 8)]
        (error,) = listener.aborts
        assert "limit of 32768 bytes" in str(error)
    finally:
        handle.close()


def test_events_just_under_the_limit_are_delivered(sse_server: LoopbackSSEServer) -> None:
    content = "y" * 20_000
    sse_server.script(_update(9, content))
    api = make_client(sse_server.url)
    api.stream_max_event_bytes = 32_768
    listener = RecordingListener()
    handle = api.stream_user(listener, run_async=True)
    try:
        assert listener.wait_for(1) == [("update", 9)]
        assert listener.payloads[0].content == content
    finally:
        handle.close()


def test_many_data_lines_join_in_linear_time() -> None:
    import time

    from mastodon.streaming.sse import SSEParser

    got: list[Any] = []
    parser = SSEParser(lambda name, data: got.append(data), lambda: None)
    lines = 50_000
    block = b"event: update\n" + b"data: 0123456789abcdef0123456789abcdef\n" * lines + b"\n"
    start = time.perf_counter()
    parser.feed(block)
    assert time.perf_counter() - start < 1.0  # joined once: quadratic copying took tens of seconds
    assert got[0] == b"\n".join([b"0123456789abcdef0123456789abcdef"] * lines)


def test_handler_cache_stays_bounded() -> None:
    from mastodon.streaming.dispatch import MAX_ROUTES, EventDispatcher

    listener = RecordingListener()
    dispatcher = EventDispatcher(listener)
    for number in range(5 * MAX_ROUTES):
        dispatcher.dispatch(f"invented.{number}", b'{"n": 1}')
    assert len(dispatcher._routes) <= MAX_ROUTES
    assert len(listener.calls) == 5 * MAX_ROUTES


def test_sse_name_cache_stays_bounded() -> None:
    from mastodon.streaming.sse import SSEParser

    parser = SSEParser(lambda name, data: None, lambda: None)
    for number in range(3000):
        parser.feed(b"event: name%d\ndata: 1\n\n" % number)
    assert len(parser._names) <= 256


# -- every library error goes through on_abort, the thread survives ---------------------------


def test_odd_shapes_in_a_pleroma_stream_are_delivered_as_sent(ws_server: LoopbackWebSocketServer) -> None:
    from support.stream_servers import ws_frame

    status = {"id": "AbC", "visibility": "public", "content": "x", "account": {"id": "1", "acct": "a"}, "emoji_reactions": 5}
    ws_server.script(ws_frame("update", status))
    api = make_client(ws_server.url, feature_set="pleroma")
    listener = RecordingListener()
    handle = api.stream_user(listener, run_async=True)
    try:
        assert listener.wait_for(1) == [("update", "AbC")]
        assert listener.payloads[0].emoji_reactions == 5
    finally:
        handle.close()


def test_unexpected_error_while_connecting_reaches_on_abort(sse_server: LoopbackSSEServer, monkeypatch: pytest.MonkeyPatch) -> None:
    import mastodon.streaming.urls as urls

    def broken(base: str, spec: Any) -> Any:
        raise ValueError("odd URL")

    monkeypatch.setattr(urls, "sse_url", broken)
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        aborts = listener.wait_for_abort(2)
        assert len(aborts) >= 2 and isinstance(aborts[0], MastodonNetworkError) and "odd URL" in str(aborts[0])
        assert handle.is_alive()
    finally:
        handle.close()
