"""Streaming over server-sent events against a loopback server."""

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
    RecordingListener,
    canonical_sse,
    make_client,
    sse_event,
    stream_threads,
    wait_until,
)

from mastodon import (
    MastodonIllegalArgumentError,
    MastodonMalformedEventError,
    MastodonNetworkError,
    MastodonReadTimeout,
    MastodonVersionError,
)


def run_until_error(server: LoopbackSSEServer, *steps: Any, **kwargs: Any) -> tuple[RecordingListener, BaseException]:
    server.script(*steps)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError) as caught:
        make_client(server.url).stream_user(listener, **kwargs)
    return listener, caught.value


def test_every_event_type(sse_server: LoopbackSSEServer) -> None:
    listener, error = run_until_error(sse_server, b":)\n", *canonical_sse(), END)
    assert listener.calls == CANONICAL_CALLS
    assert listener.heartbeats == 1
    assert "Server ended connection" in str(error)
    assert listener.aborts == [error]


def test_payloads_are_decoded_like_rest_responses(sse_server: LoopbackSSEServer) -> None:
    listener, _ = run_until_error(sse_server, *canonical_sse(), END)
    status = listener.payloads[0]
    assert status.account.acct == "alice"
    assert status.created_at.year == 2024 and status.created_at.tzinfo is not None
    assert listener.payloads[2].status.id == 110000000000000001


def test_request_carries_user_agent_and_token(sse_server: LoopbackSSEServer) -> None:
    run_until_error(sse_server, END)
    (request,) = sse_server.stream_requests()
    assert request.path == "/api/v1/streaming/user"
    assert request.header("User-Agent") == "streaming-tests/1.0"
    assert request.header("Authorization") == "Bearer loopback-token"
    assert request.header("Accept") == "text/event-stream"
    assert request.header("Connection") == "close"


def test_request_carries_the_backends_headers(sse_server: LoopbackSSEServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from mastodon.plugin import hookimpl
    from mastodon.plugins import BackendRegistry, make_plugin_manager

    class Headers:
        @hookimpl
        def mastodon_request_headers(self, headers: dict[str, str], call: Any) -> None:
            headers["X-Endpoint"] = call.endpoint.name

    registry = BackendRegistry(make_plugin_manager(load_entry_points=False))
    registry.pm.register(Headers())
    registry.refresh()
    monkeypatch.setattr("mastodon.plugins._registry", registry)
    run_until_error(sse_server, END)
    (request,) = sse_server.stream_requests()
    assert request.header("X-Endpoint") == "stream_user"


def test_client_session_is_used(sse_server: LoopbackSSEServer) -> None:
    import requests

    session = requests.Session()
    session.headers["X-Session-Marker"] = "yes"
    sse_server.script(END)
    with pytest.raises(MastodonNetworkError):
        make_client(sse_server.url, session=session).stream_user(RecordingListener())
    assert sse_server.stream_requests()[0].header("X-Session-Marker") == "yes"


def test_instance_is_fetched_once(sse_server: LoopbackSSEServer) -> None:
    client = make_client(sse_server.url)
    for _ in range(3):
        sse_server.script(END)
        with pytest.raises(MastodonNetworkError):
            client.stream_public(RecordingListener())
    assert [r.path for r in sse_server.requests].count("/api/v1/instance") == 1
    assert len(sse_server.stream_requests()) == 3


@pytest.mark.parametrize(
    ("method", "args", "path", "query"),
    [
        ("stream_user", (), "/api/v1/streaming/user", {}),
        ("stream_public", (), "/api/v1/streaming/public", {}),
        ("stream_local", (), "/api/v1/streaming/public/local", {}),
        ("stream_hashtag", ("python",), "/api/v1/streaming/hashtag", {"tag": "python"}),
        ("stream_list", ({"id": "12", "title": "friends"},), "/api/v1/streaming/list", {"list": "12"}),
        ("stream_list", (34,), "/api/v1/streaming/list", {"list": "34"}),
    ],
)
def test_stream_routes(sse_server: LoopbackSSEServer, method: str, args: tuple[Any, ...], path: str, query: dict[str, str]) -> None:
    sse_server.script(sse_event("update", STATUS), END)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError):
        getattr(make_client(sse_server.url), method)(*args, listener)
    (request,) = sse_server.stream_requests()
    assert (request.path, request.query) == (path, query)
    assert listener.calls == [("update", 110000000000000001)]


def test_local_hashtag_stream(sse_server: LoopbackSSEServer) -> None:
    sse_server.script(END)
    with pytest.raises(MastodonNetworkError):
        make_client(sse_server.url).stream_hashtag("café", RecordingListener(), local=True)
    (request,) = sse_server.stream_requests()
    assert (request.path, request.query) == ("/api/v1/streaming/hashtag/local", {"tag": "café"})


def test_hashtag_with_hash_sign_is_refused_before_connecting(sse_server: LoopbackSSEServer) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        make_client(sse_server.url).stream_hashtag("#python", RecordingListener())
    assert sse_server.requests == []


def test_version_gate_applies_to_streams(sse_server: LoopbackSSEServer) -> None:
    from mastodon import Mastodon

    old = Mastodon(access_token="t", api_base_url=sse_server.url, mastodon_version="2.0.0")
    with pytest.raises(MastodonVersionError):
        old.stream_list(1, RecordingListener())
    assert sse_server.requests == []


def test_streaming_api_url_from_the_instance(sse_server: LoopbackSSEServer) -> None:
    other = LoopbackSSEServer()
    try:
        sse_server.streaming_api = other.url.replace("http://", "ws://")
        other.script(sse_event("delete", "5"), END)
        listener = RecordingListener()
        with pytest.raises(MastodonNetworkError):
            make_client(sse_server.url).stream_user(listener)
        assert listener.calls == [("delete", 5)]
        assert sse_server.stream_requests() == []
        assert len(other.stream_requests()) == 1
    finally:
        other.stop()


def test_secure_scheme_advertised_for_a_plain_http_host(sse_server: LoopbackSSEServer) -> None:
    sse_server.streaming_api = sse_server.url.replace("http://", "wss://")
    listener, _ = run_until_error(sse_server, sse_event("delete", "6"), END)
    assert listener.calls == [("delete", 6)]


def test_multi_line_data_and_chunk_boundaries(sse_server: LoopbackSSEServer) -> None:
    body = json.dumps({**STATUS, "content": "<p>caf\u00e9 \u2603</p>"}, indent=1, ensure_ascii=False).encode()
    lines = b"".join(b"data: " + line + b"\n" for line in body.split(b"\n"))
    event = b"event: update\n" + lines + b"\n"
    snowman = event.index("\u2603".encode()) + 1  # cut inside a multi-byte character
    pieces = [event[:5], event[5:snowman], event[snowman : snowman + 1], event[snowman + 1 :]]
    steps: list[Any] = []
    for piece in pieces:
        steps += [piece, 0.02]
    listener, _ = run_until_error(sse_server, *steps, sse_event("delete", "1"), END)
    assert listener.calls == [("update", 110000000000000001), ("delete", 1)]
    assert listener.payloads[0].content == "<p>caf\u00e9 \u2603</p>"


def test_many_events_in_one_chunk(sse_server: LoopbackSSEServer) -> None:
    blob = b"".join(sse_event("delete", str(i)) for i in range(500))
    listener, _ = run_until_error(sse_server, blob, END)
    assert listener.calls == [("delete", i) for i in range(500)]


def test_malformed_json(sse_server: LoopbackSSEServer) -> None:
    sse_server.script(sse_event("delete", "1"), b"event: update\ndata: {\"id\": \"2\", oops\n\n", sse_event("delete", "3"))
    listener = RecordingListener()
    with pytest.raises(MastodonMalformedEventError) as caught:
        make_client(sse_server.url).stream_user(listener)
    assert listener.calls == [("delete", 1)]
    assert listener.aborts == [caught.value]
    assert caught.value.args[0] == "Bad JSON"


@pytest.mark.parametrize("chunked", [True, False])
def test_abrupt_close_mid_event(chunked: bool) -> None:
    server = LoopbackSSEServer(chunked=chunked)
    try:
        listener, error = run_until_error(server, sse_event("delete", "1"), b"event: update\ndata: {\"id\"", 0.05, DROP)
        assert listener.calls == [("delete", 1)]
        assert listener.aborts == [error]
        assert not isinstance(error, MastodonReadTimeout)
    finally:
        server.stop()


def test_read_timeout(sse_server: LoopbackSSEServer) -> None:
    sse_server.script(sse_event("delete", "1"))  # then silence
    listener = RecordingListener()
    started = time.monotonic()
    with pytest.raises(MastodonReadTimeout) as caught:
        make_client(sse_server.url).stream_user(listener, timeout=0.3)
    assert 0.25 < time.monotonic() - started < 3
    assert listener.calls == [("delete", 1)]
    assert listener.aborts == [caught.value]


def test_heartbeats_keep_the_stream_alive(sse_server: LoopbackSSEServer) -> None:
    beats: list[Any] = []
    for _ in range(6):
        beats += [b":thump\n", 0.1]
    listener, error = run_until_error(sse_server, *beats, END, timeout=0.35)
    assert listener.heartbeats == 6
    assert not isinstance(error, MastodonReadTimeout)


def test_http_error_on_connect(sse_server: LoopbackSSEServer) -> None:
    sse_server.stream_status = 401
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError) as caught:
        make_client(sse_server.url).stream_user(listener)
    assert "401" in str(caught.value)
    assert "authenticated user" in str(caught.value)
    assert listener.aborts == [caught.value]


def test_connection_refused() -> None:
    server = LoopbackSSEServer()
    client = make_client(server.url)
    client._streaming_base_url = server.url  # skip discovery
    server.stop()
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError):
        client.stream_user(listener)
    assert len(listener.aborts) == 1


def test_listener_exceptions_pass_through_without_on_abort(sse_server: LoopbackSSEServer) -> None:
    class Broken(RecordingListener):
        def on_delete(self, status_id: Any) -> None:
            raise KeyError("listener bug")

    sse_server.script(sse_event("delete", "1"))
    listener = Broken()
    with pytest.raises(KeyError):
        make_client(sse_server.url).stream_user(listener)
    assert listener.aborts == []


def test_stream_healthy(sse_server: LoopbackSSEServer) -> None:
    client = make_client(sse_server.url)
    assert client.stream_healthy() is True
    sse_server.health = b"NOPE"
    assert client.stream_healthy() is False
    assert [r.path for r in sse_server.requests].count("/api/v1/streaming/health") == 2


# -- run_async ------------------------------------------------------------------------------


def test_async_handle(sse_server: LoopbackSSEServer) -> None:
    sse_server.script(*canonical_sse())
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True)
    assert handle is not None
    assert listener.wait_for(len(CANONICAL_CALLS)) == CANONICAL_CALLS
    assert handle.is_alive() and handle.is_receiving()
    started = time.monotonic()
    handle.close()
    assert time.monotonic() - started < 2
    assert not handle.is_alive() and not handle.is_receiving()
    assert handle.closed
    assert stream_threads() == []
    assert listener.aborts == []


def test_async_close_while_waiting_for_data(sse_server: LoopbackSSEServer) -> None:
    handle = make_client(sse_server.url).stream_user(RecordingListener(), run_async=True, timeout=None)
    assert handle is not None
    sse_server.wait_for_connections(1)
    assert wait_until(handle.is_receiving)
    handle.close()
    assert not handle.is_alive()
    assert stream_threads() == []


def test_async_close_from_a_handler(sse_server: LoopbackSSEServer) -> None:
    handles: list[Any] = []

    class Closer(RecordingListener):
        def on_delete(self, status_id: Any) -> None:
            super().on_delete(status_id)
            handles[0].close()

    sse_server.script(0.1, sse_event("delete", "1"), sse_event("delete", "2"))
    listener = Closer()
    handles.append(make_client(sse_server.url).stream_user(listener, run_async=True))
    assert wait_until(lambda: not handles[0].is_alive())
    assert listener.calls[0] == ("delete", 1)
    assert listener.aborts == []


def test_async_error_without_reconnect_ends_the_thread(sse_server: LoopbackSSEServer) -> None:
    sse_server.script(sse_event("delete", "1"), DROP)
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True)
    assert handle is not None
    assert wait_until(lambda: not handle.is_alive())
    assert listener.calls == [("delete", 1)]
    assert len(listener.aborts) == 1 and isinstance(handle.error, MastodonNetworkError)
    assert listener.aborts[0] is handle.error
    assert sse_server.connections == 1
    handle.close()


def test_async_malformed_event_is_reported(sse_server: LoopbackSSEServer) -> None:
    sse_server.script(b"event: update\ndata: nope\n\n")
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True)
    assert handle is not None
    assert wait_until(lambda: not handle.is_alive())
    assert isinstance(handle.error, MastodonMalformedEventError)


def test_reconnect_after_drop_mid_event(sse_server: LoopbackSSEServer) -> None:
    partial = sse_event("update", {**STATUS, "id": "666"})[:-40]
    sse_server.script(sse_event("delete", "1"), partial, 0.05, DROP)
    sse_server.script(sse_event("delete", "2"), sse_event("update", STATUS))
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.1)
    assert handle is not None
    assert listener.wait_for(3) == [("delete", 1), ("delete", 2), ("update", 110000000000000001)]
    assert len(listener.aborts) == 1 and isinstance(listener.aborts[0], MastodonNetworkError)
    assert sse_server.connections == 2
    assert wait_until(handle.is_receiving)
    handle.close()
    assert not handle.is_alive()
    assert stream_threads() == []
    assert all(call[1] != 666 for call in listener.calls)


def test_reconnect_after_failed_connection_attempts(sse_server: LoopbackSSEServer) -> None:
    sse_server.stream_status = 503
    sse_server.script(sse_event("delete", "9"))
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    assert handle is not None
    assert wait_until(lambda: len(sse_server.stream_requests()) >= 2)
    assert not handle.is_receiving()
    sse_server.stream_status = 200
    assert listener.wait_for(1) == [("delete", 9)]
    assert len(listener.aborts) >= 2
    handle.close()
    assert stream_threads() == []


def test_close_during_reconnect_wait_is_immediate(sse_server: LoopbackSSEServer) -> None:
    sse_server.script(DROP)
    listener = RecordingListener()
    handle = make_client(sse_server.url).stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=30)
    assert handle is not None
    listener.wait_for_abort()
    assert wait_until(lambda: handle.reconnecting)
    started = time.monotonic()
    handle.close()
    assert time.monotonic() - started < 2
    assert not handle.is_alive()


# -- a stream the program opened itself --------------------------------------------------


def test_handle_stream_reads_a_requests_response_through_the_same_dispatcher(sse_server: LoopbackSSEServer) -> None:
    import requests

    sse_server.script(b":)\n", *canonical_sse(), END)
    listener = RecordingListener()
    response = requests.get(f"{sse_server.url}/api/v1/streaming/user", stream=True, timeout=5)
    with pytest.raises(MastodonNetworkError, match="Server ended connection"):
        listener.handle_stream(response)
    assert listener.calls == CANONICAL_CALLS
    assert listener.heartbeats == 1
    assert len(listener.aborts) == 1 and "Server ended connection" in str(listener.aborts[0])


def test_handle_stream_reports_a_malformed_event(sse_server: LoopbackSSEServer) -> None:
    import requests

    sse_server.script(b"event: update\ndata: {not json\n\n", END)
    listener = RecordingListener()
    with pytest.raises(MastodonMalformedEventError):
        listener.handle_stream(requests.get(f"{sse_server.url}/api/v1/streaming/user", stream=True, timeout=5))
    assert isinstance(listener.aborts[0], MastodonMalformedEventError)


# -- the streams of Mastodon.py 2.x ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "path", "query"),
    [
        (lambda api, listener: api.stream_direct(listener), "/api/v1/streaming/direct", {}),
        (lambda api, listener: api.stream_user_notifications(listener), "/api/v1/streaming/user/notification", {}),
        (lambda api, listener: api.stream_public(listener, local=True), "/api/v1/streaming/public/local", {}),
        (lambda api, listener: api.stream_public(listener, remote=True, only_media=True), "/api/v1/streaming/public/remote", {"only_media": "true"}),
        (lambda api, listener: api.stream_local(listener, only_media=True), "/api/v1/streaming/public/local", {"only_media": "true"}),
        (lambda api, listener: api.stream_public(listener), "/api/v1/streaming/public", {}),
    ],
)
def test_the_streams_added_in_mastodonpy_2(sse_server: LoopbackSSEServer, call: Any, path: str, query: dict[str, str]) -> None:
    sse_server.script(sse_event("conversation", {"id": "4", "unread": True, "accounts": []}), END)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError):
        call(make_client(sse_server.url), listener)
    (request,) = sse_server.stream_requests()
    assert (request.path, request.query) == (path, query)
    assert listener.calls == [("conversation", 4)]


@pytest.mark.parametrize(
    ("version", "call", "needed"),
    [
        ("2.3.0", lambda api: api.stream_direct(RecordingListener()), "2.4.0"),
        ("3.1.3", lambda api: api.stream_public(RecordingListener(), remote=True), "3.1.4"),
        ("2.3.0", lambda api: api.stream_local(RecordingListener(), only_media=True), "2.4.0"),
    ],
)
def test_newer_streams_are_gated(sse_server: LoopbackSSEServer, version: str, call: Any, needed: str) -> None:
    with pytest.raises(MastodonVersionError, match=needed):
        call(make_client(sse_server.url, mastodon_version=version))
    assert sse_server.stream_requests() == []


def test_local_and_remote_exclude_each_other(sse_server: LoopbackSSEServer) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        make_client(sse_server.url).stream_public(RecordingListener(), local=True, remote=True)


def test_an_async_sse_stream_returns_an_sse_stream_handle(sse_server: LoopbackSSEServer) -> None:
    from mastodon import SSEStreamHandle, StreamHandle

    sse_server.script(0.2, END)
    handle = make_client(sse_server.url).stream_user(RecordingListener(), run_async=True)
    try:
        assert isinstance(handle, SSEStreamHandle) and isinstance(handle, StreamHandle)
    finally:
        handle.close()
