"""Search (v1 or v2, chosen by server version)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import MastodonBase
from ..endpoints import misc as E
from ..errors import MastodonIllegalArgumentError, MastodonVersionError
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import IdType, PaginationId, Search, SearchV2


RESULT_TYPES = ("accounts", "hashtags", "statuses")


class SearchAPI(MastodonBase):
    @api_method(E.search_v2, body=True)
    def search(
        self,
        q: str,
        resolve: bool = True,
        result_type: str | None = None,
        account_id: IdType | None = None,
        offset: int | None = None,
        min_id: PaginationId = None,
        max_id: PaginationId = None,
        exclude_unreviewed: bool = True,
        limit: int | None = None,
    ) -> Search | SearchV2:
        """Fetch matching hashtags, accounts and statuses.

        Will perform webfinger lookups if ``resolve`` is True. ``result_type`` can be one
        of "accounts", "hashtags" or "statuses", to only search for that type of object.
        Specify ``account_id`` to only get results from the account with that id.
        ``offset``, ``min_id`` and ``max_id`` can be used to paginate.
        ``exclude_unreviewed`` restricts hashtag results to reviewed ones (on by default).
        ``limit`` caps the results of each type.

        Uses search_v1 on Mastodon versions before 2.4.1, search_v2 otherwise. Parameters
        other than ``resolve`` need Mastodon 2.8.0 or above; a MastodonVersionError is
        raised if you use them on older versions (the cached version is used).

        Returns a search result dict, with tags as hashtag dicts.
        """
        if self.version_check_mode != "none" and not self._version_at_least((2, 4, 1)):
            if any(v is not None for v in (result_type, account_id, offset, min_id, max_id, limit)):
                raise MastodonVersionError("Advanced search parameters require Mastodon 2.8.0+")
            return self.search_v1(q, resolve=resolve)
        return self.search_v2(q, resolve, result_type, account_id, offset, min_id, max_id, exclude_unreviewed, limit)

    @api_method(E.search_v1)
    def search_v1(self, q: str, resolve: bool = False) -> Search:
        """Fetch matching hashtags, accounts and statuses (v1 API, tags as strings).

        Returns a search result dict.
        """

    @api_method(E.search_v2, body=True)
    def search_v2(
        self,
        q: str,
        resolve: bool = True,
        result_type: str | None = None,
        account_id: IdType | None = None,
        offset: int | None = None,
        min_id: PaginationId = None,
        max_id: PaginationId = None,
        exclude_unreviewed: bool = True,
        limit: int | None = None,
    ) -> SearchV2:
        """Identical to search_v1(), except in that it returns tags as hashtag dicts, has more parameters, and resolves by default.

        For more details documentation, please see search()

        Returns a search result dict.
        """
        if not isinstance(q, str):
            raise MastodonIllegalArgumentError("q must be a string")
        if result_type is not None and result_type not in RESULT_TYPES:
            raise MastodonIllegalArgumentError(f"Invalid result_type {result_type!r}; use one of {', '.join(RESULT_TYPES)}")
        args = dict(
            q=q, resolve=resolve, result_type=result_type, account_id=account_id, offset=offset, min_id=min_id, max_id=max_id,
        )
        # exclude_unreviewed only exists from 3.0.0 on; its default is left out on older servers.
        if exclude_unreviewed is not True or self._version_at_least((3, 0, 0)):
            args["exclude_unreviewed"] = exclude_unreviewed
        args["limit"] = limit
        return self._pipeline.call(E.search_v2, args)


__all__ = ["SearchAPI", "RESULT_TYPES"]
