"""Timelines: routes, query parameters, snowflake ids from datetimes, argument checks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from support.mock_http import documented

from mastodon import AttribAccessList, MastodonIllegalArgumentError, MastodonVersionError


def snowflake(when: datetime) -> int:
    return int(when.timestamp() * 1000) << 16


@pytest.fixture
def statuses(mock_http):
    body = [documented("Status")]
    for path in (
        "/api/v1/timelines/home",
        "/api/v1/timelines/public",
        "/api/v1/timelines/tag/python",
        "/api/v1/timelines/list/12249",
    ):
        mock_http.add("GET", path, body)
    return body


def test_home_timeline_defaults_send_no_parameters(api, mock_http, statuses):
    result = api.timeline_home()
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/timelines/home", [])
    assert sent.raw_body == b""
    assert isinstance(result, AttribAccessList)
    assert result[0].id == 103270115826048975
    assert result[0].account.acct == "Gargron"


def test_home_timeline_all_parameters_in_the_query(api, mock_http, statuses):
    api.timeline_home(max_id=50, min_id={"id": "10"}, since_id="5", limit=20, only_media=True, local=True, remote=True)
    assert mock_http.last.query == [
        ("max_id", "50"),
        ("min_id", "10"),
        ("since_id", "5"),
        ("limit", "20"),
        ("only_media", "1"),
        ("local", "1"),
        ("remote", "1"),
    ]


def test_false_flags_are_left_out(api, mock_http, statuses):
    api.timeline_public(only_media=False, local=False, remote=False, limit=None)
    assert mock_http.last.query == []


def test_datetimes_become_snowflake_ids(api, mock_http, statuses):
    when = datetime(2023, 5, 17, 12, 30, 15, 250000, tzinfo=timezone.utc)
    api.timeline_home(max_id=when, since_id=when - timedelta(days=1))
    query = dict(mock_http.last.query)
    assert int(query["max_id"]) == int(when.timestamp() * 1000) << 16 == snowflake(when)
    assert int(query["since_id"]) == snowflake(when - timedelta(days=1))
    # A status created at that moment has an id just above the snowflake for it.
    assert int(query["max_id"]) >> 16 == 1684326615250


def test_naive_datetimes_are_local_time(api, mock_http, statuses):
    naive = datetime(2022, 1, 2, 3, 4, 5)
    api.timeline_home(min_id=naive)
    assert int(dict(mock_http.last.query)["min_id"]) == snowflake(naive.astimezone())


def test_timeline_names(api, mock_http, statuses):
    api.timeline()
    assert mock_http.last.path == "/api/v1/timelines/home"
    api.timeline("public", limit=3)
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/timelines/public", [("limit", "3")])
    api.timeline("local")
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/timelines/public", [("local", "1")])
    api.timeline("tag/python", only_media=True)
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/timelines/tag/python", [("only_media", "1")])
    api.timeline("list/12249")
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/timelines/list/12249", [])


def test_timeline_local(api, mock_http, statuses):
    api.timeline_local(max_id=9, only_media=True)
    sent = mock_http.last
    assert sent.path == "/api/v1/timelines/public"
    assert sorted(sent.query) == [("local", "1"), ("max_id", "9"), ("only_media", "1")]


def test_timeline_public_remote(api, mock_http, statuses):
    api.timeline_public(remote=True)
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/timelines/public", [("remote", "1")])


def test_timeline_hashtag(api, mock_http, statuses):
    api.timeline_hashtag("python", local=True, limit=5)
    sent = mock_http.last
    assert sent.path == "/api/v1/timelines/tag/python"
    assert sorted(sent.query) == [("limit", "5"), ("local", "1")]
    assert ("hashtag", "python") not in sent.query


def test_timeline_hashtag_is_quoted_in_the_path(api, mock_http):
    mock_http.add("GET", "/api/v1/timelines/tag/caf%C3%A9%20au%20lait", [])
    assert api.timeline_hashtag("café au lait") == []
    assert mock_http.last.url.endswith("/api/v1/timelines/tag/caf%C3%A9%20au%20lait")


@pytest.mark.parametrize("tag", ["#python", "", None])
def test_timeline_hashtag_rejects_leading_hash_and_empty(api, mock_http, tag):
    with pytest.raises(MastodonIllegalArgumentError):
        api.timeline_hashtag(tag)
    assert mock_http.sent == []


def test_timeline_list_takes_the_id_in_the_path_only(api, mock_http, statuses):
    api.timeline_list(documented("List"), since_id=3)
    sent = mock_http.last
    assert sent.path == "/api/v1/timelines/list/12249"
    assert sent.query == [("since_id", "3")]


@pytest.mark.parametrize("name", ["federated", "tag/", "list/", "tag/a/b", "list/1/2", "", "HOME", 5])
def test_invalid_timeline_names(api, mock_http, name):
    with pytest.raises(MastodonIllegalArgumentError):
        api.timeline(name)
    assert mock_http.sent == []


def test_conversations(api, mock_http):
    mock_http.add("GET", "/api/v1/conversations", [documented("Conversation")])
    result = api.conversations(max_id=418451, limit=10)
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/conversations", [("max_id", "418451"), ("limit", "10")])
    conversation = result[0]
    assert conversation.id == 418450
    assert conversation.unread is True
    assert conversation.last_status.visibility == "direct"
    assert conversation.last_status.in_reply_to_account_id == 14715
    assert conversation.accounts[0].acct == "amic@nulled.red"


def test_timeline_list_needs_2_1_0(make_api, mock_http):
    api = make_api("2.0.0")
    with pytest.raises(MastodonVersionError):
        api.timeline_list(1)
    with pytest.raises(MastodonVersionError):
        api.timeline("list/1")
    with pytest.raises(MastodonVersionError):
        api.conversations()
    assert mock_http.sent == []


def test_changed_mode_refuses_timelines_older_than_3_1_4(make_api, mock_http, statuses):
    api = make_api("3.1.3", version_check_mode="changed")
    with pytest.raises(MastodonVersionError, match=r"3\.1\.4"):
        api.timeline_home()
    assert mock_http.sent == []
    make_api("3.1.3").timeline_home()
    assert len(mock_http.sent) == 1


# -- link timeline and availability --------------------------------------------------------

LINK = "https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance"


def test_timeline_link(make_api, mock_http):
    mock_http.add("GET", "/api/v1/timelines/link", [documented("Status")])
    result = make_api("4.3.0").timeline_link(LINK, max_id=9, limit=2)
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/timelines/link", [("url", LINK), ("max_id", "9"), ("limit", "2")])
    assert result[0].id == 103270115826048975


def test_timeline_link_checks_before_sending(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("4.2.0").timeline_link(LINK)
    for bad in ("", "theguardian.com", None):
        with pytest.raises(MastodonIllegalArgumentError):
            make_api("4.3.0").timeline_link(bad)
    assert mock_http.sent == []


def _instance_with_access(live_local="public", live_remote="public", hashtag="public", links="public"):
    instance = documented("InstanceV2")
    # The access settings as the reference's Instance example shows them (Mastodon 4.5).
    instance["configuration"]["timelines_access"] = {
        "live_feeds": {"local": live_local, "remote": live_remote},
        "hashtag_feeds": {"local": hashtag, "remote": hashtag},
        "trending_link_feeds": {"local": links, "remote": links},
    }
    return instance


@pytest.mark.parametrize(
    ("settings", "kwargs", "expected"),
    [
        ({}, {}, True),
        ({"live_remote": "authenticated"}, {}, False),
        ({"live_remote": "authenticated"}, {"with_auth": True}, True),
        ({"live_remote": "authenticated"}, {"local": True}, True),
        ({"live_remote": "disabled"}, {"with_auth": True}, False),
        ({"live_local": "disabled"}, {"timeline": "local", "with_auth": True}, False),
        ({"live_local": "disabled"}, {"remote": True}, True),
        ({"hashtag": "authenticated"}, {"timeline": "tag/python"}, False),
        ({"links": "disabled"}, {"timeline": "link", "with_auth": True}, False),
        ({"links": "public"}, {"timeline": "link"}, True),
    ],
)
def test_timeline_is_available_reads_the_access_settings(make_api, mock_http, settings, kwargs, expected):
    mock_http.add("GET", "/api/v2/instance", _instance_with_access(**settings))
    assert make_api("4.5.0").timeline_is_available(**kwargs) is expected
    assert [s.path for s in mock_http.sent] == ["/api/v2/instance"]


def test_timeline_is_available_home_and_lists_need_auth(api, mock_http):
    assert api.timeline_is_available("home") is False
    assert api.timeline_is_available("home", with_auth=True) is True
    assert api.timeline_is_available("list/12249", with_auth=True) is True
    assert mock_http.sent == []


def test_timeline_is_available_asks_older_servers_for_one_status(make_api, mock_http):
    mock_http.add("GET", "/api/v2/instance", documented("InstanceV2"))
    mock_http.add("GET", "/api/v1/timelines/public", [documented("Status")])
    api = make_api("4.2.0")
    assert api.timeline_is_available("local") is True
    sent = mock_http.last
    assert (sent.path, sent.query) == ("/api/v1/timelines/public", [("limit", "1"), ("local", "1")])
    assert "Authorization" not in sent.headers
    mock_http.add("GET", "/api/v1/timelines/public", {"error": "This method requires an authenticated user"}, status=401)
    assert api.timeline_is_available() is False
    assert api.timeline_is_available(with_auth=True) is False
    assert mock_http.last.headers["Authorization"] == "Bearer test-token"


def test_timeline_is_available_fail_hard_raises_the_checks_error(make_api, mock_http):
    from mastodon import MastodonServerError

    mock_http.add("GET", "/api/v2/instance", {"error": "boom"}, status=500)
    api = make_api("4.5.0")
    assert api.timeline_is_available() is False
    with pytest.raises(MastodonServerError):
        api.timeline_is_available(fail_hard=True)


@pytest.mark.parametrize("name", ["tag/", "list", "federated", "link/x", 5])
def test_timeline_is_available_rejects_unknown_timelines(api, mock_http, name):
    with pytest.raises(MastodonIllegalArgumentError):
        api.timeline_is_available(name)
    assert mock_http.sent == []
