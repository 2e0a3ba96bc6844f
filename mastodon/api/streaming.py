"""The streaming API: subscriptions over server-sent events or WebSocket, one listener API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from ..backend_types import StreamingTransport
from ..base import MastodonBase
from ..endpoints import misc as M
from ..endpoints import streaming as E
from ..endpoints.model import Endpoint
from ..errors import MastodonAPIError, MastodonError, MastodonIllegalArgumentError, MastodonNetworkError
from ..limits import MAX_EVENT_BYTES
from ..params import unpack_id
from ..transport import scrub
from .binding import uses_endpoint

if TYPE_CHECKING:  # the streaming machinery loads on the first stream, not with the package
    from ..streaming.handle import StreamHandle
    from ..streaming.runner import Connection, Connector, Opening
    from ..streaming.urls import StreamSpec


def _spec(stream: str, params: dict[str, str] | None = None) -> StreamSpec:
    from ..streaming.urls import StreamSpec

    return StreamSpec(stream, params or {})

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

    @uses_endpoint(E.stream_user)
    def stream_user(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
    ) -> StreamHandle | None:
        """Streams events that are relevant to the authorized user, i.e. home timeline and notifications."""
        return self._stream(E.stream_user, _spec("user"), listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec)

    @uses_endpoint(E.stream_public)
    def stream_public(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
    ) -> StreamHandle | None:
        """Streams public events."""
        return self._stream(E.stream_public, _spec("public"), listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec)

    @uses_endpoint(E.stream_local)
    def stream_local(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
    ) -> StreamHandle | None:
        """Streams local public events."""
        spec = _spec("public:local")
        return self._stream(E.stream_local, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec)

    @uses_endpoint(E.stream_hashtag)
    def stream_hashtag(
        self,
        tag: str,
        listener: Any,
        local: bool = False,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
    ) -> StreamHandle | None:
        """Stream for all public statuses for the hashtag 'tag' seen by the connected instance.

        Set local to True to only get local statuses.
        """
        if not isinstance(tag, str) or not tag:
            raise MastodonIllegalArgumentError("tag must be a non-empty string")
        if tag.startswith("#"):
            raise MastodonIllegalArgumentError("Tag parameter should omit leading #")
        spec = _spec("hashtag:local" if local else "hashtag", {"tag": tag})
        return self._stream(E.stream_hashtag, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec)

    @uses_endpoint(E.stream_list)
    def stream_list(
        self,
        id: Any,  # noqa: A002
        listener: Any,
        run_async: bool = False,
        timeout: float | None = 300,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = 5,
    ) -> StreamHandle | None:
        """Stream events for the current user, restricted to accounts on the given list."""
        list_id = unpack_id(id)
        if list_id is None or list_id == "":
            raise MastodonIllegalArgumentError("id must be a list id or a list dict")
        spec = _spec("list", {"list": str(list_id)})
        return self._stream(E.stream_list, spec, listener, run_async, timeout, reconnect_async, reconnect_async_wait_sec)

    @uses_endpoint(M.stream_healthy)
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
    ) -> StreamHandle | None:
        from ..streaming.handle import StreamHandle
        from ..streaming.runner import run_blocking

        self._pipeline.check_gate(endpoint)
        transport = self._streaming_transport(spec)
        connect = self._stream_connector(spec, listener, transport, timeout)
        if run_async:
            return StreamHandle(connect, listener, reconnect=reconnect_async, reconnect_wait=reconnect_async_wait_sec)
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
                instance = fetch_json(self._transport, "/api/v1/instance", auth=True)
            except MastodonAPIError:
                instance = None  # no instance document: stream from the API host
        base = streaming_base(self.api_base_url, advertised_streaming_url(instance))
        self._streaming_base_url = base
        return base

    def _stream_connector(self, spec: StreamSpec, listener: Any, transport: str, timeout: float | None) -> Connector:
        from ..streaming.abort import StreamAbort, abort
        from ..streaming.dispatch import EventDispatcher
        from ..streaming.urls import sse_url, websocket_url

        pipeline = self._pipeline

        def normalize(endpoint: Endpoint, payload: Any) -> None:
            pipeline.normalize(endpoint, payload)

        dispatcher = EventDispatcher(
            listener,
            convert_ids=pipeline.decode_options.convert_ids,
            normalize=normalize,
            stream=spec.labels,
            path=spec.sse_path,
        )

        def open_connection(opening: Opening) -> Connection:
            # Transports are imported on first use: most programs never stream.
            try:
                base = self._streaming_base()
            except MastodonNetworkError as exc:
                raise abort(exc) from exc
            headers = self._transport.headers(auth=True)
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
