"""Servers that misbehave on purpose: oversized, slow, malformed or redirecting answers.

Each test plays one attack against a loopback server (or feeds one parser directly) and
checks that the call ends quickly with a documented result or a library error.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from support.fault_server import FaultServer, Reply

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError
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


# -- backend normalisation on odd shapes ------------------------------------------------------

ODD_VALUES: list[Any] = [5, "abc", {"name": "x"}, True, [1, "x", None, []]]


def _status(reactions: Any, where: str) -> dict[str, Any]:
    status: dict[str, Any] = {"id": "AbC", "visibility": "public", "account": {"id": "1", "acct": "a"}, "content": "x"}
    if where == "top":
        status["emoji_reactions"] = reactions
    else:
        status["pleroma"] = {"emoji_reactions": reactions}
    return status


@pytest.mark.parametrize("backend", ["pleroma", "akkoma", "fedibird"])
@pytest.mark.parametrize("where", ["top", "extras"])
@pytest.mark.parametrize("reactions", ODD_VALUES)
def test_odd_emoji_reactions_never_fail_a_timeline(
    make_api: Callable[..., Any], mock_http: Any, backend: str, where: str, reactions: Any
) -> None:
    status = _status(reactions, where)
    mock_http.add("GET", HOME, [status, {**status, "reblog": status}, {"id": "n", "type": "mention", "account": {"id": "1"}, "status": status}])
    api = make_api(version="2.7.2 (compatible; Pleroma 2.5.0)" if backend != "fedibird" else "3.4.1", feature_set=backend)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the built-in backends cope without even a warning
        page = api.timeline_home()
    assert len(page) == 3
    if where == "top":
        assert page[0].emoji_reactions == reactions  # left as the server sent it


@pytest.mark.parametrize("backend", ["pleroma", "fedibird"])
@pytest.mark.parametrize("answer", [5, "\"abc\"", [1, None], {"emoji_reactions": 7, "id": "1"}])
def test_odd_answers_to_status_emoji_reactions(make_api: Callable[..., Any], mock_http: Any, backend: str, answer: Any) -> None:
    route = "/api/v1/pleroma/statuses/1/reactions" if backend == "pleroma" else "/api/v1/statuses/1"
    mock_http.add("GET", route, answer)
    api = make_api(version="2.7.2 (compatible; Pleroma 2.5.0)" if backend == "pleroma" else "3.4.1", feature_set=backend)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        api.status_emoji_reactions(1)


def test_a_backend_failing_on_a_shape_warns_and_returns_the_answer(make_api: Callable[..., Any], mock_http: Any) -> None:
    from mastodon import hookimpl
    from mastodon.plugin import BackendInfo
    from mastodon.plugins import register_plugin, unregister_plugin

    class Brittle:
        @hookimpl
        def mastodon_backend_info(self) -> BackendInfo:
            return BackendInfo("brittle-test", "indexes without looking", extends="mainline")

        @hookimpl
        def mastodon_normalize_response(self, ctx: Any, endpoint: Any, result: Any) -> None:
            if ctx.backend == "brittle-test":
                for status in result:
                    status["emoji_reactions"][0]["count"] += 1

    plugin = Brittle()
    register_plugin(plugin, name="brittle-test")
    try:
        mock_http.add("GET", HOME, [_status(5, "top")])
        api = make_api(feature_set="brittle-test")
        with pytest.warns(RuntimeWarning, match="brittle-test.*timeline_home.*TypeError"):
            page = api.timeline_home()
        assert page[0].emoji_reactions == 5
    finally:
        unregister_plugin(plugin)


@pytest.mark.parametrize("keywords", [5, "abc", [], [1], {"a": 1}])
def test_gotosocial_v1_filter_from_odd_keywords(keywords: Any) -> None:
    gts = pytest.importorskip("mastodon_gotosocial")
    from mastodon.endpoints import ENDPOINTS
    from mastodon.plugin import ServerContext

    endpoint = ENDPOINTS["filter_create"]
    filt = gts.mastodon_normalize_response(ServerContext("https://gts.example"), endpoint, {"id": "1", "keywords": keywords, "context": ["home"]})
    assert filt.phrase is None and filt.context == ["home"]


# -- response body cap ------------------------------------------------------------------------


def _endless(piece: bytes = b"x" * 65536) -> Any:
    while True:
        yield piece


def _gzip_bomb(size: int) -> bytes:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    zeros = b"\0" * (1024 * 1024)
    out = [packer.compress(zeros) for _ in range(size // len(zeros))]
    return b"".join(out) + packer.flush()


@pytest.mark.parametrize("length", [None, "10000000000"])
def test_endless_body_is_cut_at_max_response_bytes(
    fault_server: FaultServer, fault_api: Callable[..., Mastodon], length: str | None
) -> None:
    headers = {"Content-Length": length} if length else {}
    fault_server.on("GET", "/api/v1/accounts/1", Reply(200, pieces=_endless(), headers=headers))
    api = fault_api()
    api.max_response_bytes = 2 * 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(MastodonNetworkError, match="max_response_bytes"):
        api.account(1)
    assert time.perf_counter() - start < 3


def test_gzip_bomb_is_cut_while_inflating(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    import tracemalloc

    bomb = _gzip_bomb(256 * 1024 * 1024)  # 256 MiB of zeros, about 250 KB on the wire
    fault_server.on("GET", "/api/v1/accounts/1", Reply(200, bomb, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}))
    api = fault_api()
    api.max_response_bytes = 4 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(MastodonNetworkError, match="max_response_bytes"):
            api.account(1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024


def test_bodies_within_the_cap_are_read_whole(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    import gzip
    import json

    statuses = [{**STATUS, "id": str(n), "content": "x" * 1000} for n in range(200)]
    encoded = json.dumps(statuses).encode()
    fault_server.on("GET", HOME, Reply(200, pieces=[encoded[:1000], encoded[1000:]]))
    fault_server.on("GET", "/api/v1/timelines/public", Reply(200, gzip.compress(encoded), headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}))
    api = fault_api()
    assert len(api.timeline_home()) == 200
    assert len(api.timeline_public()) == 200
    api.max_response_bytes = len(encoded)  # exactly at the limit is fine
    assert len(api.timeline_public()) == 200
    api.max_response_bytes = len(encoded) - 1
    with pytest.raises(MastodonNetworkError, match="max_response_bytes"):
        api.timeline_public()


def test_max_response_bytes_is_checked() -> None:
    api = Mastodon(api_base_url="https://mastodon.example", mastodon_version="4.2.0")
    assert api.max_response_bytes == 64 * 1024 * 1024
    for bad in (0, -1, 1.5, True, "1"):
        with pytest.raises(MastodonIllegalArgumentError):
            api.max_response_bytes = bad


# -- request_timeout bounds the whole call ----------------------------------------------------


def test_slow_drip_body_ends_at_request_timeout(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", "/api/v1/accounts/1", Reply(200, pieces=_endless(b" "), piece_delay=0.05, headers={"Content-Length": "100000"}))
    api = fault_api(request_timeout=0.6)
    start = time.perf_counter()
    with pytest.raises(MastodonNetworkError, match="timed out"):
        api.account(1)
    assert time.perf_counter() - start < 2


def test_slow_drip_chunked_body_ends_at_request_timeout(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", "/api/v1/accounts/1", Reply(200, pieces=_endless(b" "), piece_delay=0.05))
    api = fault_api(request_timeout=0.6)
    start = time.perf_counter()
    with pytest.raises(MastodonNetworkError, match="timed out"):
        api.account(1)
    assert time.perf_counter() - start < 2


def test_slow_drip_headers_end_at_request_timeout(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    def headers() -> Any:
        yield b"HTTP/1.1 200 OK\r\n"
        while True:
            yield b"X"

    fault_server.on("GET", "/api/v1/accounts/1", Reply(pieces=headers(), piece_delay=0.05, raw_pieces=True))
    api = fault_api(request_timeout=0.6)
    start = time.perf_counter()
    with pytest.raises(MastodonNetworkError, match="timed out"):
        api.account(1)
    assert time.perf_counter() - start < 2


def test_calls_within_request_timeout_and_the_next_call_are_unaffected(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", "/api/v1/accounts/1", Reply(200, pieces=[b'{"id": "1",', b' "acct": "a"}'], piece_delay=0.1))
    api = fault_api(request_timeout=1.0)
    for _ in range(3):
        assert api.account(1).acct == "a"
