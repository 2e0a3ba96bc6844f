"""Streaming: one listener API over server-sent events and WebSocket transports.

``Mastodon.stream_*`` pick the transport through the backend's
``mastodon_streaming_transport`` hook; events from either are decoded like REST
responses and delivered to a :class:`StreamListener`.
"""

from .handle import StreamHandle
from .listener import CallbackStreamListener, StreamListener

__all__ = ["StreamListener", "CallbackStreamListener", "StreamHandle"]
