"""Encoding of Python arguments into what goes on the wire (shared by every server)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

from .endpoints.model import Endpoint, Param
from .errors import MastodonIllegalArgumentError

DatetimeToId = Callable[[datetime], Any]
#: Strings that cannot be a path segment: they would name another route.
_NOT_SEGMENTS = frozenset({"", ".", ".."})


def unpack_id(value: Any, datetime_to_id: DatetimeToId | None = None) -> Any:
    """An id from an id, a dict with an ``id``, or (through the backend) a datetime."""
    if isinstance(value, dict):
        if "id" not in value:
            raise MastodonIllegalArgumentError("A dict was given where an id is expected, but it has no 'id'")
        value = value["id"]
    if isinstance(value, datetime):
        if datetime_to_id is None:
            raise MastodonIllegalArgumentError("A datetime cannot be used as an id here")
        return datetime_to_id(value)
    return value


def path_value(value: Any) -> str:
    """A value as it goes into a URL path segment (``@`` and ``:`` kept, for handles and emoji).

    Only ids (``int``, ``str``) can be path segments, and never an empty one, ``.`` or
    ``..`` (which would make the path name another route): anything else raises
    :class:`MastodonIllegalArgumentError`, before any request is sent.
    """
    if value.__class__ is not int:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise MastodonIllegalArgumentError(f"Expected an id (a string or an integer), got {type(value).__name__}")
        if isinstance(value, int):
            value = int(value)
        elif value.strip() in _NOT_SEGMENTS:
            raise MastodonIllegalArgumentError(f"{value!r} is not a usable id")
    return quote(str(value), safe="@:")


def format_datetime(value: datetime) -> str:
    """ISO 8601 in UTC; naive datetimes are taken as local time."""
    return value.astimezone(timezone.utc).isoformat()


#: How booleans are written in query strings and form bodies unless a backend says otherwise.
NUMERIC_BOOLEANS: tuple[str, str] = ("1", "0")


def wire_value(value: Any, booleans: tuple[str, str] = NUMERIC_BOOLEANS) -> Any:
    """The form/query representation of a plain value (``booleans``: the words for true and false)."""
    if value is True:
        return booleans[0]
    if value is False:
        return booleans[1]
    if isinstance(value, datetime):
        return format_datetime(value)
    return value


def as_list(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


class EncodedCall:
    """An encoded call: path values, parameters, extension values and files.

    ``booleans`` names the parameters (wire names) given as ``True``/``False``, so a JSON
    body can carry them as JSON booleans.
    """

    __slots__ = ("booleans", "extensions", "files", "params", "path_values")

    def __init__(self) -> None:
        self.path_values: dict[str, str] = {}
        self.params: dict[str, Any] = {}
        self.extensions: dict[str, Any] = {}
        self.files: dict[str, Any] = {}
        self.booleans: set[str] = set()


def encode_arguments(
    endpoint: Endpoint,
    arguments: dict[str, Any] | Iterable[tuple[str, Any]],
    datetime_to_id: DatetimeToId | None = None,
    booleans: tuple[str, str] = NUMERIC_BOOLEANS,
) -> EncodedCall:
    """Encode call arguments by the endpoint's parameter metadata.

    ``None`` values are left out; path fields are unpacked and quoted and not repeated in
    the body or query. Extension parameters are encoded the same way, but go to
    ``extensions`` for the backend to place. ``booleans`` are the words for true and false
    (``"1"``/``"0"`` unless the backend declares others).
    """
    call = EncodedCall()
    params, extensions = call.params, call.extensions
    by_name = endpoint.params_by_name
    path_fields = endpoint.path_fields
    items = arguments.items() if isinstance(arguments, dict) else arguments
    for name, value in items:
        if value is None:
            continue
        if name in path_fields:
            call.path_values[name] = path_value(unpack_id(value, datetime_to_id))
            continue
        param = by_name.get(name) or Param(name)
        out = extensions if param.extension else params
        kind = param.kind
        if kind == "value":
            if isinstance(value, (list, tuple)):
                out[param.wire or name + "[]"] = [wire_value(v, booleans) for v in value]
            else:
                out[param.wire_name] = wire_value(value, booleans)
                if value is True or value is False:
                    call.booleans.add(param.wire_name)
        elif kind == "flag":
            if value:
                out[param.wire_name] = wire_value(value, booleans)
                if value is True:
                    call.booleans.add(param.wire_name)
        elif kind == "id":
            out[param.wire_name] = unpack_id(value, datetime_to_id)
        elif kind == "ids":
            out[param.wire_name] = [unpack_id(v, datetime_to_id) for v in as_list(value)]
        elif kind == "list":
            out[param.wire_name] = [wire_value(v, booleans) for v in as_list(value)]
        elif kind == "file":
            call.files[param.wire_name] = value
        else:  # json
            out[param.wire_name] = value
    return call


__all__ = ["NUMERIC_BOOLEANS", "unpack_id", "path_value", "format_datetime", "wire_value", "as_list", "EncodedCall", "encode_arguments"]
