"""The moderation (admin) API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..endpoints import admin as E
from ..errors import MastodonIllegalArgumentError
from .admin_blocks import AdminBlocksAPI
from .admin_dashboard import AdminDashboardAPI
from .binding import api_method
from .checks import check_choice

if TYPE_CHECKING:
    from ..return_types import AdminAccount, AdminReport, IdType, PaginationId
    from ..types_base import PaginatableList


MODERATION_STATUSES = ("active", "pending", "disabled", "silenced", "suspended")
MODERATION_ACTIONS = ("none", "disable", "silence", "suspend", "sensitive")
ACCOUNT_ORIGINS = ("local", "remote")
ACCOUNT_PERMISSIONS = ("staff",)


class AdminAPI(AdminBlocksAPI, AdminDashboardAPI):
    """Moderating accounts and reports; federation and sign-up blocks and the dashboard come from the bases."""

    @api_method(E.admin_accounts, body=True)
    def admin_accounts(
        self,
        remote: bool = False,
        by_domain: str | None = None,
        status: str = "active",
        username: str | None = None,
        display_name: str | None = None,
        email: str | None = None,
        ip: str | None = None,
        staff_only: bool = False,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminAccount]:
        """Fetches a list of accounts that match given criteria. By default, local accounts are returned.

        * Set ``remote`` to True to get remote accounts, otherwise local accounts are returned.
        * Set ``by_domain`` to a domain to get only accounts from that domain.
        * Set ``status`` to one of "active", "pending", "disabled", "silenced" or
          "suspended" to get only accounts with that moderation status (default: active).
        * Set ``username`` / ``display_name`` to a string to get only accounts whose
          username / display name contains this string.
        * Set ``email`` to an email to get only accounts with that email (local accounts).
        * Set ``ip`` to an ip (standard v4/v6 notation) to get only accounts whose last
          active ip is that ip (local accounts).
        * Set ``staff_only`` to True to only get staff accounts (local accounts).

        Setting the boolean parameters to False means "I do not care", not "exclude".
        This is the v1 route; ``admin_accounts_v1`` is the same call, ``admin_accounts_v2``
        the newer one.

        Returns a list of admin account dicts.
        """
        if status not in MODERATION_STATUSES:
            raise MastodonIllegalArgumentError(f"Invalid moderation status {status!r}; use one of {', '.join(MODERATION_STATUSES)}")
        args: dict[str, object] = dict(
            by_domain=by_domain, username=username, display_name=display_name, email=email, ip=ip,
            max_id=max_id, min_id=min_id, since_id=since_id, limit=limit,
        )
        if remote:
            args["remote"] = True
        if staff_only:
            args["staff"] = True
        args[status] = True
        return self._pipeline.call(E.admin_accounts, args)

    admin_accounts_v1 = admin_accounts

    @api_method(E.admin_accounts_v2, choices={"origin": ACCOUNT_ORIGINS, "status": MODERATION_STATUSES, "permissions": ACCOUNT_PERMISSIONS})
    def admin_accounts_v2(
        self,
        origin: str | None = None,
        by_domain: str | None = None,
        status: str | None = None,
        username: str | None = None,
        display_name: str | None = None,
        email: str | None = None,
        ip: str | None = None,
        permissions: str | None = None,
        invited_by: IdType | None = None,
        role_ids: list[IdType] | None = None,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminAccount]:
        """Fetches accounts matching the given criteria, through the v2 route.

        * ``origin``: "local" or "remote" accounts only.
        * ``by_domain``: only accounts from that domain.
        * ``status``: "active", "pending", "disabled", "silenced" or "suspended" accounts only.
        * ``username`` / ``display_name``: accounts whose username / display name contains this.
        * ``email`` / ``ip``: the accounts with that email, or last seen at that IP.
        * ``permissions``: "staff" for accounts that can manage reports.
        * ``invited_by``: the accounts invited by that account.
        * ``role_ids``: accounts with one of these roles (Mastodon 4.0.0 and later).

        Parameters left as None do not filter. Returns a list of admin account dicts.
        """

    @api_method(E.admin_account)
    def admin_account(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Fetches a single admin account dict for the user with the given id.

        Returns that dict.
        """

    @api_method(E.admin_account_enable)
    def admin_account_enable(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Reenables login for a local account for which login has been disabled.

        Returns the updated admin account dict.
        """

    @api_method(E.admin_account_approve)
    def admin_account_approve(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Approves a pending account.

        Returns the updated admin account dict.
        """

    @api_method(E.admin_account_reject)
    def admin_account_reject(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Rejects and deletes a pending account.

        Returns the updated admin account dict for the account that is now gone.
        """

    @api_method(E.admin_account_unsilence)
    def admin_account_unsilence(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Unsilences an account.

        Returns the updated admin account dict.
        """

    @api_method(E.admin_account_unsuspend)
    def admin_account_unsuspend(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Unsuspends an account.

        Returns the updated admin account dict.
        """

    @api_method(E.admin_account_unsensitive)
    def admin_account_unsensitive(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Stops forcing an account's media to be marked sensitive.

        Returns the updated admin account dict.
        """

    @api_method(E.admin_account_delete)
    def admin_account_delete(self, id: IdType) -> AdminAccount:  # noqa: A002
        """Permanently deletes the data of a suspended account.

        Returns the admin account dict of the account whose data is gone.
        """

    @api_method(E.admin_account_moderate, body=True)
    def admin_account_moderate(
        self,
        id: IdType,  # noqa: A002
        action: str | None = None,
        report_id: IdType | None = None,
        warning_preset_id: IdType | None = None,
        text: str | None = None,
        send_email_notification: bool = True,
    ) -> None:
        """Perform a moderation action on an account.

        Valid actions are "disable" (for a local user, disable login), "silence" (hide the
        users posts from all public timelines), "suspend" (irreversibly delete all the
        user's posts, past and future) and "sensitive" (force an accounts media visibility
        to always be sensitive). If no action is specified, the user is only issued a
        warning.

        Specify the id of a report as ``report_id`` to close the report with this
        moderation action as the resolution. Specify ``warning_preset_id`` to use a
        warning preset as the notification text to the user, or ``text`` to specify text
        directly. If both are specified, they are concatenated (preset first).

        Set ``send_email_notification`` to False to not send the user an email
        notification informing them of the moderation action.
        """
        action = "none" if action is None else action
        check_choice("moderation action", action, MODERATION_ACTIONS)
        args = dict(
            id=id, type=action, report_id=report_id, warning_preset_id=warning_preset_id, text=text,
            send_email_notification=None if send_email_notification is False else send_email_notification,
        )
        self._pipeline.call(E.admin_account_moderate, args)

    @api_method(E.admin_reports, body=True)
    def admin_reports(
        self,
        resolved: bool = False,
        account_id: IdType | None = None,
        target_account_id: IdType | None = None,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        unresolved: bool | None = None,
    ) -> PaginatableList[AdminReport]:
        """Fetches the list of reports.

        Set ``resolved`` to True to search for resolved reports; otherwise the server lists
        unresolved ones, which ``unresolved=True`` asks for explicitly (both at once is an
        error). ``account_id`` and ``target_account_id`` can be used to get reports filed by
        or about a specific user.

        Returns a list of report dicts.
        """
        if resolved and unresolved:
            raise MastodonIllegalArgumentError("admin_reports: resolved and unresolved exclude each other")
        args = dict(
            resolved=True if resolved else None, account_id=account_id, target_account_id=target_account_id,
            max_id=max_id, min_id=min_id, since_id=since_id, limit=limit,
        )
        return self._pipeline.call(E.admin_reports, args)

    @api_method(E.admin_report)
    def admin_report(self, id: IdType) -> AdminReport:  # noqa: A002
        """Fetches the report with the given id.

        Returns a report dict.
        """

    @api_method(E.admin_report_assign)
    def admin_report_assign(self, id: IdType) -> AdminReport:  # noqa: A002
        """Assigns the given report to the logged-in user.

        Returns the updated report dict.
        """

    @api_method(E.admin_report_unassign)
    def admin_report_unassign(self, id: IdType) -> AdminReport:  # noqa: A002
        """Unassigns the given report from the logged-in user.

        Returns the updated report dict.
        """

    @api_method(E.admin_report_reopen)
    def admin_report_reopen(self, id: IdType) -> AdminReport:  # noqa: A002
        """Reopens a closed report.

        Returns the updated report dict.
        """

    @api_method(E.admin_report_resolve)
    def admin_report_resolve(self, id: IdType) -> AdminReport:  # noqa: A002
        """Marks a report as resolved (without taking any action).

        Returns the updated report dict.
        """


__all__ = ["AdminAPI", "MODERATION_STATUSES", "MODERATION_ACTIONS", "ACCOUNT_ORIGINS", "ACCOUNT_PERMISSIONS"]
