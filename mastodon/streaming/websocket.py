"""The WebSocket transport: one multiplexed ``/api/v1/streaming`` connection.

Messages are JSON envelopes ``{"stream": [...], "event": "update", "payload": "<json>"}``;
the payload (usually JSON text) goes through the same dispatcher as SSE data.
"""

from __future__ import annotations

import functools
import re
import socket
import ssl
import threading
import time
from collections.abc import Mapping
from contextlib import ExitStack
from typing import Any

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI, WebSocketException
from websockets.sync.client import ClientConnection, connect

from ..errors import MastodonNetworkError, MastodonReadTimeout
from ..limits import MAX_EVENT_BYTES
from .abort import abort
from .dispatch import EventDispatcher
from .feeding import dispatch_envelope
from .runner import Opening

#: Largest accepted message by default (statuses with long content and many mentions stay far below).
MAX_MESSAGE_SIZE = MAX_EVENT_BYTES
#: How long closing waits for the server's close frame.
CLOSE_TIMEOUT = 2.0
#: Longest interval between keepalive pings (servers answer with pongs).
PING_INTERVAL = 20.0

_TOKEN_CHARS = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


def usable_as_subprotocol(token: str) -> bool:
    """Whether an access token can travel in ``Sec-WebSocket-Protocol`` (an HTTP token)."""
    return bool(_TOKEN_CHARS.match(token))


class _WatchedConnection(ClientConnection):
    """A client connection that notes when the server last sent anything (pings and pongs too)."""

    last_activity = 0.0

    def process_event(self, event: Any) -> None:
        self.last_activity = time.monotonic()
        super().process_event(event)


def _watching(opening: Opening) -> type[_WatchedConnection]:
    """A connection class that hands its socket to ``opening`` before the HTTP handshake."""

    class Connection(_WatchedConnection):
        def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any) -> None:
            opening.add(sock)
            super().__init__(sock, *args, **kwargs)

    return Connection


class _WatchingTLSContext(ssl.SSLContext):
    """The default client TLS context, handing each socket to an :class:`Opening` before the TLS handshake."""

    opening: Opening | None = None

    def wrap_socket(self, sock: socket.socket, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if self.opening is not None:
            self.opening.add(sock)
        return super().wrap_socket(sock, *args, **kwargs)


def _tls_context(opening: Opening) -> ssl.SSLContext:
    """What ``ssl.create_default_context()`` gives (and the library uses), watched by ``opening``."""
    context = _WatchingTLSContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies certificates and host names
    context.options, context.verify_flags = _default_settings()
    context.load_default_certs(ssl.Purpose.SERVER_AUTH)
    context.opening = opening
    return context


@functools.cache
def _default_settings() -> tuple[ssl.Options, ssl.VerifyFlags]:
    reference = ssl.create_default_context()
    return reference.options, reference.verify_flags


class WebSocketConnection:
    """An open WebSocket stream. :meth:`run` reads and dispatches; :meth:`close` works from any thread.

    ``read_timeout`` counts seconds without any frame from the server. Servers send no
    heartbeat messages, but they answer the keepalive pings sent at least every
    ``read_timeout / 2`` seconds, so a quiet healthy stream does not time out.
    """

    def __init__(
        self,
        url: str,
        dispatcher: EventDispatcher,
        *,
        token: str | None,
        headers: Mapping[str, str],
        open_timeout: float | None,
        read_timeout: float | None,
        opening: Opening | None = None,
        max_size: int = MAX_MESSAGE_SIZE,
    ) -> None:
        self.dispatcher = dispatcher
        self._read_timeout = read_timeout
        self._closed = False
        self._unresponsive = False
        self._lock = threading.Lock()
        self._stack = ExitStack()
        extra = {k: v for k, v in headers.items() if k.lower() != "user-agent"}
        # The attempt's sockets go to ``opening`` (before the TLS handshake for wss://,
        # before the HTTP handshake in any case), so that it can be cancelled.
        connection_class = _WatchedConnection if opening is None else _watching(opening)
        tls = _tls_context(opening) if opening is not None and url.lower().startswith("wss:") else None
        try:
            self.websocket = self._stack.enter_context(
                connect(
                    url,
                    subprotocols=[token] if token else None,  # type: ignore[list-item]
                    additional_headers=extra,
                    user_agent_header=headers.get("User-Agent"),
                    open_timeout=open_timeout,
                    close_timeout=CLOSE_TIMEOUT,
                    ping_interval=PING_INTERVAL if read_timeout is None else min(PING_INTERVAL, read_timeout / 2),
                    max_size=max_size,
                    ssl=tls,
                    create_connection=connection_class,
                )
            )
        except InvalidStatus as exc:
            response = exc.response
            body = (response.body or b"")[:300].decode("utf-8", "replace").strip()
            detail = f": {body}" if body else ""
            raise abort(
                MastodonNetworkError(
                    f"Could not connect to streaming server: HTTP {response.status_code} {response.reason_phrase}{detail}"
                ),
                exc,
            ) from exc
        except TimeoutError as exc:
            raise abort(MastodonNetworkError("Timed out while connecting to the streaming server"), exc) from exc
        except (InvalidHandshake, InvalidURI, WebSocketException, OSError) as exc:
            raise abort(MastodonNetworkError(f"Could not connect to streaming server: {exc}"), exc) from exc

    def run(self) -> None:
        """Read until the connection breaks (raises) or :meth:`close` is called (returns)."""
        websocket = self.websocket
        recv = websocket.recv
        timeout = self._read_timeout
        handle = self.handle_message
        monotonic = time.monotonic
        try:
            while not self._closed:
                try:
                    if timeout is None:
                        message = recv(None)
                    else:
                        message = recv(max(0.0, getattr(websocket, "last_activity", 0.0) + timeout - monotonic()))
                except TimeoutError as exc:
                    if self._closed:
                        return
                    if timeout is not None and monotonic() - getattr(websocket, "last_activity", 0.0) < timeout:
                        continue  # control frames arrived meanwhile: the server is alive
                    self._unresponsive = True
                    raise abort(MastodonReadTimeout("Timed out while reading from server."), exc) from exc
                except ConnectionClosed as exc:
                    if self._closed:
                        return
                    raise abort(MastodonNetworkError(f"Server ended connection: {exc}"), exc) from exc
                except (WebSocketException, OSError, RuntimeError) as exc:
                    if self._closed:
                        return
                    raise abort(MastodonNetworkError(f"Streaming connection failed: {exc}"), exc) from exc
                handle(message)
        finally:
            self._close_socket()

    def handle_message(self, message: str | bytes) -> None:
        """Decode one envelope and hand its event to the dispatcher."""
        dispatch_envelope(self.dispatcher, message)

    def close(self) -> None:
        """Stop reading: a blocked :meth:`run` returns."""
        self._closed = True
        self._close_socket()

    def _close_socket(self) -> None:
        with self._lock:
            if self._unresponsive:  # no point waiting for the close handshake
                try:
                    self.websocket.socket.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            try:
                self._stack.close()
            except (WebSocketException, OSError, RuntimeError):
                pass
            # The library's reader and keepalive threads end once the socket is closed;
            # wait for them so that nothing outlives the connection.
            current = threading.current_thread()
            for name in ("recv_events_thread", "keepalive_thread"):
                thread = getattr(self.websocket, name, None)
                if isinstance(thread, threading.Thread) and thread is not current and thread.ident is not None:
                    thread.join(CLOSE_TIMEOUT + 1)


__all__ = ["WebSocketConnection", "usable_as_subprotocol", "MAX_MESSAGE_SIZE", "CLOSE_TIMEOUT"]
