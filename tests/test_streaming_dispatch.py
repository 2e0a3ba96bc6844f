"""Event dispatch: payload decoding, handler lookup, normalisation and the listener classes."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

import mastodon
from mastodon import AttribAccessDict, CallbackStreamListener, MastodonMalformedEventError, StreamListener
from mastodon.endpoints.model import Endpoint
from mastodon.streaming.abort import StreamAbort
from mastodon.streaming.dispatch import EventDispatcher

STATUS = {
    "id": "103270115826048975",
    "created_at": "2019-12-08T03:48:33.901Z",
    "in_reply_to_id": None,
    "content": "<p>hello</p>",
    "account": {"id": "1", "acct": "alice", "username": "alice", "created_at": "2016-03-16T14:34:26.392Z"},
}


class Recorder(StreamListener):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []

    def on_update(self, status: Any) -> None:
        self.calls.append(("update", status))

    def on_delete(self, status_id: Any) -> None:
        self.calls.append(("delete", status_id))

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        self.calls.append(("unknown", name, unknown_event))

    def on_abort(self, err: Exception) -> None:
        self.calls.append(("abort", err))


def test_update_is_decoded_like_a_rest_response() -> None:
    listener = Recorder()
    EventDispatcher(listener).dispatch("update", json.dumps(STATUS).encode())
    (kind, status), = listener.calls
    assert kind == "update"
    assert isinstance(status, AttribAccessDict)
    assert status.id == 103270115826048975
    assert status.created_at == datetime(2019, 12, 8, 3, 48, 33, 901000, tzinfo=timezone.utc)
    assert status.account.acct == "alice"
    assert isinstance(status.account.created_at, datetime)


def test_backend_that_keeps_string_ids() -> None:
    listener = Recorder()
    dispatcher = EventDispatcher(listener, convert_ids=False)
    dispatcher.dispatch("update", json.dumps(STATUS))
    dispatcher.dispatch("delete", b"123")
    assert listener.calls[0][1].id == "103270115826048975"
    assert listener.calls[1] == ("delete", "123")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"103270115826048975", 103270115826048975),
        ("103270115826048975", 103270115826048975),
        (b'"42"', 42),
        (b" 42 ", 42),
        (42, 42),
        (b"01M8J330P2KSXZ9VSXJ4RNNM9N", "01M8J330P2KSXZ9VSXJ4RNNM9N"),
        ('"9zC2iUgXy0eA3C5nKi"', "9zC2iUgXy0eA3C5nKi"),
        ("\u0663\u0664", "\u0663\u0664"),  # non-ASCII digits stay a string
    ],
)
def test_delete_gets_an_int_for_digit_ids_and_a_string_otherwise(raw: Any, expected: Any) -> None:
    listener = Recorder()
    EventDispatcher(listener).dispatch("delete", raw)
    assert listener.calls == [("delete", expected)]
    assert type(listener.calls[0][1]) is type(expected)


def test_delete_without_an_id_is_malformed() -> None:
    with pytest.raises(StreamAbort) as caught:
        EventDispatcher(Recorder()).dispatch("delete", b"  ")
    assert isinstance(caught.value.error, MastodonMalformedEventError)


@pytest.mark.parametrize("bad", [b"{not json", b'{"id": "1"', "\u00ff{", b"\xff\xfe{}"])
def test_bad_json_is_malformed(bad: Any) -> None:
    listener = Recorder()
    with pytest.raises(StreamAbort) as caught:
        EventDispatcher(listener).dispatch("update", bad)
    error = caught.value.error
    assert isinstance(error, MastodonMalformedEventError)
    assert error.args[0] == "Bad JSON"
    assert listener.calls == []


@pytest.mark.parametrize("empty", [None, b"", b"undefined", " ", "null"])
@pytest.mark.parametrize("event", ["filters_changed", "notifications_merged"])
def test_events_without_payload_call_their_handler_with_no_argument(empty: Any, event: str) -> None:
    """As Mastodon.py calls them: ``on_filters_changed()``, ``on_notifications_merged()``."""
    calls: list[Any] = []

    class Bare(StreamListener):
        def on_filters_changed(self) -> None:
            calls.append("filters_changed")

        def on_notifications_merged(self) -> None:
            calls.append("notifications_merged")

    EventDispatcher(Bare()).dispatch(event, empty)
    assert calls == [event]


def test_a_payload_less_handler_that_requires_an_argument_still_gets_one() -> None:
    """Listeners written for earlier versions of this library take the (empty) payload."""
    calls: list[Any] = []

    class Old(StreamListener):
        def on_filters_changed(self, payload: Any) -> None:  # type: ignore[override]
            calls.append(("old", payload))

    class WithStream(StreamListener):
        def on_filters_changed(self, for_stream: Any = None) -> None:  # type: ignore[override]
            calls.append(("stream", for_stream))

    EventDispatcher(Old()).dispatch("filters_changed", b"undefined")
    EventDispatcher(WithStream(), stream=["user"]).dispatch("filters_changed", None)
    assert calls == [("old", None), ("stream", ["user"])]


def test_the_base_listener_ignores_payload_less_events() -> None:
    listener = Recorder()
    EventDispatcher(listener).dispatch("filters_changed", None)
    assert listener.calls == []


def test_on_any_event_hears_every_event_before_its_handler() -> None:
    class Everything(Recorder):
        def on_any_event(self, name: str, data: Any = None, for_stream: Any = None) -> None:
            self.calls.append(("any", name, data if not isinstance(data, dict) else data["id"], for_stream))

    listener = Everything()
    dispatcher = EventDispatcher(listener, stream=["public"])
    dispatcher.dispatch("update", json.dumps(STATUS))
    dispatcher.dispatch("brand.new", b'{"id": 5}', ["user"])
    dispatcher.dispatch("filters_changed", None)
    assert [c[:2] for c in listener.calls] == [("any", "update"), ("update", listener.calls[1][1]), ("any", "brand.new"), ("unknown", "brand.new"), ("any", "filters_changed")]
    assert listener.calls[0][2:] == (103270115826048975, ["public"])
    assert listener.calls[2][2:] == (5, ["user"])


def test_announcement_events_reach_their_handlers() -> None:
    got: list[Any] = []
    listener = CallbackStreamListener(
        announcement_handler=lambda a: got.append(("announcement", a.id)),
        announcement_reaction_handler=lambda r: got.append(("reaction", r.name, r.count)),
        announcement_delete_handler=lambda i: got.append(("deleted", i)),
        filters_changed_handler=lambda: got.append("filters"),
        notifications_merged_handler=lambda: got.append("merged"),
        encryted_message_handler=lambda m: got.append(("encrypted", m)),
    )
    dispatcher = EventDispatcher(listener)
    dispatcher.dispatch("announcement", b'{"id": "8", "content": "<p>hi</p>"}')
    dispatcher.dispatch("announcement.reaction", b'{"name": "bongoCat", "count": 2, "announcement_id": "8"}')
    dispatcher.dispatch("announcement.delete", b"8")
    dispatcher.dispatch("filters_changed", None)
    dispatcher.dispatch("notifications_merged", b"undefined")
    dispatcher.dispatch("encrypted_message", b'{"x": 1}')
    assert got == [("announcement", 8), ("reaction", "bongoCat", 2), ("deleted", 8), "filters", "merged", ("encrypted", {"x": 1})]


def test_unknown_events_get_name_and_decoded_payload() -> None:
    listener = Recorder()
    EventDispatcher(listener).dispatch("emoji.reaction", b'{"name": "bongo", "count": 2, "status_id": "8"}')
    ((_, name, payload),) = listener.calls
    assert name == "emoji.reaction"
    assert payload == {"name": "bongo", "count": 2, "status_id": "8"}


def test_any_on_event_handler_is_used_even_if_not_listed() -> None:
    class Custom(Recorder):
        def on_announcement_reaction(self, reaction: Any) -> None:
            self.calls.append(("reaction", reaction.name))

        def on_encrypted_message(self, message: Any) -> None:
            self.calls.append(("encrypted", message))

    listener = Custom()
    dispatcher = EventDispatcher(listener)
    dispatcher.dispatch("announcement.reaction", b'{"name": "bongo"}')
    dispatcher.dispatch("encrypted_message", b"[1, 2]")
    assert listener.calls == [("reaction", "bongo"), ("encrypted", [1, 2])]


def test_listener_methods_that_are_not_handlers_cannot_be_triggered() -> None:
    listener = Recorder()
    dispatcher = EventDispatcher(listener)
    dispatcher.dispatch("abort", b'"boom"')
    dispatcher.dispatch("unknown_event", b"1")
    assert listener.calls == [("unknown", "abort", "boom"), ("unknown", "unknown_event", 1)]


def test_handlers_taking_for_stream_get_the_stream() -> None:
    class Streams(StreamListener):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[Any] = []

        def on_update(self, status: Any, for_stream: Any = None) -> None:
            self.seen.append(("update", for_stream))

        def on_unknown_event(self, name: str, unknown_event: Any = None, for_stream: Any = None) -> None:
            self.seen.append((name, for_stream))

    listener = Streams()
    dispatcher = EventDispatcher(listener, stream=["hashtag", "python"])
    dispatcher.dispatch("update", b"{}")
    dispatcher.dispatch("update", b"{}", ["list", "12"])
    dispatcher.dispatch("odd", b"{}")
    assert listener.seen == [("update", ["hashtag", "python"]), ("update", ["list", "12"]), ("odd", ["hashtag", "python"])]


def test_normalisation_gets_a_stream_pseudo_endpoint() -> None:
    seen: list[tuple[Endpoint, Any]] = []

    def normalize(endpoint: Endpoint, payload: Any) -> None:
        seen.append((endpoint, payload))
        if isinstance(payload, dict):
            payload["normalised"] = True

    listener = Recorder()
    dispatcher = EventDispatcher(listener, normalize=normalize, path="/api/v1/streaming/user")
    dispatcher.dispatch("update", json.dumps(STATUS))
    dispatcher.dispatch("status.update", json.dumps(STATUS))
    dispatcher.dispatch("delete", "5")
    assert [(e.name, e.returns, e.path) for e, _ in seen] == [
        ("stream:update", "Status", "/api/v1/streaming/user"),
        ("stream:status.update", "Status", "/api/v1/streaming/user"),
        ("stream:delete", "id", "/api/v1/streaming/user"),
    ]
    assert listener.calls[0][1].normalised is True


def test_heartbeat() -> None:
    class Beats(StreamListener):
        count = 0

        def handle_heartbeat(self) -> None:
            self.count += 1

    listener = Beats()
    EventDispatcher(listener).heartbeat()
    assert listener.count == 1


def test_non_text_payload_from_websocket_servers_is_decoded_too() -> None:
    listener = Recorder()
    EventDispatcher(listener).dispatch("update", dict(STATUS))
    assert listener.calls[0][1].id == 103270115826048975
    assert isinstance(listener.calls[0][1].created_at, datetime)


# -- the listener classes -------------------------------------------------------------------


def test_stream_listener_defaults_do_nothing() -> None:
    listener = StreamListener()
    dispatcher = EventDispatcher(listener)
    for name, data in [("update", b"{}"), ("notification", b"{}"), ("delete", b"1"), ("conversation", b"{}"),
                       ("status.update", b"{}"), ("whatever", b"{}")]:
        dispatcher.dispatch(name, data)
    listener.on_abort(mastodon.MastodonNetworkError("x"))
    listener.handle_heartbeat()


def test_callback_listener_calls_every_handler() -> None:
    calls: list[tuple[str, Any]] = []
    listener = CallbackStreamListener(
        update_handler=lambda s: calls.append(("update", s.id)),
        local_update_handler=lambda s: calls.append(("local", s.id)),
        delete_handler=lambda i: calls.append(("delete", i)),
        notification_handler=lambda n: calls.append(("notification", n.type)),
        conversation_handler=lambda c: calls.append(("conversation", c.id)),
        unknown_event_handler=lambda name, e: calls.append(("unknown", name)),
        status_update_handler=lambda s: calls.append(("status_update", s.id)),
    )
    dispatcher = EventDispatcher(listener)
    remote = dict(STATUS, id="2", account={"acct": "bob@elsewhere.example"})
    dispatcher.dispatch("update", json.dumps(STATUS))
    dispatcher.dispatch("update", json.dumps(remote))
    dispatcher.dispatch("notification", b'{"id": "3", "type": "mention"}')
    dispatcher.dispatch("delete", b"4")
    dispatcher.dispatch("conversation", b'{"id": "5"}')
    dispatcher.dispatch("status.update", b'{"id": "6"}')
    dispatcher.dispatch("brand.new", b'{"id": "7"}')
    assert calls == [
        ("update", 103270115826048975),
        ("local", 103270115826048975),
        ("update", 2),
        ("notification", "mention"),
        ("delete", 4),
        ("conversation", 5),
        ("status_update", 6),
        ("unknown", "brand.new"),
    ]


def test_callback_listener_without_handlers_ignores_everything() -> None:
    dispatcher = EventDispatcher(CallbackStreamListener())
    for name in ("update", "notification", "conversation", "status.update", "other"):
        dispatcher.dispatch(name, b'{"account": {"acct": "a"}}')
    dispatcher.dispatch("delete", b"1")


def test_local_update_handler_alone() -> None:
    local: list[Any] = []
    dispatcher = EventDispatcher(CallbackStreamListener(local_update_handler=local.append))
    dispatcher.dispatch("update", json.dumps(STATUS))
    dispatcher.dispatch("update", json.dumps(dict(STATUS, account={"acct": "x@y.example"})))
    dispatcher.dispatch("update", b'{"id": "9"}')
    assert [s.id for s in local] == [103270115826048975]


def test_listener_exports() -> None:
    from mastodon.Mastodon import CallbackStreamListener as Compat
    from mastodon.Mastodon import StreamListener as CompatListener

    assert Compat is CallbackStreamListener
    assert CompatListener is StreamListener
    assert "StreamListener" in mastodon.__all__ and "CallbackStreamListener" in mastodon.__all__


def test_handle_websocket_message_dispatches_an_envelope() -> None:
    got: list[Any] = []

    class Listener(StreamListener):
        def on_update(self, status: Any, for_stream: Any = None) -> None:
            got.append((status.id, for_stream))

        def on_delete(self, status_id: Any) -> None:
            got.append(("deleted", status_id))

    listener = Listener()
    listener.handle_websocket_message(json.dumps({"stream": ["hashtag", "python"], "event": "update", "payload": json.dumps(STATUS)}))
    listener.handle_websocket_message(json.dumps({"stream": ["public"], "event": "delete", "payload": "12"}).encode())
    assert got == [(103270115826048975, ["hashtag", "python"]), ("deleted", 12)]


def test_a_websocket_error_ends_the_stream_unless_the_listener_handles_it() -> None:
    error = json.dumps({"error": "Unknown stream type", "status": 400})
    plain = Recorder()
    with pytest.raises(mastodon.MastodonNetworkError, match="Unknown stream type"):
        plain.handle_websocket_message(error)
    assert [c[0] for c in plain.calls] == ["abort"]

    seen: list[Any] = []
    callbacks = CallbackStreamListener(stream_error_handler=lambda err, stream: seen.append((err, stream)))
    callbacks.handle_websocket_message(json.dumps({"error": "Unknown stream type", "stream": ["nope"]}))
    assert seen == [("Unknown stream type", ["nope"])]
    with pytest.raises(mastodon.MastodonNetworkError):
        CallbackStreamListener().handle_websocket_message(error)


def test_handle_websocket_message_rejects_a_malformed_message() -> None:
    listener = Recorder()
    with pytest.raises(MastodonMalformedEventError):
        listener.handle_websocket_message("{not json")
    assert isinstance(listener.calls[0][1], MastodonMalformedEventError)
