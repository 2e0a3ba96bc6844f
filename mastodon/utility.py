"""Version helpers and names that programs written for Mastodon.py import from ``mastodon.utility``.

:func:`parse_version_string`, :func:`max_version` and the :func:`api_version` decorator
work on Mastodon version numbers; the rest are the names that module offers (the typing
helpers, the error classes, the client class), re-exported from where they live here.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, TypeVar, Union  # noqa: UP035 - names programs import from here

from .base import MastodonBase
from .client import Mastodon
from .errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError
from .types_base import Entity, PaginatableList, PaginationInfo, try_cast
from .versions import find_version_tuple, format_version

if TYPE_CHECKING:
    from .return_types import MediaAttachment

#: Whether blurhash decoding is available (the ``blurhash`` extra is installed).
IMPL_HAS_BLURHASH = importlib.util.find_spec("blurhash") is not None
#: Grapheme-cluster counting (for status lengths) needs no extra package here.
IMPL_HAS_GRAPHEME = False
grapheme = None
#: The client's internals (the base class every API area builds on).
Internals = MastodonBase
#: URLs in status text, as servers count them (each as 23 characters) for the length limit.
url_regex = re.compile(r"(?<![\w/.@])(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]])", re.IGNORECASE)

F = TypeVar("F", bound=Callable[..., Any])


def parse_version_string(version_string: str) -> list[int]:
    """The Mastodon version a version string names, as ``[major, minor, patch]``.

    The first ``x.y[.z]`` in the string counts (``"4.2.1+glitch"`` is ``[4, 2, 1]``,
    ``"2.7.2 (compatible; Pleroma 2.5.0)"`` is ``[2, 7, 2]``). Raises
    :class:`MastodonIllegalArgumentError` when it names none.
    """
    found = find_version_tuple(version_string if isinstance(version_string, str) else "")
    if found is None:
        raise MastodonIllegalArgumentError(f"No version number in {version_string!r}")
    return list(found)


def max_version(*version_strings: str) -> str:
    """The highest of the given versions, as ``"x.y.z"`` (``None`` and empty strings are skipped)."""
    versions = [tuple(parse_version_string(v)) for v in version_strings if v]
    if not versions:
        raise MastodonIllegalArgumentError("max_version needs at least one version")
    return format_version(max(versions))  # type: ignore[arg-type]


def api_version(created_ver: str, last_changed_ver: str | None = None, return_value_ver: str | None = None) -> Callable[[F], F]:
    """Decorate a client method that needs Mastodon ``created_ver`` (``last_changed_ver`` in "changed" mode).

    Calling it on a client whose known server version is older raises
    :class:`MastodonVersionError`, as the library's own methods do; the version note is
    added to the docstring.
    """
    parse_version_string(created_ver)
    changed = last_changed_ver or created_ver

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            mode = getattr(self, "version_check_mode", "none")
            version = getattr(self, "server_version", None)
            if mode != "none" and version is not None and version.gates:
                need = created_ver if mode == "created" else changed
                if tuple(parse_version_string(need)) > version.mastodon:
                    raise MastodonVersionError(
                        f"Version check failed (Need Mastodon instance version {need} or greater for "
                        f"{func.__name__}, have {version.mastodon_string})"
                    )
            return func(self, *args, **kwargs)

        note = f"Added: Mastodon v{created_ver}, last changed: Mastodon v{changed}"
        wrapper.__doc__ = f"{func.__doc__ or ''}\n\n{note}".strip()
        return wrapper  # type: ignore[return-value]

    return decorate


def __getattr__(name: str) -> object:
    if name == "MediaAttachment":  # the entity classes are created on first use
        from . import return_types

        return return_types.MediaAttachment
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Dict", "Entity", "IMPL_HAS_BLURHASH", "IMPL_HAS_GRAPHEME", "Internals", "Iterator", "List", "Mastodon",
    "MastodonAPIError", "MastodonIllegalArgumentError", "MastodonNotFoundError", "MastodonVersionError",
    "MediaAttachment", "Optional", "PaginatableList", "PaginationInfo", "Tuple", "TypeVar", "Union", "api_version",
    "grapheme", "max_version", "parse_version_string", "try_cast", "url_regex",
]
