"""Realistic Mastodon API payloads for the benchmark (deterministic, about 4-5 KB per status)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from typing import Any

BASE = "https://bench.example"
_WORDS = (
    "fediverse mastodon toot timeline federation instance server client python library "
    "release update coffee morning evening weekend garden photo cat dog music concert "
    "conference talk slides open source community moderation hashtag emoji boost reply"
).split()


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _emoji(rng: random.Random, n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        code = f"{rng.choice(_WORDS)}_{i}"
        out.append(
            {
                "shortcode": code,
                "url": f"{BASE}/system/custom_emojis/images/000/000/{rng.randint(100, 999)}/original/{code}.png",
                "static_url": f"{BASE}/system/custom_emojis/images/000/000/{rng.randint(100, 999)}/static/{code}.png",
                "visible_in_picker": True,
                "category": "blobs",
            }
        )
    return out


def make_account(rng: random.Random, account_id: int) -> dict[str, Any]:
    username = f"{rng.choice(_WORDS)}{account_id % 1000}"
    created = datetime(2017, 4, 1, tzinfo=timezone.utc) + timedelta(days=rng.randint(0, 2000), seconds=rng.randint(0, 86400))
    return {
        "id": str(account_id),
        "username": username,
        "acct": f"{username}@remote.example" if account_id % 3 else username,
        "display_name": f"{username.title()} :{rng.choice(_WORDS)}_0:",
        "locked": False,
        "bot": account_id % 11 == 0,
        "discoverable": True,
        "group": False,
        "created_at": _iso(created),
        "note": "<p>" + " ".join(rng.choice(_WORDS) for _ in range(16)) + "</p>",
        "url": f"{BASE}/@{username}",
        "uri": f"{BASE}/users/{username}",
        "avatar": f"{BASE}/system/accounts/avatars/000/{account_id % 1000:03d}/original/avatar.png",
        "avatar_static": f"{BASE}/system/accounts/avatars/000/{account_id % 1000:03d}/original/avatar.png",
        "header": f"{BASE}/system/accounts/headers/000/{account_id % 1000:03d}/original/header.jpg",
        "header_static": f"{BASE}/system/accounts/headers/000/{account_id % 1000:03d}/original/header.jpg",
        "followers_count": rng.randint(0, 5000),
        "following_count": rng.randint(0, 900),
        "statuses_count": rng.randint(0, 30000),
        "last_status_at": created.strftime("%Y-%m-%d"),
        "emojis": _emoji(rng, 1),
        "fields": [
            {"name": "Website", "value": f'<a href="https://{username}.example" rel="me">{username}.example</a>', "verified_at": None},
            {"name": "Pronouns", "value": "they/them", "verified_at": None},
        ],
    }


def _media(rng: random.Random, media_id: int) -> dict[str, Any]:
    return {
        "id": str(media_id),
        "type": "image",
        "url": f"{BASE}/system/media_attachments/files/{media_id}/original/image.jpg",
        "preview_url": f"{BASE}/system/media_attachments/files/{media_id}/small/image.jpg",
        "remote_url": None,
        "preview_remote_url": None,
        "text_url": None,
        "meta": {
            "original": {"width": 1600, "height": 1200, "size": "1600x1200", "aspect": 1.3333333333333333},
            "small": {"width": 554, "height": 416, "size": "554x416", "aspect": 1.3317307692307692},
            "focus": {"x": round(rng.uniform(-1, 1), 2), "y": round(rng.uniform(-1, 1), 2)},
        },
        "description": " ".join(rng.choice(_WORDS) for _ in range(14)),
        "blurhash": "UFBWY:8_0Jxv%MofR*WB00xu-;t7M{ofWBj[",
    }


def make_status(rng: random.Random, status_id: int, created: datetime) -> dict[str, Any]:
    account = make_account(rng, 100000 + status_id % 997)
    mentioned = [make_account(rng, 200000 + status_id % 13 + i) for i in range(2)]
    words = " ".join(rng.choice(_WORDS) for _ in range(32))
    tags = [rng.choice(_WORDS), rng.choice(_WORDS)]
    mention_html = " ".join(
        f'<span class="h-card"><a href="{m["url"]}" class="u-url mention">@<span>{m["username"]}</span></a></span>' for m in mentioned
    )
    tag_html = " ".join(f'<a href="{BASE}/tags/{t}" class="mention hashtag" rel="tag">#<span>{t}</span></a>' for t in tags)
    return {
        "id": str(status_id),
        "created_at": _iso(created),
        "in_reply_to_id": None,
        "in_reply_to_account_id": None,
        "sensitive": False,
        "spoiler_text": "",
        "visibility": "public",
        "language": "en",
        "uri": f"{BASE}/users/{account['username']}/statuses/{status_id}",
        "url": f"{BASE}/@{account['username']}/{status_id}",
        "replies_count": rng.randint(0, 40),
        "reblogs_count": rng.randint(0, 200),
        "favourites_count": rng.randint(0, 500),
        "edited_at": None,
        "favourited": False,
        "reblogged": False,
        "muted": False,
        "bookmarked": False,
        "pinned": False,
        "content": f"<p>{mention_html} {words} :{rng.choice(_WORDS)}_0: {tag_html}</p>",
        "filtered": [],
        "reblog": None,
        "application": {"name": "Web", "website": None},
        "account": account,
        "media_attachments": [_media(rng, status_id * 10 + i) for i in range(2)],
        "mentions": [{"id": m["id"], "username": m["username"], "url": m["url"], "acct": m["acct"]} for m in mentioned],
        "tags": [{"name": t, "url": f"{BASE}/tags/{t}"} for t in tags],
        "emojis": _emoji(rng, 2),
        "card": None,
        "poll": None,
    }


def make_pages(pages: int = 51, per_page: int = 40, seed: int = 1) -> list[list[dict[str, Any]]]:
    """``pages`` pages of ``per_page`` statuses, newest first, ids strictly decreasing."""
    rng = random.Random(seed)
    moment = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
    status_id = 112_000_000_000_000_000
    out = []
    for _ in range(pages):
        page = []
        for _ in range(per_page):
            page.append(make_status(rng, status_id, moment))
            status_id -= rng.randint(1000, 100000)
            moment -= timedelta(seconds=rng.randint(5, 300))
        out.append(page)
    return out


def sse_events(count: int, seed: int = 2) -> bytes:
    """A server-sent events body: mostly ``update``, some ``notification`` and ``delete``."""
    rng = random.Random(seed)
    moment = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
    # Every event is distinct (clients drop events repeated after a reconnect): 50 status
    # templates, each sent with a fresh id.
    templates = []
    for _ in range(50):
        status = make_status(rng, 0, moment)
        status["id"] = "@ID@"
        templates.append(json.dumps(status, separators=(",", ":")).encode())
    chunks = [b":)\n\n"]
    for i in range(count):
        kind = i % 10
        status_bytes = templates[i % 50].replace(b"@ID@", str(113_000_000_000_000_000 + i).encode(), 1)
        if kind < 7:
            chunks.append(b"event: update\ndata: " + status_bytes + b"\n\n")
        elif kind < 9:
            note = {
                "id": str(900000 + i),
                "type": "favourite",
                "created_at": _iso(moment),
                "account": make_account(rng, 300000 + i % 50),
                "status": json.loads(status_bytes),
            }
            chunks.append(b"event: notification\ndata: " + json.dumps(note, separators=(",", ":")).encode() + b"\n\n")
        else:
            chunks.append(b"event: delete\ndata: " + str(113_000_000_000_000_000 + i).encode() + b"\n\n")
    return b"".join(chunks)
