"""The Fedibird backend: quotes, emoji reactions, real visibility, expiring posts, circles."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import (
    AttribAccessList,
    MastodonBackendFeatureError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
)

BASE = "https://fedibird.example"
STATUS_ID = 109623500000000002
QUOTED_ID = 109623000000000001


@pytest.fixture
def fedibird(make_api):
    return make_api(version="3.4.1", feature_set="fedibird", api_base_url=BASE)


@pytest.fixture
def posted(mock_http):
    mock_http.add("POST", "/api/v1/statuses", documented("Status", "fedibird"))
    return mock_http


@pytest.fixture
def with_status(mock_http):
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", documented("Status", "fedibird"))
    return mock_http


# -- selection -----------------------------------------------------------------------------


def test_fedibird_extends_mainline(fedibird):
    assert fedibird.backend == "fedibird"
    assert fedibird._registry.chain("fedibird") == ["fedibird", "mainline"]
    assert fedibird.server_version.mastodon == (3, 4, 1)
    info = fedibird._registry.backends["fedibird"]
    assert {"emoji_reactions", "quotes", "expiring_statuses", "circles"} <= info.features


def test_snowflake_ids_and_datetime_pagination_still_work(fedibird, mock_http):
    mock_http.add("GET", "/api/v1/timelines/home", [documented("Status", "fedibird")])
    (status,) = fedibird.timeline_home(max_id=datetime(2023, 1, 2, tzinfo=timezone.utc))
    assert mock_http.last.query == [("max_id", str(int(datetime(2023, 1, 2, tzinfo=timezone.utc).timestamp() * 1000) << 16))]
    assert status.id == STATUS_ID


# -- quotes ----------------------------------------------------------------------------------


def test_quote_id_is_sent(fedibird, posted):
    fedibird.status_post("quoting", quote_id=QUOTED_ID)
    assert dict(posted.last.form) == {"status": "quoting", "quote_id": str(QUOTED_ID)}


def test_quote_id_accepts_a_status_dict(fedibird, posted):
    fedibird.status_post("quoting", quote_id=documented("Status", "fedibird")["quote"])
    assert dict(posted.last.form)["quote_id"] == str(QUOTED_ID)


def test_quoted_status_id_is_sent_as_fedibirds_quote_id(fedibird, posted):
    fedibird.status_post("quoting", quoted_status_id=QUOTED_ID)
    assert dict(posted.last.form) == {"status": "quoting", "quote_id": str(QUOTED_ID)}


def test_quote_id_is_refused_on_mainline_naming_the_backends_that_have_it(api, mock_http):
    with pytest.raises(MastodonBackendFeatureError) as caught:
        api.status_post("quoting", quote_id=QUOTED_ID)
    message = str(caught.value)
    assert "'mainline' backend" in message and "quotes" in message
    assert "fedibird" in message and "akkoma" in message
    assert mock_http.sent == []


def test_quotes_are_normalised(fedibird, with_status):
    status = fedibird.status(STATUS_ID)
    assert status.quote_id == QUOTED_ID  # an int, like every other snowflake id here
    assert status.quote.id == QUOTED_ID
    assert status.quote.quote is None
    assert status.quote.quote_muted is False
    assert status.quote.emoji_reactions == []


# -- visibility ------------------------------------------------------------------------------


def test_visibility_ex_is_the_visibility_and_the_masked_one_is_kept(fedibird, with_status):
    status = fedibird.status(STATUS_ID)
    assert status.visibility == "limited"
    assert status.visibility_masked == "private"
    assert status.visibility_ex == "limited"
    assert status.circle_id == "17"


def test_statuses_without_visibility_ex_are_unchanged(fedibird, mock_http):
    plain = documented("Status", "fedibird")
    del plain["visibility_ex"]
    plain["visibility"] = "public"
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", plain)
    status = fedibird.status(STATUS_ID)
    assert status.visibility == "public"
    assert "visibility_masked" not in status


@pytest.mark.parametrize("visibility", ["limited", "mutual", "personal", "direct"])
def test_fedibird_visibilities_can_be_posted(fedibird, posted, visibility):
    fedibird.status_post("hi", visibility=visibility)
    assert dict(posted.last.form)["visibility"] == visibility


def test_local_only_is_not_a_fedibird_visibility(fedibird, mock_http):
    with pytest.raises(MastodonBackendFeatureError, match="'fedibird' backend"):
        fedibird.status_post("hi", visibility="local")
    assert mock_http.sent == []


# -- expiring posts and circles ----------------------------------------------------------------


def test_expiry_is_decoded(fedibird, with_status):
    status = fedibird.status(STATUS_ID)
    assert status.expires_at == datetime(2023, 1, 9, 9, 30, tzinfo=timezone.utc)
    assert status.expires_action == "delete"


def test_fedibird_status_post_sends_fedibirds_parameters(fedibird, posted):
    expires = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)
    fedibird.call_endpoint(
        "fedibird_status_post", status="for my circle", visibility="limited", circle_id=17,
        expires_at=expires, expires_action="delete", quote_id={"id": QUOTED_ID}, status_reference_ids=[5, 6],
        searchability="private",
    )
    assert (posted.last.method, posted.last.path) == ("POST", "/api/v1/statuses")
    assert sorted(posted.last.form) == sorted([
        ("status", "for my circle"), ("visibility", "limited"), ("circle_id", "17"),
        ("expires_at", "2030-01-01T12:00:00+00:00"), ("expires_action", "delete"), ("quote_id", str(QUOTED_ID)),
        ("status_reference_ids[]", "5"), ("status_reference_ids[]", "6"), ("searchability", "private"),
    ])


def test_fedibird_status_post_with_expires_in(fedibird, posted):
    fedibird.call_endpoint("fedibird_status_post", status="soon gone", expires_in=3600, expires_action="mark")
    assert sorted(posted.last.form) == [("expires_action", "mark"), ("expires_in", "3600"), ("status", "soon gone")]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"expires_action": "explode"}, "expires_action"),
        ({"expires_in": -5}, "expires_in"),
        ({"scheduled_in": "later"}, "scheduled_in"),
        ({"expires_at": 1234}, "expires_at"),
        ({"visibility": "local"}, "visibility"),
    ],
)
def test_fedibird_status_post_validates_before_any_request(fedibird, mock_http, arguments, message):
    with pytest.raises(MastodonIllegalArgumentError, match=message):
        fedibird.call_endpoint("fedibird_status_post", status="x", **arguments)
    assert mock_http.sent == []


def test_fedibird_status_post_is_refused_on_other_backends(make_api, mock_http):
    pleroma = make_api(version="2.7.2 (compatible; Pleroma 2.5.0)", feature_set="pleroma")
    with pytest.raises(MastodonBackendFeatureError, match="'pleroma' backend"):
        pleroma.call_endpoint("fedibird_status_post", status="x", circle_id=1)
    assert mock_http.sent == []


# -- emoji reactions ---------------------------------------------------------------------------


def test_reacting_uses_the_fedibird_route(fedibird, mock_http):
    path = f"/api/v1/statuses/{STATUS_ID}/emoji_reactions/%F0%9F%91%8D"
    mock_http.add("PUT", path, documented("Status", "fedibird"))
    status = fedibird.status_emoji_reaction_create(STATUS_ID, "👍")
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.raw_body) == ("PUT", path, b"")
    assert status.emoji_reactions[0].me is True


def test_remote_custom_emoji_keep_their_host(fedibird, mock_http):
    path = f"/api/v1/statuses/{STATUS_ID}/emoji_reactions/nyan@remote.example"
    mock_http.add("DELETE", path, documented("Status", "fedibird"))
    fedibird.status_emoji_reaction_delete(STATUS_ID, "nyan@remote.example")
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", path)


def test_listing_reactions_reads_the_status(fedibird, with_status):
    reactions = fedibird.status_emoji_reactions(STATUS_ID)
    assert (with_status.last.method, with_status.last.path, with_status.last.query) == (
        "GET", f"/api/v1/statuses/{STATUS_ID}", []
    )
    assert isinstance(reactions, AttribAccessList)
    assert [(r.name, r.count, r.me) for r in reactions] == [("👍", 2, True), ("nyan", 1, False)]
    assert reactions[0].account_ids == ["106011580880421234", "106011580880425678"]
    assert reactions[1].url == "https://remote.example/emoji/nyan.png"
    assert reactions[1].domain == "remote.example"  # Fedibird's extras stay


@pytest.mark.parametrize(("emoji", "names"), [("nyan", ["nyan"]), ("nyan@remote.example", ["nyan"]), ("👍", ["👍"]), ("😀", [])])
def test_listing_reactions_for_one_emoji(fedibird, with_status, emoji, names):
    reactions = fedibird.status_emoji_reactions(STATUS_ID, emoji=emoji)
    assert with_status.last.query == []  # filtered here, not sent
    assert [r.name for r in reactions] == names


def test_the_emoji_filter_does_not_leak_into_the_next_call(fedibird, with_status):
    fedibird.status_emoji_reactions(STATUS_ID, emoji="nyan")
    assert len(fedibird.status_emoji_reactions(STATUS_ID)) == 2


def test_reactions_are_allowed_whatever_the_mastodon_version(make_api, mock_http):
    old = make_api(version="3.0.0", feature_set="fedibird", api_base_url=BASE)
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", documented("Status", "fedibird"))
    assert len(old.status_emoji_reactions(STATUS_ID)) == 2


def test_mainline_parameter_gates_still_apply(fedibird, mock_http):
    # Fedibird's notifications route reads exclude_types[] only, as mainline before 3.5.0.
    with pytest.raises(MastodonVersionError, match=r"3\.5\.0 or greater for parameter 'types'"):
        fedibird.notifications(types=["mention"])
    assert mock_http.sent == []


def test_reactions_without_me_or_count_get_them(fedibird, mock_http):
    status = documented("Status", "fedibird")
    status["emoji_reactions"] = [{"name": "🎉", "account_ids": ["1", "2", "3"]}]
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", status)
    (reaction,) = fedibird.status(STATUS_ID).emoji_reactions
    assert (reaction.name, reaction.count, reaction.me) == ("🎉", 3, False)


def test_emoji_reaction_notifications(fedibird, mock_http):
    mock_http.add("GET", "/api/v1/notifications", [documented("NotificationEmojiReaction", "fedibird")])
    (notification,) = fedibird.notifications()
    assert notification.type == "emoji_reaction"
    assert notification.emoji == "nyan"
    assert notification.emoji_url == "https://remote.example/emoji/nyan.png"
    assert notification.emoji_reaction.count == 1
    assert notification.status.visibility == "limited"


def test_streaming_stays_on_server_sent_events(fedibird):
    assert fedibird._pipeline.hooks.streaming_transport(fedibird.server_context, "user") == "sse"


def test_streamed_statuses_are_normalised_too(fedibird):
    from mastodon.decode import decode_value
    from mastodon.plugin import Endpoint

    payload = decode_value(documented("Status", "fedibird"))
    stream_endpoint = Endpoint("stream:update", "GET", "/api/v1/streaming/user")
    assert fedibird._pipeline.hooks.normalize_response(fedibird.server_context, stream_endpoint, payload) is None
    assert (payload.visibility, payload.visibility_masked) == ("limited", "private")


def test_quoted_status_id_on_a_detected_fedibird_server_is_sent_as_quote_id(make_api, posted):
    """The backend is learned by the first call; the quote then goes as Fedibird takes it."""
    from urllib.parse import urlsplit

    index = documented("NodeinfoIndex", "fedibird")
    posted.add("GET", "/.well-known/nodeinfo", index)
    for link in index["links"]:
        posted.add("GET", urlsplit(link["href"]).path, documented("Nodeinfo", "fedibird"))
    posted.add("GET", "/api/v1/instance", documented("Instance", "fedibird"))
    api = make_api(version=None, feature_set="auto", api_base_url=BASE)
    api.status_post("quoting", quoted_status_id=QUOTED_ID)
    assert api.backend == "fedibird"
    assert dict(posted.last.form) == {"status": "quoting", "quote_id": str(QUOTED_ID)}
