"""Tests for the Examplesoft backend, on the project's in-process HTTP mock (``mock_http``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import example_backend
import pytest

from mastodon import MastodonVersionError
from mastodon.plugin import get_registry, register_plugin, unregister_plugin
from mastodon.testing.plugins import serve_server


@pytest.fixture
def examplesoft() -> Iterator[None]:
    if "examplesoft" in get_registry().backends:  # installed as a package: loaded already
        yield
        return
    register_plugin(example_backend, name="examplesoft")
    try:
        yield
    finally:
        unregister_plugin(name="examplesoft")


@pytest.fixture
def api(examplesoft: None, make_api: Any) -> Any:
    return make_api(version="examplesoft/1.4.0", feature_set="examplesoft")


def test_detection(examplesoft: None) -> None:
    best = get_registry().detect({"software": {"name": "examplesoft"}}, None)[0]
    assert (best.backend, best.score) == ("examplesoft", 100)


def test_detected_from_nodeinfo(plugin_registry: Any, make_api: Any, mock_http: Any) -> None:
    register_plugin(example_backend, name="examplesoft")
    serve_server(mock_http, software="examplesoft", instance={"version": "examplesoft/1.4.0"})
    assert make_api(version=None, feature_set="auto").backend == "examplesoft"


def test_version_string(api: Any) -> None:
    assert api.server_version.software_version == (1, 4, 0)
    assert api.mastodon_version == "4.0.0"


def test_gates_refuse_before_sending(api: Any, mock_http: Any) -> None:
    with pytest.raises(MastodonVersionError, match="no admin API"):
        api.admin_accounts()
    assert mock_http.sent == []


def test_local_only_post(api: Any, mock_http: Any) -> None:
    mock_http.add("POST", "/api/v1/statuses", {"id": "abc", "content": "hi"})
    status = api.status_post("hi", visibility="local")
    assert ("visibility", "public") in mock_http.last.form
    assert ("local_only", "1") in mock_http.last.form
    assert status.id == "abc"  # ids stay strings
    assert status.emojis == []  # filled in by the normalisation hook


def test_health_route(api: Any, mock_http: Any) -> None:
    mock_http.add("GET", "/healthz", "OK")
    api.instance_health()
    assert mock_http.last.path == "/healthz"
