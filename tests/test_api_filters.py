"""Keyword filters: server calls and the client-side filters_apply helper."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError
from mastodon.decode import decode_value


def test_filters_and_filter(api, mock_http):
    mock_http.add("GET", "/api/v1/filters", [documented("Filter")])
    mock_http.add("GET", "/api/v1/filters/8449", documented("Filter"))
    listed = api.filters()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/filters", [])
    keyword = listed[0]
    assert keyword.id == 8449
    assert keyword.context == ["home", "notifications", "public", "thread"]
    assert keyword.expires_at == datetime(2019, 11, 26, 9, 8, 6, 254000, tzinfo=timezone.utc)
    api.filter(keyword)
    assert mock_http.last.path == "/api/v1/filters/8449"


def test_filter_create(api, mock_http):
    mock_http.add("POST", "/api/v1/filters", documented("Filter"))
    api.filter_create("test", ["home", "notifications"])
    assert mock_http.last.form == [
        ("phrase", "test"),
        ("context[]", "home"),
        ("context[]", "notifications"),
        ("irreversible", "0"),
        ("whole_word", "1"),
    ]
    api.filter_create("spoilers", "public", irreversible=True, whole_word=False, expires_in=3600)
    assert mock_http.last.form == [
        ("phrase", "spoilers"),
        ("context[]", "public"),
        ("irreversible", "1"),
        ("whole_word", "0"),
        ("expires_in", "3600"),
    ]


def test_filter_update_sends_only_what_is_given(api, mock_http):
    mock_http.add("PUT", "/api/v1/filters/8449", documented("Filter"))
    api.filter_update(documented("Filter"), context=["thread", "account"])
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PUT", "/api/v1/filters/8449")
    assert sent.form == [("context[]", "thread"), ("context[]", "account")]
    api.filter_update(8449, phrase="new", whole_word=False, irreversible=True, expires_in=60)
    assert mock_http.last.form == [("phrase", "new"), ("irreversible", "1"), ("whole_word", "0"), ("expires_in", "60")]


def test_filter_delete(api, mock_http):
    mock_http.add("DELETE", "/api/v1/filters/8449", {})
    assert api.filter_delete(8449) is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("DELETE", "/api/v1/filters/8449", [])


@pytest.mark.parametrize("context", ["everywhere", ["home", "timeline"], []])
def test_invalid_filter_context(api, mock_http, context):
    with pytest.raises(MastodonIllegalArgumentError):
        api.filter_create("x", context)
    with pytest.raises(MastodonIllegalArgumentError):
        api.filter_update(1, context=context)
    assert mock_http.sent == []


def test_filter_create_needs_a_phrase(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.filter_create("", "home")
    assert mock_http.sent == []


def test_filters_need_2_4_3(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("2.4.2").filters()
    assert mock_http.sent == []


# -- filters_apply -------------------------------------------------------------------------


def status(content, spoiler="", reblog=None, status_id=1):
    return decode_value(
        {"id": str(status_id), "content": content, "spoiler_text": spoiler, "reblog": reblog, "account": {"id": "1", "acct": "a"}}
    )


def keyword(phrase, context=("home",), whole_word=True):
    return decode_value({"id": "1", "phrase": phrase, "context": list(context), "whole_word": whole_word, "irreversible": False})


def ids(items):
    return [item["id"] for item in items]


def test_filters_apply_whole_word_and_case(api, mock_http):
    posts = [
        status("<p>I like Cats</p>", status_id=1),
        status("<p>concatenate strings</p>", status_id=2),
        status("<p>dogs only</p>", status_id=3),
    ]
    assert ids(api.filters_apply(posts, [keyword("cat", whole_word=True)], "home")) == [1, 2, 3]
    assert ids(api.filters_apply(posts, [keyword("cats", whole_word=True)], "home")) == [2, 3]
    assert ids(api.filters_apply(posts, [keyword("CAT", whole_word=False)], "home")) == [3]
    assert mock_http.sent == []


def test_filters_apply_only_uses_filters_for_the_context(api):
    posts = [status("<p>election news</p>", status_id=1), status("<p>weather</p>", status_id=2)]
    filters = [keyword("election", context=["public", "thread"])]
    assert ids(api.filters_apply(posts, filters, "home")) == [1, 2]
    assert ids(api.filters_apply(posts, filters, "public")) == [2]


def test_filters_apply_matches_text_not_markup(api):
    posts = [status('<p><a href="https://spoiler.example">link</a></p>', status_id=1), status("<p>a&amp;b</p>", status_id=2)]
    assert ids(api.filters_apply(posts, [keyword("spoiler")], "home")) == [1, 2]
    assert ids(api.filters_apply(posts, [keyword("a&b", whole_word=False)], "home")) == [1]


def test_filters_apply_looks_into_reblogs_and_content_warnings(api):
    reblogged = {"id": "9", "content": "<p>Big Spoilers inside</p>", "spoiler_text": "", "reblog": None}
    posts = [
        status("", reblog=reblogged, status_id=1),
        status("<p>harmless</p>", spoiler="spoilers for the finale", status_id=2),
        status("<p>harmless</p>", status_id=3),
    ]
    assert ids(api.filters_apply(posts, [keyword("spoilers")], "home")) == [3]


def test_filters_apply_to_notifications(api):
    mention = decode_value(documented("Notification"))
    follow = decode_value({"id": "2", "type": "follow", "account": {"id": "3"}, "status": None})
    assert ids(api.filters_apply([mention, follow], [keyword("sup", context=["notifications"])], "notifications")) == [2]
    assert ids(api.filters_apply([mention, follow], [keyword("sup", context=["home"])], "notifications")) == [34975861, 2]


def test_filters_apply_with_no_filters_keeps_everything(api):
    posts = [status("<p>anything</p>", status_id=1)]
    assert ids(api.filters_apply(posts, [], "home")) == [1]


def test_filters_apply_with_server_filters(api, mock_http):
    mock_http.add("GET", "/api/v1/filters", [documented("Filter")])
    posts = [status("<p>a test post</p>", status_id=1), status("<p>attestation</p>", status_id=2), status("<p>ok</p>", status_id=3)]
    # The documented filter matches "test" anywhere in a word (whole_word false) in every context.
    assert ids(api.filters_apply(posts, api.filters(), "thread")) == [3]


def test_filters_apply_invalid_context(api):
    with pytest.raises(MastodonIllegalArgumentError):
        api.filters_apply([], [], "timeline")
