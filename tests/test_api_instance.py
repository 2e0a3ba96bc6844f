"""Instance endpoints: what goes on the wire and how the documented responses decode."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import AttribAccessDict, AttribAccessList, MastodonNotFoundError, MastodonVersionError


def test_instance_request_and_decoding(api, mock_http):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    result = api.instance()
    sent = mock_http.last
    assert (sent.method, sent.path, sent.query) == ("GET", "/api/v1/instance", [])
    assert sent.headers["Authorization"] == "Bearer test-token"
    assert isinstance(result, AttribAccessDict)
    assert result.uri == "mastodon.social"
    assert result.stats.user_count == 812303
    assert result.urls.streaming_api == "wss://mastodon.social"
    assert result.contact_account.id == 1
    assert result.contact_account.created_at == datetime(2016, 3, 16, tzinfo=timezone.utc)
    assert result.rules[1].id == 2
    assert result.configuration.polls.max_options == 4


def test_instance_v2(api, mock_http):
    mock_http.add("GET", "/api/v2/instance", documented("InstanceV2"))
    result = api.instance_v2()
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v2/instance")
    assert result.domain == "mastodon.social"
    assert result.contact.account.id == 1
    assert result.registrations.enabled is False


def test_instance_v2_needs_4_0_0(make_api, mock_http):
    api = make_api("3.5.3")
    with pytest.raises(MastodonVersionError):
        api.instance_v2()
    assert mock_http.sent == []


def test_instance_activity_decodes_weeks_and_counters(api, mock_http):
    mock_http.add("GET", "/api/v1/instance/activity", documented("Activity"))
    weeks = api.instance_activity()
    assert mock_http.last.path == "/api/v1/instance/activity"
    assert isinstance(weeks, AttribAccessList)
    first = weeks[0]
    assert first.week == datetime(2019, 11, 25, tzinfo=timezone.utc)
    assert (first.statuses, first.logins, first.registrations) == (37125, 14239, 542)


def test_instance_activity_disabled_raises_not_found(api, mock_http):
    mock_http.add("GET", "/api/v1/instance/activity", {"error": "Record not found"}, status=404)
    with pytest.raises(MastodonNotFoundError, match="Record not found"):
        api.instance_activity()


def test_instance_peers_is_a_list_of_strings(api, mock_http):
    mock_http.add("GET", "/api/v1/instance/peers", ["tilde.zone", "mspsocial.net", "conf.tube"])
    peers = api.instance_peers()
    assert mock_http.last.path == "/api/v1/instance/peers"
    assert list(peers) == ["tilde.zone", "mspsocial.net", "conf.tube"]


def test_instance_rules(api, mock_http):
    mock_http.add("GET", "/api/v1/instance/rules", [documented("Rule")])
    rules = api.instance_rules()
    assert mock_http.last.path == "/api/v1/instance/rules"
    assert rules[0].id == 2
    assert "racism" in rules[0].text


def test_instance_rules_gate(make_api, mock_http):
    api = make_api("3.3.0")
    with pytest.raises(MastodonVersionError):
        api.instance_rules()
    assert mock_http.sent == []


@pytest.mark.parametrize(("status", "body", "healthy"), [(200, "OK", True), (200, "success", True), (503, "down", False)])
def test_instance_health(api, mock_http, status, body, healthy):
    mock_http.add("GET", "/health", body, status=status)
    assert api.instance_health() is healthy
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/health")


def test_instance_health_unknown_body_is_unhealthy(api, mock_http):
    mock_http.add("GET", "/health", "<html>maintenance</html>")
    assert api.instance_health() is False


def test_instance_nodeinfo_follows_the_index(api, mock_http):
    mock_http.add("GET", "/.well-known/nodeinfo", documented("NodeinfoIndex"))
    mock_http.add("GET", "/nodeinfo/2.0", documented("Nodeinfo"))
    info = api.instance_nodeinfo()
    assert [s.path for s in mock_http.sent] == ["/.well-known/nodeinfo", "/nodeinfo/2.0"]
    assert info.software.name == "mastodon"
    assert info.usage.users.total == 812303


def test_instance_nodeinfo_other_schema_not_offered_is_a_clear_error(api, mock_http):
    mock_http.add("GET", "/.well-known/nodeinfo", documented("NodeinfoIndex"))
    with pytest.raises(MastodonNotFoundError, match=r"no nodeinfo document of schema .*2\.1 \(schemas listed: 2\.0\)"):
        api.instance_nodeinfo(schema="http://nodeinfo.diaspora.software/ns/schema/2.1")
    assert [s.path for s in mock_http.sent] == ["/.well-known/nodeinfo"]


def test_instance_nodeinfo_without_any_document_is_a_clear_error(api, mock_http):
    mock_http.add("GET", "/.well-known/nodeinfo", {"links": []})
    with pytest.raises(MastodonNotFoundError, match="schemas listed: none"):
        api.instance_nodeinfo()


NODEINFO_21 = "http://nodeinfo.diaspora.software/ns/schema/2.1"
NODEINFO_20 = "http://nodeinfo.diaspora.software/ns/schema/2.0"


def test_instance_nodeinfo_default_takes_the_newest_schema_when_2_0_is_not_offered(api, mock_http):
    """Hollo lists only 2.1."""
    mock_http.add("GET", "/.well-known/nodeinfo", {"links": [{"rel": NODEINFO_21, "href": "https://mastodon.example/nodeinfo/2.1"}]})
    mock_http.add("GET", "/nodeinfo/2.1", {"version": "2.1", "software": {"name": "hollo", "version": "0.6.0"}})
    assert api.instance_nodeinfo().software.name == "hollo"


def test_detection_asks_the_newest_schema_listed(mock_http):
    from mastodon.detection import fetch_nodeinfo, nodeinfo_links

    index = {"links": [
        {"rel": NODEINFO_20, "href": "/nodeinfo/2.0"},
        {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.2", "href": "/nodeinfo/2.2"},
        {"rel": NODEINFO_21, "href": "/nodeinfo/2.1"},
    ]}
    assert [rel[-3:] for rel, _ in nodeinfo_links(index)] == ["2.2", "2.1", "2.0"]
    from mastodon.testing.mock_http import make_session
    from mastodon.transport import Transport

    mock_http.add("GET", "/.well-known/nodeinfo", index)
    mock_http.add("GET", "/nodeinfo/2.2", {"version": "2.2"})
    transport = Transport("https://mastodon.example", session=make_session(mock_http))
    assert fetch_nodeinfo(transport) == {"version": "2.2"}


def test_instance_nodeinfo_on_another_host_is_followed_without_credentials(api, mock_http):
    index = {"links": [{"rel": NODEINFO_20, "href": "https://canonical.example/nodeinfo/2.0"}]}
    mock_http.add("GET", "/.well-known/nodeinfo", index)
    mock_http.add("GET", "/nodeinfo/2.0", {"version": "2.0", "software": {"name": "mastodon"}})
    assert api.instance_nodeinfo().software.name == "mastodon"
    followed = mock_http.last
    assert (followed.host, followed.path) == ("canonical.example", "/nodeinfo/2.0")
    assert "Authorization" not in followed.headers


def test_instance_nodeinfo_retries_the_links_path_on_the_api_host(api, mock_http):
    index = {"links": [{"rel": NODEINFO_20, "href": "https://canonical.example/nodeinfo/2.0"}]}
    mock_http.add("GET", "/.well-known/nodeinfo", index)

    def only_here(sent):
        if sent.host != "mastodon.example":
            return 502, "<html>bad gateway</html>", {}
        return 200, {"version": "2.0", "software": {"name": "mastodon"}}, {}

    mock_http.handle("GET", "/nodeinfo/2.0", only_here)
    assert api.instance_nodeinfo().software.name == "mastodon"
    assert [s.host for s in mock_http.sent] == ["mastodon.example", "canonical.example", "mastodon.example"]


def test_instance_nodeinfo_gate(make_api, mock_http):
    api = make_api("2.9.0")
    with pytest.raises(MastodonVersionError):
        api.instance_nodeinfo()
    assert mock_http.sent == []
