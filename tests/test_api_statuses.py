"""Statuses, scheduled statuses and polls: requests on the wire and decoded responses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from support.mock_http import documented

from mastodon import (
    AttribAccessDict,
    MastodonBackendFeatureError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
)

STATUS_ID = 103270115826048975


@pytest.fixture
def posted(mock_http):
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    return mock_http


# -- reading -------------------------------------------------------------------------------


def test_status_decodes_the_documented_status(api, mock_http):
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", documented("Status"))
    status = api.status(STATUS_ID)
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", f"/api/v1/statuses/{STATUS_ID}", [])
    assert isinstance(status, AttribAccessDict)
    assert status.id == STATUS_ID
    assert status.created_at == datetime(2019, 12, 8, 3, 48, 33, 901000, tzinfo=timezone.utc)
    assert status.created_at.tzinfo is not None
    assert status.in_reply_to_id is None
    assert status.edited_at is None
    assert status.account.id == 1
    assert status.account.last_status_at == datetime(2019, 12, 10, 8, 14, 44, 811000, tzinfo=timezone.utc)
    assert status.account.fields[1].verified_at == datetime(2019, 7, 15, 18, 29, 57, 191000, tzinfo=timezone.utc)
    assert status.account.fields[0].verified_at is None
    assert status.card.type == "link"
    assert status.application.name == "Web"
    with pytest.raises(AttributeError):
        status.content = "changed"
    with pytest.raises(AttributeError):
        status.account.acct = "someone"


def test_status_accepts_a_status_dict_as_id(api, mock_http):
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", documented("Status"))
    api.status(documented("Status"))
    assert mock_http.last.path == f"/api/v1/statuses/{STATUS_ID}"
    assert mock_http.last.query == []


def test_status_without_id_in_dict_is_illegal(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.status({"uri": "https://example/1"})
    assert mock_http.sent == []


def test_status_context(api, mock_http):
    mock_http.add("GET", "/api/v1/statuses/103188938570975982/context", documented("Context"))
    context = api.status_context("103188938570975982")
    assert mock_http.last.path == "/api/v1/statuses/103188938570975982/context"
    assert [s.id for s in context.ancestors] == [103188938570975982]
    assert context.descendants[0].in_reply_to_id == 103188938570975982
    assert context.descendants[0].in_reply_to_account_id == 634458


@pytest.mark.parametrize("method", ["status_reblogged_by", "status_favourited_by"])
def test_status_reblogged_and_favourited_by(api, mock_http, method):
    verb = method.removeprefix("status_")
    mock_http.add("GET", f"/api/v1/statuses/5/{verb}", [documented("Account")])
    accounts = getattr(api, method)({"id": 5})
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", f"/api/v1/statuses/5/{verb}", [])
    assert accounts[0].acct == "noiob@awoo.space"


def test_status_card_on_3_0_and_later_uses_the_status_card(api, mock_http):
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", documented("Status"))
    card = api.status_card(STATUS_ID)
    assert [s.path for s in mock_http.sent] == [f"/api/v1/statuses/{STATUS_ID}"]
    assert card.url.startswith("https://www.theguardian.com/")
    assert card.type == "link"


def test_status_card_before_3_0_uses_the_card_endpoint(make_api, mock_http):
    api = make_api("2.9.3")
    mock_http.add("GET", "/api/v1/statuses/77/card", documented("Card"))
    card = api.status_card(77)
    assert [s.path for s in mock_http.sent] == ["/api/v1/statuses/77/card"]
    assert card.provider_name == "YouTube"
    assert card.width == 480


def test_status_history_and_source(api, mock_http):
    mock_http.add("GET", "/api/v1/statuses/108942703571991143/history", [documented("StatusEdit")])
    mock_http.add("GET", "/api/v1/statuses/108942703571991143/source", documented("StatusSource"))
    history = api.status_history(108942703571991143)
    assert history[0].created_at == datetime(2022, 9, 5, 0, 3, 32, 480000, tzinfo=timezone.utc)
    assert history[0].poll.options[2].title.startswith("spiderman")
    source = api.status_source(108942703571991143)
    assert source.id == 108942703571991143
    assert source.text == "this is a status that will be edited"
    assert [s.path for s in mock_http.sent] == [
        "/api/v1/statuses/108942703571991143/history",
        "/api/v1/statuses/108942703571991143/source",
    ]


def test_status_history_needs_3_5_0(make_api, mock_http):
    api = make_api("3.4.1")
    with pytest.raises(MastodonVersionError):
        api.status_history(1)
    with pytest.raises(MastodonVersionError):
        api.status_source(1)
    assert mock_http.sent == []


# -- posting -------------------------------------------------------------------------------


def test_status_post_minimal(api, posted):
    status = api.status_post("Hello from Python")
    sent = posted.last
    assert (sent.method, sent.path) == ("POST", "/api/v1/statuses")
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sent.form == [("status", "Hello from Python")]
    assert sent.query == []
    assert "Idempotency-Key" not in sent.headers
    assert status.id == STATUS_ID


def test_status_post_every_form_field(api, posted):
    media = documented("MediaAttachment")
    api.status_post(
        "with media",
        in_reply_to_id=documented("Status"),
        media_ids=[media, "22345793", 22345794],
        sensitive=True,
        visibility="Unlisted",
        spoiler_text="cw",
        language="de",
        idempotency_key="abc-123",
    )
    sent = posted.last
    assert sorted(sent.form) == sorted(
        [
            ("status", "with media"),
            ("in_reply_to_id", str(STATUS_ID)),
            ("media_ids[]", "22345792"),
            ("media_ids[]", "22345793"),
            ("media_ids[]", "22345794"),
            ("sensitive", "1"),
            ("visibility", "unlisted"),
            ("spoiler_text", "cw"),
            ("language", "de"),
        ]
    )
    assert [v for k, v in sent.form if k == "media_ids[]"] == ["22345792", "22345793", "22345794"]
    assert sent.headers["Idempotency-Key"] == "abc-123"


def test_status_post_single_media_id_is_wrapped(api, posted):
    api.status_post("one", media_ids={"id": "9"})
    assert ("media_ids[]", "9") in posted.last.form


def test_status_post_not_sensitive_and_empty_media_are_left_out(api, posted):
    api.status_post("plain", media_ids=[], sensitive=False, visibility=None, spoiler_text=None)
    assert posted.last.form == [("status", "plain")]


def test_status_post_media_without_text(api, posted):
    api.status_post(None, media_ids=[1])
    assert posted.last.form == [("media_ids[]", "1")]


def test_status_post_content_type_is_ignored_on_mainline(api, posted):
    api.status_post("extras", content_type="text/markdown")
    assert posted.last.form == [("status", "extras")]


def test_status_post_quote_id_is_refused_on_mainline(api, mock_http):
    with pytest.raises(MastodonBackendFeatureError, match="quote_id"):
        api.status_post("quoting", quote_id=5)
    assert mock_http.sent == []


def test_status_post_scheduled(api, mock_http):
    mock_http.add("POST", "/api/v1/statuses", documented("ScheduledStatus"))
    when = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    scheduled = api.status_post("later", scheduled_at=when)
    assert ("scheduled_at", "2030-01-02T03:04:05+00:00") in mock_http.last.form
    assert scheduled.id == 3221
    assert scheduled.scheduled_at == datetime(2019, 12, 5, 12, 33, 1, tzinfo=timezone.utc)
    assert scheduled.params.text == "test content"


def test_status_post_scheduled_at_converts_offsets_to_utc(api, posted):
    when = datetime(2030, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    api.status_post("later", scheduled_at=when)
    assert ("scheduled_at", "2030-01-02T03:04:05+00:00") in posted.last.form


def test_status_post_with_poll_is_json(api, posted):
    poll = api.make_poll(["yes", "no", "maybe"], expires_in=3600, multiple=True)
    api.status_post("Vote!", poll=poll, visibility="public", in_reply_to_id={"id": 42})
    sent = posted.last
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.form == []
    assert sent.json == {
        "status": "Vote!",
        "in_reply_to_id": 42,
        "visibility": "public",
        "poll": {"options": ["yes", "no", "maybe"], "expires_in": 3600, "multiple": True, "hide_totals": False},
    }


def test_make_poll():
    from mastodon import Mastodon

    poll = Mastodon.make_poll(None, ["a", "b"], 300)  # type: ignore[arg-type]
    assert poll == {"options": ["a", "b"], "expires_in": 300, "multiple": False, "hide_totals": False}
    assert poll.options == ["a", "b"]


@pytest.mark.parametrize(
    ("options", "expires_in"),
    [(["only one"], 300), ("ab", 300), (["a", 2], 300), (["a", "b"], 0), (["a", "b"], -5), (["a", "b"], True), (["a", "b"], "300")],
)
def test_make_poll_rejects_bad_polls(api, options, expires_in):
    with pytest.raises(MastodonIllegalArgumentError):
        api.make_poll(options, expires_in)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"visibility": "everyone"},
        {"visibility": 3},
        {"media_ids": [1, 2, 3, 4, 5]},
        {"media_ids": [1], "poll": {"options": ["a", "b"], "expires_in": 300}},
        {"poll": ["a", "b"]},
        {"scheduled_at": "2030-01-01T00:00:00Z"},
    ],
    ids=["visibility", "visibility-type", "five-media", "media-and-poll", "poll-not-dict", "scheduled-at-string"],
)
def test_status_post_illegal_arguments_send_nothing(api, mock_http, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_post("text", **kwargs)
    assert mock_http.sent == []


def test_status_post_needs_text(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_post(None)
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_post(42)
    assert mock_http.sent == []


def test_toot(api, posted):
    status = api.toot("Tooting from Python using #mastodonpy !")
    assert posted.last.form == [("status", "Tooting from Python using #mastodonpy !")]
    assert status.visibility == "public"


# -- replies -------------------------------------------------------------------------------


@pytest.fixture
def replying(mock_http):
    mock_http.add("GET", "/api/v1/accounts/verify_credentials", documented("CredentialAccount"))
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    return mock_http


def _posts(mock_http):
    return [s for s in mock_http.sent if s.method == "POST"]


def test_status_reply_mentions_author_and_others_but_not_me(api, replying):
    to_status = api_decoded(api, "StatusReply")
    api.status_reply(to_status, "they are!")
    post = _posts(replying)[-1]
    form = dict(post.form)
    # trwnh (id 14715) is the logged-in user and is not mentioned again.
    assert form["status"] == "@Gargron @noiob@awoo.space they are!"
    assert form["in_reply_to_id"] == "103704874086360371"
    assert form["visibility"] == "unlisted"
    assert form["spoiler_text"] == "cw: moving house"


def test_status_reply_untag_mentions_only_the_author(api, replying):
    api.status_reply(api_decoded(api, "StatusReply"), "hi", untag=True)
    assert dict(_posts(replying)[-1].form)["status"] == "@Gargron hi"


def test_status_reply_explicit_visibility_and_cw_win(api, replying):
    api.status_reply(api_decoded(api, "StatusReply"), "hi", visibility="direct", spoiler_text="new cw")
    form = dict(_posts(replying)[-1].form)
    assert form["visibility"] == "direct"
    assert form["spoiler_text"] == "new cw"


def test_status_reply_asks_for_my_id_once(api, replying):
    to_status = api_decoded(api, "StatusReply")
    api.status_reply(to_status, "one")
    api.status_reply(to_status, "two")
    checks = [s for s in replying.sent if s.path == "/api/v1/accounts/verify_credentials"]
    assert len(checks) == 1
    assert len(_posts(replying)) == 2


def test_status_reply_to_myself_keeps_the_author_mention(api, replying):
    mine = documented("StatusReply")
    mine["account"] = {"id": "14715", "acct": "trwnh", "username": "trwnh"}
    mine["mentions"] = [{"id": "14715", "acct": "trwnh", "username": "trwnh", "url": "https://mastodon.social/@trwnh"}]
    api.status_reply(mine, "thread continues")
    assert dict(_posts(replying)[-1].form)["status"] == "@trwnh thread continues"


def test_status_reply_with_poll_is_json(api, replying):
    api.status_reply(api_decoded(api, "StatusReply"), "vote", poll=api.make_poll(["a", "b"], 600), untag=True)
    body = _posts(replying)[-1].json
    assert body["status"] == "@Gargron vote"
    assert body["in_reply_to_id"] == 103704874086360371
    assert body["poll"]["options"] == ["a", "b"]


def test_status_reply_needs_a_status(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_reply({"id": 5, "content": "no account"}, "text")
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_reply(None, "text")
    assert mock_http.sent == []


def test_status_reply_to_an_id_fetches_the_status_first(api, replying):
    replying.add("GET", "/api/v1/statuses/103704874086360371", documented("StatusReply"))
    api.status_reply(103704874086360371, "they are!", untag=True)
    assert [(s.method, s.path) for s in replying.sent] == [
        ("GET", "/api/v1/statuses/103704874086360371"),
        ("GET", "/api/v1/accounts/verify_credentials"),
        ("POST", "/api/v1/statuses"),
    ]
    form = dict(replying.last.form)
    assert form["status"] == "@Gargron they are!"
    assert form["in_reply_to_id"] == "103704874086360371"


def test_status_reply_checks_every_argument_before_fetching(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_reply(103704874086360371, "hi", quote_approval_policy="friends")
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_reply(103704874086360371, "hi", media_ids=[1], poll={"options": ["a", "b"], "expires_in": 60})
    assert mock_http.sent == []


def test_status_reply_quotes_on_4_5(make_api, replying):
    api = make_api("4.5.0")
    api.status_reply(api_decoded(api, "StatusReply"), "quoting", untag=True, quoted_status_id=7, quote_approval_policy="nobody")
    form = dict(_posts(replying)[-1].form)
    assert (form["quoted_status_id"], form["quote_approval_policy"]) == ("7", "nobody")


def api_decoded(api, name):
    """A documented entity decoded the way the client decodes responses."""
    from mastodon.decode import decode_value

    return decode_value(documented(name))


# -- editing and interacting ---------------------------------------------------------------


def test_status_update(api, mock_http):
    mock_http.add("PUT", "/api/v1/statuses/9", documented("Status"))
    api.status_update({"id": 9}, status="edited", spoiler_text="cw", sensitive=False, media_ids=[{"id": 3}, 4], language="en")
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PUT", "/api/v1/statuses/9")
    assert sorted(sent.form) == sorted(
        [("status", "edited"), ("spoiler_text", "cw"), ("sensitive", "0"), ("media_ids[]", "3"), ("media_ids[]", "4"), ("language", "en")]
    )
    assert ("id", "9") not in sent.form


def test_status_update_with_poll_is_json(api, mock_http):
    mock_http.add("PUT", "/api/v1/statuses/9", documented("Status"))
    api.status_update(9, status="poll now", poll=api.make_poll(["x", "y"], 300))
    assert mock_http.last.json == {
        "status": "poll now",
        "poll": {"options": ["x", "y"], "expires_in": 300, "multiple": False, "hide_totals": False},
    }


def test_status_update_needs_3_5_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.4.0").status_update(1, status="x")
    assert mock_http.sent == []


def test_status_reblog(api, mock_http):
    mock_http.add("POST", "/api/v1/statuses/5/reblog", documented("Status"))
    api.status_reblog(5)
    assert mock_http.last.form == []
    api.status_reblog({"id": 5}, visibility="PRIVATE")
    assert mock_http.last.form == [("visibility", "private")]
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_reblog(5, visibility="friends")
    assert len(mock_http.sent) == 2


@pytest.mark.parametrize(
    "verb",
    ["unreblog", "favourite", "unfavourite", "mute", "unmute", "pin", "unpin", "bookmark", "unbookmark"],
)
def test_status_actions(api, mock_http, verb):
    mock_http.add("POST", f"/api/v1/statuses/{STATUS_ID}/{verb}", documented("Status"))
    result = getattr(api, f"status_{verb}")(documented("Status"))
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form, sent.query) == ("POST", f"/api/v1/statuses/{STATUS_ID}/{verb}", [], [])
    assert result.id == STATUS_ID


@pytest.mark.parametrize(
    ("verb", "too_old"),
    [("bookmark", "3.0.2"), ("unbookmark", "3.0.2"), ("pin", "2.0.0"), ("unpin", "2.0.0"), ("mute", "1.3.0")],
)
def test_status_action_gates(make_api, mock_http, verb, too_old):
    with pytest.raises(MastodonVersionError):
        getattr(make_api(too_old), f"status_{verb}")(1)
    assert mock_http.sent == []


def test_status_delete(api, mock_http):
    deleted = documented("Status")
    deleted["text"] = "the source"
    mock_http.add("DELETE", "/api/v1/statuses/7", deleted)
    result = api.status_delete(7)
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form, sent.query) == ("DELETE", "/api/v1/statuses/7", [], [])
    assert result.text == "the source"


# -- scheduled statuses --------------------------------------------------------------------


def test_scheduled_statuses(api, mock_http):
    mock_http.add("GET", "/api/v1/scheduled_statuses", [documented("ScheduledStatus")])
    mock_http.add("GET", "/api/v1/scheduled_statuses/3221", documented("ScheduledStatus"))
    listed = api.scheduled_statuses()
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/scheduled_statuses", [])
    assert listed[0].params.application_id == 596551
    one = api.scheduled_status(listed[0])
    assert mock_http.last.path == "/api/v1/scheduled_statuses/3221"
    assert one.media_attachments == []


def test_scheduled_status_update_and_delete(api, mock_http):
    mock_http.add("PUT", "/api/v1/scheduled_statuses/3221", documented("ScheduledStatus"))
    mock_http.add("DELETE", "/api/v1/scheduled_statuses/3221", {})
    api.scheduled_status_update(3221, datetime(2031, 6, 1, 12, 0, tzinfo=timezone.utc))
    assert (mock_http.last.method, mock_http.last.form) == ("PUT", [("scheduled_at", "2031-06-01T12:00:00+00:00")])
    assert api.scheduled_status_delete({"id": 3221}) is None
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", "/api/v1/scheduled_statuses/3221")


def test_scheduled_status_update_needs_a_datetime(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.scheduled_status_update(1, "tomorrow")
    assert mock_http.sent == []


def test_scheduled_statuses_need_2_7_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("2.6.5").scheduled_statuses()
    assert mock_http.sent == []


# -- polls ---------------------------------------------------------------------------------


def test_poll(api, mock_http):
    mock_http.add("GET", "/api/v1/polls/34830", documented("Poll"))
    poll = api.poll("34830")
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v1/polls/34830")
    assert poll.id == 34830
    assert poll.expires_at == datetime(2019, 12, 5, 4, 5, 8, 302000, tzinfo=timezone.utc)
    assert [o.votes_count for o in poll.options] == [6, 4]
    assert poll.own_votes == [1]


def test_poll_vote(api, mock_http):
    mock_http.add("POST", "/api/v1/polls/34830/votes", documented("Poll"))
    api.poll_vote(34830, 1)
    assert mock_http.last.form == [("choices[]", "1")]
    api.poll_vote(documented("Poll"), [0, 1])
    assert (mock_http.last.path, mock_http.last.form) == ("/api/v1/polls/34830/votes", [("choices[]", "0"), ("choices[]", "1")])


@pytest.mark.parametrize("choices", [[], -1, "1", [True], [0, "a"], None])
def test_poll_vote_rejects_bad_choices(api, mock_http, choices):
    with pytest.raises(MastodonIllegalArgumentError):
        api.poll_vote(1, choices)
    assert mock_http.sent == []


def test_polls_need_2_8_0(make_api, mock_http):
    api = make_api("2.7.0")
    for call in (lambda: api.poll(1), lambda: api.poll_vote(1, 0)):
        with pytest.raises(MastodonVersionError):
            call()
    assert mock_http.sent == []


# -- server extras -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.status_emoji_reactions(1),
        lambda api: api.status_emoji_reaction_create(1, "👍"),
        lambda api: api.status_emoji_reaction_delete(1, "👍"),
    ],
    ids=["list", "create", "delete"],
)
def test_emoji_reactions_are_refused_on_mainline(api, mock_http, call):
    with pytest.raises(MastodonBackendFeatureError, match="mainline"):
        call(api)
    assert mock_http.sent == []


def test_server_specific_visibility_on_mainline_names_the_servers(api, mock_http):
    with pytest.raises(MastodonBackendFeatureError) as caught:
        api.status_post("only on this server", visibility="local")
    assert "pleroma" in str(caught.value)
    assert isinstance(caught.value, MastodonVersionError)
    assert mock_http.sent == []


def test_datetimes_in_plain_value_parameters_are_iso_8601(api, mock_http):
    mock_http.add("PUT", "/api/v1/scheduled_statuses/1", documented("ScheduledStatus"))
    api.call_endpoint("scheduled_status_update", id=1, scheduled_at=datetime(2030, 5, 6, 7, 8, 9, tzinfo=timezone.utc))
    assert mock_http.last.form == [("scheduled_at", "2030-05-06T07:08:09+00:00")]


def test_status_reply_checks_its_arguments_before_asking_who_i_am(api, mock_http, replying):
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_reply(documented("Status"), "hi", visibility="everyone")
    assert mock_http.sent == []


# -- Mastodon 4.x additions ----------------------------------------------------------------


@pytest.fixture
def api45(make_api):
    return make_api("4.5.0")


def test_statuses_fetches_several_by_id(make_api, mock_http):
    mock_http.add("GET", "/api/v1/statuses", [documented("Status")])
    found = make_api("4.3.0").statuses([1, {"id": 2}])
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/statuses", [("id[]", "1"), ("id[]", "2")])
    assert found[0].id == STATUS_ID


@pytest.mark.parametrize("ids", [[], None, [None]])
def test_statuses_needs_ids(make_api, mock_http, ids):
    with pytest.raises(MastodonIllegalArgumentError):
        make_api("4.3.0").statuses(ids)
    assert mock_http.sent == []


def test_status_post_quoted_status_id_and_policy(api45, posted):
    api45.status_post("look", quoted_status_id={"id": 7}, quote_approval_policy="followers")
    assert posted.last.form == [("status", "look"), ("quoted_status_id", "7"), ("quote_approval_policy", "followers")]


def test_status_post_quote_id_is_sent_as_quoted_status_id_on_4_5(api45, posted):
    api45.status_post("look", quote_id=7)
    assert posted.last.form == [("status", "look"), ("quoted_status_id", "7")]


def test_status_post_quote_needs_4_5(api, mock_http):
    with pytest.raises(MastodonVersionError, match="quoted_status_id"):
        api.status_post("look", quoted_status_id=7)
    with pytest.raises(MastodonVersionError, match="quote_approval_policy"):
        api.status_post("look", quote_approval_policy="public")
    assert mock_http.sent == []


@pytest.mark.parametrize(
    "kwargs",
    [{"quote_id": 1, "quoted_status_id": 2}, {"quote_approval_policy": "friends"}, {"quote_approval_policy": "PUBLIC"}],
    ids=["both-quote-names", "unknown-policy", "policy-case"],
)
def test_status_post_bad_quote_arguments(api45, mock_http, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        api45.status_post("look", **kwargs)
    assert mock_http.sent == []


def test_status_post_strict_content_type_refuses_where_it_would_be_ignored(api, mock_http):
    with pytest.raises(MastodonBackendFeatureError, match="content_type"):
        api.status_post("**bold**", content_type="text/markdown", strict_content_type=True)
    assert mock_http.sent == []


def test_status_post_strict_content_type_without_content_type_posts(api, posted):
    api.status_post("plain", strict_content_type=True)
    assert posted.last.form == [("status", "plain")]


def test_status_update_media_attributes_and_policy_go_as_json(api45, mock_http):
    mock_http.add("PUT", "/api/v1/statuses/9", documented("Status"))
    media = documented("MediaAttachment")
    attributes = [api45.generate_media_edit_attributes(media, description="a cat", focus=(0.5, -0.25))]
    api45.status_update(9, "edited", media_ids=[media], media_attributes=attributes, quote_approval_policy="nobody")
    sent = mock_http.last
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.json == {
        "status": "edited",
        "media_ids": ["22345792"],
        "media_attributes": [{"id": "22345792", "description": "a cat", "focus": "0.5,-0.25"}],
        "quote_approval_policy": "nobody",
    }


@pytest.mark.parametrize(
    "attributes",
    [[{"description": "no id"}], "id=1", [{"id": 1, "thumbnail": b"png"}]],
    ids=["no-id", "not-dicts", "thumbnail"],
)
def test_status_update_bad_media_attributes(api45, mock_http, attributes):
    with pytest.raises(MastodonIllegalArgumentError):
        api45.status_update(9, "edited", media_attributes=attributes)
    assert mock_http.sent == []


def test_status_update_language_needs_4_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError, match="language"):
        make_api("3.5.0").status_update(9, "edited", language="en")
    assert mock_http.sent == []


def test_status_update_quote_approval_policy(api45, mock_http):
    mock_http.add("PUT", "/api/v1/statuses/9/interaction_policy", documented("Status"))
    api45.status_update_quote_approval_policy({"id": 9}, "followers")
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("PUT", "/api/v1/statuses/9/interaction_policy", [("quote_approval_policy", "followers")])
    with pytest.raises(MastodonIllegalArgumentError):
        api45.status_update_quote_approval_policy(9, "everyone")
    assert len(mock_http.sent) == 1


def _quoting_status():
    status = documented("Status")
    status["id"] = "115107232286434584"
    status["quote"] = documented("Quote")
    return status


def test_status_quotes(api45, mock_http):
    link = '<https://mastodon.example/api/v1/statuses/103270115826048975/quotes?limit=2&max_id=109406336446186031>; rel="next"'
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}/quotes", [_quoting_status()], headers={"Link": link})
    quotes = api45.status_quotes(STATUS_ID, limit=2)
    sent = mock_http.last
    assert (sent.path, sent.query) == (f"/api/v1/statuses/{STATUS_ID}/quotes", [("limit", "2")])
    assert quotes[0].quote.state == "accepted"
    assert quotes[0].quote.quoted_status.id == STATUS_ID
    assert quotes._pagination_next["max_id"] == 109406336446186031


def test_status_quote_revoke(api45, mock_http):
    revoked = _quoting_status()
    revoked["quote"] = {"state": "revoked", "quoted_status": None}
    mock_http.add("POST", f"/api/v1/statuses/{STATUS_ID}/quotes/115107232286434584/revoke", revoked)
    result = api45.status_quote_revoke(STATUS_ID, {"id": "115107232286434584"})
    assert (mock_http.last.method, mock_http.last.form) == ("POST", [])
    assert result.quote.state == "revoked"


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.status_quotes(1),
        lambda api: api.status_quote_revoke(1, 2),
        lambda api: api.status_update_quote_approval_policy(1, "public"),
    ],
    ids=["quotes", "revoke", "policy"],
)
def test_quote_endpoints_need_4_5(api, mock_http, call):
    with pytest.raises(MastodonVersionError):
        call(api)
    assert mock_http.sent == []


def test_status_translate(api, mock_http):
    mock_http.add("POST", f"/api/v1/statuses/{STATUS_ID}/translate", documented("Translation"))
    translation = api.status_translate(STATUS_ID, lang="en")
    assert (mock_http.last.method, mock_http.last.form) == ("POST", [("lang", "en")])
    assert translation.detected_source_language == "es"
    assert translation.media_attachments[0].description == "Status author waving at the camera"
    api.status_translate(STATUS_ID)
    assert mock_http.last.form == []


def test_status_translate_and_statuses_need_their_versions(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.5.3").status_translate(1)
    with pytest.raises(MastodonVersionError):
        make_api("4.2.0").statuses([1])
    assert mock_http.sent == []


def test_status_delete_media(make_api, mock_http):
    mock_http.add("DELETE", "/api/v1/statuses/7", documented("Status"))
    make_api("4.4.0").status_delete(7, delete_media=True)
    assert mock_http.last.form == [("delete_media", "1")]
    with pytest.raises(MastodonVersionError, match="delete_media"):
        make_api("4.3.0").status_delete(7, delete_media=True)
    assert len(mock_http.sent) == 1


def test_scheduled_statuses_pagination(api, mock_http):
    mock_http.add("GET", "/api/v1/scheduled_statuses", [documented("ScheduledStatus")])
    api.scheduled_statuses(max_id=5, min_id={"id": 2}, limit=10)
    assert mock_http.last.query == [("max_id", "5"), ("min_id", "2"), ("limit", "10")]


def test_scheduled_status_update_refuses_none_and_strings(api, mock_http):
    for value in (None, "2030-01-01T00:00:00Z"):
        with pytest.raises(MastodonIllegalArgumentError):
            api.scheduled_status_update(1, value)
    assert mock_http.sent == []
