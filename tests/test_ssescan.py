"""The C event-stream scanner (``mastodon._ssescan``) against the Python parser it replaces.

Both must deliver the same events, heartbeats and errors, in the same order, whatever the
bytes and however they are split into chunks: the Python parser defines the rules.
``MASTODON_REQUIRE_SPEEDUPS=1`` (set by the project's test script) fails instead of
skipping when the extension was not built.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import FUZZ

from mastodon.errors import MastodonMalformedEventError
from mastodon.streaming.abort import StreamAbort
from mastodon.streaming.sse import ScannedSSEParser, SSEParser

try:
    from mastodon import _ssescan  # noqa: F401
except ImportError:  # pragma: no cover - depends on the build
    if os.environ.get("MASTODON_REQUIRE_SPEEDUPS"):
        raise
    pytest.skip("mastodon._ssescan is not built", allow_module_level=True)


def run(parser_factory: Any, chunks: list[bytes], max_size: int) -> list[Any]:
    """What a parser delivers for ``chunks``: events, heartbeats, errors (then it goes on)."""
    seen: list[Any] = []
    parser = parser_factory(lambda name, data: seen.append((name, data)), lambda: seen.append("heartbeat"), max_size)
    for chunk in chunks:
        try:
            parser.feed(chunk)
        except StreamAbort as exc:
            assert isinstance(exc.error, MastodonMalformedEventError)
            seen.append(("error", str(exc.error)))
        seen.append(("partial", parser.has_partial))
    parser.reset()
    seen.append(("after reset", parser.has_partial))
    return seen


LINES = st.sampled_from(
    [
        b"event: update", b"event:update", b"event", b"event: ", b"data: {\"id\": \"1\"}", b"data:{}", b"data",
        b"data: ", b"data:  two spaces", b":thump", b":", b"", b"id: 5", b"retry: 100", b"unknown: x", b"nocolon",
        b"event: status.update", b"data: \xff\xfe bad utf-8", b"event: \xff", b"data: x" * 20,
    ]
)


@st.composite
def streams(draw: Any) -> tuple[list[bytes], int]:
    lines = draw(st.lists(st.one_of(LINES, st.binary(max_size=30)), max_size=40))
    endings = draw(st.lists(st.sampled_from([b"\n", b"\r\n"]), min_size=len(lines), max_size=len(lines)))
    body = b"".join(line + end for line, end in zip(lines, endings)) + draw(st.binary(max_size=10))
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=8)))
    chunks = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)])]
    return chunks, draw(st.sampled_from([16, 64, 1 << 20]))


@FUZZ
@given(streams())
def test_the_c_scanner_delivers_what_the_python_parser_does(case: tuple[list[bytes], int]) -> None:
    chunks, max_size = case
    assert run(ScannedSSEParser, chunks, max_size) == run(SSEParser.python, chunks, max_size)


def test_sse_parser_is_the_c_one_when_built() -> None:
    if os.environ.get("MASTODON_NO_SPEEDUPS"):
        pytest.skip("the pure-Python parser is forced")
    assert type(SSEParser(lambda name, data: None, lambda: None)) is ScannedSSEParser


@pytest.mark.parametrize(
    "chunks",
    [
        [b"event: update\r\ndata: a\r\ndata: b\r\n\r\n:hb\n"],
        [b"data: " + b"x" * 100 + b"\n\n"],
        [b"x" * 40, b"y" * 40, b"\n"],
        [b"data: 1\ndata: 2\ndata: 3\ndata: 4\n\n"],
        [b"event: a\n", b"\n", b"data", b": tail\n\n"],
    ],
)
def test_examples_agree(chunks: list[bytes]) -> None:
    assert run(ScannedSSEParser, chunks, 64) == run(SSEParser.python, chunks, 64)


def test_a_failing_callback_drops_the_rest_of_the_chunk_in_both() -> None:
    def deliver(factory: Any) -> list[Any]:
        seen: list[Any] = []

        def on_event(name: str, data: bytes | None) -> None:
            if name == "boom":
                raise ValueError(name)
            seen.append((name, data))

        parser = factory(on_event, lambda: seen.append("heartbeat"), 1 << 20)
        with pytest.raises(ValueError):
            parser.feed(b"event: boom\ndata: 1\n\nevent: lost\ndata: 2\n\nevent: half")
        seen.append(parser.has_partial)
        parser.feed(b"way\ndata: 3\n\n:hb\n")
        return seen

    python = deliver(SSEParser.python)
    assert python == [True, ("halfway", b"3"), "heartbeat"]
    assert deliver(ScannedSSEParser) == python
