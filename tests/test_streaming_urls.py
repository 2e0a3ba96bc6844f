"""Streaming URLs: the advertised base, scheme fixes, SSE routes and WebSocket queries."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from mastodon.streaming.urls import StreamSpec, advertised_streaming_url, sse_url, streaming_base, websocket_url


@pytest.mark.parametrize(
    ("api", "advertised", "expected"),
    [
        # nothing advertised: the API host
        ("https://example.social", None, "https://example.social"),
        ("https://example.social/", "", "https://example.social"),
        # a separate streaming host is used as given
        ("https://example.social", "wss://streaming.example.social", "wss://streaming.example.social"),
        ("https://example.social", "wss://example.social/", "wss://example.social"),
        # http API, secure scheme advertised for the same host: the server cannot serve it
        ("http://localhost:8080", "wss://localhost:8080", "http://localhost:8080"),
        ("http://localhost:8080", "https://localhost:8080", "http://localhost:8080"),
        ("http://example.test", "wss://example.test", "http://example.test"),
        ("http://LOCALHOST:8080", "wss://localhost:8080/", "http://LOCALHOST:8080"),
        # reached by IP, the server's own name advertised for the same port: the API host
        ("http://127.0.0.1:8080", "wss://localhost:8080", "http://127.0.0.1:8080"),
        ("http://[::1]:8080", "https://gts.example:8080/", "http://[::1]:8080"),
        ("http://127.0.0.1", "wss://gts.example:80", "http://127.0.0.1"),
        # ...but another host or another port is taken at its word
        ("http://127.0.0.1:8080", "wss://localhost:4000", "wss://localhost:4000"),
        ("http://127.0.0.1", "wss://gts.example", "wss://gts.example"),
        ("http://api.example:8080", "wss://gts.example:8080", "wss://gts.example:8080"),
        ("http://localhost:8080", "wss://localhost:4000", "wss://localhost:4000"),
        ("http://localhost:8080", "wss://streaming.example", "wss://streaming.example"),
        # plain schemes stay
        ("http://127.0.0.1:3000", "ws://127.0.0.1:4000", "ws://127.0.0.1:4000"),
        # garbage falls back to the API host
        ("https://example.social", "not a url", "https://example.social"),
        ("https://example.social", "ftp://example.social", "https://example.social"),
        # a path on the streaming URL is kept
        ("https://example.social", "wss://example.social/stream/", "wss://example.social/stream"),
    ],
)
def test_streaming_base(api: str, advertised: str | None, expected: str) -> None:
    assert streaming_base(api, advertised) == expected


def test_reaching_the_api_host_instead_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="mastodon.streaming"):
        assert streaming_base("http://127.0.0.1:8080", "wss://localhost:8080") == "http://127.0.0.1:8080"
    assert "wss://localhost:8080" in caplog.text and "http://127.0.0.1:8080" in caplog.text


def test_advertised_url_from_instance_v1_and_v2() -> None:
    assert advertised_streaming_url({"urls": {"streaming_api": "wss://a.example"}}) == "wss://a.example"
    assert advertised_streaming_url({"configuration": {"urls": {"streaming": "wss://b.example"}}}) == "wss://b.example"
    assert advertised_streaming_url({"urls": {}}) is None
    assert advertised_streaming_url({"urls": None}) is None
    assert advertised_streaming_url(None) is None


@pytest.mark.parametrize(
    ("spec", "path", "params"),
    [
        (StreamSpec("user"), "/api/v1/streaming/user", {}),
        (StreamSpec("public"), "/api/v1/streaming/public", {}),
        (StreamSpec("public:local"), "/api/v1/streaming/public/local", {}),
        (StreamSpec("hashtag", {"tag": "python"}), "/api/v1/streaming/hashtag", {"tag": "python"}),
        (StreamSpec("hashtag:local", {"tag": "python"}), "/api/v1/streaming/hashtag/local", {"tag": "python"}),
        (StreamSpec("list", {"list": "12"}), "/api/v1/streaming/list", {"list": "12"}),
    ],
)
def test_sse_routes(spec: StreamSpec, path: str, params: dict[str, str]) -> None:
    assert sse_url("wss://example.social", spec) == ("https://example.social" + path, params)
    assert sse_url("ws://127.0.0.1:9", spec)[0] == "http://127.0.0.1:9" + path


def test_websocket_url_multiplexes_streams() -> None:
    url = websocket_url("http://localhost:8080", StreamSpec("hashtag:local", {"tag": "café"}), "tok en")
    split = urlsplit(url)
    assert (split.scheme, split.netloc, split.path) == ("ws", "localhost:8080", "/api/v1/streaming")
    assert dict(parse_qsl(split.query)) == {"stream": "hashtag:local", "tag": "café", "access_token": "tok en"}
    assert websocket_url("https://example.social", StreamSpec("user")) == "wss://example.social/api/v1/streaming?stream=user"


def test_stream_labels() -> None:
    assert StreamSpec("user").labels == ["user"]
    assert StreamSpec("list", {"list": "12"}).labels == ["list", "12"]
