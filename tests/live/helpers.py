"""Shared helpers for the live tests: deterministic media, follows between the test users."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: A fixed P-256 public key and auth secret for push subscriptions, so the request replays.
PUSH_KEYS = {
    "pubkey": base64.b64decode("BA2HpcpSvZmqeUuQnjvjhELpQVxsd8EyFMhPTRWNQ+f2+UOVgBMiWWX186LzLuvzH7J/TBw3HwH1uIv2+ksJ8Zo="),
    "auth": bytes(range(16)),
}


def tiny_png(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small solid-colour PNG, the same bytes every time (so uploads replay)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    raw = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ids(items: Any) -> list[Any]:
    return [item["id"] for item in items or ()]


@contextmanager
def following(live: Any, follower: str, followee: str) -> Iterator[None]:
    """``follower`` follows ``followee`` ("alice"/"bob") for the duration, locked accounts included.

    A follow of a locked account becomes a request, which the followee authorizes. The
    follow is undone afterwards.
    """
    source, target = live.api(follower), live.api(followee)
    source_id, target_id = live.user(follower)["id"], live.user(followee)["id"]
    relationship = source.account_follow(target_id)
    if not relationship["following"]:
        if relationship.get("requested"):
            live.wait_until(lambda: source_id in ids(target.follow_requests()), what="the follow request")
            target.follow_request_authorize(source_id)
        live.wait_until(lambda: source.account_relationships(target_id)[0]["following"], what="the follow")
    try:
        yield
    finally:
        source.account_unfollow(target_id)


__all__ = ["PUSH_KEYS", "tiny_png", "ids", "following"]
