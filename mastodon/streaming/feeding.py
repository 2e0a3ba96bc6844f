"""Feeding a stream a program opened itself into a listener: SSE responses and WebSocket messages.

``StreamListener.handle_stream(response)`` and ``handle_websocket_message(message)`` go
through the same parser and dispatcher as the library's own connections.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import MastodonMalformedEventError, MastodonNetworkError
from .abort import StreamAbort, abort
from .dispatch import EventDispatcher

#: Bytes asked of the response per read.
CHUNK_SIZE = 65536


def dispatch_envelope(dispatcher: EventDispatcher, message: str | bytes) -> None:
    """Decode one WebSocket envelope ``{"stream": [...], "event": ..., "payload": ...}`` and dispatch it.

    An ``{"error": ...}`` envelope goes to the listener's ``on_websocket_error`` (whose
    default ends the connection).
    """
    try:
        envelope: Any = json.loads(message)
    except (ValueError, RecursionError) as exc:  # RecursionError: nesting too deep to decode
        raise abort(MastodonMalformedEventError("Bad JSON", message), exc) from exc
    if not isinstance(envelope, dict):
        raise abort(MastodonMalformedEventError("Malformed event", message))
    name = envelope.get("event")
    stream = envelope.get("stream")
    stream = stream if isinstance(stream, list) else None
    if not isinstance(name, str):
        if "error" in envelope:
            on_error = getattr(dispatcher.listener, "on_websocket_error", None)
            if not callable(on_error):
                raise abort(MastodonNetworkError(f"Streaming server reported an error: {envelope['error']}"))
            on_error(envelope["error"], stream)
            return
        raise abort(MastodonMalformedEventError("Missing field", "event", envelope))
    dispatcher.dispatch(name, envelope.get("payload"), stream)


def listener_dispatcher(listener: Any) -> EventDispatcher:
    """The dispatcher a listener uses for what it is fed directly (kept on the listener)."""
    dispatcher = getattr(listener, "_fed_dispatcher", None)
    if not isinstance(dispatcher, EventDispatcher):
        dispatcher = EventDispatcher(listener)
        try:
            listener._fed_dispatcher = dispatcher
        except AttributeError:  # a listener with __slots__: a dispatcher per call
            pass
    return dispatcher


def _reported(listener: Any, failure: StreamAbort) -> BaseException:
    """Tell the listener of a stream-ending error; the error to raise."""
    listener.on_abort(failure.error)
    return failure.error


def feed_response(listener: Any, response: Any) -> None:
    """Parse a streaming response's server-sent events into ``listener`` until the stream ends."""
    import requests

    from .sse import SSEParser
    from .sse_connection import _READ_ERRORS, chunk_reader

    dispatcher = listener_dispatcher(listener)
    try:
        if getattr(response, "status_code", 200) != 200:
            raise abort(MastodonNetworkError(f"Could not connect to streaming server: HTTP {response.status_code} {response.reason}"))
        read = chunk_reader(response)
        feed = SSEParser(dispatcher.dispatch, dispatcher.heartbeat).feed
        while True:
            try:
                chunk = read(CHUNK_SIZE)
            except (*_READ_ERRORS, requests.RequestException) as exc:
                raise abort(MastodonNetworkError(f"Streaming connection failed: {exc}"), exc) from exc
            if not chunk:
                raise abort(MastodonNetworkError("Server ended connection."))
            feed(chunk)
    except StreamAbort as failure:
        error = _reported(listener, failure)
        raise error from error.__cause__


def feed_websocket_message(listener: Any, message: str | bytes) -> None:
    """Dispatch one WebSocket message into ``listener``."""
    try:
        dispatch_envelope(listener_dispatcher(listener), message)
    except StreamAbort as failure:
        error = _reported(listener, failure)
        raise error from error.__cause__


__all__ = ["dispatch_envelope", "feed_response", "feed_websocket_message", "listener_dispatcher", "CHUNK_SIZE"]
