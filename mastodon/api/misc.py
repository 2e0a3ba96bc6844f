"""Reports, markers, emoji, apps, preferences and announcements."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import misc as E
from ..errors import MastodonIllegalArgumentError
from ..params import as_list, unpack_id
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import Announcement, Application, CustomEmoji, IdType, Marker, Preferences, Report
    from ..types_base import NonPaginatableList


REPORT_CATEGORIES = ("spam", "legal", "violation", "other")


class MiscAPI(MastodonBase):
    @api_method(E.reports)
    def reports(self) -> NonPaginatableList[Report]:
        """Fetch a list of reports made by the logged-in user.

        Warning: this endpoint was removed in Mastodon 2.5.0 and does not work there.

        Returns a list of report dicts.
        """

    @api_method(E.report, body=True)
    def report(
        self,
        account_id: IdType,
        status_ids: IdType | list[IdType] | None = None,
        comment: str | None = None,
        forward: bool = False,
        category: str | None = None,
        rule_ids: list[IdType] | None = None,
        forward_to_domains: list[str] | None = None,
        collection_ids: list[IdType] | None = None,
    ) -> Report:
        """Report an account (and optionally some of its statuses) to the server's moderators.

        Accepts a list of toot IDs associated with the report, and a comment.

        Set ``forward`` to True to forward a report of a remote user to that users instance
        as well as sending it to the instance local administrators; ``forward_to_domains``
        names further servers to forward it to (those of accounts the reported statuses
        reply to).

        ``category`` is "spam", "legal" (illegal content), "violation" (of the rules whose
        ids are given as ``rule_ids``) or "other" (the default); both need Mastodon 3.5.0+,
        and the server files a report with ``rule_ids`` as a violation. ``collection_ids``
        attaches collections to the report (4.6.0+).

        Returns a report dict.
        """
        if account_id is None:
            raise MastodonIllegalArgumentError("account_id is required")
        if category is not None and category not in REPORT_CATEGORIES:
            raise MastodonIllegalArgumentError(f"Invalid report category {category!r}; use one of {', '.join(REPORT_CATEGORIES)}")
        if forward_to_domains is not None and (
            isinstance(forward_to_domains, str) or not all(isinstance(d, str) for d in forward_to_domains)
        ):
            raise MastodonIllegalArgumentError("forward_to_domains must be a list of domain names")
        return self._pipeline.call(E.report, dict(
            account_id=account_id, status_ids=status_ids, comment=comment, forward=forward, category=category,
            rule_ids=rule_ids, forward_to_domains=forward_to_domains, collection_ids=collection_ids,
        ))

    @api_method(E.markers_get, body=True)
    def markers_get(self, timeline: str | list[str] = ["home"]) -> dict[str, Marker]:  # noqa: B006
        """Get the last-read-location markers for the specified timelines.

        Valid timelines are 'home' and 'notifications'. Note that despite the singular
        name, ``timeline`` can be a list.

        Returns a dict of read marker dicts, keyed by timeline name.
        """
        names = as_list(timeline)
        if not names or not all(isinstance(n, str) for n in names):
            raise MastodonIllegalArgumentError("timeline must be a timeline name or a list of them")
        return self._pipeline.call(E.markers_get, {"timeline": names})

    @api_method(E.markers_set, body=True)
    def markers_set(self, timelines: str | list[str], last_read_ids: IdType | list[IdType]) -> dict[str, Marker]:
        """Set the "last read" marker(s) for the given timeline(s) to the given id(s)

        Note that if you give an invalid timeline name, this will silently do nothing.

        Returns a dict with the updated read marker dicts, keyed by timeline name.
        """
        names, ids = as_list(timelines), as_list(last_read_ids)
        if len(names) != len(ids):
            raise MastodonIllegalArgumentError("Number of specified timelines and ids must be the same")
        body: dict[str, Any] = {}
        for name, last_read in zip(names, ids):
            body[name] = {"last_read_id": unpack_id(last_read)}
        return self._pipeline.call(E.markers_set, body)

    @api_method(E.custom_emojis)
    def custom_emojis(self) -> NonPaginatableList[CustomEmoji]:
        """Fetch the list of custom emoji the instance has installed.

        Does not require authentication unless locked down by the administrator.

        Returns a list of emoji dicts.
        """

    @api_method(E.app_verify_credentials)
    def app_verify_credentials(self) -> Application:
        """Fetch information about the current application.

        Returns an application dict.
        """

    @api_method(E.preferences)
    def preferences(self) -> Preferences:
        """Fetch the user's preferences, which can be used to set some default options.

        As of 2.8.0, apps can only fetch, not update preferences.

        Returns a preference dict.
        """

    @api_method(E.announcements)
    def announcements(self) -> NonPaginatableList[Announcement]:
        """Fetch currently active announcements.

        Returns a list of announcement dicts.
        """

    @api_method(E.announcement_dismiss)
    def announcement_dismiss(self, id: IdType) -> None:  # noqa: A002
        """Set the given announcement to read."""

    @api_method(E.announcement_reaction_create, body=True)
    def announcement_reaction_create(self, id: IdType, reaction: str) -> None:  # noqa: A002
        """Add a reaction to an announcement.

        ``reaction`` can either be a unicode emoji or the name of one of the instances
        custom emoji. Will throw an API error if the reaction name is not one of the
        allowed things or when trying to add a reaction that the user has already added.
        """
        if not isinstance(reaction, str) or not reaction:
            raise MastodonIllegalArgumentError("reaction must be an emoji or a custom emoji name")
        self._pipeline.call(E.announcement_reaction_create, {"id": id, "reaction": reaction})

    @api_method(E.announcement_reaction_delete, body=True)
    def announcement_reaction_delete(self, id: IdType, reaction: str) -> None:  # noqa: A002
        """Remove a reaction to an announcement.

        Will throw an API error if the reaction does not exist.
        """
        if not isinstance(reaction, str) or not reaction:
            raise MastodonIllegalArgumentError("reaction must be an emoji or a custom emoji name")
        self._pipeline.call(E.announcement_reaction_delete, {"id": id, "reaction": reaction})


__all__ = ["MiscAPI"]
