"""An incremental parser for ``text/event-stream`` (server-sent events).

Bytes are fed in whatever pieces the socket delivers; complete events come out through
callbacks. Lines end in ``\\n`` or ``\\r\\n``. Comment lines (``:thump``) are heartbeats.
Multiple ``data:`` lines are joined with ``\\n`` (once, when the event is complete). ``id:``,
``retry:`` and unknown fields are ignored. A block with an event name but no data is still
delivered (with ``None`` data), because servers send payload-less events such as
``filters_changed`` that way.

No line and no event's data may exceed ``max_size`` bytes (:data:`MAX_EVENT_BYTES` by
default): past it, :meth:`SSEParser.feed` raises (as a stream abort) a
:class:`~mastodon.errors.MastodonMalformedEventError`, so that a server sending a line
that never ends cannot grow memory without bound.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import MastodonMalformedEventError
from ..limits import MAX_EVENT_BYTES
from .abort import abort

#: ``on_event(name, data)``; ``data`` is the raw bytes of the joined data lines, or ``None``.
EventCallback = Callable[[str, "bytes | None"], None]

_COLON = 58  # ord(":")
_CR = 13  # ord("\r")
_DEFAULT_EVENT = "message"


class SSEParser:
    """Feed bytes with :meth:`feed`; events and heartbeats arrive through the callbacks."""

    __slots__ = ("_data", "_event", "_max", "_names", "_on_event", "_on_heartbeat", "_pending", "_pending_size", "_size")

    def __init__(self, on_event: EventCallback, on_heartbeat: Callable[[], None], max_size: int = MAX_EVENT_BYTES) -> None:
        self._on_event = on_event
        self._on_heartbeat = on_heartbeat
        self._max = max_size
        self._event: bytes | None = None
        # One data line as bytes (the common case), several as a list joined at the end.
        self._data: bytes | list[bytes] | None = None
        self._size = 0  # bytes in ``_data`` once it is a list
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._names: dict[bytes, str] = {}

    def feed(self, chunk: bytes) -> None:
        """Parse ``chunk``; a trailing partial line is kept for the next call."""
        if b"\n" not in chunk:
            if chunk:
                self._pending.append(chunk)
                self._pending_size += len(chunk)
                if self._pending_size > self._max:
                    self.reset()
                    raise abort(MastodonMalformedEventError(f"Line longer than the limit of {self._max} bytes"))
            return
        pending = self._pending
        if pending:
            pending.append(chunk)
            chunk = b"".join(pending)
            pending.clear()
            self._pending_size = 0
        lines = chunk.split(b"\n")
        tail = lines.pop()
        if tail:
            pending.append(tail)
            self._pending_size = len(tail)
        event = self._event
        data = self._data
        limit = self._max
        try:
            for line in lines:
                if line and line[-1] == _CR:
                    line = line[:-1]
                if not line:
                    if data is not None or event is not None:
                        name = self._name(event)
                        payload = data if data.__class__ is not list else b"\n".join(data)  # type: ignore[arg-type]
                        event = data = None
                        self._on_event(name, payload)  # type: ignore[arg-type]
                    continue
                if line[0] == _COLON:
                    self._on_heartbeat()
                    continue
                if line[:5] == b"data:":
                    value = line[6:] if line[5:6] == b" " else line[5:]
                elif line[:6] == b"event:":
                    event = line[7:] if line[6:7] == b" " else line[6:]
                    continue
                else:
                    field, _, value = line.partition(b":")
                    if value[:1] == b" ":
                        value = value[1:]
                    if field == b"event":
                        event = value
                    if field != b"data":  # "data" without a colon: an empty data line
                        continue
                if len(value) > limit:
                    raise abort(MastodonMalformedEventError(f"Line longer than the limit of {limit} bytes"))
                if data is None:
                    data = value
                else:
                    if data.__class__ is not list:
                        data = [data]  # type: ignore[list-item]
                        self._size = len(data[0])
                    data.append(value)  # type: ignore[union-attr]
                    self._size += len(value) + 1
                    if self._size > limit:
                        raise abort(MastodonMalformedEventError(f"Event larger than the limit of {limit} bytes"))
        except BaseException:
            event = data = None
            raise
        finally:
            self._event = event
            self._data = data

    def reset(self) -> None:
        """Forget any partial line or event (after the connection broke mid-event)."""
        self._event = self._data = None
        self._pending.clear()
        self._pending_size = 0

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


__all__ = ["SSEParser", "EventCallback", "MAX_EVENT_BYTES"]
