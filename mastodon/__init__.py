"""A Mastodon API client for every kind of fediverse server.

>>> from mastodon import Mastodon
>>> api = Mastodon(access_token="usercred.secret")  # doctest: +SKIP
>>> api.toot("Hello from Python")  # doctest: +SKIP
"""

from typing import TYPE_CHECKING

# Load the ``mastodon.Mastodon`` compatibility module first: importing a submodule binds it
# as a package attribute, so it must happen before the class takes the name.
from . import Mastodon as _compat_module  # noqa: F401, N813
from .client import Mastodon
from .entities import AttribAccessDict, AttribAccessList
from .errors import *  # noqa: F403
from .errors import __all__ as _error_names

if TYPE_CHECKING:
    from .hookspecs import hookimpl
    from .streaming import (
        CallbackStreamListener,
        SSEStreamHandle,
        StreamHandle,
        StreamListener,
        WebSocketStreamHandle,
        WebSocketSubscription,
    )

__version__ = "0.1.0"
_STREAMING_NAMES = (
    "StreamListener", "CallbackStreamListener", "StreamHandle", "SSEStreamHandle", "WebSocketStreamHandle", "WebSocketSubscription",
)


def __getattr__(name: str) -> object:
    # ``hookimpl`` needs pluggy, which only backends (and clients, once built) load.
    if name == "hookimpl":
        from .hookspecs import hookimpl

        return hookimpl
    if name in _STREAMING_NAMES:  # loaded with the first use
        from . import streaming

        return getattr(streaming, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Mastodon",
    "AttribAccessDict",
    "AttribAccessList",
    "StreamListener",
    "CallbackStreamListener",
    "StreamHandle",
    "SSEStreamHandle",
    "WebSocketStreamHandle",
    "WebSocketSubscription",
    "hookimpl",
    "__version__",
    *_error_names,
]
