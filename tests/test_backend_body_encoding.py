"""A backend declares how request bodies and booleans are written (``BackendInfo``), without hooks."""

from __future__ import annotations

from typing import Any

import pytest
from support.mock_http import documented

from mastodon.plugin import BackendInfo, hookimpl
from mastodon.plugins import BackendRegistry, make_plugin_manager, register_plugin


class _Declared:
    def __init__(self, **declared: Any) -> None:
        self.declared = declared

    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("declared", extends="mainline", **self.declared)


@pytest.fixture
def declared(monkeypatch: pytest.MonkeyPatch, make_api: Any) -> Any:
    monkeypatch.setattr("mastodon.plugins._registry", BackendRegistry(make_plugin_manager(load_entry_points=False)))

    def build(version: str = "4.2.0", **declared: Any) -> Any:
        register_plugin(_Declared(**declared), name="declared")
        return make_api(version=version, feature_set="declared")

    return build


def test_boolean_words_in_queries_and_forms(declared, mock_http) -> None:
    api = declared(boolean_words=("true", "false"))
    mock_http.add("GET", "/api/v1/timelines/public", [])
    api.timeline_public(local=True)
    assert dict(mock_http.last.query) == {"local": "true"}
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    api.status_post("hi", sensitive=True)
    assert dict(mock_http.last.form)["sensitive"] == "true"


def test_json_bodies_with_json_booleans_and_arrays(declared, mock_http) -> None:
    api = declared(json_bodies=True, json_booleans=True, boolean_words=("true", "false"))
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    api.status_post("hi", media_ids=[1, 2], sensitive=True, poll=None)
    sent = mock_http.last.json
    assert (sent["status"], sent["media_ids"], sent["sensitive"]) == ("hi", [1, 2], True)
    mock_http.add("GET", "/api/v1/timelines/public", [])
    api.timeline_public(local=True)
    assert dict(mock_http.last.query) == {"local": "true"}  # queries keep the words


def test_json_routes_only_for_the_declared_calls(declared, mock_http) -> None:
    api = declared(json_routes=frozenset({("POST", "/api/v1/lists")}))
    mock_http.add("POST", "/api/v1/lists", {"id": "1", "title": "x"})
    api.list_create("x")
    assert mock_http.last.json == {"title": "x"}
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    api.status_post("hi")
    assert dict(mock_http.last.form) == {"status": "hi"}


def test_mainline_is_unchanged(make_api, mock_http) -> None:
    mock_http.add("GET", "/api/v1/timelines/public", [])
    make_api().timeline_public(local=True)
    assert dict(mock_http.last.query) == {"local": "1"}


def test_declared_refusals_and_routes(declared, mock_http, make_api) -> None:
    from mastodon import MastodonBackendFeatureError
    from mastodon.plugin import Route, Unsupported

    api = declared(
        unsupported=(
            Unsupported("no markers here", endpoint="markers_get"),
            Unsupported("no admin API", path_prefix="/api/v1/admin/"),
            Unsupported("filters are read-only", path_prefix="/api/v2/filters", method="POST"),
        ),
        routes={"instance_health": Route("GET", "/healthz")},
    )
    with pytest.raises(MastodonBackendFeatureError, match="no markers here"):
        api.markers_get()
    with pytest.raises(MastodonBackendFeatureError, match="no admin API"):
        api.admin_accounts()
    with pytest.raises(MastodonBackendFeatureError, match="read-only"):
        api.create_filter_v2("x", context=["home"], filter_action="warn")
    assert mock_http.sent == []
    mock_http.add("GET", "/healthz", "OK")
    api.instance_health()
    assert mock_http.last.path == "/healthz"
    hooks = api._pipeline.hooks
    from mastodon.plugin import ENDPOINTS

    assert hooks.endpoint_available(api.server_context, ENDPOINTS["admin_accounts"]) == "no admin API"  # what the matrix asks


def test_endpoints_served_beyond_the_reported_version_pass_the_version_gate(declared, mock_http) -> None:
    from mastodon import MastodonBackendFeatureError, MastodonVersionError
    from mastodon.plugin import Unsupported

    api = declared(
        version="3.4.1",
        served_beyond_version=frozenset({"tag_follow", "followed_tags"}),
        unsupported=(Unsupported("no tag listing", endpoint="followed_tags"),),
    )
    mock_http.add("POST", "/api/v1/tags/fedi/follow", {"name": "fedi", "url": "https://x.example/tags/fedi"})
    api.tag_follow("fedi")  # added in Mastodon 4.0.0
    assert mock_http.last.path == "/api/v1/tags/fedi/follow"
    with pytest.raises(MastodonVersionError, match=r"4\.0\.0"):
        api.tag_unfollow("fedi")  # not declared: the version gate still applies
    with pytest.raises(MastodonBackendFeatureError, match="no tag listing"):
        api.followed_tags()  # a declared refusal wins
    assert len(mock_http.sent) == 1


def test_the_version_gate_note_ends_version_refusals(declared, mock_http) -> None:
    from mastodon import MastodonVersionError

    api = declared(version="3.4.1", version_gate_note="this server reports a fixed API level")
    with pytest.raises(MastodonVersionError) as caught:
        api.tag_follow("fedi")
    assert str(caught.value) == (
        "Version check failed (Need Mastodon instance version 4.0.0 or greater for tag_follow, have 3.4.1)"
        ": this server reports a fixed API level"
    )
    with pytest.raises(MastodonVersionError, match=r"parameter 'types'.*: this server reports a fixed API level$"):
        api.notifications(types=["mention"])
    assert mock_http.sent == []


def test_unsupported_rules_match_exact_paths_and_whole_segments() -> None:
    from mastodon.plugin import Unsupported

    exact = Unsupported("no sign-up", method="POST", path="/api/v1/accounts")
    assert exact.matches("create_account", "POST", "/api/v1/accounts")
    assert exact.matches("create_account", "post", "/api/v1/accounts/")
    assert not exact.matches("account_follow", "POST", "/api/v1/accounts/{id}/follow")
    assert not exact.matches("account_search", "GET", "/api/v1/accounts")
    prefix = Unsupported("no streaming", path_prefix="/api/v1/streaming")
    assert prefix.matches("stream_user", "GET", "/api/v1/streaming/user")
    assert prefix.matches("stream_healthy", "GET", "/api/v1/streaming")
    assert not prefix.matches("other", "GET", "/api/v1/streamingfoo")
    assert Unsupported("no admin", path_prefix="/api/v1/admin/").matches("admin_accounts", "GET", "/api/v1/admin/accounts")


def test_declared_refusals_are_read_once_per_endpoint(declared) -> None:
    from mastodon.plugin import ENDPOINTS, Unsupported

    api = declared(unsupported=(Unsupported("no markers here", endpoint="markers_get"),))
    hooks = api._pipeline.hooks
    assert hooks.endpoint_available(api.server_context, ENDPOINTS["markers_get"]) == "no markers here"
    assert hooks.endpoint_available(api.server_context, ENDPOINTS["markers_set"]) is None
    assert hooks._refusals[("markers_get", "GET", ENDPOINTS["markers_get"].path)] == "no markers here"
