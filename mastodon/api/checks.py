"""Argument checks declared on a thin method, run before its endpoint is called.

``@checked(...)`` goes above ``@api_method(...)``: the method stays a documented stub, and
bad arguments raise :class:`MastodonIllegalArgumentError` before anything is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..errors import MastodonIllegalArgumentError
from .binding import _parameters, copy_metadata

F = TypeVar("F", bound=Callable[..., Any])


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


def checked(
    *,
    required: tuple[str, ...] = (),
    one_of: tuple[str, ...] = (),
    choices: Mapping[str, tuple[Any, ...]] | None = None,
    types: Mapping[str, type | tuple[type, ...]] | None = None,
) -> Callable[[F], F]:
    """Check a method's arguments by name before it runs.

    ``required`` arguments may not be ``None``; at least one of ``one_of`` must be given;
    ``choices`` lists the values an argument may take, ``types`` the types it may have
    (``None`` always passes both).
    """
    allowed = dict(choices or {})
    kinds = dict(types or {})

    def decorate(method: F) -> F:
        names, defaults = _parameters(getattr(method, "__wrapped__", method))

        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            values = dict(defaults)
            values.update(zip(names, args))
            values.update(kwargs)
            for name in required:
                if values.get(name) is None:
                    raise MastodonIllegalArgumentError(f"{method.__name__}: {name} is required")
            if one_of and all(values.get(name) is None for name in one_of):
                raise MastodonIllegalArgumentError(f"{method.__name__}: give {' or '.join(one_of)}")
            for name, options in allowed.items():
                check_choice(name, values.get(name), options)
            for name, kind in kinds.items():
                check_type(name, values.get(name), kind)
            return method(self, *args, **kwargs)

        copy_metadata(wrapper, method, method.__doc__)
        return wrapper  # type: ignore[return-value]

    return decorate


__all__ = ["checked", "check_choice", "check_type"]
