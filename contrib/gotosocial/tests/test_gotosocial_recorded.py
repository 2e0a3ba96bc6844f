"""Every GoToSocial quirk the backend handles, on recorded answers of a real server.

Where the backend changes what is sent or what comes back, the server's own behaviour is
recorded too, with a client that does not use the backend (``feature_set="mainline"``).
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import requests
from live.helpers import PUSH_KEYS, ids
from mastodon_gotosocial import MASTODON_COMPAT
from mastodon_gotosocial.ulid import is_ulid, ulid_for_datetime, ulid_timestamp

from mastodon import (
    MastodonAPIError,
    MastodonBackendFeatureError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
    StreamListener,
)
from mastodon.plugin import advertised_streaming_url, streaming_base

pytestmark = pytest.mark.servers("gotosocial")


def mainline(live, user="alice", **kwargs):
    """A client without the GoToSocial backend (and without version gates)."""
    kwargs.setdefault("version_check_mode", "none")
    return live.api(user, feature_set="mainline", **kwargs)


# -- User-Agent ------------------------------------------------------------------------


def test_empty_user_agent_is_a_teapot(live):
    session = requests.Session()
    session.headers["User-Agent"] = ""
    api = mainline(live, user_agent="", session=session)
    with pytest.raises(MastodonAPIError) as caught:
        api.instance_v1()
    assert caught.value.status_code == 418
    assert caught.value.error_message == "I'm a teapot: no user-agent sent with request"


def test_backend_always_sends_a_user_agent(live, live_server):
    session = requests.Session()
    session.headers["User-Agent"] = ""
    api = live.api("alice", user_agent="", session=session)
    assert api.instance_v1().version == live_server.version_string
    assert live.sent[-1].headers["User-Agent"] == "mastodonpy"
    own = live.api("alice", user_agent="live-tests/1.0")
    own.instance_v1()
    assert live.sent[-1].headers["User-Agent"] == "live-tests/1.0"


# -- ids -------------------------------------------------------------------------------


def test_ids_are_ulid_strings(live_api, live_server):
    status = live_api.status_post("What is my id?", visibility="private")
    try:
        assert isinstance(status.id, str) and is_ulid(status.id)
        assert isinstance(status.account.id, str) and status.account.id == live_server.users["alice"]["id"]
        # The id is made when the status is, give or take a millisecond.
        assert abs(ulid_timestamp(status.id) - status.created_at) < timedelta(seconds=1)
        assert ulid_for_datetime(status.created_at - timedelta(seconds=1)) < status.id < ulid_for_datetime(status.created_at + timedelta(seconds=1))
    finally:
        live_api.status_delete(status)


def test_datetimes_as_page_bounds(live_api, live_server):
    alice = live_server.users["alice"]["id"]
    posted = [live_api.status_post(f"Timed {n}", visibility="public") for n in range(3)]
    try:
        before_second = live_api.account_statuses(alice, max_id=posted[1].created_at, limit=5)
        assert posted[0].id in ids(before_second)
        assert not {posted[1].id, posted[2].id} & set(ids(before_second))
        from_second = live_api.account_statuses(alice, min_id=posted[1].created_at, limit=5)
        assert {posted[1].id, posted[2].id} <= set(ids(from_second))
        assert posted[0].id not in ids(from_second)
    finally:
        for status in posted:
            live_api.status_delete(status)


# -- statuses: Markdown, local-only, mutuals-only, JSON booleans -----------------------


def test_markdown_status(live, live_api):
    status = live_api.status_post("Some *emphasis* and **strength**", content_type="text/markdown", visibility="private")
    try:
        assert "<em>emphasis</em>" in status.content and "<strong>strength</strong>" in status.content
        assert ("content_type", "text/markdown") in _form(live.sent[-1])
        assert live_api.status_source(status).content_type == "text/markdown"
    finally:
        live_api.status_delete(status)
    plain = live_api.status_post("Some *emphasis*", content_type="text/plain", visibility="private")
    try:
        assert "<em>" not in plain.content
    finally:
        live_api.status_delete(plain)


def test_unknown_content_type_is_refused(live):
    api = live.api("alice")
    with pytest.raises(MastodonIllegalArgumentError, match="text/plain, text/markdown"):
        api.status_post("<b>html</b>", content_type="text/html")
    assert live.sent == []


def test_local_only_status(live, live_api):
    status = live_api.status_post("Only for this instance", visibility="local")
    try:
        assert status.visibility == "public"
        assert status.local_only is True
        sent = _form(live.sent[-1])
        assert ("visibility", "public") in sent and ("local_only", "1") in sent and ("federated", "0") in sent
    finally:
        live_api.status_delete(status)
    federated = live_api.status_post("For everyone", visibility="public")
    try:
        assert not federated.get("local_only")
    finally:
        live_api.status_delete(federated)


def test_mutuals_only_status(live, live_api):
    status = live_api.status_post("Only for mutuals", visibility="mutuals_only")
    try:
        assert ("visibility", "mutuals_only") in _form(live.sent[-1])
        # GoToSocial shows mutuals-only posts to Mastodon clients as followers-only.
        assert status.visibility == "private"
    finally:
        live_api.status_delete(status)
    with pytest.raises(MastodonVersionError, match="mutuals_only"):
        mainline(live).status_post("Only for mutuals", visibility="mutuals_only")


def test_poll_with_string_booleans_is_rejected(live):
    api = mainline(live)
    with pytest.raises(MastodonAPIError) as caught:
        api.status_post("Polls work?", poll=api.make_poll(["yes", "no"], expires_in=600), sensitive=True)
    assert caught.value.status_code == 400
    assert "cannot unmarshal string" in caught.value.error_message


# -- answers the backend corrects ------------------------------------------------------


def test_unreblog_answers_with_the_status_before(live, live_api):
    status = live_api.status_post("Boost and unboost", visibility="public")
    try:
        mainline(live, "bob").status_reblog(status)
        raw = mainline(live, "bob").status_unreblog(status)
        assert (raw.reblogged, raw.reblogs_count) == (True, 1)
        live.wait_until(lambda: live_api.status_reblogged_by(status) == [], what="the boost to be undone")
        live.api("bob").status_reblog(status)
        corrected = live.api("bob").status_unreblog(status)
        assert (corrected.reblogged, corrected.reblogs_count) == (False, 0)
    finally:
        live_api.status_delete(status)


def test_filter_status_entries_name_the_status_phrase(live):
    """GoToSocial 0.20 names a filter-status entry's status_id "phrase"; the backend renames it."""
    raw, api = mainline(live), live.api("alice")
    status = api.status_post("A status filtered on its own", visibility="private")
    group = api.create_filter_v2("filtered statuses", ["home"], "warn")
    try:
        entry = raw.add_filter_status_v2(group, status)
        assert (entry.phrase, "status_id" in entry) == (status.id, False)
        assert [e.phrase for e in raw.filter_statuses_v2(group)] == [status.id]
        assert [e.phrase for e in raw.filter_v2(group).statuses] == [status.id]
        assert api.filter_status_v2(entry).status_id == status.id
        assert [e.status_id for e in api.filter_statuses_v2(group)] == [status.id]
        assert [(e.status_id, "phrase" in e) for e in api.filter_v2(group).statuses] == [(status.id, False)]
        assert [e.status_id for g in api.filters_v2() if g.id == group.id for e in g.statuses] == [status.id]
    finally:
        api.delete_filter_v2(group)
        api.status_delete(status)


def test_v1_filter_create_loses_its_keyword(live, live_server):
    """GoToSocial 0.20's own v1 route stores the filter without its keyword."""
    raw = mainline(live).filter_create("lostkeyword", ["home"])
    assert raw.phrase == "lostkeyword"
    assert raw.id not in ids(mainline(live).filters())
    session = live.api("alice").session
    headers = {"Authorization": f"Bearer {live_server.tokens['alice']}", "User-Agent": "mastodonpy"}
    stored = session.get(f"{live_server.base_url}/api/v2/filters", headers=headers).json()
    broken = [f for f in stored if f["title"] == "lostkeyword"]
    assert broken and broken[0]["keywords"] == []
    for item in broken:
        assert session.delete(f"{live_server.base_url}/api/v2/filters/{item['id']}", headers=headers).status_code == 200
    # Through the backend (the v2 route), the same call makes a working filter.
    made = live.api("alice").filter_create("lostkeyword", ["home"], irreversible=True)
    try:
        assert live.sent[-1].path_url == "/api/v2/filters"
        assert ("keywords_attributes[][keyword]", "lostkeyword") in _form(live.sent[-1])
        assert (made.phrase, made.context, made.irreversible) == ("lostkeyword", ["home"], True)
        assert made.id in ids(live.api("alice").filters())
    finally:
        live.api("alice").filter_delete(made)


def test_admin_reports_default_to_unresolved(live, live_api, live_api_bob, live_server):
    status = live_api.status_post("Report and resolve", visibility="public")
    try:
        report = live_api_bob.report(live_server.users["alice"]["id"], status_ids=[status], comment="resolved at once")
        live_api.admin_report_resolve(report)
        assert report.id in ids(mainline(live).admin_reports())
        assert report.id not in ids(live_api.admin_reports())
        assert live.sent[-1].path_url == "/api/v1/admin/reports?resolved=0"
        assert report.id in ids(live_api.admin_reports(resolved=True))
    finally:
        live_api.status_delete(status)


def test_health_check(live, live_api):
    assert mainline(live).instance_health() is False
    assert live.sent[-1].path_url == "/health"
    assert live_api.instance_health() is True
    assert live.sent[-1].path_url == "/readyz"


# -- parameters GoToSocial ignores ------------------------------------------------------


def test_ignored_timeline_parameters(live, live_api):
    status = live_api.status_post("No media in here", visibility="public")
    try:
        raw = mainline(live)
        live.wait_until(lambda: status.id in ids(raw.timeline_public(local=True)), what="the status on the timeline")
        assert status.id in ids(raw.timeline_public(only_media=True))
        assert status.id in ids(raw.timeline_public(remote=True))
        sent = len(live.sent)
        for call in (
            lambda: live_api.timeline_public(only_media=True),
            lambda: live_api.timeline_public(remote=True),
            lambda: live_api.timeline_home(only_media=True),
            lambda: live_api.timeline_hashtag("anything", local=True),
            lambda: live_api.timeline_list("01ZZZZZZZZZZZZZZZZZZZZZZZZ", only_media=True),
        ):
            with pytest.raises(MastodonBackendFeatureError, match="GoToSocial ignores"):
                call()
        assert len(live.sent) == sent
        assert status.id in ids(live_api.timeline_public(local=True))
    finally:
        live_api.status_delete(status)


def test_ignored_since_id_on_account_statuses(live, live_api, live_server):
    alice = live_server.users["alice"]["id"]
    posted = [live_api.status_post(f"Since {n}", visibility="public") for n in range(2)]
    try:
        raw = mainline(live).account_statuses(alice, since_id=posted[1])
        assert posted[1].id in ids(raw)
        sent = len(live.sent)
        with pytest.raises(MastodonBackendFeatureError, match="since_id"):
            live_api.account_statuses(alice, since_id=posted[1])
        with pytest.raises(MastodonBackendFeatureError, match="tagged"):
            live_api.account_statuses(alice, tagged="python")
        assert len(live.sent) == sent
        assert ids(live_api.account_statuses(alice, min_id=posted[0])) == [posted[1].id]
    finally:
        for status in posted:
            live_api.status_delete(status)


# -- known server bugs the backend cannot work around ------------------------------------


def test_push_favourite_alerts_cannot_be_set_with_a_form(live_api):
    """GoToSocial 0.20 reads ``data[alerts][favourite]`` from JSON bodies only."""
    created = live_api.push_subscription_set("https://push.example/live-tests", PUSH_KEYS, favourite_events=True, follow_events=True)
    try:
        assert (created.alerts.follow, created.alerts.favourite) == (True, False)
        updated = live_api.push_subscription_update(favourite_events=True, reblog_events=True)
        assert (updated.alerts.reblog, updated.alerts.favourite) == (True, False)
    finally:
        live_api.push_subscription_delete()


# -- moderation and login answers -------------------------------------------------------


def test_admin_account_actions(live_api, live_server):
    bob = live_server.users["bob"]["id"]
    with pytest.raises(MastodonAPIError) as caught:
        live_api.admin_account_moderate(bob, "silence")
    assert caught.value.status_code == 400
    assert "suspend" in caught.value.error_message
    approved = live_api.admin_account_approve(bob)
    assert approved.id == bob and approved.approved is True
    with pytest.raises(MastodonAPIError) as rejected:
        live_api.admin_account_reject(bob)
    assert "already been approved" in rejected.value.error_message


def test_password_grant_is_not_supported(live, live_server):
    api = live.api(None, client_id=live_server.client_id, client_secret=live_server.client_secret)
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid user name, password, or redirect_uris") as caught:
        api.log_in(username=live_server.users["alice"]["email"], password=live_server.passwords["alice"], scopes=["read"])
    assert isinstance(caught.value.__cause__, MastodonAPIError)
    assert caught.value.__cause__.status_code == 400
    assert "unsupported_grant_type" in str(caught.value)


# -- streaming -------------------------------------------------------------------------


def test_streaming_url_falls_back_to_http(live_api, live_server):
    instance = live_api.instance_v1()
    advertised = advertised_streaming_url(instance)
    assert advertised.startswith("wss://")
    assert streaming_base(live_server.base_url, advertised) == live_server.base_url


@pytest.mark.live_only
def test_websocket_user_stream(live, live_api):
    received: list[str] = []
    arrived = threading.Event()

    class Listener(StreamListener):
        def on_update(self, status):
            received.append(status.id)
            arrived.set()

    handle = live_api.stream_user(Listener(), run_async=True)
    try:
        live.sleep(1.0)
        status = live_api.status_post("Streamed over a websocket", visibility="private")
        try:
            assert arrived.wait(10)
            assert status.id in received
        finally:
            live_api.status_delete(status)
    finally:
        handle.close()


# -- the instance with injected Mastodon version ---------------------------------------


@pytest.mark.servers("gotosocial:injected")
def test_injected_version_is_read_as_gotosocial(live, live_server):
    assert live_server.version_string.startswith("3.5.3+")
    api = live.api("alice", feature_set="auto")
    assert api.backend == "gotosocial"
    version = api.server_version
    assert (version.software, version.software_version, version.mastodon) == ("gotosocial", (0, 20, 0), MASTODON_COMPAT)
    assert version.extra["injected_mastodon_version"] == "3.5.3"
    assert api.instance_v2().version == live_server.version_string


@pytest.mark.servers("gotosocial:injected")
def test_injected_version_gates_mainline_clients(live, live_server):
    api = live.api("alice", feature_set="mainline", mastodon_version=None)
    assert api.server_version.software == "mastodon"
    assert api.server_version.mastodon == (3, 5, 3)
    sent = len(live.sent)
    with pytest.raises(MastodonVersionError, match=r"4\.0\.0"):
        api.instance_v2()
    assert len(live.sent) == sent
    assert api.instance_v1().version == live_server.version_string


@pytest.mark.servers("gotosocial")
def test_raw_version_on_a_mainline_client(live, live_server):
    api = live.api("alice", feature_set="mainline", mastodon_version=None)
    assert api.server_version.raw == live_server.version_string
    assert api.server_version.software == "gotosocial"
    assert api.server_version.mastodon == MASTODON_COMPAT
    assert api.instance_v2().version == live_server.version_string


@pytest.mark.servers("gotosocial:injected")
def test_rate_limit_headers(live, live_api):
    responses: list[requests.Response] = []
    live_api.session.hooks["response"].append(lambda response, **kwargs: responses.append(response))
    live_api.instance_v1()
    live_api.instance_v1()
    headers = responses[-1].headers
    assert headers["X-RateLimit-Limit"] == "300"
    # GoToSocial 0.20 sends the reset time as an ISO 8601 date, as Mastodon does.
    assert headers["X-RateLimit-Reset"].endswith("Z") and "T" in headers["X-RateLimit-Reset"]
    assert live_api.ratelimit_limit == 300
    assert live_api.ratelimit_remaining == int(headers["X-RateLimit-Remaining"]) < 300
    assert 0 < live_api.ratelimit_reset - live_api.ratelimit_lastcall <= 300


def _form(request: requests.PreparedRequest) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    body = request.body or ""
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    return parse_qsl(body, keep_blank_values=True)



def test_create_account_with_registrations_closed(live, live_server):
    credentials = dict(client_id=live_server.client_id, client_secret=live_server.client_secret)
    raw = mainline(live, None, **credentials)
    with pytest.raises(MastodonIllegalArgumentError, match="redirect_uri was not set") as without:
        raw.create_account("livetestsuser", "AVeryLongPassw0rd!", "livetests@example.org", agreement=True)
    assert without.value.__cause__.status_code == 400
    api = live.api(None, **credentials)
    sent = len(live.sent)
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid request") as caught:
        api.create_account("livetestsuser", "AVeryLongPassw0rd!", "livetests@example.org", agreement=True)
    assert [r.path_url for r in live.sent[sent:]] == ["/oauth/token", "/api/v1/accounts"]
    assert ("redirect_uri", "urn:ietf:wg:oauth:2.0:oob") in _form(live.sent[sent])
    assert 400 <= caught.value.__cause__.status_code < 500


def test_custom_emoji(live, live_api, live_server):
    """An emoji added through GoToSocial's admin API shows up in ``custom_emojis()`` and statuses."""
    from live.helpers import tiny_png

    session = live.api("alice").session
    admin = f"{live_server.base_url}/api/v1/admin/custom_emojis"
    headers = {"Authorization": f"Bearer {live_server.tokens['alice']}", "User-Agent": "mastodonpy"}
    created = session.post(admin, headers=headers, data={"shortcode": "livetest"},
                           files={"image": ("livetest.png", tiny_png(rgb=(250, 200, 0)), "image/png")})
    assert created.status_code == 200
    try:
        emoji = next(e for e in live_api.custom_emojis() if e.shortcode == "livetest")
        assert emoji.url.endswith(".png") and emoji.static_url and emoji.visible_in_picker is True
        status = live_api.status_post("Shiny :livetest:", visibility="private")
        try:
            assert [(e.shortcode, e.url) for e in status.emojis] == [("livetest", emoji.url)]
        finally:
            live_api.status_delete(status)
    finally:
        for item in session.get(admin, headers=headers).json():
            if item["shortcode"] == "livetest":
                assert session.delete(f"{admin}/{item['id']}", headers=headers).status_code == 200
    assert "livetest" not in [e.shortcode for e in live_api.custom_emojis()]
