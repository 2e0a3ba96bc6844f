"""Telling a stream's own fatal errors apart from exceptions raised by listener code."""

from __future__ import annotations

from ..errors import MastodonError


class StreamAbort(Exception):
    """Carries an error that ends a streaming connection (network, timeout, malformed event).

    Raised inside the streaming machinery only; the runner unwraps it, tells the listener
    (``on_abort``) and raises ``error`` itself. Exceptions from listener callbacks are not
    wrapped and pass through unchanged.
    """

    def __init__(self, error: MastodonError) -> None:
        super().__init__(error)
        self.error = error


def abort(error: MastodonError, cause: BaseException | None = None) -> StreamAbort:
    """Wrap ``error`` (with ``cause`` as its ``__cause__``) for raising."""
    if cause is not None:
        error.__cause__ = cause
    return StreamAbort(error)


__all__ = ["StreamAbort", "abort"]
