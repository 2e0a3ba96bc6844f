"""Names for the shapes the API returns (all are attribute dicts or lists of them).

These are documentation aliases: every entity is an :class:`AttribAccessDict` and every
list an :class:`AttribAccessList`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeAlias, Union

from .entities import AttribAccessDict, AttribAccessList

Entity: TypeAlias = AttribAccessDict
EntityList: TypeAlias = AttribAccessList
Account: TypeAlias = AttribAccessDict
Status: TypeAlias = AttribAccessDict
Notification: TypeAlias = AttribAccessDict
Relationship: TypeAlias = AttribAccessDict
Instance: TypeAlias = AttribAccessDict
Poll: TypeAlias = AttribAccessDict
MediaAttachment: TypeAlias = AttribAccessDict
PushSubscription: TypeAlias = AttribAccessDict
AdminAccount: TypeAlias = AttribAccessDict
AdminReport: TypeAlias = AttribAccessDict

#: Anything that names an object by id: the id itself, a dict with an ``id``, or (for
#: pagination on mainline) a datetime.
IdType: TypeAlias = Union[int, str, dict[str, Any], datetime]  # noqa: UP007
PaginationId: TypeAlias = Union[int, str, dict[str, Any], datetime, None]  # noqa: UP007

__all__ = [
    "Entity",
    "EntityList",
    "Account",
    "Status",
    "Notification",
    "Relationship",
    "Instance",
    "Poll",
    "MediaAttachment",
    "PushSubscription",
    "AdminAccount",
    "AdminReport",
    "IdType",
    "PaginationId",
]
