"""Argument checks: the helpers method bodies call, and the checks ``api_method`` declares.

``@api_method(E.x, required=..., choices=..., types=...)`` keeps a method a documented
stub while bad arguments raise :class:`MastodonIllegalArgumentError` before anything is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import MastodonIllegalArgumentError


def check_choice(name: str, value: Any, allowed: tuple[Any, ...]) -> None:
    """Raise unless ``value`` is ``None`` or one of ``allowed``."""
    if value is not None and value not in allowed:
        raise MastodonIllegalArgumentError(f"Invalid {name} {value!r}; use one of {', '.join(map(str, allowed))}")


def check_type(name: str, value: Any, kinds: type | tuple[type, ...]) -> None:
    """Raise unless ``value`` is ``None`` or an instance of ``kinds`` (``bool`` is no ``int`` here)."""
    if value is None:
        return
    wrong_bool = isinstance(value, bool) and not _names_bool(kinds)
    if wrong_bool or not isinstance(value, kinds):
        expected = " or ".join(k.__name__ for k in (kinds if isinstance(kinds, tuple) else (kinds,)))
        raise MastodonIllegalArgumentError(f"{name} must be {expected}, not {type(value).__name__}")


def _names_bool(kinds: type | tuple[type, ...]) -> bool:
    return bool in (kinds if isinstance(kinds, tuple) else (kinds,))


def argument_check(
    required: tuple[str, ...] = (),
    one_of: tuple[str, ...] = (),
    choices: Mapping[str, tuple[Any, ...]] | None = None,
    types: Mapping[str, type | tuple[type, ...]] | None = None,
) -> Callable[[str, Mapping[str, Any]], None]:
    """A check of a method's arguments by name: ``check(method_name, values)`` raises or returns.

    ``required`` arguments may not be ``None``; at least one of ``one_of`` must be given;
    ``choices`` lists the values an argument may take, ``types`` the types it may have
    (``None`` always passes both).
    """
    allowed = tuple((choices or {}).items())
    kinds = tuple((types or {}).items())

    def check(method: str, values: Mapping[str, Any]) -> None:
        for name in required:
            if values.get(name) is None:
                raise MastodonIllegalArgumentError(f"{method}: {name} is required")
        if one_of and all(values.get(name) is None for name in one_of):
            raise MastodonIllegalArgumentError(f"{method}: give {' or '.join(one_of)}")
        for name, options in allowed:
            check_choice(name, values.get(name), options)
        for name, kind in kinds:
            check_type(name, values.get(name), kind)

    return check


__all__ = ["argument_check", "check_choice", "check_type"]
