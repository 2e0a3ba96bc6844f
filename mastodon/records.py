"""Small record classes: a fast-importing stand-in for ``dataclasses``.

``dataclasses`` pulls in ``inspect`` and compiles code for every class, which is most of
what importing this library would otherwise cost beyond ``requests``. A :class:`Record`
subclass declares its fields as annotated class attributes (with defaults, or
``field(default_factory=...)``, ``field(init=False)``, ``field(compare=False)``) and gets
``__init__`` (positional or keyword, then ``__post_init__`` if defined), ``__repr__``,
``__eq__`` and, when ``frozen=True`` is passed as a class keyword, immutability and
``__hash__``. Type checkers treat subclasses like dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # the decorator only informs type checkers

    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda target: target


_MISSING: Any = object()


class _FieldSpec:
    __slots__ = ("compare", "default", "factory", "init")

    def __init__(self, default: Any, factory: Callable[[], Any] | None, init: bool, compare: bool) -> None:
        self.default, self.factory, self.init, self.compare = default, factory, init, compare


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    init: bool = True,
    compare: bool = True,
) -> Any:
    """Declare a field with a default factory, or one left out of ``__init__`` or comparisons."""
    return _FieldSpec(default, default_factory, init, compare)


class _FieldsSignature:
    """``inspect.signature(SomeRecord)``: the fields, built on first use (``inspect`` is slow to import)."""

    def __get__(self, instance: Any, owner: type[Record]) -> Any:
        import inspect

        keyword = inspect.Parameter.POSITIONAL_OR_KEYWORD
        parameters = []
        hints: dict[str, Any] = {}
        for cls in reversed(owner.__mro__):
            hints = {**hints, **cls.__dict__.get("__annotations__", {})}  # noqa: RUF063 - unevaluated on purpose
        for name in owner._init_fields:
            spec = owner._specs[name]
            if spec.default is not _MISSING:
                default = spec.default
            elif spec.factory is not None:
                default = spec.factory()
            else:
                default = inspect.Parameter.empty
            annotation = hints.get(name, inspect.Parameter.empty)
            parameters.append(inspect.Parameter(name, keyword, default=default, annotation=annotation))
        return inspect.Signature(parameters, return_annotation=None)


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise AttributeError(f"cannot assign to field {name!r} of frozen {type(self).__name__}")


@dataclass_transform(field_specifiers=(field,))
class Record:
    """Base class: annotated class attributes become fields, in declaration order."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _specs: ClassVar[dict[str, _FieldSpec]] = {}
    _init_fields: ClassVar[tuple[str, ...]] = ()
    _compared: ClassVar[tuple[str, ...]] = ()
    #: The fields, for ``inspect.signature`` and the documentation.
    __signature__: ClassVar[Any] = _FieldsSignature()

    def __init_subclass__(cls, frozen: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        specs: dict[str, _FieldSpec] = {}
        for base in reversed(cls.__mro__[1:]):
            specs.update(getattr(base, "_specs", {}))
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - own annotations only, unevaluated
        for name in annotations:
            if "ClassVar" in str(annotations[name]):
                continue
            value = cls.__dict__.get(name, _MISSING)
            spec = value if isinstance(value, _FieldSpec) else _FieldSpec(value, None, True, True)
            specs[name] = spec
            if value is not _MISSING:
                delattr(cls, name)
        cls._specs = specs
        cls._fields = tuple(specs)
        cls._init_fields = tuple(n for n, s in specs.items() if s.init)
        cls._compared = tuple(n for n, s in specs.items() if s.compare)
        if frozen:
            cls.__setattr__ = _frozen_setattr  # type: ignore[method-assign,assignment]
            cls.__hash__ = Record._hash  # type: ignore[method-assign,assignment]
        else:
            cls.__hash__ = None  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self._init_fields
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}() takes {len(names)} positional arguments but {len(args)} were given")
        values = dict(zip(names, args))
        for key, value in kwargs.items():
            if key not in self._specs or not self._specs[key].init:
                raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {key!r}")
            if key in values:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument {key!r}")
            values[key] = value
        setter = object.__setattr__
        for name, spec in self._specs.items():
            if name in values:
                setter(self, name, values[name])
            elif spec.default is not _MISSING:
                setter(self, name, spec.default)
            elif spec.factory is not None:
                setter(self, name, spec.factory())
            elif spec.init:
                raise TypeError(f"{type(self).__name__}() missing required argument {name!r}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name, None)!r}" for name in self._fields if self._specs[name].compare)
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._compared)

    def _hash(self) -> int:
        return hash((self.__class__, *(getattr(self, n) for n in self._compared)))


__all__ = ["Record", "field"]
