"""How an SSE response body is read: plain streams straight from ``http.client`` (the
cheapest read that returns what has arrived), compressed ones through urllib3's decoder."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
from collections.abc import Iterator

import pytest
import requests

from mastodon.streaming.sse_connection import CHUNK_SIZE, chunk_reader

BODY = b"".join(b"event: update\ndata: {\"id\": \"%d\"}\n\n" % i for i in range(200))


def _serve(listener: socket.socket, headers: bytes, body: bytes) -> None:
    conn, _ = listener.accept()
    with conn, contextlib.suppress(ConnectionError):  # a client may hang up early
        request = b""
        while b"\r\n\r\n" not in request:
            request += conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n" + headers + b"\r\n")
        for start in range(0, len(body), 700):  # chunk boundaries anywhere
            block = body[start : start + 700]
            conn.sendall(b"%x\r\n%s\r\n" % (len(block), block))
        conn.sendall(b"0\r\n\r\n")


@pytest.fixture
def stream() -> Iterator[tuple[str, socket.socket]]:
    listener = socket.create_server(("127.0.0.1", 0))
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/api/v1/streaming/user", listener
    finally:
        listener.close()


def _read_all(url: str) -> bytes:
    with requests.get(url, stream=True, timeout=10) as response:
        read = chunk_reader(response)
        pieces = []
        while piece := read(CHUNK_SIZE):
            pieces.append(piece)
        return b"".join(pieces)


@pytest.mark.parametrize(("encoding", "body"), [(b"", BODY), (b"Content-Encoding: identity\r\n", BODY), (b"Content-Encoding: gzip\r\n", gzip.compress(BODY))])
def test_the_reader_returns_the_decoded_body(stream: tuple[str, socket.socket], encoding: bytes, body: bytes) -> None:
    url, listener = stream
    server = threading.Thread(target=_serve, args=(listener, encoding, body), daemon=True)
    server.start()
    data = _read_all(url)
    server.join(5)
    assert data == BODY


def test_a_plain_stream_is_read_from_http_client_directly(stream: tuple[str, socket.socket]) -> None:
    url, listener = stream
    threading.Thread(target=_serve, args=(listener, b"", BODY), daemon=True).start()
    with requests.get(url, stream=True, timeout=10) as response:
        assert chunk_reader(response) == response.raw._fp.read1
