"""Streaming subscriptions: the SSE route of each stream (WebSocket servers multiplex them)."""

from .model import ID, Param, endpoint

S = "Streaming"
#: ``only_media`` (``public:media`` and the like over WebSocket) came with Mastodon 2.4.0.
_ONLY_MEDIA = Param("only_media", "flag", added="2.4.0")
stream_user = endpoint("stream_user", "GET", "/api/v1/streaming/user", returns="stream", added="1.1.0", changed="1.4.2", section=S)
stream_user_notifications = endpoint(
    "stream_user_notifications", "GET", "/api/v1/streaming/user/notification", returns="stream", added="1.4.2", section=S,
)
stream_public = endpoint(
    "stream_public", "GET", "/api/v1/streaming/public", _ONLY_MEDIA, returns="stream", added="1.1.0", changed="1.4.2", section=S,
)
stream_local = endpoint(
    "stream_local", "GET", "/api/v1/streaming/public/local", _ONLY_MEDIA, returns="stream", added="1.1.0", changed="1.4.2",
    section=S,
)
stream_remote = endpoint(
    "stream_remote", "GET", "/api/v1/streaming/public/remote", Param("only_media", "flag"), returns="stream", added="3.1.4",
    section=S,
)
stream_hashtag = endpoint(
    "stream_hashtag", "GET", "/api/v1/streaming/hashtag", Param("tag"), Param("local"),
    returns="stream", added="1.1.0", changed="1.4.2", section=S,
)
stream_list = endpoint("stream_list", "GET", "/api/v1/streaming/list", ID("list"), returns="stream", added="2.1.0", section=S)
stream_direct = endpoint(
    "stream_direct", "GET", "/api/v1/streaming/direct", returns="stream", added="2.4.0", changed="2.6.0", section=S,
)
stream_websocket = endpoint(
    "stream_websocket", "GET", "/api/v1/streaming", Param("stream"), returns="stream", added="3.3.0", section=S,
)
