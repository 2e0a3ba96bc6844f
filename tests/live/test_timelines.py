"""Timelines: home, public, local, hashtag; conversations."""

from __future__ import annotations

import pytest

from live.helpers import following, ids

pytestmark = pytest.mark.servers("gotosocial", "hollo")


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_home_timeline(live, live_api):
    status = live_api.status_post("On my home timeline", visibility="unlisted")
    try:
        home = live.wait_until(lambda: (page := live_api.timeline_home(limit=10)) and status.id in ids(page) and page,
                               what="the status on the home timeline")
        assert all(item.id for item in home)
        assert status.id in ids(live_api.timeline())
        assert status.id in ids(live_api.timeline("home", limit=5))
    finally:
        live_api.status_delete(status)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_home_timeline_of_a_follower(live, live_api, live_api_bob):
    with following(live, "bob", "alice"):
        status = live_api.status_post("For my followers", visibility="private")
        try:
            live.wait_until(lambda: status.id in ids(live_api_bob.timeline_home()), what="the status on bob's home timeline")
        finally:
            live_api.status_delete(status)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_public_and_local_timelines(live, live_api):
    status = live_api.status_post("On the public timelines", visibility="public")
    try:
        live.wait_until(lambda: status.id in ids(live_api.timeline_public()), what="the status on the public timeline")
        assert status.id in ids(live_api.timeline_local())
        assert status.id in ids(live_api.timeline("local"))
        assert status.id in ids(live_api.timeline_public(local=True))
    finally:
        live_api.status_delete(status)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_hashtag_timeline(live, live_api):
    status = live_api.status_post("Tagged #livetesttag", visibility="public")
    try:
        page = live.wait_until(lambda: (p := live_api.timeline_hashtag("livetesttag")) and status.id in ids(p) and p,
                               what="the status on the hashtag timeline")
        assert any(tag.name == "livetesttag" for tag in page[0].tags)
        assert status.id in ids(live_api.timeline("tag/livetesttag"))
    finally:
        live_api.status_delete(status)


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_conversations(live, live_api, live_api_bob, live_server):
    message = live_api_bob.status_post("@alice a direct message", visibility="direct")
    try:
        conversation = live.wait_until(
            lambda: next((c for c in live_api.conversations() if c.last_status and c.last_status.id == message.id), None),
            what="the conversation",
        )
        assert live_server.users["bob"]["id"] in ids(conversation.accounts)
        read = live_api.conversations_read(conversation)
        assert read.id == conversation.id
        assert read.unread is False
    finally:
        live_api_bob.status_delete(message)
