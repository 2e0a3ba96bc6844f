"""Return-value containers: dicts and lists with read-only attribute access."""

from __future__ import annotations

from gc import is_tracked as _is_tracked
from typing import Any


def set_attribute(obj: Any, name: str, value: Any) -> None:
    """Set an attribute on a returned container, whatever its keys.

    The C decoder leaves attribute dicts that hold no container untracked by the cyclic
    garbage collector, as CPython does for plain dicts; an attribute could close a
    reference cycle through one, so it is tracked again first.
    """
    if not _is_tracked(obj):
        from ._speedups import track  # only the C decoder leaves them untracked

        track(obj)
    object.__setattr__(obj, name, value)


class AttribAccessDict(dict):  # type: ignore[type-arg]
    """A ``dict`` whose keys can also be read as attributes.

    Attributes that name a key are read-only: ``d.id = 1`` raises ``AttributeError``.
    Other attributes (such as ``_pagination_next``) can be set normally.
    """

    __slots__ = ("__dict__",)

    def __getattr__(self, attr: str) -> Any:
        try:
            return self[attr]
        except KeyError:
            raise AttributeError(f"Attribute not found: {attr}") from None

    def __setattr__(self, attr: str, val: Any) -> None:
        if attr in self:
            raise AttributeError("Attribute-style access is read only")
        set_attribute(self, attr, val)

    def __delattr__(self, attr: str) -> None:
        if attr in self:
            raise AttributeError("Attribute-style access is read only")
        object.__delattr__(self, attr)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | {k for k in self if isinstance(k, str)})


class AttribAccessList(list):  # type: ignore[type-arg]
    """A ``list`` that can carry attributes (pagination information)."""

    __slots__ = ("__dict__",)

    def __getattr__(self, attr: str) -> Any:
        raise AttributeError(f"Attribute not found: {attr}")


def attrib_wrap(value: Any) -> Any:
    """Recursively wrap plain dicts and lists (e.g. user-built data) in attribute containers."""
    if isinstance(value, dict):
        return AttribAccessDict((k, attrib_wrap(v)) for k, v in value.items())
    if isinstance(value, list):
        return AttribAccessList(attrib_wrap(v) for v in value)
    return value


__all__ = ["AttribAccessDict", "AttribAccessList", "attrib_wrap", "set_attribute"]
