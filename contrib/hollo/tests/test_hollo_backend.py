"""The backend's hooks on their own, on the library's HTTP mock: versions, detection, gates,
how requests are encoded, and the answers it corrects."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from importlib.metadata import entry_points

import mastodon_hollo as hollo
import pytest

from mastodon import MastodonBackendFeatureError, MastodonIllegalArgumentError, StreamListener
from mastodon.plugin import get_registry

ALICE = "bcb86e29-32dc-44dd-854f-6b586a26ca0a"
MEDIA = "01a23aea-0289-7bbf-91ff-89df16892508"


@pytest.fixture
def hollo_api(make_api):
    """A client with the Hollo backend, for a server that says it is Hollo 0.10.0."""
    return make_api(version="0.10.0", feature_set="hollo", api_base_url="https://hollo.example")


def status(post_id: str = MEDIA) -> dict:
    return {"id": post_id, "content": "<p>hi</p>", "account": {"id": ALICE, "acct": "alice"}}


def test_installed_through_the_entry_point():
    assert [ep.value for ep in entry_points(group="mastodon.backends") if ep.name == "hollo"] == ["mastodon_hollo"]
    info = get_registry().backends["hollo"]
    assert (info.boolean_words, info.json_booleans, info.max_media_attachments) == (("true", "false"), True, 8)
    assert ("POST", "/api/v1/statuses") in info.json_routes


@pytest.mark.parametrize(
    ("text", "mastodon", "own", "gates"),
    [
        ("0.10.0", (4, 5, 0), (0, 10, 0), True),
        ("0.8.0", (4, 5, 0), (0, 8, 0), True),
        ("0.7.1", (4, 3, 0), (0, 7, 1), True),
        ("0.6.19", (1, 0, 0), (0, 6, 19), False),
    ],
)
def test_versions_are_claimed_when_hollo_is_the_backend(text, mastodon, own, gates):
    version = hollo.mastodon_parse_version(text, backend="hollo")
    assert (version.software, version.mastodon, version.software_version, version.gates) == ("hollo", mastodon, own, gates)


@pytest.mark.parametrize("backend", [None, "mainline", "gotosocial"])
def test_bare_versions_of_other_servers_are_not_claimed(backend):
    assert hollo.mastodon_parse_version("0.10.0", backend=backend) is None


def test_client_version_from_the_api_level(hollo_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", {"uri": "hollo.example", "version": "0.10.0"})
    version = hollo_api.server_version
    assert (version.software, version.mastodon, version.extra["api_level"]) == ("hollo", (4, 5, 0), "7")
    assert hollo_api.retrieve_mastodon_version() == "4.5.0"


def test_detected_from_nodeinfo_only():
    assert hollo.mastodon_detect_backend({"software": {"name": "hollo", "version": "0.10.0"}}, None).score == 100
    assert hollo.mastodon_detect_backend(None, {"version": "0.10.0"}) is None
    assert hollo.mastodon_detect_backend({"software": {"name": "gotosocial"}}, None) is None


@pytest.mark.parametrize(
    ("call", "args"),
    [
        ("stream_user", (StreamListener(),)),
        ("filters", ()),
        ("domain_blocks", ()),
        ("conversations", ()),
        ("push_subscription", ()),
        ("scheduled_statuses", ()),
        ("admin_accounts", ()),
        ("notifications", ("1",)),
        ("status_mute", (MEDIA,)),
        ("status_history", (MEDIA,)),
        ("instance_peers", ()),
    ],
)
def test_what_hollo_lacks_is_refused_before_sending(hollo_api, mock_http, call, args):
    with pytest.raises(MastodonBackendFeatureError, match="Hollo"):
        getattr(hollo_api, call)(*args)
    assert mock_http.sent == []


def test_query_booleans_are_words(hollo_api, mock_http):
    mock_http.add("GET", f"/api/v1/accounts/{ALICE}/statuses", [])
    hollo_api.account_statuses(ALICE, only_media=True)
    assert mock_http.last.query == [("only_media", "true")]


def test_form_booleans_are_words(hollo_api, mock_http):
    mock_http.add("PATCH", "/api/v1/accounts/update_credentials", {"id": ALICE})
    hollo_api.account_update_credentials(locked=True, bot=False)
    assert mock_http.last.form == [("locked", "true"), ("bot", "false")]


def test_statuses_go_as_json_with_json_booleans_and_plain_array_names(hollo_api, mock_http):
    mock_http.add("POST", "/api/v1/statuses", status())
    hollo_api.status_post("hi", media_ids=[MEDIA], sensitive=True, spoiler_text="cw")
    assert mock_http.last.json == {"status": "hi", "media_ids": [MEDIA], "sensitive": True, "spoiler_text": "cw"}


def test_json_only_routes(hollo_api, mock_http):
    mock_http.add("POST", f"/api/v1/accounts/{ALICE}/mute", {"id": ALICE, "muting": False})
    mock_http.add("POST", "/api/v1/polls/p1/votes", {"id": "p1"})
    hollo_api.account_mute(ALICE, notifications=False, duration=60)
    assert mock_http.sent[0].json == {"notifications": False, "duration": 60}
    hollo_api.poll_vote("p1", [0, 2])
    assert mock_http.sent[1].json == {"choices": [0, 2]}


def test_media_updates_go_as_json(hollo_api, mock_http):
    mock_http.add("PUT", f"/api/v1/media/{MEDIA}", {"id": MEDIA, "description": "a dot"})
    hollo_api.media_update(MEDIA, description="a dot")
    assert mock_http.last.json == {"description": "a dot"}


def test_mainline_keeps_numeric_form_booleans(make_api, mock_http):
    api = make_api(version="4.2.0")
    mock_http.add("POST", "/api/v1/statuses", status())
    api.status_post("hi", sensitive=True)
    assert ("sensitive", "1") in mock_http.last.form


def test_a_scheduled_status_is_refused(hollo_api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError, match="schedule"):
        hollo_api.status_post("later", scheduled_at=datetime.now(timezone.utc) + timedelta(days=1))
    assert mock_http.sent == []


def test_account_statuses_next_page_starts_after_the_last_status(hollo_api, mock_http):
    page = [status("01a2-3"), status("01a2-2")]
    link = f'<https://hollo.example/api/v1/accounts/{ALICE}/statuses?limit=2&max_id=01a2-1>; rel="next"'
    mock_http.add("GET", f"/api/v1/accounts/{ALICE}/statuses", page, headers={"Link": link})
    first = hollo_api.account_statuses(ALICE, limit=2)
    assert first._pagination_next["max_id"] == "01a2-2"
    hollo_api.fetch_next(first)
    assert ("max_id", "01a2-2") in mock_http.last.query
