"""Reading data: timelines."""

from __future__ import annotations

from ..base import MastodonBase
from ..endpoints import timelines as E
from ..errors import MastodonIllegalArgumentError
from ..return_types import EntityList, IdType, PaginationId
from .binding import api_method, uses_endpoint


class TimelinesAPI(MastodonBase):
    @uses_endpoint(E.timeline_home)
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
    ) -> EntityList:
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
    ) -> EntityList:
        """Convenience method: Fetches the logged-in user's home timeline (i.e. followed users and self). Params as in timeline().

        Returns a list of toot dicts.
        """

    @uses_endpoint(E.timeline_public)
    def timeline_local(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        only_media: bool = False,
    ) -> EntityList:
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
    ) -> EntityList:
        """Convenience method: Fetches the public / visible-network / federated timeline, not including replies. Params as in timeline().

        Returns a list of toot dicts.
        """

    @uses_endpoint(E.timeline_hashtag)
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
    ) -> EntityList:
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
    ) -> EntityList:
        """Convenience method: Fetches a timeline containing all the toots by users in a given list. Params as in timeline().

        Returns a list of toot dicts.
        """

    @api_method(E.conversations)
    def conversations(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> EntityList:
        """Fetches a user's conversations.

        Returns a list of conversation dicts.
        """


__all__ = ["TimelinesAPI"]
