"""Trending hashtags, statuses and links."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonVersionError


def test_trending_tags(api, mock_http):
    mock_http.add("GET", "/api/v1/trends/tags", [documented("Tag")])
    tags = api.trending_tags(limit=10, offset=20)
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/trends/tags", [("limit", "10"), ("offset", "20")])
    assert "Accept-Language" not in sent.headers
    assert tags[0].name == "nowplaying"
    assert tags[0].history[1].day == datetime(2019, 11, 23, tzinfo=timezone.utc)


def test_trends_is_trending_tags(api, mock_http):
    mock_http.add("GET", "/api/v1/trends/tags", [documented("Tag")])
    assert api.trends(5)[0].name == "nowplaying"
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/trends/tags", [("limit", "5")])


@pytest.mark.parametrize("method", ["trends", "trending_tags"])
def test_trending_tags_before_3_5_0_use_the_old_route(make_api, mock_http, method):
    mock_http.add("GET", "/api/v1/trends", [documented("Tag")])
    tags = getattr(make_api("3.4.0"), method)(3)
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/trends", [("limit", "3")])
    assert tags[0].name == "nowplaying"


def test_trending_statuses(api, mock_http):
    mock_http.add("GET", "/api/v1/trends/statuses", [documented("Status")])
    statuses = api.trending_statuses(limit=40, lang="de")
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/trends/statuses", [("limit", "40")])
    assert sent.headers["Accept-Language"] == "de"
    assert statuses[0].id == 103270115826048975


def test_trending_links(api, mock_http):
    mock_http.add("GET", "/api/v1/trends/links", [documented("TrendsLink")])
    links = api.trending_links(offset=10, lang="fr")
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/trends/links", [("offset", "10")])
    assert sent.headers["Accept-Language"] == "fr"
    assert links[0].title == "Plan Your Vote: 2022 Elections"
    assert links[0].history[0].day == datetime(2022, 8, 30, tzinfo=timezone.utc)
    assert links[0].history[1].uses == "23"


@pytest.mark.parametrize("method", ["trending_statuses", "trending_links"])
def test_trending_statuses_and_links_need_3_5_0(make_api, mock_http, method):
    with pytest.raises(MastodonVersionError):
        getattr(make_api("3.4.0"), method)()
    assert mock_http.sent == []


def test_trends_need_3_0_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("2.9.3").trends()
    assert mock_http.sent == []
