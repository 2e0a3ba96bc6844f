"""Notifications and conversations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import MastodonBase
from ..endpoints import notifications as E
from ..errors import MastodonIllegalArgumentError
from .binding import api_method, uses_endpoint

if TYPE_CHECKING:
    from ..return_types import Entity, EntityList, IdType, PaginationId


class NotificationsAPI(MastodonBase):
    @uses_endpoint(E.notifications)
    def notifications(
        self,
        id: IdType | None = None,  # noqa: A002
        account_id: IdType | None = None,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        exclude_types: list[str] | None = None,
        mentions_only: bool | None = None,
    ) -> Entity | EntityList:
        """Fetch notifications (mentions, favourites, reblogs, follows) for the logged-in user.

        Pass ``account_id`` to get only notifications originating from the given account.

        ``exclude_types`` is a list of the following: follow, favourite, reblog, mention,
        poll, follow_request. Specifying ``mentions_only`` is a deprecated way to set
        ``exclude_types`` to all but mentions.

        Can be passed an ``id`` to fetch a single notification.

        Returns a list of notification dicts (one notification dict when ``id`` is given).
        """
        if mentions_only is not None:
            if exclude_types is not None:
                raise MastodonIllegalArgumentError("Cannot specify exclude_types when mentions_only is present")
            if mentions_only:
                exclude_types = ["follow", "favourite", "reblog", "poll", "follow_request"]
        if exclude_types is not None and (isinstance(exclude_types, str) or not all(isinstance(t, str) for t in exclude_types)):
            raise MastodonIllegalArgumentError("exclude_types must be a list of notification type names")
        if id is not None:
            return self._pipeline.call(E.notification, {"id": id})
        args = dict(account_id=account_id, max_id=max_id, min_id=min_id, since_id=since_id, limit=limit, exclude_types=exclude_types)
        return self._pipeline.call(E.notifications, args)

    @api_method(E.notifications_clear)
    def notifications_clear(self) -> None:
        """Clear out a user's notifications"""

    @uses_endpoint(E.notifications_dismiss)
    def notifications_dismiss(self, id: IdType) -> None:  # noqa: A002
        """Deletes a single notification"""
        if not self._version_at_least((2, 9, 2)):
            self._pipeline.call(E.notifications_dismiss_legacy, {"id": id})
        else:
            self._pipeline.call(E.notifications_dismiss, {"id": id})

    @api_method(E.conversations_read)
    def conversations_read(self, id: IdType) -> Entity:  # noqa: A002
        """Marks a single conversation as read.

        Returns the updated conversation dict.
        """


__all__ = ["NotificationsAPI"]
