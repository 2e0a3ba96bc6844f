"""Bounds on what a server can make the library hold in memory: the defaults, in bytes.

Each has a per-client setting of the same meaning: ``Mastodon.max_response_bytes`` and
``Mastodon.stream_max_event_bytes``.
"""

from __future__ import annotations

#: The largest response body (after decompression) a call accepts.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
#: The largest streaming event (an SSE line, an SSE event's data, a WebSocket message).
MAX_EVENT_BYTES = 16 * 1024 * 1024

__all__ = ["MAX_RESPONSE_BYTES", "MAX_EVENT_BYTES"]
