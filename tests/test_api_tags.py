"""Hashtags: one by name, following, featuring, the followed ones."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError


def test_tag(api, mock_http):
    mock_http.add("GET", "/api/v1/tags/nowplaying", documented("Tag"))
    tag = api.tag("#nowplaying")
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/tags/nowplaying", [])
    assert tag.name == "nowplaying"
    assert tag.history[0].day == datetime(2019, 11, 24, tzinfo=timezone.utc)
    assert tag.following is False


@pytest.mark.parametrize(("method", "verb"), [("tag_follow", "follow"), ("tag_unfollow", "unfollow")])
def test_tag_follow_and_unfollow(api, mock_http, method, verb):
    mock_http.add("POST", f"/api/v1/tags/nowplaying/{verb}", documented("Tag"))
    for hashtag in ("nowplaying", "#nowplaying", documented("Tag")):
        tag = getattr(api, method)(hashtag)
        sent = mock_http.last
        assert (sent.method, sent.path, sent.form) == ("POST", f"/api/v1/tags/nowplaying/{verb}", [])
        assert tag.url == "https://mastodon.social/tags/nowplaying"


@pytest.mark.parametrize(("method", "verb"), [("tag_feature", "feature"), ("tag_unfeature", "unfeature")])
def test_tag_feature_and_unfeature(make_api, mock_http, method, verb):
    mock_http.add("POST", f"/api/v1/tags/nowplaying/{verb}", documented("Tag"))
    tag = getattr(make_api("4.4.0"), method)("nowplaying")
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", f"/api/v1/tags/nowplaying/{verb}", [])
    assert tag.name == "nowplaying"
    with pytest.raises(MastodonVersionError):
        getattr(make_api("4.3.0"), method)("nowplaying")
    assert len(mock_http.sent) == 1


def test_followed_tags(api, mock_http):
    mock_http.add("GET", "/api/v1/followed_tags", [documented("Tag")])
    tags = api.followed_tags(max_id=5, limit=200)
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/followed_tags", [("max_id", "5"), ("limit", "200")])
    assert tags[0].name == "nowplaying"


@pytest.mark.parametrize("method", ["tag", "tag_follow", "tag_unfollow", "followed_tags"])
def test_tags_need_4_0_0(make_api, mock_http, method):
    api = make_api("3.5.5")
    with pytest.raises(MastodonVersionError):
        getattr(api, method)(*(() if method == "followed_tags" else ("x",)))
    assert mock_http.sent == []


@pytest.mark.parametrize("hashtag", ["", "#", None, 5, {"id": "1"}])
@pytest.mark.parametrize("method", ["tag", "tag_follow", "tag_unfollow", "tag_feature", "tag_unfeature"])
def test_tag_needs_a_name(make_api, mock_http, method, hashtag):
    with pytest.raises(MastodonIllegalArgumentError):
        getattr(make_api("4.4.0"), method)(hashtag)
    assert mock_http.sent == []
