"""Compatibility module: ``from mastodon.Mastodon import Mastodon, MastodonError, ...``."""

from .client import Mastodon
from .entities import AttribAccessDict, AttribAccessList
from .errors import *  # noqa: F403
from .errors import __all__ as _error_names
from .streaming import CallbackStreamListener, StreamListener

__all__ = ["Mastodon", "AttribAccessDict", "AttribAccessList", "StreamListener", "CallbackStreamListener", *_error_names]
