"""Loopback streaming servers for tests: server-sent events and WebSocket.

Both bind ``127.0.0.1`` on a free port, run on threads the fixture stops, record every
request (path, query, headers) and play a *script* per streaming connection. A script is
a list of steps:

- ``bytes``/``str``: send it (SSE: one write, one HTTP chunk when chunked; WebSocket:
  one text message);
- ``float``: pause that many seconds;
- ``DROP``: cut the TCP connection at once (no chunk terminator, no close frame);
- ``END``: finish cleanly (SSE: chunk terminator; WebSocket: close frame);
- ``HOLD``: keep the connection open until the client leaves or the server stops.

A script that runs out of steps holds. Streaming requests with no script queued get an
empty holding stream. Both servers also answer ``GET /api/v1/instance`` (with
``urls.streaming_api`` set by the test) so clients can discover the streaming URL.

The SSE server also accepts a WebSocket upgrade on ``/api/v1/streaming``: it sends the
script's messages and then stalls, answering nothing (not even pings), which the
WebSocket server, built on a library that always answers pings, cannot do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import select
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from mastodon import Mastodon, StreamListener, hookimpl
from mastodon.plugin import BackendInfo
from mastodon.plugins import get_registry, register_plugin, unregister_plugin

_WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

DROP = "<drop>"
END = "<end>"
HOLD = "<hold>"

Step = bytes | str | float


@dataclass
class StreamRequest:
    """One request as the server saw it."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


@dataclass
class _Base:
    streaming_api: str | None = None
    instance_extra: dict[str, Any] = field(default_factory=dict)
    requests: list[StreamRequest] = field(default_factory=list)
    scripts: deque[list[Step]] = field(default_factory=deque)
    stream_status: int = 200
    connections: int = 0

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.connected = threading.Condition(self._lock)

    def script(self, *steps: Step) -> None:
        """Queue what the next streaming connection gets."""
        self.scripts.append(list(steps))

    def instance_document(self) -> bytes:
        doc: dict[str, Any] = {"uri": "127.0.0.1", "title": "Loopback", "version": "4.2.0", **self.instance_extra}
        if self.streaming_api is not None:
            doc["urls"] = {"streaming_api": self.streaming_api}
        return json.dumps(doc).encode()

    def _next_script(self) -> list[Step]:
        with self._lock:
            self.connections += 1
            self.connected.notify_all()
            return self.scripts.popleft() if self.scripts else [HOLD]

    def wait_for_connections(self, count: int, timeout: float = 5.0) -> None:
        """Block until ``count`` streaming connections were accepted."""
        with self._lock:
            if not self.connected.wait_for(lambda: self.connections >= count, timeout):
                raise AssertionError(f"expected {count} streaming connections, got {self.connections}")

    def stream_requests(self) -> list[StreamRequest]:
        return [r for r in self.requests if r.path.startswith("/api/v1/streaming") and not r.path.endswith("/health")]


class LoopbackSSEServer(_Base):
    """An HTTP/1.1 server that answers streaming routes with ``text/event-stream``."""

    def __init__(self, chunked: bool = True) -> None:
        super().__init__()
        self.chunked = chunked
        self.health = b"OK"
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._clients: list[socket.socket] = []
        self._accept_thread = threading.Thread(target=self._accept, name="sse-server", daemon=True)
        self._accept_thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._clients.append(client)
            thread = threading.Thread(target=self._serve, args=(client,), name="sse-conn", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        try:
            request = self._read_request(client)
            if request is None:
                return
            self.requests.append(request)
            if request.path == "/api/v1/instance":
                self._reply(client, 200, "application/json", self.instance_document())
            elif request.path == "/api/v1/streaming/health":
                self._reply(client, 200, "text/plain", self.health)
            elif request.path == "/api/v1/streaming" and (request.header("Upgrade") or "").lower() == "websocket":
                self._stalled_websocket(client, request, self._next_script())
            elif request.path.startswith("/api/v1/streaming") and self.stream_status != 200:
                self._reply(client, self.stream_status, "application/json", b'{"error":"This method requires an authenticated user"}')
            elif request.path.startswith("/api/v1/streaming"):
                self._stream(client, self._next_script(), (request.header("Connection") or "").lower() == "close")
            else:
                self._reply(client, 404, "application/json", b'{"error":"Not found"}')
        except OSError:
            pass
        finally:
            try:
                client.close()
            except OSError:
                pass

    def _read_request(self, client: socket.socket) -> StreamRequest | None:
        data = b""
        client.settimeout(5)
        while b"\r\n\r\n" not in data:
            piece = client.recv(65536)
            if not piece:
                return None
            data += piece
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        _, target, _ = head[0].split(" ", 2)
        headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
        split = urlsplit(target)
        return StreamRequest(split.path, dict(parse_qsl(split.query, keep_blank_values=True)), headers)

    @staticmethod
    def _reply(client: socket.socket, status: int, ctype: str, body: bytes) -> None:
        reason = HTTPStatus(status).phrase
        head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        client.sendall(head.encode() + body)

    def _stream(self, client: socket.socket, steps: list[Step], close: bool) -> None:
        # Like common HTTP servers, answer a request's "Connection: close" in kind.
        framing = "Transfer-Encoding: chunked\r\n" if self.chunked else ""
        if close or not self.chunked:
            framing += "Connection: close\r\n"
        client.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n{framing}\r\n".encode())
        for step in [*steps, HOLD]:
            if step == DROP:
                _drop(client)
                return
            if step == END:
                if self.chunked:
                    client.sendall(b"0\r\n\r\n")
                return
            if step == HOLD:
                _hold(client, self._stop)
                return
            if isinstance(step, float):
                if self._stop.wait(step):
                    return
                continue
            data = step.encode() if isinstance(step, str) else step
            client.sendall(b"%x\r\n%s\r\n" % (len(data), data) if self.chunked else data)

    def _stalled_websocket(self, client: socket.socket, request: StreamRequest, steps: list[Step]) -> None:
        """Accept a WebSocket upgrade, send the script's messages, then go silent.

        Nothing more is read or sent, not even pongs: a server that stalled.
        """
        key = request.header("Sec-WebSocket-Key") or ""
        accept = base64.b64encode(hashlib.sha1((key + _WS_GUID).encode()).digest()).decode()
        protocol = request.header("Sec-WebSocket-Protocol")
        head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        head += f"Sec-WebSocket-Accept: {accept}\r\n"
        if protocol:
            head += f"Sec-WebSocket-Protocol: {protocol.split(',')[0].strip()}\r\n"
        client.sendall((head + "\r\n").encode())
        for step in steps:
            if isinstance(step, float):
                self._stop.wait(step)
            elif step not in (DROP, END, HOLD):
                data = step.encode() if isinstance(step, str) else step
                size = len(data)
                header = bytes([0x81, size]) if size < 126 else b"\x81\x7e" + size.to_bytes(2, "big")
                client.sendall(header + data)
        self._stop.wait()

    def stop(self) -> None:
        self._stop.set()
        self._sock.close()
        self._accept_thread.join(5)
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in self._threads:
            thread.join(5)


class SilentServer:
    """Accepts TCP connections on ``127.0.0.1`` and never sends a byte: every TLS, HTTP or
    WebSocket handshake with it stalls. Counts the connections it accepted."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.address = f"127.0.0.1:{self._listener.getsockname()[1]}"
        self._clients: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="silent-server", daemon=True)
        self._thread.start()

    @property
    def connections(self) -> int:
        return len(self._clients)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._clients.append(client)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()
        for client in self._clients:
            _drop(client)


def _drop(client: socket.socket) -> None:
    try:
        client.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    client.close()


def _hold(client: socket.socket, stop: threading.Event) -> None:
    """Wait until the peer closes (or the server stops)."""
    while not stop.is_set():
        try:
            ready, _, _ = select.select([client], [], [], 0.05)
        except (OSError, ValueError):
            return
        if ready:
            try:
                if not client.recv(65536):
                    return
            except OSError:
                return


class LoopbackWebSocketServer(_Base):
    """A WebSocket server for ``/api/v1/streaming?stream=...`` (also serves the instance document).

    It accepts the first subprotocol the client offers (servers echo the access token),
    answers pings, and sends its own every ``ping_interval`` seconds when given.
    """

    def __init__(self, ping_interval: float | None = None) -> None:
        super().__init__()
        from websockets.sync.server import serve

        self._server = serve(
            self._handler,
            "127.0.0.1",
            0,
            ping_interval=ping_interval,
            process_request=self._process_request,
            select_subprotocol=lambda connection, offered: offered[0] if offered else None,
        )
        #: Messages the clients sent (subscriptions), read while the server holds a connection.
        self.received: list[str] = []
        self.port = self._server.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="ws-server", daemon=True)
        self._thread.start()

    def _process_request(self, connection: Any, request: Any) -> Any:
        split = urlsplit(request.path)
        self.requests.append(
            StreamRequest(split.path, dict(parse_qsl(split.query, keep_blank_values=True)), dict(request.headers.raw_items()))
        )
        if split.path == "/api/v1/instance":
            response = connection.respond(HTTPStatus.OK, self.instance_document().decode())
            response.headers["Content-Type"] = "application/json"
            return response
        if split.path != "/api/v1/streaming":
            return connection.respond(HTTPStatus.NOT_FOUND, '{"error":"Not found"}')
        if self.stream_status != 200:
            return connection.respond(HTTPStatus(self.stream_status), '{"error":"Invalid access token"}')
        return None

    def _handler(self, connection: Any) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            for step in [*self._next_script(), HOLD]:
                if step == DROP:
                    _drop(connection.socket)
                    return
                if step == END:
                    connection.close()
                    return
                if step == HOLD:
                    while not self._stop.is_set():
                        try:
                            self.received.append(connection.recv(timeout=0.05))
                        except TimeoutError:
                            continue
                    connection.close()
                    return
                if isinstance(step, float):
                    if self._stop.wait(step):
                        connection.close()
                        return
                    continue
                connection.send(step.decode() if isinstance(step, bytes) else step)
        except (ConnectionClosed, OSError):
            return

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._thread.join(5)


# -- building events ----------------------------------------------------------------------


def sse_event(name: str, payload: Any) -> bytes:
    """One SSE event; ``payload`` is JSON-encoded unless it already is text."""
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return f"event: {name}\ndata: {data}\n\n".encode()


def ws_frame(name: str, payload: Any, stream: list[str] | None = None) -> str:
    """One WebSocket envelope, with the payload as JSON text like Mastodon sends it."""
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return json.dumps({"stream": stream or ["user"], "event": name, "payload": data})


STATUS = {
    "id": "110000000000000001",
    "created_at": "2024-05-01T12:34:56.789Z",
    "content": "<p>hello</p>",
    "visibility": "public",
    "account": {"id": "1", "username": "alice", "acct": "alice", "created_at": "2022-11-20T00:00:00.000Z"},
}
REMOTE_STATUS = {**STATUS, "id": "110000000000000002", "account": {"id": "2", "username": "bob", "acct": "bob@remote.example"}}

#: Every kind of event, as (name, payload) pairs; ids as the servers send them.
CANONICAL_EVENTS: list[tuple[str, Any]] = [
    ("update", STATUS),
    ("update", REMOTE_STATUS),
    ("notification", {"id": "7", "type": "mention", "created_at": "2024-05-01T12:35:00.000Z", "status": STATUS}),
    ("delete", "110000000000000003"),
    ("delete", "01M8J330P2KSXZ9VSXJ4RNNM9N"),
    ("conversation", {"id": "9", "unread": True, "accounts": [], "last_status": STATUS}),
    ("status.update", {**STATUS, "content": "<p>edited</p>", "edited_at": "2024-05-01T12:36:00.000Z"}),
    ("announcement", {"id": "3", "content": "<p>news</p>"}),
    ("filters_changed", None),
    ("brand.new", {"x": 1}),
]

#: What :class:`RecordingListener` records for :data:`CANONICAL_EVENTS`.
CANONICAL_CALLS: list[tuple[Any, ...]] = [
    ("update", 110000000000000001),
    ("update", 110000000000000002),
    ("notification", 7, "mention"),
    ("delete", 110000000000000003),
    ("delete", "01M8J330P2KSXZ9VSXJ4RNNM9N"),
    ("conversation", 9),
    ("status_update", 110000000000000001, "<p>edited</p>"),
    ("announcement", 3),
    ("filters_changed",),
    ("unknown", "brand.new", {"x": 1}),
]


def canonical_sse() -> list[bytes]:
    return [sse_event(name, "undefined" if payload is None else payload) for name, payload in CANONICAL_EVENTS]


def canonical_ws(stream: list[str] | None = None) -> list[str]:
    frames = []
    for name, payload in CANONICAL_EVENTS:
        if payload is None:
            frames.append(json.dumps({"stream": stream or ["user"], "event": name}))
        else:
            frames.append(ws_frame(name, payload, stream))
    return frames


class RecordingListener(StreamListener):
    """Records every callback as a small tuple (and the full payloads), thread-safely."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []
        self.payloads: list[Any] = []
        self.aborts: list[BaseException] = []
        self.heartbeats = 0
        self._cond = threading.Condition()

    def _add(self, call: tuple[Any, ...], payload: Any) -> None:
        with self._cond:
            self.calls.append(call)
            self.payloads.append(payload)
            self._cond.notify_all()

    def on_update(self, status: Any) -> None:
        self._add(("update", status.id), status)

    def on_notification(self, notification: Any) -> None:
        self._add(("notification", notification.id, notification.type), notification)

    def on_delete(self, status_id: Any) -> None:
        self._add(("delete", status_id), status_id)

    def on_conversation(self, conversation: Any) -> None:
        self._add(("conversation", conversation.id), conversation)

    def on_status_update(self, status: Any) -> None:
        self._add(("status_update", status.id, status.content), status)

    def on_announcement(self, announcement: Any) -> None:
        self._add(("announcement", announcement.id), announcement)

    def on_filters_changed(self) -> None:
        self._add(("filters_changed",), None)

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        self._add(("unknown", name, unknown_event), unknown_event)

    def on_abort(self, err: BaseException) -> None:
        with self._cond:
            self.aborts.append(err)
            self._cond.notify_all()

    def handle_heartbeat(self) -> None:
        with self._cond:
            self.heartbeats += 1

    def wait_for(self, count: int, timeout: float = 5.0) -> list[tuple[Any, ...]]:
        """Wait until ``count`` events arrived; returns the calls so far."""
        with self._cond:
            self._cond.wait_for(lambda: len(self.calls) >= count, timeout)
            return list(self.calls)

    def wait_for_abort(self, count: int = 1, timeout: float = 5.0) -> list[BaseException]:
        with self._cond:
            self._cond.wait_for(lambda: len(self.aborts) >= count, timeout)
            return list(self.aborts)


# -- clients and backends -----------------------------------------------------------------

WEBSOCKET_BACKEND = "websocket-streaming"


class _WebSocketBackend:
    """A test backend that streams over WebSocket (and is otherwise mainline)."""

    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo(WEBSOCKET_BACKEND, "mainline, streaming over WebSocket", extends="mainline")

    @hookimpl
    def mastodon_streaming_transport(self, ctx: Any, stream: str) -> str | None:
        return "websocket" if ctx.backend == WEBSOCKET_BACKEND else None


def make_client(api_base_url: str, feature_set: str = "mainline", token: str | None = "loopback-token", **kwargs: Any) -> Mastodon:
    """A client that asks nothing of the server at construction."""
    kwargs.setdefault("mastodon_version", "4.2.0")
    return Mastodon(
        access_token=token, api_base_url=api_base_url, feature_set=feature_set, user_agent="streaming-tests/1.0", **kwargs,
    )


def stream_threads() -> list[threading.Thread]:
    """Threads started by the library's streaming code (handles and WebSocket I/O)."""
    return [t for t in threading.enumerate() if t.name.startswith("mastodon-stream") or _is_websocket_io(t)]


def _is_websocket_io(thread: threading.Thread) -> bool:
    """A reader or keepalive thread of a WebSocket client connection."""
    from websockets.sync.client import ClientConnection

    return isinstance(getattr(getattr(thread, "_target", None), "__self__", None), ClientConnection)


def wait_until(predicate: Any, timeout: float = 5.0, interval: float = 0.01) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def sse_server() -> Iterator[LoopbackSSEServer]:
    server = LoopbackSSEServer()
    yield server
    server.stop()


@pytest.fixture
def ws_server() -> Iterator[LoopbackWebSocketServer]:
    server = LoopbackWebSocketServer()
    yield server
    server.stop()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def websocket_backend() -> Iterator[str]:
    """Registers a test backend (mainline otherwise) whose streams use WebSocket; returns its name."""
    plugin = _WebSocketBackend()
    register_plugin(plugin, name=WEBSOCKET_BACKEND)
    yield WEBSOCKET_BACKEND
    if get_registry().pm.is_registered(plugin):
        unregister_plugin(plugin)


__all__ = [
    "CANONICAL_CALLS",
    "CANONICAL_EVENTS",
    "RecordingListener",
    "STATUS",
    "canonical_sse",
    "canonical_ws",
    "DROP",
    "END",
    "HOLD",
    "LoopbackSSEServer",
    "LoopbackWebSocketServer",
    "SilentServer",
    "StreamRequest",
    "WEBSOCKET_BACKEND",
    "make_client",
    "sse_event",
    "stream_threads",
    "wait_until",
    "ws_frame",
]
