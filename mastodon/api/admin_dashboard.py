"""The moderation API's dashboard: measures, dimensions, retention, and reviewing trends."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import admin as E
from ..endpoints.model import Endpoint
from ..errors import MastodonIllegalArgumentError
from .binding import api_method
from .checks import check_type

if TYPE_CHECKING:
    from ..return_types import AdminDimension, AdminMeasure, AdminRetention, IdType, PreviewCard, Status, Tag
    from ..types_base import NonPaginatableList


RETENTION_FREQUENCIES = ("day", "month")


class AdminDashboardAPI(MastodonBase):
    def _metrics(
        self, endpoint: Endpoint, start_at: Any, end_at: Any, wanted: dict[str, bool], subjects: dict[str, Any], **extra: Any
    ) -> Any:
        """Call ``measures`` or ``dimensions``: the keys are the ``wanted`` flags set and the subjects given."""
        for name, value in (("start_at", start_at), ("end_at", end_at)):
            if value is None:
                raise MastodonIllegalArgumentError(f"{endpoint.name}: {name} is required")
            check_type(name, value, date)  # a datetime is a date
        keys = [key for key, on in wanted.items() if on] + [key for key, subject in subjects.items() if subject is not None]
        if not keys:
            raise MastodonIllegalArgumentError(f"{endpoint.name}: ask for at least one key ({', '.join([*wanted, *subjects])})")
        return self._pipeline.call(endpoint, {"keys": keys, "start_at": start_at, "end_at": end_at, **extra, **subjects})

    @api_method(E.admin_measures, body=True)
    def admin_measures(
        self,
        start_at: date,
        end_at: date,
        active_users: bool = False,
        new_users: bool = False,
        interactions: bool = False,
        opened_reports: bool = False,
        resolved_reports: bool = False,
        tag_accounts: IdType | None = None,
        tag_uses: IdType | None = None,
        tag_servers: IdType | None = None,
        instance_accounts: str | None = None,
        instance_media_attachments: str | None = None,
        instance_reports: str | None = None,
        instance_statuses: str | None = None,
        instance_follows: str | None = None,
        instance_followers: str | None = None,
    ) -> NonPaginatableList[AdminMeasure]:
        """Fetches counts about the server between ``start_at`` and ``end_at`` (the server uses their dates).

        Set the flags for the measures wanted: ``active_users``, ``new_users``,
        ``interactions`` (on local statuses), ``opened_reports``, ``resolved_reports``.
        Measures about a hashtag take its id: ``tag_accounts`` (accounts using it),
        ``tag_uses`` (statuses using it), ``tag_servers`` (servers using it). Measures about
        a remote server take its domain: ``instance_accounts``,
        ``instance_media_attachments`` (bytes), ``instance_reports``, ``instance_statuses``,
        ``instance_follows`` (its accounts followed from here), ``instance_followers``.

        Returns a list of admin measure dicts, one per measure asked for.
        """
        return self._metrics(
            E.admin_measures, start_at, end_at,
            {"active_users": active_users, "new_users": new_users, "interactions": interactions,
             "opened_reports": opened_reports, "resolved_reports": resolved_reports},
            {"tag_accounts": tag_accounts, "tag_uses": tag_uses, "tag_servers": tag_servers,
             "instance_accounts": instance_accounts, "instance_media_attachments": instance_media_attachments,
             "instance_reports": instance_reports, "instance_statuses": instance_statuses,
             "instance_follows": instance_follows, "instance_followers": instance_followers},
        )

    @api_method(E.admin_dimensions, body=True)
    def admin_dimensions(
        self,
        start_at: date,
        end_at: date,
        limit: int | None = None,
        languages: bool = False,
        sources: bool = False,
        servers: bool = False,
        space_usage: bool = False,
        software_versions: bool = False,
        tag_servers: IdType | None = None,
        tag_languages: IdType | None = None,
        instance_accounts: str | None = None,
        instance_languages: str | None = None,
    ) -> NonPaginatableList[AdminDimension]:
        """Fetches rankings about the server between ``start_at`` and ``end_at``, up to ``limit`` entries each.

        Set the flags for the dimensions wanted: ``languages`` (most used here),
        ``sources`` (most used apps), ``servers`` (remote servers with the most statuses),
        ``space_usage`` and ``software_versions`` (of the server's software stack).
        ``tag_servers`` and ``tag_languages`` take a trending hashtag's id,
        ``instance_accounts`` (most followed accounts) and ``instance_languages`` a remote
        server's domain.

        Returns a list of admin dimension dicts, one per dimension asked for.
        """
        return self._metrics(
            E.admin_dimensions, start_at, end_at,
            {"languages": languages, "sources": sources, "servers": servers, "space_usage": space_usage,
             "software_versions": software_versions},
            {"tag_servers": tag_servers, "tag_languages": tag_languages,
             "instance_accounts": instance_accounts, "instance_languages": instance_languages},
            limit=limit,
        )

    @api_method(E.admin_retention, required=("start_at", "end_at"), choices={"frequency": RETENTION_FREQUENCIES}, types={"start_at": date, "end_at": date})
    def admin_retention(self, start_at: date, end_at: date, frequency: str = "day") -> NonPaginatableList[AdminRetention]:
        """Fetches how many of the users who signed up in each period stayed active afterwards.

        ``frequency`` is "day" or "month": the size of the periods between ``start_at`` and
        ``end_at``. Returns a list of admin retention (cohort) dicts, one per period.
        """

    # -- trends ----------------------------------------------------------------------------

    @api_method(E.admin_trending_links)
    def admin_trending_links(self) -> NonPaginatableList[PreviewCard]:
        """Fetches the trending links, including those not reviewed or not approved.

        Returns a list of preview card dicts.
        """

    @api_method(E.admin_trending_statuses)
    def admin_trending_statuses(self) -> NonPaginatableList[Status]:
        """Fetches the trending statuses, including those not reviewed or not approved.

        Returns a list of status dicts.
        """

    @api_method(E.admin_trending_tags)
    def admin_trending_tags(self, limit: int | None = None) -> NonPaginatableList[Tag]:
        """Fetches the trending hashtags, including those not reviewed or not approved.

        Returns a list of hashtag dicts (with their review state).
        """

    @api_method(E.admin_approve_trending_link)
    def admin_approve_trending_link(self, id: IdType) -> PreviewCard:  # noqa: A002
        """Allows a link to trend. Returns its preview card dict."""

    @api_method(E.admin_reject_trending_link)
    def admin_reject_trending_link(self, id: IdType) -> PreviewCard:  # noqa: A002
        """Keeps a link from trending. Returns its preview card dict."""

    @api_method(E.admin_approve_trending_status)
    def admin_approve_trending_status(self, id: IdType) -> Status:  # noqa: A002
        """Allows a status to trend. Returns its status dict."""

    @api_method(E.admin_reject_trending_status)
    def admin_reject_trending_status(self, id: IdType) -> Status:  # noqa: A002
        """Keeps a status from trending. Returns its status dict."""

    @api_method(E.admin_approve_trending_tag)
    def admin_approve_trending_tag(self, id: IdType) -> Tag:  # noqa: A002
        """Allows a hashtag to trend. Returns its hashtag dict."""

    @api_method(E.admin_reject_trending_tag)
    def admin_reject_trending_tag(self, id: IdType) -> Tag:  # noqa: A002
        """Keeps a hashtag from trending. Returns its hashtag dict."""


__all__ = ["AdminDashboardAPI", "RETENTION_FREQUENCIES"]
