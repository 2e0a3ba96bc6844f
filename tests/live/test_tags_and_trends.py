"""Hashtags (following them), trends and follow suggestions."""

from __future__ import annotations

import pytest

from mastodon import MastodonNotFoundError

pytestmark = pytest.mark.servers("gotosocial", "takahe")

TAG = "livetagfollowing"


def _tag_exists(api):
    try:
        return api.tag(TAG)
    except MastodonNotFoundError:
        return None


def test_follow_a_hashtag(live, live_api):
    status = live_api.status_post(f"A status to make #{TAG} known", visibility="public")
    try:
        tag = live.wait_until(lambda: _tag_exists(live_api), what="the hashtag")
        assert tag.name == TAG
        assert not tag.following
        followed = live_api.tag_follow(TAG)
        try:
            assert (followed.name, followed.following) == (TAG, True)
            assert live_api.tag(followed).following is True
            assert TAG in [t.name for t in live_api.followed_tags()]
        finally:
            unfollowed = live_api.tag_unfollow(TAG)
        assert (unfollowed.name, unfollowed.following) == (TAG, False)
        assert TAG not in [t.name for t in live_api.followed_tags(limit=40)]
    finally:
        live_api.status_delete(status)


def test_trends_are_empty_on_a_quiet_server(live_api):
    assert live_api.trending_tags(limit=5) == []
    assert live_api.trends() == []
    assert live_api.trending_statuses() == []
    assert live_api.trending_links() == []


def test_follow_suggestions_v2(live_api, live_server):
    suggestions = live_api.suggestions_v2()
    assert isinstance(suggestions, list)
    for suggestion in suggestions:
        assert suggestion.account.id != live_server.users["alice"]["id"]
