"""Notifications: mentions, favourites, follows, filtering and clearing."""

from __future__ import annotations

import pytest

from live.helpers import ids
from mastodon.api.notifications import ALL_BUT_MENTIONS

pytestmark = pytest.mark.servers("gotosocial", "hollo")


def _about(notifications, status_id):
    return [n for n in notifications if n.get("status") and n.status.id == status_id]


@pytest.mark.servers("gotosocial", "takahe")  # Hollo: see contrib/hollo/README.md
def test_mention_notification(live, live_api, live_api_bob, live_server):
    bob = live_server.users["bob"]["id"]
    mention = live_api_bob.status_post(f"@{live_server.users['alice']['acct']} are you there?", visibility="unlisted")
    try:
        found = live.wait_until(lambda: _about(live_api.notifications(), mention.id), what="the mention notification")
        notification = found[0]
        assert notification.type == "mention"
        assert notification.account.id == bob
        single = live_api.notifications(id=notification.id)
        assert single.id == notification.id and single.type == "mention"
        # What mentions_only sent before Mastodon 3.5's types[] (the recordings predate it).
        assert notification.id in ids(live_api.notifications(exclude_types=list(ALL_BUT_MENTIONS)))
        assert all(n.type == "mention" for n in live_api.notifications(exclude_types=list(ALL_BUT_MENTIONS)))
        assert notification.id not in ids(live_api.notifications(exclude_types=["mention"]))
        assert notification.id in ids(live_api.notifications(account_id=bob))
        assert all(n.account.id == bob for n in live_api.notifications(account_id=bob))
    finally:
        live_api_bob.status_delete(mention)


@pytest.mark.servers("gotosocial", "takahe")  # Hollo: see contrib/hollo/README.md
def test_favourite_and_reblog_notifications(live, live_api, live_api_bob):
    status = live_api.status_post("Notify me about this", visibility="public")
    try:
        live_api_bob.status_favourite(status)
        live_api_bob.status_reblog(status)
        kinds = live.wait_until(
            lambda: (found := {n.type for n in _about(live_api.notifications(), status.id)}) >= {"favourite", "reblog"} and found,
            what="the favourite and reblog notifications",
        )
        assert kinds == {"favourite", "reblog"}
        only = live_api.notifications(exclude_types=["mention", "follow", "follow_request", "poll", "reblog"])
        assert {n.type for n in _about(only, status.id)} == {"favourite"}
    finally:
        live_api.status_delete(status)


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_follow_request_notification(live, live_api, live_api_bob, live_server):
    alice, bob = live_server.users["alice"]["id"], live_server.users["bob"]["id"]
    live_api_bob.account_follow(alice)
    try:
        found = live.wait_until(
            lambda: [n for n in live_api.notifications(account_id=bob) if n.type == "follow_request"],
            what="the follow request notification",
        )
        assert found[0].account.id == bob
    finally:
        live_api_bob.account_unfollow(alice)


@pytest.mark.servers("gotosocial", "takahe")  # Hollo: see contrib/hollo/README.md
def test_clear_notifications(live, live_api, live_api_bob, live_server):
    mention = live_api_bob.status_post(f"@{live_server.users['alice']['acct']} clear me", visibility="unlisted")
    try:
        live.wait_until(lambda: _about(live_api.notifications(), mention.id), what="the mention notification")
        assert live_api.notifications_clear() is None
        assert live_api.notifications() == []
    finally:
        live_api_bob.status_delete(mention)
