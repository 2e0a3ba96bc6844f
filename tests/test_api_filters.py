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


# -- server-side (v2) filters -------------------------------------------------------------


def test_filters_v2_and_filter_v2(api, mock_http):
    mock_http.add("GET", "/api/v2/filters", [documented("FilterV2")])
    mock_http.add("GET", "/api/v2/filters/19972", documented("FilterV2"))
    listed = api.filters_v2()
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v2/filters")
    group = listed[0]
    assert group.filter_action == "warn"
    assert group.keywords[0].keyword == "bad word"
    assert group.expires_at == datetime(2022, 9, 20, 17, 27, 39, 296000, tzinfo=timezone.utc)
    assert str(api.filter_v2(group).statuses[0].status_id) == "109031743575371913"
    assert mock_http.last.path == "/api/v2/filters/19972"


def test_create_filter_v2_sends_json(api, mock_http):
    mock_http.add("POST", "/api/v2/filters", documented("FilterV2"))
    api.create_filter_v2(
        "test", ["public"], "warn", expires_in=3600,
        keywords_attributes=[{"keyword": "foo", "whole_word": False}, {"keyword": "bar", "whole_word": True}],
    )
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v2/filters")
    assert sent.json == {
        "title": "test",
        "context": ["public"],
        "filter_action": "warn",
        "expires_in": 3600,
        "keywords_attributes": [{"keyword": "foo", "whole_word": False}, {"keyword": "bar", "whole_word": True}],
    }


def test_update_filter_v2_changes_removes_and_adds_keywords(api, mock_http):
    mock_http.add("PUT", "/api/v2/filters/25933", documented("FilterV2"))
    api.update_filter_v2(
        {"id": "25933"},
        keywords_attributes=[{"id": {"id": "34978"}, "_destroy": True}, {"id": 34979, "keyword": "baz"}, {"keyword": "new"}],
    )
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PUT", "/api/v2/filters/25933")
    assert sent.json == {
        "keywords_attributes": [{"id": "34978", "_destroy": True}, {"id": 34979, "keyword": "baz"}, {"keyword": "new"}],
    }
    api.update_filter_v2(25933, title="renamed", context="home", filter_action="hide")
    assert mock_http.last.json == {"title": "renamed", "context": ["home"], "filter_action": "hide"}


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("", ["home"], "warn"), {}),
        (("t", [], "warn"), {}),
        (("t", ["timeline"], "warn"), {}),
        (("t", ["home"], "delete"), {}),
        (("t", ["home"], "warn"), {"keywords_attributes": {"keyword": "x"}}),
        (("t", ["home"], "warn"), {"keywords_attributes": [{"word": "x"}]}),
        (("t", ["home"], "warn"), {"keywords_attributes": [{"whole_word": True}]}),
        (("t", ["home"], "warn"), {"keywords_attributes": [{"id": 1, "keyword": "x"}]}),
    ],
)
def test_create_filter_v2_rejects_bad_arguments(api, mock_http, args, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        api.create_filter_v2(*args, **kwargs)
    assert mock_http.sent == []


def test_update_filter_v2_rejects_destroy_without_id(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.update_filter_v2(1, keywords_attributes=[{"keyword": "x", "_destroy": True}])
    assert mock_http.sent == []


def test_delete_filter_v2(api, mock_http):
    mock_http.add("DELETE", "/api/v2/filters/19972", {})
    assert api.delete_filter_v2(19972) is None
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", "/api/v2/filters/19972")


def test_filter_keywords_v2(api, mock_http):
    mock_http.add("GET", "/api/v2/filters/19972/keywords", [documented("FilterKeyword")])
    mock_http.add("POST", "/api/v2/filters/19972/keywords", documented("FilterKeyword"))
    mock_http.add("DELETE", "/api/v2/filters/keywords/1197", {})
    assert api.filter_keywords_v2(19972)[0].whole_word is False
    assert mock_http.last.path == "/api/v2/filters/19972/keywords"
    keyword = api.add_filter_keyword_v2(documented("FilterV2"), "bad word")
    assert (mock_http.last.method, mock_http.last.form) == ("POST", [("keyword", "bad word"), ("whole_word", "0")])
    api.add_filter_keyword_v2(19972, "worse", whole_word=True)
    assert mock_http.last.form == [("keyword", "worse"), ("whole_word", "1")]
    assert api.delete_filter_keyword_v2(keyword) is None
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", "/api/v2/filters/keywords/1197")


def test_add_filter_keyword_v2_needs_a_keyword(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.add_filter_keyword_v2(1, "")
    assert mock_http.sent == []


def test_filter_statuses_v2(api, mock_http):
    mock_http.add("GET", "/api/v2/filters/19972/statuses", [documented("FilterStatus")])
    mock_http.add("POST", "/api/v2/filters/19972/statuses", documented("FilterStatus"))
    mock_http.add("GET", "/api/v2/filters/statuses/1", documented("FilterStatus"))
    mock_http.add("DELETE", "/api/v2/filters/statuses/1", {})
    assert str(api.filter_statuses_v2(19972)[0].status_id) == "109031743575371913"
    entry = api.add_filter_status_v2(19972, {"id": "109031743575371913"})
    assert (mock_http.last.method, mock_http.last.form) == ("POST", [("status_id", "109031743575371913")])
    assert api.filter_status_v2(entry).id == 1
    assert mock_http.last.path == "/api/v2/filters/statuses/1"
    assert api.delete_filter_status_v2(1) is None
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", "/api/v2/filters/statuses/1")


@pytest.mark.parametrize(
    ("call", "args"),
    [("filters_v2", ()), ("filter_v2", (1,)), ("create_filter_v2", ("t", ["home"], "warn")), ("delete_filter_v2", (1,)),
     ("filter_keywords_v2", (1,)), ("add_filter_status_v2", (1, 2)), ("delete_filter_status_v2", (1,))],
)
def test_filters_v2_need_4_0_0(make_api, mock_http, call, args):
    with pytest.raises(MastodonVersionError):
        getattr(make_api("3.5.5"), call)(*args)
    assert mock_http.sent == []
