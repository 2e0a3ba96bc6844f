"""GoToSocial streams over WebSocket: a live opt-in test, and a replay of frames it recorded.

Live mode needs ``MASTODON_LIVE_GTS_URL`` (e.g. ``http://localhost:8080``) and
``MASTODON_LIVE_GTS_TOKENS``, a JSON file ``{"users": {"<name>": {"access_token": ...}}}``
(the first user streams and posts). With ``MASTODON_RECORD_STREAMING=1`` the live test
also rewrites ``tests/fixtures/recorded/gotosocial/streaming/user.jsonl`` with the raw
frames it received (one ``{"frame": "<text>"}`` object per line).
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from support.stream_servers import (
    END,
    LoopbackWebSocketServer,
    RecordingListener,
    make_client,
    stream_threads,
    wait_until,
)

from mastodon import Mastodon, MastodonNetworkError
from mastodon.streaming.websocket import WebSocketConnection

RECORDED = Path(__file__).parent / "fixtures" / "recorded" / "gotosocial" / "streaming" / "user.jsonl"


def recorded_frames() -> list[str]:
    return [json.loads(line)["frame"] for line in RECORDED.read_text(encoding="utf-8").splitlines() if line.strip()]


def envelope(frame: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(frame)
    return data


# -- replay (always runs) ------------------------------------------------------------------------


def test_recording_has_an_update_and_a_delete_and_no_secrets() -> None:
    frames = recorded_frames()
    events = [envelope(f)["event"] for f in frames]
    assert "update" in events and "delete" in events
    text = RECORDED.read_text(encoding="utf-8").lower()
    assert "access_token" not in text and "bearer" not in text


@pytest.mark.parametrize("run_async", [False, True])
def test_replay_recorded_gotosocial_frames(ws_server: LoopbackWebSocketServer, websocket_backend: str, run_async: bool) -> None:
    frames = recorded_frames()
    # GoToSocial advertises wss:// even when it serves plain http on the same host.
    ws_server.streaming_api = ws_server.ws_url.replace("ws://", "wss://")
    ws_server.script(*frames, *([] if run_async else [END]))
    listener = RecordingListener()
    client = make_client(ws_server.url, feature_set=websocket_backend)
    if run_async:
        handle = client.stream_user(listener, run_async=True)
        listener.wait_for(len(frames))
        handle.close()
        assert stream_threads() == []
    else:
        with pytest.raises(MastodonNetworkError):
            client.stream_user(listener)

    expected: list[tuple[Any, ...]] = []
    for frame in frames:
        data = envelope(frame)
        if data["event"] == "update":
            expected.append(("update", json.loads(data["payload"])["id"]))
        elif data["event"] == "delete":
            expected.append(("delete", data["payload"]))
        elif data["event"] == "notification":
            note = json.loads(data["payload"])
            expected.append(("notification", note["id"], note["type"]))
        else:
            expected.append(("unknown", data["event"], listener.payloads[len(expected)]))
    assert listener.calls == expected
    update = next(p for c, p in zip(listener.calls, listener.payloads) if c[0] == "update")
    assert isinstance(update.created_at, datetime)
    assert isinstance(update.id, str)  # GoToSocial ids are ULIDs, never converted to int
    assert update.account.acct and "@" not in update.account.acct
    assert ws_server.stream_requests()[0].query == {"stream": "user"}


# -- live (opt-in) --------------------------------------------------------------------------------

LIVE_URL = os.environ.get("MASTODON_LIVE_GTS_URL")
LIVE_TOKENS = os.environ.get("MASTODON_LIVE_GTS_TOKENS")


@pytest.mark.skipif(not (LIVE_URL and LIVE_TOKENS and Path(LIVE_TOKENS).is_file()), reason="live GoToSocial not configured")
def test_live_gotosocial_user_stream(websocket_backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert LIVE_URL and LIVE_TOKENS
    users = json.loads(Path(LIVE_TOKENS).read_text())["users"]
    token = next(iter(users.values()))["access_token"]
    raw: list[str] = []
    original = WebSocketConnection.handle_message

    def recording(self: WebSocketConnection, message: str | bytes) -> None:
        raw.append(message if isinstance(message, str) else message.decode())
        original(self, message)

    monkeypatch.setattr(WebSocketConnection, "handle_message", recording)
    api = Mastodon(
        access_token=token, api_base_url=LIVE_URL, feature_set=websocket_backend, version_check_mode="none",
        user_agent="mastodon-fediverse-tests",
    )
    listener = RecordingListener()
    handle = api.stream_user(listener, run_async=True, timeout=60)
    try:
        assert wait_until(handle.is_receiving, timeout=10), "stream did not connect"
        text = f"streaming test {uuid.uuid4().hex[:8]}"
        status = api.status_post(text, visibility="private")
        assert wait_until(lambda: any(c == ("update", status.id) for c in listener.calls), timeout=15)
        api.status_delete(status.id)
        assert wait_until(lambda: ("delete", status.id) in listener.calls, timeout=15)
    finally:
        handle.close()
    assert not handle.is_alive()
    assert listener.aborts == []
    update = listener.payloads[listener.calls.index(("update", status.id))]
    assert text in update.content
    assert isinstance(update.created_at, datetime)

    if os.environ.get("MASTODON_RECORD_STREAMING") == "1":
        frames = [f for f in raw if envelope(f).get("event") in ("update", "delete", "notification", "status.update")]
        body = "".join(json.dumps({"frame": f}) + "\n" for f in frames)
        assert token not in body
        RECORDED.parent.mkdir(parents=True, exist_ok=True)
        RECORDED.write_text(body, encoding="utf-8")
