"""The server-sent events transport: one streaming HTTP response, read in large chunks."""

from __future__ import annotations

import http.client
import socket
from collections.abc import Callable, Mapping
from typing import Any

import requests
import urllib3
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager

from ..deadline import DeadlineAdapter
from ..errors import MastodonNetworkError, MastodonReadTimeout
from ..limits import MAX_EVENT_BYTES
from .abort import StreamAbort, abort
from .dispatch import EventDispatcher
from .runner import Opening
from .sse import SSEParser

#: Bytes asked of the socket per read; a read returns whatever has arrived, up to this.
CHUNK_SIZE = 65536

_READ_ERRORS = (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError, ValueError, AttributeError)


def chunk_reader(response: requests.Response) -> Callable[[int], bytes]:
    """``read(amount)`` returning whatever part of a streaming response's body has arrived (``b""`` at its end)."""
    raw: Any = response.raw
    read1 = getattr(raw, "read1", None)
    if isinstance(raw, urllib3.HTTPResponse):
        fp_read1 = getattr(getattr(raw, "_fp", None), "read1", None)
        encoded = response.headers.get("Content-Encoding", "identity").strip().lower() not in ("", "identity")
        if fp_read1 is not None and (read1 is None or not encoded):
            # http.client's response (it removes the chunked framing) directly: an event
            # stream is rarely compressed, and urllib3's layers cost a few microseconds a read.
            # urllib3 < 2 has no read1 of its own, compressed or not.
            direct: Callable[[int], bytes] = fp_read1
            return direct

        decoding_read1: Any = read1  # urllib3 2: it undoes the Content-Encoding

        def read(amount: int) -> bytes:
            data: bytes = decoding_read1(amount, decode_content=True)
            return data

        return read
    plain: Callable[[int], bytes] = read1 if read1 is not None else raw.read
    return plain


class SSEConnection:
    """An open SSE stream. :meth:`run` reads and dispatches; :meth:`close` works from any thread."""

    def __init__(
        self,
        session: requests.Session,
        url: str,
        params: Mapping[str, str],
        headers: Mapping[str, str],
        dispatcher: EventDispatcher,
        *,
        connect_timeout: float | None,
        read_timeout: float | None,
        opening: Opening | None = None,
        max_event_bytes: int = MAX_EVENT_BYTES,
    ) -> None:
        self.dispatcher = dispatcher
        self._max_event_bytes = max_event_bytes
        self._closed = False
        self._reading = False
        session, self._adapters = _stream_session(session, opening)
        # A stream's connection is never reused: a stream that ended must not hand a
        # half-closed socket to the next request of the session.
        sent = {"Accept": "text/event-stream", "Cache-Control": "no-cache", **headers}
        sent.update({"Accept-Encoding": "identity", "Connection": "close"})
        try:
            response = session.get(
                url, params=dict(params) or None, headers=sent, stream=True, timeout=(connect_timeout, read_timeout)
            )
        except requests.exceptions.ReadTimeout as exc:
            self._close_adapters()
            raise abort(MastodonReadTimeout("Timed out while connecting to the streaming server"), exc) from exc
        except requests.RequestException as exc:
            self._close_adapters()
            raise abort(MastodonNetworkError(f"Could not connect to streaming server: {exc}"), exc) from exc
        except BaseException:
            self._close_adapters()
            raise
        if response.status_code != 200:
            detail = _error_text(response)
            response.close()
            self._close_adapters()
            raise abort(
                MastodonNetworkError(
                    f"Could not connect to streaming server: HTTP {response.status_code} {response.reason}{detail}"
                )
            )
        self.response = response

    def run(self) -> None:
        """Read until the connection breaks (raises) or :meth:`close` is called (returns)."""
        read = chunk_reader(self.response)
        dispatcher = self.dispatcher
        feed = SSEParser(dispatcher.dispatch, dispatcher.heartbeat, self._max_event_bytes).feed
        self._reading = True
        try:
            while not self._closed:
                try:
                    chunk = read(CHUNK_SIZE)
                except _READ_ERRORS as exc:
                    if self._closed:
                        return
                    raise _read_error(exc) from exc
                if not chunk:
                    if self._closed:
                        return
                    raise abort(MastodonNetworkError("Server ended connection."))
                feed(chunk)
        finally:
            self._reading = False
            self.response.close()
            self._close_adapters()

    def close(self) -> None:
        """Stop reading: wakes a blocked :meth:`run`, which then returns."""
        if self._closed:
            return
        self._closed = True
        _shutdown(self.response.raw)
        if not self._reading:
            self.response.close()
            self._close_adapters()

    def _close_adapters(self) -> None:
        adapters, self._adapters = self._adapters, []
        for adapter in adapters:
            adapter.close()


def _stream_session(session: requests.Session, opening: Opening | None) -> tuple[requests.Session, list[BaseAdapter]]:
    """A session for one stream: ``session``'s settings, with adapters that report their sockets.

    Every plain :class:`~requests.adapters.HTTPAdapter` of ``session`` is replaced by one
    of the stream's own (a fresh pool, closed with the stream) that hands each socket it
    opens to ``opening``, so that the attempt can be cancelled from another thread.
    Other adapters (mocks, custom transports) and session subclasses are used as they are.
    Returns the session and the adapters to close once the stream is over.
    """
    if opening is None or type(session) is not requests.Session:
        return session, []
    own: list[BaseAdapter] = []
    adapters = {}
    for prefix, adapter in session.adapters.items():
        if type(adapter) is HTTPAdapter or type(adapter) is DeadlineAdapter:  # requests' own, or the library's
            assert isinstance(adapter, HTTPAdapter)
            adapter = _OpeningAdapter(opening, max_retries=adapter.max_retries)
            own.append(adapter)
        adapters[prefix] = adapter
    if not own:
        return session, []
    stream_session = requests.Session()
    for name in requests.Session.__attrs__:
        if name != "adapters":
            setattr(stream_session, name, getattr(session, name))
    stream_session.adapters.clear()
    stream_session.adapters.update(adapters)
    return stream_session, own


class _OpeningAdapter(HTTPAdapter):
    """An adapter whose connections hand their sockets to an :class:`Opening` as soon as they exist."""

    def __init__(self, opening: Opening, **kwargs: Any) -> None:
        self._pool_classes = _pool_classes(opening)
        super().__init__(pool_connections=1, pool_maxsize=1, **kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self._watch(self.poolmanager)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(*args, **kwargs)
        self._watch(manager)
        return manager

    def _watch(self, manager: Any) -> None:
        # SOCKS proxy managers bring pools of their own: those are left alone.
        if isinstance(manager, PoolManager) and manager.pool_classes_by_scheme == _PLAIN_POOLS:
            manager.pool_classes_by_scheme = self._pool_classes


_PLAIN_POOLS = {"http": HTTPConnectionPool, "https": HTTPSConnectionPool}


def _pool_classes(opening: Opening) -> dict[str, Any]:
    """Connection pool classes whose connections hand each new socket to ``opening``."""

    class Connection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            opening.add(sock)
            return sock

    class TLSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            opening.add(sock)
            return sock

    class Pool(HTTPConnectionPool):
        ConnectionCls = Connection

    class TLSPool(HTTPSConnectionPool):
        ConnectionCls = TLSConnection

    return {"http": Pool, "https": TLSPool}


def _read_error(exc: BaseException) -> StreamAbort:
    if isinstance(exc, (urllib3.exceptions.ReadTimeoutError, TimeoutError)):
        return abort(MastodonReadTimeout("Timed out while reading from server."), exc)
    return abort(MastodonNetworkError(f"Server ended connection: {exc}"), exc)


def _error_text(response: requests.Response) -> str:
    try:
        text = response.raw.read(500, decode_content=True)
    except _READ_ERRORS:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = " ".join(str(text).split())
    return f": {text[:300]}" if text else ""


def _shutdown(raw: Any) -> None:
    """Shut the socket down so that a read blocked in another thread returns at once."""
    try:
        raw.shutdown()
        return
    except (AttributeError, ValueError, RuntimeError, OSError):
        pass
    sock = getattr(getattr(raw, "_connection", None), "sock", None)
    if sock is None:
        sock = getattr(getattr(getattr(getattr(raw, "_fp", None), "fp", None), "raw", None), "_sock", None)
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


__all__ = ["SSEConnection", "CHUNK_SIZE"]
