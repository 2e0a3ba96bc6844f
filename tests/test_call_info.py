"""Per-call hooks see the call itself: endpoint, the caller's arguments, parameters, extensions, route, state."""

from __future__ import annotations

from typing import Any

import pytest
from support.mock_http import documented

from mastodon.plugin import BackendInfo, CallInfo, Endpoint, Route, hookimpl
from mastodon.plugins import BackendRegistry, make_plugin_manager, register_plugin


class _Watcher:
    """A backend that keeps what its hooks saw of each call."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, Any]] = []

    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("watcher", extends="mainline")

    @hookimpl
    def mastodon_prepare_params(self, call: CallInfo) -> None:
        self.seen.append(("prepare", dict(call.arguments)))
        call.state["wanted"] = call.extensions.get("emoji")

    @hookimpl
    def mastodon_route(self, endpoint: Endpoint, call: CallInfo) -> Route | None:
        self.seen.append(("route", call.route))
        return Route("GET", "/api/v1/statuses/{id}") if endpoint.name == "status_emoji_reactions" else None

    @hookimpl
    def mastodon_normalize_response(self, result: Any, call: CallInfo) -> Any:
        self.seen.append(("normalize", (call.endpoint.name, call.route, call.state.get("wanted"))))
        return None


@pytest.fixture
def watcher(monkeypatch: pytest.MonkeyPatch) -> _Watcher:
    monkeypatch.setattr("mastodon.plugins._registry", BackendRegistry(make_plugin_manager(load_entry_points=False)))
    plugin = _Watcher()
    register_plugin(plugin, name="watcher")
    return plugin


def test_hooks_of_one_call_share_its_call_object(watcher, make_api, mock_http) -> None:
    api = make_api(feature_set="watcher")
    mock_http.add("GET", "/api/v1/statuses/5", documented("Status"))
    api.call_endpoint("status_emoji_reactions", id=5, emoji="blobcat")
    assert watcher.seen == [
        ("prepare", {"id": 5, "emoji": "blobcat"}),
        ("route", None),
        ("normalize", ("status_emoji_reactions", Route("GET", "/api/v1/statuses/{id}"), "blobcat")),
    ]


def test_a_call_without_a_backend_route_records_its_own(watcher, make_api, mock_http) -> None:
    api = make_api(feature_set="watcher")
    mock_http.add("GET", "/api/v1/statuses/7", documented("Status"))
    api.status(7)
    assert watcher.seen[-1] == ("normalize", ("status", Route("GET", "/api/v1/statuses/{id}"), None))


def test_call_info_shows_what_it_holds() -> None:
    from mastodon.plugin import ENDPOINTS

    call = CallInfo(ENDPOINTS["status"], {"id": 1})
    assert "status" in repr(call) and call.params == {} and call.state == {} and call.route is None
