"""The test kit for plugin authors: isolated registry, detection documents, decoded-path routes, missing-route message."""

from __future__ import annotations

import pytest

from mastodon import MastodonNotFoundError
from mastodon.plugin import BackendInfo, get_registry, hookimpl, register_plugin
from mastodon.testing.plugins import serve_server


class _Smallsoft:
    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("smallsoft", extends="mainline", software_names=("smallsoft",))


def test_the_isolated_registry_holds_the_builtins_and_my_plugin_only(plugin_registry) -> None:
    assert get_registry() is plugin_registry
    assert "mainline" in plugin_registry.backends
    assert not {"gotosocial", "takahe"} & set(plugin_registry.backends)  # installed plugins stay out
    register_plugin(_Smallsoft(), name="smallsoft")
    assert "smallsoft" in plugin_registry.backends


def test_the_process_registry_never_saw_the_test_plugin() -> None:
    assert "smallsoft" not in get_registry().backends


def test_detection_documents_pick_my_backend(plugin_registry, make_api, mock_http) -> None:
    register_plugin(_Smallsoft(), name="smallsoft")
    serve_server(mock_http, software="smallsoft", software_version="4.0.0")
    api = make_api(version=None, feature_set="auto")
    api.instance_v1()
    assert api.backend == "smallsoft"
    assert ("GET", "/nodeinfo/2.0") in [(s.method, s.path) for s in mock_http.sent]


def test_routes_match_decoded_paths(api, mock_http) -> None:
    mock_http.add("GET", "/api/v1/tags/café", {"name": "café", "url": "https://mastodon.example/tags/caf%C3%A9"})
    assert api.tag("café").name == "café"
    assert mock_http.last.path == "/api/v1/tags/caf%C3%A9"
    assert mock_http.last.decoded_path == "/api/v1/tags/café"


def test_a_missing_route_says_so(api, mock_http) -> None:
    with pytest.raises(MastodonNotFoundError, match="no mock route for POST /api/v1/statuses"):
        api.status_post("hi")
