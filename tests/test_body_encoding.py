"""How a backend declares its wire encoding (``BackendInfo.boolean_words``, ``json_routes``,
``json_booleans``), and bare version strings claimed only by the active backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mastodon.plugin import ENDPOINTS, BackendInfo, ServerVersion, hookimpl
from mastodon.plugins import get_registry, register_plugin, unregister_plugin

NAME = "wordy-standin"


class Wordy:
    """A server that reads only true/false, and statuses and lists only as JSON."""

    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo(
            NAME,
            "test stand-in",
            boolean_words=("true", "false"),
            json_routes=frozenset({("POST", "/api/v1/statuses"), ("POST", "/api/v1/lists")}),
            json_booleans=True,
        )

    @hookimpl
    def mastodon_parse_version(self, version_string: str, backend: str | None) -> ServerVersion | None:
        if backend == NAME and version_string == "0.3.0":
            return ServerVersion(mastodon=(4, 2, 0), software=NAME, software_version=(0, 3, 0), raw=version_string)
        return None


@pytest.fixture
def wordy(make_api) -> Iterator:  # type: ignore[no-untyped-def]
    plugin = Wordy()
    register_plugin(plugin, name=NAME)
    try:
        yield make_api(version="4.2.0", feature_set=NAME)
    finally:
        unregister_plugin(plugin)


def test_query_and_form_booleans_use_the_declared_words(wordy, mock_http) -> None:  # type: ignore[no-untyped-def]
    mock_http.add("GET", "/api/v1/timelines/public", [])
    mock_http.add("PATCH", "/api/v1/accounts/update_credentials", {"id": "1"})
    wordy.timeline_public(local=True, only_media=False)
    wordy.account_update_credentials(locked=False, bot=True)
    assert ("local", "true") in mock_http.sent[0].query
    assert mock_http.sent[1].form == [("locked", "false"), ("bot", "true")]


def test_declared_routes_go_as_json_with_json_booleans(wordy, mock_http) -> None:  # type: ignore[no-untyped-def]
    mock_http.add("POST", "/api/v1/statuses", {"id": "1", "content": ""})
    mock_http.add("POST", "/api/v1/lists", {"id": "1", "title": "t"})
    wordy.status_post("hi", sensitive=True, spoiler_text="true")
    wordy.list_create("t")
    assert mock_http.sent[0].json == {"status": "hi", "sensitive": True, "spoiler_text": "true"}  # a text stays a text
    assert mock_http.sent[1].json == {"title": "t"}


def test_a_declared_route_with_files_stays_multipart(wordy, mock_http) -> None:  # type: ignore[no-untyped-def]
    mock_http.add("POST", "/api/v1/statuses", {"id": "1", "content": ""})
    wordy._pipeline.call(ENDPOINTS["status_post"], {"status": "hi"}, files={"file": ("a.txt", b"x", "text/plain")})
    assert mock_http.last.multipart and mock_http.last.json is None


def test_mainline_encoding_is_unchanged(make_api, mock_http) -> None:  # type: ignore[no-untyped-def]
    api = make_api(version="4.2.0")
    mock_http.add("POST", "/api/v1/statuses", {"id": "1", "content": ""})
    mock_http.add("GET", "/api/v1/timelines/public", [])
    api.status_post("hi", sensitive=True)
    api.timeline_public(local=True)
    assert ("sensitive", "1") in mock_http.sent[0].form and mock_http.sent[0].json is None
    assert ("local", "1") in mock_http.sent[1].query


def test_a_bare_version_is_claimed_only_by_the_active_backend(wordy, make_api) -> None:  # type: ignore[no-untyped-def]
    registry = get_registry()
    assert registry.hooks_for(NAME).parse_version("0.3.0").software == NAME
    for hooks in (registry.hooks_for("mainline"), registry.all_hooks):
        other = hooks.parse_version("0.3.0")
        assert other is None or other.software != NAME
    assert make_api(version="0.3.0", feature_set=NAME).server_version.mastodon == (4, 2, 0)
