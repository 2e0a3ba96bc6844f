"""Visiting the statuses and notifications inside any decoded response.

Backends that reshape entities use this instead of knowing every response shape: plain
lists, contexts (``ancestors``/``descendants``), search results, conversations
(``last_status``) and notifications (``status``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

EntityVisitor = Callable[[dict[str, Any]], None]

_CONTAINER_KEYS = ("ancestors", "descendants", "statuses", "last_status", "status")


def walk_entities(value: Any, status: EntityVisitor | None = None, notification: EntityVisitor | None = None) -> None:
    """Call ``status(d)`` for every status dict and ``notification(d)`` for every notification dict.

    A status is a dict with ``visibility`` and ``account``; a notification one with
    ``type`` and ``account``. The visitors handle nesting inside those entities
    themselves (reblogs, quotes, a notification's status).
    """
    if isinstance(value, list):
        for item in value:
            walk_entities(item, status, notification)
    elif isinstance(value, dict):
        if "visibility" in value and "account" in value:
            if status is not None:
                status(value)
        elif "type" in value and "account" in value:
            if notification is not None:
                notification(value)
        else:
            for key in _CONTAINER_KEYS:
                if key in value:
                    walk_entities(value[key], status, notification)


__all__ = ["walk_entities", "EntityVisitor"]
