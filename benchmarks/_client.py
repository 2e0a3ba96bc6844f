"""One benchmark workload in a process of its own; prints its figures as JSON.

``python benchmarks/_client.py IMPL WORKLOAD URL [N]`` with IMPL ``library`` (whatever
``mastodon`` this interpreter imports: this project, or the original Mastodon.py) or
``floor`` (bare ``requests`` + ``json.loads``), and WORKLOAD ``timeline``, ``walk`` or ``sse``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

TOKEN = "bench-token"
PAGES = 50


def _median_pair(samples: list[tuple[float, float]]) -> dict[str, float]:
    """Mean CPU (garbage collection pauses included) and median wall time per call."""
    return {
        "cpu": statistics.fmean(c for c, _ in samples),
        "cpu_median": statistics.median(c for c, _ in samples),
        "wall": statistics.median(w for _, w in samples),
    }


def _timed(fn: Any, repeat: int) -> list[tuple[float, float]]:
    samples = []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        samples.append((time.process_time() - c0, time.perf_counter() - w0))
    return samples


def library(workload: str, url: str, n: int) -> dict[str, Any]:
    from mastodon import Mastodon, StreamListener

    api = Mastodon(access_token=TOKEN, api_base_url=url, mastodon_version="4.2.0")
    if workload == "timeline":
        for _ in range(20):
            api.timeline_home(limit=40)
        page = api.timeline_home(limit=40)
        assert len(page) == 40 and page[0].account.acct, "unexpected page"
        return _median_pair(_timed(lambda: api.timeline_home(limit=40), n))
    if workload == "walk":
        def walk() -> None:
            page = api.timeline_home(limit=40)
            count = 1
            while count < PAGES:
                page = api.fetch_next(page)
                count += 1
            assert page is not None and len(page) == 40
        walk()
        return _median_pair(_timed(walk, n))
    if workload == "sse":
        class Counter(StreamListener):  # type: ignore[misc]
            def __init__(self) -> None:
                self.count = 0

            def on_update(self, status: Any) -> None:
                self.count += 1

            def on_notification(self, notification: Any) -> None:
                self.count += 1

            def on_delete(self, status_id: Any) -> None:
                self.count += 1

        runs = []
        for _ in range(n):
            listener = Counter()
            c0, w0 = time.process_time(), time.perf_counter()
            try:
                api.stream_user(listener)
            except Exception as exc:
                if listener.count == 0:
                    raise
                _ = exc
            cpu, wall = time.process_time() - c0, time.perf_counter() - w0
            runs.append({"events": listener.count, "cpu": cpu, "wall": wall, "rate": listener.count / wall})
        best = statistics.median(r["rate"] for r in runs)
        return {"events": runs[0]["events"], "rate": best, "wall": statistics.median(r["wall"] for r in runs),
                "cpu": statistics.median(r["cpu"] for r in runs)}
    raise SystemExit(f"unknown workload {workload}")


def floor(workload: str, url: str, n: int) -> dict[str, Any]:
    import requests

    session = requests.Session()
    headers = {"Authorization": "Bearer " + TOKEN, "User-Agent": "bench"}

    def get(target: str, params: dict[str, Any] | None = None) -> requests.Response:
        response = session.get(target, params=params, headers=headers, timeout=300)
        response.raise_for_status()
        return response

    if workload == "timeline":
        def one() -> None:
            json.loads(get(url + "/api/v1/timelines/home", {"limit": 40}).content)
        for _ in range(20):
            one()
        return _median_pair(_timed(one, n))
    if workload == "walk":
        def walk() -> None:
            response = get(url + "/api/v1/timelines/home", {"limit": 40})
            data = json.loads(response.content)
            count = 1
            while count < PAGES:
                response = get(response.links["next"]["url"])
                data = json.loads(response.content)
                count += 1
            assert len(data) == 40
        walk()
        return _median_pair(_timed(walk, n))
    if workload == "sse":
        runs = []
        for _ in range(n):
            count = 0
            c0, w0 = time.process_time(), time.perf_counter()
            with session.get(url + "/api/v1/streaming/user", headers=headers, stream=True, timeout=300) as response:
                event = None
                for line in response.iter_lines():
                    if line.startswith(b"event: "):
                        event = line[7:]
                    elif line.startswith(b"data: "):
                        payload = line[6:]
                        if event == b"delete":
                            int(payload)
                        else:
                            json.loads(payload)
                        count += 1
            cpu, wall = time.process_time() - c0, time.perf_counter() - w0
            runs.append({"events": count, "cpu": cpu, "wall": wall, "rate": count / wall})
        return {"events": runs[0]["events"], "rate": statistics.median(r["rate"] for r in runs),
                "wall": statistics.median(r["wall"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs)}
    raise SystemExit(f"unknown workload {workload}")


def main() -> None:
    impl, workload, url = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    result = library(workload, url, n) if impl == "library" else floor(workload, url, n)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
