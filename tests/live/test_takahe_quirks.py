"""Takahē's differences from Mastodon, recorded against a real Takahē server.

Each quirk is shown twice where that makes sense: what the server really does (through a
client whose backend gates are switched off, or through the mainline backend), and what
the ``takahe`` backend (``contrib/takahe``) makes of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import yaml

from live.helpers import ids, tiny_png
from mastodon import (
    MastodonAPIError,
    MastodonIllegalArgumentError,
    MastodonInternalServerError,
    MastodonNotFoundError,
    MastodonUnauthorizedError,
    MastodonVersionError,
)
from mastodon.errors import MastodonBackendFeatureError
from mastodon.plugin import ENDPOINTS, Endpoint, hookimpl
from mastodon.plugins import register_plugin, unregister_plugin
from mastodon.testing.live import cassette_root
from mastodon.versions import parse_version_tuple

pytestmark = [
    pytest.mark.servers("takahe"),
    pytest.mark.filterwarnings("ignore:Connecting to .* over unencrypted http"),
]

#: ``server_context.extra`` key that makes the test plugin below lift every backend gate.
UNGATED = "test_ungated"
#: A route with a trailing slash, as a careless plugin might declare it.
SLASHED_INSTANCE = Endpoint("test_instance_with_slash", "GET", "/api/v1/instance/", returns="Instance")


class _TestPlugin:
    """Not a backend: lifts the gates for clients that ask, and declares a slashed route."""

    @hookimpl
    def mastodon_endpoint_available(self, ctx: Any, endpoint: Any) -> bool | None:
        return True if ctx.extra.get(UNGATED) else None

    @hookimpl
    def mastodon_extra_endpoints(self) -> list[Endpoint]:
        return [SLASHED_INSTANCE]


@pytest.fixture
def test_plugin() -> Iterator[None]:
    plugin = _TestPlugin()
    register_plugin(plugin, name="takahe-quirks-test-plugin")
    try:
        yield
    finally:
        unregister_plugin(plugin)


@pytest.fixture
def ungated(live: Any, test_plugin: None) -> Any:
    """A client for alice on the takahe backend with the backend's gates lifted."""
    api = live.api("alice")
    api.server_context.extra[UNGATED] = True
    return api


def _no_request(live: Any, call: Any) -> BaseException:
    """Run ``call``, which must raise before sending anything; return the exception."""
    before = len(live.sent)
    with pytest.raises(Exception) as caught:
        call()
    assert len(live.sent) == before, "a request was sent"
    return caught.value


# -- detection and versions -----------------------------------------------------------------


def test_auto_detection_selects_takahe(live, live_server):
    pytest.importorskip("mastodon_takahe")
    api = live.api("alice", feature_set="auto")
    assert api.backend == "takahe"
    detection = api.server_context.extra["detection"]
    assert (detection.backend, detection.score) == ("takahe", 100)
    assert api.server_context.nodeinfo["software"] == {"name": "takahe", "version": "0.11.0"}
    version = api.server_version
    assert version.raw == live_server.version_string == "takahe/0.11.0"
    assert (version.software, version.software_version, version.mastodon) == ("takahe", (0, 11, 0), (4, 0, 0))
    assert api.mastodon_version == "4.0.0"


def test_detection_from_the_version_string_when_nodeinfo_is_elsewhere(live, live_server):
    """Takahē's nodeinfo link names its service domain (here 127.0.0.1:8000, over https);
    reached as localhost, the client follows the link without credentials and, that host
    not answering, asks the link's path of the API host."""
    pytest.importorskip("mastodon_takahe")
    if live.replaying:
        pytest.skip("recorded when links to other hosts were not followed; record it again")
    parts = urlsplit(live_server.base_url)
    if parts.hostname != "127.0.0.1":
        pytest.skip("needs the server recorded at 127.0.0.1, its service domain")
    base = urlunsplit(parts._replace(netloc=parts.netloc.replace("127.0.0.1", "localhost")))
    api = live.api("alice", feature_set="auto", api_base_url=base)
    assert api.server_context.nodeinfo["software"]["name"] == "takahe"
    assert api.backend == "takahe"
    assert api.server_version.software_version == (0, 11, 0)


def test_version_string_is_understood_on_any_backend(live):
    """Version strings are parsed by every installed backend, the active one first."""
    pytest.importorskip("mastodon_takahe")
    api = live.api("alice", feature_set="mainline", mastodon_version=None)
    assert api.backend == "mainline"
    assert api.server_version.raw == "takahe/0.11.0"
    assert (api.server_version.software, api.server_version.mastodon) == ("takahe", (4, 0, 0))


# -- error pages ----------------------------------------------------------------------------


def test_not_found_page_becomes_a_readable_error(live_api):
    with pytest.raises(MastodonNotFoundError) as caught:
        live_api.status(1)
    error = caught.value
    assert (error.status_code, error.error_message) == (404, "Page Not Found")
    assert "<" not in str(error)


def test_mainline_backend_reads_the_page_heading(live):
    api = live.api("alice", feature_set="mainline")
    with pytest.raises(MastodonNotFoundError) as caught:
        api.status(1)
    assert caught.value.error_message == "Page Not Found"  # the core reads any HTML page's heading


def test_non_numeric_id_is_a_server_error(live_api):
    with pytest.raises(MastodonInternalServerError) as caught:
        live_api.status("abc")
    assert (caught.value.status_code, caught.value.error_message) == (500, "Internal Server Error")


def test_empty_405_says_method_not_allowed(ungated):
    with pytest.raises(MastodonAPIError) as caught:
        ungated.list_create("read-only lists")
    error = caught.value
    assert type(error) is MastodonAPIError
    assert (error.status_code, error.reason, error.error_message) == (405, "Method Not Allowed", "Method Not Allowed")


def test_invalid_token_is_unauthorized(live):
    api = live.api(None, access_token="not-a-takahe-token")
    with pytest.raises(MastodonUnauthorizedError) as caught:
        api.account_verify_credentials()
    # Takahē answers 400 with a plain-text body; the class is the one Mastodon's 401 gives.
    assert (caught.value.status_code, caught.value.error_message) == (400, "Invalid Bearer token")


def test_invalid_token_on_mainline_backend_is_a_plain_400(live):
    api = live.api(None, access_token="not-a-takahe-token", feature_set="mainline")
    with pytest.raises(MastodonAPIError) as caught:
        api.account_verify_credentials()
    assert not isinstance(caught.value, MastodonUnauthorizedError)
    assert (caught.value.status_code, caught.value.error_message) == (400, "Invalid Bearer token")


def test_missing_token_is_a_json_401(live):
    with pytest.raises(MastodonUnauthorizedError) as caught:
        live.api(None).account_verify_credentials()
    assert (caught.value.status_code, caught.value.error_message) == (401, "identity_token_required")


def test_password_grant_is_not_supported(live):
    api = live.api(None, client_id=live.target.client_id, client_secret=live.target.client_secret)
    with pytest.raises(MastodonIllegalArgumentError) as caught:
        api.log_in(username=live.user("alice")["email"], password=live.target.passwords["alice"])
    cause = caught.value.__cause__
    assert isinstance(cause, MastodonAPIError)
    assert (cause.status_code, cause.error_message) == (400, "invalid_grant_type")


def test_client_credentials_grant_gives_a_useless_token(live):
    """Takahē answers the client-credentials grant with a fixed read-only app token that
    belongs to no identity, so the user endpoints refuse it."""
    app = live.api(None, client_id=live.target.client_id, client_secret=live.target.client_secret)
    grant = app.call_endpoint(
        "log_in", grant_type="client_credentials", client_id=live.target.client_id,
        client_secret=live.target.client_secret, scope="read write",
    )
    assert grant.token_type == "Bearer" and grant.scope == "read"
    with pytest.raises(MastodonUnauthorizedError) as caught:
        live.api(None, access_token=grant.access_token).account_verify_credentials()
    assert (caught.value.status_code, caught.value.error_message) == (401, "identity_token_required")


def test_create_account_is_refused_before_sending(live):
    app = live.api(None, client_id=live.target.client_id, client_secret=live.target.client_secret)
    refused = _no_request(live, lambda: app.create_account("carol", "carol-password-1", "carol@example.com", agreement=True))
    assert isinstance(refused, MastodonVersionError) and "sign-up" in str(refused)


# -- trailing slashes -----------------------------------------------------------------------


def test_trailing_slash_is_a_404(live, test_plugin):
    api = live.api("alice", feature_set="mainline")
    with pytest.raises(MastodonNotFoundError):
        api.call_endpoint(SLASHED_INSTANCE.name)


def test_trailing_slash_is_never_sent(live, live_server, test_plugin):
    instance = live.api("alice").call_endpoint(SLASHED_INSTANCE.name)
    assert instance.version == live_server.version_string
    assert urlsplit(live.sent[-1].url).path == "/api/v1/instance"


# -- what Takahē lacks: the real answer once, then the gate ---------------------------------

#: Endpoint name -> (arguments, the HTTP status Takahē 0.11.0 answers).
MISSING: dict[str, tuple[dict[str, Any], int]] = {
    "create_account": ({"username": "carol", "email": "carol@example.com", "agreement": True}, 404),
    "instance_health": ({}, 404),
    "instance_rules": ({}, 404),
    "timeline_list": ({"id": 1}, 404),
    "status_card": ({"id": 1}, 404),
    "status_history": ({"id": 1}, 404),
    "status_mute": ({"id": 1}, 404),
    "status_unmute": ({"id": 1}, 404),
    "scheduled_statuses": ({}, 404),
    "scheduled_status": ({"id": 1}, 404),
    "scheduled_status_update": ({"id": 1, "scheduled_at": "2030-01-01T00:00:00Z"}, 404),
    "scheduled_status_delete": ({"id": 1}, 404),
    "notifications_dismiss_legacy": ({"id": 1}, 405),
    "conversations_read": ({"id": 1}, 404),
    "account_lists": ({"id": 1}, 404),
    "account_pin": ({"id": 1}, 404),
    "account_unpin": ({"id": 1}, 404),
    "account_note_set": ({"id": 1, "comment": "a note"}, 404),
    "follows": ({"uri": "someone@example.com"}, 404),
    "featured_tags": ({}, 404),
    "featured_tag_suggestions": ({}, 404),
    "featured_tag_create": ({"name": "python"}, 404),
    "featured_tag_delete": ({"id": 1}, 404),
    "suggestions": ({}, 404),
    "suggestion_delete": ({"account_id": 1}, 404),
    "directory": ({}, 404),
    "endorsements": ({}, 404),
    "mutes": ({}, 404),
    "blocks": ({}, 404),
    "domain_blocks": ({}, 404),
    "domain_block": ({"domain": "example.com"}, 404),
    "domain_unblock": ({"domain": "example.com"}, 404),
    "list": ({"id": 1}, 404),
    "list_accounts": ({"id": 1}, 404),
    "list_create": ({"title": "friends"}, 405),
    "list_update": ({"id": 1, "title": "friends"}, 404),
    "list_delete": ({"id": 1}, 404),
    "list_accounts_add": ({"id": 1, "account_ids": [1]}, 404),
    "list_accounts_delete": ({"id": 1, "account_ids": [1]}, 404),
    "filter": ({"id": 1}, 404),
    "filter_create": ({"phrase": "spoilers", "context": ["home"]}, 405),
    "filter_update": ({"id": 1, "phrase": "spoilers"}, 404),
    "filter_delete": ({"id": 1}, 404),
    "reports": ({}, 404),
    "report": ({"account_id": 1, "comment": "spam"}, 404),
    "markers_get": ({"timeline": ["home"]}, 404),
    "markers_set": ({"home": {"last_read_id": 1}}, 404),
    "announcement_reaction_create": ({"id": 1, "reaction": "x"}, 404),
    "announcement_reaction_delete": ({"id": 1, "reaction": "x"}, 404),
    "push_subscription": ({}, 404),
    "stream_healthy": ({}, 404),
    "stream_user": ({}, 404),
    "stream_public": ({}, 404),
    "stream_local": ({}, 404),
    "stream_hashtag": ({"tag": "python"}, 404),
    "stream_list": ({"list": 1}, 404),
    "stream_direct": ({}, 404),
    "stream_user_notifications": ({}, 404),
    "stream_remote": ({}, 404),
    "stream_websocket": ({"stream": "user"}, 404),
    "admin_accounts": ({}, 404),
    "admin_account": ({"id": 1}, 404),
    "admin_account_enable": ({"id": 1}, 404),
    "admin_account_approve": ({"id": 1}, 404),
    "admin_account_reject": ({"id": 1}, 404),
    "admin_account_unsilence": ({"id": 1}, 404),
    "admin_account_unsuspend": ({"id": 1}, 404),
    "admin_account_moderate": ({"id": 1, "type": "silence"}, 404),
    "admin_reports": ({}, 404),
    "admin_report": ({"id": 1}, 404),
    "admin_report_assign": ({"id": 1}, 404),
    "admin_report_unassign": ({"id": 1}, 404),
    "admin_report_reopen": ({"id": 1}, 404),
    "admin_report_resolve": ({"id": 1}, 404),
    "admin_accounts_v2": ({}, 404),
    "admin_account_delete": ({"id": 1}, 404),
    "admin_account_unsensitive": ({"id": 1}, 404),
    "admin_domain_blocks": ({}, 404),
    "admin_domain_block": ({"id": 1}, 404),
    "admin_create_domain_block": ({"domain": "blocked.example"}, 404),
    "admin_update_domain_block": ({"id": 1, "severity": "suspend"}, 404),
    "admin_delete_domain_block": ({"id": 1}, 404),
    "admin_domain_allows": ({}, 404),
    "admin_domain_allow": ({"id": 1}, 404),
    "admin_create_domain_allow": ({"domain": "allowed.example"}, 404),
    "admin_delete_domain_allow": ({"id": 1}, 404),
    "admin_email_domain_blocks": ({}, 404),
    "admin_create_email_domain_block": ({"domain": "blocked.example"}, 404),
    "admin_delete_email_domain_block": ({"id": 1}, 404),
    "admin_canonical_email_blocks": ({}, 404),
    "admin_canonical_email_block": ({"id": 1}, 404),
    "admin_test_canonical_email_block": ({"email": "someone@blocked.example"}, 404),
    "admin_create_canonical_email_block": ({"email": "someone@blocked.example"}, 404),
    "admin_delete_canonical_email_block": ({"id": 1}, 404),
    "admin_ip_blocks": ({}, 404),
    "admin_ip_block": ({"id": 1}, 404),
    "admin_create_ip_block": ({"ip": "192.0.2.0/24", "severity": "no_access"}, 404),
    "admin_update_ip_block": ({"id": 1, "comment": "live tests"}, 404),
    "admin_delete_ip_block": ({"id": 1}, 404),
    "admin_measures": ({"keys": ["active_users"], "start_at": "2026-11-01", "end_at": "2026-11-30"}, 404),
    "admin_dimensions": ({"keys": ["languages"], "start_at": "2026-11-01", "end_at": "2026-11-30"}, 404),
    "admin_retention": ({"start_at": "2026-11-01", "end_at": "2026-11-30", "frequency": "day"}, 404),
    "admin_trending_links": ({}, 404),
    "admin_trending_statuses": ({}, 404),
    "admin_trending_tags": ({}, 404),
    "status_translate": ({"id": 1, "lang": "de"}, 404),
    "account_remove_from_followers": ({"id": 1}, 404),
    "trends": ({}, 404),
    "create_filter_v2": ({"title": "spoilers", "context": ["home"], "filter_action": "warn"}, 405),
    "filter_v2": ({"filter_id": 1}, 404),
    "update_filter_v2": ({"filter_id": 1, "title": "spoilers"}, 404),
    "delete_filter_v2": ({"filter_id": 1}, 404),
    "filter_keywords_v2": ({"filter_id": 1}, 404),
    "add_filter_keyword_v2": ({"filter_id": 1, "keyword": "spoiler", "whole_word": True}, 404),
    "delete_filter_keyword_v2": ({"keyword_id": 1}, 404),
    "filter_statuses_v2": ({"filter_id": 1}, 404),
    "add_filter_status_v2": ({"filter_id": 1, "status_id": 1}, 404),
    "filter_status_v2": ({"filter_status_id": 1}, 404),
    "delete_filter_status_v2": ({"filter_status_id": 1}, 404),
    "instance_domain_blocks": ({}, 404),
    "instance_extended_description": ({}, 404),
    "instance_languages": ({}, 404),
    "email_resend_confirmation": ({}, 404),
}


@pytest.mark.parametrize("name", sorted(MISSING))
def test_missing_endpoint_is_gated(live, ungated, name):
    arguments, status = MISSING[name]
    with pytest.raises(MastodonAPIError) as caught:
        ungated.call_endpoint(name, **arguments)
    error = caught.value
    assert error.status_code == status
    assert error.error_message == {404: "Page Not Found", 405: "Method Not Allowed"}[status]
    if status == 404:
        assert isinstance(error, MastodonNotFoundError)

    refused = _no_request(live, lambda: live.api("alice").call_endpoint(name, **arguments))
    assert isinstance(refused, MastodonBackendFeatureError)
    assert (refused.feature, refused.backend) == (name, "takahe")
    assert "Takahē" in str(refused)


def test_public_methods_are_refused_before_sending(live, live_api):
    for call in (
        live_api.blocks, live_api.mutes, live_api.domain_blocks, live_api.instance_rules,
        lambda: live_api.markers_get(["home"]), lambda: live_api.status_history(1),
        lambda: live_api.list_create("friends"), lambda: live_api.list_accounts_add(1, [1]),
        live_api.push_subscription, live_api.push_subscription_delete,
    ):
        assert isinstance(_no_request(live, call), MastodonVersionError)


def test_instance_health_is_false_without_asking(live, live_api):
    before = len(live.sent)
    assert live_api.instance_health() is False
    assert len(live.sent) == before


def test_push_without_vapid_keys(live, ungated):
    """Takahē serves push only with VAPID keys configured; this server has none."""
    keys = {"pubkey": b"\x04" + bytes(range(64)), "auth": bytes(range(16))}
    with pytest.raises(MastodonNotFoundError) as caught:
        ungated.push_subscription_set("https://push.example.com/endpoint", keys, mention_events=True)
    assert caught.value.error_message == "Page Not Found"
    with pytest.raises(MastodonAPIError) as caught:
        ungated.push_subscription_update(mention_events=False)
    assert (caught.value.status_code, caught.value.error_message) == (400, "invalid_input")
    with pytest.raises(MastodonNotFoundError):
        ungated.push_subscription()
    # Deleting asks nothing of the push set-up, and there is nothing to delete.
    assert not ungated.push_subscription_delete()
    gated = live.api("alice")
    refused = _no_request(live, lambda: gated.push_subscription_set("https://push.example.com/endpoint", keys))
    assert "VAPID" in str(refused)


# -- statuses -------------------------------------------------------------------------------


def test_scheduled_at_is_ignored_so_it_is_refused(live, live_api):
    later = live_api.status_post("A post for later, at once", visibility="direct")
    try:
        when = later.created_at + timedelta(days=2)
    finally:
        live_api.status_delete(later)
    refused = _no_request(live, lambda: live_api.status_post("Later, please", scheduled_at=when, visibility="direct"))
    assert isinstance(refused, MastodonIllegalArgumentError)
    # What the server does with it: posts at once, as a plain status.
    raw = live.api("alice", feature_set="mainline")
    posted = raw.status_post("Later, please", scheduled_at=when, visibility="direct")
    try:
        assert posted.uri and "scheduled_at" not in posted and "params" not in posted
        assert posted.created_at < when - timedelta(days=1)
    finally:
        raw.status_delete(posted)


def test_delete_returns_plain_source_text(live, live_api, live_server):
    text = "Redraft me, @bob: see https://example.com/page?x=1 #redraft\n\nA second paragraph\nwith a break & <angles>"
    status = live_api.status_post(text, visibility="direct")
    source = live_api.status_source(status)
    deleted = live_api.status_delete(status)
    assert source.text == text
    assert deleted.text == text
    assert deleted.id == status.id
    raw_status = live.api("alice", feature_set="mainline").status_post("Raw <b>text</b>", visibility="direct")
    raw_deleted = live.api("alice", feature_set="mainline").status_delete(raw_status)
    assert raw_deleted.text == raw_deleted.content == "<p>Raw &lt;b&gt;text&lt;/b&gt;</p>"


def test_language_is_not_kept(live_api):
    status = live_api.status_post("Ein Beitrag", language="de", visibility="direct")
    try:
        assert status.language is None
        assert live_api.status(status).language is None
    finally:
        live_api.status_delete(status)


def test_edit_and_source_work_but_history_is_gated(live, live_api):
    status = live_api.status_post("The first version", visibility="private", spoiler_text="cw")
    try:
        edited = live_api.status_update(status, status="The second version", spoiler_text="edited")
        assert edited.id == status.id
        assert "The second version" in edited.content
        assert edited.spoiler_text == "edited"
        assert edited.edited_at is not None
        source = live_api.status_source(status)
        assert (source.id, source.text, source.spoiler_text) == (status.id, "The second version", "edited")
        assert isinstance(_no_request(live, lambda: live_api.status_history(status)), MastodonVersionError)
    finally:
        live_api.status_delete(status)


def test_edit_makes_the_post_public(live_api):
    """Takahē 0.11 resets the visibility of an edited post to public (its edit API takes none)."""
    status = live_api.status_post("Only for my followers", visibility="private")
    try:
        assert status.visibility == "private"
        edited = live_api.status_update(status, status="Only for my followers, edited")
        assert edited.visibility == "public"
        assert live_api.status(status).visibility == "public"
    finally:
        live_api.status_delete(status)


def test_reblog_answers_the_original_status(live_api, live_api_bob, live_server):
    """Mastodon answers a reblog with the new wrapping status; Takahē with the original."""
    status = live_api.status_post("Boost me, Takahē style", visibility="public")
    try:
        boosted = live_api_bob.status_reblog(status)
        assert boosted.id == status.id
        assert boosted.reblog is None
        assert boosted.reblogged is True
        assert boosted.reblogs_count == 1
        assert ids(live_api.status_reblogged_by(status)) == [live_server.users["bob"]["id"]]
        unboosted = live_api_bob.status_unreblog(status)
        assert (unboosted.id, unboosted.reblogged) == (status.id, False)
    finally:
        live_api.status_delete(status)


# -- accounts -------------------------------------------------------------------------------


def test_acct_differs_between_endpoints(live_api, live_server):
    me = live_api.account_verify_credentials()
    assert me.acct == live_server.users["alice"]["username"] == "alice"
    status = live_api.status_post("Who am I?", visibility="direct")
    try:
        assert status.account.id == me.id
        assert status.account.acct.startswith("alice@") and status.account.acct != me.acct
        assert live_api.account_lookup("alice").acct == status.account.acct
        assert live_api.account(me).acct == status.account.acct
    finally:
        live_api.status_delete(status)


def test_lookup_by_full_handle_is_not_found(live_api):
    full = live_api.account_lookup("alice").acct
    with pytest.raises(MastodonNotFoundError):
        live_api.account_lookup(full)


def test_account_created_at_is_a_date(live_api):
    me = live_api.account_verify_credentials()
    assert (me.created_at.hour, me.created_at.minute, me.created_at.second) == (0, 0, 0)


def test_follow_completes_in_the_background(live, live_api, live_api_bob, live_server):
    alice, bob = live_server.users["alice"]["id"], live_server.users["bob"]["id"]
    if live_api.account_relationships(bob)[0].following:
        live_api.account_unfollow(bob)
        live.wait_until(lambda: not live_api.account_relationships(bob)[0].following, what="the unfollow")
    first = live_api.account_follow(bob)
    try:
        assert first.id == bob
        assert first.following is False  # the follow is accepted by a background worker
        live.wait_until(lambda: live_api.account_relationships(bob)[0].following, what="the follow")
        # The follower lists catch up later still.
        live.wait_until(lambda: alice in ids(live_api_bob.account_followers(bob)), what="the followers list")
        assert bob in ids(live_api.account_following(alice))
        post = live_api_bob.status_post("Fan-out to my followers", visibility="public")
        try:
            live.wait_until(lambda: post.id in ids(live_api.timeline_home()), what="the home timeline fan-out")
        finally:
            live_api_bob.status_delete(post)
    finally:
        live_api.account_unfollow(bob)
        live.wait_until(lambda: not live_api.account_relationships(bob)[0].following, what="the unfollow")


# -- media ----------------------------------------------------------------------------------


def test_png_is_stored_as_webp(live_api):
    media = live_api.media_post(tiny_png(), mime_type="image/png", description="a red square")
    assert media.type == "image"
    assert media.description == "a red square"
    assert media.url.endswith(".webp")
    fetched = live_api.media(media)
    assert fetched.id == media.id
    updated = live_api.media_update(media, description="a red square, described again")
    assert updated.description == "a red square, described again"
    status = live_api.status_post("A picture", media_ids=[media], visibility="direct")
    try:
        assert ids(status.media_attachments) == [media.id]
    finally:
        live_api.status_delete(status)


# -- ids ------------------------------------------------------------------------------------


def test_datetimes_as_pagination_ids(live_api):
    status = live_api.status_post("Find me by time", visibility="public")
    try:
        after = status.created_at + timedelta(seconds=1)
        before = status.created_at - timedelta(seconds=1)
        assert status.id in ids(live_api.timeline_public(local=True, max_id=after))
        assert status.id not in ids(live_api.timeline_public(local=True, max_id=before))
        assert status.id in ids(live_api.timeline_public(local=True, min_id=before))
        assert status.id not in ids(live_api.timeline_public(local=True, min_id=after))
    finally:
        live_api.status_delete(status)


# -- read-only lists and filters ------------------------------------------------------------


def test_lists_and_filters_are_read_only_and_empty(live, live_api):
    assert live_api.lists() == []
    assert live_api.filters() == []
    assert isinstance(_no_request(live, lambda: live_api.filter_create("spoiler", ["home"])), MastodonVersionError)


# -- the rest of what Takahē serves ---------------------------------------------------------


def test_instance_activity_peers_and_emoji(live_api):
    weeks = live_api.instance_activity()
    assert weeks and {"week", "statuses", "logins", "registrations"} <= set(weeks[0])
    assert live_api.instance_peers() == []
    assert live_api.custom_emojis() == []


def test_app_verify_credentials_hides_the_client_and_has_no_vapid_key(live_api):
    app = live_api.app_verify_credentials()
    assert app.name
    assert (app.client_id, app.client_secret) == ("", "")
    # No VAPID key: this server cannot do push (see test_push_without_vapid_keys).
    assert app.vapid_key is None


def test_revoke_an_unknown_token(live):
    api = live.api(None, access_token="not-a-takahe-token", client_id=live.target.client_id,
                   client_secret=live.target.client_secret)
    with pytest.raises(MastodonUnauthorizedError) as caught:
        api.revoke_access_token()
    assert caught.value.error_message == "Invalid Bearer token"
    assert api.access_token == "not-a-takahe-token"


def test_familiar_followers(live, live_api, live_api_bob, live_server):
    """Takahē lists the accounts one follows that follow the given account too."""
    alice, bob = live_server.users["alice"]["id"], live_server.users["bob"]["id"]
    familiar = live_api.account_familiar_followers(bob)
    assert [(str(entry.id), entry.accounts) for entry in familiar] == [(str(bob), [])]
    both = live_api_bob.account_familiar_followers([alice, bob])
    assert [str(entry.id) for entry in both] == [str(alice), str(bob)]


def test_filter_groups_are_read_only_and_empty(live, live_api):
    assert live_api.filters_v2() == []
    refused = _no_request(live, lambda: live_api.create_filter_v2("spoilers", ["home"], "warn"))
    assert isinstance(refused, MastodonBackendFeatureError)


def test_featured_tags_of_an_account(live_api, live_server):
    assert live_api.account_featured_tags(live_server.users["alice"]["id"]) == []


def test_block_and_mute_work_but_cannot_be_listed(live, live_api, live_server):
    bob = live_server.users["bob"]["id"]
    try:
        assert live_api.account_block(bob).blocking is True
        assert live_api.account_relationships(bob)[0].blocking is True
        assert isinstance(_no_request(live, live_api.blocks), MastodonVersionError)
    finally:
        assert live_api.account_unblock(bob).blocking is False
    try:
        muted = live_api.account_mute(bob, notifications=False, duration=3600)
        assert muted.muting is True and muted.muting_notifications is False
        assert isinstance(_no_request(live, live_api.mutes), MastodonVersionError)
    finally:
        assert live_api.account_unmute(bob).muting is False


def test_follow_requests_appear_in_the_background(live, live_api, live_api_bob, live_server):
    """A locked account gets follow requests, but ``requested`` is only true once the worker ran."""
    alice, bob = live_server.users["alice"]["id"], live_server.users["bob"]["id"]
    if live_api_bob.account_relationships(alice)[0].following:
        live_api_bob.account_unfollow(alice)
        live.wait_until(lambda: not live_api_bob.account_relationships(alice)[0].following, what="the unfollow")
    assert live_api.account_update_credentials(locked=True).locked is True
    try:
        for decide in ("authorize", "reject"):
            first = live_api_bob.account_follow(alice)
            assert (first.following, first.requested) == (False, False)
            live.wait_until(lambda: bob in ids(live_api.follow_requests()), what="the follow request")
            assert live_api_bob.account_relationships(alice)[0].requested is True
            if decide == "authorize":
                assert live_api.follow_request_authorize(bob).id == bob
                live.wait_until(lambda: live_api_bob.account_relationships(alice)[0].following, what="the follow")
                live_api_bob.account_unfollow(alice)
                live.wait_until(
                    lambda: not live_api_bob.account_relationships(alice)[0].following, what="the unfollow"
                )
            else:
                assert live_api.follow_request_reject(bob).id == bob
                live.wait_until(lambda: bob not in ids(live_api.follow_requests()), what="the rejection")
                assert live_api_bob.account_relationships(alice)[0].following is False
    finally:
        live_api.account_update_credentials(locked=False)


def test_dismiss_a_notification(live, live_api, live_api_bob, live_server):
    mention = live_api_bob.status_post(f"@{live_server.users['alice']['username']} a word with you", visibility="direct")
    try:
        found = live.wait_until(
            lambda: [n for n in live_api.notifications() if n.type == "mention" and n.status and n.status.id == mention.id],
            what="the mention notification",
        )
        notification = found[0]
        assert live_api.notifications(id=notification.id).id == notification.id
        live_api.notifications_dismiss(notification)
        assert notification.id not in ids(live_api.notifications())
    finally:
        live_api_bob.status_delete(mention)


def test_announcements_have_nothing_to_dismiss(live_api):
    assert live_api.announcements() == []
    with pytest.raises(MastodonNotFoundError) as caught:
        live_api.announcement_dismiss(1)
    assert caught.value.error_message == "Page Not Found"


def test_conversations_are_always_empty(live, live_api, live_api_bob, live_server):
    direct = live_api.status_post(f"@{live_server.users['bob']['username']} just between us", visibility="direct")
    try:
        live.wait_until(
            lambda: direct.id in [n.status.id for n in live_api_bob.notifications() if n.status],
            what="the direct message",
        )
        assert live_api.conversations() == []
        assert live_api_bob.conversations() == []
    finally:
        live_api.status_delete(direct)


def test_voting_twice_is_a_server_error(live_api, live_api_bob):
    status = live_api.status_post("Vote once", poll=live_api.make_poll(["a", "b"], expires_in=600), visibility="direct")
    try:
        live_api_bob.poll_vote(status.poll, 0)
        with pytest.raises(MastodonInternalServerError) as caught:
            live_api_bob.poll_vote(status.poll, 1)
        assert caught.value.error_message == "Internal Server Error"
    finally:
        live_api.status_delete(status)


def test_account_search_ignores_following(live_api, live_server):
    bob = live_server.users["bob"]["id"]
    assert not live_api.account_relationships(bob)[0].following
    assert bob in ids(live_api.account_search(live_server.users["bob"]["username"], following=True))


def test_media_focus_is_not_kept(live_api):
    media = live_api.media_post(tiny_png(rgb=(30, 200, 30)), mime_type="image/png", focus=(0.5, -0.5))
    assert (media.meta.focus.x, media.meta.focus.y) == (0, 0)


# -- coverage of the recordings -------------------------------------------------------------


#: Endpoints Takahē's API level includes that were not sent to the recorded server yet.
NOT_YET_RECORDED: set[str] = set()


def test_every_endpoint_takahe_serves_is_recorded():
    """Each endpoint the takahe backend lets through was sent to the real server at least once,
    and each endpoint it refuses was sent once (its real 404/405) before being refused."""
    gates = pytest.importorskip("mastodon_takahe.gates")
    recorded: set[tuple[str, str]] = set()
    for path in (cassette_root() / "takahe").glob("*/*/*.yaml"):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        for interaction in data.get("interactions") or ():
            request = interaction["request"]
            recorded.add((request["method"], urlsplit(request["uri"]).path))
    assert recorded, "no Takahē recordings"

    def sent(method: str, template: str) -> bool:
        pattern = re.compile("^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$")
        return any(m == method and pattern.match(p) for m, p in recorded)

    # Endpoints newer than the Mastodon API Takahē serves are refused unsent by the core's gate.
    compat = pytest.importorskip("mastodon_takahe").MASTODON_COMPAT
    unrecorded = [
        name for name, endpoint in ENDPOINTS.items()
        if endpoint.mainline and not sent(endpoint.method, endpoint.path) and parse_version_tuple(endpoint.added) <= compat
    ]
    assert sorted(unrecorded) == sorted(NOT_YET_RECORDED)
    # The gate table and the recorded 404/405 answers (push: test_push_without_vapid_keys) agree.
    push = {"push_subscription_set", "push_subscription_update", "push_subscription_delete"}
    gated = {name for name, endpoint in ENDPOINTS.items() if gates.missing_reason(endpoint.method, endpoint.path) is not None}
    newer = {name for name, endpoint in ENDPOINTS.items() if parse_version_tuple(endpoint.added) > compat}
    assert set(MISSING) | push | ((NOT_YET_RECORDED | newer) & gated) == gated
