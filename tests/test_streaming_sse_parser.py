"""The incremental SSE parser: framing, fields, heartbeats and arbitrary chunk boundaries."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mastodon.errors import MastodonMalformedEventError
from mastodon.streaming.abort import StreamAbort
from mastodon.streaming.sse import SSEParser


class Collector:
    def __init__(self) -> None:
        self.items: list[tuple[str, bytes | None] | str] = []
        self.parser = SSEParser(self.event, self.heartbeat)

    def event(self, name: str, data: bytes | None) -> None:
        self.items.append((name, data))

    def heartbeat(self) -> None:
        self.items.append("heartbeat")

    def feed_all(self, *chunks: bytes) -> list[tuple[str, bytes | None] | str]:
        for chunk in chunks:
            self.parser.feed(chunk)
        return self.items


STREAM = (
    b":)\n"
    b"event: update\ndata: {\"id\": \"1\"}\n\n"
    b":thump\n"
    b"event: delete\ndata: 12345\n\n"
    b"event: notification\r\ndata: {\"id\": \"2\",\r\ndata: \"type\": \"mention\"}\r\n\r\n"
    b"event: filters_changed\n\n"
    b"id: 7\nretry: 1000\nevent:status.update\ndata:{}\n\n"
    b"data: {\"no\": \"name\"}\n\n"
)
EXPECTED = [
    "heartbeat",
    ("update", b'{"id": "1"}'),
    "heartbeat",
    ("delete", b"12345"),
    ("notification", b'{"id": "2",\n"type": "mention"}'),
    ("filters_changed", None),
    ("status.update", b"{}"),
    ("message", b'{"no": "name"}'),
]


def test_whole_stream_in_one_chunk() -> None:
    assert Collector().feed_all(STREAM) == EXPECTED


def test_byte_by_byte() -> None:
    collector = Collector()
    for i in range(len(STREAM)):
        collector.parser.feed(STREAM[i : i + 1])
    assert collector.items == EXPECTED


@pytest.mark.parametrize("cut", range(1, len(STREAM)))
def test_every_two_piece_split(cut: int) -> None:
    assert Collector().feed_all(STREAM[:cut], STREAM[cut:]) == EXPECTED


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(STREAM)), max_size=12))
def test_random_chunk_boundaries(cuts: list[int]) -> None:
    points = [0, *sorted(cuts), len(STREAM)]
    pieces = [STREAM[a:b] for a, b in pairwise(points)]
    assert Collector().feed_all(*pieces) == EXPECTED


def test_multi_line_data_is_joined_with_newlines() -> None:
    items = Collector().feed_all(b"event: update\ndata: {\ndata: \"a\": 1\ndata:\ndata: }\n\n")
    assert items == [("update", b'{\n"a": 1\n\n}')]


def test_only_one_space_after_the_colon_is_removed() -> None:
    assert Collector().feed_all(b"event: x\ndata:  two\n\n") == [("x", b" two")]


def test_data_field_without_colon_is_an_empty_line() -> None:
    assert Collector().feed_all(b"event: x\ndata: a\ndata\n\n") == [("x", b"a\n")]


def test_unknown_fields_are_ignored() -> None:
    assert Collector().feed_all(b"foo: bar\nevent: x\nweird\ndata: 1\n\n") == [("x", b"1")]


def test_partial_event_is_kept_until_its_blank_line() -> None:
    collector = Collector()
    collector.feed_all(b"event: update\ndata: {}\n")
    assert collector.items == []
    assert collector.parser.has_partial
    collector.parser.feed(b"\n")
    assert collector.items == [("update", b"{}")]
    assert not collector.parser.has_partial


def test_reset_drops_the_partial_event() -> None:
    collector = Collector()
    collector.feed_all(b"event: update\ndata: {\"id\": 1")
    collector.parser.reset()
    collector.parser.feed(b"event: delete\ndata: 5\n\n")
    assert collector.items == [("delete", b"5")]


def test_blank_lines_alone_dispatch_nothing() -> None:
    assert Collector().feed_all(b"\n\n\r\n\n") == []


def test_large_event_split_in_many_pieces() -> None:
    payload = b"x" * 300_000
    stream = b"event: update\ndata: " + payload + b"\n\n"
    collector = Collector()
    for i in range(0, len(stream), 1000):
        collector.parser.feed(stream[i : i + 1000])
    assert collector.items == [("update", payload)]


def test_invalid_utf8_event_name_is_malformed() -> None:
    with pytest.raises(StreamAbort) as caught:
        Collector().feed_all(b"event: \xff\xfe\ndata: 1\n\n")
    assert isinstance(caught.value.error, MastodonMalformedEventError)


def test_exception_in_a_callback_does_not_replay_the_event() -> None:
    seen: list[str] = []

    def on_event(name: str, data: bytes | None) -> None:
        seen.append(name)
        if name == "boom":
            raise RuntimeError("listener failed")

    parser = SSEParser(on_event, lambda: None)
    with pytest.raises(RuntimeError):
        parser.feed(b"event: boom\ndata: 1\n\n")
    parser.feed(b"event: next\ndata: 2\n\n")
    assert seen == ["boom", "next"]
