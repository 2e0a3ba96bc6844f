"""Search: v1 or v2 by server version, version-gated parameters, decoded results."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError


@pytest.fixture
def results(mock_http):
    mock_http.add("GET", "/api/v2/search", documented("Search"))
    mock_http.add("GET", "/api/v1/search", {"accounts": [], "statuses": [], "hashtags": ["fogx"]})
    return mock_http


def test_search_uses_v2_with_resolve_by_default(api, results):
    found = api.search("fogx")
    sent = results.last
    assert (sent.method, sent.path) == ("GET", "/api/v2/search")
    assert sent.query == [("q", "fogx"), ("resolve", "1"), ("exclude_unreviewed", "1")]
    assert found.accounts[0].id == 180744
    assert found.accounts[0].acct == "fogx@social.targaryen.house"
    assert found.hashtags[0].history[0].day == datetime(2019, 11, 24, tzinfo=timezone.utc)


def test_search_all_parameters(api, results):
    api.search(
        "python",
        resolve=False,
        result_type="statuses",
        account_id=documented("Account"),
        offset=20,
        min_id=1,
        max_id={"id": "99"},
        exclude_unreviewed=False,
    )
    assert results.last.query == [
        ("q", "python"),
        ("resolve", "0"),
        ("type", "statuses"),
        ("account_id", "23634"),
        ("offset", "20"),
        ("min_id", "1"),
        ("max_id", "99"),
        ("exclude_unreviewed", "0"),
    ]


@pytest.mark.parametrize("method", ["search", "search_v2"])
def test_search_limit(api, results, method):
    found = getattr(api, method)("fogx", True, "accounts", None, None, None, None, True, 5)
    assert results.last.query == [("q", "fogx"), ("resolve", "1"), ("type", "accounts"), ("exclude_unreviewed", "1"), ("limit", "5")]
    assert found.accounts[0].id == 180744


def test_search_limit_refused_before_2_4_1(make_api, results):
    with pytest.raises(MastodonVersionError):
        make_api("2.3.3").search("fogx", limit=5)
    assert results.sent == []


def test_search_v2_directly(api, results):
    api.search_v2("x", result_type="accounts")
    assert results.last.path == "/api/v2/search"
    assert ("type", "accounts") in results.last.query


def test_search_before_2_4_1_uses_v1(make_api, results):
    api = make_api("2.3.3")
    found = api.search("fogx")
    sent = results.last
    assert (sent.path, sent.query) == ("/api/v1/search", [("q", "fogx"), ("resolve", "1")])
    assert list(found.hashtags) == ["fogx"]


def test_search_before_2_4_1_refuses_new_parameters(make_api, results):
    api = make_api("2.3.3")
    with pytest.raises(MastodonVersionError):
        api.search("fogx", result_type="accounts")
    with pytest.raises(MastodonVersionError):
        api.search("fogx", offset=5)
    assert results.sent == []


@pytest.mark.parametrize(
    "kwargs",
    [{"result_type": "accounts"}, {"account_id": 1}, {"offset": 2}, {"min_id": 1}, {"max_id": 1}, {"limit": 5}],
)
def test_search_parameters_need_2_8_0(make_api, results, kwargs):
    api = make_api("2.7.0")
    with pytest.raises(MastodonVersionError, match=r"2\.8\.0"):
        api.search("q", **kwargs)
    assert results.sent == []


def test_search_between_2_4_1_and_2_8_0_uses_v2_without_extras(make_api, results):
    api = make_api("2.7.0")
    api.search("q")
    assert (results.last.path, results.last.query) == ("/api/v2/search", [("q", "q"), ("resolve", "1")])


def test_exclude_unreviewed_default_left_out_before_3_0_0(make_api, results):
    make_api("2.9.0").search("q", result_type="hashtags")
    assert ("exclude_unreviewed", "1") not in results.last.query
    assert ("type", "hashtags") in results.last.query


def test_search_v1(api, results):
    api.search_v1("fogx")
    assert (results.last.path, results.last.query) == ("/api/v1/search", [("q", "fogx"), ("resolve", "0")])
    api.search_v1("fogx", resolve=True)
    assert results.last.query == [("q", "fogx"), ("resolve", "1")]


def test_search_v2_needs_2_4_1(make_api, results):
    with pytest.raises(MastodonVersionError):
        make_api("2.4.0").search_v2("q")
    assert results.sent == []


@pytest.mark.parametrize("kwargs", [{"q": 5}, {"q": "x", "result_type": "people"}])
def test_search_illegal_arguments(api, results, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        api.search(**kwargs)
    assert results.sent == []


def test_search_with_checks_off_on_an_old_server_still_uses_v2(make_api, results):
    api = make_api("2.3.0", version_check_mode="none")
    api.search("q", result_type="accounts")
    assert results.last.path == "/api/v2/search"
