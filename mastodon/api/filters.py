"""Keyword filters, and applying them client-side."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import misc as E
from ..errors import MastodonIllegalArgumentError
from ..params import as_list
from .binding import api_method, uses_endpoint, version_note

if TYPE_CHECKING:
    from ..return_types import Entity, EntityList, IdType

FILTER_CONTEXTS = ("home", "notifications", "public", "thread", "account")
_TAGS = r"<[^>]*>"  # compiled on first use


def _check_context(context: Any) -> list[str] | None:
    if context is None:
        return None
    values = as_list(context)
    bad = [c for c in values if c not in FILTER_CONTEXTS]
    if bad or not values:
        raise MastodonIllegalArgumentError(f"Invalid filter context {bad or context!r}; use {', '.join(FILTER_CONTEXTS)}")
    return values


def _plain_text(html: str) -> str:
    from html import unescape

    return unescape(re.sub(_TAGS, " ", html or ""))


class FiltersAPI(MastodonBase):
    @api_method(E.filters)
    def filters(self) -> EntityList:
        """Fetch all of the logged-in user's filters.

        Returns a list of filter dicts. Not paginated.
        """

    @api_method(E.filter)
    def filter(self, id: IdType) -> Entity:  # noqa: A002
        """Fetches information about the filter with the specified id.

        Returns a filter dict.
        """

    @uses_endpoint(E.filter_create)
    def filter_create(
        self,
        phrase: str,
        context: str | list[str],
        irreversible: bool = False,
        whole_word: bool = True,
        expires_in: int | None = None,
    ) -> Entity:
        """Creates a new keyword filter.

        ``phrase`` is the phrase that should be filtered out, ``context`` specifies from
        where to filter the keywords. Valid contexts are 'home', 'notifications', 'public'
        and 'thread'.

        Set ``irreversible`` to True if you want the filter to just delete statuses server
        side. This works only for the 'home' and 'notifications' contexts.

        Set ``whole_word`` to False if you want to allow filter matches to start or end
        within a word, not only at word boundaries.

        Set ``expires_in`` to specify for how many seconds the filter should be kept around.

        Returns the filter dict of the newly created filter.
        """
        if not isinstance(phrase, str) or not phrase:
            raise MastodonIllegalArgumentError("phrase must be a non-empty string")
        args = dict(phrase=phrase, context=_check_context(context), irreversible=irreversible, whole_word=whole_word, expires_in=expires_in)
        return self._pipeline.call(E.filter_create, args)

    @uses_endpoint(E.filter_update)
    def filter_update(
        self,
        id: IdType,  # noqa: A002
        phrase: str | None = None,
        context: str | list[str] | None = None,
        irreversible: bool | None = None,
        whole_word: bool | None = None,
        expires_in: int | None = None,
    ) -> Entity:
        """Updates the filter with the given id. Parameters are the same as in filter_create().

        Returns the filter dict of the updated filter.
        """
        args = dict(id=id, phrase=phrase, context=_check_context(context), irreversible=irreversible, whole_word=whole_word, expires_in=expires_in)
        return self._pipeline.call(E.filter_update, args)

    @api_method(E.filter_delete)
    def filter_delete(self, id: IdType) -> None:  # noqa: A002
        """Deletes the filter with the given id."""

    @version_note("2.4.3")
    def filters_apply(self, objects: Iterable[Any], filters: Iterable[Any], context: str) -> list[Any]:
        """Helper function: Applies a list of filters to a list of either statuses or notifications and returns only those matched by none.

        This function will apply all filters that match the context provided in
        ``context``, i.e. if you want to apply only notification-relevant filters, specify
        'notifications'. Valid contexts are 'home', 'notifications', 'public' and 'thread'.
        """
        _check_context(context)
        patterns = []
        for keyword_filter in filters:
            if context not in (keyword_filter.get("context") or ()):
                continue
            phrase = re.escape(str(keyword_filter["phrase"]))
            if keyword_filter.get("whole_word"):
                phrase = r"\b" + phrase + r"\b"
            patterns.append(re.compile(phrase, re.IGNORECASE | re.UNICODE))
        kept = []
        for item in objects:
            status = item.get("status") if isinstance(item, dict) and "status" in item and "type" in item else item
            if status is None or not patterns:
                kept.append(item)
                continue
            texts = [_plain_text(status.get("content") or ""), status.get("spoiler_text") or ""]
            reblog = status.get("reblog")
            if isinstance(reblog, dict):
                texts += [_plain_text(reblog.get("content") or ""), reblog.get("spoiler_text") or ""]
            if not any(p.search(text) for p in patterns for text in texts):
                kept.append(item)
        return kept


__all__ = ["FiltersAPI", "FILTER_CONTEXTS"]
