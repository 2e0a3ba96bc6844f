"""Keyword filters, and applying them client-side."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import filters as V2
from ..endpoints import misc as E
from ..errors import MastodonIllegalArgumentError
from ..params import as_list, unpack_id
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import Filter, FilterKeyword, FilterStatus, FilterV2, IdType
    from ..types_base import NonPaginatableList


FILTER_CONTEXTS = ("home", "notifications", "public", "thread", "account")
FILTER_ACTIONS = ("warn", "hide", "blur")
KEYWORD_FIELDS = frozenset({"keyword", "whole_word", "id", "_destroy"})
_TAGS = r"<[^>]*>"  # compiled on first use


def _check_context(context: Any) -> list[str] | None:
    if context is None:
        return None
    values = as_list(context)
    bad = [c for c in values if c not in FILTER_CONTEXTS]
    if bad or not values:
        raise MastodonIllegalArgumentError(f"Invalid filter context {bad or context!r}; use {', '.join(FILTER_CONTEXTS)}")
    return values


def _check_action(action: Any) -> Any:
    if action is not None and action not in FILTER_ACTIONS:
        raise MastodonIllegalArgumentError(f"Invalid filter_action {action!r}; use {', '.join(FILTER_ACTIONS)}")
    return action


def _check_keywords(keywords: Any, new_only: bool) -> list[dict[str, Any]] | None:
    """``keywords_attributes`` checked: a list of dicts with keyword fields (new keywords need ``keyword``)."""
    if keywords is None:
        return None
    if isinstance(keywords, dict) or not isinstance(keywords, (list, tuple)):
        raise MastodonIllegalArgumentError("keywords_attributes must be a list of dicts")
    checked = []
    for entry in keywords:
        if not isinstance(entry, dict) or not entry or not KEYWORD_FIELDS.issuperset(entry):
            raise MastodonIllegalArgumentError(f"Invalid keywords_attributes entry {entry!r}; use the keys {', '.join(sorted(KEYWORD_FIELDS))}")
        if (new_only and "id" in entry) or ("_destroy" in entry and "id" not in entry):
            raise MastodonIllegalArgumentError(f"keywords_attributes entry {entry!r}: id and _destroy only apply to existing keywords, when updating")
        if "id" not in entry and not entry.get("keyword"):
            raise MastodonIllegalArgumentError(f"keywords_attributes entry {entry!r} needs a keyword")
        checked.append({key: unpack_id(value) if key == "id" else value for key, value in entry.items()})
    return checked


def _plain_text(html: str) -> str:
    from html import unescape

    return unescape(re.sub(_TAGS, " ", html or ""))


class FiltersAPI(MastodonBase):
    @api_method(E.filters)
    def filters(self) -> NonPaginatableList[Filter]:
        """Fetch all of the logged-in user's filters.

        Returns a list of filter dicts. Not paginated.
        """

    @api_method(E.filter)
    def filter(self, id: IdType) -> Filter:  # noqa: A002
        """Fetches information about the filter with the specified id.

        Returns a filter dict.
        """

    @api_method(E.filter_create, body=True)
    def filter_create(
        self,
        phrase: str,
        context: str | list[str],
        irreversible: bool = False,
        whole_word: bool = True,
        expires_in: int | None = None,
    ) -> Filter:
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

    @api_method(E.filter_update, body=True)
    def filter_update(
        self,
        id: IdType,  # noqa: A002
        phrase: str | None = None,
        context: str | list[str] | None = None,
        irreversible: bool | None = None,
        whole_word: bool | None = None,
        expires_in: int | None = None,
    ) -> Filter:
        """Updates the filter with the given id. Parameters are the same as in filter_create().

        Returns the filter dict of the updated filter.
        """
        args = dict(id=id, phrase=phrase, context=_check_context(context), irreversible=irreversible, whole_word=whole_word, expires_in=expires_in)
        return self._pipeline.call(E.filter_update, args)

    @api_method(E.filter_delete)
    def filter_delete(self, id: IdType) -> None:  # noqa: A002
        """Deletes the filter with the given id."""

    # -- server-side (v2) filters -------------------------------------------------------

    @api_method(V2.filters_v2)
    def filters_v2(self) -> NonPaginatableList[FilterV2]:
        """Fetch all of the logged-in user's filter groups (server-side filters)."""

    @api_method(V2.filter_v2)
    def filter_v2(self, filter_id: IdType) -> FilterV2:
        """Fetch one filter group with its keywords and statuses."""

    @api_method(V2.create_filter_v2, body=True)
    def create_filter_v2(
        self,
        title: str,
        context: list[str],
        filter_action: str,
        expires_in: int | None = None,
        keywords_attributes: list[dict[str, Any]] | None = None,
    ) -> FilterV2:
        """Create a filter group.

        ``context`` lists where it applies (home, notifications, public, thread, account);
        ``filter_action`` is "warn" (show a warning), "hide" or "blur" (4.4.0+).
        ``expires_in`` is its lifetime in seconds. ``keywords_attributes`` lists the
        keywords as dicts: ``{"keyword": "foo", "whole_word": True}``.

        Returns the new filter.
        """
        if not isinstance(title, str) or not title:
            raise MastodonIllegalArgumentError("title must be a non-empty string")
        args = dict(
            title=title, context=_check_context(context), filter_action=_check_action(filter_action),
            expires_in=expires_in, keywords_attributes=_check_keywords(keywords_attributes, new_only=True),
        )
        return self._pipeline.call(V2.create_filter_v2, args)

    @api_method(V2.update_filter_v2, body=True)
    def update_filter_v2(
        self,
        filter_id: IdType,
        title: str | None = None,
        context: list[str] | None = None,
        filter_action: str | None = None,
        expires_in: int | None = None,
        keywords_attributes: list[dict[str, Any]] | None = None,
    ) -> FilterV2:
        """Change a filter group; only the given fields change.

        Parameters are as for create_filter_v2(). A ``keywords_attributes`` entry with an
        ``id`` changes that keyword, or removes it with ``"_destroy": True``; entries
        without one add keywords.

        Returns the updated filter.
        """
        args = dict(
            filter_id=filter_id, title=title, context=_check_context(context), filter_action=_check_action(filter_action),
            expires_in=expires_in, keywords_attributes=_check_keywords(keywords_attributes, new_only=False),
        )
        return self._pipeline.call(V2.update_filter_v2, args)

    @api_method(V2.delete_filter_v2)
    def delete_filter_v2(self, filter_id: IdType) -> None:
        """Delete a filter group with its keywords and statuses."""

    @api_method(V2.filter_keywords_v2)
    def filter_keywords_v2(self, filter_id: IdType) -> NonPaginatableList[FilterKeyword]:
        """The keywords of a filter group."""

    @api_method(V2.add_filter_keyword_v2, body=True)
    def add_filter_keyword_v2(self, filter_id: IdType, keyword: str, whole_word: bool = False) -> FilterKeyword:
        """Add a keyword to a filter group; ``whole_word`` matches it at word boundaries only.

        Returns the new keyword.
        """
        if not isinstance(keyword, str) or not keyword:
            raise MastodonIllegalArgumentError("keyword must be a non-empty string")
        return self._pipeline.call(V2.add_filter_keyword_v2, dict(filter_id=filter_id, keyword=keyword, whole_word=whole_word))

    @api_method(V2.delete_filter_keyword_v2)
    def delete_filter_keyword_v2(self, keyword_id: IdType) -> None:
        """Remove a keyword from its filter group."""

    @api_method(V2.filter_statuses_v2)
    def filter_statuses_v2(self, filter_id: IdType) -> NonPaginatableList[FilterStatus]:
        """The statuses a filter group filters individually."""

    @api_method(V2.add_filter_status_v2)
    def add_filter_status_v2(self, filter_id: IdType, status_id: IdType) -> FilterStatus:
        """Add a single status to a filter group.

        Returns the new filter-status entry.
        """

    @api_method(V2.filter_status_v2)
    def filter_status_v2(self, filter_status_id: IdType) -> FilterStatus:
        """Fetch one filter-status entry (by its own id, not the status's)."""

    @api_method(V2.delete_filter_status_v2)
    def delete_filter_status_v2(self, filter_status_id: IdType) -> None:
        """Remove a status from its filter group (by the filter-status entry's id)."""

    @api_method(since=E.filters)
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


__all__ = ["FiltersAPI", "FILTER_CONTEXTS", "FILTER_ACTIONS"]
