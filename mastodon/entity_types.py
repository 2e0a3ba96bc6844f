"""Typing decoded values: the entity classes, built on first use, and the walk that applies them.

A response is decoded into :class:`~mastodon.entities.AttribAccessDict` objects first (the
object hook cannot know where an object sits). Then one walk, driven by the declared
result type (the endpoint's ``returns``) and the entity schema
(:mod:`mastodon.entity_schema`), visits only the declared entity fields and changes each
dict's class in place (``obj.__class__ = Status``: no copy, the keys, values and any
attributes stay). Plain ``dict`` objects (e.g. built by a backend's normalisation) are
wrapped instead. ``mastodon._speedups.retype`` is the same walk in C; the Python one here
defines it.

A compiled type ("spec") is a list:

- ``[0, cls, fields, direct]``: an entity; ``fields`` is a tuple of ``(key, spec)`` for
  the fields holding entities, ``direct`` whether ``cls`` has the base dict's layout;
- ``[1, item_spec_or_None, list_cls_or_None]``: a list (at the top, its class becomes
  ``list_cls``);
- ``[2, value_spec]``: a dict whose values are entities (``{Marker}``).
"""

from __future__ import annotations

from typing import Any

from . import types_base
from .endpoints.model import Endpoint
from .entities import AttribAccessDict, AttribAccessList
from .entity_schema import ALIASES, BASE_CLASSES, ENTITIES, UNTYPED
from .speedups import c_extension
from .types_base import Entity, NonPaginatableList, PaginatableList

_CLASSES: dict[str, type[Entity]] = {}
_SPECS: dict[type, list[Any]] = {}
_RETURNS: dict[tuple[str, bool], list[Any] | None] = {}

#: ``set_class(obj, cls)`` is ``obj.__class__ = cls`` without the attribute dicts' own
#: ``__setattr__`` (which guards keys) or the attribute lookup: the class's own descriptor.
_set_class = object.__dict__["__class__"].__set__
_SCALARS = frozenset({"str", "int", "float", "bool", "datetime", "id", "dict", "list", "any"})
_DICT_LAYOUT = (AttribAccessDict.__basicsize__, AttribAccessDict.__dictoffset__, AttribAccessDict.__weakrefoffset__)


def entity_names() -> list[str]:
    """Every entity class name, sorted."""
    return sorted(ENTITIES)


def parse_fields(declaration: str) -> dict[str, str]:
    """``{"id": "id", "account": "Account", ...}`` from a schema line."""
    return dict(token.split(":", 1) for token in declaration.split())


def entity_class(name: str) -> type[Entity]:
    """The entity class called ``name`` (or an older name of it), created on first use."""
    name = ALIASES.get(name, name)
    cls = _CLASSES.get(name)
    if cls is None:
        if name in BASE_CLASSES:
            cls = _CLASSES[name] = getattr(types_base, name)
            return cls
        declaration = ENTITIES[name]  # KeyError: no such entity
        cls = _CLASSES[name] = type(  # type: ignore[assignment]
            name,
            (Entity,),
            {
                "__slots__": (),
                "__module__": "mastodon.return_types",
                "__qualname__": name,
                "__doc__": f"The ``{name}`` entity (fields as in Mastodon's entity documentation).",
                "_fields": parse_fields(declaration),
            },
        )
    return cls


def _field_spec(kind: str) -> list[Any] | None:
    kind = kind.rstrip("?")
    if kind in _SCALARS:
        return None
    if kind[0] == "[":
        inner = _field_spec(kind[1:-1])
        return None if inner is None else [1, inner, None]
    if kind[0] == "{":
        inner = _field_spec(kind[1:-1])
        return None if inner is None else [2, inner]
    return class_spec(entity_class(kind))


def class_spec(cls: type) -> list[Any]:
    """The compiled spec of an entity class (its nested entity fields, recursively)."""
    spec = _SPECS.get(cls)
    if spec is None:
        layout = (cls.__basicsize__, cls.__dictoffset__, cls.__weakrefoffset__)  # type: ignore[attr-defined]
        spec = _SPECS[cls] = [0, cls, (), layout == _DICT_LAYOUT]  # registered first: fields may recurse
        fields = getattr(cls, "_fields", {})
        nested = ((key, _field_spec(kind)) for key, kind in fields.items())
        spec[2] = tuple((key, sub) for key, sub in nested if sub is not None)
    return spec


def returns_spec(returns: str, paginated: bool = False) -> list[Any] | None:
    """The spec for an endpoint's ``returns`` (``"Status"``, ``"[Account]"``, ``"{Marker}"``).

    ``None`` for results that are not entities (``"dict"``, ``"bool"``, ...). A list
    becomes a :class:`PaginatableList` when ``paginated`` (the endpoint takes page
    parameters), else a :class:`NonPaginatableList`.
    """
    key = (returns, paginated)
    if key in _RETURNS:
        return _RETURNS[key]
    spec: list[Any] | None
    if returns in UNTYPED and not returns.startswith("["):
        spec = None
    elif returns.startswith("["):
        inner = returns[1:-1]
        item = None if inner in UNTYPED or inner in _SCALARS else class_spec(entity_class(inner))
        spec = [1, item, PaginatableList if paginated else NonPaginatableList]
    elif returns.startswith("{"):
        spec = [2, class_spec(entity_class(returns[1:-1]))]
    else:
        spec = class_spec(entity_class(returns))
    _RETURNS[key] = spec
    return spec


def is_known_return(returns: str) -> bool:
    """Whether ``returns`` names an entity (or list/dict of one) or a declared non-entity result."""
    inner = returns.strip("[]{}")
    known = ALIASES.get(inner, inner)
    return returns in UNTYPED or inner in UNTYPED or inner in _SCALARS or known in ENTITIES or known in BASE_CLASSES


def _retype_python(value: Any, spec: list[Any]) -> Any:
    """Give ``value`` the classes ``spec`` declares; returns ``value`` or its replacement."""
    kind = spec[0]
    if kind == 0:
        cls = value.__class__
        if cls is AttribAccessDict:
            if spec[3]:
                _set_class(value, spec[1])
            else:
                value = spec[1](value)
        elif cls is dict:
            value = spec[1](value)
        elif not isinstance(value, dict):
            return value
        for key, sub in spec[2]:
            item = value.get(key)
            if item is not None:
                typed = _retype_python(item, sub)
                if typed is not item:
                    value[key] = typed
        return value
    if kind == 1:
        if not isinstance(value, list):
            return value
        list_cls = spec[2]
        if list_cls is not None:
            cls = value.__class__
            if cls is AttribAccessList:
                _set_class(value, list_cls)
            elif cls is list:
                value = list_cls(value)
        sub = spec[1]
        if sub is not None:
            for index, item in enumerate(value):
                if item is not None:
                    typed = _retype_python(item, sub)
                    if typed is not item:
                        value[index] = typed
        return value
    if not isinstance(value, dict):
        return value
    sub = spec[1]
    for key, item in value.items():
        if item is not None:
            typed = _retype_python(item, sub)
            if typed is not item:
                value[key] = typed  # replacing a value keeps the iteration valid
    return value


def _type_level(nodes: list[Any], spec: list[Any]) -> bool:
    """Type ``nodes`` (all at the same place in the schema) together, level by level.

    The same result as :func:`_retype_python` on each node, with one Python call per
    schema path instead of one per object (the Python walk's cost is its calls). Returns
    ``False`` when a node needs replacing (a plain ``dict``, or a class whose layout
    forbids a class change): the caller then runs the reference walk.
    """
    kind = spec[0]
    if kind == 0:
        if not spec[3]:
            return False
        cls = spec[1]
        set_class = _set_class
        odd = False
        for node in nodes:
            node_cls = node.__class__
            if node_cls is AttribAccessDict:
                set_class(node, cls)
            elif node_cls is dict:
                return False
            elif not isinstance(node, dict):
                odd = True
        if odd:
            nodes = [node for node in nodes if isinstance(node, dict)]
        for key, sub in spec[2]:
            children = [child for node in nodes if (child := node.get(key)) is not None]
            if children and not _type_level(children, sub):
                return False
        return True
    if kind == 1:
        if spec[2] is not None:
            return False  # a list class is only set at the top (see _retype_levels)
        items = [item for node in nodes if isinstance(node, list) for item in node if item is not None]
    else:
        items = [item for node in nodes if isinstance(node, dict) for item in node.values() if item is not None]
    return not items or _type_level(items, spec[1])


def _retype_levels(value: Any, spec: list[Any]) -> Any:
    """The Python walk the library uses: :func:`_type_level`, or the reference walk where it cannot."""
    if spec[0] == 1 and spec[2] is not None:
        if value.__class__ is not AttribAccessList:
            return _retype_python(value, spec)
        _set_class(value, spec[2])
        if spec[1] is None or _type_level([value], [1, spec[1], None]):
            return value
    elif _type_level([value], spec):
        return value
    return _retype_python(value, spec)


_speedups = c_extension("_speedups")
#: ``mastodon._speedups.retype`` when it is built (and not disabled), else ``None``.
_c_retype = _speedups.retype if _speedups is not None else None


def apply_spec(value: Any, spec: list[Any] | None) -> Any:
    """``value`` typed as ``spec`` says (``None``: unchanged)."""
    if spec is None or value is None:
        return value
    if _c_retype is not None:
        return _c_retype(value, spec, AttribAccessDict, AttribAccessList)
    # Level by level pays off over many objects (a page); one object (a streamed status)
    # is typed faster by the plain recursive walk.
    return _retype_levels(value, spec) if spec[0] == 1 else _retype_python(value, spec)


def endpoint_spec(endpoint: Endpoint) -> list[Any] | None:
    """The spec of an endpoint's result: its ``returns``; lists paginate if the endpoint takes page ids."""
    return returns_spec(endpoint.returns, is_paginated(endpoint))


def is_paginated(endpoint: Endpoint) -> bool:
    """Whether the endpoint pages its results, by ids or by ``offset`` (its lists are :class:`PaginatableList`)."""
    by_name = endpoint.params_by_name
    return "max_id" in by_name or "min_id" in by_name or "since_id" in by_name or "offset" in by_name


def expected_annotation(endpoint: Endpoint) -> str | None:
    """The return annotation the endpoint's metadata implies (``"PaginatableList[Status]"``), if any."""
    returns = endpoint.returns
    if returns in ("None", "bool", "int", "str"):
        return returns
    inner = returns.strip("[]{}")
    if inner in UNTYPED:
        known = inner if inner in ("str", "int", "bool") else None
    else:
        known = ALIASES.get(inner, inner) if is_known_return(returns) else None
    if known is None:
        return None
    if returns.startswith("["):
        return f"{'PaginatableList' if is_paginated(endpoint) else 'NonPaginatableList'}[{known}]"
    if returns.startswith("{"):
        return f"dict[str, {known}]"
    return known


def type_result(result: Any, endpoint: Endpoint) -> Any:
    """A decoded (and normalised) result with the classes its endpoint declares."""
    if result is None:
        return None
    key = (endpoint.returns, is_paginated(endpoint))
    spec = _RETURNS[key] if key in _RETURNS else returns_spec(*key)
    return apply_spec(result, spec)


def recast(value: Any, cls: type | str) -> Any:
    """``value`` as an instance of ``cls`` even if it was typed as another entity already.

    For results whose class depends on the call's arguments (``status_post`` with
    ``scheduled_at`` answers with a ``ScheduledStatus``).
    """
    target = entity_class(cls) if isinstance(cls, str) else cls
    if isinstance(value, Entity) and type(value) is not target and class_spec(type(value))[3]:
        _set_class(value, AttribAccessDict)
    return retype(value, target)


def retype(value: Any, cls: type) -> Any:
    """``value`` (a dict) as an instance of the entity class ``cls``, nested entities included."""
    return apply_spec(value, class_spec(cls))


__all__ = [
    "entity_names", "entity_class", "endpoint_spec", "type_result", "is_paginated", "expected_annotation", "class_spec", "returns_spec", "apply_spec", "retype", "recast", "parse_fields", "is_known_return",
]
