"""A scriptable loopback HTTP(S) server for fault-injection tests.

Each test decides what the server does for a ``(method, path)``: answer normally, answer
with any status, headers and body, stall, close the connection half-way through a
response, or send arbitrary raw bytes. Every request the server received is recorded so
tests can check exactly what went over the socket (headers included).

The server binds a real TCP socket on a loopback address (``127.0.0.1`` by default, any
``127.x.y.z`` works on Linux), serves each connection on its own thread, and can speak
TLS with a certificate generated on the fly (see :func:`self_signed_cert`).
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from socketserver import TCPServer, ThreadingMixIn
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest


@dataclass
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    server: str

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None

    @property
    def params(self) -> dict[str, str]:
        return dict(self.query)


@dataclass
class Reply:
    """What to send back.

    ``body`` may be bytes, text, or any other value (sent as JSON). ``delay`` stalls before
    answering (interrupted when the server stops). ``cut_after`` sends the status line,
    headers and only that many body bytes, then closes the connection. ``raw`` replaces the
    whole response with these bytes (then the connection is closed).

    ``pieces`` sends the body (or, with ``raw_pieces``, the whole response) as these byte
    strings, ``piece_delay`` seconds apart; the body is chunked unless ``headers`` give a
    ``Content-Length``. An endless iterator makes an endless body: sending stops when the
    client hangs up or the server stops.
    """

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut_after: int | None = None
    raw: bytes | None = None
    reason: str | None = None
    pieces: Iterable[bytes] | None = None
    piece_delay: float = 0.0
    raw_pieces: bool = False


Script = Callable[[Received], Reply]

_REASONS = {
    200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 307: "Temporary Redirect",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
    422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}


def _encode(body: Any) -> tuple[bytes, str]:
    if body is None:
        return b"", "application/json"
    if isinstance(body, bytes):
        return body, "application/octet-stream"
    if isinstance(body, str):
        return body.encode("utf-8"), "text/html; charset=utf-8"
    return json.dumps(body).encode("utf-8"), "application/json; charset=utf-8"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the default stderr log
        pass

    def _serve(self) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        received = Received(
            method=self.command,
            path=split.path,
            query=parse_qsl(split.query, keep_blank_values=True),
            headers={k: v for k, v in self.headers.items()},
            body=body,
            server=owner.url,
        )
        owner.record(received)
        try:
            reply = owner.reply_for(received)
        except Exception as exc:  # a broken script should fail its test loudly, not hang up  # noqa: BLE001
            owner.script_errors.append(exc)
            reply = Reply(599, f"fault server script failed: {exc!r}", reason="Script Error")
        if reply.delay and owner.stopping.wait(reply.delay):
            self.close_connection = True
            return
        if reply.pieces is not None:
            self._send_pieces(reply, owner)
            return
        if reply.raw is not None:
            self.wfile.write(reply.raw)
            self.wfile.flush()
            self.close_connection = True
            return
        payload, ctype = _encode(reply.body)
        self.send_response_only(reply.status, reply.reason or _REASONS.get(reply.status, "Status"))
        headers = {"Content-Type": ctype, "Content-Length": str(len(payload)), "Connection": "close"}
        headers.update(reply.headers)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if reply.cut_after is not None:
            payload = payload[: reply.cut_after]
        if self.command != "HEAD":
            self.wfile.write(payload)
        self.wfile.flush()
        self.close_connection = True
        if reply.cut_after is not None:
            self.connection.shutdown(socket.SHUT_RDWR)

    def _send_pieces(self, reply: Reply, owner: FaultServer) -> None:
        self.close_connection = True
        chunked = not reply.raw_pieces and "Content-Length" not in reply.headers
        try:
            if not reply.raw_pieces:
                self.send_response_only(reply.status, reply.reason or _REASONS.get(reply.status, "Status"))
                headers = {"Content-Type": "application/json", "Connection": "close", **reply.headers}
                if chunked:
                    headers["Transfer-Encoding"] = "chunked"
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.flush()
            for piece in reply.pieces or ():
                if owner.stopping.wait(reply.piece_delay) if reply.piece_delay else owner.stopping.is_set():
                    return
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
                self.wfile.flush()
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()
        except OSError:  # the client hung up
            return

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):  # every HTTP method is served by the script
            return self._serve
        raise AttributeError(name)


class _Server(ThreadingMixIn, TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False
    owner: FaultServer

    def finish_request(self, request: Any, client_address: Any) -> None:
        context = self.owner.ssl_context
        if context is not None:
            try:
                request = context.wrap_socket(request, server_side=True)
            except OSError:  # the client refused the certificate
                return
        super().finish_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hanging up early is part of the tests


class FaultServer:
    """A running loopback server; script it with :meth:`on` and read :attr:`received`."""

    def __init__(self, host: str = "127.0.0.1", ssl_context: ssl.SSLContext | None = None) -> None:
        self.host = host
        self.ssl_context = ssl_context
        self.received: list[Received] = []
        self.script_errors: list[Exception] = []
        self.stopping = threading.Event()
        self._routes: dict[tuple[str, str], Script] = {}
        self._lock = threading.Lock()
        self._server = _Server((host, 0), _Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        scheme = "https" if self.ssl_context is not None else "http"
        return f"{scheme}://{self.host}:{self.port}"

    # -- scripting -----------------------------------------------------------------------

    def on(self, method: str, path: str, *replies: Reply | Script) -> None:
        """Answer ``method path`` with ``replies`` in turn (the last one repeats).

        A reply may be a :class:`Reply` or a function of the :class:`Received` request.
        """
        if not replies:
            raise ValueError("give at least one reply")
        queue = list(replies)
        lock = threading.Lock()

        def script(request: Received) -> Reply:
            with lock:
                item = queue.pop(0) if len(queue) > 1 else queue[0]
            return item(request) if callable(item) else item

        self._routes[(method.upper(), path)] = script

    def reply_for(self, request: Received) -> Reply:
        script = self._routes.get((request.method, request.path))
        if script is None:
            return Reply(404, {"error": "Record not found"})
        return script(request)

    def record(self, request: Received) -> None:
        with self._lock:
            self.received.append(request)

    def requests_to(self, path: str) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.path == path]

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def refused_url(host: str = "127.0.0.1") -> str:
    """A URL on a loopback port nobody listens on (connecting is refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port = sock.getsockname()[1]
    return f"http://{host}:{port}"


def self_signed_cert(directory: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A fresh self-signed certificate for ``host`` (and its key) as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


@pytest.fixture
def start_fault_server() -> Iterator[Callable[..., FaultServer]]:
    """Start loopback servers: ``start_fault_server(host="127.0.0.2", ssl_context=None)``."""
    servers: list[FaultServer] = []

    def start(host: str = "127.0.0.1", ssl_context: ssl.SSLContext | None = None) -> FaultServer:
        server = FaultServer(host, ssl_context)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def fault_server(start_fault_server: Callable[..., FaultServer]) -> FaultServer:
    """One running loopback server on 127.0.0.1."""
    return start_fault_server()


@pytest.fixture
def fault_api(fault_server: FaultServer) -> Callable[..., Any]:
    """Build a client on :func:`fault_server`: ``fault_api(ratelimit_method="throw", ...)``."""
    from mastodon import Mastodon

    def build(**kwargs: Any) -> Any:
        kwargs.setdefault("api_base_url", fault_server.url)
        kwargs.setdefault("access_token", "fault-test-token")
        kwargs.setdefault("mastodon_version", "4.2.0")
        kwargs.setdefault("request_timeout", 5)
        return Mastodon(**kwargs)

    return build
