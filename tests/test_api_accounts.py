"""Accounts, relationships, profile updates, featured tags, suggestions, mutes and blocks."""

from __future__ import annotations

from datetime import datetime, timezone
from email.parser import BytesParser
from email.policy import default as default_policy

import pytest
from support.mock_http import documented

from mastodon import (
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonNotFoundError,
    MastodonVersionError,
)

ACCOUNT_ID = 23634


def multipart_parts(sent):
    """``[(name, file name, content type, payload bytes)]`` of a multipart/form-data request."""
    head = b"Content-Type: " + sent.headers["Content-Type"].encode() + b"\r\n\r\n"
    message = BytesParser(policy=default_policy).parsebytes(head + sent.raw_body)
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part.get_content_type(),
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


# -- reading -------------------------------------------------------------------------------


def test_account(api, mock_http):
    mock_http.add("GET", f"/api/v1/accounts/{ACCOUNT_ID}", documented("Account"))
    account = api.account(ACCOUNT_ID)
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", f"/api/v1/accounts/{ACCOUNT_ID}", [])
    assert account.id == ACCOUNT_ID
    assert account.acct == "noiob@awoo.space"
    assert account.created_at == datetime(2017, 2, 8, 2, 0, 53, 274000, tzinfo=timezone.utc)
    assert account.last_status_at == datetime(2019, 11, 17, tzinfo=timezone.utc)
    assert account.emojis[0].shortcode == "ms_rainbow_flag"
    with pytest.raises(AttributeError):
        account.locked = True


@pytest.mark.parametrize("method", ["account_verify_credentials", "me"])
def test_verify_credentials_and_me(api, mock_http, method):
    mock_http.add("GET", "/api/v1/accounts/verify_credentials", documented("CredentialAccount"))
    me = getattr(api, method)()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == (
        "GET",
        "/api/v1/accounts/verify_credentials",
        [],
    )
    assert me.source.privacy == "public"
    assert me.source.fields[0].verified_at == datetime(2019, 8, 29, 4, 14, 55, 571000, tzinfo=timezone.utc)
    assert me.source.note.startswith("i have approximate knowledge")


def test_account_statuses(api, mock_http):
    mock_http.add("GET", f"/api/v1/accounts/{ACCOUNT_ID}/statuses", [documented("Status")])
    api.account_statuses(ACCOUNT_ID)
    assert mock_http.last.query == []
    api.account_statuses(
        documented("Account"),
        only_media=True,
        pinned=True,
        exclude_replies=True,
        exclude_reblogs=True,
        tagged="python",
        max_id=10,
        min_id=2,
        since_id=1,
        limit=40,
    )
    sent = mock_http.last
    assert sent.path == f"/api/v1/accounts/{ACCOUNT_ID}/statuses"
    assert sent.query == [
        ("only_media", "1"),
        ("pinned", "1"),
        ("exclude_replies", "1"),
        ("exclude_reblogs", "1"),
        ("tagged", "python"),
        ("max_id", "10"),
        ("min_id", "2"),
        ("since_id", "1"),
        ("limit", "40"),
    ]
    assert ("id", str(ACCOUNT_ID)) not in sent.query


def test_account_statuses_with_false_flags_sends_nothing(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/1/statuses", [])
    api.account_statuses(1, only_media=False, pinned=False, exclude_replies=False, exclude_reblogs=False)
    assert mock_http.last.query == []


@pytest.mark.parametrize("method", ["account_following", "account_followers"])
def test_following_and_followers(api, mock_http, method):
    verb = method.removeprefix("account_")
    mock_http.add("GET", f"/api/v1/accounts/1/{verb}", [documented("Account")])
    accounts = getattr(api, method)({"id": 1}, limit=80, max_id="99")
    sent = mock_http.last
    assert (sent.path, sent.query) == (f"/api/v1/accounts/1/{verb}", [("max_id", "99"), ("limit", "80")])
    assert accounts[0].id == ACCOUNT_ID


def test_account_relationships(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/relationships", [documented("Relationship")])
    relationships = api.account_relationships([1, {"id": "2"}])
    assert mock_http.last.query == [("id[]", "1"), ("id[]", "2")]
    assert relationships[0].id == 1
    assert relationships[0].following is True
    assert relationships[0].languages == ["en"]
    api.account_relationships(documented("Account"))
    assert mock_http.last.query == [("id[]", str(ACCOUNT_ID))]


def test_account_search(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/search", [documented("Account")])
    api.account_search("noiob")
    assert mock_http.last.query == [("q", "noiob")]
    api.account_search("noiob", limit=5, following=True)
    assert sorted(mock_http.last.query) == [("following", "1"), ("limit", "5"), ("q", "noiob")]


def test_account_lookup(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/lookup", documented("Account"))
    account = api.account_lookup("noiob@awoo.space")
    assert mock_http.last.query == [("acct", "noiob@awoo.space")]
    assert account.id == ACCOUNT_ID


def test_account_lookup_needs_3_4_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.3.0").account_lookup("a")
    assert mock_http.sent == []


def test_account_featured_tags_and_lists(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/1/featured_tags", [documented("Tag")])
    mock_http.add("GET", "/api/v1/accounts/1/lists", [documented("List")])
    tags = api.account_featured_tags(1)
    assert tags[0].history[0].day == datetime(2019, 11, 24, tzinfo=timezone.utc)
    lists = api.account_lists({"id": 1})
    assert lists[0].title == "Friends"
    assert [s.path for s in mock_http.sent] == ["/api/v1/accounts/1/featured_tags", "/api/v1/accounts/1/lists"]


# -- relationships -------------------------------------------------------------------------


def test_account_follow_sends_booleans_as_digits(api, mock_http):
    mock_http.add("POST", "/api/v1/accounts/1/follow", documented("Relationship"))
    relationship = api.account_follow(1)
    assert mock_http.last.form == [("reblogs", "1"), ("notify", "0")]
    assert relationship.showing_reblogs is True
    api.account_follow({"id": 1}, reblogs=False, notify=True)
    assert mock_http.last.form == [("reblogs", "0"), ("notify", "1")]


def test_account_follow_notify_is_gated_in_changed_mode(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.2.0", version_check_mode="changed").account_follow(1)
    assert mock_http.sent == []


@pytest.mark.parametrize("verb", ["unfollow", "block", "unblock", "unmute", "pin", "unpin"])
def test_relationship_actions(api, mock_http, verb):
    mock_http.add("POST", f"/api/v1/accounts/{ACCOUNT_ID}/{verb}", documented("Relationship"))
    relationship = getattr(api, f"account_{verb}")(documented("Account"))
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", f"/api/v1/accounts/{ACCOUNT_ID}/{verb}", [])
    assert relationship.followed_by is True


def test_account_mute(api, mock_http):
    mock_http.add("POST", "/api/v1/accounts/3/mute", documented("Relationship"))
    api.account_mute(3)
    assert mock_http.last.form == [("notifications", "1")]
    api.account_mute(3, notifications=False, duration=3600)
    assert mock_http.last.form == [("notifications", "0"), ("duration", "3600")]


def test_account_note_set(api, mock_http):
    mock_http.add("POST", "/api/v1/accounts/3/note", documented("Relationship"))
    api.account_note_set(3, "met at the conference")
    assert mock_http.last.form == [("comment", "met at the conference")]


def test_account_pin_and_note_gates(make_api, mock_http):
    api = make_api("2.4.0")
    with pytest.raises(MastodonVersionError):
        api.account_pin(1)
    with pytest.raises(MastodonVersionError):
        api.account_note_set(1, "x")
    assert mock_http.sent == []


def test_follows_searches_then_follows(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/search", [documented("Account")])
    mock_http.add("POST", f"/api/v1/accounts/{ACCOUNT_ID}/follow", documented("Relationship"))
    api.follows("noiob@awoo.space")
    search, follow = mock_http.sent
    assert (search.method, search.path, search.query) == ("GET", "/api/v1/accounts/search", [("q", "noiob@awoo.space")])
    assert (follow.method, follow.path) == ("POST", f"/api/v1/accounts/{ACCOUNT_ID}/follow")


def test_follows_unknown_account(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/search", [])
    with pytest.raises(MastodonNotFoundError):
        api.follows("nobody@nowhere.example")
    assert len(mock_http.sent) == 1


@pytest.mark.parametrize("uri", ["", "@", None])
def test_follows_needs_a_uri(api, mock_http, uri):
    with pytest.raises(MastodonIllegalArgumentError):
        api.follows(uri)
    assert mock_http.sent == []


# -- profile -------------------------------------------------------------------------------


def test_update_credentials_plain_fields(api, mock_http):
    mock_http.add("PATCH", "/api/v1/accounts/update_credentials", documented("CredentialAccount"))
    api.account_update_credentials(display_name="Name", note="Bio", locked=True, bot=False, discoverable=True)
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PATCH", "/api/v1/accounts/update_credentials")
    assert not sent.multipart
    assert sent.form == [("display_name", "Name"), ("note", "Bio"), ("locked", "1"), ("bot", "0"), ("discoverable", "1")]


def test_update_credentials_nothing_given_sends_nothing(api, mock_http):
    mock_http.add("PATCH", "/api/v1/accounts/update_credentials", documented("CredentialAccount"))
    api.account_update_credentials()
    assert mock_http.last.form == []


def test_update_credentials_profile_fields(api, mock_http):
    mock_http.add("PATCH", "/api/v1/accounts/update_credentials", documented("CredentialAccount"))
    api.account_update_credentials(fields=[("Pronouns", "they/them"), ("Website", "https://example.org")])
    assert mock_http.last.form == [
        ("fields_attributes[0][name]", "Pronouns"),
        ("fields_attributes[0][value]", "they/them"),
        ("fields_attributes[1][name]", "Website"),
        ("fields_attributes[1][value]", "https://example.org"),
    ]


@pytest.mark.parametrize("fields", [[("a", "1")] * 5, ["abc"], [("a", "b", "c")]])
def test_update_credentials_bad_fields(api, mock_http, fields):
    with pytest.raises(MastodonIllegalArgumentError):
        api.account_update_credentials(fields=fields)
    assert mock_http.sent == []


def test_update_credentials_avatar_from_file_and_header_from_bytes(api, mock_http, tmp_path):
    avatar = tmp_path / "me.png"
    avatar.write_bytes(b"\x89PNG fake avatar")
    mock_http.add("PATCH", "/api/v1/accounts/update_credentials", documented("CredentialAccount"))
    api.account_update_credentials(
        display_name="With pictures",
        avatar=str(avatar),
        header=b"GIF89a fake header",
        header_mime_type="image/gif",
        locked=False,
        fields=[("k", "v")],
    )
    sent = mock_http.last
    assert sent.multipart
    parts = {name: (filename, ctype, payload) for name, filename, ctype, payload in multipart_parts(sent)}
    assert parts["display_name"][2] == b"With pictures"
    assert parts["locked"][2] == b"0"
    assert parts["fields_attributes[0][name]"][2] == b"k"
    assert parts["fields_attributes[0][value]"][2] == b"v"
    avatar_name, avatar_type, avatar_data = parts["avatar"]
    assert avatar_data == b"\x89PNG fake avatar"
    assert avatar_type == "image/png"
    assert avatar_name.endswith(".png")
    header_name, header_type, header_data = parts["header"]
    assert header_data == b"GIF89a fake header"
    assert header_type == "image/gif"
    assert header_name.endswith(".gif")


def test_update_credentials_image_bytes_need_a_mime_type(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.account_update_credentials(avatar=b"\x89PNG data without a type")
    assert mock_http.sent == []


def test_update_credentials_missing_image_file(api, mock_http, tmp_path):
    with pytest.raises(MastodonFileNotFoundError):
        api.account_update_credentials(avatar=str(tmp_path / "missing.png"))
    assert mock_http.sent == []


# -- featured tags, suggestions, directory, endorsements -----------------------------------


def test_featured_tags(api, mock_http):
    mock_http.add("GET", "/api/v1/featured_tags", [documented("FeaturedTag")])
    mock_http.add("GET", "/api/v1/featured_tags/suggestions", [documented("Tag")])
    mock_http.add("POST", "/api/v1/featured_tags", documented("FeaturedTag"))
    mock_http.add("DELETE", "/api/v1/featured_tags/627", {})
    featured = api.featured_tags()
    assert featured[0].id == 627
    assert featured[0].last_status_at == datetime(2022, 8, 29, 12, 3, 35, 61000, tzinfo=timezone.utc)
    assert api.featured_tag_suggestions()[0].name == "nowplaying"
    created = api.featured_tag_create("#nowplaying")
    assert (mock_http.last.method, mock_http.last.form) == ("POST", [("name", "nowplaying")])
    assert created.statuses_count == 70
    assert api.featured_tag_delete(created) is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("DELETE", "/api/v1/featured_tags/627", [])


@pytest.mark.parametrize("name", ["", "#", None])
def test_featured_tag_create_needs_a_name(api, mock_http, name):
    with pytest.raises(MastodonIllegalArgumentError):
        api.featured_tag_create(name)
    assert mock_http.sent == []


def test_suggestions(api, mock_http):
    mock_http.add("GET", "/api/v1/suggestions", [documented("Account")])
    mock_http.add("DELETE", f"/api/v1/suggestions/{ACCOUNT_ID}", {})
    assert api.suggestions_v1()[0].id == ACCOUNT_ID
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/suggestions", [])
    assert api.suggestion_delete(documented("Account")) is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("DELETE", f"/api/v1/suggestions/{ACCOUNT_ID}", [])


@pytest.mark.parametrize("method", ["suggestions", "suggestions_v2"])
def test_suggestions_v2(api, mock_http, method):
    mock_http.add("GET", "/api/v2/suggestions", [documented("Suggestion")])
    suggested = getattr(api, method)()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v2/suggestions", [])
    assert suggested[0].source == "staff"
    assert suggested[0].account.id == 109031732217496096
    assert suggested[0].account.acct == "alice"


def test_suggestions_before_3_4_0_uses_v1(make_api, mock_http):
    mock_http.add("GET", "/api/v1/suggestions", [documented("Account")])
    api = make_api("3.3.0")
    assert api.suggestions()[0].acct == "noiob@awoo.space"
    assert [sent.path for sent in mock_http.sent] == ["/api/v1/suggestions"]
    with pytest.raises(MastodonVersionError):
        api.suggestions_v2()
    assert len(mock_http.sent) == 1


def test_directory_parameters(api, mock_http):
    mock_http.add("GET", "/api/v1/directory", [documented("Account")])
    accounts = api.directory(offset=40, limit=80, order="new", local=True)
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v1/directory")
    assert mock_http.last.query == [("offset", "40"), ("limit", "80"), ("order", "new"), ("local", "1")]
    assert accounts[0].id == ACCOUNT_ID
    api.directory(order="active", local=False)
    assert mock_http.last.query == [("order", "active"), ("local", "0")]


@pytest.mark.parametrize("order", ["newest", "", 1])
def test_directory_order_must_be_active_or_new(api, mock_http, order):
    with pytest.raises(MastodonIllegalArgumentError):
        api.directory(order=order)
    assert mock_http.sent == []


def test_directory_and_endorsements(api, mock_http):
    mock_http.add("GET", "/api/v1/directory", [documented("Account")])
    mock_http.add("GET", "/api/v1/endorsements", [documented("Account")])
    assert api.directory()[0].acct == "noiob@awoo.space"
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/directory", [])
    assert api.endorsements()[0].id == ACCOUNT_ID
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/endorsements", [])


def test_directory_needs_3_0_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("2.9.3").directory()
    assert mock_http.sent == []


# -- favourites, bookmarks, requests, mutes, blocks ----------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "fixture"),
    [
        ("favourites", "/api/v1/favourites", "Status"),
        ("bookmarks", "/api/v1/bookmarks", "Status"),
        ("follow_requests", "/api/v1/follow_requests", "Account"),
        ("mutes", "/api/v1/mutes", "Account"),
        ("blocks", "/api/v1/blocks", "Account"),
    ],
)
def test_paginated_account_lists(api, mock_http, method, path, fixture):
    mock_http.add("GET", path, [documented(fixture)])
    result = getattr(api, method)()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", path, [])
    assert isinstance(result[0].id, int)
    getattr(api, method)(max_id={"id": 30}, min_id=10, since_id="5", limit=2)
    assert mock_http.last.query == [("max_id", "30"), ("min_id", "10"), ("since_id", "5"), ("limit", "2")]


def test_bookmarks_need_3_1_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.0.1").bookmarks()
    assert mock_http.sent == []


@pytest.mark.parametrize("verb", ["authorize", "reject"])
def test_follow_request_answers(api, mock_http, verb):
    mock_http.add("POST", f"/api/v1/follow_requests/{ACCOUNT_ID}/{verb}", documented("Relationship"))
    relationship = getattr(api, f"follow_request_{verb}")(documented("Account"))
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == (
        "POST",
        f"/api/v1/follow_requests/{ACCOUNT_ID}/{verb}",
        [],
    )
    assert relationship.requested is False


def test_domain_blocks(api, mock_http):
    mock_http.add("GET", "/api/v1/domain_blocks", ["nsfw.social", "artalley.social"])
    assert list(api.domain_blocks(limit=2)) == ["nsfw.social", "artalley.social"]
    assert mock_http.last.query == [("limit", "2")]


def test_domain_block_and_unblock(api, mock_http):
    mock_http.add("POST", "/api/v1/domain_blocks", {})
    mock_http.add("DELETE", "/api/v1/domain_blocks", {})
    assert api.domain_block("nsfw.social") is None
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("POST", "/api/v1/domain_blocks", [("domain", "nsfw.social")])
    assert api.domain_unblock("nsfw.social") is None
    assert (mock_http.last.method, mock_http.last.form) == ("DELETE", [("domain", "nsfw.social")])


@pytest.mark.parametrize("method", ["domain_block", "domain_unblock"])
def test_domain_block_needs_a_domain(api, mock_http, method):
    with pytest.raises(MastodonIllegalArgumentError):
        getattr(api, method)()
    assert mock_http.sent == []


# -- calling conventions -------------------------------------------------------------------


def test_positional_and_keyword_arguments_like_the_original(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/9/statuses", [])
    api.account_statuses(9, True, False, True)
    assert mock_http.last.query == [("only_media", "1"), ("exclude_replies", "1")]
    api.account_statuses(id=9, limit=1)
    assert mock_http.last.query == [("limit", "1")]


def test_truthy_flags_are_sent(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/9/statuses", [])
    api.account_statuses(9, only_media=1, pinned=0)
    assert mock_http.last.query == [("only_media", "1")]


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.account(),
        lambda api: api.account(1, 2),
        lambda api: api.account(1, idd=2),
        lambda api: api.account_statuses(1, False, False, False, False, None, None, None, None, None, False, "extra"),
    ],
    ids=["missing", "too-many", "unknown-keyword", "too-many-long"],
)
def test_wrong_arguments_raise_type_error(api, mock_http, call):
    with pytest.raises(TypeError):
        call(api)
    assert mock_http.sent == []


# -- several accounts at once, familiar followers, relationship extras ---------------------


def test_accounts_by_ids(make_api, mock_http):
    mock_http.add("GET", "/api/v1/accounts", [documented("Account")])
    found = make_api("4.3.0").accounts([1, documented("Account"), "2"])
    sent = mock_http.last
    assert (sent.method, sent.path) == ("GET", "/api/v1/accounts")
    assert sent.query == [("id[]", "1"), ("id[]", str(ACCOUNT_ID)), ("id[]", "2")]
    assert found[0].acct == "noiob@awoo.space"


def test_accounts_by_ids_needs_4_3_0(api, mock_http):
    with pytest.raises(MastodonVersionError):
        api.accounts([1])
    assert mock_http.sent == []


def test_account_statuses_exclude_direct_drops_direct_messages(api, mock_http):
    direct = {**documented("Status"), "id": "2", "visibility": "direct"}
    mock_http.add(
        "GET", f"/api/v1/accounts/{ACCOUNT_ID}/statuses", [documented("Status"), direct],
        headers={"Link": f'<https://example.org/api/v1/accounts/{ACCOUNT_ID}/statuses?max_id=2>; rel="next"'},
    )
    kept = api.account_statuses(ACCOUNT_ID, limit=2, exclude_direct=True)
    assert mock_http.last.query == [("limit", "2")]  # not a server parameter
    assert [status.visibility for status in kept] == ["public"]
    assert kept._pagination_next["max_id"] == 2
    assert [status.id for status in api.account_statuses(ACCOUNT_ID)] == [103270115826048975, 2]


def test_account_relationships_with_suspended(make_api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/relationships", [documented("Relationship")])
    make_api("4.3.0").account_relationships(1, with_suspended=True)
    assert mock_http.last.query == [("id[]", "1"), ("with_suspended", "1")]
    with pytest.raises(MastodonVersionError):
        make_api("4.2.0").account_relationships(1, with_suspended=True)
    assert len(mock_http.sent) == 1


def test_account_search_resolve_and_offset(api, make_api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/search", [documented("Account")])
    found = api.account_search("noiob@awoo.space", 5, True, True, 10)
    assert mock_http.last.query == [
        ("q", "noiob@awoo.space"), ("limit", "5"), ("following", "1"), ("resolve", "1"), ("offset", "10"),
    ]
    assert found[0].id == ACCOUNT_ID
    api.account_search("noiob")
    assert mock_http.last.query == [("q", "noiob")]
    with pytest.raises(MastodonVersionError):
        make_api("2.7.0").account_search("noiob", offset=10)
    assert len(mock_http.sent) == 2


def test_account_familiar_followers(api, mock_http):
    mock_http.add("GET", "/api/v1/accounts/familiar_followers", documented("FamiliarFollowers"))
    familiar = api.account_familiar_followers([1, {"id": 2}])
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/accounts/familiar_followers", [("id[]", "1"), ("id[]", "2")])
    assert familiar[0].id == 1
    assert [a.acct for a in familiar[0].accounts] == ["moss@goblin.camp", "vivianrose"]
    assert familiar[1].accounts == []
    api.account_familiar_followers(7)
    assert mock_http.last.query == [("id[]", "7")]


def test_account_familiar_followers_needs_3_5_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.4.0").account_familiar_followers(1)
    assert mock_http.sent == []


@pytest.mark.parametrize(
    ("method", "verb"),
    [
        ("account_remove_from_followers", "remove_from_followers"),
        ("account_endorse", "endorse"),
        ("account_unendorse", "unendorse"),
    ],
)
def test_newer_relationship_actions(make_api, mock_http, method, verb):
    mock_http.add("POST", f"/api/v1/accounts/{ACCOUNT_ID}/{verb}", documented("Relationship"))
    relationship = getattr(make_api("4.4.0"), method)(documented("Account"))
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", f"/api/v1/accounts/{ACCOUNT_ID}/{verb}", [])
    assert relationship.id == 1


@pytest.mark.parametrize(("method", "version"), [("account_remove_from_followers", "3.4.0"), ("account_endorse", "4.3.0"), ("account_unendorse", "4.3.0")])
def test_newer_relationship_action_gates(make_api, mock_http, method, version):
    with pytest.raises(MastodonVersionError):
        getattr(make_api(version), method)(1)
    assert mock_http.sent == []


# -- profile: credentials extras, the profile API, removing images -------------------------


def test_update_credentials_newer_parameters(make_api, mock_http):
    mock_http.add("PATCH", "/api/v1/accounts/update_credentials", documented("CredentialAccount"))
    api = make_api("4.6.0")
    me = api.account_update_credentials(
        note="Bio",
        fields=[("Pronouns", "it/its")],
        hide_collections=True,
        indexable=False,
        attribution_domains=["articles.example.com", "example.org"],
        default_privacy="unlisted",
        default_sensitive=True,
        default_language="de",
        default_quote_policy="followers",
        avatar_description="A cat",
        header_description="Mountains",
    )
    assert mock_http.last.form == [
        ("note", "Bio"),
        ("hide_collections", "1"),
        ("indexable", "0"),
        ("attribution_domains[]", "articles.example.com"),
        ("attribution_domains[]", "example.org"),
        ("source[privacy]", "unlisted"),
        ("source[sensitive]", "1"),
        ("source[language]", "de"),
        ("source[quote_policy]", "followers"),
        ("avatar_description", "A cat"),
        ("header_description", "Mountains"),
        ("fields_attributes[0][name]", "Pronouns"),
        ("fields_attributes[0][value]", "it/its"),
    ]
    assert me.source.privacy == "public"


@pytest.mark.parametrize(
    ("kwargs", "version"),
    [
        ({"hide_collections": True}, "4.0.0"),
        ({"indexable": True}, "4.1.0"),
        ({"attribution_domains": ["example.org"]}, "4.3.0"),
        ({"default_quote_policy": "public"}, "4.4.0"),
        ({"avatar_description": "x"}, "4.5.0"),
    ],
)
def test_update_credentials_parameter_gates(make_api, mock_http, kwargs, version):
    with pytest.raises(MastodonVersionError):
        make_api(version).account_update_credentials(**kwargs)
    assert mock_http.sent == []


@pytest.mark.parametrize(
    "kwargs",
    [{"default_privacy": "direct"}, {"default_quote_policy": "everyone"}, {"attribution_domains": "example.org"}, {"attribution_domains": [1]}],
)
def test_update_credentials_bad_choices(api, mock_http, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        api.account_update_credentials(**kwargs)
    assert mock_http.sent == []


def test_profile(make_api, mock_http):
    mock_http.add("GET", "/api/v1/profile", documented("Profile"))
    profile = make_api("4.6.0").profile()
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", "/api/v1/profile", [])
    assert profile.id == 116222600881276277
    assert profile.fields[0].name == "pronouns"
    assert profile.show_featured is True
    assert profile.attribution_domains == ["articles.example.com"]
    assert profile.featured_tags[0].name == "foo"


def test_profile_update(make_api, mock_http):
    mock_http.add("PATCH", "/api/v1/profile", documented("Profile"))
    updated = make_api("4.6.0").profile_update(
        display_name="Documentation user",
        header=b"GIF89a fake header",
        header_mime_type="image/gif",
        show_media=True,
        show_media_replies=False,
        show_featured=True,
        attribution_domains=["articles.example.com"],
        fields=[("pronouns", "it/its")],
        header_description="A header",
    )
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PATCH", "/api/v1/profile")
    parts = [(name, payload) for name, _, _, payload in multipart_parts(sent)]
    assert parts == [
        ("display_name", b"Documentation user"),
        ("show_media", b"1"),
        ("show_media_replies", b"0"),
        ("show_featured", b"1"),
        ("attribution_domains[]", b"articles.example.com"),
        ("header_description", b"A header"),
        ("fields_attributes[0][name]", b"pronouns"),
        ("fields_attributes[0][value]", b"it/its"),
        ("header", b"GIF89a fake header"),
    ]
    assert updated.display_name == "Documentation user"


def test_profile_needs_4_6_0(make_api, mock_http):
    api = make_api("4.5.0")
    for call in (api.profile, lambda: api.profile_update(note="x")):
        with pytest.raises(MastodonVersionError):
            call()
    assert mock_http.sent == []


@pytest.mark.parametrize("image", ["avatar", "header"])
def test_account_delete_image(api, make_api, mock_http, image):
    mock_http.add("DELETE", f"/api/v1/profile/{image}", documented("CredentialAccount"))
    me = getattr(api, f"account_delete_{image}")()
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("DELETE", f"/api/v1/profile/{image}", [])
    assert me.acct == "trwnh"
    with pytest.raises(MastodonVersionError):
        getattr(make_api("4.1.0"), f"account_delete_{image}")()
    assert len(mock_http.sent) == 1
