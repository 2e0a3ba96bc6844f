"""Fault injection against a real loopback server: every fault maps to a documented error.

Connection-level faults (refused, TLS certificate rejected, timeouts, connections closed
mid-response, garbage instead of HTTP) raise :class:`MastodonNetworkError`; answers the
server did give raise the :class:`MastodonAPIError` subclass for their status, with the
server's own error text in the exception. Rate limits are exercised in all three modes
with an injected clock, so no test really sleeps.
"""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
import requests
from support.fault_server import FaultServer, Received, Reply, refused_url, self_signed_cert

from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonBadGatewayError,
    MastodonConflictError,
    MastodonError,
    MastodonForbiddenError,
    MastodonInternalServerError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonServiceUnavailableError,
    MastodonUnauthorizedError,
    MastodonUnprocessableEntityError,
)
from mastodon.transport import MAX_RATELIMIT_RETRIES, MAX_RATELIMIT_SLEEP

ACCOUNT = "/api/v1/accounts/1"
HOME = "/api/v1/timelines/home"
T0 = 1_700_000_000.0  # the injected clock's start (2023-11-14T22:13:20Z)


class FakeClock:
    """``clock``/``sleep`` pair for the transport: sleeping only moves the time on."""

    def __init__(self, now: float = T0) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


def with_clock(api: Mastodon, clock: FakeClock) -> Mastodon:
    api._transport.clock = clock
    api._transport.sleep = clock.sleep
    api.ratelimit_reset = clock.now
    api.ratelimit_lastcall = clock.now
    return api


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def limited(reset: str, date: float | None = None, body: Any = None) -> Reply:
    headers = {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset}
    if date is not None:
        headers["Date"] = format_datetime(datetime.fromtimestamp(date, timezone.utc), usegmt=True)
    return Reply(429, {"error": "Too many requests"} if body is None else body, headers)


OK = Reply(200, {"id": "1", "username": "alice", "acct": "alice"})


# -- connection-level faults ------------------------------------------------------------


def test_connection_refused_is_a_network_error() -> None:
    api = Mastodon(api_base_url=refused_url(), access_token="tok", mastodon_version="4.2.0")
    with pytest.raises(MastodonNetworkError) as info:
        api.account(1)
    assert "refused" in str(info.value).lower()
    assert isinstance(info.value, OSError)  # MastodonIOError stays an IOError


def test_read_timeout_is_a_network_error_and_honours_request_timeout(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", ACCOUNT, Reply(200, {"id": "1"}, delay=10))
    api = fault_api(request_timeout=0.2)
    started = time.monotonic()
    with pytest.raises(MastodonNetworkError) as info:
        api.account(1)
    assert time.monotonic() - started < 3
    assert "timed out" in str(info.value).lower()


def test_request_timeout_can_be_changed_on_a_live_client(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", ACCOUNT, Reply(200, {"id": "1"}, delay=10))
    api = fault_api(request_timeout=30)
    api.request_timeout = 0.2
    started = time.monotonic()
    with pytest.raises(MastodonNetworkError):
        api.account(1)
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, {"id": "1", "acct": "somebody"}, cut_after=7),  # Content-Length promises more
        Reply(raw=b""),  # accepted, then closed without a word
        Reply(raw=b"this is not HTTP\r\n\r\n"),
        Reply(raw=b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"id\": \"1\""),  # chunk cut short
        Reply(raw=b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),  # bad chunk size
    ],
    ids=["content-length-cut", "closed-silently", "not-http", "chunk-cut", "bad-chunk"],
)
def test_connection_broken_mid_response_is_a_network_error(
    fault_server: FaultServer, fault_api: Callable[..., Mastodon], reply: Reply
) -> None:
    fault_server.on("GET", ACCOUNT, reply)
    with pytest.raises(MastodonNetworkError) as info:
        fault_api().account(1)
    assert "Could not complete request" in str(info.value)


def test_tls_certificate_failure_is_a_network_error(start_fault_server: Callable[..., FaultServer], tmp_path: Path) -> None:
    cert, key = self_signed_cert(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = start_fault_server(ssl_context=context)
    server.on("GET", ACCOUNT, OK)
    api = Mastodon(api_base_url=server.url, access_token="secret-tls-token", mastodon_version="4.2.0", request_timeout=5)
    with pytest.raises(MastodonNetworkError) as info:
        api.account(1)
    assert "certificate" in str(info.value).lower()
    assert server.received == []  # nothing (the token least of all) went over the rejected channel
    # The same server is fine once its certificate is trusted: the failure was the certificate.
    trusting = requests.Session()
    trusting.trust_env = False  # a CA bundle from the environment would override ``verify``
    trusting.verify = str(cert)
    api.session = trusting
    assert api.account(1)["acct"] == "alice"
    assert server.received[-1].header("Authorization") == "Bearer secret-tls-token"


# -- answers that are not what the API promises -------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b'{"id": "1", "acct": "som',
        b'{"id": 1,}',
        b"<!DOCTYPE html><html><body>Maintenance</body></html>",
        b"\xff\xfe\x00garbage",
        b"[" * 100_000 + b"]" * 100_000,  # too deep for any JSON decoder
    ],
    ids=["truncated", "malformed", "html", "binary", "deeply-nested"],
)
def test_unparseable_success_body_is_an_api_error(fault_server: FaultServer, fault_api: Callable[..., Mastodon], body: bytes) -> None:
    fault_server.on("GET", ACCOUNT, Reply(200, body, headers={"Content-Type": "application/json"}))
    with pytest.raises(MastodonAPIError) as info:
        fault_api().account(1)
    assert type(info.value) is MastodonAPIError
    assert info.value.status_code == 200
    assert "Could not parse response as JSON" in str(info.value)


def test_empty_success_body_decodes_to_none(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("POST", "/api/v1/statuses/1/favourite", Reply(200, b""))
    assert fault_api().status_favourite(1) is None


def test_truncated_body_without_length_is_reported_not_half_decoded(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    # No Content-Length, the connection simply ends: the client cannot know, but the JSON can.
    fault_server.on("GET", ACCOUNT, Reply(raw=b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"id": "1", "ac'))
    with pytest.raises(MastodonAPIError, match="Could not parse response as JSON"):
        fault_api().account(1)


STATUS_CLASSES = [
    (400, MastodonAPIError),
    (401, MastodonUnauthorizedError),
    (403, MastodonForbiddenError),
    (404, MastodonNotFoundError),
    (409, MastodonConflictError),
    (410, MastodonAPIError),
    (422, MastodonUnprocessableEntityError),
    (429, MastodonRatelimitError),
    (500, MastodonInternalServerError),
    (502, MastodonBadGatewayError),
    (503, MastodonServiceUnavailableError),
    (507, MastodonServerError),
]


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
def test_status_with_json_error_body(
    fault_server: FaultServer, fault_api: Callable[..., Mastodon], status: int, cls: type[MastodonAPIError]
) -> None:
    fault_server.on("GET", ACCOUNT, Reply(status, {"error": f"server says no ({status})"}))
    with pytest.raises(MastodonAPIError) as info:
        fault_api(ratelimit_method="throw").account(1)
    exc = info.value
    assert type(exc) is cls
    assert exc.status_code == status
    assert exc.error_message == f"server says no ({status})"
    assert f"server says no ({status})" in str(exc) and str(status) in str(exc)
    assert len(fault_server.received) == 1  # errors are not retried


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
@pytest.mark.parametrize(
    "body",
    [
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>Bad things</h1></center></body></html>",
        b"",
        "plain text failure",
        {"unexpected": ["shape"]},
        ["a", "list"],
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["html", "empty", "text", "json-without-error", "json-list", "deeply-nested"],
)
def test_status_without_json_error_body(
    fault_server: FaultServer, fault_api: Callable[..., Mastodon], status: int, cls: type[MastodonAPIError], body: Any
) -> None:
    fault_server.on("GET", ACCOUNT, Reply(status, body))
    with pytest.raises(MastodonAPIError) as info:
        fault_api(ratelimit_method="throw").account(1)
    exc = info.value
    assert type(exc) is cls
    assert exc.status_code == status
    assert exc.reason  # the HTTP reason phrase is kept
    if isinstance(body, str) and body.startswith("<html>"):
        assert exc.error_message == "Bad things"  # an HTML page is summarised by its heading
    elif isinstance(body, str):
        assert body[:100] in str(exc.error_message)
    elif body == b"":
        assert exc.error_message is None


def test_oauth_error_description_is_part_of_the_message(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", ACCOUNT, Reply(401, {"error": "invalid_token", "error_description": "The access token expired"}))
    with pytest.raises(MastodonUnauthorizedError) as info:
        fault_api().account(1)
    assert info.value.error_message == "invalid_token: The access token expired"


def test_error_exceptions_are_all_mastodon_errors(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", ACCOUNT, Reply(418, "I'm a teapot"))
    with pytest.raises(MastodonError) as info:
        fault_api().account(1)
    assert isinstance(info.value, MastodonAPIError) and info.value.status_code == 418


# -- rate limits ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["iso", "unix", "unix-float"])
def test_wait_mode_sleeps_until_reset_then_retries(fault_server: FaultServer, fault_api: Callable[..., Mastodon], fmt: str) -> None:
    reset = T0 + 42
    value = {"iso": iso(reset), "unix": str(int(reset)), "unix-float": f"{reset:.3f}"}[fmt]
    fault_server.on("GET", ACCOUNT, limited(value), OK)
    clock = FakeClock()
    api = with_clock(fault_api(ratelimit_method="wait"), clock)
    assert api.account(1)["acct"] == "alice"
    assert len(fault_server.received) == 2
    assert clock.sleeps == [pytest.approx(42, abs=1e-3)]
    assert api.ratelimit_reset == pytest.approx(reset, abs=1e-3)


def test_wait_mode_corrects_for_server_clock_skew(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    # The server's clock is an hour ahead; its reset is 30 s after *its* now.
    server_now = T0 + 3600
    fault_server.on("GET", ACCOUNT, limited(iso(server_now + 30), date=server_now), OK)
    clock = FakeClock()
    api = with_clock(fault_api(), clock)
    api.account(1)
    assert clock.sleeps == [pytest.approx(30, abs=1.0)]


def test_wait_mode_gives_up_after_bounded_retries(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    clock = FakeClock()
    fault_server.on("GET", ACCOUNT, lambda r: limited(str(int(clock.now) + 10)))
    api = with_clock(fault_api(ratelimit_method="wait"), clock)
    with pytest.raises(MastodonRatelimitError) as info:
        api.account(1)
    assert info.value.status_code == 429
    assert len(fault_server.received) == MAX_RATELIMIT_RETRIES + 1
    assert len(clock.sleeps) == MAX_RATELIMIT_RETRIES


def test_wait_mode_never_sleeps_longer_than_the_cap(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", ACCOUNT, limited(str(int(T0 + 10 * 86400))), OK)
    clock = FakeClock()
    api = with_clock(fault_api(), clock)
    api.account(1)
    assert clock.sleeps == [MAX_RATELIMIT_SLEEP]


def test_wait_mode_does_not_retry_other_errors(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", ACCOUNT, Reply(503, {"error": "down"}, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(T0 + 5))}))
    clock = FakeClock()
    api = with_clock(fault_api(), clock)
    with pytest.raises(MastodonServiceUnavailableError):
        api.account(1)
    assert clock.sleeps == [] and len(fault_server.received) == 1


@pytest.mark.parametrize("fmt", ["iso", "unix"])
def test_throw_mode_raises_at_once_and_records_the_reset(fault_server: FaultServer, fault_api: Callable[..., Mastodon], fmt: str) -> None:
    reset = T0 + 120
    fault_server.on("GET", ACCOUNT, limited(iso(reset) if fmt == "iso" else str(int(reset))), OK)
    clock = FakeClock()
    api = with_clock(fault_api(ratelimit_method="throw"), clock)
    with pytest.raises(MastodonRatelimitError) as info:
        api.account(1)
    assert info.value.status_code == 429 and info.value.error_message == "Too many requests"
    assert clock.sleeps == [] and len(fault_server.received) == 1
    assert api.ratelimit_remaining == 0
    assert api.ratelimit_reset == pytest.approx(reset, abs=1e-3)
    assert api.ratelimit_limit == 300


def test_ratelimit_headers_update_the_public_state(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    reset = T0 + 250
    fault_server.on("GET", ACCOUNT, Reply(200, {"id": "1"}, {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "297", "X-RateLimit-Reset": iso(reset)}))
    clock = FakeClock()
    api = with_clock(fault_api(ratelimit_method="throw"), clock)
    clock.now += 3
    api.account(1)
    assert (api.ratelimit_limit, api.ratelimit_remaining) == (300, 297)
    assert api.ratelimit_reset == pytest.approx(reset, abs=1e-3)
    assert api.ratelimit_lastcall == clock.now


@pytest.mark.parametrize(
    "headers",
    [
        {"X-RateLimit-Remaining": "many"},
        {"X-RateLimit-Remaining": "5", "X-RateLimit-Limit": "x"},
        {"X-RateLimit-Remaining": "5", "X-RateLimit-Reset": "whenever"},
        {"X-RateLimit-Remaining": "5", "X-RateLimit-Reset": "1e400"},
        {"X-RateLimit-Remaining": "5", "X-RateLimit-Reset": "nan"},
        {"X-RateLimit-Remaining": "5", "X-RateLimit-Reset": str(int(T0)), "Date": "yesterday-ish"},
    ],
)
def test_odd_ratelimit_headers_never_break_a_successful_call(
    fault_server: FaultServer, fault_api: Callable[..., Mastodon], headers: dict[str, str]
) -> None:
    fault_server.on("GET", ACCOUNT, Reply(200, {"id": "1", "acct": "alice"}, headers))
    clock = FakeClock()
    for method in ("throw", "wait", "pace"):
        api = with_clock(fault_api(ratelimit_method=method), clock)
        assert api.account(1)["acct"] == "alice"
        assert api.account(1)["acct"] == "alice"
        reset = api.ratelimit_reset
        assert isinstance(reset, float) and reset == reset and abs(reset) != float("inf")


def test_pace_mode_spaces_calls_evenly(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    clock = FakeClock()

    def answer(request: Received) -> Reply:
        return Reply(200, {"id": "1"}, {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "10", "X-RateLimit-Reset": str(int(T0 + 1000))})

    fault_server.on("GET", ACCOUNT, answer)
    api = with_clock(fault_api(ratelimit_method="pace", ratelimit_pacefactor=2.0), clock)
    api.account(1)  # the first call learns the limits and is not delayed
    assert clock.sleeps == []
    api.account(1)
    # 1000 s left for 10 calls: one every 100 s, at pace factor 2 one every 50 s.
    assert clock.sleeps == [pytest.approx(50, abs=1e-6)]
    clock.now += 20  # time the caller spent elsewhere counts towards the spacing
    expected = ((T0 + 1000 - clock.now) / 10 - 20) / 2
    api.account(1)
    assert clock.sleeps[-1] == pytest.approx(expected, abs=1e-6)


def test_pace_mode_never_exceeds_a_limit_the_server_enforces(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    """A server allowing 10 calls per 100 s window (on the injected clock) never has to say 429."""
    clock = FakeClock()
    limit, window = 10, 100.0
    state = {"window": T0, "used": 0, "refused": 0}

    def answer(request: Received) -> Reply:
        while clock.now >= state["window"] + window:
            state["window"] += window
            state["used"] = 0
        state["used"] += 1
        reset = str(int(state["window"] + window))
        remaining = limit - state["used"]
        headers = {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(max(remaining, 0)), "X-RateLimit-Reset": reset}
        if remaining < 0:
            state["refused"] += 1
            return Reply(429, {"error": "Too many requests"}, headers)
        return Reply(200, {"id": "1"}, headers)

    fault_server.on("GET", ACCOUNT, answer)
    api = with_clock(fault_api(ratelimit_method="pace"), clock)
    for _ in range(35):
        api.account(1)
    assert state["refused"] == 0
    assert len(fault_server.received) == 35
    assert clock.now - T0 >= 3 * window  # 35 calls at 10 per window span at least three resets
    assert clock.now - T0 <= 4 * window  # ... and pacing did not waste whole windows
    assert all(s <= window for s in clock.sleeps)


def test_pace_mode_waits_like_wait_mode_when_limited(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    fault_server.on("GET", ACCOUNT, limited(str(int(T0 + 60))), OK)
    clock = FakeClock()
    api = with_clock(fault_api(ratelimit_method="pace"), clock)
    assert api.account(1)["acct"] == "alice"
    assert sum(clock.sleeps) == pytest.approx(60, abs=1e-3)
    assert len(fault_server.received) == 2


def test_ratelimit_is_not_applied_to_calls_that_skip_it(fault_server: FaultServer) -> None:
    # create_app does not take part in rate-limit bookkeeping: a 429 there is raised, not waited out.
    fault_server.on("POST", "/api/v1/apps", limited(str(int(time.time()) + 3600)))
    with pytest.raises(MastodonRatelimitError):
        Mastodon.create_app("app", api_base_url=fault_server.url, request_timeout=5)
    assert len(fault_server.received) == 1


def test_request_body_and_answer_belong_together(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    def echo(request: Received) -> Reply:
        if "json" in (request.header("Content-Type") or ""):
            status = json.loads(request.body)["status"]
        else:
            status = dict(parse_qsl(request.body.decode()))["status"]
        return Reply(200, {"id": "7", "content": status})

    fault_server.on("POST", "/api/v1/statuses", echo)
    result = fault_api().status_post("hello, loopback")
    assert "hello, loopback" in result["content"]
    assert result["id"] == 7
