"""Every Hollo quirk the backend handles, on recorded answers of a real server.

Where the backend changes what is sent or what comes back, the server's own behaviour is
recorded too, with a client that does not use the backend (``feature_set="mainline"``).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from live.helpers import ids, tiny_png

from mastodon import MastodonAPIError, MastodonBackendFeatureError, MastodonIllegalArgumentError, MastodonNotFoundError

pytestmark = pytest.mark.servers("hollo")


def mainline(live, user="alice", **kwargs):
    """A client without the Hollo backend (and without version gates)."""
    kwargs.setdefault("version_check_mode", "none")
    return live.api(user, feature_set="mainline", **kwargs)


# -- who it is -------------------------------------------------------------------------


def test_auto_detection_selects_hollo_despite_fedibird_flags(live, live_server):
    api = live.api("alice", feature_set="auto")
    assert api.backend == "hollo"
    detection = api.server_context.extra["detection"]
    assert (detection.backend, detection.score) == ("hollo", 100)
    assert "emoji_reaction" in api.server_context.instance["fedibird_capabilities"]  # copied from Fedibird
    assert api.server_context.nodeinfo["version"] == "2.1"
    version = api.server_version
    assert (version.software, version.raw) == ("hollo", live_server.version_string)
    assert version.mastodon == (4, 5, 0)


def test_api_level_the_version_table_stands_for(live_api):
    assert live_api.instance_v2().api_versions == {"mastodon": 7}
    assert live_api.server_version.extra["api_level"] == "7"


# -- booleans and bodies ---------------------------------------------------------------


def test_numeric_query_booleans_are_refused(live, live_api, live_server):
    alice = live_server.users["alice"]["id"]
    with pytest.raises(MastodonAPIError) as caught:
        mainline(live).account_statuses(alice, only_media=True)
    assert caught.value.status_code == 400
    assert isinstance(live_api.account_statuses(alice, only_media=True), list)


def test_form_statuses_with_booleans_are_refused_json_works(live, live_api):
    with pytest.raises(MastodonAPIError) as caught:
        mainline(live).status_post("A form body", sensitive=True, spoiler_text="cw")
    assert caught.value.status_code in (400, 422)
    status = live_api.status_post("A JSON body", sensitive=True, spoiler_text="cw")
    try:
        assert (status.sensitive, status.spoiler_text) == (True, "cw")
    finally:
        live_api.status_delete(status)


def test_a_mute_with_a_duration_is_not_in_the_relationship(live_api, live_server):
    bob = live_server.users["bob"]["id"]
    try:
        timed = live_api.account_mute(bob, notifications=False, duration=3600)  # a JSON body
        assert (timed.muting, timed.muting_notifications) == (False, False)
        assert live_api.account_relationships(bob)[0].muting is False
        assert bob in ids(live_api.mutes())
    finally:
        live_api.account_unmute(bob)
    try:
        muted = live_api.account_mute(bob, notifications=False)
        assert (muted.muting, muted.muting_notifications) == (True, False)
    finally:
        live_api.account_unmute(bob)


def test_media_update_takes_only_json(live, live_api):
    media = live_api.media_post(tiny_png(), mime_type="image/png", file_name="dot.png")
    with pytest.raises(MastodonAPIError) as caught:
        mainline(live).media_update(media, description="a form body")
    assert caught.value.status_code == 500
    assert live_api.media_update(media, description="a red dot").description == "a red dot"


# -- what it lacks ---------------------------------------------------------------------


def test_gated_calls_send_nothing_and_the_server_has_no_route(live, live_api):
    for call in (live_api.filters, live_api.conversations, live_api.domain_blocks, live_api.scheduled_statuses):
        with pytest.raises(MastodonBackendFeatureError):
            call()
    assert live.sent == []
    with pytest.raises(MastodonNotFoundError) as caught:
        mainline(live).filters()
    assert caught.value.error_message == "404 Not Found"


def test_a_scheduled_status_is_refused_before_sending(live, live_api):
    with pytest.raises(MastodonIllegalArgumentError):
        live_api.status_post("Posted later", scheduled_at=live.now() + timedelta(days=2))
    assert live.sent == []


# -- server behaviour the backend leaves alone -----------------------------------------


def test_local_likes_are_neither_counted_nor_notified(live, live_api, live_api_bob, live_server):
    status = live_api.status_post("Like me from this server", visibility="public")
    try:
        liked = live_api_bob.status_favourite(status)
        assert liked.favourited is True
        assert live_server.users["bob"]["id"] in ids(live_api.status_favourited_by(status))
        assert live_api.status(status).favourites_count == 0
        assert not [n for n in live_api.notifications() if n.status and n.status.id == status.id]
    finally:
        live_api.status_delete(status)


def test_account_statuses_next_link_skips_a_status(live, live_api, live_server):
    alice = live_server.users["alice"]["id"]
    posted = [live_api.status_post(f"Hollo page {n}", visibility="public") for n in range(3)]
    try:
        raw = mainline(live)
        first = raw.account_statuses(alice, limit=1)
        assert ids(first) == [posted[2].id]
        assert first._pagination_next["max_id"] == posted[1].id  # excluded by max_id
        assert ids(raw.fetch_next(first)) == [posted[0].id]
        page = live_api.account_statuses(alice, limit=1)
        assert ids(live_api.fetch_next(page)) == [posted[1].id]
    finally:
        for status in posted:
            live_api.status_delete(status)
