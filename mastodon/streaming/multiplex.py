"""One WebSocket connection carrying several subscriptions (``Mastodon.stream_open_websocket``).

The connection is opened without a stream; each ``stream_*(..., websocket_handle=handle)``
sends a ``{"type": "subscribe", ...}`` message and gets a :class:`WebSocketSubscription`.
Events are routed to the subscription whose stream they name; after a reconnection every
live subscription is sent again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from .dispatch import EventDispatcher
from .handle import StreamHandle
from .runner import Connection, Opening
from .urls import StreamSpec

#: Opens the bare connection, given the router its events go to.
Opener = Callable[["Router", Opening], Any]
#: Makes the dispatcher of a subscription (decoding and normalising as the client does).
DispatcherFactory = Callable[[Any, "StreamSpec | None"], EventDispatcher]


class WebSocketSubscription:
    """A stream subscribed on a :class:`WebSocketStreamHandle`; :meth:`close` unsubscribes."""

    def __init__(self, handle: WebSocketStreamHandle, spec: StreamSpec, listener: Any, dispatcher: EventDispatcher) -> None:
        self.handle = handle
        self.spec = spec
        self.listener = listener
        self.dispatcher = dispatcher
        self.closed = False

    @property
    def stream(self) -> list[str]:
        """The stream's labels, as the server names it in events (``["hashtag", "python"]``)."""
        return self.spec.labels

    def message(self, kind: str) -> str:
        """The ``subscribe``/``unsubscribe`` message for this stream."""
        return json.dumps({"type": kind, "stream": self.spec.stream_name, **self.spec.params})

    def close(self) -> None:
        """Unsubscribe (the connection stays open for the other subscriptions)."""
        self.handle.unsubscribe(self)

    def is_receiving(self) -> bool:
        return not self.closed and self.handle.is_receiving()


class Router:
    """What the WebSocket connection dispatches to: the subscription an event names, else the handle's listener."""

    def __init__(self, handle: WebSocketStreamHandle) -> None:
        self._handle = handle
        self.listener = self  # the connection asks the router about errors, like a listener

    def _target(self, stream: list[str] | None) -> EventDispatcher | None:
        for subscription in self._handle.subscriptions:
            if stream is not None and subscription.stream == stream:
                return subscription.dispatcher
        return self._handle.default_dispatcher

    def dispatch(self, name: str, data: Any, for_stream: list[str] | None = None) -> None:
        target = self._target(for_stream)
        if target is not None:
            target.dispatch(name, data, for_stream)

    def heartbeat(self) -> None:
        for subscription in self._handle.subscriptions:
            subscription.dispatcher.heartbeat()

    def on_websocket_error(self, error: Any, for_stream: list[str] | None = None) -> None:
        target = self._target(for_stream)
        listener = target.listener if target is not None else None
        handler = getattr(listener, "on_websocket_error", None)
        if callable(handler):
            handler(error, for_stream)
            return
        from ..errors import MastodonNetworkError
        from .abort import abort

        raise abort(MastodonNetworkError(f"Streaming server reported an error: {error}"))


class WebSocketStreamHandle(StreamHandle):
    """An open WebSocket connection to which streams are added (``stream_*(..., websocket_handle=...)``).

    ``listener`` (optional) gets the events of no subscription and hears of connection
    errors (``on_abort``); :meth:`close` ends the connection and every subscription.
    """

    def __init__(
        self,
        opener: Opener,
        make_dispatcher: DispatcherFactory,
        listener: Any = None,
        reconnect: bool = False,
        reconnect_wait: float = 5,
    ) -> None:
        self._subscriptions: list[WebSocketSubscription] = []
        self._make_dispatcher = make_dispatcher
        self._sub_lock = threading.Lock()
        self.default_dispatcher = make_dispatcher(listener, None) if listener is not None else None
        router = Router(self)

        def connect(opening: Opening) -> Connection:
            connection = opener(router, opening)
            for subscription in self.subscriptions:  # (re)subscribe everything live
                connection.websocket.send(subscription.message("subscribe"))
            return connection  # type: ignore[no-any-return]

        super().__init__(connect, _Listeners(self, listener), reconnect=reconnect, reconnect_wait=reconnect_wait)

    @property
    def subscriptions(self) -> list[WebSocketSubscription]:
        with self._sub_lock:
            return list(self._subscriptions)

    def subscribe(self, spec: StreamSpec, listener: Any) -> WebSocketSubscription:
        """Add a stream, delivered to ``listener``."""
        subscription = WebSocketSubscription(self, spec, listener, self._make_dispatcher(listener, spec))
        with self._sub_lock:
            self._subscriptions.append(subscription)
        self._send(subscription.message("subscribe"))
        return subscription

    def unsubscribe(self, subscription: WebSocketSubscription) -> None:
        with self._sub_lock:
            if subscription not in self._subscriptions:
                return
            self._subscriptions.remove(subscription)
        subscription.closed = True
        self._send(subscription.message("unsubscribe"))

    def _send(self, message: str) -> None:
        """Send now if connected; otherwise the next connection sends the subscriptions."""
        connection = self.connection
        if connection is None:
            return
        try:
            connection.websocket.send(message)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a broken connection reconnects and resubscribes
            pass

    def close(self) -> None:
        with self._sub_lock:
            subscriptions, self._subscriptions = self._subscriptions, []
        for subscription in subscriptions:
            subscription.closed = True
        super().close()


class _Listeners:
    """The handle's ``on_abort`` target: its own listener and every subscription's."""

    def __init__(self, handle: WebSocketStreamHandle, listener: Any) -> None:
        self._handle = handle
        self._listener = listener

    def on_abort(self, err: Any) -> None:
        listeners = [s.listener for s in self._handle.subscriptions]
        if self._listener is not None:
            listeners.insert(0, self._listener)
        for listener in dict.fromkeys(listeners, None):
            on_abort = getattr(listener, "on_abort", None)
            if callable(on_abort):
                on_abort(err)


__all__ = ["WebSocketStreamHandle", "WebSocketSubscription", "Router"]
