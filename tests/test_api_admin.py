"""The moderation API: account and report queries and actions."""

from __future__ import annotations

from datetime import datetime, timezone

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
