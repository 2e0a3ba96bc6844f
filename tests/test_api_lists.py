"""Lists: reading, creating, renaming, deleting and membership."""

from __future__ import annotations

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError

LIST_ID = 12249


def test_lists_and_list(api, mock_http):
    mock_http.add("GET", "/api/v1/lists", [documented("List")])
    mock_http.add("GET", f"/api/v1/lists/{LIST_ID}", documented("List"))
    lists = api.lists()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/lists", [])
    assert lists[0].id == LIST_ID
    one = api.list(lists[0])
    assert (mock_http.last.path, mock_http.last.query) == (f"/api/v1/lists/{LIST_ID}", [])
    assert one.title == "Friends"
    assert one.replies_policy == "list"


def test_list_accounts(api, mock_http):
    mock_http.add("GET", f"/api/v1/lists/{LIST_ID}/accounts", [documented("Account")])
    accounts = api.list_accounts(LIST_ID, limit=0, max_id=7)
    assert mock_http.last.query == [("max_id", "7"), ("limit", "0")]
    assert accounts[0].id == 23634


def test_list_create(api, mock_http):
    mock_http.add("POST", "/api/v1/lists", documented("List"))
    created = api.list_create("Friends")
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/lists")
    assert sent.form == [("title", "Friends")]
    assert created.id == LIST_ID
    assert created.replies_policy == "list"
    api.list_create("Friends", "followed", True)
    assert mock_http.last.form == [("title", "Friends"), ("replies_policy", "followed"), ("exclusive", "1")]


def test_list_update(api, mock_http):
    mock_http.add("PUT", f"/api/v1/lists/{LIST_ID}", documented("List"))
    api.list_update({"id": LIST_ID}, "Close friends", replies_policy="none", exclusive=True)
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PUT", f"/api/v1/lists/{LIST_ID}")
    assert sent.form == [("title", "Close friends"), ("replies_policy", "none"), ("exclusive", "1")]


def test_list_options_at_their_defaults_are_left_out(make_api, mock_http):
    mock_http.add("POST", "/api/v1/lists", documented("List"))
    mock_http.add("PUT", f"/api/v1/lists/{LIST_ID}", documented("List"))
    api = make_api("2.1.0")
    api.list_create("Friends", "list", False)
    assert mock_http.last.form == [("title", "Friends")]
    api.list_update(LIST_ID, "Friends", replies_policy="list", exclusive=False)
    assert mock_http.last.form == [("title", "Friends")]
    make_api("4.2.0").list_update(LIST_ID, "Friends", exclusive=True)
    assert mock_http.last.form == [("title", "Friends"), ("exclusive", "1")]


@pytest.mark.parametrize(("version", "kwargs"), [("3.2.0", {"replies_policy": "none"}), ("4.1.0", {"exclusive": True})])
def test_list_options_need_their_version(make_api, mock_http, version, kwargs):
    api = make_api(version)
    for call in (lambda: api.list_create("x", **kwargs), lambda: api.list_update(1, "x", **kwargs)):
        with pytest.raises(MastodonVersionError):
            call()
    assert mock_http.sent == []


@pytest.mark.parametrize("kwargs", [{"replies_policy": "everyone"}, {"replies_policy": None}, {"exclusive": "yes"}])
def test_list_options_must_be_valid(api, mock_http, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        api.list_create("x", **kwargs)
    with pytest.raises(MastodonIllegalArgumentError):
        api.list_update(1, "x", **kwargs)
    assert mock_http.sent == []


@pytest.mark.parametrize("title", ["", "   ", None, 5])
def test_list_titles_must_be_text(api, mock_http, title):
    with pytest.raises(MastodonIllegalArgumentError):
        api.list_create(title)
    with pytest.raises(MastodonIllegalArgumentError):
        api.list_update(1, title)
    assert mock_http.sent == []


def test_list_delete(api, mock_http):
    mock_http.add("DELETE", f"/api/v1/lists/{LIST_ID}", {})
    assert api.list_delete(LIST_ID) is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("DELETE", f"/api/v1/lists/{LIST_ID}", [])


@pytest.mark.parametrize(("method", "verb"), [("list_accounts_add", "POST"), ("list_accounts_delete", "DELETE")])
def test_list_membership(api, mock_http, method, verb):
    mock_http.add(verb, f"/api/v1/lists/{LIST_ID}/accounts", {})
    assert getattr(api, method)(documented("List"), [documented("Account"), "5", 6]) is None
    sent = mock_http.last
    assert (sent.method, sent.path) == (verb, f"/api/v1/lists/{LIST_ID}/accounts")
    assert sent.form == [("account_ids[]", "23634"), ("account_ids[]", "5"), ("account_ids[]", "6")]
    getattr(api, method)(LIST_ID, 7)
    assert mock_http.last.form == [("account_ids[]", "7")]


def test_lists_need_2_1_0(make_api, mock_http):
    api = make_api("2.0.0")
    for call in (api.lists, lambda: api.list(1), lambda: api.list_create("x"), lambda: api.list_accounts_add(1, 2)):
        with pytest.raises(MastodonVersionError):
            call()
    assert mock_http.sent == []
