"""Streaming under faults, over both transports (server-sent events and WebSocket).

Reconnecting after drops waits between attempts (no tight reconnect loop), ``close()``
leaves no thread behind whatever state the stream is in, an event a server sends again
after a reconnect reaches the listener once, secrets stay out of streaming errors, and
whatever bytes or frames a server sends, only documented exceptions come out.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support.fault_server import FaultServer, Reply, refused_url
from support.stream_servers import (
    DROP,
    STATUS,
    LoopbackSSEServer,
    LoopbackWebSocketServer,
    RecordingListener,
    SilentServer,
    make_client,
    sse_event,
    stream_threads,
    wait_until,
    ws_frame,
)

from mastodon import Mastodon, MastodonError, MastodonMalformedEventError, MastodonNetworkError, StreamListener
from mastodon.streaming.abort import StreamAbort
from mastodon.streaming.dispatch import EventDispatcher
from mastodon.streaming.runner import Opening
from mastodon.streaming.sse import SSEParser
from mastodon.streaming.websocket import WebSocketConnection

WAIT = 0.15  # reconnect_async_wait_sec used below: short, but long enough to measure
TOKEN = "stream-Secret-0123456789"


def status(n: int, **extra: Any) -> dict[str, Any]:
    return {**STATUS, "id": str(n), **extra}


@pytest.fixture(autouse=True)
def no_stream_threads_left() -> Iterator[None]:
    """Every test must end with every streaming thread gone."""
    yield
    assert wait_until(lambda: stream_threads() == [], timeout=3), stream_threads()


class Transport:
    """One streaming transport on its loopback server: script connections, open streams."""

    def __init__(self, kind: str, server: LoopbackSSEServer | LoopbackWebSocketServer, feature_set: str) -> None:
        self.kind = kind
        self.server = server
        self.feature_set = feature_set

    def event(self, name: str, payload: Any, stream: list[str] | None = None) -> bytes | str:
        return sse_event(name, payload) if self.kind == "sse" else ws_frame(name, payload, stream)

    def client(self, **kwargs: Any) -> Mastodon:
        return make_client(self.server.url, feature_set=self.feature_set, **kwargs)

    def attempts(self) -> int:
        return len(self.server.stream_requests())


@pytest.fixture(params=["sse", "websocket"])
def transport(request: pytest.FixtureRequest, sse_server: LoopbackSSEServer) -> Transport:
    if request.param == "sse":
        return Transport("sse", sse_server, "mainline")
    backend = request.getfixturevalue("websocket_backend")
    ws_server: LoopbackWebSocketServer = request.getfixturevalue("ws_server")
    ws_server.streaming_api = ws_server.ws_url
    return Transport("websocket", ws_server, backend)


# -- reconnecting ---------------------------------------------------------------------------------


def test_reconnects_after_repeated_drops_and_waits_between_attempts(transport: Transport) -> None:
    for n in range(1, 4):
        transport.server.script(transport.event("update", status(n)), 0.02, DROP)
    transport.server.script(transport.event("update", status(4)))
    listener = RecordingListener()
    started = time.monotonic()
    handle = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert handle is not None
    assert listener.wait_for(4) == [("update", n) for n in range(1, 5)]
    elapsed = time.monotonic() - started
    assert elapsed >= 3 * WAIT  # three drops, three waits
    assert len(listener.aborts) == 3 and all(isinstance(e, MastodonNetworkError) for e in listener.aborts)
    assert transport.attempts() == 4
    assert wait_until(handle.is_receiving)
    handle.close()
    assert not handle.is_alive()


def test_refusing_server_is_not_hammered(transport: Transport) -> None:
    transport.server.stream_status = 502
    listener = RecordingListener()
    handle = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert handle is not None
    time.sleep(6 * WAIT)
    handle.close()
    attempts = transport.attempts()
    assert 2 <= attempts <= 7  # one attempt per wait, give or take the first
    assert len(listener.aborts) == attempts
    assert all("502" in str(e) for e in listener.aborts)


def test_failed_attempts_back_off_and_a_connection_resets_the_wait(transport: Transport) -> None:
    transport.server.stream_status = 502
    times: list[float] = []

    class Timed(RecordingListener):
        def on_abort(self, err: BaseException) -> None:
            times.append(time.monotonic())
            super().on_abort(err)

    handle = transport.client().stream_user(Timed(), run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert handle is not None
    assert wait_until(lambda: len(times) >= 4, timeout=10)
    handle.close()
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert gaps[0] >= WAIT * 0.9 and gaps[1] >= 2 * WAIT * 0.9 and gaps[2] >= 4 * WAIT * 0.9  # doubling


def test_a_connection_that_was_established_starts_the_wait_over(transport: Transport) -> None:
    for n in range(1, 4):
        transport.server.script(transport.event("update", status(n)), 0.02, DROP)
    transport.server.script(transport.event("update", status(4)))
    times: list[float] = []

    class Timed(RecordingListener):
        def on_abort(self, err: BaseException) -> None:
            times.append(time.monotonic())
            super().on_abort(err)

    listener = Timed()
    handle = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert handle is not None
    assert len(listener.wait_for(4)) == 4
    handle.close()
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) == 2 and all(gap < 2 * WAIT for gap in gaps)  # no doubling after a connection


def test_unreachable_streaming_server_is_not_hammered(fault_server: FaultServer) -> None:
    # The API host answers, but the advertised streaming host refuses connections.
    fault_server.on("GET", "/api/v1/instance", Reply(200, {"version": "4.2.0", "urls": {"streaming_api": refused_url().replace("http", "ws")}}))
    listener = RecordingListener()
    handle = make_client(fault_server.url).stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert handle is not None
    time.sleep(5 * WAIT)
    handle.close()
    assert 2 <= len(listener.aborts) <= 6
    assert all(isinstance(e, MastodonNetworkError) for e in listener.aborts)


# -- close() in every state --------------------------------------------------------------------------


def test_close_while_receiving_leaves_no_thread(transport: Transport) -> None:
    transport.server.script(transport.event("update", status(1)))
    listener = RecordingListener()
    handle = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert handle is not None
    listener.wait_for(1)
    started = time.monotonic()
    handle.close()
    assert time.monotonic() - started < 2
    assert not handle.is_alive() and stream_threads() == []
    assert listener.aborts == []  # closing is not an error


def test_close_while_waiting_to_reconnect_leaves_no_thread(transport: Transport) -> None:
    transport.server.script(DROP)
    listener = RecordingListener()
    handle = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=30)
    assert handle is not None
    listener.wait_for_abort()
    assert wait_until(lambda: handle.reconnecting)
    started = time.monotonic()
    handle.close()
    assert time.monotonic() - started < 2
    assert not handle.is_alive() and stream_threads() == []
    time.sleep(WAIT)
    assert transport.attempts() == 1  # no attempt after close


def test_close_from_a_handler_during_reconnects_leaves_no_thread(transport: Transport) -> None:
    transport.server.script(transport.event("update", status(1)), DROP)
    transport.server.script(transport.event("update", status(2)))
    holder: dict[str, Any] = {}
    seen: list[int] = []
    closed = threading.Event()

    class Closing(RecordingListener):
        def on_update(self, st: Any) -> None:
            seen.append(st.id)
            if st.id == 2:
                holder["handle"].close()
                closed.set()

    listener = Closing()
    holder["handle"] = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert closed.wait(5)
    assert wait_until(lambda: not holder["handle"].is_alive())
    assert seen == [1, 2]


@pytest.mark.parametrize("kind", ["sse", "websocket"])
def test_close_during_a_stalled_connection_attempt(fault_server: FaultServer, kind: str, request: pytest.FixtureRequest) -> None:
    """A server that accepts the connection but never answers, with short timeouts.

    ``close()`` cancels the attempt and returns with no thread left behind, and no
    further attempt follows.
    """
    feature_set = "mainline" if kind == "sse" else request.getfixturevalue("websocket_backend")
    path = "/api/v1/streaming/user" if kind == "sse" else "/api/v1/streaming"
    fault_server.on("GET", "/api/v1/instance", Reply(200, {"version": "4.2.0", "urls": {"streaming_api": fault_server.url.replace("http", "ws")}}))
    fault_server.on("GET", path, Reply(200, b"", delay=30))
    listener = RecordingListener()
    client = make_client(fault_server.url, feature_set=feature_set, request_timeout=0.3)
    handle = client.stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT, timeout=0.3)
    assert handle is not None
    assert wait_until(lambda: len(fault_server.requests_to(path)) == 1)
    started = time.monotonic()
    handle.close()
    assert time.monotonic() - started < 2
    assert not handle.is_alive() and stream_threads() == []
    time.sleep(WAIT)
    assert len(fault_server.requests_to(path)) == 1  # no attempt after close
    assert listener.calls == []


@pytest.mark.parametrize("tls", [False, True], ids=["http-handshake", "tls-handshake"])
@pytest.mark.parametrize("kind", ["sse", "websocket"])
def test_close_cancels_a_connection_attempt_the_server_never_answers(
    fault_server: FaultServer, silent_server: SilentServer, kind: str, tls: bool, request: pytest.FixtureRequest
) -> None:
    """The streaming server accepts the TCP connection and then stays silent (no TLS
    handshake, no HTTP response), with the default timeouts (300 s): ``close()`` still
    returns at once, no streaming thread is left, ``on_abort`` hears nothing and no
    further attempt follows."""
    feature_set = "mainline" if kind == "sse" else request.getfixturevalue("websocket_backend")
    streaming = f"{'wss' if tls else 'ws'}://{silent_server.address}"
    fault_server.on("GET", "/api/v1/instance", Reply(200, {"version": "4.2.0", "urls": {"streaming_api": streaming}}))
    listener = RecordingListener()
    client = make_client(fault_server.url, feature_set=feature_set)
    handle = client.stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=WAIT)
    assert handle is not None
    assert wait_until(lambda: silent_server.connections == 1)
    time.sleep(0.2)  # the client is now waiting for the server's first byte
    assert handle.is_alive() and not handle.is_receiving()
    started = time.monotonic()
    handle.close()
    assert time.monotonic() - started < 1
    assert not handle.is_alive()
    assert [t for t in threading.enumerate() if t.name.startswith("mastodon-stream")] == []
    assert stream_threads() == []
    time.sleep(2 * WAIT)
    assert silent_server.connections == 1  # no attempt after close
    assert listener.calls == [] and handle.error is None


def test_an_opening_cancelled_before_its_socket_exists_shuts_the_socket_at_once() -> None:
    opening = Opening()
    opening.cancel()
    left, right = socket.socketpair()
    with left, right:
        opening.add(left)
        assert left.recv(1) == b""  # shut down: reads end at once
    opening.finish()


def test_a_finished_opening_keeps_no_descriptor_and_cancels_nothing() -> None:
    opening = Opening()
    left, right = socket.socketpair()
    with left, right:
        opening.add(left)
        opening.finish()
        opening.cancel()
        right.sendall(b"x")
        assert left.recv(1) == b"x"


# -- no event twice --------------------------------------------------------------------------------------


def test_events_resent_after_a_reconnect_are_delivered_once(transport: Transport) -> None:
    e = transport.event
    transport.server.script(e("update", status(1)), e("notification", {"id": "5", "type": "mention"}), e("delete", "9"), 0.02, DROP)
    # The server replays what it sent before the drop, then carries on.
    transport.server.script(
        e("update", status(1)), e("notification", {"id": "5", "type": "mention"}), e("delete", "9"),
        e("update", status(2)), e("delete", "10"),
    )
    listener = RecordingListener()
    handle = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    assert handle is not None
    listener.wait_for(5)
    assert wait_until(lambda: transport.attempts() == 2)
    time.sleep(0.1)  # anything wrongly delivered twice has arrived by now
    handle.close()
    assert listener.calls == [("update", 1), ("notification", 5, "mention"), ("delete", 9), ("update", 2), ("delete", 10)]


def test_a_resent_status_with_changed_counters_is_still_a_repeat(transport: Transport) -> None:
    transport.server.script(transport.event("update", status(1, favourites_count=0)), 0.02, DROP)
    transport.server.script(transport.event("update", status(1, favourites_count=3)), transport.event("update", status(2)))
    listener = RecordingListener()
    handle = transport.client().stream_user(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    assert handle is not None
    listener.wait_for(2)
    time.sleep(0.1)
    handle.close()
    assert listener.calls == [("update", 1), ("update", 2)]


def test_genuinely_new_events_that_look_alike_are_all_delivered(transport: Transport) -> None:
    e = transport.event
    transport.server.script(
        e("status.update", status(1, content="<p>v2</p>", edited_at="2024-05-01T12:36:00.000Z")),
        e("status.update", status(1, content="<p>v3</p>", edited_at="2024-05-01T12:37:00.000Z")),
        e("filters_changed", "undefined"), e("filters_changed", "undefined"),
        e("conversation", {"id": "4", "last_status": status(1)}), e("conversation", {"id": "4", "last_status": status(2)}),
    )
    listener = RecordingListener()
    handle = transport.client().stream_user(listener, run_async=True)
    assert handle is not None
    assert listener.wait_for(6) == [
        ("status_update", 1, "<p>v2</p>"), ("status_update", 1, "<p>v3</p>"),
        ("filters_changed",), ("filters_changed",),
        ("conversation", 4), ("conversation", 4),
    ]
    handle.close()


def test_same_status_on_two_multiplexed_streams_reaches_both(websocket_backend: str, ws_server: LoopbackWebSocketServer) -> None:
    ws_server.streaming_api = ws_server.ws_url
    ws_server.script(ws_frame("update", status(1), ["user"]), ws_frame("update", status(1), ["hashtag", "python"]))
    received: list[Any] = []

    class Streams(RecordingListener):
        def on_update(self, st: Any, for_stream: Any = None) -> None:
            received.append(for_stream)
            self._add(("update", st.id), st)

    listener = Streams()
    handle = make_client(ws_server.url, feature_set=websocket_backend).stream_user(listener, run_async=True)
    assert handle is not None
    listener.wait_for(2)
    handle.close()
    assert received == [["user"], ["hashtag", "python"]]


# -- secrets -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sse", "websocket"])
def test_streaming_errors_do_not_echo_the_token(fault_server: FaultServer, kind: str, request: pytest.FixtureRequest) -> None:
    feature_set = "mainline" if kind == "sse" else request.getfixturevalue("websocket_backend")
    base = fault_server.url if kind == "sse" else fault_server.url.replace("http", "ws")
    fault_server.on("GET", "/api/v1/instance", Reply(200, {"version": "4.2.0", "urls": {"streaming_api": base}}))
    echo = Reply(401, {"error": f"The access token {TOKEN} is invalid"})
    fault_server.on("GET", "/api/v1/streaming/user", echo)
    fault_server.on("GET", "/api/v1/streaming", echo)
    listener = RecordingListener()
    with pytest.raises(MastodonNetworkError) as info:
        make_client(fault_server.url, feature_set=feature_set, token=TOKEN).stream_user(listener)
    assert "401" in str(info.value)
    assert TOKEN not in str(info.value) and TOKEN not in repr(info.value.args)
    assert [TOKEN in str(e) for e in listener.aborts] == [False]


def test_token_in_the_websocket_query_stays_out_of_errors(fault_server: FaultServer, websocket_backend: str) -> None:
    token = "not/a+header=token-" + TOKEN  # cannot travel as a subprotocol: it goes in the URL
    fault_server.on("GET", "/api/v1/instance", Reply(200, {"version": "4.2.0", "urls": {"streaming_api": fault_server.url.replace("http", "ws")}}))
    fault_server.on("GET", "/api/v1/streaming", Reply(raw=b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nno"))
    with pytest.raises(MastodonNetworkError) as info:
        make_client(fault_server.url, feature_set=websocket_backend, token=token).stream_user(RecordingListener())
    assert fault_server.requests_to("/api/v1/streaming")[0].params["access_token"] == token  # it really was in the URL
    assert TOKEN not in str(info.value)


# -- malformed data ------------------------------------------------------------------------------------------


class _Quiet:
    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


EXAMPLES = int(os.environ.get("MASTODON_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

sse_lines = st.lists(
    st.one_of(
        st.binary(max_size=40),
        st.sampled_from([b"event: update", b"event: delete", b"event: notification", b"event:\xff\xfe", b"data: ", b"data",
                         b": thump", b"id: 7", b"retry: x", b"", b"\r", b"data: undefined", b"data: {\"id\": \"1\"}", b"data: [1,"]),
        st.builds(lambda d: b"data: " + json.dumps(d).encode(), st.recursive(st.none() | st.integers() | st.text(max_size=8), lambda c: st.lists(c, max_size=3) | st.dictionaries(st.sampled_from(["id", "created_at", "account", "x"]), c, max_size=3), max_leaves=8)),
    ),
    max_size=12,
).map(lambda lines: b"\n".join(lines) + b"\n\n")


@FUZZ
@given(stream=sse_lines, cuts=st.lists(st.integers(0, 400), max_size=5))
@example(stream=b"event: \xff\ndata: 1\n\n", cuts=[])
@example(stream=b"event: delete\ndata: \n\n", cuts=[3])
def test_sse_bytes_raise_only_documented_errors(stream: bytes, cuts: list[int]) -> None:
    dispatcher = EventDispatcher(_Quiet())
    parser = SSEParser(dispatcher.dispatch, dispatcher.heartbeat)
    bounds = sorted({0, len(stream), *(c for c in cuts if c < len(stream))})
    try:
        for start, end in itertools.pairwise(bounds):
            parser.feed(stream[start:end])
    except StreamAbort as failure:
        assert isinstance(failure.error, MastodonError)


ws_messages = st.one_of(
    st.text(max_size=60),
    st.binary(max_size=60),
    st.builds(
        lambda ev, payload, stream: json.dumps({"event": ev, "payload": payload, "stream": stream}),
        st.sampled_from(["update", "delete", "notification", "status.update", "filters_changed", "x"]) | st.integers() | st.none(),
        st.none() | st.text(max_size=20) | st.builds(json.dumps, st.dictionaries(st.sampled_from(["id", "created_at", "x"]), st.text(max_size=5) | st.integers(), max_size=3)),
        st.none() | st.lists(st.text(max_size=5), max_size=2) | st.text(max_size=5),
    ),
    st.builds(json.dumps, st.lists(st.integers(), max_size=3) | st.dictionaries(st.sampled_from(["error", "event", "payload"]), st.integers() | st.text(max_size=5), max_size=3)),
)


@FUZZ
@given(message=ws_messages)
@example(message='{"error": "bad token"}')
@example(message='{"event": "delete", "payload": ""}')
def test_websocket_frames_raise_only_documented_errors(message: str | bytes) -> None:
    connection = WebSocketConnection.__new__(WebSocketConnection)  # only the frame handling, no socket
    connection.dispatcher = EventDispatcher(_Quiet())
    try:
        connection.handle_message(message)
    except StreamAbort as failure:
        assert isinstance(failure.error, MastodonError)


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(stream=sse_lines)
def test_any_sse_stream_from_a_server_ends_in_a_documented_error(sse_server: LoopbackSSEServer, stream: bytes) -> None:
    sse_server.script(stream, DROP)
    try:
        make_client(sse_server.url).stream_user(StreamListener())  # its handlers accept anything
    except MastodonError as exc:
        assert isinstance(exc, (MastodonNetworkError, MastodonMalformedEventError))
    else:
        raise AssertionError("a dropped stream must raise")
