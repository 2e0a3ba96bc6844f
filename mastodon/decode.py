"""JSON decoding of API responses into attribute dicts, in a single pass.

This is the library's hottest code: every response goes through it. Dates are parsed with
``datetime.fromisoformat`` (falling back to ``dateutil`` only for odd strings), numeric
string ids become ``int`` when the backend allows it, and every object becomes an
:class:`~mastodon.entities.AttribAccessDict` as the JSON parser builds it.

The per-object work is an ``object_hook``: ``mastodon._speedups.DecodeHook`` (C) when that
optional extension is built, else the Python hook here, which defines the rules.
``MASTODON_NO_SPEEDUPS=1`` selects the Python one.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from .entities import AttribAccessDict, AttribAccessList
from .errors import MastodonAPIError

if TYPE_CHECKING:
    import requests

#: Keys whose string values are timestamps.
DATE_KEYS = frozenset(
    {
        "created_at", "updated_at", "expires_at", "scheduled_at", "last_status_at",
        "starts_at", "ends_at", "published_at", "edited_at", "week", "day", "date",
        "verified_at", "period", "followed_at", "last_read_at", "locked_at",
        "suspended_at", "silenced_at", "sensitized_at", "start_at", "end_at",
        "used_at", "action_taken_at",
    }
)

#: Keys whose digit-string values are ids (or counters sent as strings) and become ints.
INT_KEYS = frozenset(
    {
        "id", "in_reply_to_id", "in_reply_to_account_id", "last_read_id", "week",
        "logins", "registrations", "statuses", "day",
    }
)

_UTC = timezone.utc
_fromisoformat = datetime.fromisoformat
# ``combine(naive, naive.time(), tz)`` is ``naive.replace(tzinfo=tz)`` (fold included) at a
# tenth of the cost: ``replace`` parses its keyword arguments on every call.
_combine = datetime.combine


def parse_datetime(value: Any) -> Any:
    """Parse an API timestamp into an aware ``datetime``.

    Accepts ISO 8601 dates and date-times (with or without ``Z``/offset) and unix
    timestamps as digit strings. Empty strings become ``None``; anything unparseable is
    returned unchanged, so an odd server value never breaks decoding.
    """
    if not isinstance(value, str):
        return value
    if not value:
        return None
    try:
        parsed = _fromisoformat(value)
    except ValueError:
        if value.isdigit():
            try:
                return datetime.fromtimestamp(int(value), _UTC)
            except (OverflowError, OSError, ValueError):
                return value
        try:
            from dateutil import parser as _dateutil_parser

            parsed = _dateutil_parser.parse(value)
        except (ValueError, OverflowError, TypeError):
            return value
    if parsed.tzinfo is None:
        parsed = _combine(parsed, parsed.time(), _UTC)
    return parsed


def _slow_conversion(int_keys: frozenset[str]) -> Callable[[str, str], Any]:
    """The general rule for one string value of a special key (the hooks' fast paths aside)."""

    def convert(key: str, value: str) -> Any:
        if key in DATE_KEYS:
            converted = parse_datetime(value)
            if converted.__class__ is not str:
                return converted
        if key in int_keys and value.isdigit() and value.isascii() and len(value) < 4000:
            return int(value)
        return value  # unparseable or not an id: left as it is

    return convert


def _python_hook(convert_ids: bool) -> Callable[[dict[str, Any]], AttribAccessDict]:
    """The ``object_hook`` in Python; ``_speedups.DecodeHook`` is the same in C."""
    date_keys = DATE_KEYS
    int_keys = INT_KEYS if convert_ids else frozenset()
    special = date_keys | int_keys
    disjoint = special.isdisjoint
    intersection = special.intersection
    wrap = AttribAccessDict
    fromisoformat = _fromisoformat
    combine = _combine
    utc = _UTC
    slow = _slow_conversion(int_keys)

    # The C parser builds a plain dict; most objects (media meta, emojis, fields, tags...)
    # have no key to convert and are only wrapped. The common conversions (ISO dates,
    # ASCII digit ids) are written out here: this runs for every object.
    def hook(obj: dict[str, Any]) -> AttribAccessDict:
        if disjoint(obj):
            return wrap(obj)
        for key in intersection(obj):
            value = obj[key]
            if value.__class__ is not str:
                continue
            if key in date_keys:
                try:
                    parsed = fromisoformat(value)
                except ValueError:
                    obj[key] = slow(key, value)
                else:  # naive (a date alone, or no offset): the same moment in UTC
                    obj[key] = parsed if parsed.tzinfo is not None else combine(parsed, parsed.time(), utc)
            elif value.isdigit() and value.isascii() and len(value) < 4000:
                obj[key] = int(value)
        return wrap(obj)

    return hook


def _make_hook(convert_ids: bool) -> Callable[[dict[str, Any]], AttribAccessDict]:
    """The C hook when ``mastodon._speedups`` is built (and not disabled), else the Python one."""
    from .speedups import c_extension  # on first use: not import-time work

    speedups = c_extension("_speedups")
    if speedups is not None:
        int_keys = INT_KEYS if convert_ids else frozenset()
        hook: Callable[[dict[str, Any]], AttribAccessDict] = speedups.DecodeHook(
            AttribAccessDict, DATE_KEYS, int_keys, _slow_conversion(int_keys)
        )
        return hook
    return _python_hook(convert_ids)


_DECODERS: dict[bool, json.JSONDecoder] = {}


def _decoder(convert_ids: bool) -> json.JSONDecoder:
    decoder = _DECODERS.get(convert_ids)
    if decoder is None:  # built on first use: importing the C module is not import-time work
        decoder = _DECODERS[convert_ids] = json.JSONDecoder(object_hook=_make_hook(convert_ids))
    return decoder


_BLANK = " \t\n\r"  # JSON's whitespace


def _scan(scan_once: Callable[[str, int], tuple[Any, int]], text: str) -> Any:
    """``json.JSONDecoder.decode(text)`` without its Python-level layers (same result, same errors)."""
    start = 0
    if text[:1] in _BLANK:
        start = len(text) - len(text.lstrip(_BLANK))
    try:
        result, end = scan_once(text, start)
    except StopIteration as exc:
        raise json.JSONDecodeError("Expecting value", text, exc.value) from None
    if end != len(text):
        end = len(text) - len(text[end:].lstrip(_BLANK))
        if end != len(text):
            raise json.JSONDecodeError("Extra data", text, end)
    return result


def uses_speedups() -> bool:
    """Whether responses are decoded by the C object hook (``mastodon._speedups``)."""
    return _decoder(True).object_hook.__class__.__name__ == "DecodeHook"


def decode_json(data: bytes | str, convert_ids: bool = True) -> Any:
    """Decode a JSON document into attribute dicts and lists.

    Bytes that are not valid in the document's encoding become U+FFFD (the replacement
    character), as in ``bytes.decode(..., "replace")``.

    The cyclic garbage collector is paused while a document is decoded: every decoded
    object is a new container, and collections triggered halfway through a large page
    would only scan objects that are all still alive. It is resumed (if it was running)
    before returning, whatever happens.
    """
    if not isinstance(data, str):
        # A document opening with "{" or "[" then a non-NUL byte is UTF-8 (what
        # json.detect_encoding concludes, without its Python-level checks: streams decode
        # thousands of small documents a second).
        raw = data
        first = raw[:1]
        encoding = "utf-8" if (first == b"{" or first == b"[") and raw[1:2] != b"\x00" else json.detect_encoding(raw)
        try:
            data = raw.decode(encoding, "surrogatepass")  # as json.loads does
        except UnicodeDecodeError:  # one bad string must not lose the whole document
            data = raw.decode(encoding, "replace")
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        result = _scan(_decoder(convert_ids).scan_once, data)  # type: ignore[attr-defined]  # set in __init__
    finally:
        if collecting:
            gc.enable()
    if result.__class__ is list:
        return AttribAccessList(result)
    return result


def decode_response(response: requests.Response, convert_ids: bool = True) -> Any:
    """A response's JSON body, decoded; ``None`` for an empty body.

    A body that is not JSON raises :class:`MastodonAPIError` quoting its beginning.
    """
    content = response.content
    if not content or not content.strip():
        return None
    try:
        return decode_json(content, convert_ids)
    except (ValueError, RecursionError):  # RecursionError: nesting too deep to decode
        snippet = content[:200].decode("utf-8", "replace")
        raise MastodonAPIError(
            f"Could not parse response as JSON, response code was {response.status_code}, "
            f"bad json content was {snippet!r}",
            response.status_code,
            response.reason,
            snippet,
        ) from None


def decode_value(value: Any, convert_ids: bool = True) -> Any:
    """Apply the same conversions to an already-decoded plain value (e.g. from a fixture)."""
    return decode_json(json.dumps(value), convert_ids)


__all__ = ["DATE_KEYS", "INT_KEYS", "parse_datetime", "decode_json", "decode_response", "decode_value", "uses_speedups"]
