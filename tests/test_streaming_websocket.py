"""Streaming over WebSocket against a loopback server."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from support.stream_servers import (
    CANONICAL_CALLS,
    DROP,
    END,
    STATUS,
    LoopbackSSEServer,
    LoopbackWebSocketServer,
    RecordingListener,
    canonical_ws,
    make_client,
    stream_threads,
    wait_until,
    ws_frame,
)

from mastodon import MastodonMalformedEventError, MastodonNetworkError, MastodonReadTimeout
from mastodon.plugins import get_registry
from mastodon.streaming.urls import StreamSpec


@pytest.fixture
def client_for(websocket_backend: str, ws_server: LoopbackWebSocketServer) -> Any:
    """A client whose backend streams over WebSocket, with the streaming URL advertised."""
    ws_server.streaming_api = ws_server.ws_url

    def make(**kwargs: Any) -> Any:
        return make_client(ws_server.url, feature_set=websocket_backend, **kwargs)

    return make


def run_until_error(server: LoopbackWebSocketServer, client: Any, *steps: Any, **kwargs: Any) -> tuple[RecordingListener, BaseException]:
    server.script(*steps)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError) as caught:
        client.stream_user(listener, **kwargs)
    return listener, caught.value


def test_backend_hook_selects_websocket(client_for: Any) -> None:
    client = client_for()
    assert client._streaming_transport(StreamSpec("user")) == "websocket"
    hooks = get_registry().hooks_for("mainline")
    assert hooks.streaming_transport(client.server_context, "user") == "sse"


def test_every_event_type(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    listener, error = run_until_error(ws_server, client_for(), *canonical_ws(), END)
    assert listener.calls == CANONICAL_CALLS
    assert listener.aborts == [error]
    assert listener.payloads[0].created_at.year == 2024


def test_handshake_carries_token_as_subprotocol_and_user_agent(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    run_until_error(ws_server, client_for(), END)
    (request,) = ws_server.stream_requests()
    assert request.path == "/api/v1/streaming"
    assert request.query == {"stream": "user"}
    assert request.header("Sec-WebSocket-Protocol") == "loopback-token"
    assert request.header("User-Agent") == "streaming-tests/1.0"


def test_token_that_is_not_a_header_token_goes_in_the_query(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    run_until_error(ws_server, client_for(token="abc/def=="), END)
    (request,) = ws_server.stream_requests()
    assert request.query == {"stream": "user", "access_token": "abc/def=="}
    assert request.header("Sec-WebSocket-Protocol") is None


def test_public_stream_without_token(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    ws_server.script(END)
    with pytest.raises(MastodonNetworkError):
        client_for(token=None).stream_public(RecordingListener())
    (request,) = ws_server.stream_requests()
    assert request.query == {"stream": "public"}
    assert request.header("Sec-WebSocket-Protocol") is None


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "query"),
    [
        ("stream_user", (), {}, {"stream": "user"}),
        ("stream_public", (), {}, {"stream": "public"}),
        ("stream_local", (), {}, {"stream": "public:local"}),
        ("stream_hashtag", ("python",), {}, {"stream": "hashtag", "tag": "python"}),
        ("stream_hashtag", ("python",), {"local": True}, {"stream": "hashtag:local", "tag": "python"}),
        ("stream_list", ({"id": 12},), {}, {"stream": "list", "list": "12"}),
    ],
)
def test_stream_queries(
    ws_server: LoopbackWebSocketServer, client_for: Any, method: str, args: tuple[Any, ...], kwargs: dict[str, Any], query: dict[str, str]
) -> None:
    ws_server.script(ws_frame("update", STATUS), END)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError):
        getattr(client_for(), method)(*args, listener, **kwargs)
    (request,) = ws_server.stream_requests()
    assert request.query == query
    assert listener.calls == [("update", 110000000000000001)]


def test_secure_scheme_advertised_for_a_plain_http_host(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    client = client_for()
    ws_server.streaming_api = ws_server.ws_url.replace("ws://", "wss://")
    listener, _ = run_until_error(ws_server, client, ws_frame("delete", "5"), END)
    assert listener.calls == [("delete", 5)]


def test_stream_labels_reach_for_stream_handlers(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    class Streams(RecordingListener):
        def on_update(self, status: Any, for_stream: Any = None) -> None:
            self._add(("update", for_stream), status)

    ws_server.script(ws_frame("update", STATUS, ["hashtag", "python"]), END)
    listener = Streams()
    with pytest.raises(MastodonNetworkError):
        client_for().stream_hashtag("python", listener)
    assert listener.calls == [("update", ["hashtag", "python"])]


def test_payload_sent_as_an_object_is_decoded_too(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    frame = json.dumps({"stream": ["user"], "event": "update", "payload": STATUS})
    listener, _ = run_until_error(ws_server, client_for(), frame, END)
    assert listener.calls == [("update", 110000000000000001)]


@pytest.mark.parametrize(
    "frame",
    [
        "not json",
        '["a list"]',
        '{"stream": ["user"], "payload": "{}"}',
        ws_frame("update", "{broken"),
    ],
)
def test_malformed_messages(ws_server: LoopbackWebSocketServer, client_for: Any, frame: str) -> None:
    ws_server.script(ws_frame("delete", "1"), frame, ws_frame("delete", "2"))
    listener = RecordingListener()
    with pytest.raises(MastodonMalformedEventError) as caught:
        client_for().stream_user(listener)
    assert listener.calls == [("delete", 1)]
    assert listener.aborts == [caught.value]


def test_error_message_from_the_server(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    listener, error = run_until_error(ws_server, client_for(), '{"error": "Missing access token", "status": 401}')
    assert "Missing access token" in str(error)
    assert listener.aborts == [error]


def test_abrupt_close(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    listener, error = run_until_error(ws_server, client_for(), ws_frame("delete", "1"), DROP)
    assert listener.calls == [("delete", 1)]
    assert listener.aborts == [error]
    assert not isinstance(error, MastodonReadTimeout)


def test_read_timeout_when_the_server_stalls(sse_server: LoopbackSSEServer, websocket_backend: str) -> None:
    sse_server.script(ws_frame("delete", "1"))  # then nothing at all, not even pongs
    listener = RecordingListener()
    started = time.monotonic()
    with pytest.raises(MastodonReadTimeout) as caught:
        make_client(sse_server.url, feature_set=websocket_backend).stream_user(listener, timeout=0.4)
    assert 0.35 < time.monotonic() - started < 2  # no waiting for a close handshake that never comes
    assert listener.calls == [("delete", 1)]
    assert listener.aborts == [caught.value]
    assert stream_threads() == []
    (request,) = sse_server.stream_requests()
    assert request.header("Upgrade") == "websocket"


def test_quiet_healthy_stream_does_not_time_out(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    # No messages for well over the timeout: the server's pongs to keepalive pings count as data.
    ws_server.script(ws_frame("delete", "1"), 1.2, ws_frame("delete", "2"), END)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError) as caught:
        client_for().stream_user(listener, timeout=0.4)
    assert not isinstance(caught.value, MastodonReadTimeout)
    assert listener.calls == [("delete", 1), ("delete", 2)]


def test_server_pings_count_as_data(websocket_backend: str) -> None:
    server = LoopbackWebSocketServer(ping_interval=0.1)
    try:
        server.streaming_api = server.ws_url
        server.script(0.8, ws_frame("delete", "3"), END)
        listener = RecordingListener()
        with pytest.raises(MastodonNetworkError) as caught:
            make_client(server.url, feature_set=websocket_backend).stream_user(listener, timeout=100)
        assert not isinstance(caught.value, MastodonReadTimeout)
        assert listener.calls == [("delete", 3)]
    finally:
        server.stop()


def test_http_error_on_handshake(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    ws_server.stream_status = 401
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError) as caught:
        client_for().stream_user(listener)
    assert "401" in str(caught.value)
    assert listener.aborts == [caught.value]


def test_async_handle(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    ws_server.script(*canonical_ws())
    listener = RecordingListener()
    handle = client_for().stream_user(listener, run_async=True)
    assert listener.wait_for(len(CANONICAL_CALLS)) == CANONICAL_CALLS
    assert handle.is_alive() and handle.is_receiving()
    assert len(stream_threads()) >= 2  # the handle's thread and the WebSocket reader
    started = time.monotonic()
    handle.close()
    assert time.monotonic() - started < 3
    assert not handle.is_alive()
    assert stream_threads() == []


def test_reconnect_after_drop(ws_server: LoopbackWebSocketServer, client_for: Any) -> None:
    ws_server.script(ws_frame("delete", "1"), 0.05, DROP)
    ws_server.script(ws_frame("delete", "2"))
    listener = RecordingListener()
    handle = client_for().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.1)
    assert listener.wait_for(2) == [("delete", 1), ("delete", 2)]
    assert len(listener.aborts) == 1
    assert ws_server.connections == 2
    assert wait_until(handle.is_receiving)
    handle.close()
    assert not handle.is_alive()
    assert stream_threads() == []


# -- one connection, several subscriptions (stream_open_websocket) --------------------------------


def test_streams_added_to_an_open_websocket_get_their_own_events(client_for: Any, ws_server: LoopbackWebSocketServer) -> None:
    ws_server.script(
        0.5,
        ws_frame("update", STATUS, ["hashtag", "python"]),
        ws_frame("notification", {"id": "7", "type": "mention", "created_at": "2024-05-01T12:35:00.000Z"}, ["user"]),
        ws_frame("update", dict(STATUS, id="5"), ["public:local:media"]),
        ws_frame("delete", "9", ["public"]),
    )
    client = client_for()
    everything_else, tags, users, media = RecordingListener(), RecordingListener(), RecordingListener(), RecordingListener()
    handle = client.stream_open_websocket(everything_else)
    try:
        tag = client.stream_hashtag("python", tags, websocket_handle=handle)
        user = client.stream_user(users, websocket_handle=handle)
        client.stream_local(media, only_media=True, websocket_handle=handle)
        assert tag.stream == ["hashtag", "python"] and user.stream == ["user"]
        assert users.wait_for(1) == [("notification", 7, "mention")]
        assert tags.wait_for(1) == [("update", 110000000000000001)]
        assert media.wait_for(1) == [("update", 5)]
        assert everything_else.wait_for(1) == [("delete", 9)]
        assert wait_until(lambda: len(ws_server.received) >= 3)
        assert [json.loads(m) for m in ws_server.received[:3]] == [
            {"type": "subscribe", "stream": "hashtag", "tag": "python"},
            {"type": "subscribe", "stream": "user"},
            {"type": "subscribe", "stream": "public:local:media"},
        ]
        tag.close()
        assert wait_until(lambda: len(ws_server.received) >= 4)
        assert json.loads(ws_server.received[3]) == {"type": "unsubscribe", "stream": "hashtag", "tag": "python"}
        assert [s.stream for s in handle.subscriptions] == [["user"], ["public:local:media"]]
    finally:
        handle.close()
    (request,) = [r for r in ws_server.stream_requests() if r.path == "/api/v1/streaming"]
    assert "stream" not in request.query  # a connection for any stream
    assert wait_until(lambda: not stream_threads())


def test_open_websocket_is_gated_on_3_3_0(client_for: Any) -> None:
    from mastodon import MastodonVersionError

    with pytest.raises(MastodonVersionError, match=r"3\.3\.0"):
        make_client("https://old.example", mastodon_version="3.2.0").stream_open_websocket()
