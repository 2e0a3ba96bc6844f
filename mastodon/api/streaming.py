"""The streaming API: subscriptions over server-sent events or WebSocket, one listener API."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, get_args

from ..backend_types import CallInfo, StreamingTransport
from ..base import MastodonBase
from ..endpoints import instance as I
from ..endpoints import misc as M
from ..endpoints import streaming as E
from ..endpoints.model import Endpoint
from ..errors import MastodonAPIError, MastodonError, MastodonIllegalArgumentError, MastodonNetworkError
from ..limits import MAX_EVENT_BYTES
from ..params import unpack_id
from ..transport import scrub
from .binding import api_method

if TYPE_CHECKING:  # the streaming machinery loads on the first stream, not with the package
    from ..streaming.dispatch import EventDispatcher
    from ..streaming.handle import StreamHandle
    from ..streaming.multiplex import WebSocketStreamHandle, WebSocketSubscription
    from ..streaming.runner import Connection, Connector, Opening
    from ..streaming.urls import StreamSpec


def _spec(stream: str, params: dict[str, str] | None = None, only_media: bool = False) -> StreamSpec:
    from ..streaming.urls import StreamSpec

    return StreamSpec(stream, params or {}, only_media)

TRANSPORTS: tuple[str, ...] = get_args(StreamingTransport)


class StreamingAPI(MastodonBase):
    """Streaming methods. Which transport a stream uses is the backend's choice."""

    _streaming_base_url: str | None = None
    _stream_max_event_bytes: int = MAX_EVENT_BYTES

    @property
    def stream_max_event_bytes(self) -> int:
        """The largest streaming event accepted, in bytes (default 16 MiB).

        It bounds an SSE line, an SSE event's data and a WebSocket message; a bigger one
        aborts the connection (``on_abort``, then the reconnect policy). Setting it
        applies to the connections made from then on.
        """
        return self._stream_max_event_bytes

    @stream_max_event_bytes.setter
    def stream_max_event_bytes(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise MastodonIllegalArgumentError("stream_max_event_bytes must be a positive number of bytes")
        self._stream_max_event_bytes = value

    @api_method(E.stream_user, body=True)
    def stream_user(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        """Streams events that are relevant to the authorized user, i.e. home timeline and notifications.

        With ``run_async`` the stream runs on a thread and a handle is returned; with
        ``websocket_handle`` (from :meth:`stream_open_websocket`) the stream is added to
        that connection and its subscription is returned.
        """
        return self._stream(E.stream_user, _spec("user"), listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec, websocket_handle)

    @api_method(E.stream_user_notifications, body=True)
    def stream_user_notifications(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        """Streams the authorized user's notifications only."""
        spec = _spec("user:notification")
        return self._stream(E.stream_user_notifications, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec, websocket_handle)

    @api_method(E.stream_public, body=True)
    def stream_public(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
        local: bool = False,
        remote: bool = False,
        only_media: bool = False,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        """Streams public events.

        ``local`` restricts them to this server's statuses, ``remote`` to other servers'
        (Mastodon 3.1.4+), ``only_media`` to statuses with media attachments (2.4.0+).
        """
        if local and remote:
            raise MastodonIllegalArgumentError("local and remote exclude each other")
        endpoint, name = (E.stream_local, "public:local") if local else (E.stream_remote, "public:remote") if remote else (E.stream_public, "public")
        spec = _spec(name, only_media=bool(only_media))
        return self._stream(endpoint, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec, websocket_handle)

    @api_method(E.stream_local, body=True)
    def stream_local(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
        only_media: bool = False,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        """Streams local public events (``only_media``: statuses with media attachments only)."""
        spec = _spec("public:local", only_media=bool(only_media))
        return self._stream(E.stream_local, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec, websocket_handle)

    @api_method(E.stream_hashtag, body=True)
    def stream_hashtag(
        self,
        tag: str,
        listener: Any,
        local: bool = False,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        """Stream for all public statuses for the hashtag 'tag' seen by the connected instance.

        Set local to True to only get local statuses.
        """
        if not isinstance(tag, str) or not tag:
            raise MastodonIllegalArgumentError("tag must be a non-empty string")
        if tag.startswith("#"):
            raise MastodonIllegalArgumentError("Tag parameter should omit leading #")
        spec = _spec("hashtag:local" if local else "hashtag", {"tag": tag})
        return self._stream(E.stream_hashtag, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec, websocket_handle)

    @api_method(E.stream_list, body=True)
    def stream_list(
        self,
        id: Any,  # noqa: A002
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        """Stream events for the current user, restricted to accounts on the given list."""
        list_id = unpack_id(id)
        if list_id is None or list_id == "":
            raise MastodonIllegalArgumentError("id must be a list id or a list dict")
        spec = _spec("list", {"list": str(list_id)})
        return self._stream(E.stream_list, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec, websocket_handle)

    @api_method(E.stream_direct, body=True)
    def stream_direct(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        """Streams direct conversations of the authorized user (``conversation`` events)."""
        spec = _spec("direct")
        return self._stream(E.stream_direct, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec, websocket_handle)

    @api_method(E.stream_websocket, body=True)
    def stream_open_websocket(
        self,
        listener: Any = None,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
    ) -> WebSocketStreamHandle:
        """Open one WebSocket connection to which streams are then added.

        Pass the returned handle as ``websocket_handle`` to the ``stream_*`` methods: each
        adds its stream to this connection and returns a subscription (``close()``
        unsubscribes). ``listener`` (optional) gets events of no subscription and
        connection errors. The connection runs on its own thread; ``handle.close()`` ends
        it.
        """
        from ..streaming.multiplex import WebSocketStreamHandle

        self._pipeline.check_gate(E.stream_websocket)
        return WebSocketStreamHandle(
            self._websocket_opener(timeout),
            self._dispatcher_factory(),
            listener,
            reconnect=reconnect_async,
            reconnect_wait=reconnect_async_wait_sec,
        )

    @api_method(M.stream_healthy, body=True)
    def stream_healthy(self) -> bool:
        """Returns True if the streaming API is okay, False (or raises an error) otherwise."""
        from ..streaming.urls import with_scheme

        self._pipeline.check_gate(M.stream_healthy)  # before finding the streaming host, which may ask the server
        base = with_scheme(self._streaming_base(), websocket=False)
        response = self._pipeline.call(M.stream_healthy, {}, base_url=base, raw=True)
        return response.content.strip() == b"OK"

    # -- machinery -----------------------------------------------------------------------

    def _stream(
        self,
        endpoint: Endpoint,
        spec: StreamSpec,
        listener: Any,
        run_async: bool,
        timeout: float | None,
        reconnect_async: bool,
        reconnect_async_wait_sec: float,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamHandle | WebSocketSubscription | None:
        from ..streaming.handle import SSEStreamHandle, StreamHandle
        from ..streaming.runner import run_blocking

        self._pipeline.check_gate(endpoint, {"only_media": True} if spec.only_media else None)
        if websocket_handle is not None:
            return websocket_handle.subscribe(spec, listener)
        transport = self._streaming_transport(spec)
        connect = self._stream_connector(endpoint, spec, listener, transport, timeout)
        if run_async:
            handle_class = SSEStreamHandle if transport == "sse" else StreamHandle
            return handle_class(connect, listener, reconnect=reconnect_async, reconnect_wait=reconnect_async_wait_sec)
        run_blocking(connect, listener)
        return None

    def _streaming_transport(self, spec: StreamSpec) -> str:
        """The backend's choice of transport for a stream; server-sent events by default."""
        choice = self._pipeline.hooks.streaming_transport(self._ctx, spec.name) or "sse"
        if choice not in TRANSPORTS:
            raise MastodonIllegalArgumentError(
                f"Backend {self._ctx.backend!r} chose an unknown streaming transport {choice!r}"
            )
        return choice

    def _streaming_base(self) -> str:
        """The streaming server's base URL, from the instance's ``urls.streaming_api`` (cached)."""
        from ..detection import fetch_json
        from ..streaming.urls import advertised_streaming_url, streaming_base

        cached = self._streaming_base_url
        if cached is not None:
            return cached
        instance = self._ctx.instance
        if advertised_streaming_url(instance) is None:
            try:
                instance = fetch_json(self._pipeline, I.instance, auth=True)
            except MastodonAPIError:
                instance = None  # no instance document: stream from the API host
        base = streaming_base(self.api_base_url, advertised_streaming_url(instance))
        self._streaming_base_url = base
        return base

    def _dispatcher_factory(self) -> Callable[[Any, StreamSpec | None], EventDispatcher]:
        """Makes dispatchers that decode and normalise events as this client's backend does."""
        from ..streaming.dispatch import EventDispatcher

        pipeline = self._pipeline

        def normalize(endpoint: Endpoint, payload: Any) -> None:
            pipeline.normalize(endpoint, payload)

        def make(listener: Any, spec: StreamSpec | None) -> EventDispatcher:
            return EventDispatcher(
                listener,
                convert_ids=pipeline.decode_options.convert_ids,
                normalize=normalize,
                stream=spec.labels if spec is not None else None,
                path=spec.sse_path if spec is not None else "/api/v1/streaming",
            )

        return make

    def _websocket_opener(self, timeout: float | None) -> Callable[[Any, Opening], Connection]:
        """Opens a WebSocket connection subscribed to no stream yet (for :meth:`stream_open_websocket`)."""
        from ..streaming.abort import StreamAbort, abort
        from ..streaming.urls import SSE_PREFIX, with_scheme

        def open_connection(router: Any, opening: Opening) -> Connection:
            from ..streaming.websocket import WebSocketConnection, usable_as_subprotocol

            try:
                base = self._streaming_base()
            except MastodonNetworkError as exc:
                raise abort(exc) from exc
            token = self._transport.access_token
            in_header = bool(token) and usable_as_subprotocol(token or "")
            url = with_scheme(base, websocket=True) + SSE_PREFIX
            if token and not in_header:
                from urllib.parse import urlencode

                url += "?" + urlencode({"access_token": token})
            try:
                return WebSocketConnection(
                    url,
                    router,
                    token=token if in_header else None,
                    headers=self._pipeline.headers(CallInfo(E.stream_websocket)),
                    open_timeout=self._transport.request_timeout,
                    read_timeout=timeout,
                    opening=opening,
                )
            except StreamAbort as failure:  # a refusing server may echo the token
                failure.error.args = scrub(failure.error.args, [self._transport.access_token])
                raise

        return open_connection

    def _stream_connector(
        self, endpoint: Endpoint, spec: StreamSpec, listener: Any, transport: str, timeout: float | None
    ) -> Connector:
        from ..streaming.abort import StreamAbort, abort
        from ..streaming.urls import sse_url, websocket_url

        dispatcher = self._dispatcher_factory()(listener, spec)

        def open_connection(opening: Opening) -> Connection:
            # Transports are imported on first use: most programs never stream.
            try:
                base = self._streaming_base()
            except MastodonNetworkError as exc:
                raise abort(exc) from exc
            headers = self._pipeline.headers(CallInfo(endpoint))
            connect_timeout = self._transport.request_timeout
            if transport == "sse":
                from ..streaming.sse_connection import SSEConnection

                url, params = sse_url(base, spec)
                return SSEConnection(
                    self.session,
                    url,
                    params,
                    headers,
                    dispatcher,
                    connect_timeout=connect_timeout,
                    read_timeout=timeout,
                    opening=opening,
                    max_event_bytes=self.stream_max_event_bytes,
                )
            from ..streaming.websocket import WebSocketConnection, usable_as_subprotocol

            token = self._transport.access_token
            in_header = bool(token) and usable_as_subprotocol(token or "")
            return WebSocketConnection(
                websocket_url(base, spec, None if in_header else token),
                dispatcher,
                token=token if in_header else None,
                headers=headers,
                open_timeout=connect_timeout,
                read_timeout=timeout,
                opening=opening,
                max_size=self.stream_max_event_bytes,
            )

        def connect(opening: Opening) -> Connection:
            try:
                return open_connection(opening)
            except StreamAbort as failure:  # a refusing server may echo the token
                failure.error.args = scrub(failure.error.args, [self._transport.access_token])
                raise
            except MastodonError as exc:
                raise abort(exc) from exc
            except Exception as exc:  # no listener code runs here: any error is the connection's
                error = MastodonNetworkError(f"Could not connect to streaming server: {type(exc).__name__}: {exc}")
                error.args = scrub(error.args, [self._transport.access_token])
                raise abort(error, exc) from exc

        return connect


__all__ = ["StreamingAPI", "TRANSPORTS"]
