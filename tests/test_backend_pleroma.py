"""The Pleroma and Akkoma backends: what goes on the wire, gates, and normalised responses."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from support.mock_http import documented

from mastodon import (
    AttribAccessList,
    MastodonBackendFeatureError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
)

BASE = "https://pleroma.example"
STATUS_ID = "AEoxbYHVjmLNZVZgTo"
REACTIONS = f"/api/v1/pleroma/statuses/{STATUS_ID}/reactions"


@pytest.fixture
def pleroma(make_api):
    return make_api(version="2.7.2 (compatible; Pleroma 2.5.0)", feature_set="pleroma", api_base_url=BASE)


@pytest.fixture
def akkoma(make_api):
    return make_api(version="2.7.2 (compatible; Akkoma 3.10.4)", feature_set="akkoma", api_base_url="https://akkoma.example")


@pytest.fixture
def posted(mock_http):
    mock_http.add("POST", "/api/v1/statuses", documented("Status", "pleroma"))
    return mock_http


def form(mock_http) -> dict[str, Any]:
    return dict(mock_http.last.form)


# -- selection and versions ----------------------------------------------------------------


def test_feature_set_selects_the_backend_and_keeps_both_versions(pleroma):
    assert pleroma.backend == "pleroma"
    version = pleroma.server_version
    assert version.mastodon == (2, 7, 2)
    assert (version.software, version.software_version) == ("pleroma", (2, 5, 0))
    assert (pleroma.mastodon_major, pleroma.mastodon_minor, pleroma.mastodon_patch) == (2, 7, 2)


def test_akkoma_extends_pleroma(akkoma):
    assert akkoma.backend == "akkoma"
    assert akkoma._registry.chain("akkoma") == ["akkoma", "pleroma"]
    assert akkoma.server_version.software == "akkoma"
    assert akkoma.server_version.software_version == (3, 10, 4)


# -- content_type ----------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["text/plain", "text/markdown", "text/html", "text/bbcode"])
def test_status_post_sends_content_type(pleroma, posted, content_type):
    pleroma.status_post("*hello*", content_type=content_type)
    assert mock_sent(posted) == ("POST", "/api/v1/statuses")
    assert form(posted) == {"status": "*hello*", "content_type": content_type}


@pytest.mark.parametrize("content_type", ["text/x.misskeymarkdown", "markdown", "", 5])
def test_unknown_content_type_raises_before_any_request(pleroma, mock_http, content_type):
    with pytest.raises(MastodonIllegalArgumentError, match="content_type"):
        pleroma.status_post("hello", content_type=content_type)
    assert mock_http.sent == []


def test_content_type_is_ignored_on_mainline(api, posted):
    api.status_post("hello", content_type="text/markdown")
    assert form(posted) == {"status": "hello"}


def test_status_reply_passes_content_type(pleroma, posted):
    parent = documented("Status", "pleroma")
    pleroma._logged_in_id_cache = "someone-else"
    pleroma.status_reply(parent, "reply", content_type="text/markdown")
    sent = form(posted)
    assert sent["content_type"] == "text/markdown"
    assert sent["in_reply_to_id"] == STATUS_ID
    assert sent["visibility"] == "local"


# -- visibilities ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("visibility", "sent"),
    [
        ("local", "local"),
        ("LOCAL", "local"),
        ("public", "public"),
        ("list:9sDr2bGmxU1GLTkNs8", "list:9sDr2bGmxU1GLTkNs8"),
        ("List:9sDr2bGmxU1GLTkNs8", "list:9sDr2bGmxU1GLTkNs8"),
    ],
)
def test_extra_visibilities_are_sent(pleroma, posted, visibility, sent):
    pleroma.status_post("hello", visibility=visibility)
    assert form(posted)["visibility"] == sent


@pytest.mark.parametrize("visibility", ["list:", "list", "friends", 3])
def test_other_visibilities_raise_before_any_request(pleroma, mock_http, visibility):
    with pytest.raises(MastodonIllegalArgumentError, match="visibility"):
        pleroma.status_post("hello", visibility=visibility)
    assert mock_http.sent == []


def test_another_backends_visibility_names_that_backend(pleroma, mock_http):
    with pytest.raises(MastodonBackendFeatureError, match="'pleroma' backend: offered by: fedibird"):
        pleroma.status_post("hello", visibility="mutual")
    assert mock_http.sent == []


def test_local_only_on_mainline_raises_a_backend_feature_error(api, mock_http):
    with pytest.raises(MastodonBackendFeatureError) as caught:
        api.status_post("hello", visibility="local")
    assert isinstance(caught.value, MastodonVersionError)
    assert "'mainline' backend" in str(caught.value)
    assert "pleroma" in str(caught.value) and "akkoma" in str(caught.value)
    assert mock_http.sent == []


# -- null parameters -------------------------------------------------------------------------


def test_parameters_whose_value_is_none_are_not_sent(pleroma, posted):
    pleroma.status_post(
        "only text", in_reply_to_id=None, media_ids=None, visibility=None, spoiler_text=None,
        language=None, content_type=None, scheduled_at=None, poll=None,
    )
    assert posted.last.form == [("status", "only text")]


def test_none_values_are_not_sent_through_the_extension_endpoint(pleroma, posted):
    pleroma.call_endpoint("pleroma_status_post", status="hi", expires_in=None, to=None, preview=None, quote_id=None)
    assert posted.last.form == [("status", "hi")]


def test_none_values_added_by_other_plugins_are_dropped(pleroma, mock_http):
    from mastodon.plugin import hookimpl
    from mastodon.plugins import register_plugin, unregister_plugin

    class AddsNull:
        @hookimpl
        def mastodon_prepare_params(self, ctx, endpoint, params, extensions):
            params["language"] = None

    plugin = AddsNull()
    register_plugin(plugin, name="adds-null")
    try:
        client = pleroma.__class__(
            api_base_url=BASE, access_token="t", mastodon_version="2.7.2 (compatible; Pleroma 2.5.0)",
            feature_set="pleroma", session=pleroma.session,
        )
        mock_http.add("POST", "/api/v1/statuses", documented("Status", "pleroma"))
        client.status_post("hi")
    finally:
        unregister_plugin(plugin)
    assert mock_http.last.form == [("status", "hi")]


# -- Pleroma's own posting parameters ----------------------------------------------------------


def test_expires_in_and_other_extras_through_the_extension_endpoint(pleroma, posted):
    status = pleroma.call_endpoint(
        "pleroma_status_post", status="bye soon", expires_in=7200, content_type="text/markdown",
        visibility="list:9sDr2bGmxU1GLTkNs8", to=["lain", "alice@remote.example"], preview=False,
        in_reply_to_conversation_id=345973,
    )
    assert mock_sent(posted) == ("POST", "/api/v1/statuses")
    assert sorted(posted.last.form) == sorted([
        ("status", "bye soon"), ("content_type", "text/markdown"), ("visibility", "list:9sDr2bGmxU1GLTkNs8"),
        ("expires_in", "7200"), ("preview", "0"), ("to[]", "lain"), ("to[]", "alice@remote.example"),
        ("in_reply_to_conversation_id", "345973"),
    ])
    assert status.id == STATUS_ID


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"expires_in": 0}, "expires_in"),
        ({"expires_in": "soon"}, "expires_in"),
        ({"expires_in": True}, "expires_in"),
        ({"content_type": "text/rtf"}, "content_type"),
        ({"visibility": "mutual"}, "visibility"),
    ],
)
def test_extension_endpoint_validates_before_any_request(pleroma, mock_http, arguments, message):
    with pytest.raises(MastodonIllegalArgumentError, match=message):
        pleroma.call_endpoint("pleroma_status_post", status="x", **arguments)
    assert mock_http.sent == []


def test_extension_endpoint_is_listed_and_refused_elsewhere(api, mock_http):
    assert "pleroma_status_post" in api.endpoints()
    with pytest.raises(MastodonBackendFeatureError, match=r"pleroma_status_post.*'mainline'"):
        api.call_endpoint("pleroma_status_post", status="x", expires_in=3600)
    assert mock_http.sent == []


# -- quotes ----------------------------------------------------------------------------------


def test_quote_id_is_refused_on_pleroma_before_any_request(pleroma, mock_http):
    with pytest.raises(MastodonBackendFeatureError) as caught:
        pleroma.status_post("quoting", quote_id="AEoxGfCYCzpV0JPyxU")
    assert "'pleroma' backend" in str(caught.value)
    assert "akkoma" in str(caught.value) and "fedibird" in str(caught.value)
    assert mock_http.sent == []


def test_quote_id_is_sent_on_akkoma(akkoma, mock_http):
    mock_http.add("POST", "/api/v1/statuses", documented("Status", "akkoma"))
    akkoma.status_post("quoting", quote_id={"id": "AEoxGfCYCzpV0JPyxU"})
    assert form(mock_http) == {"status": "quoting", "quote_id": "AEoxGfCYCzpV0JPyxU"}


def test_quoted_status_id_is_sent_as_quote_id_on_akkoma(akkoma, mock_http):
    mock_http.add("POST", "/api/v1/statuses", documented("Status", "akkoma"))
    akkoma.status_post("quoting", quoted_status_id="AEoxGfCYCzpV0JPyxU")
    assert form(mock_http) == {"status": "quoting", "quote_id": "AEoxGfCYCzpV0JPyxU"}


def test_quoted_status_id_is_refused_on_pleroma_before_any_request(pleroma, mock_http):
    with pytest.raises(MastodonVersionError, match="quoted_status_id"):
        pleroma.status_post("quoting", quoted_status_id="AEoxGfCYCzpV0JPyxU")
    assert mock_http.sent == []


def test_strict_content_type_is_sent_on_pleroma(pleroma, posted):
    pleroma.status_post("**hi**", content_type="text/markdown", strict_content_type=True)
    assert form(posted)["content_type"] == "text/markdown"


# -- ids, dates and pagination ------------------------------------------------------------------


def test_flake_ids_stay_strings(pleroma, mock_http):
    status = documented("Status", "pleroma")
    status["in_reply_to_id"] = "1234567"  # a flake id that happens to be all digits
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", status)
    result = pleroma.status(STATUS_ID)
    assert result.id == STATUS_ID
    assert result.in_reply_to_id == "1234567"
    assert result.account.id == "9toI2Qh6P1FGvqzdGq"
    assert result.media_attachments[0].id == "AEoxbX8Ia7EqgW4y8W"
    assert isinstance(result.created_at, datetime)


def test_datetimes_cannot_be_used_as_ids(pleroma, mock_http):
    with pytest.raises(MastodonIllegalArgumentError, match="pleroma"):
        pleroma.timeline_home(max_id=datetime(2023, 1, 1, tzinfo=timezone.utc))
    assert mock_http.sent == []


def test_empty_and_odd_dates_do_not_break_decoding(pleroma, mock_http):
    status = documented("Status", "pleroma")
    status["created_at"] = ""
    status["edited_at"] = "not a date at all"
    status["account"]["created_at"] = "2020-13-45T99:99:99Z"
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", status)
    result = pleroma.status(STATUS_ID)
    assert result.created_at is None
    assert result.edited_at == "not a date at all"
    assert result.account.created_at == "2020-13-45T99:99:99Z"
    assert result.pleroma.expires_at is None  # documented as empty when the post does not expire


def test_fetch_next_follows_flake_id_link_headers(pleroma, mock_http):
    first = [documented("Status", "pleroma")]
    second = [dict(documented("Status", "pleroma"), id="AEowyRbvuZLQ3TuD3Y")]
    link = (
        f'<{BASE}/api/v1/timelines/home?max_id=AEoxbYHVjmLNZVZgTo&limit=1>; rel="next", '
        f'<{BASE}/api/v1/timelines/home?min_id=AEoxbYHVjmLNZVZgTo&limit=1>; rel="prev"'
    )

    def home(sent):
        if ("max_id", "AEoxbYHVjmLNZVZgTo") in sent.query:
            return 200, second, {}
        return 200, first, {"Link": link}

    mock_http.handle("GET", "/api/v1/timelines/home", home)
    page = pleroma.timeline_home(limit=1)
    assert page._pagination_next["max_id"] == "AEoxbYHVjmLNZVZgTo"
    assert page._pagination_prev["min_id"] == "AEoxbYHVjmLNZVZgTo"
    following = pleroma.fetch_next(page)
    assert mock_http.last.query == [("limit", "1"), ("max_id", "AEoxbYHVjmLNZVZgTo")]
    assert [s.id for s in following] == ["AEowyRbvuZLQ3TuD3Y"]
    assert following[0].emoji_reactions[0].name == "😀"  # normalised like the first page


# -- emoji reactions ---------------------------------------------------------------------------


def test_reacting_uses_the_pleroma_route(pleroma, mock_http):
    mock_http.add("PUT", f"{REACTIONS}/%F0%9F%98%80", documented("Status", "pleroma"))
    status = pleroma.status_emoji_reaction_create(STATUS_ID, "😀")
    assert (mock_http.last.method, mock_http.last.path) == ("PUT", f"{REACTIONS}/%F0%9F%98%80")
    assert mock_http.last.raw_body == b""
    assert [r.name for r in status.emoji_reactions] == ["😀", "blobcat"]


def test_unreacting_uses_the_pleroma_route(pleroma, mock_http):
    mock_http.add("DELETE", f"{REACTIONS}/blobcat@remote.example", documented("Status", "pleroma"))
    pleroma.status_emoji_reaction_delete({"id": STATUS_ID}, "blobcat@remote.example")
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", f"{REACTIONS}/blobcat@remote.example")


def test_listing_reactions_gives_the_shared_shape(pleroma, mock_http):
    mock_http.add("GET", REACTIONS, documented("StatusReactions", "pleroma"))
    reactions = pleroma.status_emoji_reactions(STATUS_ID)
    assert (mock_http.last.path, mock_http.last.query) == (REACTIONS, [])
    assert isinstance(reactions, AttribAccessList)
    first, second = reactions
    assert (first.name, first.count, first.me) == ("😀", 2, True)
    assert first.account_ids == ["9toI2Qh6P1FGvqzdGq", "9vMAje101hCiyQpIgM"]
    assert first.accounts[1].acct == "alice@remote.example"  # the server's extra stays
    assert (second.name, second.url, second.account_ids) == (
        "blobcat", "https://pleroma.example/emoji/blobcat.png", ["9vMAje101hCiyQpIgM"]
    )


def test_listing_reactions_for_one_emoji(pleroma, mock_http):
    mock_http.add("GET", f"{REACTIONS}/%F0%9F%98%80", documented("StatusReactionsForEmoji", "pleroma"))
    reactions = pleroma.status_emoji_reactions(STATUS_ID, emoji="😀")
    assert mock_http.last.path == f"{REACTIONS}/%F0%9F%98%80"
    assert mock_http.last.query == []
    assert [(r.name, r.count, r.me) for r in reactions] == [("😀", 2, True)]


def test_a_single_reaction_object_is_answered_as_a_list(pleroma, mock_http):
    mock_http.add("GET", f"{REACTIONS}/blobcat", documented("StatusReactions", "pleroma")[1])
    reactions = pleroma.status_emoji_reactions(STATUS_ID, "blobcat")
    assert isinstance(reactions, AttribAccessList)
    assert [(r.name, r.count, r.me) for r in reactions] == [("blobcat", 1, False)]


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.status_emoji_reactions(STATUS_ID),
        lambda api: api.status_emoji_reaction_create(STATUS_ID, "😀"),
        lambda api: api.status_emoji_reaction_delete(STATUS_ID, "😀"),
    ],
)
def test_emoji_reactions_need_pleroma_2(make_api, mock_http, call):
    old = make_api(version="2.7.2 (compatible; Pleroma 1.1.9)", feature_set="pleroma", api_base_url=BASE)
    with pytest.raises(MastodonBackendFeatureError) as caught:
        call(old)
    assert isinstance(caught.value, MastodonVersionError)
    assert "Pleroma 2.0.0" in str(caught.value) and "Pleroma 1.1.9" in str(caught.value)
    assert mock_http.sent == []


def test_version_check_mode_none_skips_backend_gates(make_api, mock_http):
    old = make_api(
        version="2.7.2 (compatible; Pleroma 1.1.9)", feature_set="pleroma", api_base_url=BASE, version_check_mode="none"
    )
    mock_http.add("GET", REACTIONS, [])
    assert old.status_emoji_reactions(STATUS_ID) == []
    mock_http.add("GET", "/api/v1/featured_tags", {"error": "Not found"}, status=404)
    with pytest.raises(Exception, match="Not found"):
        old.featured_tags()


# -- gates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("call", [lambda a: a.featured_tags(), lambda a: a.featured_tag_create("fedi")])
def test_featured_tags_are_refused_before_any_request(pleroma, mock_http, call):
    with pytest.raises(MastodonVersionError, match="featured_tags"):
        call(pleroma)
    assert mock_http.sent == []


def test_endpoints_pleroma_serves_beyond_its_reported_mastodon_version(pleroma, mock_http):
    mock_http.add("PUT", f"/api/v1/statuses/{STATUS_ID}", documented("Status", "pleroma"))
    mock_http.add("GET", "/api/v1/bookmarks", [])
    mock_http.add("GET", "/api/v1/polls/AEoxc", {"id": "AEoxc", "options": []})
    pleroma.status_update(STATUS_ID, status="edited")  # Mastodon 3.5.0, Pleroma 2.5.0
    pleroma.bookmarks()  # Mastodon 3.1.0
    pleroma.poll("AEoxc")  # Mastodon 2.8.0
    assert [s.path for s in mock_http.sent] == [f"/api/v1/statuses/{STATUS_ID}", "/api/v1/bookmarks", "/api/v1/polls/AEoxc"]


def test_edits_need_pleroma_2_5(make_api, mock_http):
    older = make_api(version="2.7.2 (compatible; Pleroma 2.4.5)", feature_set="pleroma", api_base_url=BASE)
    with pytest.raises(MastodonVersionError, match=r"Pleroma 2\.5\.0"):
        older.status_update(STATUS_ID, status="edited")
    assert mock_http.sent == []


def test_other_endpoints_use_the_reported_mastodon_version(pleroma, mock_http):
    with pytest.raises(MastodonVersionError, match=r"4\.0\.0"):
        pleroma.instance_v2()
    assert mock_http.sent == []


def test_akkoma_versions_pass_pleroma_version_gates(akkoma, mock_http):
    mock_http.add("PUT", "/api/v1/pleroma/statuses/X/reactions/%F0%9F%98%80", documented("Status", "akkoma"))
    akkoma.status_emoji_reaction_create("X", "😀")
    assert mock_http.last.method == "PUT"


# -- normalised responses ------------------------------------------------------------------------


def test_status_normalisation_keeps_pleroma_extras(pleroma, mock_http):
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", documented("Status", "pleroma"))
    status = pleroma.status(STATUS_ID)
    assert [(r.name, r.count, r.me) for r in status.emoji_reactions] == [("😀", 2, True), ("blobcat", 1, False)]
    assert status.emoji_reactions[1].url == "https://pleroma.example/emoji/blobcat.png"
    assert status.pleroma.emoji_reactions is not None  # the server's object is untouched
    assert status.pleroma.content["text/plain"] == "Hello from Pleroma"
    assert status.pleroma.local is True
    assert status.quote_id == "AEoxGfCYCzpV0JPyxU"
    assert status.quote.id == "AEoxGfCYCzpV0JPyxU"
    assert status.quote.emoji_reactions == []
    assert status.visibility == "local"


def test_akkoma_top_level_reactions_keep_account_ids(akkoma, mock_http):
    mock_http.add("GET", "/api/v1/statuses/AbCdEfGhIjKlMnOpQr", documented("Status", "akkoma"))
    status = akkoma.status("AbCdEfGhIjKlMnOpQr")
    assert status.emoji_reactions[0].account_ids == ["9toI2Qh6P1FGvqzdGq", "9vMAje101hCiyQpIgM"]
    assert status.emoji_reactions[1].name == "blobcat@remote.example"


def test_reblogs_contexts_and_search_results_are_normalised(pleroma, mock_http):
    inner = documented("Status", "pleroma")
    outer = dict(documented("Status", "pleroma"), id="AEoxdr", reblog=inner)
    outer["pleroma"] = dict(outer["pleroma"], emoji_reactions=[])
    mock_http.add("GET", "/api/v1/statuses/AEoxdr/context", {"ancestors": [outer], "descendants": []})
    context = pleroma.status_context("AEoxdr")
    assert context.ancestors[0].emoji_reactions == []
    assert context.ancestors[0].reblog.emoji_reactions[0].name == "😀"


def test_emoji_reaction_notifications(pleroma, mock_http):
    mock_http.add("GET", "/api/v1/notifications", [documented("NotificationEmojiReaction", "pleroma")])
    (notification,) = pleroma.notifications(exclude_types=["follow"])
    assert mock_http.last.query == [("exclude_types[]", "follow")]
    assert notification.type == "pleroma:emoji_reaction"
    assert notification.emoji == "😀"
    assert notification.emoji_reaction.name == "😀"
    assert "url" not in notification.emoji_reaction
    assert notification.status.emoji_reactions[0].me is True
    assert notification.pleroma.is_seen is False


def test_notifications_can_exclude_emoji_reactions(pleroma, mock_http):
    mock_http.add("GET", "/api/v1/notifications", [])
    pleroma.notifications(exclude_types=["pleroma:emoji_reaction"])
    assert mock_http.last.query == [("exclude_types[]", "pleroma:emoji_reaction")]


def test_instance_normalisation(pleroma, mock_http):
    mock_http.add("GET", "/api/v1/instance", documented("Instance", "pleroma"))
    instance = pleroma.instance()
    assert instance.uri == "pleroma.example"
    assert instance.uri_original == "https://pleroma.example"
    assert instance.max_toot_chars == 5000
    assert instance.configuration.statuses.max_characters == 5000
    assert instance.configuration.statuses.supported_mime_types[-1] == "text/bbcode"
    assert instance.configuration.polls == {
        "max_options": 20, "max_characters_per_option": 200, "min_expiration": 0, "max_expiration": 31536000,
    }
    assert instance.configuration.media_attachments.image_size_limit == 16000000
    assert instance.configuration.media_attachments.description_limit == 5000
    assert "pleroma_emoji_reactions" in instance.pleroma.metadata.features


def test_instance_normalisation_keeps_what_the_server_sent(pleroma, mock_http):
    document = documented("Instance", "pleroma")
    document["uri"] = "pleroma.example"
    document["configuration"] = {"statuses": {"max_characters": 6000}}
    mock_http.add("GET", "/api/v1/instance", document)
    instance = pleroma.instance()
    assert instance.uri == "pleroma.example"
    assert "uri_original" not in instance
    assert instance.configuration.statuses.max_characters == 6000


def test_no_media_attachment_cap(pleroma, posted):
    pleroma.status_post("many", media_ids=[str(i) for i in range(8)])
    assert len([k for k, _ in posted.last.form if k == "media_ids[]"]) == 8


def test_streaming_uses_websocket(pleroma):
    assert pleroma._pipeline.hooks.streaming_transport(pleroma.server_context, "user") == "websocket"


def mock_sent(mock_http) -> tuple[str, str]:
    return mock_http.last.method, mock_http.last.path


def test_streamed_notifications_are_normalised_too(pleroma):
    from mastodon.decode import decode_value
    from mastodon.plugin import Endpoint

    payload = decode_value(documented("NotificationEmojiReaction", "pleroma"), convert_ids=False)
    stream_endpoint = Endpoint("stream:notification", "GET", "/api/v1/streaming")
    assert pleroma._pipeline.hooks.normalize_response(pleroma.server_context, stream_endpoint, payload) is None
    assert payload.emoji_reaction.name == "😀"
    assert payload.status.emoji_reactions[1].name == "blobcat"
    assert payload.id == "AEoxcoBVWJrV7wmvcG"
