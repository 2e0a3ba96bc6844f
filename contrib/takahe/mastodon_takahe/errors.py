"""Reading Takahē's error responses, which are mostly HTML pages or plain text, not JSON.

What Takahē 0.11 sends (only its API-framework errors are JSON, and the core reads those):

* unknown route or object: ``404 text/html``, a full page whose ``<title>`` is
  ``" - Takahē"`` and whose ``<h1>`` says ``Page Not Found``;
* unsupported method on a known route: ``405 text/html`` with an empty body;
* server error (e.g. a non-numeric id): ``500 text/html``, ``<title>Internal Error</title>``
  and ``<h1>Internal Server Error</h1>``;
* an access token it does not know: ``400 text/html`` whose whole body is the text
  ``Invalid Bearer token``.
"""

from __future__ import annotations

from html.parser import HTMLParser
from http import HTTPStatus

from mastodon.plugin import ErrorDetails

#: Takahē appends this to every page title.
TITLE_SUFFIX = "- Takahē"
#: The plain-text body Takahē sends (as a 400) for an access token it does not know.
INVALID_TOKEN_TEXT = "Invalid Bearer token"
#: Longest plain-text body taken as the message as it is.
MAX_TEXT_MESSAGE = 300


class _PageText(HTMLParser):
    """Collects the text of the first ``<title>`` and the first ``<h1>`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.h1: str | None = None
        self._current: str | None = None
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "h1") and getattr(self, tag) is None and self._current is None:
            self._current = tag
            self._parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._current:
            setattr(self, tag, " ".join("".join(self._parts).split()))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._parts.append(data)


def _looks_like_html(text: str, content_type: str) -> bool:
    start = text.lstrip()[:15].lower()
    return start.startswith(("<!doctype", "<html", "<head", "<body")) or (
        "html" in content_type and start.startswith("<")
    )


def page_message(html: str) -> str | None:
    """The readable part of an HTML error page: its ``<h1>``, else its ``<title>``."""
    parser = _PageText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - a broken page must not hide the HTTP error itself
        pass
    if parser.h1:
        return parser.h1
    title = (parser.title or "").strip()
    if title.endswith(TITLE_SUFFIX):
        title = title[: -len(TITLE_SUFFIX)].strip()
    return title or None


def reason_phrase(status: int, reason: str | None = None) -> str:
    """The standard phrase for an HTTP status (``405`` -> ``"Method Not Allowed"``)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return reason or f"HTTP {status}"


def read_error(status: int, content_type: str, text: str, reason: str | None = None) -> ErrorDetails:
    """A readable message (and, for a bad token, the 401 exception class) for an error body."""
    body = text.strip()
    if not body:
        return ErrorDetails(reason_phrase(status, reason))
    if _looks_like_html(body, content_type):
        return ErrorDetails(page_message(body) or reason_phrase(status, reason))
    if body == INVALID_TOKEN_TEXT:
        # Mastodon answers an unknown token with 401; Takahē with 400. Raise the same
        # class callers already catch (the exception still says 400 in status_code).
        return ErrorDetails(body, as_status=401)
    if len(body) <= MAX_TEXT_MESSAGE:
        return ErrorDetails(body)
    return ErrorDetails(body[:MAX_TEXT_MESSAGE] + "...")


__all__ = ["INVALID_TOKEN_TEXT", "TITLE_SUFFIX", "page_message", "read_error", "reason_phrase"]
