"""The exception hierarchy.

Every error the library raises derives from :class:`MastodonError`. API errors carry
``(message, status_code, reason, error_message)`` as their ``args``, as the original
library's do, so existing ``except`` clauses and ``e.args[...]`` inspections keep working.
"""

from __future__ import annotations

from typing import Any


class MastodonError(Exception):
    """Base class for every error raised by this library."""


class MastodonIllegalArgumentError(ValueError, MastodonError):
    """A call was made with arguments that cannot be right; nothing was sent."""


class MastodonIOError(IOError, MastodonError):
    """Base class for I/O errors (files, network)."""


class MastodonFileNotFoundError(MastodonIOError):
    """A file given as media or credentials does not exist."""


class MastodonNetworkError(MastodonIOError):
    """The server could not be reached or the connection broke."""


class MastodonReadTimeout(MastodonNetworkError):
    """A streaming connection received nothing for longer than its timeout."""


class MastodonVersionError(MastodonError):
    """The server (or its backend) does not offer the requested endpoint or feature."""


class MastodonBackendFeatureError(MastodonVersionError):
    """The active backend has no implementation of a server-specific extra."""

    def __init__(self, feature: str, backend: str, detail: str = "") -> None:
        self.feature = feature
        self.backend = backend
        text = f"{feature} is not available on the '{backend}' backend"
        super().__init__(text + (f": {detail}" if detail else ""))


class MastodonMalformedVersionError(MastodonIllegalArgumentError, MastodonVersionError):
    """A version string given to the client is not a version number.

    Both an illegal argument and (as in the original library) a version error.
    """


class MastodonMalformedEventError(MastodonError):
    """A streaming event could not be parsed."""


class MastodonAPIError(MastodonError):
    """The server answered with an error."""

    #: The server's JSON error document, when it sent one (e.g. ``details`` of a refused registration).
    body: dict[str, Any] | None = None

    @property
    def status_code(self) -> int | None:
        return self.args[1] if len(self.args) > 1 else None

    @property
    def reason(self) -> str | None:
        return self.args[2] if len(self.args) > 2 else None

    @property
    def error_message(self) -> Any:
        return self.args[3] if len(self.args) > 3 else None


class MastodonNotFoundError(MastodonAPIError):
    """HTTP 404."""


class MastodonUnauthorizedError(MastodonAPIError):
    """HTTP 401."""


class MastodonForbiddenError(MastodonAPIError):
    """HTTP 403."""


class MastodonConflictError(MastodonAPIError):
    """HTTP 409."""


class MastodonUnprocessableEntityError(MastodonAPIError):
    """HTTP 422: the server rejected the parameters."""


class MastodonRatelimitError(MastodonAPIError):
    """HTTP 429, or the rate limit was exhausted in "throw" mode."""


class MastodonServerError(MastodonAPIError):
    """HTTP 5xx."""


class MastodonInternalServerError(MastodonServerError):
    """HTTP 500."""


class MastodonBadGatewayError(MastodonServerError):
    """HTTP 502."""


class MastodonServiceUnavailableError(MastodonServerError):
    """HTTP 503."""


class MastodonGatewayTimeoutError(MastodonServerError):
    """HTTP 504."""


class MastodonWarning(UserWarning):
    """Base class for the warnings this library gives (an odd server, a fallback taken)."""


class MastodonDeprecationWarning(DeprecationWarning, MastodonWarning):
    """A parameter or method that still works but is on its way out."""


_BY_STATUS: dict[int, type[MastodonAPIError]] = {
    401: MastodonUnauthorizedError,
    403: MastodonForbiddenError,
    404: MastodonNotFoundError,
    409: MastodonConflictError,
    422: MastodonUnprocessableEntityError,
    429: MastodonRatelimitError,
    500: MastodonInternalServerError,
    502: MastodonBadGatewayError,
    503: MastodonServiceUnavailableError,
    504: MastodonGatewayTimeoutError,
}


def error_class_for_status(status: int) -> type[MastodonAPIError]:
    """The most specific :class:`MastodonAPIError` subclass for an HTTP status."""
    cls = _BY_STATUS.get(status)
    if cls is not None:
        return cls
    if status >= 500:
        return MastodonServerError
    return MastodonAPIError


__all__ = [
    "MastodonError",
    "MastodonIllegalArgumentError",
    "MastodonIOError",
    "MastodonFileNotFoundError",
    "MastodonNetworkError",
    "MastodonReadTimeout",
    "MastodonVersionError",
    "MastodonBackendFeatureError",
    "MastodonMalformedVersionError",
    "MastodonMalformedEventError",
    "MastodonAPIError",
    "MastodonNotFoundError",
    "MastodonUnauthorizedError",
    "MastodonForbiddenError",
    "MastodonConflictError",
    "MastodonUnprocessableEntityError",
    "MastodonRatelimitError",
    "MastodonServerError",
    "MastodonInternalServerError",
    "MastodonBadGatewayError",
    "MastodonServiceUnavailableError",
    "MastodonGatewayTimeoutError",
    "MastodonWarning",
    "MastodonDeprecationWarning",
    "error_class_for_status",
]
