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


@pytest.mark.parametrize("version", ["3.5.0", "4.2.0", "4.5.0"])
def test_mentions_only_asks_for_mentions_from_3_5_0(make_api, listing, version):
    make_api(version).notifications(mentions_only=True)
    assert listing.last.query == [("types[]", "mention")]


@pytest.mark.parametrize("version", ["2.9.0", "3.4.9"])
def test_mentions_only_before_3_5_0_excludes_everything_else(make_api, listing, version):
    make_api(version).notifications(mentions_only=True)
    assert listing.last.query == [("exclude_types[]", t) for t in ALL_BUT_MENTIONS]


def test_notifications_types_and_exclude_types(api, listing):
    api.notifications(types=["mention", "follow"], exclude_types=["poll"], limit=5)
    assert listing.last.query == [
        ("limit", "5"),
        ("exclude_types[]", "poll"),
        ("types[]", "mention"),
        ("types[]", "follow"),
    ]


def test_notifications_supported_types_needs_4_6_0(api, make_api, listing):
    make_api("4.6.0").notifications(supported_types=["mention", "quote"])
    assert listing.last.query == [("supported_types[]", "mention"), ("supported_types[]", "quote")]
    with pytest.raises(MastodonVersionError, match="supported_types"):
        api.notifications(supported_types=["mention"])
    assert len(listing.sent) == 1


def test_notifications_types_needs_3_5_0(make_api, listing):
    with pytest.raises(MastodonVersionError, match="types"):
        make_api("3.4.0").notifications(types=["mention"])
    assert listing.sent == []


def test_notification_by_id_passes_supported_types(make_api, mock_http):
    mock_http.add("GET", "/api/v1/notifications/7", documented("Notification"))
    make_api("4.6.0").notifications(id=7, supported_types=["mention"])
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/notifications/7", [("supported_types[]", "mention")])


def test_mentions_only_false_sends_nothing_extra(api, listing):
    api.notifications(mentions_only=False)
    assert listing.last.query == []


@pytest.mark.parametrize("other", [{"exclude_types": ["follow"]}, {"types": ["follow"]}])
def test_mentions_only_with_a_type_filter_is_illegal(api, mock_http, other):
    with pytest.raises(MastodonIllegalArgumentError):
        api.notifications(mentions_only=True, **other)
    assert mock_http.sent == []


@pytest.mark.parametrize("name", ["exclude_types", "types", "supported_types"])
@pytest.mark.parametrize("bad", ["follow", [1, 2]])
def test_type_filters_must_be_lists_of_names(api, mock_http, name, bad):
    with pytest.raises(MastodonIllegalArgumentError):
        api.notifications(**{name: bad})
    with pytest.raises(MastodonIllegalArgumentError):
        api.grouped_notifications(**{name: bad})
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


# -- unread counts, policy ----------------------------------------------------------------


def test_notifications_unread_count(make_api, mock_http):
    mock_http.add("GET", "/api/v1/notifications/unread_count", {"count": 42})
    result = make_api("4.3.0").notifications_unread_count()
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/notifications/unread_count", [])
    assert result.count == 42


@pytest.mark.parametrize(
    ("call", "args"),
    [
        ("notifications_unread_count", ()),
        ("notifications_policy", ()),
        ("grouped_notifications", ()),
        ("grouped_notification", ("favourite-1-2",)),
        ("unread_grouped_notifications_count", ()),
        ("notification_requests", ()),
        ("notification_request", (1,)),
        ("accept_notification_request", (1,)),
        ("accept_multiple_notification_requests", ([1],)),
        ("notifications_merged", ()),
    ],
)
def test_notification_filtering_and_grouping_need_4_3_0(make_api, mock_http, call, args):
    with pytest.raises(MastodonVersionError):
        getattr(make_api("4.2.1"), call)(*args)
    assert mock_http.sent == []


def test_notifications_policy(make_api, mock_http):
    mock_http.add("GET", "/api/v2/notifications/policy", documented("NotificationPolicy"))
    policy = make_api("4.3.0").notifications_policy()
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v2/notifications/policy")
    assert policy.for_private_mentions == "drop"
    assert policy.summary.pending_requests_count == 0


def test_update_notifications_policy_sends_only_what_is_given(make_api, mock_http):
    mock_http.add("PATCH", "/api/v2/notifications/policy", documented("NotificationPolicy"))
    policy = make_api("4.3.0").update_notifications_policy(for_new_accounts="filter", for_limited_accounts="drop")
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PATCH", "/api/v2/notifications/policy")
    assert sent.form == [("for_new_accounts", "filter"), ("for_limited_accounts", "drop")]
    assert policy.for_limited_accounts == "filter"


def test_update_notifications_policy_rejects_unknown_values(make_api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError, match="for_not_following"):
        make_api("4.3.0").update_notifications_policy(for_not_following="ignore")
    assert mock_http.sent == []


# -- grouped notifications ----------------------------------------------------------------


def test_grouped_notifications(make_api, mock_http):
    mock_http.add("GET", "/api/v2/notifications", documented("GroupedNotificationsResults"))
    result = make_api("4.3.0").grouped_notifications()
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v2/notifications", [("expand_accounts", "partial_avatars")])
    group = result.notification_groups[0]
    assert group.group_key == "favourite-113010503322889311-479000"
    assert [str(i) for i in group.sample_account_ids] == ["16", "3547"]
    assert result.statuses[0].created_at == datetime(2024, 8, 23, 8, 57, 12, 57000, tzinfo=timezone.utc)
    assert result.accounts[1].username == "alice"


def test_grouped_notifications_parameters(make_api, mock_http):
    mock_http.add("GET", "/api/v2/notifications", documented("GroupedNotificationsResults"))
    make_api("4.6.0").grouped_notifications(
        max_id=196014, since_id=1, min_id=2, limit=2, types=["favourite"], exclude_types=["mention"],
        account_id={"id": 16}, expand_accounts="full", grouped_types=["favourite", "reblog"], include_filtered=True,
        supported_types=["quote"],
    )
    assert mock_http.last.query == [
        ("max_id", "196014"),
        ("since_id", "1"),
        ("min_id", "2"),
        ("limit", "2"),
        ("types[]", "favourite"),
        ("exclude_types[]", "mention"),
        ("account_id", "16"),
        ("expand_accounts", "full"),
        ("grouped_types[]", "favourite"),
        ("grouped_types[]", "reblog"),
        ("include_filtered", "1"),
        ("supported_types[]", "quote"),
    ]


def test_grouped_notifications_expand_accounts_is_checked(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError, match="expand_accounts"):
        api.grouped_notifications(expand_accounts="some")
    assert mock_http.sent == []


def test_grouped_notification_and_its_accounts(make_api, mock_http):
    key = "favourite-113010503322889311-479000"
    mock_http.add("GET", f"/api/v2/notifications/{key}", documented("GroupedNotificationsResults"))
    mock_http.add("GET", f"/api/v2/notifications/{key}/accounts", documented("GroupedNotificationsResults")["accounts"])
    api = make_api("4.3.0")
    assert api.grouped_notification(key).notification_groups[0].notifications_count == 2
    assert (mock_http.last.path, mock_http.last.query) == (f"/api/v2/notifications/{key}", [])
    accounts = api.grouped_notification_accounts(key)
    assert mock_http.last.path == f"/api/v2/notifications/{key}/accounts"
    assert [a.acct for a in accounts] == ["eve", "alice", "bob", "mallory"]


def test_dismiss_grouped_notification(make_api, mock_http):
    mock_http.add("POST", "/api/v2/notifications/favourite-1-2/dismiss", {})
    assert make_api("4.3.0").dismiss_grouped_notification("favourite-1-2") is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("POST", "/api/v2/notifications/favourite-1-2/dismiss", [])


def test_unread_grouped_notifications_count_returns_the_number(make_api, mock_http):
    mock_http.add("GET", "/api/v2/notifications/unread_count", {"count": 7})
    count = make_api("4.3.0").unread_grouped_notifications_count(limit=100, types=["follow"], account_id=3, grouped_types=["follow"])
    assert count == 7
    assert mock_http.last.query == [("limit", "100"), ("types[]", "follow"), ("account_id", "3"), ("grouped_types[]", "follow")]


# -- notification requests ----------------------------------------------------------------


def test_notification_requests(make_api, mock_http):
    mock_http.add("GET", "/api/v1/notifications/requests", [documented("NotificationRequest")])
    mock_http.add("GET", "/api/v1/notifications/requests/112456967201894256", documented("NotificationRequest"))
    api = make_api("4.3.0")
    requests_ = api.notification_requests(max_id=5, limit=10)
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/notifications/requests", [("max_id", "5"), ("limit", "10")])
    request = requests_[0]
    assert request.account.acct == "zsc"
    assert request.created_at == datetime(2024, 5, 17, 14, 45, 41, 171000, tzinfo=timezone.utc)
    assert api.notification_request(request).last_status.id == 103186126728896492
    assert mock_http.last.path == "/api/v1/notifications/requests/112456967201894256"


@pytest.mark.parametrize("verb", ["accept", "dismiss"])
def test_accept_and_dismiss_notification_requests(make_api, mock_http, verb):
    api = make_api("4.3.0")
    mock_http.add("POST", f"/api/v1/notifications/requests/12/{verb}", {})
    mock_http.add("POST", f"/api/v1/notifications/requests/{verb}", {})
    assert getattr(api, f"{verb}_notification_request")({"id": 12}) is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("POST", f"/api/v1/notifications/requests/12/{verb}", [])
    assert getattr(api, f"{verb}_multiple_notification_requests")([12, {"id": 13}]) is None
    assert (mock_http.last.path, mock_http.last.form) == (f"/api/v1/notifications/requests/{verb}", [("id[]", "12"), ("id[]", "13")])


@pytest.mark.parametrize("ids", [[], None])
def test_multiple_notification_requests_need_ids(make_api, mock_http, ids):
    with pytest.raises(MastodonIllegalArgumentError):
        make_api("4.3.0").accept_multiple_notification_requests(ids)
    with pytest.raises(MastodonIllegalArgumentError):
        make_api("4.3.0").dismiss_multiple_notification_requests(ids)
    assert mock_http.sent == []


@pytest.mark.parametrize("merged", [True, False])
def test_notifications_merged(make_api, mock_http, merged):
    mock_http.add("GET", "/api/v1/notifications/requests/merged", {"merged": merged})
    assert make_api("4.3.0").notifications_merged() is merged
    assert mock_http.last.path == "/api/v1/notifications/requests/merged"
