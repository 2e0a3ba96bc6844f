"""Notifications, grouped notifications, notification requests and conversations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import notifications as E
from ..errors import MastodonIllegalArgumentError
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import (
        Account,
        Conversation,
        GroupedNotificationsResults,
        IdType,
        Notification,
        NotificationPolicy,
        NotificationRequest,
        PaginationId,
        UnreadNotificationsCount,
    )
    from ..types_base import NonPaginatableList, PaginatableList


#: What ``mentions_only=True`` excludes on servers older than 3.5.0 (no ``types[]`` there).
ALL_BUT_MENTIONS = ("follow", "favourite", "reblog", "poll", "follow_request")
POLICY_VALUES = ("accept", "filter", "drop")
EXPAND_ACCOUNTS = ("full", "partial_avatars")


def type_names(name: str, value: Any) -> list[str] | None:
    """``value`` checked as a list of notification type names (``None`` passes through)."""
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(t, str) for t in value):
        raise MastodonIllegalArgumentError(f"{name} must be a list of notification type names")
    return list(value)


def _non_empty(ids: Any) -> Any:
    if ids is None or (isinstance(ids, (list, tuple, set, frozenset)) and not ids):
        raise MastodonIllegalArgumentError("ids must name at least one notification request")
    return ids


class NotificationsAPI(MastodonBase):
    @api_method(E.notifications, body=True)
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
        *,
        types: list[str] | None = None,
        supported_types: list[str] | None = None,
    ) -> PaginatableList[Notification] | Notification:
        """Fetch notifications (mentions, favourites, reblogs, follows) for the logged-in user.

        Pass ``account_id`` to get only notifications originating from the given account.

        ``types`` lists the notification types to return, ``exclude_types`` the types to
        leave out (follow, favourite, reblog, mention, poll, follow_request, status,
        update, admin.sign_up, admin.report, ...). ``mentions_only=True`` returns only
        mentions: it sends ``types[]=mention`` to servers with Mastodon 3.5.0 or later,
        and excludes every other type on older ones. ``supported_types`` names the types
        the client can show, so the server sends a fallback for the others (4.6.0+).

        Can be passed an ``id`` to fetch a single notification.

        Returns a list of notification dicts (one notification dict when ``id`` is given).
        """
        exclude_types = type_names("exclude_types", exclude_types)
        types = type_names("types", types)
        supported_types = type_names("supported_types", supported_types)
        if mentions_only is not None:
            if exclude_types is not None or types is not None:
                raise MastodonIllegalArgumentError("Cannot specify exclude_types or types when mentions_only is present")
            if mentions_only:
                if self._version_at_least((3, 5, 0)):
                    types = ["mention"]
                else:
                    exclude_types = list(ALL_BUT_MENTIONS)
        if id is not None:
            return self._pipeline.call(E.notification, {"id": id, "supported_types": supported_types})
        args = dict(
            account_id=account_id, max_id=max_id, min_id=min_id, since_id=since_id, limit=limit,
            exclude_types=exclude_types, types=types, supported_types=supported_types,
        )
        return self._pipeline.call(E.notifications, args)

    @api_method(E.notifications_unread_count, body=True)
    def notifications_unread_count(self) -> UnreadNotificationsCount:
        """The number of unread notifications (newer than the notifications read marker).

        The server caps the count. Returns a dict with a ``count``.
        """
        return self._pipeline.call(E.notifications_unread_count)

    @api_method(E.notifications_clear)
    def notifications_clear(self) -> None:
        """Clear out a user's notifications"""

    @api_method(E.notifications_dismiss, body=True)
    def notifications_dismiss(self, id: IdType) -> None:  # noqa: A002
        """Deletes a single notification"""
        if not self._version_at_least((2, 9, 2)):
            self._pipeline.call(E.notifications_dismiss_legacy, {"id": id})
        else:
            self._pipeline.call(E.notifications_dismiss, {"id": id})

    # -- notification policy -------------------------------------------------------------

    @api_method(E.notifications_policy)
    def notifications_policy(self) -> NotificationPolicy:
        """The logged-in user's notification filtering policy, with a summary of pending requests."""

    @api_method(E.update_notifications_policy, body=True)
    def update_notifications_policy(
        self,
        for_not_following: str | None = None,
        for_not_followers: str | None = None,
        for_new_accounts: str | None = None,
        for_private_mentions: str | None = None,
        for_limited_accounts: str | None = None,
    ) -> NotificationPolicy:
        """Change the notification filtering policy; only the given parts change.

        Each value is "accept" (notify as usual), "filter" (hold the notifications as a
        notification request) or "drop" (create no notification).

        Returns the updated policy.
        """
        args = dict(
            for_not_following=for_not_following, for_not_followers=for_not_followers, for_new_accounts=for_new_accounts,
            for_private_mentions=for_private_mentions, for_limited_accounts=for_limited_accounts,
        )
        for name, value in args.items():
            if value is not None and value not in POLICY_VALUES:
                raise MastodonIllegalArgumentError(f"{name} must be one of {', '.join(POLICY_VALUES)}, not {value!r}")
        return self._pipeline.call(E.update_notifications_policy, args)

    # -- grouped notifications -----------------------------------------------------------

    @api_method(E.grouped_notifications, body=True)
    def grouped_notifications(
        self,
        max_id: PaginationId = None,
        since_id: PaginationId = None,
        min_id: PaginationId = None,
        limit: int | None = None,
        types: list[str] | None = None,
        exclude_types: list[str] | None = None,
        account_id: IdType | None = None,
        expand_accounts: str | None = "partial_avatars",
        grouped_types: list[str] | None = None,
        include_filtered: bool | None = None,
        supported_types: list[str] | None = None,
    ) -> GroupedNotificationsResults:
        """Fetch notifications grouped by the server (favourites, follows, boosts of one post...).

        ``types``/``exclude_types`` select notification types; ``grouped_types`` names
        the types that may be grouped (others come one per group). ``expand_accounts`` is
        "partial_avatars" (only the newest account of each group in full, the others in
        ``partial_accounts``) or "full". ``include_filtered`` also returns notifications
        held back by the notification policy; ``supported_types`` as for notifications().

        Returns a dict with ``accounts``, ``partial_accounts``, ``statuses`` and
        ``notification_groups``.
        """
        if expand_accounts is not None and expand_accounts not in EXPAND_ACCOUNTS:
            raise MastodonIllegalArgumentError(f"expand_accounts must be one of {', '.join(EXPAND_ACCOUNTS)}")
        args = dict(
            max_id=max_id, since_id=since_id, min_id=min_id, limit=limit,
            types=type_names("types", types), exclude_types=type_names("exclude_types", exclude_types),
            account_id=account_id, expand_accounts=expand_accounts,
            grouped_types=type_names("grouped_types", grouped_types), include_filtered=include_filtered,
            supported_types=type_names("supported_types", supported_types),
        )
        return self._pipeline.call(E.grouped_notifications, args)

    @api_method(E.grouped_notification, body=True)
    def grouped_notification(self, group_key: str, supported_types: list[str] | None = None) -> GroupedNotificationsResults:
        """Fetch one notification group by its ``group_key``.

        Returns a grouped-notifications dict holding that single group.
        """
        args = dict(group_key=group_key, supported_types=type_names("supported_types", supported_types))
        return self._pipeline.call(E.grouped_notification, args)

    @api_method(E.grouped_notification_accounts)
    def grouped_notification_accounts(self, group_key: str) -> NonPaginatableList[Account]:
        """The accounts of every notification in the group ``group_key``."""

    @api_method(E.dismiss_grouped_notification)
    def dismiss_grouped_notification(self, group_key: str) -> None:
        """Dismiss every notification of the group ``group_key``."""

    @api_method(E.unread_grouped_notifications_count, body=True)
    def unread_grouped_notifications_count(
        self,
        limit: int | None = None,
        types: list[str] | None = None,
        exclude_types: list[str] | None = None,
        account_id: IdType | None = None,
        grouped_types: list[str] | None = None,
    ) -> int:
        """The number of unread notification groups (capped by the server, or at ``limit``).

        The other parameters select the notifications as for grouped_notifications().
        """
        args = dict(
            limit=limit, types=type_names("types", types), exclude_types=type_names("exclude_types", exclude_types),
            account_id=account_id, grouped_types=type_names("grouped_types", grouped_types),
        )
        return int(self._pipeline.call(E.unread_grouped_notifications_count, args)["count"])

    # -- notification requests -----------------------------------------------------------

    @api_method(E.notification_requests)
    def notification_requests(
        self,
        max_id: PaginationId = None,
        since_id: PaginationId = None,
        min_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[NotificationRequest]:
        """Fetch the pending notification requests: accounts whose notifications the policy holds back."""

    @api_method(E.notification_request)
    def notification_request(self, id: IdType) -> NotificationRequest:  # noqa: A002
        """Fetch one notification request."""

    @api_method(E.accept_notification_request)
    def accept_notification_request(self, id: IdType) -> None:  # noqa: A002
        """Accept a notification request: its notifications, and later ones from that account, get through."""

    @api_method(E.dismiss_notification_request)
    def dismiss_notification_request(self, id: IdType) -> None:  # noqa: A002
        """Dismiss a notification request: it is hidden and no longer counted as pending."""

    @api_method(E.accept_multiple_notification_requests, body=True)
    def accept_multiple_notification_requests(self, ids: list[IdType]) -> None:
        """Accept several notification requests at once."""
        self._pipeline.call(E.accept_multiple_notification_requests, {"ids": _non_empty(ids)})

    @api_method(E.dismiss_multiple_notification_requests, body=True)
    def dismiss_multiple_notification_requests(self, ids: list[IdType]) -> None:
        """Dismiss several notification requests at once."""
        self._pipeline.call(E.dismiss_multiple_notification_requests, {"ids": _non_empty(ids)})

    @api_method(E.notifications_merged, body=True)
    def notifications_merged(self) -> bool:
        """Whether the notifications of accepted requests have been merged into the notifications list.

        Accepting a request merges in the background; refresh the notifications once this is True.
        """
        return bool(self._pipeline.call(E.notifications_merged)["merged"])

    @api_method(E.conversations_read)
    def conversations_read(self, id: IdType) -> Conversation:  # noqa: A002
        """Marks a single conversation as read.

        Returns the updated conversation dict.
        """


__all__ = ["NotificationsAPI", "ALL_BUT_MENTIONS", "type_names"]
