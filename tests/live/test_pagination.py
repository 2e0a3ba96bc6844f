"""Link-header pagination: fetch_next, fetch_previous, fetch_remaining, max_id/min_id/since_id."""

from __future__ import annotations

import pytest

from live.helpers import ids

pytestmark = pytest.mark.servers("gotosocial", "hollo")


@pytest.fixture
def five_statuses(live_api):
    posted = [live_api.status_post(f"Page item {n}", visibility="public") for n in range(5)]
    yield posted
    for status in posted:
        live_api.status_delete(status)


@pytest.mark.servers("gotosocial", "takahe")  # Hollo: see contrib/hollo/README.md
def test_fetch_next_and_previous(live_api, live_server, five_statuses):
    newest_first = ids(reversed(five_statuses))
    alice = live_server.users["alice"]["id"]
    first = live_api.account_statuses(alice, limit=2)
    assert ids(first) == newest_first[:2]
    second = live_api.fetch_next(first)
    assert ids(second) == newest_first[2:4]
    assert ids(live_api.fetch_next(first._pagination_next)) == newest_first[2:4]
    back = live_api.fetch_previous(second)
    assert ids(back) == newest_first[:2]
    everything = live_api.fetch_remaining(first)
    assert ids(everything)[:5] == newest_first
    assert len(set(ids(everything))) == len(everything)


@pytest.mark.servers("gotosocial", "takahe")  # Hollo: see contrib/hollo/README.md
def test_ids_as_page_bounds(live, live_api, live_server, five_statuses):
    alice = live_server.users["alice"]["id"]
    oldest, _, middle, _, newest = five_statuses
    older = live_api.account_statuses(alice, max_id=middle, limit=2)
    assert ids(older) == [five_statuses[1].id, oldest.id]
    right_after = live_api.account_statuses(alice, min_id=oldest, limit=2)
    assert set(ids(right_after)) == {five_statuses[1].id, middle.id}
    newer = live.wait_until(lambda: live_api.timeline_public(local=True, since_id=middle), what="the newer statuses")
    assert ids(newer) == [newest.id, five_statuses[3].id]
    assert ids(live_api.timeline_public(local=True, max_id=middle, limit=1)) == [five_statuses[1].id]


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_timeline_pages(live, live_api, five_statuses):
    newest_first = ids(reversed(five_statuses))
    first = live.wait_until(lambda: (p := live_api.timeline_public(local=True, limit=3)) and ids(p) == newest_first[:3] and p,
                            what="the statuses on the local timeline")
    assert ids(live_api.fetch_next(first))[:2] == newest_first[3:]


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_favourites_pages(live_api, live_api_bob, five_statuses):
    for status in five_statuses:
        live_api_bob.status_favourite(status)
    try:
        first = live_api_bob.favourites(limit=2)
        assert len(first) == 2
        second = live_api_bob.fetch_next(first)
        third = live_api_bob.fetch_next(second)
        seen = ids(first) + ids(second) + ids(third)
        assert set(ids(five_statuses)) <= set(seen)
        assert len(seen) == len(set(seen))
    finally:
        for status in five_statuses:
            live_api_bob.status_unfavourite(status)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_no_next_page(live_api, live_server, five_statuses):
    alice = live_server.users["alice"]["id"]
    everything = live_api.fetch_remaining(live_api.account_statuses(alice, limit=40))
    last = live_api.account_statuses(alice, max_id=everything[-1])
    assert last == []
    assert live_api.fetch_next(last) is None
