"""Turning raw streaming events into decoded payloads and listener calls."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from typing import Any

from ..decode import decode_json, decode_value
from ..endpoints.model import Endpoint
from ..entity_types import apply_spec, returns_spec
from ..errors import MastodonMalformedEventError
from .abort import abort

#: Events whose payload is a bare id rather than JSON.
ID_EVENTS = frozenset({"delete", "announcement.delete"})
#: Listener methods that are not event handlers, whatever the server sends.
RESERVED = frozenset({"abort", "unknown_event"})
#: What each well-known event carries, as the pseudo endpoint's ``returns``.
RETURNS = {
    "update": "Status",
    "status.update": "Status",
    "notification": "Notification",
    "conversation": "Conversation",
    "announcement": "Announcement",
    "announcement.reaction": "StreamReaction",
    "delete": "id",
    "announcement.delete": "id",
    "filters_changed": "None",
    "notifications_merged": "None",
}
#: Events that carry no payload: their handlers are called without one.
BARE_EVENTS = frozenset({"filters_changed", "notifications_merged"})
_EMPTY = frozenset({b"", b"undefined", b"null", "", "undefined", "null"})
#: How many recent events are remembered so that one a server sends again (replaying
#: what it sent before a reconnect) reaches the listener only once.
RECENT_EVENTS = 1024
#: How many event names' handlers are remembered; others are looked up for each event.
MAX_ROUTES = 256
#: Events that happen once per payload id: another with the same id is a repeat, even
#: if counters in it changed. Other events repeat only if their payload is identical.
_ONCE_PER_ID = frozenset({"update", "notification", "delete", "announcement.delete"})

Normalizer = Callable[[Endpoint, Any], None]


def _parameters(func: Callable[..., Any]) -> tuple[bool, bool]:
    """Whether ``func`` takes ``for_stream``, and whether it requires a positional argument."""
    import inspect  # only when a listener is set up; keeps ``import mastodon`` light

    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return False, True
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    required = any(p.kind in positional and p.default is inspect.Parameter.empty and p.name != "for_stream" for p in parameters)
    return any(p.name == "for_stream" for p in parameters), required


def _any_event_handler(listener: Any) -> Callable[..., Any] | None:
    """The listener's ``on_any_event``, unless it is the default one that does nothing."""
    from .listener import StreamListener

    handler = getattr(listener, "on_any_event", None)
    if not callable(handler) or getattr(type(listener), "on_any_event", None) is StreamListener.on_any_event:
        return None
    return handler


class _Route:
    """How one event name is decoded and delivered (worked out once per name)."""

    __slots__ = ("bare", "endpoint", "handler", "ids", "once", "spec", "unknown", "with_stream")

    def __init__(
        self, handler: Callable[..., Any], unknown: bool, ids: bool, endpoint: Endpoint, no_payload: bool, once: bool
    ) -> None:
        self.handler = handler
        self.unknown = unknown
        self.with_stream, required = _parameters(handler)
        # A handler of a payload-less event is called without one, unless it requires an
        # argument (as handlers written for earlier versions of this library do).
        self.bare = no_payload and not unknown and not required
        self.ids = ids
        self.once = once
        self.endpoint = endpoint
        self.spec = None if ids else returns_spec(endpoint.returns)


class EventDispatcher:
    """Decodes event payloads like REST responses and calls the listener's handlers.

    ``normalize(endpoint, payload)`` is the backend's normalisation step; it gets a pseudo
    endpoint named ``stream:<event>``. ``stream`` is what handlers taking ``for_stream``
    receive when the transport does not say which stream an event came from.
    """

    def __init__(
        self,
        listener: Any,
        *,
        convert_ids: bool = True,
        normalize: Normalizer | None = None,
        stream: list[str] | None = None,
        path: str = "/api/v1/streaming",
    ) -> None:
        self.listener = listener
        self.convert_ids = convert_ids
        self.normalize = normalize
        self.stream = stream
        self.path = path
        self._routes: dict[str, _Route] = {}
        self._any_event = _any_event_handler(listener)
        self._recent: set[Any] = set()
        self._recent_order: deque[Any] = deque()

    def heartbeat(self) -> None:
        self.listener.handle_heartbeat()

    def dispatch(self, name: str, data: Any, for_stream: list[str] | None = None) -> None:
        """Deliver one event; ``data`` is the raw payload (bytes or text), or ``None``."""
        route = self._routes.get(name)
        if route is None:
            route = self._route(name)
            if len(self._routes) < MAX_ROUTES:  # a server inventing names cannot grow it
                self._routes[name] = route
        payload = self.decode_id(data) if route.ids else self.decode(data)
        if self._repeated(route.once, name, data, payload, for_stream):
            return
        if self.normalize is not None:
            self.normalize(route.endpoint, payload)
        if route.spec is not None and payload is not None:
            payload = apply_spec(payload, route.spec)
        if self._any_event is not None:
            self._any_event(name, payload, for_stream if for_stream is not None else self.stream)
        if route.bare:
            if route.with_stream:
                route.handler(for_stream=for_stream if for_stream is not None else self.stream)
            else:
                route.handler()
        elif route.unknown:
            if route.with_stream:
                route.handler(name, payload, for_stream if for_stream is not None else self.stream)
            else:
                route.handler(name, payload)
        elif route.with_stream:
            route.handler(payload, for_stream if for_stream is not None else self.stream)
        else:
            route.handler(payload)

    def _repeated(self, once: bool, name: str, data: Any, payload: Any, for_stream: list[str] | None) -> bool:
        """Whether this event was already delivered recently (and remember it if not).

        ``once``: the event happens once per payload id (see ``_ONCE_PER_ID``)."""
        if once:
            ident = payload.get("id") if isinstance(payload, dict) else payload
            if not isinstance(ident, (str, int)):
                return False
        elif isinstance(data, (bytes, str)) and data.strip() not in _EMPTY:
            ident = hash(data)  # payload-less events (filters_changed) may well repeat
        else:
            return False
        key = (name, ident, tuple(for_stream) if for_stream is not None else None)
        if key in self._recent:
            return True
        self._recent.add(key)
        self._recent_order.append(key)
        if len(self._recent_order) > RECENT_EVENTS:
            self._recent.discard(self._recent_order.popleft())
        return False

    def decode(self, data: Any) -> Any:
        """A JSON payload, decoded exactly like a REST response."""
        if data is None:
            return None
        cls = data.__class__
        if cls is bytes or cls is str:
            if len(data) <= 10 and data.strip() in _EMPTY:
                return None
            try:
                return decode_json(data, self.convert_ids)
            except (ValueError, RecursionError) as exc:  # JSONDecodeError; nesting too deep
                raise abort(MastodonMalformedEventError("Bad JSON", data[:200]), exc) from exc
        try:
            return decode_value(data, self.convert_ids)
        except (ValueError, TypeError, RecursionError) as exc:
            raise abort(MastodonMalformedEventError("Bad payload", type(data).__name__), exc) from exc

    def decode_id(self, data: Any) -> Any:
        """A bare id payload: an int for digit ids (unless the backend keeps ids as strings)."""
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise abort(MastodonMalformedEventError("Malformed UTF-8", data), exc) from exc
        if isinstance(data, int) and not isinstance(data, bool):
            return data if self.convert_ids else str(data)
        text = str(data).strip() if data is not None else ""
        if text[:1] == '"':
            try:
                text = str(json.loads(text))
            except (ValueError, RecursionError) as exc:
                raise abort(MastodonMalformedEventError("Bad JSON", data), exc) from exc
        if not text:
            raise abort(MastodonMalformedEventError("Missing id", data))
        if self.convert_ids and text.isdigit() and text.isascii():
            return int(text)
        return text

    def _route(self, name: str) -> _Route:
        listener = self.listener
        handler = None
        if name not in RESERVED:
            handler = getattr(listener, "on_" + name.replace(".", "_"), None)
        unknown = not callable(handler)
        if unknown:
            handler = listener.on_unknown_event
        endpoint = Endpoint(f"stream:{name}", "GET", self.path, returns=RETURNS.get(name, "dict"))
        assert handler is not None
        return _Route(handler, unknown, name in ID_EVENTS, endpoint, name in BARE_EVENTS, name in _ONCE_PER_ID)


__all__ = ["EventDispatcher", "BARE_EVENTS", "ID_EVENTS", "RESERVED", "RETURNS", "RECENT_EVENTS", "MAX_ROUTES"]
