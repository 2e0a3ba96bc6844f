"""The plugin manager: autoload switch, duplicate registration, malformed versions."""

from __future__ import annotations

import pytest

from mastodon import MastodonIllegalArgumentError, MastodonMalformedVersionError, MastodonVersionError
from mastodon.plugin import NOT_SUPPORTED, BackendInfo, hookimpl
from mastodon.plugins import (
    DISABLE_AUTOLOAD_ENV,
    TRACE_ENV,
    BackendRegistry,
    make_plugin_manager,
    register_plugin,
    unregister_plugin,
)


@pytest.mark.parametrize(("value", "loads"), [("", True), ("0", True), ("false", True), ("1", False), ("yes", False)])
def test_autoload_switch(monkeypatch: pytest.MonkeyPatch, value: str, loads: bool) -> None:
    seen: list[str] = []
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, value)
    monkeypatch.setattr("mastodon.plugins.load_entry_point_plugins", lambda pm, group="mastodon.backends": seen.append(group) or [])
    make_plugin_manager()
    assert seen == (["mastodon.backends"] if loads else [])


def test_registering_a_plugin_twice_is_a_clear_error() -> None:
    class Plugin:
        pass

    plugin = Plugin()
    register_plugin(plugin, name="twice")
    try:
        with pytest.raises(MastodonIllegalArgumentError, match="Cannot register plugin"):
            register_plugin(plugin, name="twice")
    finally:
        unregister_plugin(plugin)


def test_malformed_version_is_both_an_argument_and_a_version_error(make_api) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MastodonMalformedVersionError) as caught:
        make_api(version="four point two")
    assert isinstance(caught.value, MastodonIllegalArgumentError)
    assert isinstance(caught.value, MastodonVersionError)


# -- installed plugins are loaded one by one ---------------------------------------------------


class _EntryPoint:
    """A stand-in for an installed ``mastodon.backends`` entry point."""

    def __init__(self, name: str, load: object) -> None:
        self.name, self.value, self._load = name, f"fake_{name}:plugin", load

    def load(self) -> object:
        if isinstance(self._load, Exception):
            raise self._load
        return self._load


class _Misspelt:
    @hookimpl
    def mastodon_backend_infos(self) -> BackendInfo:  # one letter too many
        return BackendInfo("misspelt")


class _WrongArgument:
    @hookimpl
    def mastodon_route(self, ctx, endpoint, parameters):  # type: ignore[no-untyped-def]
        return None


class _Good:
    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("goodone", extends="mainline")


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> list[_EntryPoint]:
    entries = [
        _EntryPoint("broken-import", ImportError("No module named 'missing_dependency'")),
        _EntryPoint("misspelt", _Misspelt()),
        _EntryPoint("wrong-argument", _WrongArgument()),
        _EntryPoint("good", _Good()),
    ]
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: entries if group == "mastodon.backends" else [])
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    return entries


def test_a_broken_installed_plugin_is_skipped_with_a_warning(installed, monkeypatch, make_api) -> None:
    with pytest.warns(UserWarning) as caught:
        registry = BackendRegistry(make_plugin_manager())
    skipped = sorted(str(w.message).split("'")[1] for w in caught if "was skipped" in str(w.message))
    assert skipped == ["broken-import", "misspelt", "wrong-argument"]
    assert "missing_dependency" in " ".join(str(w.message) for w in caught)
    assert "goodone" in registry.backends and "mainline" in registry.backends
    monkeypatch.setattr("mastodon.plugins._registry", registry)
    assert make_api(feature_set="mainline").backend == "mainline"
    assert make_api(feature_set="goodone").backend == "goodone"


def test_the_process_registry_survives_a_broken_plugin(installed, monkeypatch, make_api) -> None:
    monkeypatch.setattr("mastodon.plugins._registry", None)
    with pytest.warns(UserWarning, match="was skipped"):
        api = make_api(feature_set="mainline")
    assert api.backend == "mainline"


# -- per-call hooks follow the backend chain ---------------------------------------------------


class _Parent:
    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("parent", extends="mainline")

    @hookimpl
    def mastodon_streaming_transport(self, ctx, stream):  # type: ignore[no-untyped-def]
        return "sse"


class _Child:
    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("child", extends="parent")

    @hookimpl
    def mastodon_streaming_transport(self, ctx, stream):  # type: ignore[no-untyped-def]
        return "websocket"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> BackendRegistry:
    registry = BackendRegistry(make_plugin_manager(load_entry_points=False))
    monkeypatch.setattr("mastodon.plugins._registry", registry)
    return registry


@pytest.mark.parametrize("child_first", [True, False])
def test_a_backend_is_asked_before_the_one_it_extends_whatever_the_registration_order(fresh, make_api, child_first) -> None:
    plugins = [(_Child(), "child"), (_Parent(), "parent")]
    for plugin, name in plugins if child_first else reversed(plugins):
        register_plugin(plugin, name=name)
    api = make_api(feature_set="child")
    assert api._pipeline.hooks.streaming_transport(api.server_context, "user") == "websocket"
    parent = make_api(feature_set="parent")
    assert parent._pipeline.hooks.streaming_transport(parent.server_context, "user") == "sse"


class _NoSnowflakes:
    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("nosnow", extends="mainline")

    @hookimpl
    def mastodon_datetime_to_id(self, ctx, value):  # type: ignore[no-untyped-def]
        return NOT_SUPPORTED


def test_not_supported_switches_off_an_inherited_first_result_hook(fresh, make_api, mock_http) -> None:
    from datetime import datetime, timezone

    register_plugin(_NoSnowflakes(), name="nosnow")
    api = make_api(feature_set="nosnow")
    with pytest.raises(MastodonIllegalArgumentError, match="Datetimes cannot be used as ids on the 'nosnow' backend"):
        api.timeline_home(max_id=datetime(2024, 1, 1, tzinfo=timezone.utc))
    assert mock_http.sent == []


def test_not_supported_refuses_a_route(fresh, make_api, mock_http) -> None:
    from mastodon import MastodonBackendFeatureError

    class NoRoute(_NoSnowflakes):
        @hookimpl
        def mastodon_route(self, ctx, endpoint):  # type: ignore[no-untyped-def]
            return NOT_SUPPORTED if endpoint.name == "timeline_home" else None

    register_plugin(NoRoute(), name="nosnow")
    with pytest.raises(MastodonBackendFeatureError):
        make_api(feature_set="nosnow").timeline_home()
    assert mock_http.sent == []


def test_the_trace_variable_names_the_plugin_that_answered(fresh, make_api, monkeypatch, capsys) -> None:
    monkeypatch.setenv(TRACE_ENV, "1")
    register_plugin(_Parent(), name="parent")
    register_plugin(_Child(), name="child")
    api = make_api(feature_set="child")
    api._pipeline.hooks.streaming_transport(api.server_context, "user")
    assert "mastodon hook mastodon_streaming_transport: child -> 'websocket'" in capsys.readouterr().err


def test_data_types_show_their_fields_in_their_signature() -> None:
    import inspect

    from mastodon.plugin import BackendMatch, Route, ServerContext, ServerVersion

    assert list(inspect.signature(Route).parameters) == ["method", "path"]
    assert list(inspect.signature(BackendMatch).parameters) == ["backend", "score", "reason"]
    assert "sample_versions" in inspect.signature(BackendInfo).parameters
    assert inspect.signature(BackendInfo).parameters["extends"].default is None
    assert "api_base_url" in inspect.signature(ServerContext).parameters
    assert "mastodon" in inspect.signature(ServerVersion).parameters
