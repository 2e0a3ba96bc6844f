"""Whole-call deadlines: ``request_timeout`` bounds connect, headers and body together.

Socket timeouts bound each read, so a server sending one byte a second could keep a call
alive forever. Each call registers a :class:`CallDeadline` with the process-wide
:class:`Watchdog` (one daemon thread, started with the first call); once the deadline
passes, the watchdog shuts the call's socket down, which makes the blocked read fail at
once. The transport learns the socket from :class:`DeadlineAdapter` connections as soon
as the request is sent (the adapter of sessions the library creates), else from the
response once its headers have arrived (any session built on urllib3).
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_local = threading.local()


class CallDeadline:
    """One call's deadline (``time.monotonic()`` seconds) and the socket to cut when it passes."""

    __slots__ = ("at", "done", "expired", "sock")

    def __init__(self, at: float) -> None:
        self.at = at
        self.sock: socket.socket | None = None
        self.done = False
        self.expired = False


class Watchdog:
    """Shuts down the sockets of calls whose deadline has passed (one thread for all calls)."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int, CallDeadline]] = []
        self._order = itertools.count()
        self._live = 0
        self._thread: threading.Thread | None = None

    def start(self, seconds: float) -> CallDeadline:
        """A deadline ``seconds`` from now, watched until :meth:`finish`; current in this thread."""
        entry = CallDeadline(time.monotonic() + seconds)
        with self._cond:
            heap = self._heap
            if len(heap) > 64 and len(heap) > 4 * self._live:  # drop finished calls now and then
                heap[:] = [item for item in heap if not item[2].done]
                heapq.heapify(heap)
            earliest = not heap or entry.at < heap[0][0]
            heapq.heappush(heap, (entry.at, next(self._order), entry))
            self._live += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="mastodon-deadlines", daemon=True)
                self._thread.start()
            elif earliest:
                self._cond.notify()
        _local.current = entry
        return entry

    def finish(self, entry: CallDeadline) -> None:
        """The call is over (however it ended): its socket is left alone from now on."""
        _local.current = None
        with self._cond:
            if not entry.done:
                entry.done = True
                self._live -= 1

    def _run(self) -> None:
        cond, heap = self._cond, self._heap
        while True:
            with cond:
                while heap and heap[0][2].done:
                    heapq.heappop(heap)
                if not heap:
                    cond.wait()
                    continue
                wait = heap[0][0] - time.monotonic()
                if wait > 0:
                    cond.wait(wait)
                    continue
                entry = heapq.heappop(heap)[2]
                entry.expired = True
                sock = entry.sock
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


WATCHDOG = Watchdog()


def current() -> CallDeadline | None:
    """The deadline of the call running in this thread, if any."""
    return getattr(_local, "current", None)


def response_socket(raw: Any) -> socket.socket | None:
    """The socket under a urllib3 response (``None`` for responses without one)."""
    sock = getattr(getattr(raw, "_connection", None), "sock", None)
    if sock is None:
        sock = getattr(getattr(getattr(getattr(raw, "_fp", None), "fp", None), "raw", None), "_sock", None)
    return sock if isinstance(sock, socket.socket) else None


class _Connection(HTTPConnection):
    def getresponse(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        entry = getattr(_local, "current", None)
        if entry is not None and isinstance(self.sock, socket.socket):
            entry.sock = self.sock  # from now on the watchdog can cut a stalled answer
            if entry.expired:
                self.sock.shutdown(socket.SHUT_RDWR)
        return super().getresponse(*args, **kwargs)


class _TLSConnection(HTTPSConnection):
    getresponse = _Connection.getresponse  # type: ignore[assignment]


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


class DeadlineAdapter(HTTPAdapter):
    """requests' own adapter, whose connections hand their socket to the call's deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}


def deadline_session() -> Any:
    """A new ``requests.Session`` whose HTTP(S) adapters are :class:`DeadlineAdapter`."""
    import requests

    session = requests.Session()
    session.mount("https://", DeadlineAdapter())
    session.mount("http://", DeadlineAdapter())
    return session


__all__ = ["CallDeadline", "Watchdog", "WATCHDOG", "current", "response_socket", "DeadlineAdapter", "deadline_session"]
