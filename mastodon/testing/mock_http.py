"""An in-process HTTP mock for request-building tests: no sockets, no network.

``MockHTTP`` is a ``requests`` transport adapter that answers from a route table and keeps
every request it was sent, so tests can assert exactly what went on the wire. Load the
fixtures (``mock_http``, ``make_api``, ``api``) in a test suite with
``pytest_plugins = ["mastodon.testing.mock_http"]`` in its ``conftest.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict


class Sent:
    """One request as the server saw it."""

    def __init__(self, request: requests.PreparedRequest) -> None:
        self.request = request
        self.method = request.method or ""
        split = urlsplit(request.url or "")
        self.url = request.url or ""
        self.host = split.netloc
        self.path = split.path
        #: ``path`` with its %-escapes decoded (``/api/v1/tags/café``).
        self.decoded_path = unquote(split.path)
        self.query = parse_qsl(split.query, keep_blank_values=True)
        self.headers = request.headers
        body = request.body
        self.raw_body = body if isinstance(body, bytes) else (body or "").encode()
        ctype = request.headers.get("Content-Type", "")
        self.json: Any = None
        self.form: list[tuple[str, str]] = []
        if "application/json" in ctype and self.raw_body:
            self.json = json.loads(self.raw_body)
        elif "application/x-www-form-urlencoded" in ctype:
            self.form = parse_qsl(self.raw_body.decode(), keep_blank_values=True)
        self.multipart = "multipart/form-data" in ctype

    @property
    def params(self) -> list[tuple[str, str]]:
        """Query parameters for GET, form fields otherwise."""
        return self.query if self.method == "GET" else self.form

    def __repr__(self) -> str:
        return f"<Sent {self.method} {self.url} {self.params or self.json}>"


Handler = Callable[[Sent], tuple[int, Any, dict[str, str]]]


class MockHTTP(BaseAdapter):
    """Route table: ``(METHOD, path) -> handler or (status, body, headers)``.

    A route matches the request's path as sent or as decoded. A request no route answers
    gets a 404 whose error names it: ``no mock route for POST /api/v1/statuses``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.routes: dict[tuple[str, str], Any] = {}
        self.sent: list[Sent] = []

    def add(self, method: str, path: str, body: Any = None, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.routes[(method.upper(), path)] = (status, body, headers or {})

    def handle(self, method: str, path: str, handler: Handler) -> None:
        self.routes[(method.upper(), path)] = handler

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        sent = Sent(request)
        self.sent.append(sent)
        route = self.routes.get((sent.method, sent.path))
        if route is None and sent.decoded_path != sent.path:
            route = self.routes.get((sent.method, sent.decoded_path))
        if route is None:
            status, body, headers = 404, {"error": f"no mock route for {sent.method} {sent.decoded_path}"}, {}
        elif callable(route):
            status, body, headers = route(sent)
        else:
            status, body, headers = route
        response = requests.Response()
        response.status_code = status
        response.reason = {200: "OK", 404: "Not Found"}.get(status, "Status")
        if isinstance(body, (bytes, str)):
            content = body.encode() if isinstance(body, str) else body
            ctype = "text/html"
        else:
            content = json.dumps(body).encode() if body is not None else b""
            ctype = "application/json"
        response._content = content
        response.headers = CaseInsensitiveDict({"Content-Type": ctype, **headers})
        response.url = request.url or ""
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self) -> None:
        pass

    @property
    def last(self) -> Sent:
        return self.sent[-1]


def make_session(mock: MockHTTP) -> requests.Session:
    session = requests.Session()
    session.mount("http://", mock)
    session.mount("https://", mock)
    return session


@pytest.fixture
def mock_http() -> MockHTTP:
    return MockHTTP()


@pytest.fixture
def make_api(mock_http: MockHTTP) -> Iterator[Callable[..., Any]]:
    """Build a client on the mock: ``make_api(version="4.2.0", feature_set="mainline", ...)``."""
    from mastodon import Mastodon

    def build(version: str | None = "4.2.0", **kwargs: Any) -> Any:
        kwargs.setdefault("api_base_url", "https://mastodon.example")
        kwargs.setdefault("access_token", "test-token")
        kwargs.setdefault("session", make_session(mock_http))
        if version is not None:
            kwargs.setdefault("mastodon_version", version)
        return Mastodon(**kwargs)

    yield build


@pytest.fixture
def api(make_api: Callable[..., Any]) -> Any:
    """A mainline client that believes the server runs Mastodon 4.2.0."""
    return make_api()


__all__ = ["MockHTTP", "Sent", "make_session", "mock_http", "make_api", "api"]
