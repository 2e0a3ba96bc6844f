"""Rate limiting: header bookkeeping and the "throw", "wait" and "pace" policies (fake clock)."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime as http_date

import pytest
from support.mock_http import documented

from mastodon import MastodonIllegalArgumentError, MastodonRatelimitError
from mastodon.transport import MAX_RATELIMIT_RETRIES, MAX_RATELIMIT_SLEEP

NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z


class FakeTime:
    def __init__(self, now: float = NOW) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def limited(remaining, reset, limit=300, **extra):
    return {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(remaining), "X-RateLimit-Reset": str(reset), **extra}


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def client(make_api, fake_time):
    def build(method="wait", **kwargs):
        api = make_api(ratelimit_method=method, **kwargs)
        api._transport.clock = fake_time.clock
        api._transport.sleep = fake_time.sleep
        # A fresh client's state, as if it had been created at the fake time.
        api.ratelimit_reset = api.ratelimit_lastcall = fake_time.now
        return api

    return build


# -- bookkeeping ---------------------------------------------------------------------------


def test_headers_update_the_client(client, mock_http, fake_time):
    api = client()
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(299, "2023-11-14T22:18:20.000Z"))
    api.instance_v1()
    assert api.ratelimit_limit == 300
    assert api.ratelimit_remaining == 299
    assert api.ratelimit_reset == NOW + 300
    assert api.ratelimit_lastcall == NOW
    assert fake_time.sleeps == []


def test_reset_as_unix_timestamp(client, mock_http, fake_time):
    api = client()
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(17, int(NOW) + 120, limit=100))
    fake_time.now = NOW + 5
    api.instance_v1()
    assert (api.ratelimit_limit, api.ratelimit_remaining, api.ratelimit_reset) == (100, 17, NOW + 120)
    assert api.ratelimit_lastcall == NOW + 5


def test_reset_is_corrected_by_the_server_clock(client, mock_http, fake_time):
    api = client()
    server_now = datetime.fromtimestamp(NOW - 100, timezone.utc)  # the server's clock is 100 s behind ours
    headers = limited(10, "2023-11-14T22:14:00.000Z", Date=http_date(server_now, usegmt=True))
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=headers)
    api.instance_v1()
    # The server resets 140 s after its "now", i.e. 140 s after our NOW.
    assert api.ratelimit_reset == pytest.approx(NOW + 140)


def test_missing_or_odd_headers_leave_the_state_alone(client, mock_http, fake_time):
    api = client()
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(42, int(NOW) + 60))
    api.instance_v1()
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    api.instance_v1()
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers={"X-RateLimit-Remaining": "lots"})
    api.instance_v1()
    assert (api.ratelimit_remaining, api.ratelimit_reset) == (42, NOW + 60)


def test_invalid_ratelimit_method(make_api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        make_api(ratelimit_method="ignore")
    assert mock_http.sent == []


def test_default_method_is_wait(make_api):
    assert make_api().ratelimit_method == "wait"


# -- throw ---------------------------------------------------------------------------------


def test_throw_raises_on_429(client, mock_http, fake_time):
    api = client("throw")
    mock_http.add("GET", "/api/v1/timelines/home", {"error": "Too many requests"}, status=429, headers=limited(0, int(NOW) + 30))
    with pytest.raises(MastodonRatelimitError, match="Too many requests"):
        api.timeline_home()
    assert len(mock_http.sent) == 1
    assert fake_time.sleeps == []
    assert api.ratelimit_remaining == 0


def test_throw_does_not_pace(client, mock_http, fake_time):
    api = client("throw")
    mock_http.add("GET", "/api/v1/timelines/home", [], headers=limited(1, int(NOW) + 300))
    for _ in range(3):
        api.timeline_home()
    assert fake_time.sleeps == []


# -- wait ----------------------------------------------------------------------------------


def sequence(*answers):
    queue = list(answers)

    def handler(sent):
        return queue.pop(0)

    return handler


def test_wait_sleeps_until_reset_and_retries(client, mock_http, fake_time):
    api = client("wait")
    mock_http.handle(
        "GET",
        "/api/v1/timelines/home",
        sequence(
            (429, {"error": "Too many requests"}, limited(0, int(NOW) + 30)),
            (200, [documented("Status")], limited(299, int(NOW) + 330)),
        ),
    )
    timeline = api.timeline_home()
    assert timeline[0].id == 103270115826048975
    assert fake_time.sleeps == [30]
    assert len(mock_http.sent) == 2
    assert mock_http.sent[0].url == mock_http.sent[1].url
    assert api.ratelimit_remaining == 299


def test_wait_retries_a_post_with_the_same_body(client, mock_http, fake_time):
    api = client("wait")
    mock_http.handle(
        "POST",
        "/api/v1/statuses",
        sequence((429, {"error": "Too many requests"}, limited(0, int(NOW) + 5)), (200, documented("Status"), {})),
    )
    api.status_post("retry me")
    assert [s.form for s in mock_http.sent] == [[("status", "retry me")]] * 2
    assert fake_time.sleeps == [5]


def test_wait_never_sleeps_longer_than_the_cap(client, mock_http, fake_time):
    api = client("wait")
    mock_http.handle(
        "GET",
        "/api/v1/instance",
        sequence((429, {}, limited(0, int(NOW) + 3600)), (200, documented("Instance"), {})),
    )
    api.instance_v1()
    assert fake_time.sleeps == [MAX_RATELIMIT_SLEEP]


def test_wait_with_a_past_reset_backs_off_before_retrying(client, mock_http, fake_time):
    api = client("wait")
    mock_http.handle(
        "GET", "/api/v1/instance",
        sequence((429, {}, limited(0, int(NOW) - 10)), (429, {}, limited(0, int(NOW) - 10)), (200, documented("Instance"), {})),
    )
    api.instance_v1()
    assert fake_time.sleeps == [1.0, 2.0]
    assert len(mock_http.sent) == 3


def test_wait_honours_retry_after_when_no_reset_is_announced(client, mock_http, fake_time):
    api = client("wait")
    mock_http.handle("GET", "/api/v1/instance", sequence((429, {}, {"Retry-After": "7"}), (200, documented("Instance"), {})))
    api.instance_v1()
    assert fake_time.sleeps == [7.0]
    assert len(mock_http.sent) == 2


def test_wait_gives_up_eventually(client, mock_http, fake_time):
    api = client("wait")
    mock_http.handle("GET", "/api/v1/instance", lambda sent: (429, {"error": "Too many requests"}, limited(0, int(fake_time.now) + 60)))
    with pytest.raises(MastodonRatelimitError):
        api.instance_v1()
    assert len(mock_http.sent) == MAX_RATELIMIT_RETRIES + 1
    assert fake_time.sleeps == [60] * MAX_RATELIMIT_RETRIES


def test_wait_does_not_sleep_between_ordinary_calls(client, mock_http, fake_time):
    api = client("wait")
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(1, int(NOW) + 300))
    api.instance_v1()
    api.instance_v1()
    assert fake_time.sleeps == []


# -- pace ----------------------------------------------------------------------------------


def test_pace_spaces_calls_over_the_window(client, mock_http, fake_time):
    api = client("pace")
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(100, int(NOW) + 300))
    api.instance_v1()
    assert fake_time.sleeps == []
    # 100 calls left for 300 s: one call every 3 s, stretched by the pace factor 1.1.
    api.instance_v1()
    assert fake_time.sleeps == [pytest.approx(3 / 1.1)]


def test_pace_does_not_sleep_when_calls_are_already_spaced(client, mock_http, fake_time):
    api = client("pace")
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(100, int(NOW) + 300))
    api.instance_v1()
    fake_time.now += 3
    api.instance_v1()
    assert fake_time.sleeps == []


def test_pace_factor(client, mock_http, fake_time):
    api = client("pace", ratelimit_pacefactor=2.0)
    assert api.ratelimit_pacefactor == 2.0
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(10, int(NOW) + 100))
    api.instance_v1()
    fake_time.now += 4
    api.instance_v1()
    # 96 s left for 10 calls is 9.6 s per call; 4 s already waited: (9.6 - 4) / 2.
    assert fake_time.sleeps == [pytest.approx(2.8)]


def test_pace_factor_set_on_the_client_applies(client, mock_http, fake_time):
    api = client("pace")
    api.ratelimit_pacefactor = 2.0
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(10, int(NOW) + 100))
    api.instance_v1()
    fake_time.now += 4
    api.instance_v1()
    assert fake_time.sleeps == [pytest.approx(2.8)]


def test_pace_waits_for_the_reset_when_nothing_is_left(client, mock_http, fake_time):
    api = client("pace")
    mock_http.add("GET", "/api/v1/instance", documented("Instance"), headers=limited(0, int(NOW) + 45))
    api.instance_v1()
    api.instance_v1()
    assert fake_time.sleeps == [45]


def test_pace_behaves_like_wait_on_429(client, mock_http, fake_time):
    api = client("pace")
    mock_http.handle(
        "GET",
        "/api/v1/instance",
        sequence((429, {}, limited(0, int(NOW) + 20)), (200, documented("Instance"), limited(299, int(NOW) + 320))),
    )
    assert api.instance_v1().uri == "mastodon.social"
    assert fake_time.sleeps == [20]
