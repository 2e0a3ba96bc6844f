"""The handle of a stream running on its own thread (``run_async=True``)."""

from __future__ import annotations

import threading
from typing import Any

from ..errors import MastodonError
from .abort import StreamAbort
from .runner import Connection, Connector, Opening

#: How long :meth:`StreamHandle.close` waits for the stream thread to finish.
CLOSE_JOIN_TIMEOUT = 10.0
#: The longest wait between reconnection attempts (unless ``reconnect_wait`` is longer).
MAX_RECONNECT_WAIT = 300.0


class StreamHandle:
    """A stream running on a daemon thread.

    ``close()`` stops it, ``is_alive()`` tells whether the thread still runs and
    ``is_receiving()`` whether it is connected and listening. With ``reconnect`` the thread
    reconnects after any connection error, ``reconnect_wait`` seconds later; attempts that
    fail before connecting back off, doubling the wait each time up to
    :data:`MAX_RECONNECT_WAIT`, and a connection that was established starts over at
    ``reconnect_wait``. Without ``reconnect``, the first error ends the thread (after the
    listener's ``on_abort``), and the error is kept in :attr:`error`.
    """

    def __init__(self, connect: Connector, listener: Any, reconnect: bool = False, reconnect_wait: float = 5) -> None:
        self._connect = connect
        self._listener = listener
        self.reconnect_async = reconnect
        self.reconnect_async_wait_sec = reconnect_wait
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._connection: Connection | None = None
        self._opening: Opening | None = None
        self._receiving = False
        self._connected = False
        self.reconnecting = False
        #: The error that ended the stream (``None`` while running or after ``close()``).
        self.error: MastodonError | None = None
        self._thread = threading.Thread(target=self._run, name="mastodon-stream", daemon=True)
        self._thread.start()

    # -- public --------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    @property
    def connection(self) -> Connection | None:
        return self._connection

    def close(self) -> None:
        """Close the connection and stop the thread (waits for it, unless called from it).

        A connection attempt in progress is cancelled: its sockets are shut down, so that
        a stalled TLS or HTTP handshake fails at once and the thread ends.
        """
        self._closed.set()
        with self._lock:
            connection = self._connection
            opening = self._opening
        if opening is not None:
            opening.cancel()
        if connection is not None:
            connection.close()
        if threading.current_thread() is not self._thread:
            self._thread.join(CLOSE_JOIN_TIMEOUT)

    def is_alive(self) -> bool:
        """True while the stream thread runs (connected, reconnecting or waiting)."""
        return self._thread.is_alive()

    def is_receiving(self) -> bool:
        """True while connected and listening for events."""
        return self._receiving and not self._closed.is_set() and self._thread.is_alive()

    # -- thread --------------------------------------------------------------------------

    def _run(self) -> None:
        closed = self._closed
        failures = 0  # consecutive attempts that failed before connecting
        while not closed.is_set():
            self._connected = False
            try:
                self._stream_once()
            except StreamAbort as failure:
                if closed.is_set():
                    break
                self._listener.on_abort(failure.error)
                if not self.reconnect_async:
                    self.error = failure.error
                    break
                failures = 1 if self._connected else failures + 1
                self.reconnecting = True
                closed.wait(self._reconnect_wait(failures))
                self.reconnecting = False
            else:
                break

    def _reconnect_wait(self, failures: int) -> float:
        base = self.reconnect_async_wait_sec
        if failures <= 1:
            return base
        return min(base * 2 ** (failures - 1), max(base, MAX_RECONNECT_WAIT))

    def _stream_once(self) -> None:
        opening = Opening()
        with self._lock:
            if self._closed.is_set():
                return
            self._opening = opening
        try:
            connection = self._connect(opening)
        except Exception:
            if self._closed.is_set():  # cancelled by close(): not a failure to report
                return
            raise
        finally:
            with self._lock:
                self._opening = None
            opening.finish()
        with self._lock:
            if self._closed.is_set():
                connection.close()
                return
            self._connection = connection
        self._receiving = self._connected = True
        try:
            connection.run()
        finally:
            self._receiving = False
            with self._lock:
                self._connection = None
            connection.close()


class SSEStreamHandle(StreamHandle):
    """The handle of a stream over server-sent events running on its own thread."""


__all__ = ["StreamHandle", "SSEStreamHandle", "CLOSE_JOIN_TIMEOUT", "MAX_RECONNECT_WAIT"]
