"""Lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import lists as E
from ..errors import MastodonIllegalArgumentError
from .binding import api_method, uses_endpoint

if TYPE_CHECKING:
    from ..return_types import Entity, EntityList, IdType, PaginationId


def _title(title: Any) -> str:
    if not isinstance(title, str) or not title.strip():
        raise MastodonIllegalArgumentError("A list title must be a non-empty string")
    return title


class ListsAPI(MastodonBase):
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
    def list_create(self, title: str) -> Entity:
        """Create a new list with the given title.

        Returns the list dict of the created list.
        """
        return self._pipeline.call(E.list_create, {"title": _title(title)})

    @uses_endpoint(E.list_update)
    def list_update(self, id: IdType, title: str) -> Entity:  # noqa: A002
        """Update info about a list, where "info" is really the lists title.

        Returns the list dict of the modified list.
        """
        return self._pipeline.call(E.list_update, {"id": id, "title": _title(title)})

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
