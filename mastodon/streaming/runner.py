"""Running a stream in the calling thread until it fails."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any, Protocol

from .abort import StreamAbort


class Connection(Protocol):
    """An open stream of either transport."""

    def run(self) -> None:
        """Read and dispatch until the connection fails (raises) or is closed (returns)."""

    def close(self) -> None:
        """Close the connection; callable from any thread, more than once."""


class Opening:
    """The sockets of one connection attempt, so that another thread can cancel it.

    A transport hands every socket to :meth:`add` as soon as it exists; :meth:`cancel`
    shuts them down, which makes a TLS or HTTP handshake blocked on them fail at once.
    Duplicates of the descriptors are kept (the transport may replace its socket object,
    e.g. when wrapping it for TLS) until :meth:`finish`, called once the attempt is over.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._cancelled = False
        self._finished = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def add(self, sock: socket.socket) -> None:
        """Watch ``sock``; shut it down at once if the attempt is already cancelled."""
        try:
            duplicate = socket.fromfd(sock.fileno(), sock.family, sock.type, sock.proto)
        except (OSError, ValueError):
            return
        with self._lock:
            if not (self._cancelled or self._finished):
                self._sockets.append(duplicate)
                return
            cancelled = self._cancelled
        if cancelled:
            _shut_down(duplicate)
        duplicate.close()

    def cancel(self) -> None:
        """Make the attempt fail: shut down every socket it has opened (or will open)."""
        with self._lock:
            self._cancelled = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut_down(sock)
            sock.close()

    def finish(self) -> None:
        """The attempt is over: let go of the duplicated descriptors."""
        with self._lock:
            self._finished = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            sock.close()


def _shut_down(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


#: Opens a new connection (raising :class:`StreamAbort` when it cannot), handing the
#: sockets it opens to the given :class:`Opening`.
Connector = Callable[[Opening], Connection]


def run_blocking(connect: Connector, listener: Any) -> None:
    """Connect and stream until an error; the listener's ``on_abort`` hears of it first.

    Exceptions raised by the listener's own handlers pass through unchanged.
    """
    try:
        opening = Opening()
        try:
            connection = connect(opening)
        finally:
            opening.finish()
        try:
            connection.run()
        finally:
            connection.close()
    except StreamAbort as failure:
        error = failure.error
        listener.on_abort(error)
        raise error from error.__cause__


__all__ = ["Connection", "Connector", "Opening", "run_blocking"]
