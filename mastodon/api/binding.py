"""Binding endpoint metadata to thin, documented public methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..endpoints.model import Endpoint, format_version_note

F = TypeVar("F", bound=Callable[..., Any])


def _with_note(doc: str | None, note: str) -> str:
    """``doc`` with ``note`` appended as its last paragraph, at the docstring's indentation.

    The docstring is left as written (``help()`` and Sphinx dedent it): cleaning ~150
    docstrings would be a noticeable part of the package's import time.
    """
    if not doc or not doc.strip():
        return note
    text = doc.rstrip()
    last_line = text[text.rfind("\n") + 1 :]
    indent = last_line[: len(last_line) - len(last_line.lstrip())] if "\n" in text else ""
    return f"{text}\n\n{indent}{note}"


_VARIADIC = 0x04 | 0x08  # CO_VARARGS | CO_VARKEYWORDS


def _parameters(func: Callable[..., Any]) -> tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]:
    """Parameter names after ``self`` and ``(name, default)`` pairs, read from the code object.

    Equivalent to walking ``inspect.signature(func)`` for plain functions, at a fraction
    of the cost (about 150 methods are bound when the package is imported).
    """
    code = func.__code__
    if code.co_flags & _VARIADIC:
        import inspect

        signature = inspect.signature(func)
        names = tuple(signature.parameters)[1:]
        empty = inspect.Parameter.empty
        return names, tuple((n, p.default) for n, p in signature.parameters.items() if p.default is not empty)
    positional = code.co_varnames[: code.co_argcount]
    keyword_only = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    positional_defaults = func.__defaults__ or ()
    defaults = list(zip(positional[len(positional) - len(positional_defaults) :], positional_defaults))
    kw_defaults = func.__kwdefaults__ or {}
    defaults.extend((name, kw_defaults[name]) for name in keyword_only if name in kw_defaults)
    return (positional + keyword_only)[1:], tuple(defaults)


def copy_metadata(wrapper: Callable[..., Any], func: Callable[..., Any], doc: str | None) -> None:
    """What ``functools.wraps`` does, written out (hundreds of methods are wrapped), with ``doc``."""
    wrapper.__module__ = func.__module__
    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__annotations__ = func.__annotations__
    wrapper.__dict__.update(func.__dict__)
    wrapper.__wrapped__ = func  # type: ignore[attr-defined]
    wrapper.__doc__ = doc


def api_method(endpoint: Endpoint, *, auth: bool = True) -> Callable[[F], F]:
    """Make a method whose body is ``...`` call ``endpoint`` with its bound arguments.

    The wrapped function keeps its real signature and docstring (with the endpoint's
    version note appended), so ``help()`` and ``inspect.signature`` show the reference's
    parameters. The body is never run.
    """

    def decorate(func: F) -> F:
        names, defaults = _parameters(func)
        positional_limit = len(names)
        returns_nothing = endpoint.returns == "None"

        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            if len(args) > positional_limit:
                raise TypeError(f"{func.__name__}() takes {positional_limit} positional arguments but {len(args)} were given")
            arguments = dict(defaults)
            arguments.update(zip(names, args))
            for key, value in kwargs.items():
                if key not in arguments and key not in names:
                    raise TypeError(f"{func.__name__}() got an unexpected keyword argument {key!r}")
                arguments[key] = value
            missing = [n for n in names if n not in arguments]
            if missing:
                raise TypeError(f"{func.__name__}() missing required argument(s): {', '.join(missing)}")
            # Parameters go on the wire in signature order, as the original library sends them.
            ordered = {name: arguments[name] for name in names}
            result = self._pipeline.call(endpoint, ordered, auth=auth)
            return None if returns_nothing else result

        copy_metadata(wrapper, func, _with_note(func.__doc__, endpoint.version_note))
        wrapper.__endpoint__ = endpoint  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def version_note(added: str, changed: str | None = None) -> Callable[[F], F]:
    """Document the version note of a helper method that calls no endpoint."""
    note = format_version_note(added, changed)

    def decorate(func: F) -> F:
        func.__doc__ = _with_note(func.__doc__, note)
        return func

    return decorate


def uses_endpoint(endpoint: Endpoint) -> Callable[[F], F]:
    """For methods with their own body: document and record the endpoint they call."""

    def decorate(func: F) -> F:
        func.__doc__ = _with_note(func.__doc__, endpoint.version_note)
        func.__endpoint__ = endpoint  # type: ignore[attr-defined]
        return func

    return decorate


__all__ = ["api_method", "version_note", "uses_endpoint"]
