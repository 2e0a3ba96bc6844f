"""The built-in backends' gates: what Fedibird, Pleroma and Akkoma are refused or allowed, and why."""

from __future__ import annotations

from typing import Any

import pytest
from mastodon_backends import akkoma, fedibird, pleroma
from support.mock_http import documented

from mastodon import MastodonBackendFeatureError, MastodonVersionError
from mastodon.compat_matrix import AVAILABLE, GATED, build_matrix
from mastodon.plugin import ENDPOINTS
from mastodon.plugins import get_registry
from mastodon.versions import parse_version_tuple

BASE = "https://fedibird.example"
STATUS_ID = 109623500000000002
ACCOUNT_ID = 109623000000000001


@pytest.fixture
def fedibird_api(make_api: Any) -> Any:
    return make_api(version="3.4.1", feature_set="fedibird", api_base_url=BASE)


# -- Fedibird: refused before any request ---------------------------------------------------

LACKING = {
    "status_update": lambda a: a.status_update(STATUS_ID, status="edited"),
    "status_source": lambda a: a.status_source(STATUS_ID),
    "status_translate": lambda a: a.status_translate(STATUS_ID),
    "trending_statuses": lambda a: a.trending_statuses(),
    "notifications_unread_count": lambda a: a.notifications_unread_count(),
    "filters_v2": lambda a: a.filters_v2(),
    "instance_v2": lambda a: a.call_endpoint("instance_v2"),
    "search_v1": lambda a: a.search_v1("fedi"),
    "reports": lambda a: a.reports(),
    "follows": lambda a: a.call_endpoint("follows", uri="user@example.org"),
    "admin_domain_blocks": lambda a: a.admin_domain_blocks(),
    "admin_trending_tags": lambda a: a.admin_trending_tags(),
    "account_familiar_followers": lambda a: a.account_familiar_followers(ACCOUNT_ID),
    "notifications_dismiss_legacy": lambda a: a.call_endpoint("notifications_dismiss_legacy", id=1),
}


@pytest.mark.parametrize("call", LACKING.values(), ids=LACKING.keys())
def test_fedibird_refuses_what_its_route_table_lacks(fedibird_api, mock_http, call) -> None:
    with pytest.raises(MastodonBackendFeatureError) as caught:
        call(fedibird_api)
    assert fedibird.SOURCE in str(caught.value)
    assert mock_http.sent == []


def test_fedibird_refuses_whatever_the_version_check_mode(make_api, mock_http) -> None:
    api = make_api(version="3.4.1", feature_set="fedibird", api_base_url=BASE, version_check_mode="none")
    with pytest.raises(MastodonBackendFeatureError, match="no status editing"):
        api.status_update(STATUS_ID, status="edited")
    assert mock_http.sent == []


# -- Fedibird: newer than its reported 3.4.1, but served ------------------------------------

TAG = {"name": "fedi", "url": f"{BASE}/tags/fedi", "history": []}
SERVED = {
    "tag": (lambda a: a.tag("fedi"), "GET", "/api/v1/tags/fedi", TAG),
    "tag_follow": (lambda a: a.tag_follow("fedi"), "POST", "/api/v1/tags/fedi/follow", TAG),
    "tag_unfollow": (lambda a: a.tag_unfollow("fedi"), "POST", "/api/v1/tags/fedi/unfollow", TAG),
    "followed_tags": (lambda a: a.followed_tags(), "GET", "/api/v1/followed_tags", [TAG]),
    "account_remove_from_followers": (
        lambda a: a.account_remove_from_followers(ACCOUNT_ID),
        "POST", f"/api/v1/accounts/{ACCOUNT_ID}/remove_from_followers", documented("Relationship"),
    ),
    "status_history": (lambda a: a.status_history(STATUS_ID), "GET", f"/api/v1/statuses/{STATUS_ID}/history", []),
    "accounts": (lambda a: a.accounts([ACCOUNT_ID]), "GET", "/api/v1/accounts", [documented("Account", "fedibird")]),
}


@pytest.mark.parametrize("name", SERVED)
def test_fedibird_allows_newer_endpoints_it_serves(fedibird_api, mock_http, name) -> None:
    call, method, path, body = SERVED[name]
    assert parse_version_tuple(ENDPOINTS[name].added) > (3, 4, 1)  # the version gate alone would refuse it
    mock_http.add(method, path, body)
    call(fedibird_api)
    assert (mock_http.last.method, mock_http.last.path) == (method, path)


def test_mainline_at_fedibirds_version_still_refuses_them(make_api, mock_http) -> None:
    api = make_api(version="3.4.1")
    for name in SERVED:
        with pytest.raises(MastodonVersionError, match="Version check failed"):
            SERVED[name][0](api)
    assert mock_http.sent == []


def test_fetching_several_statuses_sends_fedibirds_parameter_name(fedibird_api, mock_http) -> None:
    mock_http.add("GET", "/api/v1/statuses", [documented("Status", "fedibird")])
    fedibird_api.statuses([STATUS_ID, 1])
    assert mock_http.last.query == [("ids[]", str(STATUS_ID)), ("ids[]", "1")]


def test_version_fallbacks_pick_the_routes_fedibird_has(fedibird_api, mock_http) -> None:
    mock_http.add("GET", "/api/v1/trends", [TAG])
    fedibird_api.trending_tags()  # GET /api/v1/trends/tags is refused: the older route is used
    assert mock_http.last.path == "/api/v1/trends"
    mock_http.add("GET", f"/api/v1/statuses/{STATUS_ID}", documented("Status", "fedibird"))
    fedibird_api.status_card(STATUS_ID)  # no card route: the status's card field
    assert mock_http.last.path == f"/api/v1/statuses/{STATUS_ID}"


# -- Pleroma and Akkoma: the reported 2.7.2 decides the rest, and says so -------------------


@pytest.mark.parametrize(("backend", "module"), [("pleroma", pleroma), ("akkoma", akkoma)])
def test_pleroma_family_version_refusals_explain_themselves(make_api, mock_http, backend, module) -> None:
    name = backend.capitalize()
    api = make_api(version=f"2.7.2 (compatible; {name} 2.6.0)", feature_set=backend)
    with pytest.raises(MastodonVersionError) as caught:
        api.tag_follow("fedi")
    message = str(caught.value)
    assert message.endswith(module.VERSION_GATE_NOTE)
    assert "2.7.2" in module.VERSION_GATE_NOTE and f"{name}'s route table was not checked" in module.VERSION_GATE_NOTE
    assert mock_http.sent == []


def test_pleroma_family_version_gate_can_be_switched_off(make_api, mock_http) -> None:
    api = make_api(version="2.7.2 (compatible; Akkoma 3.10.0)", feature_set="akkoma", version_check_mode="none")
    mock_http.add("POST", "/api/v1/tags/fedi/follow", TAG)
    api.tag_follow("fedi")
    assert mock_http.last.path == "/api/v1/tags/fedi/follow"


# -- the declarations themselves -------------------------------------------------------------


def _all_endpoints() -> dict[str, Any]:
    registry = get_registry()
    found = dict(ENDPOINTS)
    for extra in registry.pm.hook.mastodon_extra_endpoints():
        found.update({ep.name: ep for ep in extra})
    return found


@pytest.mark.parametrize("backend", ["mainline", "pleroma", "akkoma", "fedibird"])
def test_every_declared_refusal_names_an_existing_endpoint_or_path(backend) -> None:
    endpoints = _all_endpoints().values()
    info = get_registry().backends[backend]
    for rule in info.unsupported:
        assert rule.reason, rule
        if rule.endpoint:
            assert any(ep.name == rule.endpoint for ep in endpoints), f"{backend}: no endpoint {rule.endpoint!r}"
        else:
            assert any(rule.matches(ep.name, ep.method, ep.path) for ep in endpoints), f"{backend}: {rule} matches nothing"
    for name in info.served_beyond_version:
        assert name in ENDPOINTS, f"{backend}: no endpoint {name!r}"
        assert not any(rule.matches(name, ENDPOINTS[name].method, ENDPOINTS[name].path) for rule in info.unsupported)


def test_fedibird_serves_beyond_its_version_only_what_the_version_gate_would_refuse() -> None:
    version = parse_version_tuple(get_registry().backends["fedibird"].sample_versions[0])
    assert version == (3, 4, 1)
    for name in fedibird.SERVED_BEYOND_VERSION:
        assert parse_version_tuple(ENDPOINTS[name].added) > version, name


def test_the_matrix_and_backend_pages_show_the_reasons() -> None:
    matrix = build_matrix(servers=["fedibird", "pleroma"], include_representative=False, registry=get_registry())
    column = {c.backend: c.key for c in matrix.columns}
    rows = {row.name: row.cells for row in matrix.rows}
    assert rows["status_update"][column["fedibird"]].status == GATED
    assert fedibird.SOURCE in (rows["status_update"][column["fedibird"]].reason or "")
    served = rows["tag_follow"][column["fedibird"]]
    assert served.status == AVAILABLE and "newer than the reported 3.4.1" in (served.reason or "")
    assert "tag_follow" in matrix.backends["fedibird"].served_beyond_version
    gated = rows["tag_follow"][column["pleroma"]]
    assert gated.status == GATED and (gated.reason or "").endswith(pleroma.VERSION_GATE_NOTE)


# -- parameters newer than the reported version ------------------------------------------------


@pytest.mark.parametrize(
    ("backend", "sent"), [("pleroma", "include_types[]"), ("akkoma", "types[]")]
)
def test_pleroma_family_filters_notifications_by_type(make_api, mock_http, backend, sent) -> None:
    # Mastodon added types[] in 3.5.0; Pleroma (reporting 2.7.2) takes include_types[], Akkoma
    # types[] (include_types[] deprecated there): neither is refused by the version gate.
    api = make_api(version=f"2.7.2 (compatible; {backend.capitalize()} 2.6.0)", feature_set=backend)
    mock_http.add("GET", "/api/v1/notifications", [])
    api.notifications(types=["mention", "follow"])
    assert mock_http.last.query == [(sent, "mention"), (sent, "follow")]


def test_mainline_at_pleromas_api_level_still_refuses_types(make_api, mock_http) -> None:
    api = make_api(version="2.7.2")
    with pytest.raises(MastodonVersionError, match="parameter 'types'"):
        api.notifications(types=["mention"])
    assert mock_http.sent == []


def test_declared_parameters_name_existing_endpoint_parameters() -> None:
    registry = get_registry()
    for name, info in registry.backends.items():
        for entry in info.params_beyond_version:
            endpoint_name, _, param = entry.partition(".")
            assert param in ENDPOINTS[endpoint_name].params_by_name, f"{name}: {entry}"
