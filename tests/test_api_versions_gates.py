"""Server versions and version gates: nothing is sent when the declared version is too old."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from support.mock_http import documented, make_session

from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonIllegalArgumentError,
    MastodonNotFoundError,
    MastodonVersionError,
)
from mastodon.endpoints import ENDPOINTS
from mastodon.versions import parse_version_tuple


def instance_with(version):
    return dict(documented("Instance"), version=version)


# -- learning the version ------------------------------------------------------------------


def test_declared_version_makes_no_request(make_api, mock_http):
    api = make_api("3.5.3")
    assert mock_http.sent == []
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (3, 5, 3)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("4.2.0", (4, 2, 0)),
        ("3.5.3+glitch", (3, 5, 3)),
        ("4.0.0rc1", (4, 0, 0)),
        ("4.3.0-beta.1", (4, 3, 0)),
        ("2.9", (2, 9, 0)),
        ("v4.1.2", (4, 1, 2)),
    ],
)
def test_declared_version_forms(make_api, mock_http, version, expected):
    api = make_api(version)
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == expected
    assert mock_http.sent == []


@pytest.mark.parametrize("version", ["banana", "", "4", "four.two.one", "4.x.1", "latest"])
def test_malformed_declared_version(make_api, mock_http, version):
    with pytest.raises(MastodonIllegalArgumentError):
        make_api(version)
    assert mock_http.sent == []


def test_version_is_fetched_at_the_first_need_not_in_the_constructor(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", instance_with("3.5.3"))
    api = make_api(version=None)
    assert mock_http.sent == []
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (3, 5, 3)
    sent = mock_http.last
    assert len(mock_http.sent) == 1
    assert (sent.method, sent.path) == ("GET", "/api/v1/instance")
    assert sent.headers["Authorization"] == "Bearer test-token"
    assert api.version_check_worked is True
    mock_http.add("GET", "/api/v1/bookmarks", [])
    api.bookmarks()
    assert [s.path for s in mock_http.sent] == ["/api/v1/instance", "/api/v1/bookmarks"]  # asked once


@pytest.mark.parametrize(
    ("version", "expected"),
    [("4.0.0rc1", (4, 0, 0)), ("3.5.3+glitch", (3, 5, 3)), ("4.3.0-alpha.3", (4, 3, 0))],
)
def test_fetched_version_forms(make_api, mock_http, version, expected):
    mock_http.add("GET", "/api/v1/instance", instance_with(version))
    api = make_api(version=None)
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == expected


def test_no_version_check_means_no_request(make_api, mock_http):
    api = make_api(version=None, version_check_mode="none")
    mock_http.add("GET", "/api/v1/bookmarks", [])
    api.bookmarks()
    assert [s.path for s in mock_http.sent] == ["/api/v1/bookmarks"]


def test_a_server_that_will_not_tell_is_taken_for_1_0_0_without_gates(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", {"error": "This method requires an authenticated user"}, status=401)
    api = make_api(version=None)
    mock_http.add("GET", "/api/v1/bookmarks", [])
    with pytest.warns(UserWarning, match="assuming Mastodon 1.0.0 and turning version checks off"):
        assert api.bookmarks() == []  # no gate refuses calls on an unknown version
    assert api.version_check_worked is False
    assert api.server_version.mastodon == (1, 0, 0) and api.server_version.gates is False
    with pytest.warns(UserWarning, match="HTTP 401: This method requires an authenticated user"):
        assert api.retrieve_mastodon_version() == "1.0.0"


def test_the_unknown_version_picks_the_oldest_route(make_api, mock_http):
    """Dismissing a notification uses the route of servers older than 2.9.2."""
    mock_http.add("GET", "/api/v1/instance", {"title": "no version here"})
    mock_http.add("POST", "/api/v1/notifications/dismiss", {})
    api = make_api(version=None)
    with pytest.warns(UserWarning, match="names no version"):
        api.notifications_dismiss(5)
    assert (mock_http.last.path, mock_http.last.form) == ("/api/v1/notifications/dismiss", [("id", "5")])


def test_an_unreachable_server_fails_the_first_call_not_the_constructor():
    from mastodon import Mastodon, MastodonNetworkError

    api = Mastodon(api_base_url="http://127.0.0.1:9", request_timeout=2)
    with pytest.raises(MastodonNetworkError):
        api.timeline_public()


def test_a_network_error_while_learning_is_retried_by_the_next_call(make_api, mock_http):
    import requests

    from mastodon import MastodonNetworkError

    def refuse(sent):
        raise requests.ConnectionError("Connection refused")

    mock_http.handle("GET", "/api/v1/instance", refuse)
    api = make_api(version=None)
    with pytest.raises(MastodonNetworkError, match="Connection refused"):
        api.bookmarks()
    assert [s.path for s in mock_http.sent] == ["/api/v1/instance"]  # the call itself was not sent
    mock_http.add("GET", "/api/v1/instance", instance_with("2.9.0"))
    with pytest.raises(MastodonVersionError):
        api.bookmarks()  # learned now: bookmarks came with 3.0.0
    assert api.version_check_worked is True and api.mastodon_version == "2.9.0"


def test_the_version_is_learned_once_across_threads(make_api, mock_http):
    import threading
    import time

    def slow_instance(sent):
        time.sleep(0.05)
        return 200, instance_with("4.2.0"), {}

    mock_http.handle("GET", "/api/v1/instance", slow_instance)
    mock_http.add("GET", "/api/v1/bookmarks", [])
    api = make_api(version=None)
    errors: list[BaseException] = []

    def call():
        try:
            api.bookmarks()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    paths = [s.path for s in mock_http.sent]
    assert paths.count("/api/v1/instance") == 1 and paths.count("/api/v1/bookmarks") == 8


def test_api_versions_stand_in_for_a_version_string_naming_no_mastodon_version(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", instance_with("nightly-2025-06-01"))
    mock_http.add("GET", "/api/v2/instance", dict(documented("InstanceV2"), api_versions={"mastodon": 7}))
    api = make_api(version=None)
    assert api.retrieve_mastodon_version() == "4.5.0"
    assert api.server_version.gates is True and api.server_version.extra["api_level"] == "7"
    assert [s.path for s in mock_http.sent] == ["/api/v1/instance", "/api/v2/instance"]


def test_a_mastodon_version_string_is_used_without_asking_for_api_versions(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", instance_with("4.4.1"))
    api = make_api(version=None)
    assert api.retrieve_mastodon_version() == "4.4.1"
    assert [s.path for s in mock_http.sent] == ["/api/v1/instance"]


def test_no_api_versions_keeps_version_checks_off_with_a_warning(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", instance_with("nightly-2025-06-01"))
    api = make_api(version=None)  # no /api/v2/instance: 404
    with pytest.warns(UserWarning, match="names no Mastodon version; version checks are off"):
        assert api.server_version.gates is False


def test_retrieve_fail_hard_raises_instead_of_assuming(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", {"error": "nope"}, status=401)
    api = make_api(version="4.2.0")
    with pytest.raises(MastodonVersionError, match="Could not retrieve the server version"):
        api.retrieve_mastodon_version(fail_hard=True)
    assert api.mastodon_version == "4.2.0"


def test_retrieve_mastodon_version(api, mock_http):
    mock_http.add("GET", "/api/v1/instance", instance_with("4.3.0-beta.2"))
    assert api.retrieve_mastodon_version() == "4.3.0"  # the version settled on, as Mastodon.py 2.x returns it
    assert api.server_version.raw == "4.3.0-beta.2"
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (4, 3, 0)
    assert [s.path for s in mock_http.sent] == ["/api/v1/instance"]


def test_verify_minimum_version(api, mock_http):
    mock_http.add("GET", "/api/v1/instance", instance_with("3.1.0"))
    # cached: the declared 4.2.0 is used, nothing is sent.
    assert api.verify_minimum_version("4.2.0", cached=True) is True
    assert api.verify_minimum_version("4.2.1", cached=True) is False
    assert mock_http.sent == []
    # not cached: the server is asked again (it was downgraded meanwhile).
    assert api.verify_minimum_version("3.1.0") is True
    assert api.verify_minimum_version("3.2.0") is False
    assert len(mock_http.sent) == 2
    assert (api.mastodon_major, api.mastodon_minor) == (3, 1)


def test_get_supported_version_is_the_newest_version_the_endpoints_name():
    supported = Mastodon.get_supported_version()
    newest = parse_version_tuple(supported)
    assert newest >= (4, 0, 0)
    named = [e.added for e in ENDPOINTS.values() if e.mainline] + [e.changed for e in ENDPOINTS.values() if e.mainline and e.changed]
    assert max(parse_version_tuple(v) for v in named) <= newest
    assert supported in {*named, *(p.added for e in ENDPOINTS.values() for p in e.params if p.added)}


def test_verify_minimum_version_rejects_malformed_input(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.verify_minimum_version("soon", cached=True)
    assert mock_http.sent == []


def test_a_newer_server_unlocks_endpoints(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", instance_with("2.9.0"))
    mock_http.add("GET", "/api/v1/bookmarks", [])
    api = make_api(version=None)
    with pytest.raises(MastodonVersionError):
        api.bookmarks()
    mock_http.add("GET", "/api/v1/instance", instance_with("3.1.0"))
    api.retrieve_mastodon_version()
    assert api.bookmarks() == []


def test_invalid_version_check_mode(mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        Mastodon(
            api_base_url="https://mastodon.example",
            access_token="t",
            mastodon_version="4.2.0",
            version_check_mode="strict",
            session=make_session(mock_http),
        )
    assert mock_http.sent == []


# -- gates ---------------------------------------------------------------------------------


GATED = [
    ("bookmarks", "3.0.0", lambda api: api.bookmarks()),
    ("markers_get", "2.9.0", lambda api: api.markers_get()),
    ("scheduled_statuses", "2.6.0", lambda api: api.scheduled_statuses()),
    ("account_lookup", "3.3.0", lambda api: api.account_lookup("a")),
    ("instance_v2", "3.5.0", lambda api: api.instance_v2()),
    ("admin_accounts", "2.9.0", lambda api: api.admin_accounts()),
    ("featured_tags", "2.9.0", lambda api: api.featured_tags()),
    ("poll_vote", "2.7.0", lambda api: api.poll_vote(1, 0)),
    ("status_history", "3.4.0", lambda api: api.status_history(1)),
]


@pytest.mark.parametrize(("name", "version", "call"), GATED, ids=[g[0] for g in GATED])
def test_created_mode_refuses_endpoints_the_server_lacks(make_api, mock_http, name, version, call):
    api = make_api(version)
    with pytest.raises(MastodonVersionError) as caught:
        call(api)
    assert mock_http.sent == []
    assert version in str(caught.value)


@pytest.mark.parametrize(("name", "version", "call"), GATED, ids=[g[0] for g in GATED])
def test_none_mode_sends_anyway(make_api, mock_http, name, version, call):
    api = make_api(version, version_check_mode="none")
    with pytest.raises(MastodonNotFoundError):  # the mock has no routes: the request did go out
        call(api)
    assert len(mock_http.sent) == 1


def test_version_check_mode_can_be_changed_on_a_client(make_api, mock_http):
    api = make_api("2.9.0")
    with pytest.raises(MastodonVersionError):
        api.featured_tags()
    api.version_check_mode = "none"
    with pytest.raises(MastodonNotFoundError):  # the gate is off: the request went out
        api.featured_tags()
    assert len(mock_http.sent) == 1
    with pytest.raises(MastodonIllegalArgumentError):
        api.version_check_mode = "strict"


CHANGED = [
    ("timeline_home", "3.1.3", "3.1.4", lambda api: api.timeline_home()),
    ("notifications", "2.8.9", "2.9.0", lambda api: api.notifications()),
    ("account_follow", "3.2.9", "3.3.0", lambda api: api.account_follow(1)),
    ("media_post", "3.1.4", "3.2.0", lambda api: api.media_post(b"x", mime_type="image/png")),
    ("status_post", "2.7.2", "2.8.0", lambda api: api.status_post("x")),
]


@pytest.mark.parametrize(("name", "version", "changed", "call"), CHANGED, ids=[c[0] for c in CHANGED])
def test_changed_mode_refuses_endpoints_that_changed_since(make_api, mock_http, name, version, changed, call):
    with pytest.raises(MastodonVersionError, match=re.escape(changed)):
        call(make_api(version, version_check_mode="changed"))
    assert mock_http.sent == []
    # The same server passes the "created" gate (the mock then answers 404) ...
    with pytest.raises(MastodonAPIError):
        call(make_api(version))
    # ... and a server at the changed version passes the "changed" gate.
    with pytest.raises(MastodonAPIError):
        call(make_api(changed, version_check_mode="changed"))
    assert len(mock_http.sent) == 2


def test_gate_message_names_the_endpoint_and_versions(make_api, mock_http):
    with pytest.raises(MastodonVersionError) as caught:
        make_api("3.0.0").bookmarks()
    text = str(caught.value)
    assert "bookmarks" in text and "3.1.0" in text and "3.0.0" in text


def test_parameter_gates(make_api, mock_http):
    api = make_api("3.4.0")
    with pytest.raises(MastodonVersionError, match="types"):
        api.call_endpoint("notifications", types=["mention"])
    with pytest.raises(MastodonVersionError):
        make_api("2.7.0").search_v2("q", result_type="accounts")
    assert mock_http.sent == []


def test_datetime_ids_are_encoded_before_sending(make_api, mock_http):
    mock_http.add("GET", "/api/v1/favourites", [])
    when = datetime(2020, 2, 2, tzinfo=timezone.utc)
    make_api("2.6.0").favourites(min_id=when)
    assert mock_http.last.query == [("min_id", str(int(when.timestamp() * 1000) << 16))]


def test_every_endpoint_declares_parseable_versions():
    from mastodon.versions import parse_version_tuple

    for endpoint in ENDPOINTS.values():
        added = parse_version_tuple(endpoint.added)
        changed = parse_version_tuple(endpoint.last_changed)
        assert added <= changed, endpoint.name
        for param in endpoint.params:
            if param.added:
                assert parse_version_tuple(param.added) >= added, (endpoint.name, param.name)


# -- generic calls -------------------------------------------------------------------------


def test_call_endpoint_by_name(api, mock_http):
    mock_http.add("GET", "/api/v1/statuses/5", documented("Status"))
    assert api.call_endpoint("status", id={"id": 5}).id == 103270115826048975
    assert mock_http.last.path == "/api/v1/statuses/5"


def test_call_endpoint_errors(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.call_endpoint("no_such_endpoint")
    with pytest.raises(MastodonIllegalArgumentError, match="id"):
        api.call_endpoint("status")
    assert mock_http.sent == []


def test_every_endpoint_is_known_to_the_client(api):
    known = api.endpoints()
    for name in ("status_post", "timeline_home", "markers_set", "admin_accounts", "search_v2"):
        assert known[name] is ENDPOINTS[name]


# -- construction --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [("mastodon.example", "https://mastodon.example"), ("https://mastodon.example/", "https://mastodon.example")],
)
def test_base_url_forms(make_api, mock_http, given, expected):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    api = make_api(api_base_url=given)
    assert api.api_base_url == expected
    api.instance_v1()
    assert mock_http.last.url == "https://mastodon.example/api/v1/instance"


@pytest.mark.parametrize("given", ["", "   "])
def test_empty_base_url(make_api, mock_http, given):
    with pytest.raises(MastodonIllegalArgumentError):
        make_api(api_base_url=given)
    assert mock_http.sent == []


def test_user_agent_and_client_state(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    api = make_api()
    api.instance_v1()
    assert mock_http.last.headers["User-Agent"] == "mastodonpy"
    custom = make_api(user_agent="my-bot/1.0", request_timeout=12)
    custom.instance_v1()
    assert mock_http.last.headers["User-Agent"] == "my-bot/1.0"
    assert custom.user_agent == "my-bot/1.0"
    assert custom.request_timeout == 12
    assert (custom.feature_set, custom.backend) == ("mainline", "mainline")
    assert custom.server_version.mastodon == (4, 2, 0)
    assert custom.server_context.version_check_mode == "created"


def test_changing_the_access_token_and_session(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    api = make_api()
    api.access_token = "another-token"
    api.instance_v1()
    assert mock_http.last.headers["Authorization"] == "Bearer another-token"
    api.access_token = None
    api.instance_v1()
    assert "Authorization" not in mock_http.last.headers
    replacement = make_session(mock_http)
    api.session = replacement
    assert api.session is replacement
