"""The containers every return value is built from, and helpers for typed values.

- :class:`AttribAccessDict` / :class:`AttribAccessList`: dicts and lists with attribute
  access (what 1.x returned, and still the base of everything);
- :class:`Entity`: the base of the entity classes of :mod:`mastodon.return_types`;
- :class:`PaginatableList` / :class:`NonPaginatableList`: the lists methods return, the
  first with the ``_pagination_next``/``_pagination_prev`` information of its page;
- :class:`PaginationInfo`: that information (the parameters of the next or previous page);
- :func:`try_cast` and friends: convert a plain value to a declared type where possible.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

from .entities import AttribAccessDict, AttribAccessList

T = TypeVar("T")


class Entity(AttribAccessDict):
    """Base of the entity classes: an :class:`AttribAccessDict` that knows its declared fields.

    Subclasses add no storage (``__slots__ = ()``): a decoded dict becomes an entity by
    a class change, not a copy.
    """

    __slots__ = ()

    #: The declared fields (``name -> type`` as written in :mod:`mastodon.entity_schema`).
    _fields: dict[str, str] = {}

    def to_json(self, pretty: bool = True) -> str:
        """This entity as JSON text (datetimes in ISO 8601), readable by :meth:`from_json`."""
        return json.dumps(self, indent=4 if pretty else None, default=_json_default)

    @classmethod
    def from_json(cls, json_str: str) -> Any:
        """Decode JSON text (as :meth:`to_json` writes it) into an instance of this class."""
        from .decode import decode_json
        from .entity_types import retype

        return retype(decode_json(json_str), cls)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class EmptyResponse(Entity):
    """The result of a call whose response is an empty JSON object."""

    __slots__ = ()


class PaginationInfo(AttribAccessDict):
    """The request parameters of the next or previous page of a paginated list.

    ``_pagination_method``/``_pagination_endpoint`` name the request; the other keys are
    its parameters (``max_id``, ``limit``, ...).
    """

    __slots__ = ()


class PaginatableList(AttribAccessList, Generic[T]):
    """A page of results: a list that can carry ``_pagination_next``/``_pagination_prev``."""

    __slots__ = ()


class NonPaginatableList(AttribAccessList, Generic[T]):
    """A complete list of results (the endpoint does not paginate)."""

    __slots__ = ()


class MaybeSnowflakeIdType(str):
    """An id as the server sent it: digits (mainline's snowflake ids) or any other string.

    ``int(x)`` works for numeric ids; :meth:`to_datetime` reads the time a mainline
    snowflake id encodes.
    """

    __slots__ = ()

    def __int__(self) -> int:
        return int(str(self))

    def to_datetime(self) -> datetime | None:
        """The creation time of a mainline snowflake id, or ``None`` for other ids."""
        if not (self.isascii() and self.isdigit()):
            return None
        return datetime.fromtimestamp((int(self) >> 16) / 1000, timezone.utc)


_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def int_to_base62(value: int) -> str:
    """``value`` (>= 0) in base 62 (digits, then upper-case, then lower-case letters)."""
    if value < 0:
        raise ValueError("negative numbers have no base62 form")
    digits = []
    while True:
        value, rest = divmod(value, 62)
        digits.append(_BASE62[rest])
        if not value:
            return "".join(reversed(digits))


def base62_to_int(text: str) -> int:
    """The number a base-62 string (as :func:`int_to_base62` writes it) stands for."""
    result = 0
    for char in text:
        digit = _BASE62.find(char)
        if digit < 0:
            raise ValueError(f"not a base62 digit: {char!r}")
        result = result * 62 + digit
    return result


def get_type_class(name: str) -> type | None:
    """The class of :mod:`mastodon.return_types` (or of this module) called ``name``, if any."""
    from . import return_types

    found = getattr(return_types, name, None) if not name.startswith("_") else None
    if isinstance(found, type):
        return found
    found = globals().get(name)
    return found if isinstance(found, type) else None


def resolve_type(type_hint: Any) -> Any:
    """``type_hint`` with names resolved to classes and ``Optional[X]`` reduced to ``X``."""
    if isinstance(type_hint, str):
        resolved = get_type_class(type_hint.strip())
        return resolved if resolved is not None else type_hint
    if get_origin(type_hint) is Union:
        args = [a for a in get_args(type_hint) if a is not type(None)]
        if len(args) == 1:
            return resolve_type(args[0])
    return type_hint


def real_issubclass(obj: Any, class_or_tuple: Any) -> bool:
    """``issubclass`` that accepts typing constructs (``List[X]`` counts as ``list``) and never raises."""
    origin = get_origin(obj)
    candidate = origin if origin is not None else obj
    if not isinstance(candidate, type):
        return False
    targets = class_or_tuple if isinstance(class_or_tuple, tuple) else (class_or_tuple,)
    targets = tuple(get_origin(t) or t for t in targets)
    try:
        return issubclass(candidate, targets)
    except TypeError:
        return False


def stringify_type(type_hint: Any) -> str:
    """A readable name for a type: ``Status``, ``PaginatableList[Status]``, ``Optional[Account]``."""
    if isinstance(type_hint, str):
        return type_hint
    if type_hint is type(None) or type_hint is None:
        return "None"
    origin, args = get_origin(type_hint), get_args(type_hint)
    if origin is Union:
        rest = [a for a in args if a is not type(None)]
        inner = ", ".join(stringify_type(a) for a in rest)
        if len(rest) < len(args):
            return f"Optional[{inner}]" if len(rest) == 1 else f"Optional[Union[{inner}]]"
        return f"Union[{inner}]"
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{', '.join(stringify_type(a) for a in args)}]" if args else name
    return getattr(type_hint, "__name__", str(type_hint))


def try_cast(t: Any, value: Any, retry: bool = True) -> Any:
    """``value`` converted to the type ``t`` where that makes sense, else ``value`` unchanged.

    Dicts become entity classes (with their nested entities), ISO 8601 strings and unix
    times become ``datetime`` for ``datetime``, digit strings become ``int`` for ``int``
    and ids, numbers become ``bool`` for ``bool``. Conversions that fail leave the value as
    it is (``retry`` is accepted for compatibility).
    """
    t = resolve_type(t)
    if value is None or t is Any:
        return value
    try:
        if isinstance(t, type):
            if isinstance(value, t) and not (t is int and isinstance(value, bool)):
                if issubclass(t, Entity) and type(value) is not t and not isinstance(value, Entity):
                    from .entity_types import retype

                    return retype(value, t)
                return value
            if issubclass(t, Entity) and isinstance(value, dict):
                from .entity_types import retype

                return retype(value, t)
            if issubclass(t, datetime):
                from .decode import parse_datetime

                if isinstance(value, (int, float)):
                    return datetime.fromtimestamp(value, timezone.utc)
                return parse_datetime(value)
            if t is bool:
                if isinstance(value, (int, float)):
                    return bool(value)
                return value.lower() in ("true", "1") if isinstance(value, str) else value
            if t is int or t is MaybeSnowflakeIdType:
                if isinstance(value, str) and value.isascii() and value.isdigit():
                    return int(value) if t is int else MaybeSnowflakeIdType(value)
                return value
            if issubclass(t, AttribAccessDict) and isinstance(value, dict) and type(value) is dict:
                return t(value)
            if issubclass(t, (AttribAccessList, list)) and isinstance(value, list):
                return t(value) if type(value) is not t else value
            return value
        return try_cast_recurse(t, value)
    except (TypeError, ValueError, OverflowError):
        return value


def try_cast_recurse(t: Any, value: Any) -> Any:
    """:func:`try_cast` through containers: ``List[X]``, ``PaginatableList[X]``, ``Dict[str, X]``, ``Union``."""
    t = resolve_type(t)
    origin, args = get_origin(t), get_args(t)
    if origin is Union:
        for arg in args:
            if arg is type(None):
                continue
            cast = try_cast_recurse(arg, value)
            if cast is not value:  # the first member that converts the value
                return cast
        return value
    if origin is not None and isinstance(value, list) and real_issubclass(origin, list):
        item = args[0] if args else Any
        items = [try_cast_recurse(item, v) for v in value]
        if isinstance(origin, type) and issubclass(origin, AttribAccessList):
            converted = origin(items)
            converted.__dict__.update(getattr(value, "__dict__", {}))
            return converted
        value[:] = items
        return value
    if origin is not None and isinstance(value, dict) and real_issubclass(origin, dict) and len(args) == 2:
        for key in list(value):
            value[key] = try_cast_recurse(args[1], value[key])
        return value
    if origin is None:
        return try_cast(t, value)
    return value


__all__ = [
    "AttribAccessDict",
    "AttribAccessList",
    "EmptyResponse",
    "Entity",
    "MaybeSnowflakeIdType",
    "NonPaginatableList",
    "PaginatableList",
    "PaginationInfo",
    "T",
    "base62_to_int",
    "get_type_class",
    "int_to_base62",
    "real_issubclass",
    "resolve_type",
    "stringify_type",
    "try_cast",
    "try_cast_recurse",
]
