"""Reports, read markers, custom emoji, apps, preferences and announcements."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError

# -- reports -------------------------------------------------------------------------------


def test_reports(api, mock_http):
    mock_http.add("GET", "/api/v1/reports", [documented("Report")])
    reports = api.reports()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/reports", [])
    assert reports[0].id == 48914
    assert reports[0].status_ids == ["108882889550545820"]


def test_report(api, mock_http):
    mock_http.add("POST", "/api/v1/reports", documented("Report"))
    report = api.report(documented("Account"), [documented("Status"), "2"], comment="Spam account", forward=True)
    assert mock_http.last.form == [
        ("account_id", "23634"),
        ("status_ids[]", "103270115826048975"),
        ("status_ids[]", "2"),
        ("comment", "Spam account"),
        ("forward", "1"),
    ]
    assert report.created_at == datetime(2022, 8, 25, 9, 56, 16, 763000, tzinfo=timezone.utc)
    assert report.target_account.id == 108366849347798387
    api.report(5)
    assert mock_http.last.form == [("account_id", "5")]
    api.report(5, status_ids=7)
    assert mock_http.last.form == [("account_id", "5"), ("status_ids[]", "7")]


def test_report_categories_rules_and_forwarding(make_api, mock_http):
    mock_http.add("POST", "/api/v1/reports", documented("Report"))
    report = make_api("4.6.0").report(
        5,
        [7],
        "Breaks rule 2",
        True,
        category="violation",
        rule_ids=[documented("Rule"), 3],
        forward_to_domains=["other.example"],
        collection_ids=["c1", {"id": "c2"}],
    )
    assert mock_http.last.form == [
        ("account_id", "5"),
        ("status_ids[]", "7"),
        ("comment", "Breaks rule 2"),
        ("forward", "1"),
        ("category", "violation"),
        ("rule_ids[]", str(documented("Rule")["id"])),
        ("rule_ids[]", "3"),
        ("forward_to_domains[]", "other.example"),
        ("collection_ids[]", "c1"),
        ("collection_ids[]", "c2"),
    ]
    assert report.category == "spam"


@pytest.mark.parametrize(
    ("kwargs", "version"), [({"category": "spam"}, "3.4.0"), ({"rule_ids": [1]}, "3.4.0"), ({"collection_ids": [1]}, "4.5.0")]
)
def test_report_parameter_gates(make_api, mock_http, kwargs, version):
    with pytest.raises(MastodonVersionError):
        make_api(version).report(5, **kwargs)
    assert mock_http.sent == []


@pytest.mark.parametrize("kwargs", [{"category": "abuse"}, {"forward_to_domains": "other.example"}, {"forward_to_domains": [1]}])
def test_report_bad_arguments(api, mock_http, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        api.report(5, **kwargs)
    assert mock_http.sent == []


def test_report_needs_an_account(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.report(None)
    assert mock_http.sent == []


# -- markers -------------------------------------------------------------------------------


def test_markers_get(api, mock_http):
    mock_http.add("GET", "/api/v1/markers", documented("Marker"))
    markers = api.markers_get()
    assert mock_http.last.query == [("timeline[]", "home")]
    assert markers.home.last_read_id == 103206604258487607
    assert markers.home.updated_at == datetime(2019, 11, 26, 22, 37, 25, 235000, tzinfo=timezone.utc)
    api.markers_get(["home", "notifications"])
    assert mock_http.last.query == [("timeline[]", "home"), ("timeline[]", "notifications")]
    api.markers_get("notifications")
    assert mock_http.last.query == [("timeline[]", "notifications")]


@pytest.mark.parametrize("timeline", [[], [1], None])
def test_markers_get_bad_timelines(api, mock_http, timeline):
    with pytest.raises(MastodonIllegalArgumentError):
        api.markers_get(timeline)
    assert mock_http.sent == []


def test_markers_set_is_json(api, mock_http):
    mock_http.add("POST", "/api/v1/markers", documented("Marker"))
    markers = api.markers_set(["home", "notifications"], [documented("Status"), "35098814"])
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/markers")
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.json == {
        "home": {"last_read_id": "103270115826048975"},
        "notifications": {"last_read_id": "35098814"},
    }
    assert markers.notifications.version == 361
    api.markers_set("home", 5)
    assert mock_http.last.json == {"home": {"last_read_id": 5}}


@pytest.mark.parametrize(("timelines", "ids"), [(["home", "notifications"], [1]), (["home"], [1, 2]), ("home", [1, 2])])
def test_markers_set_mismatched_lists(api, mock_http, timelines, ids):
    with pytest.raises(MastodonIllegalArgumentError):
        api.markers_set(timelines, ids)
    assert mock_http.sent == []


def test_markers_need_3_0_0(make_api, mock_http):
    api = make_api("2.9.3")
    with pytest.raises(MastodonVersionError):
        api.markers_get()
    with pytest.raises(MastodonVersionError):
        api.markers_set("home", 1)
    assert mock_http.sent == []


# -- emoji, apps, preferences --------------------------------------------------------------


def test_custom_emojis(api, mock_http):
    mock_http.add("GET", "/api/v1/custom_emojis", [documented("Emoji")])
    emojis = api.custom_emojis()
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/custom_emojis", [])
    assert emojis[0].shortcode == "blobaww"
    assert emojis[0].visible_in_picker is True


def test_app_verify_credentials(api, mock_http):
    mock_http.add("GET", "/api/v1/apps/verify_credentials", documented("Application"))
    app = api.app_verify_credentials()
    assert mock_http.last.headers["Authorization"] == "Bearer test-token"
    assert app.name == "test app"
    assert app.website is None


def test_preferences_keys_with_colons(api, mock_http):
    mock_http.add("GET", "/api/v1/preferences", documented("Preferences"))
    prefs = api.preferences()
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v1/preferences")
    assert prefs["posting:default:visibility"] == "public"
    assert prefs["reading:expand:media"] == "default"
    assert prefs["posting:default:language"] is None


def test_preferences_need_2_8_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("2.7.4").preferences()
    assert mock_http.sent == []


# -- announcements -------------------------------------------------------------------------


def test_announcements(api, mock_http):
    mock_http.add("GET", "/api/v1/announcements", [documented("Announcement")])
    announcement = api.announcements()[0]
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/announcements", [])
    assert announcement.id == 8
    assert announcement.starts_at is None
    assert announcement.published_at == datetime(2020, 7, 3, 1, 27, 38, 726000, tzinfo=timezone.utc)
    assert announcement.reactions[1].name == "🤔"
    assert announcement.reactions[1].me is True


def test_announcement_dismiss(api, mock_http):
    mock_http.add("POST", "/api/v1/announcements/8/dismiss", {})
    assert api.announcement_dismiss(documented("Announcement")) is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("POST", "/api/v1/announcements/8/dismiss", [])


@pytest.mark.parametrize(("method", "verb"), [("announcement_reaction_create", "PUT"), ("announcement_reaction_delete", "DELETE")])
def test_announcement_reactions(api, mock_http, method, verb):
    mock_http.add(verb, "/api/v1/announcements/8/reactions/bongoCat", {})
    mock_http.add(verb, "/api/v1/announcements/8/reactions/%F0%9F%A4%94", {})
    assert getattr(api, method)(8, "bongoCat") is None
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == (verb, "/api/v1/announcements/8/reactions/bongoCat", [])
    getattr(api, method)({"id": 8}, "🤔")
    assert mock_http.last.url.endswith("/api/v1/announcements/8/reactions/%F0%9F%A4%94")
    assert mock_http.last.form == []


@pytest.mark.parametrize("method", ["announcement_reaction_create", "announcement_reaction_delete"])
def test_announcement_reaction_needs_a_reaction(api, mock_http, method):
    with pytest.raises(MastodonIllegalArgumentError):
        getattr(api, method)(8, "")
    assert mock_http.sent == []


def test_announcements_need_3_1_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.0.0").announcements()
    assert mock_http.sent == []


def test_markers_set_does_not_take_datetimes(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.markers_set("home", datetime(2020, 1, 1, tzinfo=timezone.utc))
    with pytest.raises(MastodonIllegalArgumentError):
        api.markers_set("home", {"no": "id"})
    assert mock_http.sent == []
