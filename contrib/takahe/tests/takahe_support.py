"""Helpers for the Takahē backend tests: an offline session that records what would be sent."""

from __future__ import annotations

import json
from typing import Any

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

BASE_URL = "https://takahe.invalid"


class RecordingAdapter(BaseAdapter):
    """Answers every request with ``status`` and ``body`` and keeps the prepared requests."""

    def __init__(self, status: int = 200, body: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__()
        self.status = status
        self.body = {} if body is None else body
        self.headers = headers or {}
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.sent.append(request)
        response = requests.Response()
        response.status_code = self.status
        response.reason = "OK" if self.status < 400 else "Error"
        content = self.body if isinstance(self.body, (bytes, str)) else json.dumps(self.body)
        response._content = content.encode() if isinstance(content, str) else content
        response.headers = CaseInsensitiveDict({"Content-Type": "application/json", **self.headers})
        response.url = request.url or ""
        response.request = request
        return response

    def close(self) -> None:
        pass


def offline_session(adapter: RecordingAdapter) -> requests.Session:
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def takahe_client(adapter: RecordingAdapter, **kwargs: Any) -> Any:
    """A client on the takahe backend that knows the server version without asking."""
    from mastodon import Mastodon

    kwargs.setdefault("mastodon_version", "takahe/0.11.0")
    return Mastodon(
        access_token="token",
        api_base_url=BASE_URL,
        feature_set="takahe",
        session=offline_session(adapter),
        **kwargs,
    )
