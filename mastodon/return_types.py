"""The entity classes of API results: ``Status``, ``Account``, ``Notification``, ...

Every entity class is an :class:`~mastodon.types_base.Entity`, so an
:class:`~mastodon.entities.AttribAccessDict`: a ``dict`` whose keys read as attributes.
Their fields are declared in :mod:`mastodon.entity_schema`; type checkers read them from
``return_types.pyi``. The classes are created the first time they are used (about 150 of
them: building them all would be a noticeable part of ``import mastodon``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Union

from .entities import AttribAccessDict, AttribAccessList

#: Any entity (an attribute dict); :class:`~mastodon.types_base.Entity` is the entities' base class.
EntityList = AttribAccessList

#: Anything that names an object by id: the id itself, a dict with an ``id``, or (for
#: pagination on mainline) a datetime.
IdType = Union[int, str, dict[str, Any], datetime]  # noqa: UP007
PaginationId = Union[int, str, dict[str, Any], datetime, None]  # noqa: UP007

_BASE_NAMES = frozenset({"EmptyResponse", "Entity", "PaginatableList", "NonPaginatableList", "PaginationInfo", "MaybeSnowflakeIdType"})


def __getattr__(name: str) -> Any:
    if name in _BASE_NAMES:
        from . import types_base

        value = getattr(types_base, name)
    else:
        from .entity_schema import ALIASES, ENTITIES

        if name not in ENTITIES and name not in ALIASES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from .entity_types import entity_class

        value = entity_class(name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    from .entity_schema import ALIASES, ENTITIES

    return sorted({*globals(), *ENTITIES, *ALIASES, *_BASE_NAMES})


__all__ = ["AttribAccessDict", "AttribAccessList", "EntityList", "IdType", "PaginationId"]
