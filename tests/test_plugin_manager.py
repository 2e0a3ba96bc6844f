"""The plugin manager: autoload switch, duplicate registration, malformed versions."""

from __future__ import annotations

import pytest

from mastodon import MastodonIllegalArgumentError, MastodonMalformedVersionError, MastodonVersionError
from mastodon.plugins import DISABLE_AUTOLOAD_ENV, make_plugin_manager, register_plugin, unregister_plugin


@pytest.mark.parametrize(("value", "loads"), [("", True), ("0", True), ("false", True), ("1", False), ("yes", False)])
def test_autoload_switch(monkeypatch: pytest.MonkeyPatch, value: str, loads: bool) -> None:
    seen: list[str] = []
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, value)
    monkeypatch.setattr("pluggy.PluginManager.load_setuptools_entrypoints", lambda self, group, name=None: seen.append(group) or 0)
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
