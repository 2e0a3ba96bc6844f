"""Statuses: reading, posting, interacting; scheduled statuses and polls."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..base import MastodonBase
from ..endpoints import statuses as E
from ..endpoints.accounts import account_verify_credentials
from ..entities import AttribAccessDict
from ..errors import MastodonIllegalArgumentError
from ..params import as_list, format_datetime
from ..return_types import Entity, EntityList, IdType
from .binding import api_method, uses_endpoint, version_note
from .support import check_visibility, max_media


class StatusesAPI(MastodonBase):
    # -- reading -------------------------------------------------------------------------

    @api_method(E.status)
    def status(self, id: IdType) -> Entity:  # noqa: A002
        """Fetch information about a single toot.

        Does not require authentication for publicly visible statuses.

        Returns a toot dict.
        """

    @api_method(E.status_context)
    def status_context(self, id: IdType) -> Entity:  # noqa: A002
        """Fetch information about ancestors and descendants of a toot.

        Does not require authentication for publicly visible statuses.

        Returns a context dict.
        """

    @api_method(E.status_reblogged_by)
    def status_reblogged_by(self, id: IdType) -> EntityList:  # noqa: A002
        """Fetch a list of users that have reblogged a status.

        Does not require authentication for publicly visible statuses.

        Returns a list of user dicts.
        """

    @api_method(E.status_favourited_by)
    def status_favourited_by(self, id: IdType) -> EntityList:  # noqa: A002
        """Fetch a list of users that have favourited a status.

        Does not require authentication for publicly visible statuses.

        Returns a list of user dicts.
        """

    @uses_endpoint(E.status_card)
    def status_card(self, id: IdType) -> Entity | None:  # noqa: A002
        """Fetch a card associated with a status.

        A card describes an object (such as an external video or link) embedded into a
        status. The card endpoint was removed in Mastodon 3.0.0; on such servers the
        ``card`` field of the status is returned instead.

        Returns a card dict.
        """
        if self._version_at_least((3, 0, 0)):
            card: Entity | None = self.status(id).get("card")
            return card
        result: Entity = self._pipeline.call(E.status_card, {"id": id})
        return result

    @api_method(E.status_history)
    def status_history(self, id: IdType) -> EntityList:  # noqa: A002
        """Fetch the edit history of a status, oldest first."""

    @api_method(E.status_source)
    def status_source(self, id: IdType) -> Entity:  # noqa: A002
        """Fetch the plain-text source of a status (for editing)."""

    # -- posting -------------------------------------------------------------------------

    def _status_args(
        self,
        status: str | None,
        in_reply_to_id: Any,
        media_ids: Any,
        sensitive: bool,
        visibility: str | None,
        spoiler_text: str | None,
        language: str | None,
        content_type: str | None,
        scheduled_at: datetime | None,
        poll: Any,
        quote_id: Any,
    ) -> dict[str, Any]:
        if media_ids is not None:
            media_ids = as_list(media_ids)
            limit = max_media(self)
            if limit is not None and len(media_ids) > limit:
                raise MastodonIllegalArgumentError(f"A status can have at most {limit} media attachments, got {len(media_ids)}")
            if not media_ids:
                media_ids = None
        if poll is not None and media_ids:
            raise MastodonIllegalArgumentError("Status can have media or poll attached - not both.")
        if poll is not None and not isinstance(poll, dict):
            raise MastodonIllegalArgumentError("poll must be a dict, as made by make_poll()")
        if scheduled_at is not None and not isinstance(scheduled_at, datetime):
            raise MastodonIllegalArgumentError("scheduled_at must be a datetime")
        args: dict[str, Any] = {
            "status": status,
            "in_reply_to_id": in_reply_to_id,
            "media_ids": media_ids,
            "sensitive": True if sensitive else None,
            "visibility": check_visibility(self, visibility),
            "spoiler_text": spoiler_text,
            "language": language,
            "scheduled_at": format_datetime(scheduled_at) if scheduled_at is not None else None,
            "poll": poll,
            "content_type": content_type,
            "quote_id": quote_id,
        }
        return args

    def _post_status(self, args: dict[str, Any], idempotency_key: str | None) -> Entity:
        headers = {"Idempotency-Key": str(idempotency_key)} if idempotency_key is not None else None
        return self._pipeline.call(E.status_post, args, headers=headers)

    @uses_endpoint(E.status_post)
    def status_post(
        self,
        status: str,
        in_reply_to_id: IdType | None = None,
        media_ids: Any = None,
        sensitive: bool = False,
        visibility: str | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: dict[str, Any] | None = None,
        quote_id: IdType | None = None,
    ) -> Entity:
        """Post a status. Can optionally be in reply to another status and contain media.

        ``media_ids`` should be a list (a single id is wrapped); it can contain up to four
        media ids or media dicts as returned by ``media_post()``.

        ``sensitive`` marks attached media as sensitive. ``visibility`` is one of
        'direct', 'private', 'unlisted' or 'public' (backends may allow more, e.g.
        'local' on Pleroma); if not given, the account's default is used.

        ``spoiler_text`` is shown as a warning before the text. ``language`` overrides
        language detection (ISO 639 code). ``idempotency_key`` makes repeated calls with
        the same key create only one status.

        Pass a datetime as ``scheduled_at`` (at least 5 minutes in the future) to schedule
        the toot; a scheduled toot dict is returned instead. Pass ``poll`` (see
        ``make_poll()``) to attach a poll; a status cannot have both media and a poll.

        Specific to the "pleroma" feature set (and "akkoma"): ``content_type``
        ('text/plain', 'text/markdown', 'text/html', 'text/bbcode', or what the server
        lists); ignored on other servers.

        Specific to the "fedibird" feature set (and "akkoma"): ``quote_id``, the id of a
        quoted status; backends without quotes raise ``MastodonBackendFeatureError``
        before sending anything.

        Returns a toot dict with the new status.
        """
        if not isinstance(status, str) and not (status is None and (media_ids or poll)):
            raise MastodonIllegalArgumentError("status must be a string")
        args = self._status_args(
            status, in_reply_to_id, media_ids, sensitive, visibility, spoiler_text, language,
            content_type, scheduled_at, poll, quote_id,
        )
        return self._post_status(args, idempotency_key)

    @uses_endpoint(E.status_post)
    def status_reply(
        self,
        to_status: dict[str, Any],
        status: str,
        in_reply_to_id: IdType | None = None,
        media_ids: Any = None,
        sensitive: bool = False,
        visibility: str | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: dict[str, Any] | None = None,
        untag: bool = False,
    ) -> Entity:
        """Helper function - acts like status_post, but prepends the name of all the users that are being replied to to the status text and retains CW and visibility if not explicitly overridden.

        Set ``untag`` to True if you want the reply to only go to the user you are
        replying to, removing every other mentioned user from the conversation.
        """
        if not isinstance(to_status, dict) or "account" not in to_status:
            raise MastodonIllegalArgumentError("to_status must be a status dict")
        if not isinstance(status, str):
            raise MastodonIllegalArgumentError("status must be a string")
        if visibility is None and "visibility" in to_status:
            visibility = to_status["visibility"]
        if spoiler_text is None and "spoiler_text" in to_status:
            spoiler_text = to_status["spoiler_text"]
        # Every argument is checked before asking the server who we are.
        args = self._status_args(
            status, to_status["id"], media_ids, sensitive, visibility, spoiler_text, language,
            content_type, scheduled_at, poll, None,
        )
        own_id = self._logged_in_id()
        mentioned: dict[Any, str] = {}
        author = to_status["account"]
        mentioned[author["id"]] = author["acct"]
        if not untag:
            for account in to_status.get("mentions") or ():
                if account["id"] != own_id and account["id"] not in mentioned:
                    mentioned[account["id"]] = account["acct"]
        args["status"] = "".join(f"@{acct} " for acct in mentioned.values()) + status
        return self._post_status(args, idempotency_key)

    def _logged_in_id(self) -> Any:
        cached = self._logged_in_id_cache
        if cached is None:
            cached = self._logged_in_id_cache = self._pipeline.call(account_verify_credentials)["id"]
        return cached

    @uses_endpoint(E.status_post)
    def toot(self, status: str) -> Entity:
        """Synonym for status_post() that only takes the status text as input.

        Usage in production code is not recommended.

        Returns a toot dict with the new status.
        """
        return self.status_post(status)

    @version_note("2.8.0")
    def make_poll(self, options: list[str], expires_in: int, multiple: bool = False, hide_totals: bool = False) -> AttribAccessDict:
        """Generate a poll object that can be passed as the poll option when posting a status.

        ``options`` is a list of strings with the poll options (Maximum, by default: 4),
        ``expires_in`` is the time in seconds for which the poll should be open. Set
        ``multiple`` to True to allow people to choose more than one answer. Set
        ``hide_totals`` to True to hide the results of the poll until it has expired.
        """
        if not isinstance(options, (list, tuple)) or len(options) < 2 or not all(isinstance(o, str) for o in options):
            raise MastodonIllegalArgumentError("A poll needs a list of at least two option strings")
        if isinstance(expires_in, bool) or not isinstance(expires_in, (int, float)) or expires_in <= 0:
            raise MastodonIllegalArgumentError("expires_in must be a positive number of seconds")
        return AttribAccessDict(options=list(options), expires_in=expires_in, multiple=multiple, hide_totals=hide_totals)

    @api_method(E.status_update)
    def status_update(
        self,
        id: IdType,  # noqa: A002
        status: str | None = None,
        spoiler_text: str | None = None,
        sensitive: bool | None = None,
        media_ids: Any = None,
        poll: dict[str, Any] | None = None,
        language: str | None = None,
    ) -> Entity:
        """Edit a status. Returns the updated toot dict."""

    @uses_endpoint(E.status_reblog)
    def status_reblog(self, id: IdType, visibility: str | None = None) -> Entity:  # noqa: A002
        """Reblog / boost a status.

        The visibility parameter functions the same as in status_post() and allows you to
        reduce the visibility of a reblogged status.

        Returns a toot dict with a new status that wraps around the reblogged one.
        """
        return self._pipeline.call(E.status_reblog, {"id": id, "visibility": check_visibility(self, visibility)})

    @api_method(E.status_unreblog)
    def status_unreblog(self, id: IdType) -> Entity:  # noqa: A002
        """Un-reblog a status.

        Returns a toot dict with the status that used to be reblogged.
        """

    @api_method(E.status_favourite)
    def status_favourite(self, id: IdType) -> Entity:  # noqa: A002
        """Favourite a status.

        Returns a toot dict with the favourited status.
        """

    @api_method(E.status_unfavourite)
    def status_unfavourite(self, id: IdType) -> Entity:  # noqa: A002
        """Un-favourite a status.

        Returns a toot dict with the un-favourited status.
        """

    @api_method(E.status_mute)
    def status_mute(self, id: IdType) -> Entity:  # noqa: A002
        """Mute notifications for a status.

        Returns a toot dict with the now muted status
        """

    @api_method(E.status_unmute)
    def status_unmute(self, id: IdType) -> Entity:  # noqa: A002
        """Unmute notifications for a status.

        Returns a toot dict with the status that used to be muted.
        """

    @api_method(E.status_pin)
    def status_pin(self, id: IdType) -> Entity:  # noqa: A002
        """Pin a status for the logged-in user.

        Returns a toot dict with the now pinned status
        """

    @api_method(E.status_unpin)
    def status_unpin(self, id: IdType) -> Entity:  # noqa: A002
        """Unpin a pinned status for the logged-in user.

        Returns a toot dict with the status that used to be pinned.
        """

    @api_method(E.status_bookmark)
    def status_bookmark(self, id: IdType) -> Entity:  # noqa: A002
        """Bookmark a status as the logged-in user.

        Returns a toot dict with the now bookmarked status
        """

    @api_method(E.status_unbookmark)
    def status_unbookmark(self, id: IdType) -> Entity:  # noqa: A002
        """Unbookmark a bookmarked status for the logged-in user.

        Returns a toot dict with the status that used to be bookmarked.
        """

    @api_method(E.status_delete)
    def status_delete(self, id: IdType) -> Entity:  # noqa: A002
        """Delete a status

        Returns the now-deleted status, with an added "source" attribute that contains the
        text that was used to compose this status (this can be used to power "delete and
        redraft" functionality)
        """

    # -- scheduled statuses --------------------------------------------------------------

    @api_method(E.scheduled_statuses)
    def scheduled_statuses(self) -> EntityList:
        """Fetch a list of scheduled statuses

        Returns a list of scheduled toot dicts.
        """

    @api_method(E.scheduled_status)
    def scheduled_status(self, id: IdType) -> Entity:  # noqa: A002
        """Fetch information about the scheduled status with the given id.

        Returns a scheduled toot dict.
        """

    @uses_endpoint(E.scheduled_status_update)
    def scheduled_status_update(self, id: IdType, scheduled_at: datetime) -> Entity:  # noqa: A002
        """Update the scheduled time of a scheduled status.

        New time must be at least 5 minutes into the future.

        Returns a scheduled toot dict
        """
        if not isinstance(scheduled_at, datetime):
            raise MastodonIllegalArgumentError("scheduled_at must be a datetime")
        return self._pipeline.call(E.scheduled_status_update, {"id": id, "scheduled_at": format_datetime(scheduled_at)})

    @api_method(E.scheduled_status_delete)
    def scheduled_status_delete(self, id: IdType) -> None:  # noqa: A002
        """Deletes a scheduled status."""

    # -- polls ---------------------------------------------------------------------------

    @api_method(E.poll)
    def poll(self, id: IdType) -> Entity:  # noqa: A002
        """Fetch information about the poll with the given id

        Returns a poll dict.
        """

    @uses_endpoint(E.poll_vote)
    def poll_vote(self, id: IdType, choices: int | list[int]) -> Entity:  # noqa: A002
        """Vote in the given poll.

        ``choices`` is the index of the choice you wish to register a vote for (i.e. its
        index in the corresponding polls options field). In case of a poll that allows
        selection of more than one option, a list of indices can be passed.

        You can only submit choices for any given poll once in case of single-option
        polls, or only once per option in case of multi-option polls.

        Returns the updated poll dict
        """
        choice_list = as_list(choices)
        if not choice_list or not all(isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in choice_list):
            raise MastodonIllegalArgumentError("choices must be an option index or a list of option indices")
        return self._pipeline.call(E.poll_vote, {"id": id, "choices": choice_list})

    # -- emoji reactions (server extras) -------------------------------------------------

    @api_method(E.status_emoji_reactions)
    def status_emoji_reactions(self, id: IdType, emoji: str | None = None) -> EntityList:  # noqa: A002
        """List the emoji reactions on a status (Pleroma/Akkoma, Fedibird and compatible servers).

        Raises a ``MastodonVersionError`` subclass naming the backend where the server has none.
        """

    @api_method(E.status_emoji_reaction_create)
    def status_emoji_reaction_create(self, id: IdType, emoji: str) -> Entity:  # noqa: A002
        """React to a status with an emoji (unicode, or a custom emoji's shortcode).

        Returns the updated toot dict. Server extra: Pleroma/Akkoma, Fedibird.
        """

    @api_method(E.status_emoji_reaction_delete)
    def status_emoji_reaction_delete(self, id: IdType, emoji: str) -> Entity:  # noqa: A002
        """Remove your emoji reaction from a status. Returns the updated toot dict."""


__all__ = ["StatusesAPI"]
