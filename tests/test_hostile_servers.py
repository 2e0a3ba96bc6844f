"""Servers that misbehave on purpose: oversized, slow, malformed or redirecting answers.

Each test plays one attack against a loopback server (or feeds one parser directly) and
checks that the call ends quickly with a documented result or a library error.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from support.fault_server import FaultServer, Reply

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError
from mastodon.pagination import MAX_LINK_HEADER, parse_link_header
from mastodon.transport import html_heading

HOME = "/api/v1/timelines/home"
STATUS = {"id": "1", "content": "<p>hi</p>", "account": {"id": "2", "acct": "alice"}, "mentions": []}


def elapsed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# -- Link headers -----------------------------------------------------------------------------


@pytest.mark.parametrize("junk", ["<" * 16384, "<a" * 8192, "<x>" + " " * 16384, "<a>;rel=" + "<" * 16384])
def test_link_header_parsing_is_linear(junk: str) -> None:
    # The old pattern rescanned the header for every unclosed "<": 16 KB took seconds.
    assert elapsed(lambda: parse_link_header(junk)) < 0.2


def test_link_header_is_parsed_only_up_to_its_cap() -> None:
    good = '<https://h/?max_id=1>; rel="next"'
    assert parse_link_header(good + ", " + "<" * (4 * MAX_LINK_HEADER)) == {"next": "https://h/?max_id=1"}
    assert parse_link_header("x" * MAX_LINK_HEADER + good) == {}


def test_hostile_link_header_does_not_stall_a_call(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    header = '<http://h/?max_id=5>; rel="next", ' + "<a" * 15000
    fault_server.on("GET", HOME, Reply(200, [STATUS], headers={"Link": header}))
    api = fault_api()
    page: Any = None

    def call() -> None:
        nonlocal page
        page = api.timeline_home()

    assert elapsed(call) < 2
    assert page._pagination_next["max_id"] == 5


# -- HTML error pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    ["<h1>" * 5000, "<title>" * 5000, "<h1>" + "<" * 19000, "<H1 " * 5000],
)
def test_html_error_page_reading_is_linear(page: str) -> None:
    assert elapsed(lambda: html_heading(page)) < 0.2


def test_html_heading_still_found() -> None:
    assert html_heading("<html><TITLE>Bad &amp; gateway</TITLE><h1 class=x>Oops <b>now</b></H1>") == "Oops now"
    assert html_heading("<head><title>Bad Gateway</title></head><body><h1></h1>") == "Bad Gateway"
    assert html_heading("<h1x>no</h1x><title>Yes</title>") == "Yes"
    assert html_heading("İİİ<h1>Upper İ before the heading</h1>") == "Upper İ before the heading"


def test_many_headings_error_page_is_quick_through_a_call(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", "/api/v1/accounts/1", Reply(502, "<html>" + "<h1>" * 5000 + "</html>"))
    api = fault_api()
    start = time.perf_counter()
    with pytest.raises(MastodonAPIError):
        api.account(1)
    assert time.perf_counter() - start < 2


# -- path ids ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["", ".", "..", " .. ", {"id": None}, {"id": ".."}, True, False, b"1", 1.5, object(), [1]])
def test_bad_path_ids_are_refused_before_sending(fault_server: FaultServer, fault_api: Callable[..., Mastodon], bad: Any) -> None:
    api = fault_api()
    with pytest.raises(MastodonIllegalArgumentError):
        api.status_delete(bad)
    with pytest.raises(MastodonIllegalArgumentError):
        api.account(bad)
    assert fault_server.received == []


def test_good_path_ids_still_work(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", "/api/v1/statuses/110", Reply(200, STATUS))
    fault_server.on("GET", "/api/v1/statuses/01ABC", Reply(200, STATUS))
    fault_server.on("GET", "/api/v1/statuses/a.b", Reply(200, STATUS))
    api = fault_api()
    for good in (110, "110", {"id": 110}, "01ABC", "a.b"):
        assert api.status(good).id == 1
    assert [r.path for r in fault_server.received][-1] == "/api/v1/statuses/a.b"


# -- invalid UTF-8 ----------------------------------------------------------------------------


def test_invalid_utf8_in_one_string_is_replaced_not_fatal(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    body = b'{"id": "1", "display_name": "caf\xe9 \xff", "acct": "bob", "note": "ok \xe2\x82"}'
    fault_server.on("GET", "/api/v1/accounts/1", Reply(200, body, headers={"Content-Type": "application/json"}))
    account = fault_api().account(1)
    assert account.id == 1 and account.acct == "bob"
    assert account.display_name == "caf\ufffd \ufffd"
    assert account.note.startswith("ok \ufffd")


# -- status_reply -----------------------------------------------------------------------------


@pytest.mark.parametrize("me", [[], {}, {"username": "x"}, "\"text\"", {"id": None}, {"id": [1]}])
def test_status_reply_with_odd_verify_credentials_answer(
    fault_server: FaultServer, fault_api: Callable[..., Mastodon], me: Any
) -> None:
    fault_server.on("GET", "/api/v1/accounts/verify_credentials", Reply(200, me))
    fault_server.on("POST", "/api/v1/statuses", Reply(200, STATUS))
    with pytest.raises(MastodonAPIError, match="verify_credentials"):
        fault_api().status_reply(STATUS, "hello")
    assert not fault_server.requests_to("/api/v1/statuses")


@pytest.mark.parametrize(
    "to_status",
    [{"id": "1"}, {"id": "1", "account": []}, {"id": "1", "account": {"id": "2"}}, {"account": {"id": "2", "acct": "a"}}, []],
)
def test_status_reply_to_malformed_status_is_an_argument_error(fault_api: Callable[..., Mastodon], to_status: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        fault_api().status_reply(to_status, "hello")


def test_status_reply_skips_malformed_mentions(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", "/api/v1/accounts/verify_credentials", Reply(200, {"id": "9", "acct": "me"}))
    fault_server.on("POST", "/api/v1/statuses", Reply(200, STATUS))
    mentions: list[Any] = [{}, [], "x", {"id": "3"}, {"id": "4", "acct": "carol@remote"}, {"id": 9, "acct": "me"}]
    fault_api().status_reply({**STATUS, "mentions": mentions}, "hello")
    sent = fault_server.requests_to("/api/v1/statuses")[0]
    assert b"status=%40alice+%40carol%40remote+hello" in sent.body
    fault_api().status_reply({**STATUS, "mentions": {"id": "5"}}, "again")
