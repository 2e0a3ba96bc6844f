"""Instance endpoints: what goes on the wire and how the documented responses decode."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import (
    AttribAccessDict,
    AttribAccessList,
    Mastodon,
    MastodonIllegalArgumentError,
    MastodonNotFoundError,
    MastodonVersionError,
)


def test_instance_request_and_decoding(api, mock_http):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    result = api.instance_v1()
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

    mock_http.add("GET", "/.well-known/nodeinfo", index)
    mock_http.add("GET", "/nodeinfo/2.2", {"version": "2.2"})
    client = Mastodon(api_base_url="https://mastodon.example", session=make_session(mock_http))
    assert fetch_nodeinfo(client._pipeline) == {"version": "2.2"}


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


# -- instance(): v2 where the server has it ------------------------------------------------


@pytest.fixture
def both_documents(mock_http):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    mock_http.add("GET", "/api/v2/instance", documented("InstanceV2"))
    return mock_http


@pytest.mark.parametrize("version", ["4.0.0", "4.5.0", "3.5.3", "2.9.0"])
def test_instance_is_the_v1_document_on_every_version(make_api, both_documents, version):
    # 1.x programs read uri, stats and urls.streaming_api from instance(); v2 is instance_v2().
    result = make_api(version).instance()
    assert [s.path for s in both_documents.sent] == ["/api/v1/instance"]
    assert result.uri == "mastodon.social"


def test_instance_on_pleroma_is_the_v1_document(make_api, both_documents):
    make_api("2.7.2 (compatible; Pleroma 2.6.0)", feature_set="pleroma").instance()
    assert [s.path for s in both_documents.sent] == ["/api/v1/instance"]


def test_instance_v1_on_a_4_x_server(api, both_documents):
    assert api.instance_v1().stats.status_count == 38151616
    assert [s.path for s in both_documents.sent] == ["/api/v1/instance"]


# -- server information pages ------------------------------------------------------------


def test_instance_domain_blocks(api, mock_http):
    mock_http.add("GET", "/api/v1/instance/domain_blocks", [documented("DomainBlock")])
    blocks = api.instance_domain_blocks()
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v1/instance/domain_blocks")
    assert blocks[0].severity == "suspend"
    assert blocks[0].domain == "daji******.com"


def test_instance_extended_description(api, mock_http):
    mock_http.add("GET", "/api/v1/instance/extended_description", documented("ExtendedDescription"))
    description = api.instance_extended_description()
    assert mock_http.last.path == "/api/v1/instance/extended_description"
    assert description.updated_at == datetime(2022, 11, 3, 4, 9, 7, tzinfo=timezone.utc)
    assert description.content.startswith("<p>For inquiries")


def test_instance_languages(api, mock_http):
    # The shape Mastodon serves (code and name per language); the route is not in the API documentation.
    mock_http.add("GET", "/api/v1/instance/languages", [{"code": "en", "name": "English"}, {"code": "de", "name": "German"}])
    languages = api.instance_languages()
    assert mock_http.last.path == "/api/v1/instance/languages"
    assert [lang.code for lang in languages] == ["en", "de"]


def test_instance_translation_languages(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance/translation_languages", {"en": ["de", "es"], "und": ["en-GB", "de", "es"]})
    pairs = make_api("4.2.0").instance_translation_languages()
    assert mock_http.last.path == "/api/v1/instance/translation_languages"
    assert pairs["und"] == ["en-GB", "de", "es"]
    with pytest.raises(MastodonVersionError):
        make_api("4.1.0").instance_translation_languages()
    assert len(mock_http.sent) == 1


def test_instance_terms_of_service(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance/terms_of_service", documented("TermsOfService"))
    mock_http.add("GET", "/api/v1/instance/terms_of_service/2025-04-15", documented("TermsOfService"))
    api = make_api("4.4.0")
    terms = api.instance_terms_of_service()
    assert mock_http.last.path == "/api/v1/instance/terms_of_service"
    assert terms.effective is True and terms.succeeded_by is None
    api.instance_terms_of_service(date(2025, 4, 15))
    assert mock_http.last.path == "/api/v1/instance/terms_of_service/2025-04-15"
    api.instance_terms_of_service(datetime(2025, 4, 15, 23, 59))
    assert mock_http.last.path == "/api/v1/instance/terms_of_service/2025-04-15"


def test_instance_terms_of_service_checks_the_date(make_api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        make_api("4.4.0").instance_terms_of_service("2025-04-15")
    with pytest.raises(MastodonVersionError):
        make_api("4.3.0").instance_terms_of_service()
    assert mock_http.sent == []


@pytest.mark.parametrize(("call", "version"), [
    ("instance_domain_blocks", "3.5.3"), ("instance_extended_description", "3.5.3"), ("instance_languages", "3.5.3"),
])
def test_instance_pages_need_4_0_0(make_api, mock_http, call, version):
    with pytest.raises(MastodonVersionError):
        getattr(make_api(version), call)()
    assert mock_http.sent == []


def test_oauth_authorization_server_info_is_asked_without_a_token(make_api, mock_http):
    mock_http.add("GET", "/.well-known/oauth-authorization-server", documented("OAuthServerInfo"))
    info = make_api("4.3.0").oauth_authorization_server_info()
    sent = mock_http.last
    assert (sent.method, sent.path) == ("GET", "/.well-known/oauth-authorization-server")
    assert "Authorization" not in sent.headers
    assert info.issuer == "https://social.example/"
    assert "read:statuses" in info.scopes_supported


def test_oauth_userinfo(make_api, mock_http):
    mock_http.add("GET", "/oauth/userinfo", documented("OAuthUserInfo"))
    info = make_api("4.4.0").oauth_userinfo()
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/oauth/userinfo")
    assert mock_http.last.headers["Authorization"] == "Bearer test-token"
    assert info.preferred_username == "john_mastodon"
    with pytest.raises(MastodonVersionError):
        make_api("4.3.0").oauth_userinfo()
