"""``api_method``: the one decorator that binds a public method to its endpoint metadata."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..endpoints.model import Endpoint, format_version_note
from .checks import argument_check

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


def _calling(func: Callable[..., Any], endpoint: Endpoint, auth: bool) -> Callable[..., Any]:
    """The body of a thin method: bind the arguments as ``func``'s signature does, call ``endpoint``."""
    names, defaults = _parameters(func)
    positional_limit = len(names)
    returns_nothing = endpoint.returns == "None"

    def call_endpoint(self: Any, *args: Any, **kwargs: Any) -> Any:
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

    return call_endpoint


def _checking(func: Callable[..., Any], target: Callable[..., Any], check: Callable[[str, Mapping[str, Any]], None]) -> Callable[..., Any]:
    """``target`` run after ``check`` has seen ``func``'s arguments by name (before any TypeError)."""
    names, defaults = _parameters(func)
    method_name = func.__name__

    def check_then_call(self: Any, *args: Any, **kwargs: Any) -> Any:
        values = dict(defaults)
        values.update(zip(names, args))
        values.update(kwargs)
        check(method_name, values)
        return target(self, *args, **kwargs)

    return check_then_call


def api_method(
    endpoint: Endpoint | None = None,
    *,
    auth: bool = True,
    body: bool = False,
    since: Endpoint | str | None = None,
    required: tuple[str, ...] = (),
    one_of: tuple[str, ...] = (),
    choices: Mapping[str, tuple[Any, ...]] | None = None,
    types: Mapping[str, type | tuple[type, ...]] | None = None,
) -> Callable[[F], F]:
    """Declare a public method: the endpoint it calls, its version note and its argument checks.

    - ``@api_method(E.x)`` on a method whose body is ``...``: calling it calls endpoint
      ``x`` with the bound arguments (in signature order), with the access token unless
      ``auth=False``. The body is never run.
    - ``@api_method(E.x, body=True)``: the method's own body runs (it calls the pipeline
      itself); ``x`` is recorded as the endpoint it serves.
    - ``@api_method(since=E.y)`` or ``@api_method(since="4.5.0")``: a helper that calls no
      endpoint, documented as available since endpoint ``y`` (or that version); its body runs.

    The endpoint's version note (``Added: Mastodon vX, last changed: Mastodon vY``) ends
    the docstring, and the method keeps its real signature, so ``help()`` and
    ``inspect.signature`` show the reference's parameters. ``endpoint`` is kept as
    ``__endpoint__`` for the docs, the matrix and the probe.

    Argument checks run before anything else, by parameter name: ``required`` arguments
    may not be ``None``, at least one of ``one_of`` must be given, ``choices`` lists the
    values an argument may take and ``types`` its types (``None`` passes both); a failed
    check raises :class:`~mastodon.errors.MastodonIllegalArgumentError`.
    """
    if endpoint is None:
        if since is None:
            raise TypeError("api_method() needs an endpoint or since=")
        note = since.version_note if isinstance(since, Endpoint) else format_version_note(since)
    elif since is not None:
        raise TypeError("api_method(): since= is for methods that call no endpoint")
    else:
        note = endpoint.version_note
    check = argument_check(required, one_of, choices, types) if required or one_of or choices or types else None

    def decorate(func: F) -> F:
        method: Callable[..., Any] = func
        if endpoint is not None and not body:
            method = _calling(func, endpoint, auth)
        if check is not None:
            method = _checking(func, method, check)
        if method is func:
            func.__doc__ = _with_note(func.__doc__, note)
        else:
            copy_metadata(method, func, _with_note(func.__doc__, note))
        if endpoint is not None:
            method.__endpoint__ = endpoint  # type: ignore[attr-defined]
        return method  # type: ignore[return-value]

    return decorate


__all__ = ["api_method"]
