"""The benchmark's loopback server: Mastodon-like timeline pages with ``Link`` pagination and an SSE stream.

Run as ``python benchmarks/_server.py [--events N]``; prints the port it listens on, then
serves until its standard input closes (the benchmark runner owns it).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import make_pages, sse_events

PAGES = 50


class State:
    pages: list[bytes] = []
    first_ids: dict[str, int] = {}  # max_id that selects page i -> i
    last_ids: list[str] = []
    first_of_page: list[str] = []
    sse: bytes = b""
    instance: bytes = b""


def build(events: int, port: int) -> None:
    pages = make_pages(PAGES)
    State.pages = [json.dumps(page, separators=(",", ":")).encode() for page in pages]
    State.last_ids = [page[-1]["id"] for page in pages]
    State.first_of_page = [page[0]["id"] for page in pages]
    State.first_ids = {page[-1]["id"]: i + 1 for i, page in enumerate(pages)}
    State.sse = sse_events(events)
    State.instance = json.dumps(
        {
            "uri": "bench.example",
            "title": "Benchmark",
            "version": "4.2.0",
            "urls": {"streaming_api": f"http://127.0.0.1:{port}"},
        }
    ).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass

    def _send(self, body: bytes, content_type: str = "application/json; charset=utf-8", link: str | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-RateLimit-Limit", "300")
        self.send_header("X-RateLimit-Remaining", "299")
        self.send_header("X-RateLimit-Reset", "2030-01-01T00:00:00.000Z")
        if link:
            self.send_header("Link", link)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        path, query = split.path, parse_qs(split.query)
        host = f"http://{self.headers.get('Host', '127.0.0.1')}"
        if path == "/api/v1/timelines/home":
            index = State.first_ids.get(query.get("max_id", [""])[0], 0) if "max_id" in query else 0
            if index >= PAGES:
                self._send(b"[]")
                return
            links = []
            if index + 1 < PAGES:
                links.append(f'<{host}/api/v1/timelines/home?limit=40&max_id={State.last_ids[index]}>; rel="next"')
            links.append(f'<{host}/api/v1/timelines/home?limit=40&min_id={State.first_of_page[index]}>; rel="prev"')
            self._send(State.pages[index], link=", ".join(links))
        elif path in ("/api/v1/instance", "/api/v2/instance"):
            self._send(State.instance)
        elif path == "/api/v1/streaming/health":
            self._send(b"OK", "text/plain")
        elif path == "/api/v1/streaming/user":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            view = memoryview(State.sse)
            for start in range(0, len(view), 1 << 16):
                self.wfile.write(view[start : start + (1 << 16)])
            self.wfile.flush()
            self.close_connection = True
        else:
            body = b'{"error":"Record not found"}'
            self.send_response(404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20000)
    args = parser.parse_args()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    build(args.events, httpd.server_address[1])
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(httpd.server_address[1], flush=True)
    sys.stdin.read()  # until the runner closes our standard input
    httpd.shutdown()


if __name__ == "__main__":
    main()
