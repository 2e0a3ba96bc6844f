"""Collections: curated, shareable lists of accounts (Mastodon 4.6)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import collections as E
from ..errors import MastodonIllegalArgumentError
from ..params import as_list
from .binding import api_method
from .support import logged_in_id

if TYPE_CHECKING:
    from ..return_types import (
        Collections,
        CollectionWithAccounts,
        EmptyResponse,
        IdType,
        WrappedCollection,
        WrappedCollectionItem,
    )


def _check_name(name: Any, required: bool) -> None:
    if name is None and not required:
        return
    if not isinstance(name, str) or not name.strip():
        raise MastodonIllegalArgumentError("A collection needs a non-empty name")


def _tag_name(tag_name: str | None) -> str | None:
    """The hashtag without its ``#`` (the server takes either)."""
    if tag_name is None:
        return None
    if not isinstance(tag_name, str) or not tag_name.lstrip("#"):
        raise MastodonIllegalArgumentError(f"tag_name must be a hashtag, not {tag_name!r}")
    return tag_name.lstrip("#")


class CollectionsAPI(MastodonBase):
    @api_method(E.collection)
    def collection(self, id: IdType) -> CollectionWithAccounts:  # noqa: A002
        """Fetch a collection and the accounts in it (``collection`` and ``accounts``).

        Does not require authentication for collections others can see.
        """

    @api_method(E.account_collections)
    def account_collections(self, id: IdType, limit: int | None = None, offset: int | None = None) -> Collections:  # noqa: A002
        """Fetch the collections an account made (only its discoverable ones, unless it is you).

        Returns a dict whose ``collections`` is a list of collection dicts.
        """

    @api_method(E.account_in_collections, body=True)
    def account_in_collections(self, id: IdType | None, limit: int | None = None, offset: int | None = None) -> Collections:  # noqa: A002
        """Fetch the collections an account is featured in; ``id=None`` means the logged-in account.

        Returns a dict whose ``collections`` is a list of collection dicts.
        """
        if id is None:
            id = logged_in_id(self)  # noqa: A001
        return self._pipeline.call(E.account_in_collections, {"id": id, "limit": limit, "offset": offset})

    @api_method(E.collection_create, body=True)
    def collection_create(
        self,
        name: str,
        description: str | None = None,
        language: str | None = None,
        tag_name: str | None = None,
        sensitive: bool = False,
        discoverable: bool = False,
        account_ids: list[IdType] | None = None,
    ) -> WrappedCollection:
        """Create a collection named ``name`` (at most 40 characters), featuring ``account_ids``.

        ``description`` (at most 100 characters), ``language`` (ISO 639 code) and
        ``tag_name`` (one hashtag) describe it; ``sensitive`` marks it as sensitive, and
        ``discoverable`` shows it on your profile and in search.

        Returns a dict whose ``collection`` is the new collection.
        """
        _check_name(name, required=True)
        args = dict(
            name=name, description=description, language=language, tag_name=_tag_name(tag_name),
            sensitive=bool(sensitive), discoverable=bool(discoverable),
            account_ids=as_list(account_ids) if account_ids is not None else None,
        )
        return self._pipeline.call(E.collection_create, args)

    @api_method(E.collection_update, body=True)
    def collection_update(
        self,
        id: IdType,  # noqa: A002
        name: str | None = None,
        description: str | None = None,
        language: str | None = None,
        tag_name: str | None = None,
        sensitive: bool | None = None,
        discoverable: bool | None = None,
    ) -> WrappedCollection:
        """Change a collection of yours; what is not given stays as it is. Parameters as in collection_create().

        Returns a dict whose ``collection`` is the updated collection.
        """
        _check_name(name, required=False)
        args = dict(
            id=id, name=name, description=description, language=language, tag_name=_tag_name(tag_name),
            sensitive=sensitive, discoverable=discoverable,
        )
        return self._pipeline.call(E.collection_update, args)

    @api_method(E.collection_delete)
    def collection_delete(self, id: IdType) -> EmptyResponse:  # noqa: A002
        """Delete a collection of yours."""

    @api_method(E.collection_item_add)
    def collection_item_add(self, id: IdType, account_id: IdType) -> WrappedCollectionItem:  # noqa: A002
        """Feature an account in a collection of yours.

        Returns a dict whose ``collection_item`` is the new item (its ``state`` says
        whether the account has accepted).
        """

    @api_method(E.collection_item_delete)
    def collection_item_delete(self, collection_id: IdType, item_id: IdType) -> EmptyResponse:
        """Remove an item (a featured account) from a collection of yours."""

    @api_method(E.collection_item_revoke)
    def collection_item_revoke(self, collection_id: IdType, item_id: IdType) -> EmptyResponse:
        """Take yourself out of someone else's collection (``item_id`` is your item in it)."""


__all__ = ["CollectionsAPI"]
