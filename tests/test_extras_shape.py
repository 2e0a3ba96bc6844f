"""The unified extras shape (emoji reactions, quotes): the public helpers and the backends that use them."""

from __future__ import annotations

import pytest

from mastodon.plugin import AttribAccessDict, AttribAccessList, normalize_reaction, unify_quote, unify_reactions


def test_a_reaction_gets_count_me_and_account_ids() -> None:
    reaction = {"name": "blobcat", "accounts": [{"id": "a1"}, {"id": "b2"}, "odd"], "url": "https://x/e.png"}
    normalize_reaction(reaction)
    assert reaction == {
        "name": "blobcat", "accounts": [{"id": "a1"}, {"id": "b2"}, "odd"], "url": "https://x/e.png",
        "account_ids": ["a1", "b2"], "count": 2, "me": False,
    }
    kept = {"name": "👍", "count": 7, "me": True, "account_ids": ["x"]}
    normalize_reaction(kept)
    assert kept == {"name": "👍", "count": 7, "me": True, "account_ids": ["x"]}
    odd = ["not", "a", "dict"]
    normalize_reaction(odd)
    assert odd == ["not", "a", "dict"]


@pytest.mark.parametrize(
    ("status", "found", "expected"),
    [
        ({}, None, []),
        ({}, [{"name": "a", "count": 1}], [{"name": "a", "count": 1, "me": False}]),
        ({"emoji_reactions": [{"name": "b"}]}, [{"name": "ignored"}], [{"name": "b", "count": 0, "me": False}]),
        ({"emoji_reactions": "odd"}, None, "odd"),
    ],
)
def test_reactions_land_at_emoji_reactions(status, found, expected) -> None:
    unify_reactions(status, found)
    assert status["emoji_reactions"] == expected
    if expected == []:
        assert isinstance(status["emoji_reactions"], AttribAccessList)


def test_a_quote_lands_at_quote_and_quote_id() -> None:
    status: dict = {}
    unify_quote(status, {"id": "9"}, "9")
    assert status == {"quote": {"id": "9"}, "quote_id": "9"}
    unify_quote(status, {"id": "other"}, "other")
    assert status == {"quote": {"id": "9"}, "quote_id": "9"}
    empty: dict = {}
    unify_quote(empty)
    assert empty == {}


def test_fedibird_reactions_get_account_ids_from_accounts(make_api, mock_http) -> None:
    from support.mock_http import documented

    status = documented("Status")
    status["emoji_reactions"] = [{"name": "blobcat", "accounts": [{"id": "9az"}], "me": True}]
    mock_http.add("GET", "/api/v1/statuses/1", status)
    result = make_api(feature_set="fedibird").status(1)
    reaction = result.emoji_reactions[0]
    assert isinstance(reaction, AttribAccessDict)
    assert (reaction.account_ids, reaction.count, reaction.me) == (["9az"], 1, True)
