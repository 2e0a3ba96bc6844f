"""Render ``mastodon/return_types.pyi`` (what type checkers see) from the entity schema.

``python -m mastodon.entity_stub > mastodon/return_types.pyi`` after changing
:mod:`mastodon.entity_schema`; a test checks the file is up to date.
"""

from __future__ import annotations

import keyword

from .entity_schema import ALIASES, ENTITIES

_SCALARS = {
    "str": "str", "int": "int", "float": "float", "bool": "bool", "datetime": "datetime",
    "id": "int | str", "dict": "AttribAccessDict", "list": "list[Any]", "any": "Any",
}
#: Keys that cannot be declared as attributes: ``dict``'s own methods win attribute lookup.
_SHADOWED = frozenset(dir(dict))

_HEADER = '''\
# Rendered from mastodon/entity_schema.py by mastodon/entity_stub.py
# (python -m mastodon.entity_stub > mastodon/return_types.pyi). Do not edit by hand.
from datetime import datetime
from typing import Any, TypeAlias, Union

from .entities import AttribAccessDict as AttribAccessDict
from .entities import AttribAccessList as AttribAccessList
from .types_base import EmptyResponse as EmptyResponse
from .types_base import Entity as Entity
from .types_base import MaybeSnowflakeIdType as MaybeSnowflakeIdType
from .types_base import NonPaginatableList as NonPaginatableList
from .types_base import PaginatableList as PaginatableList
from .types_base import PaginationInfo as PaginationInfo

EntityList: TypeAlias = AttribAccessList
IdType: TypeAlias = Union[int, str, dict[str, Any], datetime]  # noqa: UP007
PaginationId: TypeAlias = Union[int, str, dict[str, Any], datetime, None]  # noqa: UP007
'''


def annotation(kind: str) -> str:
    """The Python annotation for a schema type."""
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if kind in _SCALARS:
        text = _SCALARS[kind]
    elif kind.startswith("["):
        text = f"list[{annotation(kind[1:-1])}]"
    elif kind.startswith("{"):
        text = f"dict[str, {annotation(kind[1:-1])}]"
    else:
        text = ALIASES.get(kind, kind)
    return f"{text} | None" if optional else text


def render_stub() -> str:
    """The text of ``return_types.pyi``."""
    out = [_HEADER]
    for name in sorted(ENTITIES):
        out.append(f"\nclass {name}(Entity):")
        fields = [token.split(":", 1) for token in ENTITIES[name].split()]
        lines = [
            f"    {field}: {annotation(kind)}" + ("  # noqa: N815" if field != field.lower() else "")
            for field, kind in fields
            if field.isidentifier() and not keyword.iskeyword(field) and field not in _SHADOWED
        ]
        out.extend(lines or ["    ..."])
    out.append("")
    for old, new in sorted(ALIASES.items()):
        out.append(f"{old}: TypeAlias = {new}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render_stub(), end="")
