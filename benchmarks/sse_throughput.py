"""Server-sent events throughput: ``update`` events with ~4 KB statuses, delivered to a listener.

``python benchmarks/sse_throughput.py [--events N] [--rounds R] [--target EPS] [--profile] [--check]``

A loopback SSE server (a subprocess, so it does not compete for the client's GIL)
sends N ``update`` events over a chunked ``text/event-stream`` response and then ends
it; the client streams them with ``Mastodon.stream_user`` into a counting
``StreamListener``. Prints events/s per round and the median; ``--check`` exits 1 when
the median is below the target (10,000 events/s by default).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET = 10_000
#: Library CPU per event over the floor's (requests + a minimal SSE parser + json.loads).
RATIO_TARGET = 1.3
TOKEN = "bench-token"


def make_status(i: int) -> dict[str, Any]:
    """A realistic status of about 4 KB (account, media, mention, tag, emoji)."""
    status_id = str(110_000_000_000_000_000 + i)
    account = {
        "id": str(109_384_756_120_938_475 + i % 97), "username": f"user{i % 97}", "acct": f"user{i % 97}",
        "display_name": "Example Person :blobcat:", "locked": False, "bot": False, "discoverable": True,
        "group": False, "created_at": "2022-11-20T00:00:00.000Z",
        "note": "<p>Writing about Python, the fediverse and long walks. " + "Lorem ipsum dolor sit amet. " * 6 + "</p>",
        "url": f"https://example.social/@user{i % 97}", "uri": f"https://example.social/users/user{i % 97}",
        "avatar": "https://files.example.social/accounts/avatars/109/384/756/120/938/475/original/abcdef0123456789.png",
        "avatar_static": "https://files.example.social/accounts/avatars/109/384/756/120/938/475/original/abcdef0123456789.png",
        "header": "https://files.example.social/accounts/headers/109/384/756/120/938/475/original/0123456789abcdef.jpg",
        "header_static": "https://files.example.social/accounts/headers/109/384/756/120/938/475/original/0123456789abcdef.jpg",
        "followers_count": 1234, "following_count": 321, "statuses_count": 5678, "last_status_at": "2024-05-01",
        "emojis": [{"shortcode": "blobcat", "url": "https://files.example.social/custom_emojis/images/000/000/001/original/blobcat.png",
                    "static_url": "https://files.example.social/custom_emojis/images/000/000/001/static/blobcat.png",
                    "visible_in_picker": True}],
        "fields": [{"name": "Website", "value": '<a href="https://person.example">person.example</a>',
                    "verified_at": "2023-01-01T00:00:00.000Z"}, {"name": "Pronouns", "value": "they/them", "verified_at": None}],
    }
    return {
        "id": status_id, "created_at": "2024-05-01T12:34:56.789Z", "in_reply_to_id": None, "in_reply_to_account_id": None,
        "sensitive": False, "spoiler_text": "", "visibility": "public", "language": "en",
        "uri": f"https://example.social/users/user{i % 97}/statuses/{status_id}",
        "url": f"https://example.social/@user{i % 97}/{status_id}", "replies_count": 3, "reblogs_count": 5,
        "favourites_count": 8, "edited_at": None, "favourited": False, "reblogged": False, "muted": False, "bookmarked": False,
        "content": "<p>" + f"Status number {i} in the throughput run, with some ordinary text in it. " * 16
        + '<a href="https://example.social/tags/python" class="mention hashtag" rel="tag">#<span>python</span></a></p>',
        "filtered": [], "reblog": None, "application": {"name": "Web", "website": None}, "account": account,
        "media_attachments": [{
            "id": str(110_000_000_000_500_000 + i), "type": "image",
            "url": "https://files.example.social/media_attachments/files/110/000/000/000/000/001/original/a.png",
            "preview_url": "https://files.example.social/media_attachments/files/110/000/000/000/000/001/small/a.png",
            "remote_url": None, "description": "A test image", "blurhash": "UFGuv%~q-;of~qofxuof-;ofWBof~qofWBof",
            "meta": {"original": {"width": 640, "height": 480, "size": "640x480", "aspect": 1.3333},
                     "small": {"width": 400, "height": 300, "size": "400x300", "aspect": 1.3333}},
        }],
        "mentions": [{"id": "109384756120938476", "username": "bob", "url": "https://example.social/@bob", "acct": "bob"}],
        "tags": [{"name": "python", "url": "https://example.social/tags/python"}], "emojis": [], "card": None, "poll": None,
    }


def event_stream(count: int) -> tuple[bytes, float]:
    """The SSE body (with a heartbeat every 100 events) and the mean status size in bytes."""
    statuses = [json.dumps(make_status(i), separators=(",", ":")).encode() for i in range(count)]
    parts = [b":)\n"]
    for i, status in enumerate(statuses):
        if i % 100 == 0:
            parts.append(b":thump\n")
        parts.append(b"event: update\ndata: " + status + b"\n\n")
    return b"".join(parts), sum(map(len, statuses)) / len(statuses)


# -- server (subprocess) ----------------------------------------------------------------------


def serve(count: int) -> None:
    """Answer /api/v1/instance and /api/v1/streaming/user until standard input closes."""
    import threading

    body, _ = event_stream(count)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    instance = json.dumps({"uri": "127.0.0.1", "version": "4.2.0", "urls": {"streaming_api": f"ws://127.0.0.1:{port}"}}).encode()

    def handle(conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                piece = conn.recv(65536)
                if not piece:
                    return
                data += piece
            path = data.split(b" ", 2)[1].split(b"?")[0]
            if path == b"/api/v1/instance":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                             b"Connection: close\r\n\r\n%s" % (len(instance), instance))
                return
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
            view = memoryview(body)
            step = 1 << 16
            for start in range(0, len(view), step):
                block = view[start : start + step]
                conn.sendall(b"%x\r\n" % len(block) + block + b"\r\n")
            conn.sendall(b"0\r\n\r\n")

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    print(port, flush=True)
    sys.stdin.read()
    listener.close()


# -- client -----------------------------------------------------------------------------------


def run_round(url: str) -> tuple[int, float, float]:
    """Stream until the server ends; returns (events delivered, seconds until the stream ended, CPU seconds)."""
    from mastodon import Mastodon, MastodonNetworkError, StreamListener

    class Counter(StreamListener):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.last = 0.0

        def on_update(self, status: Any) -> None:
            self.count += 1
            if self.count % 256 == 0:
                self.last = time.perf_counter()

    api = Mastodon(access_token=TOKEN, api_base_url=url, mastodon_version="4.2.0", user_agent="sse-bench")
    api._streaming_base()  # discovery is not what is measured
    listener = Counter()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        api.stream_user(listener)
    except MastodonNetworkError:
        pass  # the server ended the stream
    ended = time.perf_counter()
    return listener.count, ended - started, time.process_time() - cpu


def floor_round(url: str) -> tuple[int, float, float]:
    """The floor: ``requests`` streaming, a minimal SSE line parser and ``json.loads`` per event.

    Returns (events, seconds, CPU seconds), measured like :func:`run_round`.
    """
    import requests

    session = requests.Session()
    count = 0
    started, cpu = time.perf_counter(), time.process_time()
    with session.get(url + "/api/v1/streaming/user", headers={"Authorization": "Bearer " + TOKEN}, stream=True, timeout=300) as response:
        event = None
        # 64 KB reads (iter_lines' default of 512 bytes would make the floor needlessly slow).
        for line in response.iter_lines(chunk_size=1 << 16):
            if line.startswith(b"event: "):
                event = line[7:]
            elif line.startswith(b"data: ") and event == b"update":
                json.loads(line[6:])
                count += 1
    return count, time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--target", type=float, default=TARGET)
    parser.add_argument("--profile", action="store_true", help="profile one round with cProfile")
    parser.add_argument("--check", action="store_true", help="exit 1 when the median is below the target")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        serve(args.serve)
        return

    _, mean_size = event_stream(50)
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(args.events)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        print(f"{args.events} update events per round, statuses ~{mean_size / 1024:.1f} KB, server {url}")
        if args.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.enable()
            run_round(url)
            profile.disable()
            pstats.Stats(profile).sort_stats("tottime").print_stats(int(__import__("os").environ.get("PROFILE_LINES", "15")))
        # One round of each, not measured: the library's streaming modules are imported (and,
        # without bytecode caches, compiled) on first use, which is not per-event work.
        run_round(url)
        floor_round(url)
        rates, ratios = [], []
        for number in range(1, args.rounds + 1):
            # Library and floor alternate, so drifting machine load hits both.
            count, seconds, cpu = run_round(url)
            if count != args.events:
                raise SystemExit(f"round {number}: {count} of {args.events} events delivered")
            floor_count, floor_seconds, floor_cpu = floor_round(url)
            if floor_count != args.events:
                raise SystemExit(f"round {number}: the floor read {floor_count} of {args.events} events")
            rates.append(count / seconds)
            ratios.append(cpu / floor_cpu)
            print(f"round {number}: {count} events in {seconds:.3f} s = {count / seconds:,.0f} events/s; "
                  f"CPU {cpu * 1e6 / count:.1f} us/event, floor {floor_cpu * 1e6 / count:.1f} us/event "
                  f"({count / floor_seconds:,.0f} events/s): ratio {cpu / floor_cpu:.2f}x")
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(10)
    median = statistics.median(rates)
    verdict = "PASS" if median >= args.target else "FAIL"
    print(f"SSE throughput: {median:,.0f} events/s median, {max(rates):,.0f} best "
          f"({1e6 / median:.1f} us/event; target {args.target:,.0f}/s: {verdict})")
    print(f"SSE CPU ratio to the floor: {statistics.median(ratios):.2f}x median (target <= {RATIO_TARGET:.2f}x)")
    if args.check and median < args.target:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
