"""Lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import lists as E
from ..errors import MastodonIllegalArgumentError
from ..versions import parse_version_tuple
from .binding import api_method, uses_endpoint

if TYPE_CHECKING:
    from ..return_types import Entity, EntityList, IdType, PaginationId

REPLIES_POLICIES = ("followed", "list", "none")


def _title(title: Any) -> str:
    if not isinstance(title, str) or not title.strip():
        raise MastodonIllegalArgumentError("A list title must be a non-empty string")
    return title


class ListsAPI(MastodonBase):
    def _list_form(self, title: Any, replies_policy: Any, exclusive: Any) -> dict[str, Any]:
        """A checked list form; each option goes to servers that know it, or when it is not the default."""
        if replies_policy not in REPLIES_POLICIES:
            raise MastodonIllegalArgumentError(f"Invalid replies_policy {replies_policy!r}; use one of {', '.join(REPLIES_POLICIES)}")
        if not isinstance(exclusive, bool):
            raise MastodonIllegalArgumentError("exclusive must be True or False")
        form: dict[str, Any] = {"title": _title(title)}
        for option, value, default in (("replies_policy", replies_policy, "list"), ("exclusive", exclusive, False)):
            added = E.list_create.params_by_name[option].added or "1.0.0"
            if value != default or self._version_at_least(parse_version_tuple(added)):
                form[option] = value
        return form

    @api_method(E.lists)
    def lists(self) -> EntityList:
        """Fetch a list of all the Lists by the logged-in user.

        Returns a list of list dicts.
        """

    @api_method(E.list)
    def list(self, id: IdType) -> Entity:  # noqa: A002
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
    ) -> EntityList:
        """Get the accounts that are on the given list.

        Returns a list of user dicts.
        """

    @uses_endpoint(E.list_create)
    def list_create(self, title: str, replies_policy: str = "list", exclusive: bool = False) -> Entity:
        """Create a new list with the given title.

        ``replies_policy`` says which replies show in the list: "followed" (replies to
        anyone the user follows), "list" (replies to list members, the default) or "none"
        (Mastodon 3.3.0+). Set ``exclusive`` to True to keep the list members' posts out
        of the home timeline (4.2.0+).

        Returns the list dict of the created list.
        """
        return self._pipeline.call(E.list_create, self._list_form(title, replies_policy, exclusive))

    @uses_endpoint(E.list_update)
    def list_update(self, id: IdType, title: str, replies_policy: str = "list", exclusive: bool = False) -> Entity:  # noqa: A002
        """Rename a list and set its options, as for list_create().

        Servers that know ``replies_policy`` and ``exclusive`` are always sent both: pass
        the list's current values to keep them.

        Returns the list dict of the modified list.
        """
        return self._pipeline.call(E.list_update, {"id": id, **self._list_form(title, replies_policy, exclusive)})

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
