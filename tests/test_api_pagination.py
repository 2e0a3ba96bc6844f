"""Link-header pagination: page info on returned lists, fetch_next/previous/remaining."""

from __future__ import annotations

import pytest
from support.mock_http import documented

from mastodon import AttribAccessList

API = "https://mastodon.example"


def status(status_id):
    return dict(documented("Status"), id=str(status_id))


def link(next_url=None, prev_url=None):
    parts = []
    if next_url:
        parts.append(f'<{next_url}>; rel="next"')
    if prev_url:
        parts.append(f'<{prev_url}>; rel="prev"')
    return {"Link": ", ".join(parts)}


@pytest.fixture
def home(mock_http):
    """A home timeline of three pages: [30, 29], [28, 27], [26]."""
    pages = {
        None: ([30, 29], link(f"{API}/api/v1/timelines/home?limit=2&max_id=29", f"{API}/api/v1/timelines/home?limit=2&min_id=30")),
        "29": ([28, 27], link(f"{API}/api/v1/timelines/home?limit=2&max_id=27", f"{API}/api/v1/timelines/home?limit=2&min_id=28")),
        "27": ([26], link(None, f"{API}/api/v1/timelines/home?limit=2&min_id=26")),
    }

    def handler(sent):
        query = dict(sent.query)
        if "min_id" in query:
            newer = int(query["min_id"]) + 1
            return 200, [status(newer)], link(None, f"{API}/api/v1/timelines/home?limit=2&min_id={newer}")
        ids, headers = pages[query.get("max_id")]
        return 200, [status(i) for i in ids], headers

    mock_http.handle("GET", "/api/v1/timelines/home", handler)
    return mock_http


def test_page_info_is_attached_to_last_and_first_items(api, home):
    page = api.timeline_home(limit=2)
    assert [s.id for s in page] == [30, 29]
    nxt = page[-1]._pagination_next
    prev = page[0]._pagination_prev
    assert nxt == {"limit": "2", "max_id": 29, "_pagination_method": "GET", "_pagination_endpoint": "/api/v1/timelines/home"}
    assert prev["min_id"] == 30
    assert "max_id" not in prev
    # Attribute-only: the documented keys of the status are untouched.
    assert "_pagination_next" not in page[-1]
    assert "_pagination_prev" not in page[0]
    assert set(page[-1]) == set(documented("Status"))
    with pytest.raises(AttributeError):
        page[0]._pagination_next  # noqa: B018
    assert page._pagination_next == nxt


def test_fetch_next_follows_the_link(api, home):
    page = api.timeline_home(limit=2)
    second = api.fetch_next(page)
    sent = home.last
    assert (sent.method, sent.host, sent.path) == ("GET", "mastodon.example", "/api/v1/timelines/home")
    assert sorted(sent.query) == [("limit", "2"), ("max_id", "29")]
    assert sent.headers["Authorization"] == "Bearer test-token"
    assert [s.id for s in second] == [28, 27]
    assert second[0].created_at.tzinfo is not None


def test_fetch_next_accepts_the_page_info_dict(api, home):
    page = api.timeline_home(limit=2)
    second = api.fetch_next(page[-1]._pagination_next)
    assert [s.id for s in second] == [28, 27]


def test_fetch_previous(api, home):
    page = api.timeline_home(limit=2)
    newer = api.fetch_previous(page)
    assert sorted(home.last.query) == [("limit", "2"), ("min_id", "30")]
    assert [s.id for s in newer] == [31]
    assert api.fetch_previous(page[0]._pagination_prev)[0].id == 31


def test_fetch_next_at_the_end_is_none(api, home):
    page = api.timeline_home(limit=2)
    last = api.fetch_next(api.fetch_next(page))
    assert [s.id for s in last] == [26]
    sent_before = len(home.sent)
    assert api.fetch_next(last) is None
    assert len(home.sent) == sent_before


def test_fetch_remaining_concatenates_every_page(api, home):
    page = api.timeline_home(limit=2)
    everything = api.fetch_remaining(page)
    assert isinstance(everything, AttribAccessList)
    assert [s.id for s in everything] == [30, 29, 28, 27, 26]
    assert [dict(s.query).get("max_id") for s in home.sent] == [None, "29", "27"]
    # The first page itself is not modified.
    assert [s.id for s in page] == [30, 29]


def test_no_link_header_means_no_pages(api, mock_http):
    mock_http.add("GET", "/api/v1/favourites", [status(1)])
    page = api.favourites()
    assert not hasattr(page[0], "_pagination_next")
    assert api.fetch_next(page) is None
    assert api.fetch_previous(page) is None
    assert [s.id for s in api.fetch_remaining(page)] == [1]
    assert len(mock_http.sent) == 1


def test_empty_pages(api, mock_http):
    mock_http.add("GET", "/api/v1/bookmarks", [])
    assert api.fetch_next(api.bookmarks()) is None
    assert api.fetch_next([]) is None
    assert api.fetch_next(None) is None


def test_links_to_another_host_never_get_the_token(api, mock_http):
    evil = "https://collector.example/steal?max_id=5&limit=1"
    mock_http.add("GET", "/api/v1/blocks", [documented("Account")], headers=link(evil, "https://collector.example/steal?min_id=9"))
    mock_http.add("GET", "/steal", [], headers={})
    page = api.blocks()
    api.fetch_next(page)
    api.fetch_previous(page)
    assert [s.host for s in mock_http.sent] == ["mastodon.example"] * 3
    assert all(s.path == "/api/v1/blocks" for s in mock_http.sent)
    assert ("max_id", "5") in mock_http.sent[1].query
    assert ("min_id", "9") in mock_http.sent[2].query


def test_request_parameters_are_carried_to_the_next_page(api, mock_http):
    mock_http.add(
        "GET",
        "/api/v1/accounts/1/statuses",
        [status(5)],
        headers=link(f"{API}/api/v1/accounts/1/statuses?max_id=5"),
    )
    page = api.account_statuses(1, only_media=True, exclude_replies=True, limit=1)
    api.fetch_next(page)
    assert sorted(mock_http.last.query) == [("exclude_replies", "1"), ("limit", "1"), ("max_id", "5"), ("only_media", "1")]
    assert mock_http.last.path == "/api/v1/accounts/1/statuses"


def test_list_parameters_in_links_are_kept_whole(api, mock_http):
    url = f"{API}/api/v1/notifications?exclude_types%5B%5D=follow&exclude_types%5B%5D=poll&max_id=34975861"
    mock_http.add("GET", "/api/v1/notifications", [documented("Notification")], headers=link(url))
    page = api.notifications(exclude_types=["follow", "poll"])
    assert page[-1]._pagination_next["exclude_types[]"] == ["follow", "poll"]
    api.fetch_next(page)
    assert mock_http.last.query == [("exclude_types[]", "follow"), ("exclude_types[]", "poll"), ("max_id", "34975861")]


def test_list_parameters_only_in_the_link(api, mock_http):
    url = f"{API}/api/v1/notifications?types%5B%5D=mention&types%5B%5D=poll&max_id=7"
    mock_http.add("GET", "/api/v1/notifications", [documented("Notification")], headers=link(url))
    page = api.notifications()
    assert page[-1]._pagination_next["types[]"] == ["mention", "poll"]


def test_pages_of_plain_strings(api, mock_http):
    def handler(sent):
        if ("max_id", "10") in sent.query:
            return 200, ["c.example"], {}
        return 200, ["a.example", "b.example"], link(f"{API}/api/v1/domain_blocks?max_id=10")

    mock_http.handle("GET", "/api/v1/domain_blocks", handler)
    page = api.domain_blocks()
    assert page._pagination_next["max_id"] == 10
    assert list(api.fetch_remaining(page)) == ["a.example", "b.example", "c.example"]


@pytest.mark.parametrize(
    "header",
    [
        '<https://mastodon.example/api/v1/mutes?max_id=3>;rel="next",<https://mastodon.example/api/v1/mutes?since_id=9>;rel="prev"',
        "<https://mastodon.example/api/v1/mutes?max_id=3>; rel=next, <https://mastodon.example/api/v1/mutes?since_id=9>; rel=previous",
    ],
    ids=["no-spaces", "unquoted-previous"],
)
def test_tolerant_link_parsing(api, mock_http, header):
    mock_http.add("GET", "/api/v1/mutes", [documented("Account")], headers={"Link": header})
    page = api.mutes()
    assert page[-1]._pagination_next["max_id"] == 3
    assert page[0]._pagination_prev["since_id"] == 9


def test_non_numeric_page_ids_stay_strings(api, mock_http):
    mock_http.add("GET", "/api/v1/favourites", [status(1)], headers=link(f"{API}/api/v1/favourites?max_id=AbC9x"))
    page = api.favourites()
    assert page[-1]._pagination_next["max_id"] == "AbC9x"
    api.fetch_next(page)
    assert ("max_id", "AbC9x") in mock_http.last.query


def test_page_info_survives_being_copied_into_plain_containers(api, home):
    import json

    page = api.timeline_home(limit=2)
    assert [s.id for s in api.fetch_next(list(page))] == [28, 27]
    persisted = json.loads(json.dumps(page[-1]._pagination_next))
    assert [s.id for s in api.fetch_next(persisted)] == [28, 27]
    assert sorted(home.last.query) == [("limit", "2"), ("max_id", "29")]


def test_dicts_without_page_info_are_not_pages(api, mock_http):
    assert api.fetch_next({"max_id": 5}) is None
    assert api.fetch_previous({"id": 1}) is None
    assert mock_http.sent == []


def test_pagination_iterator_walks_every_item_fetching_pages_as_it_goes(api, home):
    first = api.timeline_home(limit=2)
    before = len(home.sent)
    items = api.pagination_iterator(first)
    assert next(items).id == 30 and next(items).id == 29
    assert len(home.sent) == before  # the next page is fetched only when reached
    assert [s.id for s in items] == [28, 27, 26]


def test_pagination_page_iterator_yields_pages_with_their_info(api, home):
    from mastodon.types_base import PaginatableList, PaginationInfo

    pages = list(api.pagination_page_iterator(api.timeline_home(limit=2), return_pagination_info=True))
    assert [[s.id for s in page] for page, _ in pages] == [[30, 29], [28, 27], [26]]
    assert all(type(page) is PaginatableList for page, _ in pages)
    assert [type(info) for _, info in pages] == [PaginationInfo, PaginationInfo, type(None)]
    assert pages[0][1].max_id == 29


def test_pagination_iterators_start_from_a_pagination_info_and_go_backwards(api, home):
    first = api.timeline_home(limit=2)
    info = api.get_pagination_info(first, "next")
    assert [s.id for s in api.pagination_iterator(info)] == [28, 27, 26]
    backwards = api.pagination_page_iterator(first, direction="previous")
    assert [s.id for s in next(backwards)] == [30, 29]
    assert [s.id for s in next(backwards)] == [31]
    pairs = list(api.pagination_iterator(info, return_pagination_info=True))
    assert [(s.id, i is not None) for s, i in pairs] == [(28, True), (27, True), (26, False)]


def test_pagination_direction_must_be_next_or_previous(api, home):
    from mastodon import MastodonIllegalArgumentError

    page = api.timeline_home(limit=2)
    with pytest.raises(MastodonIllegalArgumentError):
        api.get_pagination_info(page, "sideways")
    assert api.get_pagination_info(page[-1], "next") == page._pagination_next
    assert api.get_pagination_info([], "next") is None
