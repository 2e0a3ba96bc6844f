"""Names for the shapes the API returns (all are attribute dicts or lists of them).

These are documentation aliases: every entity is an :class:`AttribAccessDict` and every
list an :class:`AttribAccessList`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Union

from .entities import AttribAccessDict, AttribAccessList

Entity = AttribAccessDict
EntityList = AttribAccessList
Account = Status = Notification = Relationship = Instance = Poll = Conversation = AttribAccessDict
MediaAttachment = Filter = UserList = Context = Card = Search = Report = AttribAccessDict
ScheduledStatus = Marker = Preferences = Announcement = Application = AttribAccessDict
PushSubscription = AdminAccount = AdminReport = Tag = FeaturedTag = Emoji = AttribAccessDict

#: Anything that names an object by id: the id itself, a dict with an ``id``, or (for
#: pagination on mainline) a datetime.
IdType = Union[int, str, dict[str, Any], datetime]
PaginationId = Union[int, str, dict[str, Any], datetime, None]
