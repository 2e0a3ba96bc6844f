"""Reading data: timelines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import MastodonBase
from ..endpoints import timelines as E
from ..endpoints.instance import instance_v2
from ..errors import (
    MastodonError,
    MastodonForbiddenError,
    MastodonIllegalArgumentError,
    MastodonUnauthorizedError,
    MastodonUnprocessableEntityError,
)
from .binding import api_method

#: ``timelines_access`` key of the instance configuration for each kind of timeline.
_FEEDS = {"public": "live_feeds", "local": "live_feeds", "tag": "hashtag_feeds", "link": "trending_link_feeds"}


def timeline_feed(timeline: str) -> str | None:
    """The ``timelines_access`` key for ``timeline``; ``None`` for the user's own timelines (home, lists)."""
    if not isinstance(timeline, str):
        raise MastodonIllegalArgumentError(f"Invalid timeline {timeline!r}")
    kind, _, name = timeline.partition("/")
    if timeline in ("home",) or (kind == "list" and name and "/" not in name):
        return None
    if (kind == "tag" and name and "/" not in name) or (not name and kind in ("public", "local", "link")):
        return _FEEDS[kind]
    raise MastodonIllegalArgumentError(
        f"Invalid timeline {timeline!r}: use 'public', 'local', 'tag/<hashtag>', 'link', 'home' or 'list/<id>'"
    )

if TYPE_CHECKING:
    from ..return_types import Conversation, IdType, PaginationId, Status
    from ..types_base import PaginatableList


class TimelinesAPI(MastodonBase):
    @api_method(E.timeline_home, body=True)
    def timeline(
        self,
        timeline: str = "home",
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """Fetch statuses, most recent ones first.

        ``timeline`` can be 'home', 'local', 'public', 'tag/hashtag' or 'list/id'. The
        default timeline is the "home" timeline.

        Specify ``only_media`` to only get posts with attached media. Specify ``local`` to
        only get local statuses, and ``remote`` to only get remote statuses.

        Returns a list of toot dicts.
        """
        if not isinstance(timeline, str) or not timeline:
            raise MastodonIllegalArgumentError(f"Invalid timeline {timeline!r}")
        args = dict(max_id=max_id, min_id=min_id, since_id=since_id, limit=limit, only_media=only_media, local=local, remote=remote)
        if timeline == "home":
            return self._pipeline.call(E.timeline_home, args)
        if timeline in ("local", "public"):
            if timeline == "local":
                args["local"] = True
            return self._pipeline.call(E.timeline_public, args)
        kind, _, name = timeline.partition("/")
        if kind == "tag" and name and "/" not in name:
            return self._pipeline.call(E.timeline_hashtag, dict(args, hashtag=name))
        if kind == "list" and name and "/" not in name:
            return self._pipeline.call(E.timeline_list, dict(args, id=name))
        raise MastodonIllegalArgumentError(
            f"Invalid timeline {timeline!r}: use 'home', 'local', 'public', 'tag/<hashtag>' or 'list/<id>'"
        )

    @api_method(E.timeline_home)
    def timeline_home(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """Convenience method: Fetches the logged-in user's home timeline (i.e. followed users and self). Params as in timeline().

        Returns a list of toot dicts.
        """

    @api_method(E.timeline_public, body=True)
    def timeline_local(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
    ) -> PaginatableList[Status]:
        """Convenience method: Fetches the local / instance-wide timeline, not including replies. Params as in timeline().

        Returns a list of toot dicts.
        """
        return self.timeline("local", max_id=max_id, min_id=min_id, since_id=since_id, limit=limit, only_media=only_media)

    @api_method(E.timeline_public)
    def timeline_public(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """Convenience method: Fetches the public / visible-network / federated timeline, not including replies. Params as in timeline().

        Returns a list of toot dicts.
        """

    @api_method(E.timeline_hashtag, body=True)
    def timeline_hashtag(
        self,
        hashtag: str,
        local: bool = False,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """Convenience method: Fetch a timeline of toots with a given hashtag.

        The hashtag parameter should not contain the leading #. Params as in timeline().

        Returns a list of toot dicts.
        """
        if not isinstance(hashtag, str) or not hashtag:
            raise MastodonIllegalArgumentError("Hashtag must be a non-empty string")
        if hashtag.startswith("#"):
            raise MastodonIllegalArgumentError("Hashtag parameter should omit leading #")
        args = dict(hashtag=hashtag, local=local, max_id=max_id, min_id=min_id, since_id=since_id, limit=limit, only_media=only_media, remote=remote)
        return self._pipeline.call(E.timeline_hashtag, args)

    @api_method(E.timeline_list)
    def timeline_list(
        self,
        id: IdType,  # noqa: A002
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """Convenience method: Fetches a timeline containing all the toots by users in a given list. Params as in timeline().

        Returns a list of toot dicts.
        """

    @api_method(E.timeline_link, body=True)
    def timeline_link(
        self,
        url: str,
        local: bool = False,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """Fetch public statuses that link to ``url``, a currently trending link. Params as in timeline().

        Returns a list of toot dicts.
        """
        if not isinstance(url, str) or "://" not in url:
            raise MastodonIllegalArgumentError(f"timeline_link needs the URL of a trending link, not {url!r}")
        args = dict(url=url, local=local, max_id=max_id, min_id=min_id, since_id=since_id, limit=limit, only_media=only_media, remote=remote)
        return self._pipeline.call(E.timeline_link, args)

    @api_method(since="4.5.0")
    def timeline_is_available(
        self,
        timeline: str = "public",
        local: bool = False,
        remote: bool = False,
        with_auth: bool = False,
        fail_hard: bool = False,
    ) -> bool:
        """Whether ``timeline`` can be read: 'public', 'local', 'tag/<hashtag>', 'link', 'home' or 'list/<id>'.

        ``local`` and ``remote`` ask about local or remote statuses only (both: either
        kind; neither: both kinds); ``with_auth`` about reading it logged in. The answer
        comes from the access settings the server publishes (``timelines_access`` in the
        instance document, Mastodon 4.5); a server without them is asked for one status of
        the timeline. 'home' and list timelines are available only with authentication.

        A check that fails (network or server errors) counts as unavailable, unless
        ``fail_hard`` is True: then its error is raised.
        """
        feed = timeline_feed(timeline)
        if feed is None:
            return with_auth
        try:
            return self._timeline_access(timeline, feed, local, remote, with_auth)
        except MastodonError:
            if fail_hard:
                raise
            return False

    def _timeline_access(self, timeline: str, feed: str, local: bool, remote: bool, with_auth: bool) -> bool:
        settings = None
        if self._version_at_least((4, 0, 0)):
            configuration = self._pipeline.call(instance_v2).get("configuration") or {}
            settings = (configuration.get("timelines_access") or {}).get(feed)
        if isinstance(settings, dict):
            kinds = [k for k, wanted in (("local", local), ("remote", remote)) if wanted] or ["local", "remote"]
            if timeline == "local":
                kinds = ["local"]
            allowed = ("public", "authenticated") if with_auth else ("public",)
            return all(settings.get(kind, "public") in allowed for kind in kinds)
        if feed == "trending_link_feeds":
            return self._version_at_least((4, 3, 0))
        probe = E.timeline_hashtag if feed == "hashtag_feeds" else E.timeline_public
        args: dict[str, object] = {"limit": 1, "local": local or timeline == "local", "remote": remote}
        if feed == "hashtag_feeds":
            args["hashtag"] = timeline.partition("/")[2]
        try:
            self._pipeline.call(probe, args, auth=with_auth)
        except (MastodonUnauthorizedError, MastodonForbiddenError, MastodonUnprocessableEntityError):
            return False
        return True

    @api_method(E.conversations)
    def conversations(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Conversation]:
        """Fetches a user's conversations.

        Returns a list of conversation dicts.
        """


__all__ = ["TimelinesAPI"]
