"""The backend's readers on what a real Takahē 0.11.0 server sent (the main repository's cassettes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import mastodon_takahe
import pytest
import yaml
from mastodon_takahe.errors import read_error
from mastodon_takahe.text import plain_text

from mastodon.plugin import ServerContext

CASSETTES = Path(__file__).resolve().parents[3] / "tests" / "cassettes" / "takahe"


@lru_cache(maxsize=1)
def _recorded() -> tuple[tuple[Path, dict[str, Any], dict[str, Any]], ...]:
    files = sorted(CASSETTES.glob("*/*/*.yaml"))
    assert files, f"no Takahē cassettes under {CASSETTES}"
    found = []
    for path in files:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        for interaction in data.get("interactions") or ():
            found.append((path, interaction["request"], interaction["response"]))
    return tuple(found)


def _interactions() -> Iterator[tuple[Path, dict[str, Any], dict[str, Any]]]:
    yield from _recorded()


def _header(response: dict[str, Any], name: str) -> str:
    for key, values in (response.get("headers") or {}).items():
        if key.lower() == name.lower():
            return values[0] if isinstance(values, list) else str(values)
    return ""


def _body(response: dict[str, Any]) -> str:
    body = (response.get("body") or {}).get("string") or ""
    return body.decode("utf-8") if isinstance(body, bytes) else body


def _json(response: dict[str, Any]) -> Any:
    return json.loads(_body(response)) if "json" in _header(response, "Content-Type") else None


def _ctx() -> ServerContext:
    return ServerContext(api_base_url="http://127.0.0.1:8000", backend="takahe")


def test_every_recorded_error_page_gets_a_readable_message() -> None:
    expected = {404: "Page Not Found", 405: "Method Not Allowed", 500: "Internal Server Error"}
    seen: dict[int, int] = {}
    for path, _request, response in _interactions():
        status = response["status"]["code"]
        if status < 400 or _json(response) is not None:
            continue
        details = read_error(status, _header(response, "Content-Type"), _body(response), response["status"]["message"])
        seen[status] = seen.get(status, 0) + 1
        if status == 400:
            assert (details.message, details.as_status) == ("Invalid Bearer token", 401), path
        else:
            assert (details.message, details.as_status) == (expected[status], None), path
    assert set(seen) == {400, 404, 405, 500}
    assert seen[404] > 50


def test_recorded_documents_detect_and_parse() -> None:
    nodeinfo = instance = None
    for _path, request, response in _interactions():
        route = urlsplit(request["uri"]).path
        if route == "/nodeinfo/2.0/" and nodeinfo is None:
            nodeinfo = _json(response)
        elif route == "/api/v1/instance" and request["method"] == "GET" and instance is None:
            instance = _json(response)
    assert nodeinfo is not None and instance is not None
    match = mastodon_takahe.mastodon_detect_backend(nodeinfo, instance)
    assert match is not None and (match.backend, match.score) == ("takahe", 100)
    without_nodeinfo = mastodon_takahe.mastodon_detect_backend(None, instance)
    assert without_nodeinfo is not None and without_nodeinfo.backend == "takahe"
    version = mastodon_takahe.mastodon_parse_version(instance["version"])
    assert version is not None and version.software_version == (0, 11, 0)


def test_status_ids_are_takahe_snowflakes_of_their_creation_time() -> None:
    checked = 0
    for _path, request, response in _interactions():
        if (request["method"], urlsplit(request["uri"]).path) != ("POST", "/api/v1/statuses"):
            continue
        status = _json(response)
        if not isinstance(status, dict) or "created_at" not in status:
            continue
        created = datetime.fromisoformat(status["created_at"].replace("Z", "+00:00"))
        snowflake = int(status["id"])
        # The id is made when the row is saved, a moment after the post's publication time.
        low = mastodon_takahe.mastodon_datetime_to_id(_ctx(), created - timedelta(seconds=1))
        high = mastodon_takahe.mastodon_datetime_to_id(_ctx(), created + timedelta(seconds=1))
        assert low <= snowflake < high, status["id"]
        checked += 1
    assert checked >= 20


def test_delete_text_becomes_the_recorded_source_text() -> None:
    sources: dict[str, str] = {}
    checked = 0
    for _path, request, response in _interactions():
        method, route = request["method"], urlsplit(request["uri"]).path
        if method == "GET" and route.endswith("/source") and response["status"]["code"] == 200:
            source = _json(response)
            sources[str(source["id"])] = source["text"]
        elif method == "DELETE" and route.startswith("/api/v1/statuses/") and response["status"]["code"] == 200:
            deleted = _json(response)
            if str(deleted["id"]) in sources:
                assert plain_text(deleted["text"]) == sources[str(deleted["id"])]
                checked += 1
    assert checked >= 2


@pytest.mark.parametrize("when", [datetime(2022, 1, 1, 7, tzinfo=timezone.utc), datetime(2026, 11, 28, 22, 0, 1, 250000, tzinfo=timezone.utc)])
def test_datetime_to_id_round_trips(when: datetime) -> None:
    snowflake = mastodon_takahe.mastodon_datetime_to_id(_ctx(), when)
    epoch = datetime.fromtimestamp(mastodon_takahe.SNOWFLAKE_EPOCH, tz=timezone.utc)
    assert epoch + timedelta(milliseconds=snowflake >> 22) == when
