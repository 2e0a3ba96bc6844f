"""Async refreshes: the announcing header kept on results, status queries, bounded waiting."""

from __future__ import annotations

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonVersionError
from mastodon.api import async_refreshes

REFRESH_ID = documented("AsyncRefresh")["id"]
ROUTE = f"/api/v1_alpha/async_refreshes/{REFRESH_ID}"
HEADER = {"Mastodon-Async-Refresh": f'id="{REFRESH_ID}", retry=3, result_count=2'}


@pytest.fixture
def announced(make_api, mock_http):
    """A context fetched while the server refreshes it in the background."""
    mock_http.add("GET", "/api/v1/statuses/1/context", documented("Context"), headers=HEADER)
    api = make_api("4.4.0")
    return api, api.status_context(1)


def test_the_announcement_is_read_from_the_result(announced):
    api, context = announced
    refresh, retry = api.get_async_refresh_info(context)
    assert (refresh.id, refresh.status, refresh.result_count, retry) == (REFRESH_ID, "running", 2, 3)


def test_results_without_an_announcement(api, mock_http):
    mock_http.add("GET", "/api/v1/statuses/1/context", documented("Context"))
    assert api.get_async_refresh_info(api.status_context(1)) is None
    assert api.get_async_refresh_info({"id": 1}) is None


def test_header_parsing():
    assert async_refreshes.parse_async_refresh_header('id="a, b", retry=5') == {"id": "a, b", "retry": "5"}
    assert async_refreshes.parse_async_refresh_header("id=xyz,retry=2,result_count=0") == {"id": "xyz", "retry": "2", "result_count": "0"}


def _status_route(mock_http, *states):
    answers = iter(states)

    def answer(sent):
        return 200, {"async_refresh": dict(documented("AsyncRefresh"), status=next(answers))}, {}

    mock_http.handle("GET", ROUTE, answer)


@pytest.mark.parametrize("given", ["result", "refresh", "id"])
def test_get_async_refresh_status(announced, mock_http, given):
    api, context = announced
    _status_route(mock_http, "finished")
    refresh = api.get_async_refresh_info(context)[0]
    argument = {"result": context, "refresh": refresh, "id": REFRESH_ID}[given]
    status = api.get_async_refresh_status(argument)
    assert (mock_http.last.method, mock_http.last.path) == ("GET", ROUTE)
    assert (status.status, status.result_count) == ("finished", 2)


@pytest.mark.parametrize("bad", [None, {}, True, ""])
def test_get_async_refresh_status_needs_an_id(api, mock_http, bad):
    with pytest.raises(MastodonIllegalArgumentError):
        api.get_async_refresh_status(bad)
    assert mock_http.sent == []


def test_get_async_refresh_status_needs_4_4_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("4.3.0").get_async_refresh_status(REFRESH_ID)
    assert mock_http.sent == []


@pytest.fixture
def sleeps(monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(async_refreshes.time, "sleep", slept.append)
    return slept


def test_await_polls_until_finished(announced, mock_http, sleeps):
    api, context = announced
    _status_route(mock_http, "running", "running", "finished")
    final = api.await_async_refresh(context)
    assert final.status == "finished"
    assert sleeps == [3, 3, 3]
    assert [s.path for s in mock_http.sent[1:]] == [ROUTE] * 3


def test_await_stops_after_max_attempts(announced, mock_http, sleeps):
    api, context = announced
    _status_route(mock_http, "running", "running", "finished")
    assert api.await_async_refresh(context, max_attempts=2).status == "running"
    assert len(sleeps) == 2


def test_await_never_waits_past_the_timeout(announced, mock_http, monkeypatch):
    api, context = announced
    clock = [100.0]
    monkeypatch.setattr(async_refreshes.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(async_refreshes.time, "sleep", lambda seconds: clock.__setitem__(0, clock[0] + seconds))
    _status_route(mock_http, *["running"] * 10)
    assert api.await_async_refresh(context, timeout=7.5).status == "running"
    assert clock[0] == pytest.approx(107.5)
    assert len(mock_http.sent) == 1 + 3  # polls after 3 s, 6 s and 7.5 s


def test_await_without_an_announcement_returns_none(api, mock_http, sleeps):
    assert api.await_async_refresh({"id": 1}) is None
    assert sleeps == [] and mock_http.sent == []


@pytest.mark.parametrize(("retry", "waited"), [("0", 1.0), ("600", 60.0), ("x", 1.0)])
def test_await_keeps_the_wait_between_polls_sane(make_api, mock_http, sleeps, retry, waited):
    mock_http.add("GET", "/api/v1/statuses/1/context", documented("Context"), headers={"Mastodon-Async-Refresh": f'id="{REFRESH_ID}", retry={retry}'})
    api = make_api("4.4.0")
    _status_route(mock_http, "finished")
    api.await_async_refresh(api.status_context(1))
    assert sleeps == [waited]
