"""HTTP transport: one ``requests.Session``, rate-limit policy, errors as exceptions."""

from __future__ import annotations

import math
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from .backend_types import ErrorDetails
from .deadline import WATCHDOG, response_socket
from .errors import (
    MastodonAPIError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonRatelimitError,
    error_class_for_status,
)
from .limits import MAX_RESPONSE_BYTES

RATELIMIT_METHODS = ("throw", "wait", "pace")
#: Never sleep longer than this for one rate-limit wait.
MAX_RATELIMIT_SLEEP = 5 * 60
#: How often "wait"/"pace" retry a request that keeps answering 429.
MAX_RATELIMIT_RETRIES = 8

#: Shorter secrets are not masked in messages: replacing every "x" would garble them.
_MIN_SECRET_LENGTH = 4
_SECRET_KEYS = ("access_token", "client_secret", "password", "refresh_token", "code", "token")


def _is_secret(key: Any) -> bool:
    lowered = str(key).lower()
    return lowered in _SECRET_KEYS or lowered == "authorization"


def _pairs(payload: Any) -> Iterable[Any]:
    if isinstance(payload, dict):
        return payload.items()
    return payload if isinstance(payload, (list, tuple)) else ()


def redact(mapping: Any) -> Any:
    """A copy of a params/headers mapping (or list of pairs) with secrets replaced by ``***``."""
    if isinstance(mapping, dict):
        return {key: "***" if _is_secret(key) else value for key, value in mapping.items()}
    if isinstance(mapping, (list, tuple)):
        return [
            (item[0], "***") if isinstance(item, tuple) and len(item) == 2 and _is_secret(item[0]) else item
            for item in mapping
        ]
    return mapping


def carries_secret(payload: Any) -> bool:
    """Whether a request body (dict or list of pairs) has a secret-named field with a value."""
    if not payload:
        return False
    return any(isinstance(item, tuple) and len(item) == 2 and item[1] and _is_secret(item[0]) for item in _pairs(payload))


def _origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of ``url``, default ports made explicit."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1  # unparseable: never the same origin as a real URL
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), port if port is not None else _DEFAULT_PORTS.get(scheme)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _same_origin_redirects_only(response: requests.Response, *args: Any, **kwargs: Any) -> None:
    """A ``requests`` response hook: refuse a redirect that leaves the request's origin.

    Set on requests whose body carries a secret (password, client secret, token): on a 307
    or 308, ``requests`` would send the same body to the new location, wherever it is.
    """
    if not response.is_redirect:
        return
    target = urljoin(response.url, response.headers.get("Location", ""))
    if _origin(target) == _origin(response.url):
        return
    status, reason = response.status_code, response.reason
    response.close()
    scheme, host, port = _origin(target)
    raise MastodonAPIError(
        "Refused to follow a redirect to another origin with credentials in the request",
        status,
        reason,
        f"redirect to {scheme}://{host}:{port}",
    )


_SECRET_BODY_HOOKS = {"response": [_same_origin_redirects_only]}


def request_secrets(headers: dict[str, str], *payloads: Any) -> list[str]:
    """The secret values one request carries: its bearer token and secret-named fields."""
    found: list[str] = []
    auth = headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        found.append(auth[len("Bearer ") :])
    for payload in payloads:
        for item in _pairs(payload):
            if isinstance(item, tuple) and len(item) == 2 and _is_secret(item[0]) and item[1]:
                found.append(str(item[1]))
    return [secret for secret in found if len(secret) >= _MIN_SECRET_LENGTH]


def scrub(value: Any, secrets: Iterable[str | None]) -> Any:
    """``value`` (text, or lists and dicts of it, e.g. exception args) with ``secrets`` masked."""
    if isinstance(value, str):
        return redact_text(value, *secrets)
    if isinstance(value, (list, tuple)):
        return type(value)(scrub(item, secrets) for item in value)
    if isinstance(value, dict):
        return {key: "***" if _is_secret(key) else scrub(item, secrets) for key, item in value.items()}
    return value


# Error-path patterns: compiled on first use (``re`` caches them), not at import.
_SECRET_JSON = r'("(?:access_token|refresh_token|client_secret|password|code|token)"\s*:\s*)"[^"]*"'


def redact_text(text: str, *secrets: str | None) -> str:
    """A response body for debug output: secret JSON fields and known secrets masked."""
    text = re.sub(_SECRET_JSON, r'\1"***"', text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


#: Bytes asked of the body per read when it has to be read piece by piece.
_BODY_PIECE = 1024 * 1024


def read_body(response: requests.Response, limit: int = MAX_RESPONSE_BYTES) -> None:
    """Load a streamed response's body, refusing one larger than ``limit`` bytes once decoded.

    A body with a ``Content-Length`` within the limit and no content coding is read with
    one call (``.content`` reads 10 KB chunks); a chunked or compressed one is read (and
    decompressed) a piece at a time, so that neither an endless body nor a compression
    bomb is held in memory past ``limit``. Responses whose body is already loaded (mock
    adapters, caching sessions) are only measured. Raises :class:`MastodonNetworkError`
    past the limit; read errors propagate as ``urllib3``/``requests`` exceptions.
    """
    raw = response.raw
    if response._content is not False or raw is None or not hasattr(raw, "read"):  # type: ignore[attr-defined]
        content = response._content  # type: ignore[attr-defined]
        if isinstance(content, bytes) and len(content) > limit:
            raise _too_large(response, limit)
        return
    headers = response.headers
    length = headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise _too_large(response, limit)
    try:
        if length.isdigit() and headers.get("Content-Encoding", "identity").lower() == "identity":
            body = raw.read(decode_content=True)
        else:
            pieces: list[bytes] = []
            total = 0
            while True:
                piece = raw.read(_BODY_PIECE, decode_content=True)
                if not piece:
                    break
                total += len(piece)
                if total > limit:
                    raise _too_large(response, limit)
                pieces.append(piece)
            body = b"".join(pieces)
    except TypeError:  # a raw object without urllib3's signature
        body = raw.read()
    response._content = body if isinstance(body, bytes) else bytes(body or b"")  # type: ignore[attr-defined]
    response._content_consumed = True  # type: ignore[attr-defined]


def _too_large(response: requests.Response, limit: int) -> MastodonNetworkError:
    response.close()
    return MastodonNetworkError(
        f"Response body larger than max_response_bytes ({limit} bytes); not read any further"
    )


_TAG = r"<[^<>]*>"  # not "[^>]+": that rescans the rest of the page for every unclosed "<"
_ASCII_LOWER = {code: code + 32 for code in range(65, 91)}
#: Characters of an HTML error page searched for its heading.
HTML_ERROR_SCAN = 20000


def _element_text(page: str, lowered: str, tag: str) -> str:
    """The raw content of the first ``<tag>`` element of ``page`` ("" if none); linear time."""
    opening = "<" + tag
    start = lowered.find(opening)
    while start != -1:
        after = lowered[start + len(opening) : start + len(opening) + 1]
        if after in (">", "/") or after.isspace():
            break
        start = lowered.find(opening, start + 1)
    if start == -1:
        return ""
    body_start = page.find(">", start)
    if body_start == -1:
        return ""
    end = lowered.find("</" + tag, body_start)
    return page[body_start + 1 : end if end != -1 else body_start + 1]


def html_heading(text: str) -> str | None:
    """The first ``<h1>`` (else ``<title>``) of an HTML error page, as plain text.

    Searched with ``str.find`` (each character looked at a bounded number of times), in
    the first :data:`HTML_ERROR_SCAN` characters.
    """
    from html import unescape

    page = text[:HTML_ERROR_SCAN]
    lowered = page.translate(_ASCII_LOWER)  # same length as ``page`` (``str.lower`` may not be)
    for tag in ("h1", "title"):
        heading = " ".join(unescape(re.sub(_TAG, " ", _element_text(page, lowered, tag))).split())
        if heading:
            return heading[:200]
    return None


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(parsedate_to_datetime(value).timestamp() - now, 0.0)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_reset(value: str, server_offset: float = 0.0) -> float | None:
    """``X-RateLimit-Reset`` as a local POSIX timestamp (ISO 8601 date or unix time)."""
    value = value.strip()
    try:
        number = float(value)
    except ValueError:
        pass
    else:
        return number + server_offset if math.isfinite(number) else None
    from .decode import parse_datetime

    parsed = parse_datetime(value)
    if hasattr(parsed, "timestamp"):
        return float(parsed.timestamp()) + server_offset
    return None


class Transport:
    """Sends requests to one API base URL and keeps the rate-limit state."""

    def __init__(
        self,
        api_base_url: str,
        session: requests.Session | None = None,
        request_timeout: float = 300,
        user_agent: str | None = None,
        ratelimit_method: str = "wait",
        ratelimit_pacefactor: float = 1.1,
        debug_requests: bool = False,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if ratelimit_method not in RATELIMIT_METHODS:
            raise MastodonIllegalArgumentError(
                f"Invalid ratelimit method {ratelimit_method!r}; use one of {', '.join(RATELIMIT_METHODS)}"
            )
        self.api_base_url = api_base_url
        if session is None:
            from .deadline import deadline_session

            session = deadline_session()
        self.session = session
        self.request_timeout = request_timeout
        self.user_agent = user_agent
        self.ratelimit_method = ratelimit_method
        self.ratelimit_pacefactor = ratelimit_pacefactor
        self.debug_requests = debug_requests
        #: The largest response body (decoded) a call accepts; see :func:`read_body`.
        self.max_response_bytes = MAX_RESPONSE_BYTES
        self.clock = clock
        self.sleep = sleep
        self.access_token: str | None = None
        #: Sent as ``Accept-Language`` when set (``Mastodon.set_language``).
        self.language: str | None = None
        self.ratelimit_limit = 300
        self.ratelimit_remaining = 300
        self.ratelimit_reset = clock()
        self.ratelimit_lastcall = clock()
        self._lock = threading.Lock()
        self._reset_cache: tuple[str | None, str | None, float | None] | None = None

    # -- headers -------------------------------------------------------------------------

    def headers(self, auth: bool = True, token: str | None = None) -> dict[str, str]:
        """The client's own headers: user agent, bearer token (``auth``; ``token`` overrides the client's), language.

        A new dict, for the caller to complete (the backend's headers) and pass to :meth:`request`.
        """
        headers: dict[str, str] = {}
        if self.user_agent:
            headers["User-Agent"] = self.user_agent
        token = token if token is not None else self.access_token
        if auth and token:
            headers["Authorization"] = "Bearer " + token
        if self.language:
            headers["Accept-Language"] = self.language
        return headers

    # -- rate limiting -------------------------------------------------------------------

    def _pace(self) -> None:
        now = self.clock()
        if self.ratelimit_remaining <= 0:
            to_next = self.ratelimit_reset - now
        else:
            waited = now - self.ratelimit_lastcall
            per_call = (self.ratelimit_reset - now) / self.ratelimit_remaining
            to_next = (per_call - waited) / self.ratelimit_pacefactor
        if to_next > 0:
            self.sleep(min(to_next, MAX_RATELIMIT_SLEEP))

    def _update_ratelimit(self, response: requests.Response) -> None:
        """Take one response's rate-limit headers, all at once (threads never see a mix)."""
        headers = response.headers
        try:
            remaining = int(headers.get("X-RateLimit-Remaining", ""))
        except ValueError:
            return  # missing or odd headers never break a successful call
        try:
            limit: int | None = int(headers.get("X-RateLimit-Limit", ""))
        except ValueError:
            limit = None
        date = headers.get("Date")
        reset_header = headers.get("X-RateLimit-Reset")
        cached = self._reset_cache
        if cached is not None and cached[0] == date and cached[1] == reset_header:
            reset = cached[2]  # same headers as last time (Date changes once a second)
        else:
            offset = 0.0
            if date:
                try:
                    offset = self.clock() - parsedate_to_datetime(date).timestamp()
                except (TypeError, ValueError, IndexError, OverflowError):
                    offset = 0.0
            reset = parse_reset(reset_header, offset) if reset_header else None
            self._reset_cache = (date, reset_header, reset)
        with self._lock:
            self.ratelimit_remaining = remaining
            if limit is not None:
                self.ratelimit_limit = limit
            if reset is not None:
                self.ratelimit_reset = reset
            self.ratelimit_lastcall = self.clock()

    # -- requests ------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        *,
        params: dict[str, Any] | list[tuple[str, Any]] | None = None,
        data: dict[str, Any] | list[tuple[str, Any]] | None = None,
        files: dict[str, Any] | None = None,
        json_body: Any = None,
        base_url: str | None = None,
        stream: bool = False,
        ratelimit: bool = True,
    ) -> requests.Response:
        """Send one request with exactly ``headers`` (see :meth:`headers`) and return the response.

        An error status is returned too (after the rate-limit policy's retries of a 429):
        the caller turns it into an exception (:func:`error_body`, :func:`api_error`).
        Raises :class:`MastodonNetworkError` when no answer arrives.
        """
        url = (base_url or self.api_base_url) + path
        retries = 0
        # A body with a secret never follows a redirect off the origin (307/308 resend it).
        hooks = _SECRET_BODY_HOOKS if method != "GET" and (carries_secret(data) or carries_secret(json_body)) else None
        while True:
            if ratelimit and self.ratelimit_method == "pace":
                self._pace()
            if self.debug_requests:
                print(
                    f"Mastodon: {method} {url} params={redact(params)!r} data={redact(data)!r} "
                    f"json={redact(json_body)!r} files={list(files or ())!r} headers={redact(headers)!r}",
                    file=sys.stderr,
                )
            timeout = self.request_timeout
            deadline = WATCHDOG.start(timeout) if isinstance(timeout, (int, float)) and timeout > 0 else None
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    files=files,
                    json=json_body,
                    headers=headers,
                    timeout=self.request_timeout,
                    stream=True,  # the body is read below in one call, unless the caller streams it
                    hooks=hooks,
                )
                if deadline is not None and deadline.sock is None:
                    deadline.sock = response_socket(response.raw)  # sessions without our adapter
                if not stream:
                    read_body(response, self.max_response_bytes)
                if deadline is not None and deadline.expired:  # cut short: what arrived is not the answer
                    response.close()
                    raise MastodonNetworkError(
                        f"Request timed out: no complete answer within request_timeout ({timeout} s)"
                    )
            except MastodonNetworkError:
                raise
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
                hidden = self.secrets(headers, params, data, json_body)
                if deadline is not None and deadline.expired:
                    raise MastodonNetworkError(
                        f"Request timed out: no complete answer within request_timeout ({timeout} s)"
                    ) from exc
                raise MastodonNetworkError(redact_text(f"Could not complete request: {exc}", *hidden)) from exc
            finally:
                if deadline is not None:
                    WATCHDOG.finish(deadline)
            if ratelimit:
                self._update_ratelimit(response)
            if self.debug_requests:
                hidden = self.secrets(headers, params, data, json_body)
                body = "<stream>" if stream else redact_text(response.text[:2000], *hidden)
                print(f"Mastodon: -> {response.status_code} {body}", file=sys.stderr)
            if response.status_code == 429 and ratelimit and self.ratelimit_method != "throw" and retries < MAX_RATELIMIT_RETRIES:
                retries += 1
                to_next = self.ratelimit_reset - self.clock()
                if to_next <= 0:
                    # No (future) reset announced: honour Retry-After, else back off.
                    to_next = _retry_after(response.headers.get("Retry-After"), self.clock()) or float(2 ** (retries - 1))
                self.sleep(min(to_next, MAX_RATELIMIT_SLEEP))
                continue
            return response

    def secrets(self, headers: dict[str, str], *payloads: Any) -> list[str]:
        """What to mask in messages about one request (worked out only when one is written)."""
        token = self.access_token
        return [*request_secrets(headers, *payloads), *([token] if token and len(token) >= _MIN_SECRET_LENGTH else [])]


def error_body(response: requests.Response) -> tuple[dict[str, Any] | None, Any]:
    """An error response's JSON object (``None`` if it is not one) and the message read in it.

    The message is the ``error`` (with its ``error_description``), ``errors`` or
    ``message`` field; ``None`` when the body has none (a backend may read it then).
    """
    message: Any = None
    try:
        body = response.json()
    except (ValueError, RecursionError):
        return None, None
    if not isinstance(body, dict):
        return None, None
    message = body.get("error") or body.get("errors") or body.get("message")
    if message is not None and body.get("error_description"):
        message = f"{message}: {body['error_description']}"
    return body, message


def api_error(response: requests.Response, body: dict[str, Any] | None, reading: Any) -> MastodonAPIError:
    """The exception for an error response.

    ``reading`` is the message read from the body (by :func:`error_body` or a backend; an
    :class:`ErrorDetails` may choose the exception class by another status); without one,
    an HTML page's heading or the start of the text stands in.
    """
    message = reading
    status_for_class = response.status_code
    if isinstance(reading, ErrorDetails):
        message = reading.message
        if reading.as_status is not None:
            status_for_class = reading.as_status
    if message is None:
        text = (response.text or "").strip()
        if "html" in response.headers.get("Content-Type", "").lower():
            message = html_heading(text)
        if message is None:
            message = text[:500] if text else None
    cls = error_class_for_status(status_for_class)
    if response.status_code == 429:
        cls = MastodonRatelimitError
    label = "Hit rate limit" if cls is MastodonRatelimitError else "Mastodon API returned error"
    error = cls(label, response.status_code, response.reason, message)
    if body is not None:
        error.body = body
    return error


def error_for(response: requests.Response) -> MastodonAPIError:
    """The exception for an error response, read by the core alone (no backend asked)."""
    return api_error(response, *error_body(response))


__all__ = ["Transport", "RATELIMIT_METHODS", "api_error", "error_body", "error_for", "carries_secret", "redact", "redact_text", "request_secrets", "scrub", "parse_reset"]
