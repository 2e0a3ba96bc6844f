"""Endpoint metadata for the whole API, declared once and grouped by area.

``ENDPOINTS`` maps each endpoint's name to its :class:`Endpoint`. The public methods, the
request pipeline, the backends' hooks, the documentation and the compatibility matrix all
read this table. The tables load with the first use of ``ENDPOINTS`` or ``AREAS`` (or of an
area module), not with the package: ``import mastodon`` does not build them.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from .model import Endpoint, Param

if TYPE_CHECKING:
    AREAS: tuple[ModuleType, ...]
    ENDPOINTS: dict[str, Endpoint]


#: The area modules of this package, in the order the tables are read.
AREA_MODULES: tuple[str, ...] = (
    "auth",
    "instance",
    "timelines",
    "statuses",
    "collections",
    "notifications",
    "accounts",
    "lists",
    "tags",
    "trends",
    "misc",
    "filters",
    "annual_reports",
    "async_refreshes",
    "emails",
    "media",
    "push",
    "admin",
    "streaming",
)


def _areas() -> tuple[ModuleType, ...]:
    import importlib

    return tuple(importlib.import_module(f"{__name__}.{area}") for area in AREA_MODULES)


def _collect(areas: tuple[ModuleType, ...]) -> dict[str, Endpoint]:
    table: dict[str, Endpoint] = {}
    for module in areas:
        for value in vars(module).values():
            if isinstance(value, Endpoint):
                if value.name in table and table[value.name] is not value:
                    raise RuntimeError(f"endpoint {value.name} declared twice")
                table[value.name] = value
    return table


def __getattr__(name: str) -> object:
    if name in ("AREAS", "ENDPOINTS"):
        areas = _areas()
        globals().update(AREAS=areas, ENDPOINTS=_collect(areas))  # built once: later lookups find them
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def newest_known_version() -> str:
    """The newest Mastodon version named by a mainline endpoint's or parameter's version history."""
    from ..versions import format_version, parse_version_tuple
    from . import ENDPOINTS

    named = {v for e in ENDPOINTS.values() if e.mainline for v in (e.added, e.changed, *(p.added for p in e.params)) if v}
    return format_version(max(parse_version_tuple(v) for v in named))


__all__ = ["ENDPOINTS", "AREAS", "AREA_MODULES", "Endpoint", "Param", "newest_known_version"]
