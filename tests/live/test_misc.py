"""Markers, preferences, announcements, reports, moderation, push subscriptions, apps and login."""

from __future__ import annotations

import pytest

from live.helpers import PUSH_KEYS, ids
from mastodon import Mastodon, MastodonIllegalArgumentError

pytestmark = pytest.mark.servers("gotosocial", "hollo")



def test_markers(live_api):
    status = live_api.status_post("Read up to here", visibility="private")
    try:
        saved = live_api.markers_set(["home"], [status])
        assert saved.home.last_read_id == status.id
        markers = live_api.markers_get()
        assert markers.home.last_read_id == status.id
        both = live_api.markers_get(["home", "notifications"])
        assert both.home.last_read_id == status.id
    finally:
        live_api.status_delete(status)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_preferences(live_api):
    preferences = live_api.preferences()
    assert preferences["posting:default:visibility"] in ("public", "unlisted", "private", "direct")
    assert "reading:expand:spoilers" in preferences


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_announcements(live_api):
    announcements = live_api.announcements()
    assert isinstance(announcements, list)


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_report_and_moderation(live, live_api, live_api_bob, live_server):
    alice, bob = live_server.users["alice"]["id"], live_server.users["bob"]["id"]
    status = live_api.status_post("Report me, please", visibility="public")
    try:
        report = live_api_bob.report(alice, status_ids=[status], comment="a report from the live tests")
        assert report.comment == "a report from the live tests"
        assert report.action_taken is False
        assert report.id in ids(live_api_bob.reports())
        found = live.wait_until(lambda: [r for r in live_api.admin_reports() if r.id == report.id], what="the report")
        assert found[0].account.id == bob
        assert found[0].target_account.id == alice
        assert report.id in ids(live_api.admin_reports(account_id=bob))
        assert live_api.admin_report(report).id == report.id
        resolved = live_api.admin_report_resolve(report)
        assert resolved.action_taken is True
        assert report.id in ids(live_api.admin_reports(resolved=True))
        assert report.id not in ids(live_api.admin_reports())
    finally:
        live_api.status_delete(status)


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_admin_accounts(live_api, live_server):
    alice, bob = live_server.users["alice"], live_server.users["bob"]
    local = live_api.admin_accounts()
    assert {alice["id"], bob["id"]} <= set(ids(local))
    assert ids(live_api.admin_accounts(username=bob["username"])) == [bob["id"]]
    assert alice["id"] in ids(live_api.admin_accounts(staff_only=True))
    account = live_api.admin_account(bob["id"])
    assert account.id == bob["id"]
    assert account.username == bob["username"]
    assert account.account.id == bob["id"]


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_admin_accounts_v2(live_api, live_server):
    alice, bob = live_server.users["alice"], live_server.users["bob"]
    local = live_api.admin_accounts_v2(origin="local")
    assert {alice["id"], bob["id"]} <= set(ids(local))
    assert ids(live_api.admin_accounts_v2(origin="local", username=bob["username"])) == [bob["id"]]
    assert alice["id"] in ids(live_api.admin_accounts_v2(origin="local", permissions="staff"))
    assert live_api.admin_accounts_v2(origin="remote") == []


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_admin_domain_blocks(live_api):
    block = live_api.admin_create_domain_block(
        "blocked.live-tests.example", severity="suspend", reject_media=True, private_comment="live tests",
        public_comment="a test block",
    )
    try:
        assert (block.domain, block.public_comment) == ("blocked.live-tests.example", "a test block")
        assert "severity" not in block  # GoToSocial's domain blocks always suspend, and do not say so
        assert block.id in ids(live_api.admin_domain_blocks())
        assert live_api.admin_domain_blocks(id=block.id).domain == "blocked.live-tests.example"
        updated = live_api.admin_update_domain_block(block, public_comment="a test block, changed")
        assert (updated.id, updated.public_comment) == (block.id, "a test block, changed")
        published = [b for b in live_api.instance_domain_blocks() if b.domain == "blocked.live-tests.example"]
        assert [(b.severity, b.comment) for b in published] == [("suspend", "a test block, changed")]
    finally:
        live_api.admin_delete_domain_block(block)
    assert block.id not in ids(live_api.admin_domain_blocks())


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_admin_domain_allows(live_api):
    allow = live_api.admin_create_domain_allow("allowed.live-tests.example")
    try:
        assert allow.domain == "allowed.live-tests.example"
        assert allow.id in ids(live_api.admin_domain_allows())
        assert live_api.admin_domain_allow(allow).domain == "allowed.live-tests.example"
    finally:
        live_api.admin_delete_domain_allow(allow)
    assert allow.id not in ids(live_api.admin_domain_allows())


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_push_subscription(live_api):
    subscription = live_api.push_subscription_set(
        "https://push.example/live-tests", PUSH_KEYS, follow_events=True, mention_events=True, favourite_events=False,
    )
    try:
        assert subscription.endpoint == "https://push.example/live-tests"
        assert subscription.alerts.follow is True
        assert subscription.alerts.favourite is False
        assert live_api.push_subscription().endpoint == "https://push.example/live-tests"
        updated = live_api.push_subscription_update(follow_events=False, mention_events=True, reblog_events=True, poll_events=True)
        assert (updated.alerts.follow, updated.alerts.mention, updated.alerts.reblog, updated.alerts.poll) == (False, True, True, True)
        assert live_api.push_subscription().alerts.reblog is True
    finally:
        assert live_api.push_subscription_delete() is None


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_create_app(live, live_server):
    session = live.api(None).session
    client_id, client_secret = Mastodon.create_app(
        "mastodon-fediverse live tests", scopes=["read", "write"], website="https://example.org",
        api_base_url=live_server.base_url, session=session,
    )
    assert isinstance(client_id, str) and client_id
    assert isinstance(client_secret, str) and client_secret
    assert len(live.sent) == 1


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_auth_request_url(live, live_server):
    api = live.api(None, client_id=live_server.client_id, client_secret=live_server.client_secret)
    url = api.auth_request_url(scopes=["read"], state="xyz")
    assert url.startswith(f"{live_server.base_url}/oauth/authorize?")
    assert "state=xyz" in url and "response_type=code" in url
    assert live.sent == []


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_log_in_with_a_bad_code(live, live_server):
    api = live.api(None, client_id=live_server.client_id, client_secret=live_server.client_secret)
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid access token or redirect_uris"):
        api.log_in(code="not-a-real-code", scopes=["read"])
    assert [r.path_url for r in live.sent] == ["/oauth/token"]


def test_revoke_access_token(live, live_server):
    grant = live.api(None).session.post(
        f"{live_server.base_url}/oauth/token",
        data={
            "grant_type": "client_credentials", "client_id": live_server.client_id,
            "client_secret": live_server.client_secret, "redirect_uri": "urn:ietf:wg:oauth:2.0:oob", "scope": "read",
        },
        headers={"User-Agent": "mastodonpy"},
    )
    assert grant.status_code == 200
    token = grant.json()["access_token"]
    api = live.api(None, access_token=token, client_id=live_server.client_id, client_secret=live_server.client_secret)
    assert api.instance_v1().uri
    assert api.revoke_access_token() is None
    assert api.access_token is None
    assert live.sent[-1].path_url == "/oauth/revoke"
