"""Streaming: one listener API over server-sent events and WebSocket transports."""
