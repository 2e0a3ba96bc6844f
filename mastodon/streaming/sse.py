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

The line scanning is done by ``mastodon._ssescan.SSEScanner`` (C) when that optional
extension is built (and ``MASTODON_NO_SPEEDUPS`` is not set); the Python code here defines
the rules and is used otherwise. Tests compare both on generated streams.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import MastodonMalformedEventError
from ..limits import MAX_EVENT_BYTES
from ..speedups import c_extension
from .abort import abort

#: ``on_event(name, data)``; ``data`` is the raw bytes of the joined data lines, or ``None``.
EventCallback = Callable[[str, "bytes | None"], None]

_COLON = 58  # ord(":")
_CR = 13  # ord("\r")
_DEFAULT_EVENT = "message"


#: ``mastodon._ssescan`` when it is built (and not disabled), else ``None``.
_ssescan = c_extension("_ssescan")


def uses_speedups() -> bool:
    """Whether event streams are scanned by the C scanner (``mastodon._ssescan``)."""
    return _ssescan is not None


class SSEParser:
    """Feed bytes with :meth:`feed`; events and heartbeats arrive through the callbacks."""

    __slots__ = ("_data", "_event", "_max", "_names", "_on_event", "_on_heartbeat", "_pending", "_pending_size", "_size")

    def __new__(cls, on_event: EventCallback, on_heartbeat: Callable[[], None], max_size: int = MAX_EVENT_BYTES) -> SSEParser:
        """The C scanner's parser when it is built: ``SSEParser(...)`` is always the fast one."""
        if cls is SSEParser and _ssescan is not None:
            cls = ScannedSSEParser
        return object.__new__(cls)

    @classmethod
    def python(cls, on_event: EventCallback, on_heartbeat: Callable[[], None], max_size: int = MAX_EVENT_BYTES) -> SSEParser:
        """The pure-Python parser, whether or not the C scanner is built."""
        parser = object.__new__(SSEParser)
        parser.__init__(on_event, on_heartbeat, max_size)  # type: ignore[misc]
        return parser

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


class ScannedSSEParser(SSEParser):
    """:class:`SSEParser` with the line scanning done by the C scanner (same behaviour)."""

    __slots__ = ("_scanner",)

    def __init__(self, on_event: EventCallback, on_heartbeat: Callable[[], None], max_size: int = MAX_EVENT_BYTES) -> None:
        super().__init__(on_event, on_heartbeat, max_size)
        from .._ssescan import SSEScanner  # built, or this class is not used

        self._scanner = SSEScanner(max_size)

    def feed(self, chunk: bytes) -> None:
        """Parse ``chunk``; a trailing partial line is kept for the next call."""
        names = self._names
        on_event = self._on_event
        try:
            for item in self._scanner.feed(chunk):
                if item.__class__ is tuple:
                    raw, payload = item
                    name = names.get(raw) if raw is not None else _DEFAULT_EVENT
                    on_event(name if name is not None else self._name(raw), payload)
                elif item is None:
                    self._on_heartbeat()
                else:  # an error, always the last item
                    raise abort(MastodonMalformedEventError(item))
        except BaseException:
            # As in the Python parser: what the chunk held after the failure is dropped.
            self._scanner.forget_event()
            raise

    def reset(self) -> None:
        """Forget any partial line or event (after the connection broke mid-event)."""
        self._scanner.reset()

    @property
    def has_partial(self) -> bool:
        """True while an incomplete line or event is buffered."""
        return bool(self._scanner.has_partial)


__all__ = ["SSEParser", "ScannedSSEParser", "EventCallback", "MAX_EVENT_BYTES", "uses_speedups"]
