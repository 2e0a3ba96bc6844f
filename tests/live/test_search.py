"""Search: v2 (accounts, hashtags, statuses) and v1."""

from __future__ import annotations

import pytest

from live.helpers import ids

pytestmark = pytest.mark.servers("gotosocial", "hollo")


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_search_accounts(live_api, live_server):
    bob = live_server.users["bob"]
    result = live_api.search(bob["username"], result_type="accounts")
    assert bob["id"] in ids(result.accounts)
    assert result.statuses == [] and result.hashtags == []
    assert bob["id"] in ids(live_api.search_v2(bob["acct"], resolve=False).accounts)


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_search_hashtags(live, live_api):
    status = live_api.status_post("Searching for #livesearchtag", visibility="public")
    try:
        result = live.wait_until(lambda: live_api.search("livesearchtag", result_type="hashtags").hashtags,
                                 what="the hashtag in search results")
        assert "livesearchtag" in [tag.name for tag in result]
    finally:
        live_api.status_delete(status)


def test_search_status_by_url(live_api):
    status = live_api.status_post("Find me by my address", visibility="public")
    try:
        result = live_api.search(status.url, resolve=True, result_type="statuses")
        assert status.id in ids(result.statuses)
    finally:
        live_api.status_delete(status)


@pytest.mark.servers("gotosocial", "takahe")  # Hollo: see contrib/hollo/README.md
def test_search_v1(live_api, live_server):
    result = live_api.search_v1(live_server.users["bob"]["username"])
    assert live_server.users["bob"]["id"] in ids(result.accounts)


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_account_search_following_only(live_api, live_server):
    assert live_server.users["bob"]["id"] not in ids(live_api.account_search(live_server.users["bob"]["username"], following=True))
