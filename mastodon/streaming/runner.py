"""Running a stream in the calling thread until it fails."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from .abort import StreamAbort


class Connection(Protocol):
    """An open stream of either transport."""

    def run(self) -> None:
        """Read and dispatch until the connection fails (raises) or is closed (returns)."""

    def close(self) -> None:
        """Close the connection; callable from any thread, more than once."""


#: Opens a new connection (raising :class:`StreamAbort` when it cannot).
Connector = Callable[[], Connection]


def run_blocking(connect: Connector, listener: Any) -> None:
    """Connect and stream until an error; the listener's ``on_abort`` hears of it first.

    Exceptions raised by the listener's own handlers pass through unchanged.
    """
    try:
        connection = connect()
        try:
            connection.run()
        finally:
            connection.close()
    except StreamAbort as failure:
        error = failure.error
        listener.on_abort(error)
        raise error from error.__cause__


__all__ = ["Connection", "Connector", "run_blocking"]
