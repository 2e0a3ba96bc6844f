"""Statuses: reading, posting, interacting; scheduled statuses and polls."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from ..base import MastodonBase
from ..endpoints import statuses as E
from ..entities import AttribAccessDict
from ..errors import MastodonIllegalArgumentError
from ..params import as_list
from .binding import api_method
from .status_arguments import check_quote_approval_policy, status_arguments
from .status_length import status_length
from .support import check_visibility, logged_in_id

if TYPE_CHECKING:
    from ..return_types import (
        Account,
        Context,
        IdType,
        PaginationId,
        Poll,
        PreviewCard,
        Reaction,
        ScheduledStatus,
        Status,
        StatusEdit,
        StatusSource,
        Translation,
    )
    from ..types_base import NonPaginatableList, PaginatableList


class StatusesAPI(MastodonBase):
    # -- reading -------------------------------------------------------------------------

    @api_method(E.status)
    def status(self, id: IdType) -> Status:  # noqa: A002
        """Fetch information about a single toot.

        Does not require authentication for publicly visible statuses.

        Returns a toot dict.
        """

    @api_method(E.status_context)
    def status_context(self, id: IdType) -> Context:  # noqa: A002
        """Fetch information about ancestors and descendants of a toot.

        Does not require authentication for publicly visible statuses.

        Returns a context dict.
        """

    @api_method(E.status_reblogged_by)
    def status_reblogged_by(self, id: IdType) -> PaginatableList[Account]:  # noqa: A002
        """Fetch a list of users that have reblogged a status.

        Does not require authentication for publicly visible statuses.

        Returns a list of user dicts.
        """

    @api_method(E.status_favourited_by)
    def status_favourited_by(self, id: IdType) -> PaginatableList[Account]:  # noqa: A002
        """Fetch a list of users that have favourited a status.

        Does not require authentication for publicly visible statuses.

        Returns a list of user dicts.
        """

    @api_method(E.statuses, body=True)
    def statuses(self, ids: list[IdType]) -> NonPaginatableList[Status]:
        """Fetch several statuses at once, by their ids (or status dicts).

        Statuses that do not exist or that you cannot see are left out of the result.

        Returns a list of toot dicts.
        """
        id_list = as_list(ids)
        if not id_list or any(i is None for i in id_list):
            raise MastodonIllegalArgumentError("statuses() needs a non-empty list of status ids")
        return self._pipeline.call(E.statuses, {"ids": id_list})

    @api_method(E.status_quotes)
    def status_quotes(
        self,
        id: IdType,  # noqa: A002
        max_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Status]:
        """Fetch the statuses that quote a status of yours, newest first.

        Returns a list of toot dicts.
        """

    @api_method(E.status_translate)
    def status_translate(self, id: IdType, lang: str | None = None) -> Translation:  # noqa: A002
        """Translate a public or unlisted status into ``lang`` (ISO 639 code; default: your locale).

        Returns a translation dict (``content``, ``spoiler_text``, ``detected_source_language``, ...).
        """

    @api_method(E.status_card, body=True)
    def status_card(self, id: IdType) -> PreviewCard | None:  # noqa: A002
        """Fetch a card associated with a status.

        A card describes an object (such as an external video or link) embedded into a
        status. The card endpoint was removed in Mastodon 3.0.0; on such servers the
        ``card`` field of the status is returned instead.

        Returns a card dict.
        """
        if self._version_at_least((3, 0, 0)):
            card: PreviewCard | None = self.status(id).get("card")
            return card
        result: PreviewCard = self._pipeline.call(E.status_card, {"id": id})
        return result

    @api_method(E.status_history)
    def status_history(self, id: IdType) -> NonPaginatableList[StatusEdit]:  # noqa: A002
        """Fetch the edit history of a status, oldest first."""

    @api_method(E.status_source)
    def status_source(self, id: IdType) -> StatusSource:  # noqa: A002
        """Fetch the plain-text source of a status (for editing)."""

    # -- posting -------------------------------------------------------------------------

    def _post_status(self, args: dict[str, Any], idempotency_key: str | None) -> Any:
        headers = {"Idempotency-Key": str(idempotency_key)} if idempotency_key is not None else None
        result = self._pipeline.call(E.status_post, args, headers=headers)
        if args.get("scheduled_at") is not None:  # the server answers with the scheduled status
            from ..entity_types import recast

            return recast(result, "ScheduledStatus")
        return result

    @api_method(E.status_post, body=True)
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
        strict_content_type: bool = False,
        quoted_status_id: IdType | None = None,
        quote_approval_policy: str | None = None,
    ) -> Status | ScheduledStatus:
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

        ``quoted_status_id`` quotes a status (Mastodon 4.5); ``quote_approval_policy``
        ('public', 'followers' or 'nobody') says who may quote the new one.
        ``quote_id`` is the older name of a quote, from Fedibird and Akkoma: on those
        backends either name is sent as ``quote_id``; on Mastodon 4.5 and later either is
        sent as ``quoted_status_id``; elsewhere ``MastodonBackendFeatureError`` (or
        ``MastodonVersionError``) is raised before sending anything.

        ``content_type`` ('text/plain', 'text/markdown', 'text/html', 'text/bbcode', or
        what the server lists) is sent where the backend takes it (Pleroma, Akkoma,
        GoToSocial) and ignored elsewhere, unless ``strict_content_type`` is True: then a
        backend that would ignore it raises ``MastodonBackendFeatureError``.

        Returns a toot dict with the new status.
        """
        if not isinstance(status, str) and not (status is None and (media_ids or poll)):
            raise MastodonIllegalArgumentError("status must be a string")
        args = status_arguments(
            self, status=status, in_reply_to_id=in_reply_to_id, media_ids=media_ids, sensitive=True if sensitive else None,
            visibility=visibility, spoiler_text=spoiler_text, language=language, scheduled_at=scheduled_at, poll=poll,
            content_type=content_type, strict_content_type=strict_content_type, quote_id=quote_id,
            quoted_status_id=quoted_status_id, quote_approval_policy=quote_approval_policy,
        )
        return self._post_status(args, idempotency_key)

    @api_method(E.status_post, body=True)
    def status_reply(
        self,
        to_status: Any,
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
        *,
        quote_id: IdType | None = None,
        strict_content_type: bool = False,
        quoted_status_id: IdType | None = None,
        quote_approval_policy: str | None = None,
    ) -> Status:
        """Reply to ``to_status`` (a status dict, or a status id, which is fetched first), mentioning who it involves.

        The author of ``to_status`` and everyone it mentions (except you) are mentioned at
        the start of the text; set ``untag`` to True to mention only the author. The
        reply keeps the visibility and content warning of ``to_status`` unless given.
        ``in_reply_to_id`` is ignored (the reply goes to ``to_status``). The other
        parameters are as in ``status_post()``.
        """
        if not isinstance(status, str):
            raise MastodonIllegalArgumentError("status must be a string")
        if isinstance(to_status, dict) and "account" not in to_status:
            raise MastodonIllegalArgumentError("to_status must be a status dict or a status id")
        if to_status is None or isinstance(to_status, bool):
            raise MastodonIllegalArgumentError("to_status must be a status dict or a status id")
        options = dict(
            media_ids=media_ids, sensitive=True if sensitive else None, language=language, scheduled_at=scheduled_at,
            poll=poll, content_type=content_type, strict_content_type=strict_content_type, quote_id=quote_id,
            quoted_status_id=quoted_status_id, quote_approval_policy=quote_approval_policy,
        )
        # Every argument is checked before a request (fetching the status, asking who we are).
        status_arguments(self, visibility=visibility, **options)
        if not isinstance(to_status, dict):
            to_status = self.status(to_status)
        if visibility is None and "visibility" in to_status:
            visibility = to_status["visibility"]
        if spoiler_text is None and "spoiler_text" in to_status:
            spoiler_text = to_status["spoiler_text"]
        author = to_status.get("account") if isinstance(to_status, dict) else None
        if not isinstance(author, dict) or "id" not in to_status or not _mentionable(author):
            raise MastodonIllegalArgumentError("to_status must be a status dict (with an id and an account with id and acct)")
        own_id = logged_in_id(self)
        mentioned: dict[Any, str] = {author["id"]: author["acct"]}
        mentions = to_status.get("mentions")
        if not untag and isinstance(mentions, list):
            for account in mentions:  # odd entries (no id, no acct) are skipped
                if _mentionable(account) and account["id"] != own_id and account["id"] not in mentioned:
                    mentioned[account["id"]] = account["acct"]
        text = "".join(f"@{acct} " for acct in mentioned.values()) + status
        args = status_arguments(
            self, status=text, in_reply_to_id=to_status["id"], visibility=visibility, spoiler_text=spoiler_text, **options
        )
        return self._post_status(args, idempotency_key)

    @api_method(E.status_post, body=True)
    def toot(self, status: str) -> Status:
        """Synonym for status_post() that only takes the status text as input.

        Usage in production code is not recommended.

        Returns a toot dict with the new status.
        """
        return cast("Status", self.status_post(status))  # not scheduled: a status

    @staticmethod
    def get_status_length(text: str, spoiler_text: str = "") -> int:
        """How many characters a status counts for against the server's limit, counted as Mastodon counts them.

        A link (``http://`` or ``https://``) counts as 23 characters whatever its length,
        a mention as its username only (``@alice@example.com`` counts as ``@alice``), and
        the content warning ``spoiler_text`` counts too. Characters are user-perceived
        ones: an emoji with modifiers or a letter with combining accents counts once.
        """
        return status_length(text, spoiler_text)

    @api_method(since=E.poll)
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

    @api_method(E.status_update, body=True)
    def status_update(
        self,
        id: IdType,  # noqa: A002
        status: str | None = None,
        spoiler_text: str | None = None,
        sensitive: bool | None = None,
        media_ids: Any = None,
        poll: dict[str, Any] | None = None,
        media_attributes: list[dict[str, Any]] | None = None,
        quote_approval_policy: str | None = None,
        language: str | None = None,
    ) -> Status:
        """Edit a status: its text, content warning, sensitivity, media or poll.

        Parameters are as in ``status_post()``; what is not given is left out of the edit
        (``status`` keeps the optional default it had in Mastodon.py 1.8.1).
        ``media_attributes`` changes the description and focus of attached media (a list
        of dicts from ``generate_media_edit_attributes()``); ``quote_approval_policy``
        changes who may quote it (Mastodon 4.5).

        Returns the updated toot dict.
        """
        if not isinstance(status, str) and not (status is None and (media_ids or poll)):
            raise MastodonIllegalArgumentError("status must be a string")
        args = status_arguments(
            self, status=status, spoiler_text=spoiler_text, sensitive=sensitive, media_ids=media_ids, poll=poll,
            media_attributes=media_attributes, quote_approval_policy=quote_approval_policy, language=language,
        )
        return self._pipeline.call(E.status_update, {"id": id, **args})

    @api_method(E.status_update_quote_approval_policy, body=True)
    def status_update_quote_approval_policy(self, id: IdType, quote_approval_policy: str) -> Status:  # noqa: A002
        """Change who may quote a status of yours: 'public', 'followers' or 'nobody'.

        Returns the updated toot dict.
        """
        policy = check_quote_approval_policy(quote_approval_policy)
        return self._pipeline.call(E.status_update_quote_approval_policy, {"id": id, "quote_approval_policy": policy})

    @api_method(E.status_reblog, body=True)
    def status_reblog(self, id: IdType, visibility: str | None = None) -> Status:  # noqa: A002
        """Reblog / boost a status.

        The visibility parameter functions the same as in status_post() and allows you to
        reduce the visibility of a reblogged status.

        Returns a toot dict with a new status that wraps around the reblogged one.
        """
        return self._pipeline.call(E.status_reblog, {"id": id, "visibility": check_visibility(self, visibility)})

    @api_method(E.status_unreblog)
    def status_unreblog(self, id: IdType) -> Status:  # noqa: A002
        """Un-reblog a status.

        Returns a toot dict with the status that used to be reblogged.
        """

    @api_method(E.status_favourite)
    def status_favourite(self, id: IdType) -> Status:  # noqa: A002
        """Favourite a status.

        Returns a toot dict with the favourited status.
        """

    @api_method(E.status_unfavourite)
    def status_unfavourite(self, id: IdType) -> Status:  # noqa: A002
        """Un-favourite a status.

        Returns a toot dict with the un-favourited status.
        """

    @api_method(E.status_mute)
    def status_mute(self, id: IdType) -> Status:  # noqa: A002
        """Mute notifications for a status.

        Returns a toot dict with the now muted status
        """

    @api_method(E.status_unmute)
    def status_unmute(self, id: IdType) -> Status:  # noqa: A002
        """Unmute notifications for a status.

        Returns a toot dict with the status that used to be muted.
        """

    @api_method(E.status_pin)
    def status_pin(self, id: IdType) -> Status:  # noqa: A002
        """Pin a status for the logged-in user.

        Returns a toot dict with the now pinned status
        """

    @api_method(E.status_unpin)
    def status_unpin(self, id: IdType) -> Status:  # noqa: A002
        """Unpin a pinned status for the logged-in user.

        Returns a toot dict with the status that used to be pinned.
        """

    @api_method(E.status_bookmark)
    def status_bookmark(self, id: IdType) -> Status:  # noqa: A002
        """Bookmark a status as the logged-in user.

        Returns a toot dict with the now bookmarked status
        """

    @api_method(E.status_unbookmark)
    def status_unbookmark(self, id: IdType) -> Status:  # noqa: A002
        """Unbookmark a bookmarked status for the logged-in user.

        Returns a toot dict with the status that used to be bookmarked.
        """

    @api_method(E.status_delete)
    def status_delete(self, id: IdType, delete_media: bool | None = None) -> Status:  # noqa: A002
        """Delete a status

        Set ``delete_media`` to delete its media attachments at once, instead of keeping
        them for about a day for reuse (Mastodon 4.4).

        Returns the now-deleted status, with an added "source" attribute that contains the
        text that was used to compose this status (this can be used to power "delete and
        redraft" functionality)
        """

    @api_method(E.status_quote_revoke)
    def status_quote_revoke(self, id: IdType, quoting_status_id: IdType) -> Status:  # noqa: A002
        """Detach your status ``id`` from the status ``quoting_status_id`` that quotes it.

        Returns the quoting toot dict, its quote now revoked.
        """

    # -- scheduled statuses --------------------------------------------------------------

    @api_method(E.scheduled_statuses)
    def scheduled_statuses(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[ScheduledStatus]:
        """Fetch a list of scheduled statuses

        Returns a list of scheduled toot dicts.
        """

    @api_method(E.scheduled_status)
    def scheduled_status(self, id: IdType) -> ScheduledStatus:  # noqa: A002
        """Fetch information about the scheduled status with the given id.

        Returns a scheduled toot dict.
        """

    @api_method(E.scheduled_status_update, body=True)
    def scheduled_status_update(self, id: IdType, scheduled_at: datetime) -> ScheduledStatus:  # noqa: A002
        """Update the scheduled time of a scheduled status.

        New time must be at least 5 minutes into the future.

        Returns a scheduled toot dict
        """
        if scheduled_at is None:
            raise MastodonIllegalArgumentError("scheduled_at must be a datetime")
        args = status_arguments(self, scheduled_at=scheduled_at)
        return self._pipeline.call(E.scheduled_status_update, {"id": id, "scheduled_at": args["scheduled_at"]})

    @api_method(E.scheduled_status_delete)
    def scheduled_status_delete(self, id: IdType) -> None:  # noqa: A002
        """Deletes a scheduled status."""

    # -- polls ---------------------------------------------------------------------------

    @api_method(E.poll)
    def poll(self, id: IdType) -> Poll:  # noqa: A002
        """Fetch information about the poll with the given id

        Returns a poll dict.
        """

    @api_method(E.poll_vote, body=True)
    def poll_vote(self, id: IdType, choices: int | list[int]) -> Poll:  # noqa: A002
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
    def status_emoji_reactions(self, id: IdType, emoji: str | None = None) -> NonPaginatableList[Reaction]:  # noqa: A002
        """List the emoji reactions on a status (Pleroma/Akkoma, Fedibird and compatible servers).

        Raises a ``MastodonVersionError`` subclass naming the backend where the server has none.
        """

    @api_method(E.status_emoji_reaction_create)
    def status_emoji_reaction_create(self, id: IdType, emoji: str) -> Status:  # noqa: A002
        """React to a status with an emoji (unicode, or a custom emoji's shortcode).

        Returns the updated toot dict. Server extra: Pleroma/Akkoma, Fedibird.
        """

    @api_method(E.status_emoji_reaction_delete)
    def status_emoji_reaction_delete(self, id: IdType, emoji: str) -> Status:  # noqa: A002
        """Remove your emoji reaction from a status. Returns the updated toot dict."""


def _mentionable(account: Any) -> bool:
    """Whether ``account`` (from a status) has the id and ``acct`` a reply mentions it by."""
    return isinstance(account, dict) and "id" in account and isinstance(account.get("acct"), str) and bool(account["acct"])


__all__ = ["StatusesAPI"]
