"""Collections (Mastodon 4.6): routes, bodies, decoded responses, checks and version gates."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError

COLLECTION_ID = 116131056935959117
ITEM_ID = 116141056635954112


@pytest.fixture
def api46(make_api):
    return make_api("4.6.0")


def test_collection(api46, mock_http):
    mock_http.add("GET", f"/api/v1/collections/{COLLECTION_ID}", documented("CollectionWithAccounts"))
    result = api46.collection({"id": COLLECTION_ID})
    assert (mock_http.last.method, mock_http.last.query) == ("GET", [])
    assert result.collection["items"][1].state == "pending"
    assert result.collection.updated_at == datetime(2026, 2, 25, 11, 37, 38, 182000, tzinfo=timezone.utc)
    assert [a.id for a in result.accounts] == [113668893442515793, 112658193342215767, 117628196343117789]


@pytest.mark.parametrize("method", ["account_collections", "account_in_collections"])
def test_account_collections(api46, mock_http, method):
    route = method.removeprefix("account_")
    mock_http.add("GET", f"/api/v1/accounts/1/{route}", documented("Collections"))
    result = getattr(api46, method)(1, limit=10, offset=20)
    assert (mock_http.last.path, mock_http.last.query) == (f"/api/v1/accounts/1/{route}", [("limit", "10"), ("offset", "20")])
    assert result.collections[0].name == "Excellent people"
    assert result.collections[0].tag.name == "discovery"


def test_account_in_collections_of_the_logged_in_account(api46, mock_http):
    mock_http.add("GET", "/api/v1/accounts/verify_credentials", documented("CredentialAccount"))
    own = documented("CredentialAccount")["id"]
    mock_http.add("GET", f"/api/v1/accounts/{own}/in_collections", documented("Collections"))
    api46.account_in_collections(None)
    assert mock_http.last.path == f"/api/v1/accounts/{own}/in_collections"


def test_collection_create_sends_json(api46, mock_http):
    mock_http.add("POST", "/api/v1/collections", documented("WrappedCollection"))
    result = api46.collection_create(
        "Nice accounts", description="These accounts are very nice", language="en", tag_name="#accounts",
        discoverable=True, account_ids=[112658193342215767, {"id": "117628196343117789"}],
    )
    sent = mock_http.last
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.json == {
        "name": "Nice accounts",
        "description": "These accounts are very nice",
        "language": "en",
        "tag_name": "accounts",
        "sensitive": False,
        "discoverable": True,
        "account_ids": [112658193342215767, "117628196343117789"],
    }
    assert result.collection.id == COLLECTION_ID


def test_collection_update_sends_only_what_changes(api46, mock_http):
    mock_http.add("PATCH", f"/api/v1/collections/{COLLECTION_ID}", documented("WrappedCollection"))
    api46.collection_update(COLLECTION_ID, description="Still nice", sensitive=False)
    assert (mock_http.last.method, mock_http.last.json) == ("PATCH", {"description": "Still nice", "sensitive": False})


def test_collection_delete(api46, mock_http):
    mock_http.add("DELETE", f"/api/v1/collections/{COLLECTION_ID}", {})
    assert api46.collection_delete(COLLECTION_ID) == {}
    assert mock_http.last.method == "DELETE"


def test_collection_items(api46, mock_http):
    base = f"/api/v1/collections/{COLLECTION_ID}/items"
    mock_http.add("POST", base, documented("WrappedCollectionItem"))
    mock_http.add("DELETE", f"{base}/{ITEM_ID}", {})
    mock_http.add("POST", f"{base}/{ITEM_ID}/revoke", {})
    item = api46.collection_item_add(COLLECTION_ID, {"id": 112658193342215767})
    assert mock_http.last.json == {"account_id": 112658193342215767}
    assert (item.collection_item.id, item.collection_item.state) == (ITEM_ID, "accepted")
    api46.collection_item_delete({"id": COLLECTION_ID}, item.collection_item)
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", f"{base}/{ITEM_ID}")
    api46.collection_item_revoke(COLLECTION_ID, ITEM_ID)
    assert (mock_http.last.method, mock_http.last.path) == ("POST", f"{base}/{ITEM_ID}/revoke")


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.collection_create(""),
        lambda api: api.collection_create(None),
        lambda api: api.collection_create("ok", tag_name="#"),
        lambda api: api.collection_update(1, name="  "),
    ],
    ids=["empty-name", "no-name", "empty-tag", "blank-rename"],
)
def test_collection_bad_arguments_send_nothing(api46, mock_http, call):
    with pytest.raises(MastodonIllegalArgumentError):
        call(api46)
    assert mock_http.sent == []


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.collection(1),
        lambda api: api.account_collections(1),
        lambda api: api.account_in_collections(1),
        lambda api: api.collection_create("name"),
        lambda api: api.collection_update(1, name="x"),
        lambda api: api.collection_delete(1),
        lambda api: api.collection_item_add(1, 2),
        lambda api: api.collection_item_delete(1, 2),
        lambda api: api.collection_item_revoke(1, 2),
    ],
)
def test_collections_need_4_6(make_api, mock_http, call):
    with pytest.raises(MastodonVersionError):
        call(make_api("4.5.0"))
    assert mock_http.sent == []
