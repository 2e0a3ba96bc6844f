"""Streaming: one listener API over server-sent events and WebSocket transports.

``Mastodon.stream_*`` pick the transport through the backend's
``mastodon_streaming_transport`` hook; events from either are decoded like REST
responses and delivered to a :class:`StreamListener`.
"""

from typing import TYPE_CHECKING

from .listener import CallbackStreamListener, StreamListener

if TYPE_CHECKING:
    from .handle import SSEStreamHandle, StreamHandle
    from .multiplex import WebSocketStreamHandle, WebSocketSubscription


def __getattr__(name: str) -> object:
    # The handles load with the first stream, not with the package.
    if name in ("StreamHandle", "SSEStreamHandle"):
        from . import handle

        return getattr(handle, name)
    if name in ("WebSocketStreamHandle", "WebSocketSubscription"):
        from . import multiplex

        return getattr(multiplex, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["StreamListener", "CallbackStreamListener", "StreamHandle", "SSEStreamHandle", "WebSocketStreamHandle", "WebSocketSubscription"]
