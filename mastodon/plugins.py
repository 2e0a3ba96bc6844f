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
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .backend_types import (
    NOT_SUPPORTED,
    BackendInfo,
    BackendMatch,
    CallInfo,
    DecodeOptions,
    ErrorDetails,
    NotSupported,
    Route,
    ServerContext,
)
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


#: Detection scores from here up mean "certain": the backend recognised the software by name.
CERTAIN = 100


def _dig(document: Any, *keys: str) -> Any:
    for key in keys:
        document = document.get(key) if isinstance(document, dict) else None
    return document


def _lower(value: Any) -> str | None:
    return value.strip().lower() if isinstance(value, str) and value.strip() else None


def _software_name(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> str | None:
    """The software name a server gives: nodeinfo's, else the version string's ``(compatible; Name``."""
    name = _lower(_dig(nodeinfo, "software", "name"))
    if name is not None or nodeinfo is not None:
        return name
    version = _dig(instance, "version")
    if isinstance(version, str) and "(compatible" in version.lower():
        import re

        found = re.search(r"\(compatible[;:]\s*([A-Za-z][\w.-]*)", version, re.IGNORECASE)
        if found:
            return found[1].lower()
    return None


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
                facade = self._facades[backend] = Hooks(self.pm, self, backend)
        return facade

    @property
    def all_hooks(self) -> Hooks:
        """A facade over every plugin (used for discovery before a backend is chosen)."""
        facade = self._facades.get("\0all")
        if facade is None:
            facade = self._facades["\0all"] = Hooks(self.pm, self)
        return facade

    def detect(self, nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> list[BackendMatch]:
        """Every backend's detection verdict that fits what the server says it is, best first.

        Each plugin is asked on its own: one that fails on an odd document is skipped with
        a warning, so whatever a server sends never breaks connecting. What the server says
        it is (see :func:`rank_matches`) outranks feature flags that other servers copy.
        """
        arguments = {"nodeinfo": nodeinfo, "instance": instance}
        matches: list[BackendMatch] = []
        for impl in reversed(self.pm.hook.mastodon_detect_backend.get_hookimpls()):  # pluggy's call order
            try:
                match: Any = impl.function(*(arguments[name] for name in impl.argnames))
            except Exception as exc:  # noqa: BLE001 - a plugin bug must not break connecting
                warnings.warn(f"backend plugin {impl.plugin_name!r} failed to examine the server: {exc!r}", stacklevel=2)
                continue
            if isinstance(match, BackendMatch) and match.backend in self.backends:
                matches.append(match)
        return self.rank_matches(matches, nodeinfo, instance)

    def claimants(self, software: str, matches: list[BackendMatch]) -> set[str]:
        """Backends that answer to the software name ``software`` (lower case).

        A backend answers to its own name, to its ``BackendInfo.software_names``, and to
        whatever it matched with a certain score (100 or more).
        """
        found = {name for name, info in self.backends.items() if software == name or software in info.software_names}
        return found | {m.backend for m in matches if m.score >= CERTAIN}

    def rank_matches(
        self, matches: list[BackendMatch], nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None
    ) -> list[BackendMatch]:
        """Order detection verdicts by what the server says it is.

        When the nodeinfo ``software.name`` (or, without nodeinfo, the ``(compatible; Name
        x.y)`` part of the version string) names the software, only backends answering to
        that name (or to its ``metadata.upstream.name``) count, with the backends that
        extend them first and those they extend last; a software no backend answers to
        leaves no match (the client then uses mainline, with a warning). Otherwise the
        highest score wins.
        """
        by_score = sorted(matches, key=lambda m: -m.score)
        software = _software_name(nodeinfo, instance)
        if software is None:
            return by_score
        claimed = self.claimants(software, by_score)
        if not claimed:
            upstream = _lower(_dig(nodeinfo, "metadata", "upstream", "name"))
            claimed = {n for n, i in self.backends.items() if upstream in (n, *i.software_names)} if upstream else set()
        if not claimed:
            return []
        matched = {m.backend for m in by_score}
        for name in sorted(claimed - matched):  # answers to the name without detecting it itself
            by_score.append(BackendMatch(name, CERTAIN, f"the server names its software {software!r}"))
        place: dict[str, int] = {}
        for name in self.backends:
            lineage = self.chain(name)
            if any(c in lineage[1:] for c in claimed):
                place[name] = 0  # extends a claimant: a refinement of what the server says
            elif name in claimed:
                place[name] = 1
            elif any(name in self.chain(c)[1:] for c in claimed):
                place[name] = 2  # a claimant extends it: right, but less specific
        return sorted((m for m in by_score if m.backend in place), key=lambda m: (place[m.backend], -m.score))

    def extra_endpoints(self) -> dict[str, Endpoint]:
        found: dict[str, Endpoint] = {}
        for batch in self.pm.hook.mastodon_extra_endpoints():
            for ep in batch or ():
                found[ep.name] = ep
        return found


#: Set to a non-empty value to have every per-call hook answer written to standard error
#: (which plugin answered which hook, and with what).
TRACE_ENV = "MASTODON_TRACE_HOOKS"


_Impl = tuple[str, Callable[..., Any], tuple[str, ...]]


class HookCaller:
    """Calls one hook's implementations in backend chain order (a backend before the one it extends).

    Plugins that are not backends come first (in pluggy's order: the latest registered
    first), then the active backend, then each backend it extends; ``tryfirst`` and
    ``trylast`` order implementations within one plugin's place.
    """

    __slots__ = ("firstresult", "impls", "name", "trace")

    def __init__(self, name: str, impls: list[_Impl], firstresult: bool, trace: bool) -> None:
        self.name, self.impls, self.firstresult, self.trace = name, impls, firstresult, trace

    def __bool__(self) -> bool:
        return bool(self.impls)

    def __call__(self, **kwargs: Any) -> Any:
        if self.firstresult:
            for plugin, function, argnames in self.impls:
                result = function(*[kwargs[arg] for arg in argnames])
                if result is not None:
                    if self.trace:
                        _trace(self.name, plugin, result)
                    return result
            if self.trace:
                _trace(self.name, None, None)
            return None
        results = []
        for plugin, function, argnames in self.impls:
            result = function(*[kwargs[arg] for arg in argnames])
            if self.trace:
                _trace(self.name, plugin, result)
            if result is not None:
                results.append(result)
        return results


def _trace(hook: str, plugin: str | None, result: Any) -> None:
    import sys

    who = plugin if plugin is not None else "(no plugin answered)"
    sys.stderr.write(f"mastodon hook {hook}: {who} -> {result!r}\n")


class Hooks:
    """Typed calls into the hooks for one set of plugins (a backend chain)."""

    def __init__(self, pm: pluggy.PluginManager, registry: BackendRegistry, backend: str | None = None) -> None:
        self.registry = registry
        #: The backend whose chain these hooks call (``None``: every plugin, no client).
        self.backend = backend
        trace = bool(os.environ.get(TRACE_ENV, "").strip())
        chain = registry.chain(backend) if backend is not None else []
        rank: dict[object, int] = {}
        for name, plugin in registry._plugin_of.items():
            rank[plugin] = chain.index(name) + 1 if name in chain else (-1 if backend is not None else 0)

        def sub(name: str) -> HookCaller:
            caller = getattr(pm.hook, name)
            ordered: list[tuple[tuple[int, int], _Impl]] = []
            for impl in reversed(caller.get_hookimpls()):  # pluggy's own call order
                place = rank.get(impl.plugin, 0)
                if place < 0:
                    continue  # a backend outside the active chain
                tier = 0 if impl.tryfirst else 2 if impl.trylast else 1
                ordered.append(((place, tier), (impl.plugin_name, impl.function, tuple(impl.argnames))))
            ordered.sort(key=lambda item: item[0])
            firstresult = bool(caller.spec and caller.spec.opts.get("firstresult"))
            return HookCaller(name, [impl for _, impl in ordered], firstresult, trace)

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
        self._global_parse_version = pm.hook.mastodon_parse_version
        # Skip calling hooks that nobody implements (the common case on hot paths).
        self._has_prepare = bool(self._prepare)
        self._has_normalize = bool(self._normalize)
        self._has_route = bool(self._route)
        self._has_headers = bool(self._headers)
        infos = registry.chain_infos(backend) if backend is not None else []
        #: Declared refusals and routes of the chain, the active backend's first.
        self._unsupported = tuple(rule for info in infos for rule in info.unsupported)
        #: (endpoint name, method, path) -> what the rules say (the rules are scanned once per endpoint).
        self._refusals: dict[tuple[str, str, str], str | bool | None] = {}
        self._routes: dict[str, Route] = {}
        for info in reversed(infos):
            self._routes.update(info.routes)
        #: Endpoints the chain declares served whatever Mastodon version the server reports.
        self.served_beyond_version = frozenset(name for info in infos for name in info.served_beyond_version)
        #: ``"endpoint.parameter"`` entries the chain declares taken whatever version the server reports.
        self.params_beyond_version = frozenset(name for info in infos for name in info.params_beyond_version)
        #: The active backend's (else the nearest extended one's) note on its version gate.
        self.version_gate_note = next((info.version_gate_note for info in infos if info.version_gate_note), "")
        self._has_route = self._has_route or bool(self._routes)

    def endpoint_available(self, ctx: ServerContext, endpoint: Endpoint) -> bool | str | None:
        """``True`` (allowed), ``False`` or a reason (refused), ``None`` (the core's version gate decides)."""
        result: bool | str | None = self._available(ctx=ctx, endpoint=endpoint)
        if result is NOT_SUPPORTED:
            return False
        if result is None and self._unsupported:
            refusal = self.declared_refusal(endpoint)
            if refusal is not None:
                return refusal
        if result is None and (endpoint.name in self._routes or endpoint.name in self.served_beyond_version):
            return True  # a declared route serves it, or the backend says the server does
        return result

    def declared_refusal(self, endpoint: Endpoint) -> str | bool | None:
        """The reason of the chain's first ``Unsupported`` rule matching ``endpoint`` (or ``None``)."""
        key = (endpoint.name, endpoint.method, endpoint.path)
        try:
            return self._refusals[key]
        except KeyError:
            pass
        found: str | bool | None = None
        for rule in self._unsupported:
            if rule.matches(*key):
                found = rule.reason or False
                break
        self._refusals[key] = found
        return found

    def prepare_params(
        self, ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any], call: CallInfo | None = None
    ) -> None:
        if self._has_prepare:
            if call is None:
                call = CallInfo(endpoint, params=params, extensions=extensions)
            self._prepare(ctx=ctx, endpoint=endpoint, params=params, extensions=extensions, call=call)

    def route(
        self, ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], call: CallInfo | None = None
    ) -> Route | NotSupported | None:
        """The backend's route, ``None`` (the endpoint's own) or :data:`NOT_SUPPORTED` (refuse)."""
        if not self._has_route:
            return None
        result: Route | NotSupported | None = None
        if self._route:
            if call is None:
                call = CallInfo(endpoint, params=params)
            result = self._route(ctx=ctx, endpoint=endpoint, params=params, call=call)
        if result is None:
            result = self._routes.get(endpoint.name)
        return result

    def request_headers(self, ctx: ServerContext, headers: dict[str, str], call: CallInfo) -> None:
        if self._has_headers:
            self._headers(ctx=ctx, headers=headers, call=call)

    def error_message(self, ctx: ServerContext, response: requests.Response, call: CallInfo) -> str | ErrorDetails | None:
        result: str | ErrorDetails | None = self._error(ctx=ctx, response=response, call=call)
        return None if result is NOT_SUPPORTED else result

    def decode_options(self, ctx: ServerContext) -> DecodeOptions:
        result: DecodeOptions | None = self._decode(ctx=ctx)
        return result if isinstance(result, DecodeOptions) else DecodeOptions()

    def normalize_response(self, ctx: ServerContext, endpoint: Endpoint, result: Any, call: CallInfo | None = None) -> Any:
        """Normalise in place; returns a replacement for ``result``, or ``None`` to keep it."""
        if self._has_normalize:
            if call is None:
                call = CallInfo(endpoint)
            replacements = self._normalize(ctx=ctx, endpoint=endpoint, result=result, call=call)
            if replacements:
                return replacements[0]
        return None

    def datetime_to_id(self, ctx: ServerContext, value: datetime) -> int | str | None:
        result: int | str | None = self._dt_to_id(ctx=ctx, value=value)
        return None if result is NOT_SUPPORTED else result

    def streaming_transport(self, ctx: ServerContext, stream: str) -> str | None:
        result: str | None = self._streaming(ctx=ctx, stream=stream)
        return None if result is NOT_SUPPORTED else result

    def parse_version(self, version_string: str) -> ServerVersion | None:
        """Ask the active chain first, then every plugin."""
        result: ServerVersion | None = self._parse_version(version_string=version_string, backend=self.backend)
        if result is NOT_SUPPORTED:
            return None
        if result is None:
            result = self._global_parse_version(version_string=version_string, backend=self.backend)
        return None if result is NOT_SUPPORTED else result


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
    pm.check_pending()
    if load_entry_points:
        load_entry_point_plugins(pm)
    return pm


def load_entry_point_plugins(pm: pluggy.PluginManager, group: str = ENTRY_POINT_GROUP) -> list[str]:
    """Register the installed plugins of ``group`` one by one; returns the names loaded.

    A plugin that fails to import, or that pluggy rejects (a misspelt hook, a hook argument
    that does not exist), is skipped with a :class:`~mastodon.MastodonWarning`; the others
    keep working.
    """
    from importlib.metadata import entry_points

    loaded: list[str] = []
    for entry in entry_points(group=group):
        if pm.get_plugin(entry.name) is not None or pm.is_blocked(entry.name):
            continue
        try:
            plugin = entry.load()
            pm.register(plugin, name=entry.name)
        except Exception as exc:  # noqa: BLE001 - one broken plugin must not break the others
            _skip_plugin(pm, entry.name, entry.value, exc)
            continue
        try:
            pm.check_pending()
        except pluggy.PluginValidationError as exc:
            _skip_plugin(pm, entry.name, entry.value, exc)
            continue
        loaded.append(entry.name)
    return loaded


def _skip_plugin(pm: pluggy.PluginManager, name: str, target: str, exc: BaseException) -> None:
    from .errors import MastodonWarning

    if pm.get_plugin(name) is not None:
        pm.unregister(name=name)
    warnings.warn(f"backend plugin {name!r} ({target}) was skipped: {exc}", MastodonWarning, stacklevel=4)


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


def client_registry(plugins: Iterable[object], base: BackendRegistry | None = None) -> BackendRegistry:
    """A registry for one client: the installed plugins (those of ``base``, else the process-wide
    registry's, as they are now) and ``plugins``, which no other client sees.

    Each of ``plugins`` is an object or module with :data:`~mastodon.plugin.hookimpl`
    functions; a backend among them can be chosen with ``feature_set``. Raises
    :class:`MastodonIllegalArgumentError` for something that is not a plugin (no hook
    implementation), one pluggy rejects (a misspelt hook, an unknown hook argument), a
    plugin given twice or installed already, and a backend name that is taken.
    """
    if isinstance(plugins, (str, bytes)) or not isinstance(plugins, Iterable):
        raise MastodonIllegalArgumentError(f"plugins must be a list of plugin objects or modules, not {type(plugins).__name__}")
    base = base if base is not None else get_registry()
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    for name, installed in base.pm.list_name_plugin():
        if installed is not None:
            pm.register(installed, name=name)
    taken = set(base.backends)
    for plugin in plugins:
        _register_client_plugin(pm, plugin, taken)
    return BackendRegistry(pm)


def _register_client_plugin(pm: pluggy.PluginManager, plugin: object, taken: set[str]) -> None:
    """Register one of a client's plugins in ``pm``, or raise; adds the backend it declares to ``taken``."""
    label = getattr(plugin, "__name__", None) or type(plugin).__name__
    if pm.is_registered(plugin):
        raise MastodonIllegalArgumentError(f"Plugin {label!r} is given twice, or is installed already")
    try:
        name = pm.register(plugin, name=f"{label}@client-{id(plugin):x}")
    except (ValueError, pluggy.PluginValidationError) as exc:
        raise MastodonIllegalArgumentError(f"Plugin {label!r} was refused: {exc}") from exc
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise MastodonIllegalArgumentError(f"Plugin {label!r} was refused: {exc}") from exc
    if name is None or not pm.get_hookcallers(plugin):
        raise MastodonIllegalArgumentError(
            f"{label!r} is not a plugin: it has no hook implementations (functions named like the "
            "hooks, decorated with mastodon.plugin.hookimpl)"
        )
    for impl in pm.hook.mastodon_backend_info.get_hookimpls():
        info = impl.function() if impl.plugin is plugin else None
        if isinstance(info, BackendInfo):
            if info.name in taken:
                raise MastodonIllegalArgumentError(f"Plugin {label!r} declares the backend {info.name!r}, which is taken already")
            taken.add(info.name)


__all__ = [
    "ENTRY_POINT_GROUP",
    "DISABLE_AUTOLOAD_ENV",
    "BUILTIN_BACKENDS",
    "BackendRegistry",
    "Hooks",
    "HookCaller",
    "TRACE_ENV",
    "load_entry_point_plugins",
    "make_plugin_manager",
    "client_registry",
    "get_registry",
    "register_plugin",
    "unregister_plugin",
]
