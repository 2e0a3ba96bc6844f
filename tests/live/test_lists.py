"""Lists: create, rename, members, list timeline, delete."""

from __future__ import annotations

import pytest

from live.helpers import following, ids
from mastodon import MastodonNotFoundError

pytestmark = pytest.mark.servers("gotosocial", "hollo")


def test_list_lifecycle(live, live_api, live_api_bob, live_server):
    bob = live_server.users["bob"]["id"]
    with following(live, "alice", "bob"):
        created = live_api.list_create("Live test list")
        try:
            assert created.title == "Live test list"
            assert created.id in ids(live_api.lists())
            assert live_api.list(created).title == "Live test list"
            assert live_api.list_update(created, "Renamed live test list").title == "Renamed live test list"
            assert live_api.list_accounts_add(created, [bob]) is None
            assert ids(live_api.list_accounts(created)) == [bob]
            assert created.id in ids(live_api.account_lists(bob))
            status = live_api_bob.status_post("For alice's list", visibility="unlisted")
            try:
                live.wait_until(lambda: status.id in ids(live_api.timeline_list(created)), what="the status on the list timeline")
                assert status.id in ids(live_api.timeline(f"list/{created.id}"))
            finally:
                live_api_bob.status_delete(status)
            assert live_api.list_accounts_delete(created, bob) is None
            assert live_api.list_accounts(created) == []
        finally:
            assert live_api.list_delete(created) is None
    with pytest.raises(MastodonNotFoundError):
        live_api.list(created)
    assert created.id not in ids(live_api.lists())
