"""The backend's hooks on their own: registration, versions, detection, ids, parameters.

Inputs come from the recordings where they can (version strings from ``server.json``, the
nodeinfo and instance documents and statuses from the cassettes).
"""

from __future__ import annotations

import functools
import json
import re
from datetime import datetime, timedelta, timezone
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import mastodon_gotosocial as gts
import pytest
import requests
import yaml
from mastodon_gotosocial.ulid import is_ulid, ulid_for_datetime, ulid_timestamp
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from mastodon import Mastodon, MastodonBackendFeatureError, MastodonIllegalArgumentError
from mastodon.plugin import ENDPOINTS, ServerContext, get_registry, parse_version_tuple

RECORDINGS = Path(__file__).resolve().parents[3] / "tests" / "cassettes" / "gotosocial"


def _servers() -> list[dict[str, Any]]:
    return [json.loads(path.read_text()) for path in sorted(RECORDINGS.glob("*/server.json"))]


def _responses(pattern: str) -> list[tuple[str, Any]]:
    """(request uri, decoded JSON body) of every recorded 2xx JSON answer in matching cassettes."""
    found = []
    for path in sorted(RECORDINGS.glob(pattern)):
        for interaction in yaml.safe_load(path.read_text())["interactions"]:
            response = interaction["response"]
            if response["status"]["code"] < 300 and response["body"]["string"][:1] in "[{":
                found.append((interaction["request"]["uri"], json.loads(response["body"]["string"])))
    return found


def test_recordings_exist_for_both_version_strings():
    versions = {server["version_string"] for server in _servers()}
    assert any(v.startswith("3.5.3+") for v in versions)
    assert any(not v.startswith("3.5.3+") for v in versions)


def test_installed_through_the_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group="mastodon.backends")}
    assert names.get("gotosocial") == "mastodon_gotosocial"
    registry = get_registry()
    assert "gotosocial" in registry.backends
    assert registry.resolve("gts") == "gotosocial"
    info = registry.backends["gotosocial"]
    assert {"mutuals_only", "local"} <= set(info.visibilities)
    assert info.max_media_attachments == 6


@pytest.mark.parametrize("server", _servers(), ids=lambda s: s["label"])
def test_recorded_version_strings(server):
    version = gts.mastodon_parse_version(server["version_string"])
    assert version is not None
    assert (version.software, version.software_version, version.mastodon) == ("gotosocial", (0, 20, 0), gts.MASTODON_COMPAT)
    assert version.extra["prerelease"] == "rc1"
    assert version.extra["build"].startswith("git-") and server["version_string"].endswith("+" + version.extra["build"])
    assert (version.extra.get("injected_mastodon_version") == "3.5.3") == (server["variant"] == "injected")


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("0.17.3+git-6f4cb2f", (0, 17, 3)),
        ("3.5.3+0.17.3+git-6f4cb2f", (0, 17, 3)),
        ("0.20.0-local", (0, 20, 0)),
        ("3.5.3+0.20.0-local", (0, 20, 0)),
        ("0.7.1 git-2a3b4c5", (0, 7, 1)),
        ("v0.20.0", (0, 20, 0)),
    ],
)
def test_other_gotosocial_version_strings(text, own):
    version = gts.mastodon_parse_version(text)
    assert version is not None and version.software_version == own and version.mastodon == gts.MASTODON_COMPAT


@pytest.mark.parametrize(
    "text", ["4.2.1", "3.5.3+glitch", "1.0.5+3.5.2", "takahe/0.11.0", "2.7.2 (compatible; Pleroma 2.5.0)", "", "v2024.11.1"]
)
def test_not_gotosocial_version_strings(text):
    assert gts.mastodon_parse_version(text) is None


def test_the_client_parses_both_strings_through_the_backend():
    for server in _servers():
        api = Mastodon(api_base_url=server["base_url"], feature_set="gotosocial", mastodon_version=server["version_string"])
        assert api.server_version.software == "gotosocial"
        assert api.mastodon_version == "4.0.0"


def test_detection_from_recorded_documents():
    nodeinfo = next(body for uri, body in _responses("0.20.0/test_instance/test_detection_picks_the_recorded_backend.yaml") if "/nodeinfo/" in uri)
    instance = next(body for uri, body in _responses("0.20.0/test_instance/test_detection_picks_the_recorded_backend.yaml") if uri.endswith("/api/v1/instance"))
    assert gts.mastodon_detect_backend(nodeinfo, instance).score == 100
    assert gts.mastodon_detect_backend(None, instance).score == 50
    assert gts.mastodon_detect_backend({"software": {"name": "mastodon"}}, {"version": "4.2.1"}) is None
    best = get_registry().detect(nodeinfo, instance)[0]
    assert best.backend == "gotosocial"


def test_recorded_ids_are_time_based_ulids():
    statuses = [body for _, body in _responses("0.20.0/test_statuses/*.yaml") if isinstance(body, dict) and "visibility" in body]
    assert len(statuses) > 10
    for status in statuses:
        assert is_ulid(status["id"])
        created = datetime.fromisoformat(status["created_at"].replace("Z", "+00:00"))
        assert abs(ulid_timestamp(status["id"]) - created) < timedelta(seconds=1)


def test_ulid_for_datetime():
    moment = datetime(2026, 11, 28, 22, 18, 5, 222000, tzinfo=timezone.utc)
    ulid = ulid_for_datetime(moment)
    assert ulid == "01M8J3SAH60000000000000000"
    assert ulid_timestamp(ulid) == moment
    assert ulid_for_datetime(datetime(1970, 1, 1, tzinfo=timezone.utc)) == "0" * 26
    assert not is_ulid("not-a-ulid") and not is_ulid("8" * 27)
    with pytest.raises(ValueError):
        ulid_timestamp("I" * 26)


def test_datetime_to_id_and_decode_options():
    ctx = ServerContext("http://gts.example", backend="gotosocial")
    moment = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert gts.mastodon_datetime_to_id(ctx, moment) == ulid_for_datetime(moment)
    assert gts.mastodon_decode_options(ctx).convert_ids is False
    assert gts.mastodon_streaming_transport(ctx, "user") == "websocket"
    assert gts.mastodon_streaming_transport(ctx, "hashtag:local") == "websocket"


class _Offline(BaseAdapter):
    """Answers every request with an empty JSON object and keeps what was sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.sent.append(request)
        response = requests.Response()
        response.status_code = 200
        response._content = b'{"id": "01M8J3SAH5P7PDXNNVMJ1XA8WH"}'
        response.headers = CaseInsensitiveDict({"Content-Type": "application/json"})
        response.request = request
        return response

    def close(self) -> None:
        pass


@pytest.fixture
def offline() -> tuple[Any, _Offline]:
    adapter = _Offline()
    session = requests.Session()
    session.mount("https://", adapter)
    api = Mastodon(
        access_token="token", api_base_url="https://gts.example", feature_set="gotosocial",
        mastodon_version="v0.20.0-rc1+git-57cb4fe", session=session,
    )
    return api, adapter


def test_poll_status_edit_gets_json_booleans(offline):
    api, adapter = offline
    api.status_update("01M8J3SAH5P7PDXNNVMJ1XA8WH", status="edited", sensitive=True, poll=api.make_poll(["a", "b"], 600))
    body = json.loads(adapter.sent[-1].body)
    assert body["sensitive"] is True
    api.status_update("01M8J3SAH5P7PDXNNVMJ1XA8WH", status="edited", sensitive=True)
    assert "sensitive=1" in adapter.sent[-1].body


def test_local_only_with_a_poll_is_json(offline):
    api, adapter = offline
    api.status_post("local poll", visibility="local", poll=api.make_poll(["a", "b"], 600))
    body = json.loads(adapter.sent[-1].body)
    assert (body["visibility"], body["local_only"], body["federated"]) == ("public", True, False)


def test_datetime_page_bound_on_the_wire(offline):
    api, adapter = offline
    api.timeline_home(max_id=datetime(2026, 11, 28, 22, 18, 5, 222000, tzinfo=timezone.utc))
    assert adapter.sent[-1].path_url == "/api/v1/timelines/home?max_id=01M8J3SAH60000000000000000"


def test_refusals_name_the_parameter(offline):
    api, adapter = offline
    with pytest.raises(MastodonBackendFeatureError, match="only_media"):
        api.timeline_public(only_media=True)
    with pytest.raises(MastodonIllegalArgumentError, match="text/bbcode"):
        api.status_post("[b]x[/b]", content_type="text/bbcode")
    assert adapter.sent == []


def test_gate_reasons_cover_only_core_routes():
    from mastodon_gotosocial.gates import IGNORED_PARAMS, MISSING_ROUTES

    routes = {(ep.method, ep.path): ep for ep in ENDPOINTS.values()}
    assert set(MISSING_ROUTES) <= set(routes)
    for route, names in IGNORED_PARAMS.items():
        assert set(names) <= {p.name for p in routes[route].params}


#: Endpoints without a successful recorded answer: why, and whether the server's refusal
#: is recorded (otherwise the library never sends the request).
NOT_RECORDED_OK: dict[str, tuple[str, bool]] = {
    "create_account": ("registrations are closed on the recorded server; its refusal is recorded", True),
    "admin_account_moderate": ("only 'suspend' exists, which cannot be undone; other actions' refusal is recorded", True),
    "admin_account_reject": ("only works on accounts awaiting approval; the refusal for an approved one is recorded", True),
    "follows": ("the library follows by searching and account_follow(); POST /api/v1/follows is never sent", False),
    "status_emoji_reactions": ("no emoji reactions on GoToSocial: no backend route, refused by the core", False),
    "status_emoji_reaction_create": ("no emoji reactions on GoToSocial: no backend route, refused by the core", False),
    "status_emoji_reaction_delete": ("no emoji reactions on GoToSocial: no backend route, refused by the core", False),
}
#: Endpoints the backend sends elsewhere.
ROUTED = {"instance_health": ("GET", "/readyz"), "filter_create": ("POST", "/api/v2/filters")}


@functools.cache
def _recorded_answers() -> dict[tuple[str, str], frozenset[int]]:
    from urllib.parse import urlsplit

    answers: dict[tuple[str, str], set[int]] = {}
    for path in RECORDINGS.glob("*/*/*.yaml"):
        for interaction in yaml.safe_load(path.read_text())["interactions"]:
            request = interaction["request"]
            key = (request["method"], urlsplit(request["uri"]).path)
            answers.setdefault(key, set()).add(interaction["response"]["status"]["code"])
    return {key: frozenset(codes) for key, codes in answers.items()}


def _answers_for(method: str, template: str) -> set[int]:
    pattern = re.compile("^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$")
    found: set[int] = set()
    for (recorded_method, path), codes in _recorded_answers().items():
        if recorded_method == method and pattern.match(path):
            found |= codes
    return found


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_every_endpoint_is_recorded_or_refused(name):
    """Each core endpoint: a successful recorded answer, or a recorded refusal and a gate."""
    from mastodon_gotosocial.gates import missing_reason

    endpoint = ENDPOINTS[name]
    if name.startswith("stream_") and name != "stream_healthy":
        pytest.skip("WebSocket streams cannot be recorded (tested live: test_websocket_user_stream)")
    method, path = ROUTED.get(name, (endpoint.method, endpoint.path))
    codes = _answers_for(method, path)
    successful = any(200 <= code < 300 for code in codes)
    if missing_reason(endpoint.method, endpoint.path):
        assert codes and not successful, f"{name} is refused, but no recorded answer shows that GoToSocial lacks it"
    elif parse_version_tuple(endpoint.added) > gts.MASTODON_COMPAT:
        assert not successful  # newer than the API GoToSocial serves: the core's version gate refuses it unsent
    elif name in NOT_RECORDED_OK:
        _, refusal_recorded = NOT_RECORDED_OK[name]
        assert bool(codes) == refusal_recorded and not successful
    else:
        assert successful, f"{name} ({method} {path}) has no successful recorded answer"
