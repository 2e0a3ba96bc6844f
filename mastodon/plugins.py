"""The plugin manager: built-in and installed backends, and a typed facade over the hooks.

Built-in backends are registered explicitly; third-party ones come from the entry-point
group ``mastodon.backends`` unless the environment variable
``MASTODON_DISABLE_PLUGIN_AUTOLOAD`` is set. Core code calls hooks only through
:class:`Hooks`, never by name.
"""

from __future__ import annotations

import importlib
import os
import threading
import warnings
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .backend_types import BackendInfo, BackendMatch, DecodeOptions, ErrorDetails, Route, ServerContext
from .errors import MastodonIllegalArgumentError

if TYPE_CHECKING:
    import requests

    from .endpoints.model import Endpoint
    from .versions import ServerVersion

ENTRY_POINT_GROUP = "mastodon.backends"
DISABLE_AUTOLOAD_ENV = "MASTODON_DISABLE_PLUGIN_AUTOLOAD"
BUILTIN_BACKENDS = (
    "mastodon_backends.mainline",
    "mastodon_backends.pleroma",
    "mastodon_backends.fedibird",
    "mastodon_backends.akkoma",  # after pleroma, which it extends
)


class BackendRegistry:
    """All installed plugins, the backends among them, and per-backend hook facades."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self.pm = pm
        self.backends: dict[str, BackendInfo] = {}
        self._plugin_of: dict[str, object] = {}
        self._aliases: dict[str, str] = {}
        self._facades: dict[str, Hooks] = {}
        self._lock = threading.Lock()
        self.refresh()

    def refresh(self) -> None:
        """Re-read backend declarations (after registering or unregistering plugins)."""
        self.backends.clear()
        self._plugin_of.clear()
        self._aliases.clear()
        self._facades.clear()
        for impl in self.pm.hook.mastodon_backend_info.get_hookimpls():
            info = impl.function()
            if not isinstance(info, BackendInfo):
                continue
            self.backends[info.name] = info
            self._plugin_of[info.name] = impl.plugin
            for alias in info.feature_sets:
                self._aliases[alias] = info.name

    def resolve(self, feature_set: str) -> str:
        """The backend name selected by a ``feature_set`` value."""
        if feature_set in self.backends:
            return feature_set
        if feature_set in self._aliases:
            return self._aliases[feature_set]
        known = ", ".join(sorted(set(self.backends) | set(self._aliases) | {"auto"}))
        raise MastodonIllegalArgumentError(f"Unknown feature_set {feature_set!r}; known: {known}")

    def chain(self, backend: str) -> list[str]:
        """``backend`` followed by the backends it extends."""
        names: list[str] = []
        current: str | None = backend
        while current is not None and current not in names:
            names.append(current)
            info = self.backends.get(current)
            current = info.extends if info else None
        return names

    def chain_infos(self, backend: str) -> list[BackendInfo]:
        """The declarations of ``backend`` and of the backends it extends (what it offers, together)."""
        return [self.backends[name] for name in self.chain(backend) if name in self.backends]

    def hooks_for(self, backend: str) -> Hooks:
        """The hook facade that calls ``backend``'s chain plus every non-backend plugin."""
        facade = self._facades.get(backend)
        if facade is None:
            with self._lock:
                active = set(self.chain(backend))
                excluded = [p for name, p in self._plugin_of.items() if name not in active]
                facade = self._facades[backend] = Hooks(self.pm, excluded, self)
        return facade

    @property
    def all_hooks(self) -> Hooks:
        """A facade over every plugin (used for discovery before a backend is chosen)."""
        facade = self._facades.get("\0all")
        if facade is None:
            facade = self._facades["\0all"] = Hooks(self.pm, [], self)
        return facade

    def detect(self, nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> list[BackendMatch]:
        """Every backend's detection verdict, best first.

        Each plugin is asked on its own: one that fails on an odd document is skipped with
        a warning, so whatever a server sends never breaks connecting.
        """
        arguments = {"nodeinfo": nodeinfo, "instance": instance}
        matches: list[BackendMatch] = []
        for impl in reversed(self.pm.hook.mastodon_detect_backend.get_hookimpls()):  # pluggy's call order
            try:
                match: Any = impl.function(*(arguments[name] for name in impl.argnames))
            except Exception as exc:  # noqa: BLE001 - a plugin bug must not break connecting
                warnings.warn(f"backend plugin {impl.plugin_name!r} failed to examine the server: {exc!r}", stacklevel=2)
                continue
            if match:
                matches.append(match)
        return sorted(matches, key=lambda m: -m.score)

    def extra_endpoints(self) -> dict[str, Endpoint]:
        found: dict[str, Endpoint] = {}
        for batch in self.pm.hook.mastodon_extra_endpoints():
            for ep in batch or ():
                found[ep.name] = ep
        return found


class Hooks:
    """Typed calls into the hooks for one set of plugins (a backend chain)."""

    def __init__(self, pm: pluggy.PluginManager, excluded: list[object], registry: BackendRegistry) -> None:
        self.registry = registry
        hook = pm.hook
        if excluded:
            def sub(name: str) -> Any:
                return pm.subset_hook_caller(name, remove_plugins=excluded)
        else:
            def sub(name: str) -> Any:
                return getattr(hook, name)
        self._available = sub("mastodon_endpoint_available")
        self._prepare = sub("mastodon_prepare_params")
        self._route = sub("mastodon_route")
        self._headers = sub("mastodon_request_headers")
        self._error = sub("mastodon_error_message")
        self._decode = sub("mastodon_decode_options")
        self._normalize = sub("mastodon_normalize_response")
        self._dt_to_id = sub("mastodon_datetime_to_id")
        self._streaming = sub("mastodon_streaming_transport")
        self._parse_version = sub("mastodon_parse_version")
        self._global_parse_version = hook.mastodon_parse_version
        # Skip calling hooks that nobody implements (the common case on hot paths).
        self._has_prepare = bool(self._prepare.get_hookimpls())
        self._has_normalize = bool(self._normalize.get_hookimpls())
        self._has_route = bool(self._route.get_hookimpls())
        self._has_headers = bool(self._headers.get_hookimpls())

    def endpoint_available(self, ctx: ServerContext, endpoint: Endpoint) -> bool | str | None:
        result: bool | str | None = self._available(ctx=ctx, endpoint=endpoint)
        return result

    def prepare_params(self, ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]) -> None:
        if self._has_prepare:
            self._prepare(ctx=ctx, endpoint=endpoint, params=params, extensions=extensions)

    def route(self, ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any]) -> Route | None:
        if not self._has_route:
            return None
        result: Route | None = self._route(ctx=ctx, endpoint=endpoint, params=params)
        return result

    def request_headers(self, ctx: ServerContext, headers: dict[str, str]) -> None:
        if self._has_headers:
            self._headers(ctx=ctx, headers=headers)

    def error_message(self, ctx: ServerContext, response: requests.Response) -> str | ErrorDetails | None:
        result: str | ErrorDetails | None = self._error(ctx=ctx, response=response)
        return result

    def decode_options(self, ctx: ServerContext) -> DecodeOptions:
        result: DecodeOptions | None = self._decode(ctx=ctx)
        return result or DecodeOptions()

    def normalize_response(self, ctx: ServerContext, endpoint: Endpoint, result: Any) -> Any:
        """Normalise in place; returns a replacement for ``result``, or ``None`` to keep it."""
        if self._has_normalize:
            replacements = self._normalize(ctx=ctx, endpoint=endpoint, result=result)
            if replacements:
                return replacements[0]
        return None

    def datetime_to_id(self, ctx: ServerContext, value: datetime) -> int | str | None:
        result: int | str | None = self._dt_to_id(ctx=ctx, value=value)
        return result

    def streaming_transport(self, ctx: ServerContext, stream: str) -> str | None:
        result: str | None = self._streaming(ctx=ctx, stream=stream)
        return result

    def parse_version(self, version_string: str) -> ServerVersion | None:
        """Ask the active chain first, then every plugin."""
        result: ServerVersion | None = self._parse_version(version_string=version_string)
        if result is None:
            result = self._global_parse_version(version_string=version_string)
        return result


def _load_builtin(pm: pluggy.PluginManager, modules: Iterable[str]) -> None:
    for dotted in modules:
        try:
            module = importlib.import_module(dotted)
        except ImportError as exc:  # a partially installed tree should still work
            warnings.warn(f"built-in backend {dotted} could not be imported: {exc}", stacklevel=3)
            continue
        if pm.get_plugin(dotted) is None:
            pm.register(module, name=dotted)


def make_plugin_manager(load_entry_points: bool | None = None, builtins: Iterable[str] = BUILTIN_BACKENDS) -> pluggy.PluginManager:
    """A fresh plugin manager with the built-in backends and (optionally) installed ones."""
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    _load_builtin(pm, builtins)
    if load_entry_points is None:
        load_entry_points = os.environ.get(DISABLE_AUTOLOAD_ENV, "").strip().lower() in ("", "0", "false", "no")
    if load_entry_points:
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    pm.check_pending()
    return pm


_registry: BackendRegistry | None = None
_registry_lock = threading.Lock()


def get_registry() -> BackendRegistry:
    """The process-wide registry, built on first use (not at import time)."""
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                _registry = BackendRegistry(make_plugin_manager())
    return _registry


def register_plugin(plugin: object, name: str | None = None) -> None:
    """Register a plugin object at runtime (tests, inline plugins) and refresh backends."""
    registry = get_registry()
    try:
        registry.pm.register(plugin, name=name)
    except ValueError as exc:  # pluggy: the plugin or its name is registered already
        raise MastodonIllegalArgumentError(f"Cannot register plugin {name or plugin!r}: {exc}") from exc
    registry.pm.check_pending()
    registry.refresh()


def unregister_plugin(plugin: object | None = None, name: str | None = None) -> None:
    registry = get_registry()
    registry.pm.unregister(plugin=plugin, name=name)
    registry.refresh()


__all__ = [
    "ENTRY_POINT_GROUP",
    "DISABLE_AUTOLOAD_ENV",
    "BUILTIN_BACKENDS",
    "BackendRegistry",
    "Hooks",
    "make_plugin_manager",
    "get_registry",
    "register_plugin",
    "unregister_plugin",
]
