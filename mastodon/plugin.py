"""Everything a backend plugin needs, in one import: ``from mastodon.plugin import ...``.

Backends (built-in and third-party) import only from here, never from private modules.
"""

from typing import TYPE_CHECKING

from .backend_types import (
    NOT_SUPPORTED,
    BackendInfo,
    BackendMatch,
    CallInfo,
    DecodeOptions,
    ErrorDetails,
    Route,
    ServerContext,
    StreamingTransport,
    Unsupported,
)
from .endpoints import ENDPOINTS
from .endpoints.model import EXT, FILE, FLAG, ID, IDS, LIST, PAGINATION, Endpoint, Param, endpoint
from .entities import AttribAccessDict, AttribAccessList
from .entity_walk import walk_entities
from .errors import (
    MastodonAPIError,
    MastodonBackendFeatureError,
    MastodonError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
)
from .extras_shape import normalize_reaction, unify_quote, unify_reactions
from .hookspecs import hookimpl
from .plugins import get_registry, register_plugin, unregister_plugin
from .versions import ServerVersion, VersionTuple, find_version_tuple, parse_version_tuple, version_for_api_level

if TYPE_CHECKING:
    from .streaming.urls import advertised_streaming_url, streaming_base

#: Loaded on first use: the streaming package is not needed to load a backend.
_STREAMING_URL_NAMES = ("advertised_streaming_url", "streaming_base")


def __getattr__(name: str) -> object:
    if name in _STREAMING_URL_NAMES:
        from .streaming import urls

        return getattr(urls, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "hookimpl",
    "NOT_SUPPORTED",
    "register_plugin",
    "unregister_plugin",
    "get_registry",
    "BackendInfo",
    "BackendMatch",
    "CallInfo",
    "DecodeOptions",
    "ErrorDetails",
    "Route",
    "ServerContext",
    "StreamingTransport",
    "Unsupported",
    "ServerVersion",
    "VersionTuple",
    "find_version_tuple",
    "parse_version_tuple",
    "version_for_api_level",
    "ENDPOINTS",
    "Endpoint",
    "Param",
    "endpoint",
    "EXT",
    "FILE",
    "FLAG",
    "ID",
    "IDS",
    "LIST",
    "PAGINATION",
    "AttribAccessDict",
    "AttribAccessList",
    "walk_entities",
    "normalize_reaction",
    "unify_reactions",
    "unify_quote",
    "MastodonAPIError",
    "MastodonBackendFeatureError",
    "MastodonError",
    "MastodonIllegalArgumentError",
    "MastodonVersionError",
    "advertised_streaming_url",
    "streaming_base",
]
