"""An incremental parser for ``text/event-stream`` (server-sent events).

Bytes are fed in whatever pieces the socket delivers; complete events come out through
callbacks. Lines end in ``\\n`` or ``\\r\\n``. Comment lines (``:thump``) are heartbeats.
Multiple ``data:`` lines are joined with ``\\n``. ``id:``, ``retry:`` and unknown fields are
ignored. A block with an event name but no data is still delivered (with ``None`` data),
because servers send payload-less events such as ``filters_changed`` that way.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import MastodonMalformedEventError
from .abort import abort

#: ``on_event(name, data)``; ``data`` is the raw bytes of the joined data lines, or ``None``.
EventCallback = Callable[[str, "bytes | None"], None]

_COLON = 58  # ord(":")
_CR = 13  # ord("\r")
_DEFAULT_EVENT = "message"


class SSEParser:
    """Feed bytes with :meth:`feed`; events and heartbeats arrive through the callbacks."""

    __slots__ = ("_data", "_event", "_names", "_on_event", "_on_heartbeat", "_pending")

    def __init__(self, on_event: EventCallback, on_heartbeat: Callable[[], None]) -> None:
        self._on_event = on_event
        self._on_heartbeat = on_heartbeat
        self._event: bytes | None = None
        self._data: bytes | None = None
        self._pending: list[bytes] = []
        self._names: dict[bytes, str] = {}

    def feed(self, chunk: bytes) -> None:
        """Parse ``chunk``; a trailing partial line is kept for the next call."""
        if b"\n" not in chunk:
            if chunk:
                self._pending.append(chunk)
            return
        pending = self._pending
        if pending:
            pending.append(chunk)
            chunk = b"".join(pending)
            pending.clear()
        lines = chunk.split(b"\n")
        tail = lines.pop()
        if tail:
            pending.append(tail)
        event = self._event
        data = self._data
        try:
            for line in lines:
                if line and line[-1] == _CR:
                    line = line[:-1]
                if not line:
                    if data is not None or event is not None:
                        name, payload = self._name(event), data
                        event = data = None
                        self._on_event(name, payload)
                    continue
                if line[0] == _COLON:
                    self._on_heartbeat()
                    continue
                if line[:5] == b"data:":
                    value = line[6:] if line[5:6] == b" " else line[5:]
                    data = value if data is None else data + b"\n" + value
                elif line[:6] == b"event:":
                    event = line[7:] if line[6:7] == b" " else line[6:]
                else:
                    field, _, value = line.partition(b":")
                    if value[:1] == b" ":
                        value = value[1:]
                    if field == b"data":  # "data" without a colon: an empty data line
                        data = value if data is None else data + b"\n" + value
                    elif field == b"event":
                        event = value
        finally:
            self._event = event
            self._data = data

    def reset(self) -> None:
        """Forget any partial line or event (after the connection broke mid-event)."""
        self._event = self._data = None
        self._pending.clear()

    @property
    def has_partial(self) -> bool:
        """True while an incomplete line or event is buffered."""
        return bool(self._pending) or self._event is not None or self._data is not None

    def _name(self, raw: bytes | None) -> str:
        if raw is None:
            return _DEFAULT_EVENT
        name = self._names.get(raw)
        if name is None:
            try:
                name = raw.decode("utf-8").strip()
            except UnicodeDecodeError as exc:
                raise abort(MastodonMalformedEventError("Malformed UTF-8 in event name", raw), exc) from exc
            if len(self._names) < 256:
                self._names[raw] = name
        return name


__all__ = ["SSEParser", "EventCallback"]
