"""Hashtags: looking one up, following and featuring it, the followed ones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import tags as E
from ..errors import MastodonIllegalArgumentError
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import Entity, PaginationId, Tag
    from ..types_base import PaginatableList


def tag_name(hashtag: Any) -> str:
    """The name of a hashtag given as a name (with or without ``#``) or as a hashtag dict."""
    if isinstance(hashtag, dict):
        hashtag = hashtag.get("name")
    if not isinstance(hashtag, str) or not hashtag.lstrip("#"):
        raise MastodonIllegalArgumentError("A hashtag must be given by its name or as a hashtag dict")
    return hashtag.lstrip("#")


class TagsAPI(MastodonBase):
    @api_method(E.tag, body=True)
    def tag(self, hashtag: Entity | str) -> Tag:
        """Fetch a hashtag by name (case-insensitive), with its recent use and whether the logged-in user follows it.

        Returns a hashtag dict.
        """
        return self._pipeline.call(E.tag, {"name": tag_name(hashtag)})

    @api_method(E.tag_follow, body=True)
    def tag_follow(self, hashtag: Entity | str) -> Tag:
        """Follow a hashtag: posts that use it appear in the home timeline.

        Returns the hashtag dict.
        """
        return self._pipeline.call(E.tag_follow, {"name": tag_name(hashtag)})

    @api_method(E.tag_unfollow, body=True)
    def tag_unfollow(self, hashtag: Entity | str) -> Tag:
        """Stop following a hashtag.

        Returns the hashtag dict.
        """
        return self._pipeline.call(E.tag_unfollow, {"name": tag_name(hashtag)})

    @api_method(E.tag_feature, body=True)
    def tag_feature(self, name: str) -> Tag:
        """Feature a hashtag on the logged-in user's profile (replaces featured_tag_create() on 4.4.0+).

        Returns the hashtag dict.
        """
        return self._pipeline.call(E.tag_feature, {"name": tag_name(name)})

    @api_method(E.tag_unfeature, body=True)
    def tag_unfeature(self, name: str) -> Tag:
        """Stop featuring a hashtag on the logged-in user's profile.

        Returns the hashtag dict.
        """
        return self._pipeline.call(E.tag_unfeature, {"name": tag_name(name)})

    @api_method(E.followed_tags)
    def followed_tags(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Tag]:
        """Fetch the hashtags the logged-in user follows (at most 200 a page).

        Returns a list of hashtag dicts.
        """


__all__ = ["TagsAPI", "tag_name"]
