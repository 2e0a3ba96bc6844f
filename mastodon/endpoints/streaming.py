"""Streaming subscriptions: the SSE route of each stream (WebSocket servers multiplex them)."""

from .model import ID, Param, endpoint

S = "Streaming"
stream_user = endpoint("stream_user", "GET", "/api/v1/streaming/user", returns="stream", added="1.1.0", changed="1.4.2", section=S)
stream_public = endpoint("stream_public", "GET", "/api/v1/streaming/public", returns="stream", added="1.1.0", changed="1.4.2", section=S)
stream_local = endpoint("stream_local", "GET", "/api/v1/streaming/public/local", returns="stream", added="1.1.0", changed="1.4.2", section=S)
stream_hashtag = endpoint(
    "stream_hashtag", "GET", "/api/v1/streaming/hashtag", Param("tag"), Param("local"),
    returns="stream", added="1.1.0", changed="1.4.2", section=S,
)
stream_list = endpoint("stream_list", "GET", "/api/v1/streaming/list", ID("list"), returns="stream", added="2.1.0", section=S)
