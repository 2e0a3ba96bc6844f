"""Notifications and conversations: routes, query lists, the legacy dismiss route."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError

ALL_BUT_MENTIONS = ["follow", "favourite", "reblog", "poll", "follow_request"]


@pytest.fixture
def listing(mock_http):
    mock_http.add("GET", "/api/v1/notifications", [documented("Notification")])
    return mock_http


def test_notifications_list(api, listing):
    result = api.notifications()
    sent = listing.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/notifications", [])
    notification = result[0]
    assert notification.id == 34975861
    assert notification.type == "mention"
    assert notification.created_at == datetime(2019, 11, 23, 7, 49, 2, 64000, tzinfo=timezone.utc)
    assert notification.account.id == 971724
    assert notification.status.in_reply_to_id == 103186038209478945
    assert notification.status.mentions[0].id == 14715


def test_notifications_parameters(api, listing):
    api.notifications(account_id={"id": "971724"}, max_id=100, min_id=5, since_id=4, limit=15, exclude_types=["follow", "poll"])
    assert listing.last.query == [
        ("account_id", "971724"),
        ("max_id", "100"),
        ("min_id", "5"),
        ("since_id", "4"),
        ("limit", "15"),
        ("exclude_types[]", "follow"),
        ("exclude_types[]", "poll"),
    ]


def test_notifications_by_id_fetches_one(api, mock_http):
    mock_http.add("GET", "/api/v1/notifications/34975861", documented("Notification"))
    notification = api.notifications(id=documented("Notification"))
    sent = mock_http.last
    assert (sent.path, sent.query) == ("/api/v1/notifications/34975861", [])
    assert notification.status.account.acct == "zsc"


def test_notifications_by_id_ignores_list_filters_in_the_path(api, mock_http):
    mock_http.add("GET", "/api/v1/notifications/7", documented("Notification"))
    api.notifications(id=7, limit=3)
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/notifications/7", [])


def test_mentions_only_excludes_everything_else(api, listing):
    api.notifications(mentions_only=True)
    assert listing.last.query == [("exclude_types[]", t) for t in ALL_BUT_MENTIONS]


def test_mentions_only_false_sends_nothing_extra(api, listing):
    api.notifications(mentions_only=False)
    assert listing.last.query == []


def test_mentions_only_with_exclude_types_is_illegal(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.notifications(mentions_only=True, exclude_types=["follow"])
    assert mock_http.sent == []


@pytest.mark.parametrize("bad", ["follow", [1, 2]])
def test_exclude_types_must_be_a_list_of_names(api, mock_http, bad):
    with pytest.raises(MastodonIllegalArgumentError):
        api.notifications(exclude_types=bad)
    assert mock_http.sent == []


def test_notifications_clear(api, mock_http):
    mock_http.add("POST", "/api/v1/notifications/clear", {})
    assert api.notifications_clear() is None
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", "/api/v1/notifications/clear", [])


def test_notifications_dismiss_uses_the_id_route(api, mock_http):
    mock_http.add("POST", "/api/v1/notifications/34975861/dismiss", {})
    assert api.notifications_dismiss(documented("Notification")) is None
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", "/api/v1/notifications/34975861/dismiss", [])


def test_notifications_dismiss_before_2_9_2_uses_the_legacy_route(make_api, mock_http):
    api = make_api("2.9.1")
    mock_http.add("POST", "/api/v1/notifications/dismiss", {})
    api.notifications_dismiss({"id": 12})
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", "/api/v1/notifications/dismiss", [("id", "12")])


def test_notifications_dismiss_needs_1_3_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("1.2.2").notifications_dismiss(1)
    assert mock_http.sent == []


def test_conversations_read(api, mock_http):
    mock_http.add("POST", "/api/v1/conversations/418450/read", documented("Conversation"))
    conversation = api.conversations_read(documented("Conversation"))
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", "/api/v1/conversations/418450/read", [])
    assert conversation.unread is True
    assert conversation.last_status.created_at == datetime(2019, 11, 25, 4, 8, 24, tzinfo=timezone.utc)


def test_notification_types_filter_is_gated_on_3_5_0(make_api, mock_http):
    api = make_api("3.4.0")
    with pytest.raises(MastodonVersionError, match="types"):
        api.call_endpoint("notifications", types=["mention"])
    assert mock_http.sent == []
