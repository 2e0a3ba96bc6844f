"""``Mastodon(..., plugins=[...])``: plugins for one client, not installed for the others."""

from __future__ import annotations

import types
from typing import Any

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError
from mastodon.plugin import BackendInfo, Route, get_registry, hookimpl


class Marker:
    """Marks every request of the client it is given to."""

    @hookimpl
    def mastodon_request_headers(self, headers: dict[str, str], call: Any) -> None:
        headers["X-Marker"] = call.endpoint.name


def tiny_backend() -> types.ModuleType:
    """A backend as a module (what a program would write in a file of its own)."""
    module = types.ModuleType("tinysoft_backend")

    @hookimpl
    def mastodon_backend_info() -> BackendInfo:
        return BackendInfo("tinysoft", "Tinysoft: statuses live elsewhere", extends="mainline")

    @hookimpl
    def mastodon_route(endpoint: Any) -> Route | None:
        return Route("GET", "/tiny/statuses/{id}") if endpoint.name == "status" else None

    module.mastodon_backend_info = mastodon_backend_info  # type: ignore[attr-defined]
    module.mastodon_route = mastodon_route  # type: ignore[attr-defined]
    return module


def test_a_plugin_changes_only_its_clients_requests(make_api, mock_http):
    mock_http.add("GET", "/api/v1/statuses/1", documented("Status"))
    plugged = make_api(plugins=[Marker()])
    plain = make_api()
    plugged.status(1)
    assert mock_http.last.headers["X-Marker"] == "status"
    plain.status(1)
    assert "X-Marker" not in mock_http.last.headers
    assert not any(p.__class__ is Marker for p in get_registry().pm.get_plugins())  # nothing installed


def test_a_backend_given_by_plugins_is_selectable(make_api, mock_http):
    mock_http.add("GET", "/tiny/statuses/4", documented("Status"))
    api = make_api(plugins=[tiny_backend()], feature_set="tinysoft")
    assert api.backend == "tinysoft"
    api.status(4)
    assert mock_http.last.path == "/tiny/statuses/4"
    with pytest.raises(MastodonIllegalArgumentError, match="Unknown feature_set 'tinysoft'"):
        make_api(feature_set="tinysoft")  # another client does not know it


def test_a_backend_given_by_plugins_is_detected(make_api, mock_http):
    nodeinfo = {"version": "2.0", "software": {"name": "tinysoft", "version": "1.0"}}
    mock_http.add("GET", "/.well-known/nodeinfo", {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "/nodeinfo/2.0"}]})
    mock_http.add("GET", "/nodeinfo/2.0", nodeinfo)
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    assert make_api(plugins=[tiny_backend()], feature_set="auto").detect_backend() == "tinysoft"


def test_without_plugins_the_client_shares_the_installed_registry(make_api):
    assert make_api()._registry is get_registry()
    assert make_api(plugins=[])._registry is get_registry()
    assert make_api(plugins=[Marker()])._registry is not get_registry()


class NoHooks:
    def mastodon_request_headers(self, headers: dict[str, str]) -> None:  # not decorated
        headers["X"] = "1"


class Misspelt:
    @hookimpl
    def mastodon_request_header(self, headers: dict[str, str]) -> None:
        pass


class UnknownArgument:
    @hookimpl
    def mastodon_request_headers(self, headers: dict[str, str], request: Any) -> None:
        pass


class TakesMainline:
    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("mainline", "a second mainline")


def _installed_backend() -> object:
    import mastodon_backends.pleroma

    return mastodon_backends.pleroma


MARKER = Marker()


@pytest.mark.parametrize(
    ("plugins", "message"),
    [
        pytest.param([NoHooks()], "'NoHooks' is not a plugin: it has no hook implementations", id="no-hooks"),
        pytest.param([object()], "'object' is not a plugin", id="object"),
        pytest.param([Misspelt()], "'Misspelt' was refused: .*mastodon_request_header", id="misspelt-hook"),
        pytest.param([UnknownArgument()], "'UnknownArgument' was refused: .*request", id="unknown-argument"),
        pytest.param([MARKER, MARKER], "'Marker' is given twice", id="twice"),
        pytest.param([_installed_backend()], "installed already", id="installed"),
        pytest.param([TakesMainline()], "declares the backend 'mainline', which is taken", id="backend-name-taken"),
        pytest.param([tiny_backend(), tiny_backend()], "declares the backend 'tinysoft', which is taken", id="same-backend-twice"),
        pytest.param(Marker(), "plugins must be a list", id="not-a-list"),
        pytest.param("mastodon_backends.pleroma", "plugins must be a list", id="a-name"),
    ],
)
def test_bad_plugins_are_refused_at_construction(make_api, mock_http, plugins: Any, message: str):
    with pytest.raises(MastodonIllegalArgumentError, match=message):
        make_api(plugins=plugins)
    assert mock_http.sent == []
