"""Trending hashtags, statuses and links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import trends as E
from .binding import api_method
from .fallback import newest_available

if TYPE_CHECKING:
    from ..endpoints.model import Endpoint
    from ..return_types import PreviewCard, Status, Tag
    from ..types_base import PaginatableList


class TrendsAPI(MastodonBase):
    def _trending(self, endpoint: Endpoint, limit: int | None, offset: int | None, lang: str | None) -> Any:
        """One page of trends; ``lang`` asks for them in that language (``Accept-Language``)."""
        headers = {"Accept-Language": lang} if lang else None
        return self._pipeline.call(endpoint, {"limit": limit, "offset": offset}, headers=headers)

    @api_method(E.trending_tags, body=True)
    def trending_tags(self, limit: int | None = None, offset: int | None = None, lang: str | None = None) -> PaginatableList[Tag]:
        """Fetch the hashtags used more than usual this past week, most trending first.

        ``limit`` caps the number (at most 20), ``offset`` skips that many, ``lang`` (an
        ISO 639 code) asks for the trends of that language. Servers before 3.5.0 are asked
        on their older route, which takes ``limit`` only.

        Returns a list of hashtag dicts, with their use history.
        """
        return self._trending(newest_available(self, E.trending_tags, E.trends), limit, offset, lang)

    @api_method(E.trending_tags, body=True)
    def trends(self, limit: int | None = None) -> PaginatableList[Tag]:
        """Fetch trending hashtags: trending_tags() by its older name.

        Returns a list of hashtag dicts.
        """
        return self.trending_tags(limit)

    @api_method(E.trending_statuses, body=True)
    def trending_statuses(self, limit: int | None = None, offset: int | None = None, lang: str | None = None) -> PaginatableList[Status]:
        """Fetch the statuses interacted with more than others, most trending first.

        ``limit`` caps the number (at most 40); ``offset`` and ``lang`` as for trending_tags().

        Returns a list of toot dicts.
        """
        return self._trending(E.trending_statuses, limit, offset, lang)

    @api_method(E.trending_links, body=True)
    def trending_links(self, limit: int | None = None, offset: int | None = None, lang: str | None = None) -> PaginatableList[PreviewCard]:
        """Fetch the links shared more than others, most trending first.

        ``limit`` caps the number (at most 20); ``offset`` and ``lang`` as for trending_tags().

        Returns a list of preview card dicts, each with its share ``history``.
        """
        return self._trending(E.trending_links, limit, offset, lang)


__all__ = ["TrendsAPI"]
