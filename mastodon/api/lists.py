"""Lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import lists as E
from ..errors import MastodonIllegalArgumentError
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import Account, IdType, PaginationId, UserList
    from ..types_base import NonPaginatableList, PaginatableList


REPLIES_POLICIES = ("followed", "list", "none")


def _title(title: Any) -> str:
    if not isinstance(title, str) or not title.strip():
        raise MastodonIllegalArgumentError("A list title must be a non-empty string")
    return title


def _list_form(title: Any, replies_policy: Any, exclusive: Any) -> dict[str, Any]:
    """A checked list form. Options at the server's defaults are left out (so the request
    is the one servers before 3.3.0 take, and an update keeps the list's setting)."""
    if replies_policy not in REPLIES_POLICIES:
        raise MastodonIllegalArgumentError(f"Invalid replies_policy {replies_policy!r}; use one of {', '.join(REPLIES_POLICIES)}")
    if not isinstance(exclusive, bool):
        raise MastodonIllegalArgumentError("exclusive must be True or False")
    return {
        "title": _title(title),
        "replies_policy": None if replies_policy == "list" else replies_policy,
        "exclusive": exclusive or None,
    }


class ListsAPI(MastodonBase):
    @api_method(E.lists)
    def lists(self) -> NonPaginatableList[UserList]:
        """Fetch a list of all the Lists by the logged-in user.

        Returns a list of list dicts.
        """

    @api_method(E.list)
    def list(self, id: IdType) -> UserList:  # noqa: A002
        """Fetch info about a specific list.

        Returns a list dict.
        """

    @api_method(E.list_accounts)
    def list_accounts(
        self,
        id: IdType,  # noqa: A002
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """Get the accounts that are on the given list.

        Returns a list of user dicts.
        """

    @api_method(E.list_create, body=True)
    def list_create(self, title: str, replies_policy: str = "list", exclusive: bool = False) -> UserList:
        """Create a new list with the given title.

        ``replies_policy`` says which replies show in the list: "followed" (replies to
        anyone the user follows), "list" (replies to list members, the default) or "none"
        (Mastodon 3.3.0+). Set ``exclusive`` to True to keep the list members' posts out
        of the home timeline (4.2.0+). Options at their defaults are not sent.

        Returns the list dict of the created list.
        """
        return self._pipeline.call(E.list_create, _list_form(title, replies_policy, exclusive))

    @api_method(E.list_update, body=True)
    def list_update(self, id: IdType, title: str, replies_policy: str = "list", exclusive: bool = False) -> UserList:  # noqa: A002
        """Rename a list and change its options, as for list_create().

        Options at their defaults ("list", False) are not sent, so the list keeps what it
        has for them.

        Returns the list dict of the modified list.
        """
        return self._pipeline.call(E.list_update, {"id": id, **_list_form(title, replies_policy, exclusive)})

    @api_method(E.list_delete)
    def list_delete(self, id: IdType) -> None:  # noqa: A002
        """Delete a list."""

    @api_method(E.list_accounts_add)
    def list_accounts_add(self, id: IdType, account_ids: IdType | Sequence[IdType]) -> None:  # noqa: A002
        """Add the account(s) given in account_ids to the list."""

    @api_method(E.list_accounts_delete)
    def list_accounts_delete(self, id: IdType, account_ids: IdType | Sequence[IdType]) -> None:  # noqa: A002
        """Remove the account(s) given in account_ids from the list."""


__all__ = ["ListsAPI"]
