"""Endpoint metadata for the whole API, declared once and grouped by area.

``ENDPOINTS`` maps each endpoint's name to its :class:`Endpoint`. The public methods, the
request pipeline, the backends' hooks, the documentation and the compatibility matrix all
read this table.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    accounts,
    admin,
    auth,
    collections,
    instance,
    lists,
    media,
    misc,
    notifications,
    push,
    statuses,
    streaming,
    timelines,
)
from .model import Endpoint, Param

AREAS: tuple[ModuleType, ...] = (
    auth, instance, timelines, statuses, collections, notifications, accounts, lists, misc, media, push, admin, streaming,
)


def _collect() -> dict[str, Endpoint]:
    table: dict[str, Endpoint] = {}
    for module in AREAS:
        for value in vars(module).values():
            if isinstance(value, Endpoint):
                if value.name in table and table[value.name] is not value:
                    raise RuntimeError(f"endpoint {value.name} declared twice")
                table[value.name] = value
    return table


ENDPOINTS: dict[str, Endpoint] = _collect()


def newest_known_version() -> str:
    """The newest Mastodon version named by a mainline endpoint's or parameter's version history."""
    from ..versions import format_version, parse_version_tuple

    named = {v for e in ENDPOINTS.values() if e.mainline for v in (e.added, e.changed, *(p.added for p in e.params)) if v}
    return format_version(max(parse_version_tuple(v) for v in named))


__all__ = ["ENDPOINTS", "AREAS", "Endpoint", "Param", "newest_known_version"]
