"""Accounts: profiles, lookups, relationships, follows and follow requests, blocks, mutes."""

from __future__ import annotations

import pytest

from live.helpers import ids, tiny_png

pytestmark = pytest.mark.servers("gotosocial", "hollo")


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_verify_credentials(live_api, live_server):
    me = live_api.account_verify_credentials()
    assert me.id == live_server.users["alice"]["id"]
    assert me.username == live_server.users["alice"]["username"]
    assert "note" in me.source
    assert live_api.me().id == me.id


def test_account_and_lookup(live_api, live_server):
    bob = live_server.users["bob"]
    account = live_api.account(bob["id"])
    assert (account.id, account.username, account.acct) == (bob["id"], bob["username"], bob["acct"])
    assert live_api.account_lookup(bob["acct"]).id == bob["id"]
    assert live_api.account({"id": bob["id"]}).id == bob["id"]


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_account_search(live_api, live_server):
    found = live_api.account_search(live_server.users["bob"]["username"], limit=5)
    assert live_server.users["bob"]["id"] in ids(found)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_account_statuses_filters(live_api, live_api_bob, live_server):
    alice = live_server.users["alice"]["id"]
    top = live_api.status_post("A status of my own", visibility="public")
    reply = live_api.status_reply(top, "and a reply to it")
    try:
        everything = live_api.account_statuses(alice, limit=10)
        assert {top.id, reply.id} <= set(ids(everything))
        no_replies = live_api.account_statuses(alice, exclude_replies=True, limit=10)
        assert top.id in ids(no_replies) and reply.id not in ids(no_replies)
        assert top.id not in ids(live_api.account_statuses(alice, only_media=True))
        assert reply.id in ids(live_api_bob.account_statuses(alice, exclude_reblogs=True))
    finally:
        live_api.status_delete(reply)
        live_api.status_delete(top)


def test_follow_request_authorize(live, live_api, live_api_bob, live_server):
    alice, bob = live_server.users["alice"]["id"], live_server.users["bob"]["id"]
    relationship = live_api_bob.account_follow(alice, reblogs=True, notify=False)
    try:
        assert relationship.id == alice
        assert relationship.requested is True and relationship.following is False
        live.wait_until(lambda: bob in ids(live_api.follow_requests()), what="the follow request")
        authorized = live_api.follow_request_authorize(bob)
        assert authorized.id == bob
        assert authorized.followed_by is True
        live.wait_until(lambda: live_api_bob.account_relationships(alice)[0].following, what="the follow")
        assert bob in ids(live_api.account_followers(alice))
        assert alice in ids(live_api_bob.account_following(bob))
        both = live_api.account_relationships([alice, bob])
        assert ids(both) == [alice, bob]
        assert both[1].followed_by is True
    finally:
        unfollowed = live_api_bob.account_unfollow(alice)
    assert unfollowed.following is False
    assert bob not in ids(live_api.account_followers(alice))


def test_follow_request_reject(live, live_api, live_api_bob, live_server):
    alice, bob = live_server.users["alice"]["id"], live_server.users["bob"]["id"]
    assert live_api_bob.account_follow(alice).requested is True
    live.wait_until(lambda: bob in ids(live_api.follow_requests()), what="the follow request")
    rejected = live_api.follow_request_reject(bob)
    assert rejected.id == bob
    assert rejected.followed_by is False
    assert bob not in ids(live_api.follow_requests())
    relationship = live_api_bob.account_relationships(alice)[0]
    assert (relationship.following, relationship.requested) == (False, False)


def test_follows_by_acct(live, live_api, live_api_bob, live_server):
    alice = live_server.users["alice"]
    relationship = live_api_bob.follows(alice["acct"])
    try:
        assert relationship.id == alice["id"]
        assert relationship.requested is True
    finally:
        live_api_bob.account_unfollow(alice["id"])
    assert live_server.users["bob"]["id"] not in ids(live_api.follow_requests())


def test_block(live_api, live_server):
    bob = live_server.users["bob"]["id"]
    blocked = live_api.account_block(bob)
    try:
        assert blocked.blocking is True
        assert bob in ids(live_api.blocks())
    finally:
        unblocked = live_api.account_unblock(bob)
    assert unblocked.blocking is False
    assert bob not in ids(live_api.blocks())


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_mute(live_api, live_server):
    bob = live_server.users["bob"]["id"]
    muted = live_api.account_mute(bob, notifications=False, duration=3600)
    try:
        assert muted.muting is True
        assert muted.muting_notifications is False
        assert bob in ids(live_api.mutes())
    finally:
        unmuted = live_api.account_unmute(bob)
    assert unmuted.muting is False
    assert bob not in ids(live_api.mutes())


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_private_note(live_api, live_server):
    bob = live_server.users["bob"]["id"]
    try:
        assert live_api.account_note_set(bob, "met at the live tests").note == "met at the live tests"
        assert live_api.account_relationships(bob)[0].note == "met at the live tests"
    finally:
        live_api.account_note_set(bob, "")


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_update_credentials(live_api):
    before = live_api.account_verify_credentials()
    try:
        updated = live_api.account_update_credentials(
            display_name="Alice of the live tests", note="Recorded against a real server.",
            fields=[("home", "https://example.org"), ("pronouns", "she/her")], bot=False, discoverable=False,
        )
        assert updated.display_name == "Alice of the live tests"
        assert "Recorded against a real server." in updated.note
        assert [(f.name, f.value) for f in updated.source.fields] == [("home", "https://example.org"), ("pronouns", "she/her")]
        assert updated.bot is False
    finally:
        restored = live_api.account_update_credentials(display_name=before.display_name or " ", note=before.source.note or " ")
    assert restored.id == before.id


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_update_avatar_and_header(live_api):
    updated = live_api.account_update_credentials(
        avatar=tiny_png(rgb=(20, 120, 200)), avatar_mime_type="image/png",
        header=tiny_png(16, 8, rgb=(40, 40, 40)), header_mime_type="image/png",
    )
    assert updated.avatar and updated.header
    assert updated.avatar != updated.header


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_featured_tags_and_lists_of_an_account(live_api, live_server):
    assert isinstance(live_api.featured_tags(), list)
    assert isinstance(live_api.account_featured_tags(live_server.users["alice"]["id"]), list)
    assert isinstance(live_api.account_lists(live_server.users["bob"]["id"]), list)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_follow_requests_empty_when_nobody_asks(live_api):
    assert live_api.follow_requests(limit=5) == []
