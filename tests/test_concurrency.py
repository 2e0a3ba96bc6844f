"""One client in "throw" mode shared by many threads, against a real loopback server.

Every response must reach the thread that made its request, errors must be raised in the
thread whose request failed, and the rate-limit attributes must always describe one and
the same server answer (never the remaining count of one response with the reset time of
another).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from support.fault_server import FaultServer, Received, Reply

from mastodon import Mastodon, MastodonNotFoundError, MastodonRatelimitError

T0 = 1_700_000_000
OFFSET = 1000  # every answer has limit == remaining + OFFSET and reset == T0 + remaining
THREADS = 12
CALLS = 30


@pytest.fixture(autouse=True)
def fast_switching() -> Iterator[None]:
    """Switch threads as often as possible so that unsafe interleavings actually happen."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def coherent(api: Mastodon) -> bool:
    with api._transport._lock:
        limit, remaining, reset = api.ratelimit_limit, api.ratelimit_remaining, api.ratelimit_reset
    return limit == remaining + OFFSET and reset == T0 + remaining


@pytest.fixture
def echo_server(fault_server: FaultServer) -> FaultServer:
    counter = iter(range(1, 1_000_000))
    lock = threading.Lock()

    def answer(request: Received) -> Reply:
        with lock:
            n = next(counter)
        account_id = request.path.rsplit("/", 1)[1]
        headers = {"X-RateLimit-Limit": str(n + OFFSET), "X-RateLimit-Remaining": str(n), "X-RateLimit-Reset": str(T0 + n)}
        if account_id.endswith("7"):
            return Reply(429, {"error": f"slow down, {account_id}"}, headers)
        if account_id.endswith("3"):
            return Reply(404, {"error": f"no account {account_id}"}, headers)
        return Reply(200, {"id": account_id, "acct": f"user{account_id}", "note": "x" * (int(account_id) % 500)}, headers)

    for i in range(THREADS * CALLS + 1):
        fault_server.on("GET", f"/api/v1/accounts/{i}", answer)
    return fault_server


def test_throw_mode_is_safe_to_share_between_threads(echo_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    api = fault_api(ratelimit_method="throw")
    start = threading.Barrier(THREADS)
    incoherent: list[tuple[Any, ...]] = []

    def worker(index: int) -> list[str]:
        problems: list[str] = []
        start.wait()
        for k in range(CALLS):
            account_id = index * CALLS + k
            try:
                result = api.account(account_id)
            except MastodonRatelimitError as exc:
                if not str(account_id).endswith("7") or str(account_id) not in str(exc):
                    problems.append(f"{account_id}: unexpected rate limit error {exc}")
            except MastodonNotFoundError as exc:
                if not str(account_id).endswith("3") or str(account_id) not in str(exc):
                    problems.append(f"{account_id}: unexpected not-found error {exc}")
            else:
                if str(account_id)[-1] in "37":
                    problems.append(f"{account_id}: succeeded but should have failed")
                elif result["id"] != account_id or result["acct"] != f"user{account_id}" or len(result["note"]) != account_id % 500:
                    problems.append(f"{account_id}: got someone else's answer {dict(result)}")
            if not coherent(api):
                incoherent.append((api.ratelimit_limit, api.ratelimit_remaining, api.ratelimit_reset))
        return problems

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))
    assert [p for problems in results for p in problems] == []
    assert incoherent == []
    assert coherent(api)
    assert len(echo_server.received) == THREADS * CALLS  # throw mode never retries
    # Every answer was seen; the state is the one of an answer the server really gave.
    assert 1 <= api.ratelimit_remaining <= THREADS * CALLS


def test_each_thread_sees_its_own_request_parameters(fault_server: FaultServer, fault_api: Callable[..., Mastodon]) -> None:
    def echo(request: Received) -> Reply:
        return Reply(200, [{"id": request.params["max_id"], "limit": request.params["limit"]}])

    fault_server.on("GET", "/api/v1/timelines/home", echo)
    api = fault_api(ratelimit_method="throw")

    def call(n: int) -> bool:
        page = api.timeline_home(max_id=n, limit=1 + n % 40)
        return bool(page[0]["id"] == n and page[0]["limit"] == str(1 + n % 40))

    with ThreadPoolExecutor(THREADS) as pool:
        assert all(pool.map(call, range(200)))
