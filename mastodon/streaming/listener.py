"""Stream listeners: the callbacks a stream delivers its events to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import MastodonError

Handler = Callable[..., Any] | None


class StreamListener:
    """Callbacks for the streaming API.

    Create a subclass, override the ``on_xxx`` methods for the kinds of events you are
    interested in, then pass an instance of your subclass to ``Mastodon.stream_user()``,
    ``stream_public()``, ``stream_local()``, ``stream_hashtag()`` or ``stream_list()``.

    Any method named ``on_`` + the event name (dots replaced by underscores) is called
    for that event, even for events not listed here. A handler that takes a parameter
    named ``for_stream`` also gets the stream the event came from (e.g. ``["user"]``,
    ``["hashtag", "python"]``).
    """

    def __init__(self) -> None:
        pass

    def on_update(self, status: Any) -> None:
        """A new status has appeared. ``status`` is the parsed status dict."""

    def on_notification(self, notification: Any) -> None:
        """A new notification. ``notification`` is the parsed notification dict."""

    def on_delete(self, status_id: Any) -> None:
        """A status has been deleted. ``status_id`` is the status' id (an int for numeric ids)."""

    def on_conversation(self, conversation: Any) -> None:
        """A direct message (in the direct stream) has been received: the conversation dict."""

    def on_status_update(self, status: Any) -> None:
        """A status has been edited. ``status`` is the parsed dict of the updated status."""

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        """An event with no handler: ``name`` is the event name, ``unknown_event`` its content."""

    def on_abort(self, err: MastodonError) -> None:
        """A connection error, read timeout or other error fatal to the streaming connection.

        ``err`` is the exception about to be raised (or, when reconnecting, the error that
        broke the connection). The exception is raised once this method returns.
        """

    def handle_heartbeat(self) -> None:
        """The server has sent a keep-alive message."""


class CallbackStreamListener(StreamListener):
    """A stream listener that calls the functions it is given.

    ``local_update_handler`` additionally receives the updates by local accounts (whose
    ``acct`` has no ``@``). ``unknown_event_handler(name, payload)`` receives events that
    have no handler; use it for diagnostics only, as events may move to their own
    handlers in later versions.
    """

    def __init__(
        self,
        update_handler: Handler = None,
        local_update_handler: Handler = None,
        delete_handler: Handler = None,
        notification_handler: Handler = None,
        conversation_handler: Handler = None,
        unknown_event_handler: Handler = None,
        status_update_handler: Handler = None,
    ) -> None:
        super().__init__()
        self.update_handler = update_handler
        self.local_update_handler = local_update_handler
        self.delete_handler = delete_handler
        self.notification_handler = notification_handler
        self.conversation_handler = conversation_handler
        self.unknown_event_handler = unknown_event_handler
        self.status_update_handler = status_update_handler

    def on_update(self, status: Any) -> None:
        if self.update_handler is not None:
            self.update_handler(status)
        if self.local_update_handler is not None and is_local(status):
            self.local_update_handler(status)

    def on_delete(self, status_id: Any) -> None:
        if self.delete_handler is not None:
            self.delete_handler(status_id)

    def on_notification(self, notification: Any) -> None:
        if self.notification_handler is not None:
            self.notification_handler(notification)

    def on_conversation(self, conversation: Any) -> None:
        if self.conversation_handler is not None:
            self.conversation_handler(conversation)

    def on_status_update(self, status: Any) -> None:
        if self.status_update_handler is not None:
            self.status_update_handler(status)

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        if self.unknown_event_handler is not None:
            self.unknown_event_handler(name, unknown_event)


def is_local(status: Any) -> bool:
    """True when the status' account is local to the server (its ``acct`` has no ``@``)."""
    try:
        acct = status["account"]["acct"]
    except (KeyError, TypeError):
        return False
    return isinstance(acct, str) and "@" not in acct


__all__ = ["StreamListener", "CallbackStreamListener", "is_local"]
