"""Async refresh endpoints: the state of background work a response announced."""

from .model import endpoint

# The answer wraps the entity: {"async_refresh": {...}}.
async_refresh = endpoint(
    "async_refresh", "GET", "/api/v1_alpha/async_refreshes/{id}", returns="dict", added="4.4.0", section="Reading data: Async refreshes"
)
