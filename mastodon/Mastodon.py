"""Compatibility module: ``from mastodon.Mastodon import Mastodon, MastodonError, ...``."""

from typing import TYPE_CHECKING

from .client import Mastodon
from .entities import AttribAccessDict, AttribAccessList
from .errors import *  # noqa: F403
from .errors import __all__ as _error_names

if TYPE_CHECKING:
    from .streaming import CallbackStreamListener, StreamListener
    from .utility import parse_version_string


def __getattr__(name: str) -> object:
    # The listener classes and the entity classes load with the first use, keeping
    # ``import mastodon`` light.
    if name in ("StreamListener", "CallbackStreamListener"):
        from . import streaming

        return getattr(streaming, name)
    if name == "parse_version_string":
        from .utility import parse_version_string

        return parse_version_string
    if name[:1].isupper():  # the entity classes, created on first use like there
        from . import return_types

        try:
            return getattr(return_types, name)
        except AttributeError:
            pass
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Mastodon", "AttribAccessDict", "AttribAccessList", "StreamListener", "CallbackStreamListener", "parse_version_string",
    *_error_names,
]
