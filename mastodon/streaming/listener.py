"""Stream listeners: the callbacks a stream delivers its events to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import MastodonError, MastodonNetworkError

Handler = Callable[..., Any] | None


class StreamListener:
    """Callbacks for the streaming API.

    Create a subclass, override the ``on_xxx`` methods for the kinds of events you are
    interested in, then pass an instance of your subclass to ``Mastodon.stream_user()``,
    ``stream_public()``, ``stream_local()``, ``stream_hashtag()``, ``stream_list()``,
    ``stream_direct()`` or ``stream_user_notifications()``.

    Any method named ``on_`` + the event name (dots replaced by underscores) is called
    for that event, even for events not listed here. A handler that takes a parameter
    named ``for_stream`` also gets the stream the event came from (e.g. ``["user"]``,
    ``["hashtag", "python"]``). Events without a payload (``filters_changed``,
    ``notifications_merged``) call their handler with no argument, or with ``None`` if it
    requires one. :meth:`on_any_event` hears of every event before its own handler does.
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

    def on_filters_changed(self) -> None:
        """The user's filters have changed (Mastodon 2.4.3+); the event has no payload."""

    def on_announcement(self, annoucement: Any) -> None:
        """An announcement has been published (Mastodon 3.1.0+): the announcement dict.

        (The parameter's spelling is the original library's.)
        """

    def on_announcement_reaction(self, reaction: Any) -> None:
        """An announcement received an emoji reaction: a dict with ``name``, ``count`` and ``announcement_id``."""

    def on_announcement_delete(self, annoucement_id: Any) -> None:
        """An announcement has been deleted: its id."""

    def on_notifications_merged(self) -> None:
        """Accepted notification requests have been merged (Mastodon 4.3.0+): refresh the notifications."""

    def on_encrypted_message(self, unclear: Any) -> None:
        """An ``encrypted_message`` event (end-to-end encryption, never finished in Mastodon): its raw payload."""

    def on_any_event(self, name: str, data: Any = None, for_stream: list[str] | None = None) -> None:
        """Every event, before its own handler: ``name``, the decoded payload and the stream it came from."""

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        """An event with no handler: ``name`` is the event name, ``unknown_event`` its content."""

    def on_abort(self, err: MastodonError) -> None:
        """A connection error, read timeout or other error fatal to the streaming connection.

        ``err`` is the exception about to be raised (or, when reconnecting, the error that
        broke the connection). The exception is raised once this method returns.
        """

    def on_websocket_error(self, error: Any, for_stream: list[str] | None = None) -> None:
        """The WebSocket server reported an error (e.g. an unknown stream) for ``for_stream``.

        By default such an error ends the connection like any other (through
        :meth:`on_abort`); override this method to carry on instead.
        """
        from .abort import abort

        raise abort(MastodonNetworkError(f"Streaming server reported an error: {error}"))

    def handle_heartbeat(self) -> None:
        """The server has sent a keep-alive message."""

    def handle_stream(self, response: Any) -> None:
        """Read a streaming ``requests`` response (server-sent events) to its end, dispatching its events.

        For programs that open the stream themselves (``requests.get(url, stream=True)``).
        Errors are reported to :meth:`on_abort`, then raised; the end of the stream raises
        :class:`~mastodon.errors.MastodonNetworkError`.
        """
        from .feeding import feed_response

        feed_response(self, response)

    def handle_websocket_message(self, message: str | bytes) -> None:
        """Dispatch one message received on a WebSocket streaming connection (a JSON envelope)."""
        from .feeding import feed_websocket_message

        feed_websocket_message(self, message)


class CallbackStreamListener(StreamListener):
    """A stream listener that calls the functions it is given.

    ``local_update_handler`` additionally receives the updates by local accounts (whose
    ``acct`` has no ``@``). ``unknown_event_handler(name, payload)`` receives events that
    have no handler; use it for diagnostics only, as events may move to their own
    handlers in later versions. ``filters_changed_handler`` and
    ``notifications_merged_handler`` are called with no argument,
    ``stream_error_handler(error, for_stream)`` with WebSocket errors. The spelling
    ``encryted_message_handler`` is the original library's.
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
        filters_changed_handler: Handler = None,
        announcement_handler: Handler = None,
        announcement_reaction_handler: Handler = None,
        announcement_delete_handler: Handler = None,
        encryted_message_handler: Handler = None,
        notifications_merged_handler: Handler = None,
        stream_error_handler: Handler = None,
    ) -> None:
        super().__init__()
        self.update_handler = update_handler
        self.local_update_handler = local_update_handler
        self.delete_handler = delete_handler
        self.notification_handler = notification_handler
        self.conversation_handler = conversation_handler
        self.unknown_event_handler = unknown_event_handler
        self.status_update_handler = status_update_handler
        self.filters_changed_handler = filters_changed_handler
        self.announcement_handler = announcement_handler
        self.announcement_reaction_handler = announcement_reaction_handler
        self.announcement_delete_handler = announcement_delete_handler
        self.encryted_message_handler = encryted_message_handler
        self.notifications_merged_handler = notifications_merged_handler
        self.stream_error_handler = stream_error_handler

    def on_update(self, status: Any) -> None:
        if self.update_handler is not None:
            self.update_handler(status)
        if self.local_update_handler is not None and is_local(status):
            self.local_update_handler(status)

    def on_delete(self, deleted_id: Any) -> None:
        if self.delete_handler is not None:
            self.delete_handler(deleted_id)

    def on_notification(self, notification: Any) -> None:
        if self.notification_handler is not None:
            self.notification_handler(notification)

    def on_conversation(self, conversation: Any) -> None:
        if self.conversation_handler is not None:
            self.conversation_handler(conversation)

    def on_status_update(self, status: Any) -> None:
        if self.status_update_handler is not None:
            self.status_update_handler(status)

    def on_filters_changed(self) -> None:
        if self.filters_changed_handler is not None:
            self.filters_changed_handler()

    def on_announcement(self, annoucement: Any) -> None:
        if self.announcement_handler is not None:
            self.announcement_handler(annoucement)

    def on_announcement_reaction(self, reaction: Any) -> None:
        if self.announcement_reaction_handler is not None:
            self.announcement_reaction_handler(reaction)

    def on_announcement_delete(self, annoucement_id: Any) -> None:
        if self.announcement_delete_handler is not None:
            self.announcement_delete_handler(annoucement_id)

    def on_encrypted_message(self, unclear: Any) -> None:
        if self.encryted_message_handler is not None:
            self.encryted_message_handler(unclear)

    def on_notifications_merged(self) -> None:
        if self.notifications_merged_handler is not None:
            self.notifications_merged_handler()

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        if self.unknown_event_handler is not None:
            self.unknown_event_handler(name, unknown_event)

    def on_websocket_error(self, error: Any, for_stream: list[str] | None = None) -> None:
        if self.stream_error_handler is not None:
            self.stream_error_handler(error, for_stream)
        else:
            super().on_websocket_error(error, for_stream)


def is_local(status: Any) -> bool:
    """True when the status' account is local to the server (its ``acct`` has no ``@``)."""
    try:
        acct = status["account"]["acct"]
    except (KeyError, TypeError):
        return False
    return isinstance(acct, str) and "@" not in acct


__all__ = ["StreamListener", "CallbackStreamListener", "is_local"]
