"""The moderation API: accounts, reports, federation and sign-up blocks, the dashboard and trends."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError

ADMIN_ID = 108965278956942133


def test_admin_accounts_defaults_to_active_local_accounts(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/accounts", [documented("AdminAccount")])
    accounts = api.admin_accounts()
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/admin/accounts", [("active", "1")])
    account = accounts[0]
    assert account.id == ADMIN_ID
    assert account.created_at == datetime(2022, 9, 8, 23, 3, 26, 762000, tzinfo=timezone.utc)
    assert account.ips[0].used_at == datetime(2022, 9, 15, 1, 38, 58, 851000, tzinfo=timezone.utc)
    assert account.role.id == 3
    assert account.account.acct == "admin"


def test_admin_accounts_all_filters(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/accounts", [])
    api.admin_accounts(
        remote=True,
        by_domain="example.org",
        status="suspended",
        username="bob",
        display_name="Bob",
        email="bob@example.org",
        ip="10.0.0.1",
        staff_only=True,
        max_id=10,
        min_id={"id": 2},
        since_id=1,
        limit=5,
    )
    assert sorted(mock_http.last.query) == sorted(
        [
            ("remote", "1"),
            ("by_domain", "example.org"),
            ("suspended", "1"),
            ("username", "bob"),
            ("display_name", "Bob"),
            ("email", "bob@example.org"),
            ("ip", "10.0.0.1"),
            ("staff", "1"),
            ("max_id", "10"),
            ("min_id", "2"),
            ("since_id", "1"),
            ("limit", "5"),
        ]
    )
    assert ("active", "1") not in mock_http.last.query


@pytest.mark.parametrize("status", ["pending", "disabled", "silenced"])
def test_admin_accounts_status_becomes_a_flag(api, mock_http, status):
    mock_http.add("GET", "/api/v1/admin/accounts", [])
    api.admin_accounts(status=status)
    assert mock_http.last.query == [(status, "1")]


def test_admin_accounts_invalid_status(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.admin_accounts(status="banned")
    assert mock_http.sent == []


def test_admin_account(api, mock_http):
    mock_http.add("GET", f"/api/v1/admin/accounts/{ADMIN_ID}", documented("AdminAccount"))
    account = api.admin_account(ADMIN_ID)
    assert (mock_http.last.path, mock_http.last.query) == (f"/api/v1/admin/accounts/{ADMIN_ID}", [])
    assert account.email == "admin@mastodon.local"


@pytest.mark.parametrize("verb", ["enable", "approve", "reject", "unsilence", "unsuspend"])
def test_admin_account_actions(api, mock_http, verb):
    mock_http.add("POST", f"/api/v1/admin/accounts/{ADMIN_ID}/{verb}", documented("AdminAccount"))
    result = getattr(api, f"admin_account_{verb}")(documented("AdminAccount"))
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", f"/api/v1/admin/accounts/{ADMIN_ID}/{verb}", [])
    assert result.id == ADMIN_ID


def test_admin_account_moderate_warning_only(api, mock_http):
    mock_http.add("POST", "/api/v1/admin/accounts/5/action", {})
    assert api.admin_account_moderate(5) is None
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/admin/accounts/5/action")
    assert sent.form == [("type", "none"), ("send_email_notification", "1")]


def test_admin_account_moderate_everything(api, mock_http):
    mock_http.add("POST", "/api/v1/admin/accounts/5/action", {})
    api.admin_account_moderate(
        {"id": 5}, action="suspend", report_id=documented("AdminReport"), warning_preset_id=3, text="Bye", send_email_notification=False
    )
    assert mock_http.last.form == [("type", "suspend"), ("report_id", "1"), ("warning_preset_id", "3"), ("text", "Bye")]


@pytest.mark.parametrize("action", ["ban", "delete", ""])
def test_admin_account_moderate_invalid_action(api, mock_http, action):
    with pytest.raises(MastodonIllegalArgumentError):
        api.admin_account_moderate(5, action)
    assert mock_http.sent == []


def test_admin_reports(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/reports", [documented("AdminReport")])
    reports = api.admin_reports()
    assert mock_http.last.query == []
    report = reports[0]
    assert report.id == 1
    assert report.account.account.id == ADMIN_ID
    assert report.target_account.id == 108965430868193066
    assert report.assigned_account is None
    assert report.updated_at == datetime(2022, 9, 9, 21, 19, 23, 85000, tzinfo=timezone.utc)
    api.admin_reports(resolved=True, account_id=documented("Account"), target_account_id=7, limit=3)
    assert mock_http.last.query == [("resolved", "1"), ("account_id", "23634"), ("target_account_id", "7"), ("limit", "3")]


def test_admin_report(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/reports/1", documented("AdminReport"))
    assert api.admin_report(1).category == "spam"
    assert mock_http.last.path == "/api/v1/admin/reports/1"


@pytest.mark.parametrize(
    ("method", "verb"),
    [
        ("admin_report_assign", "assign_to_self"),
        ("admin_report_unassign", "unassign"),
        ("admin_report_reopen", "reopen"),
        ("admin_report_resolve", "resolve"),
    ],
)
def test_admin_report_actions(api, mock_http, method, verb):
    mock_http.add("POST", f"/api/v1/admin/reports/1/{verb}", documented("AdminReport"))
    report = getattr(api, method)(documented("AdminReport"))
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("POST", f"/api/v1/admin/reports/1/{verb}", [])
    assert report.action_taken is False


def test_admin_api_needs_2_9_1(make_api, mock_http):
    api = make_api("2.9.0")
    calls = [
        api.admin_accounts,
        lambda: api.admin_account(1),
        lambda: api.admin_account_moderate(1, "silence"),
        api.admin_reports,
        lambda: api.admin_report_resolve(1),
    ]
    for call in calls:
        with pytest.raises(MastodonVersionError):
            call()
    assert mock_http.sent == []


# -- accounts (newer routes) ---------------------------------------------------------------

GOODY_ID = 108965430868193066


@pytest.mark.parametrize(("method", "http", "suffix"), [("admin_account_delete", "DELETE", ""), ("admin_account_unsensitive", "POST", "/unsensitive")])
def test_admin_account_delete_and_unsensitive(api, mock_http, method, http, suffix):
    mock_http.add(http, f"/api/v1/admin/accounts/{ADMIN_ID}{suffix}", documented("AdminAccount"))
    account = getattr(api, method)(documented("AdminAccount"))
    sent = mock_http.last
    assert (sent.method, sent.path, sent.params) == (http, f"/api/v1/admin/accounts/{ADMIN_ID}{suffix}", [])
    assert account.id == ADMIN_ID
    assert account.created_at == datetime(2022, 9, 8, 23, 3, 26, 762000, tzinfo=timezone.utc)


def test_admin_accounts_v1_is_admin_accounts(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/accounts", [documented("AdminAccount")])
    assert api.admin_accounts_v1(status="pending", staff_only=True)[0].id == ADMIN_ID
    assert mock_http.last.query == [("staff", "1"), ("pending", "1")]


def test_admin_accounts_v2(api, mock_http):
    mock_http.add("GET", "/api/v2/admin/accounts", [documented("AdminAccount")])
    accounts = api.admin_accounts_v2()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v2/admin/accounts", [])
    assert accounts[0].id == ADMIN_ID
    assert accounts[0].role.created_at.tzinfo is not None
    api.admin_accounts_v2(
        origin="remote", by_domain="example.org", status="silenced", username="bob", display_name="Bob",
        email="bob@example.org", ip="10.0.0.1", permissions="staff", invited_by=documented("Account"),
        role_ids=[3, {"id": 4}], max_id=10, limit=5,
    )
    assert mock_http.last.query == [
        ("origin", "remote"), ("by_domain", "example.org"), ("status", "silenced"), ("username", "bob"),
        ("display_name", "Bob"), ("email", "bob@example.org"), ("ip", "10.0.0.1"), ("permissions", "staff"),
        ("invited_by", "23634"), ("role_ids[]", "3"), ("role_ids[]", "4"), ("max_id", "10"), ("limit", "5"),
    ]


@pytest.mark.parametrize("bad", [{"origin": "elsewhere"}, {"status": "banned"}, {"permissions": "admin"}])
def test_admin_accounts_v2_rejects_unknown_filters(api, mock_http, bad):
    with pytest.raises(MastodonIllegalArgumentError):
        api.admin_accounts_v2(**bad)
    assert mock_http.sent == []


def test_admin_accounts_v2_role_ids_need_4_0_0(make_api, mock_http):
    api = make_api("3.5.0")
    mock_http.add("GET", "/api/v2/admin/accounts", [])
    api.admin_accounts_v2(origin="local")
    with pytest.raises(MastodonVersionError, match="role_ids"):
        api.admin_accounts_v2(role_ids=[1])
    assert len(mock_http.sent) == 1


def test_admin_reports_unresolved(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/reports", [])
    api.admin_reports(unresolved=True)
    assert mock_http.last.query == []
    with pytest.raises(MastodonIllegalArgumentError):
        api.admin_reports(resolved=True, unresolved=True)
    assert len(mock_http.sent) == 1


# -- domain blocks and allows --------------------------------------------------------------

def _assert_domain_block(block):
    assert block.id == 1
    assert block.domain == "example.com"
    assert block.severity == "noop"
    assert block.created_at == datetime(2022, 11, 16, 8, 15, 34, 238000, tzinfo=timezone.utc)


def test_admin_domain_blocks_list_and_one(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/domain_blocks", [documented("AdminDomainBlock")])
    mock_http.add("GET", "/api/v1/admin/domain_blocks/1", documented("AdminDomainBlock"))
    blocks = api.admin_domain_blocks(limit=2)
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/admin/domain_blocks", [("limit", "2")])
    _assert_domain_block(blocks[0])
    block = api.admin_domain_blocks(id=1)
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/admin/domain_blocks/1", [])
    assert isinstance(block, dict)
    _assert_domain_block(block)


def test_admin_create_domain_block(api, mock_http):
    mock_http.add("POST", "/api/v1/admin/domain_blocks", documented("AdminDomainBlock"))
    _assert_domain_block(api.admin_create_domain_block("example.com", severity="noop", reject_media=False, obfuscate=True, private_comment="spam"))
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/admin/domain_blocks")
    assert sent.form == [("domain", "example.com"), ("severity", "noop"), ("reject_media", "0"), ("private_comment", "spam"), ("obfuscate", "1")]


def test_admin_update_domain_block(api, mock_http):
    mock_http.add("PUT", "/api/v1/admin/domain_blocks/1", documented("AdminDomainBlock"))
    _assert_domain_block(api.admin_update_domain_block(documented("AdminDomainBlock"), severity="suspend", public_comment="bad"))
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("PUT", "/api/v1/admin/domain_blocks/1", [("severity", "suspend"), ("public_comment", "bad")])


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.admin_create_domain_block("example.com", severity="block"),
        lambda api: api.admin_create_domain_block(None),
        lambda api: api.admin_create_domain_block(["example.com"]),
        lambda api: api.admin_create_domain_block("example.com", reject_media="yes"),
        lambda api: api.admin_update_domain_block(1, severity="ban"),
        lambda api: api.admin_update_domain_block(None, severity="noop"),
        lambda api: api.admin_delete_domain_block(),
        lambda api: api.admin_create_domain_allow(None),
    ],
)
def test_domain_block_and_allow_arguments_are_checked(api, mock_http, call):
    with pytest.raises(MastodonIllegalArgumentError):
        call(api)
    assert mock_http.sent == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("admin_delete_domain_block", "/api/v1/admin/domain_blocks/1"),
        ("admin_delete_domain_allow", "/api/v1/admin/domain_allows/1"),
        ("admin_delete_email_domain_block", "/api/v1/admin/email_domain_blocks/1"),
        ("admin_delete_ip_block", "/api/v1/admin/ip_blocks/1"),
    ],
)
def test_admin_deletions_return_none(api, mock_http, method, path):
    mock_http.add("DELETE", path, {})
    assert getattr(api, method)({"id": 1}) is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.params) == ("DELETE", path, [])


def test_admin_domain_allows(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/domain_allows", [documented("AdminDomainAllow")])
    mock_http.add("GET", "/api/v1/admin/domain_allows/1", documented("AdminDomainAllow"))
    mock_http.add("POST", "/api/v1/admin/domain_allows", documented("AdminDomainAllow"))
    allows = api.admin_domain_allows(since_id=1)
    assert mock_http.last.query == [("since_id", "1")]
    assert allows[0].created_at == datetime(2022, 9, 14, 21, 23, 2, 755000, tzinfo=timezone.utc)
    assert api.admin_domain_allow(1).domain == "mastodon.social"
    assert mock_http.last.path == "/api/v1/admin/domain_allows/1"
    assert api.admin_create_domain_allow("mastodon.social").id == 1
    assert (mock_http.last.method, mock_http.last.form) == ("POST", [("domain", "mastodon.social")])


# -- sign-up blocks ------------------------------------------------------------------------


def test_admin_email_domain_blocks(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/email_domain_blocks", [documented("AdminEmailDomainBlock")])
    mock_http.add("GET", "/api/v1/admin/email_domain_blocks/1", documented("AdminEmailDomainBlock"))
    mock_http.add("POST", "/api/v1/admin/email_domain_blocks", documented("AdminEmailDomainBlock"))
    block = api.admin_email_domain_blocks(limit=1)[0]
    assert mock_http.last.query == [("limit", "1")]
    assert block.id == 1 and block.domain == "foo"
    assert block.created_at == datetime(2022, 11, 16, 6, 9, 36, 176000, tzinfo=timezone.utc)
    assert block.history[0].day == datetime(2022, 11, 16, tzinfo=timezone.utc)
    assert api.admin_email_domain_block(1).history[-1].day == datetime(2022, 11, 10, tzinfo=timezone.utc)
    assert mock_http.last.path == "/api/v1/admin/email_domain_blocks/1"
    assert api.admin_create_email_domain_block("foo").domain == "foo"
    assert (mock_http.last.method, mock_http.last.form) == ("POST", [("domain", "foo")])


def test_admin_email_domain_block_needs_4_1_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("4.0.0").admin_email_domain_block(1)
    assert mock_http.sent == []


HASH = "b344e55d11b3fc25d0d53194e0475838bf17e9be67ce3e6469956222d9a34f9c"


def test_admin_canonical_email_blocks(api, mock_http):
    base = "/api/v1/admin/canonical_email_blocks"
    mock_http.add("GET", base, [documented("AdminCanonicalEmailBlock")])
    mock_http.add("GET", base + "/1", documented("AdminCanonicalEmailBlock"))
    mock_http.add("POST", base + "/test", [documented("AdminCanonicalEmailBlock")])
    mock_http.add("POST", base, documented("AdminCanonicalEmailBlock"))
    mock_http.add("DELETE", base + "/1", {})
    assert api.admin_canonical_email_blocks(max_id=5)[0].canonical_email_hash == HASH
    assert mock_http.last.query == [("max_id", "5")]
    assert api.admin_canonical_email_block(1).id == 1
    assert mock_http.last.path == base + "/1"
    assert api.admin_test_canonical_email_block("Some.One+tag@example.com")[0].id == 1
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("POST", base + "/test", [("email", "Some.One+tag@example.com")])
    assert api.admin_create_canonical_email_block(email="someone@example.com").canonical_email_hash == HASH
    assert (mock_http.last.path, mock_http.last.form) == (base, [("email", "someone@example.com")])
    api.admin_create_canonical_email_block(canonical_email_hash=HASH)
    assert mock_http.last.form == [("canonical_email_hash", HASH)]
    assert api.admin_delete_canonical_email_block(1) == {}
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", base + "/1")


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.admin_create_canonical_email_block(),
        lambda api: api.admin_test_canonical_email_block(None),
        lambda api: api.admin_create_email_domain_block(None),
        lambda api: api.admin_create_ip_block("10.0.0.0/8", "block"),
        lambda api: api.admin_create_ip_block(None, "no_access"),
        lambda api: api.admin_create_ip_block("10.0.0.0/8", None),
        lambda api: api.admin_create_ip_block("10.0.0.0/8", "no_access", expires_in="1 day"),
        lambda api: api.admin_create_ip_block("10.0.0.0/8", "no_access", expires_in=True),
        lambda api: api.admin_update_ip_block(1, severity="deny"),
    ],
)
def test_sign_up_block_arguments_are_checked(api, mock_http, call):
    with pytest.raises(MastodonIllegalArgumentError):
        call(api)
    assert mock_http.sent == []


def test_admin_ip_blocks(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/ip_blocks", [documented("AdminIpBlock")])
    mock_http.add("GET", "/api/v1/admin/ip_blocks/1", documented("AdminIpBlock"))
    block = api.admin_ip_blocks()[0]
    assert mock_http.last.query == []
    assert (block.id, block.ip, block.severity, block.expires_at) == (1, "8.8.8.8/32", "no_access", None)
    assert block.created_at == datetime(2022, 11, 16, 7, 22, 0, 501000, tzinfo=timezone.utc)
    assert api.admin_ip_block(documented("AdminIpBlock")).ip == "8.8.8.8/32"
    assert mock_http.last.path == "/api/v1/admin/ip_blocks/1"


def test_admin_create_and_update_ip_block(api, mock_http):
    mock_http.add("POST", "/api/v1/admin/ip_blocks", documented("AdminIpBlock"))
    mock_http.add("PUT", "/api/v1/admin/ip_blocks/1", documented("AdminIpBlock"))
    assert api.admin_create_ip_block("8.8.8.8/32", "no_access", comment="resolver", expires_in=86400).id == 1
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/admin/ip_blocks")
    assert sent.form == [("ip", "8.8.8.8/32"), ("severity", "no_access"), ("comment", "resolver"), ("expires_in", "86400")]
    api.admin_update_ip_block(1, severity="sign_up_requires_approval")
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == (
        "PUT", "/api/v1/admin/ip_blocks/1", [("severity", "sign_up_requires_approval")],
    )


# -- dashboard -----------------------------------------------------------------------------

START = datetime(2022, 9, 14, tzinfo=timezone.utc)
END = START + timedelta(days=7)


def test_admin_measures(api, mock_http):
    mock_http.add("POST", "/api/v1/admin/measures", documented("AdminMeasures"))
    measures = api.admin_measures(START, END, active_users=True, interactions=True, tag_uses={"id": 802}, instance_statuses="example.org")
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/admin/measures")
    assert sent.form == [
        ("keys[]", "active_users"), ("keys[]", "interactions"), ("keys[]", "tag_uses"), ("keys[]", "instance_statuses"),
        ("start_at", "2022-09-14T00:00:00+00:00"), ("end_at", "2022-09-21T00:00:00+00:00"),
        ("tag_uses[id]", "802"), ("instance_statuses[domain]", "example.org"),
    ]
    assert [m.key for m in measures][:3] == ["active_users", "new_users", "interactions"]
    assert measures[0].total == "2"
    assert measures[0].data[0].date == START
    media = next(m for m in measures if m.key == "instance_media_attachments")
    assert (media.unit, media.human_value) == ("bytes", "0 Bytes")


def test_admin_dimensions(api, mock_http):
    mock_http.add("POST", "/api/v1/admin/dimensions", documented("AdminDimensions"))
    dimensions = api.admin_dimensions(date(2022, 9, 14), date(2022, 9, 21), limit=2, languages=True, space_usage=True, tag_servers=802, instance_accounts="mastodon.social")
    assert mock_http.last.form == [
        ("keys[]", "languages"), ("keys[]", "space_usage"), ("keys[]", "tag_servers"), ("keys[]", "instance_accounts"),
        ("start_at", "2022-09-14"), ("end_at", "2022-09-21"), ("limit", "2"),
        ("tag_servers[id]", "802"), ("instance_accounts[domain]", "mastodon.social"),
    ]
    assert dimensions[0].key == "languages"
    assert dimensions[0].data[0].human_key == "English"
    space = next(d for d in dimensions if d.key == "space_usage")
    assert space.data[0].human_value == "46.2 GB"


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.admin_measures(START, END),
        lambda api: api.admin_measures(None, END, new_users=True),
        lambda api: api.admin_measures("2022-09-14", END, new_users=True),
        lambda api: api.admin_dimensions(START, END),
        lambda api: api.admin_dimensions(START, 7, sources=True),
        lambda api: api.admin_retention(START, END, frequency="week"),
        lambda api: api.admin_retention(START, None),
        lambda api: api.admin_retention(START, "tomorrow"),
    ],
)
def test_dashboard_arguments_are_checked(api, mock_http, call):
    with pytest.raises(MastodonIllegalArgumentError):
        call(api)
    assert mock_http.sent == []


def test_admin_retention(api, mock_http):
    mock_http.add("POST", "/api/v1/admin/retention", documented("AdminRetention"))
    cohorts = api.admin_retention(START, END, frequency="month")
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/admin/retention")
    assert sent.form == [("start_at", "2022-09-14T00:00:00+00:00"), ("end_at", "2022-09-21T00:00:00+00:00"), ("frequency", "month")]
    assert cohorts[0].period == datetime(2022, 9, 1, tzinfo=timezone.utc)
    assert cohorts[0].frequency == "month"
    assert (cohorts[0].data[0].rate, cohorts[0].data[0].value) == (1.0, "2")
    api.admin_retention(START, END)
    assert mock_http.last.form[-1] == ("frequency", "day")


# -- trends --------------------------------------------------------------------------------


def test_admin_trending_links_statuses_and_tags(api, mock_http):
    mock_http.add("GET", "/api/v1/admin/trends/links", [documented("AdminTrendsLink")])
    mock_http.add("GET", "/api/v1/admin/trends/statuses", [documented("Status")])
    mock_http.add("GET", "/api/v1/admin/trends/tags", [documented("AdminTag")])
    link = api.admin_trending_links()[0]
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/admin/trends/links", [])
    assert link.provider_name == "Twitter"
    assert link.history[0].day == datetime(2022, 11, 27, tzinfo=timezone.utc)
    assert api.admin_trending_statuses()[0].id == 103270115826048975
    assert mock_http.last.path == "/api/v1/admin/trends/statuses"
    tag = api.admin_trending_tags(limit=5)[0]
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/admin/trends/tags", [("limit", "5")])
    assert (tag.id, tag.name, tag.trendable, tag.requires_review) == (802, "caturday", True, False)


@pytest.mark.parametrize(
    ("kind", "singular", "fixture", "field", "value"),
    [
        ("links", "link", "AdminTrendsLink", "title", "ARuFa on Twitter"),
        ("statuses", "status", "Status", "id", 103270115826048975),
        ("tags", "tag", "AdminTag", "id", 802),
    ],
)
@pytest.mark.parametrize("verb", ["approve", "reject"])
def test_admin_trend_review(api, mock_http, kind, singular, fixture, field, value, verb):
    mock_http.add("POST", f"/api/v1/admin/trends/{kind}/7/{verb}", documented(fixture))
    result = getattr(api, f"admin_{verb}_trending_{singular}")({"id": 7})
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", f"/api/v1/admin/trends/{kind}/7/{verb}", [])
    assert result[field] == value


# -- version gates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "call"),
    [
        ("3.2.0", lambda api: api.admin_account_delete(1)),
        ("3.2.0", lambda api: api.admin_account_unsensitive(1)),
        ("3.4.0", lambda api: api.admin_accounts_v2()),
        ("3.4.0", lambda api: api.admin_measures(START, END, new_users=True)),
        ("3.4.0", lambda api: api.admin_dimensions(START, END, languages=True)),
        ("3.4.0", lambda api: api.admin_retention(START, END)),
        ("3.4.0", lambda api: api.admin_trending_links()),
        ("3.4.0", lambda api: api.admin_trending_statuses()),
        ("3.4.0", lambda api: api.admin_trending_tags()),
        ("3.5.0", lambda api: api.admin_domain_blocks()),
        ("3.5.0", lambda api: api.admin_domain_blocks(id=1)),
        ("3.5.0", lambda api: api.admin_create_domain_block("example.com")),
        ("3.5.0", lambda api: api.admin_update_domain_block(1, severity="noop")),
        ("3.5.0", lambda api: api.admin_delete_domain_block(1)),
        ("3.5.0", lambda api: api.admin_domain_allows()),
        ("3.5.0", lambda api: api.admin_domain_allow(1)),
        ("3.5.0", lambda api: api.admin_create_domain_allow("example.com")),
        ("3.5.0", lambda api: api.admin_delete_domain_allow(1)),
        ("3.5.0", lambda api: api.admin_email_domain_blocks()),
        ("3.5.0", lambda api: api.admin_create_email_domain_block("example.com")),
        ("3.5.0", lambda api: api.admin_delete_email_domain_block(1)),
        ("3.5.0", lambda api: api.admin_canonical_email_blocks()),
        ("3.5.0", lambda api: api.admin_canonical_email_block(1)),
        ("3.5.0", lambda api: api.admin_test_canonical_email_block("a@example.com")),
        ("3.5.0", lambda api: api.admin_create_canonical_email_block("a@example.com")),
        ("3.5.0", lambda api: api.admin_delete_canonical_email_block(1)),
        ("3.5.0", lambda api: api.admin_ip_blocks()),
        ("3.5.0", lambda api: api.admin_ip_block(1)),
        ("3.5.0", lambda api: api.admin_create_ip_block("10.0.0.0/8", "no_access")),
        ("3.5.0", lambda api: api.admin_update_ip_block(1, comment="x")),
        ("3.5.0", lambda api: api.admin_delete_ip_block(1)),
        ("4.0.0", lambda api: api.admin_approve_trending_link(1)),
        ("4.0.0", lambda api: api.admin_reject_trending_status(1)),
        ("4.0.0", lambda api: api.admin_approve_trending_tag(1)),
    ],
)
def test_newer_admin_calls_are_refused_on_older_servers(make_api, mock_http, version, call):
    with pytest.raises(MastodonVersionError):
        call(make_api(version))
    assert mock_http.sent == []
