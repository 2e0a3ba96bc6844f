"""Accounts, relationships, follows, featured tags, suggestions and blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import accounts as E
from ..errors import MastodonIllegalArgumentError, MastodonNotFoundError
from .binding import api_method
from .fallback import newest_available
from .profile_form import profile_arguments

if TYPE_CHECKING:
    from ..return_types import (
        Account,
        FamiliarFollowers,
        FeaturedTag,
        IdType,
        PaginationId,
        Profile,
        Relationship,
        Status,
        Suggestion,
        Tag,
        UserList,
    )
    from ..types_base import NonPaginatableList, PaginatableList


DIRECTORY_ORDERS = ("active", "new")


class AccountsAPI(MastodonBase):
    @api_method(E.account)
    def account(self, id: IdType) -> Account:  # noqa: A002
        """Fetch account information by user id.

        Does not require authentication for publicly visible accounts.

        Returns a user dict.
        """

    @api_method(E.accounts)
    def accounts(self, ids: list[IdType]) -> NonPaginatableList[Account]:
        """Fetch several accounts by id in one request.

        Accounts that do not exist (or are not confirmed and approved) are left out, so
        the result can be shorter than ``ids``.

        Returns a list of user dicts.
        """

    @api_method(E.account_verify_credentials)
    def account_verify_credentials(self) -> Account:
        """Fetch logged-in user's account information.

        Returns a user dict (Starting from 2.1.0, with an additional "source" field).
        """

    @api_method(E.account_verify_credentials)
    def me(self) -> Account:
        """Get this user's account. Synonym for account_verify_credentials()."""

    @api_method(E.account_statuses, body=True)
    def account_statuses(
        self,
        id: IdType,  # noqa: A002
        only_media: bool = False,
        pinned: bool = False,
        exclude_replies: bool = False,
        exclude_reblogs: bool = False,
        tagged: str | None = None,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
        exclude_direct: bool = False,
    ) -> PaginatableList[Status]:
        """Fetch statuses by user id. Same options as timeline() are permitted.

        If ``only_media`` is set, return only statuses with media attachments. If
        ``pinned`` is set, return only statuses that have been pinned. If
        ``exclude_replies`` is set, filter out all statuses that are replies. If
        ``exclude_reblogs`` is set, filter out all statuses that are reblogs. If
        ``tagged`` is set, return only statuses that are tagged with ``tagged`` (a single
        tag without a '#'). If ``exclude_direct`` is set, direct messages are removed
        from the page that comes back (the server has no such filter; pages can be short).

        Returns a list of toot dicts.
        """
        statuses = self._pipeline.call(E.account_statuses, dict(
            id=id, only_media=only_media, pinned=pinned, exclude_replies=exclude_replies, exclude_reblogs=exclude_reblogs,
            tagged=tagged, max_id=max_id, min_id=min_id, since_id=since_id, limit=limit,
        ))
        if exclude_direct:
            statuses[:] = [status for status in statuses if status.get("visibility") != "direct"]  # keeps pagination
        return statuses

    @api_method(E.account_following)
    def account_following(
        self,
        id: IdType,  # noqa: A002
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """Fetch users the given user is following.

        Returns a list of user dicts.
        """

    @api_method(E.account_followers)
    def account_followers(
        self,
        id: IdType,  # noqa: A002
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """Fetch users the given user is followed by.

        Returns a list of user dicts.
        """

    @api_method(E.account_relationships)
    def account_relationships(self, id: IdType | list[IdType], with_suspended: bool | None = None) -> NonPaginatableList[Relationship]:  # noqa: A002
        """Fetch relationship (following, followed_by, blocking, follow requested) of the logged in user to a given account. ``id`` can be a list.

        Set ``with_suspended`` to also get relationships to suspended accounts (Mastodon 4.3.0+).

        Returns a list of relationship dicts.
        """

    @api_method(E.account_search)
    def account_search(
        self, q: str, limit: int | None = None, following: bool = False, resolve: bool = False, offset: int | None = None
    ) -> PaginatableList[Account]:
        """Fetch accounts whose username or display name match ``q``.

        Set ``following`` to True to limit the search to users the logged-in user follows.
        Set ``resolve`` to True to have the server look up a ``username@domain`` it does
        not know yet through WebFinger. ``offset`` skips that many results (Mastodon
        2.8.0+).

        Returns a list of user dicts.
        """

    @api_method(E.account_lookup)
    def account_lookup(self, acct: str) -> Account:
        """Look up an account by its ``username`` or ``username@domain`` without a search.

        Returns a user dict.
        """

    @api_method(E.account_featured_tags)
    def account_featured_tags(self, id: IdType) -> NonPaginatableList[Tag]:  # noqa: A002
        """Get an account's featured hashtags.

        Returns a list of hashtag dicts (NOT featured tag dicts).
        """

    @api_method(E.account_familiar_followers)
    def account_familiar_followers(self, id: IdType | list[IdType]) -> NonPaginatableList[FamiliarFollowers]:  # noqa: A002
        """For each given account (``id`` can be a list), the accounts following it that the logged-in user follows too.

        Returns a list of dicts with the account ``id`` and its familiar followers as ``accounts``.
        """

    @api_method(E.account_lists)
    def account_lists(self, id: IdType) -> NonPaginatableList[UserList]:  # noqa: A002
        """Get the lists of the logged-in user that the given account is on."""

    @api_method(E.account_follow)
    def account_follow(self, id: IdType, reblogs: bool = True, notify: bool = False) -> Relationship:  # noqa: A002
        """Follow a user.

        Set ``reblogs`` to False to hide boosts by the followed user. Set ``notify`` to
        True to get a notification every time the followed user posts.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_unfollow)
    def account_unfollow(self, id: IdType) -> Relationship:  # noqa: A002
        """Unfollow a user.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_block)
    def account_block(self, id: IdType) -> Relationship:  # noqa: A002
        """Block a user.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_unblock)
    def account_unblock(self, id: IdType) -> Relationship:  # noqa: A002
        """Unblock a user.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_mute)
    def account_mute(self, id: IdType, notifications: bool = True, duration: int | None = None) -> Relationship:  # noqa: A002
        """Mute a user.

        Set ``notifications`` to False to receive notifications even though the user is
        muted from timelines. Pass a ``duration`` in seconds to have the server
        automatically lift the mute after that many seconds.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_unmute)
    def account_unmute(self, id: IdType) -> Relationship:  # noqa: A002
        """Unmute a user.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_remove_from_followers)
    def account_remove_from_followers(self, id: IdType) -> Relationship:  # noqa: A002
        """Make the given user stop following the logged-in user.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_endorse)
    def account_endorse(self, id: IdType) -> Relationship:  # noqa: A002
        """Feature (endorse) a followed user on the logged-in user's profile.

        Replaces account_pin() on Mastodon 4.4.0+.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_unendorse)
    def account_unendorse(self, id: IdType) -> Relationship:  # noqa: A002
        """Stop featuring a user on the logged-in user's profile.

        Replaces account_unpin() on Mastodon 4.4.0+.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_pin)
    def account_pin(self, id: IdType) -> Relationship:  # noqa: A002
        """Pin / endorse a user.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_unpin)
    def account_unpin(self, id: IdType) -> Relationship:  # noqa: A002
        """Unpin / un-endorse a user.

        Returns a relationship dict containing the updated relationship to the user.
        """

    @api_method(E.account_note_set)
    def account_note_set(self, id: IdType, comment: str) -> Relationship:  # noqa: A002
        """Set a note (visible to the logged in user only) for the given account.

        Returns a relationship dict with the note updated.
        """

    @api_method(E.account_update_credentials, body=True)
    def account_update_credentials(
        self,
        display_name: str | None = None,
        note: str | None = None,
        avatar: Any = None,
        avatar_mime_type: str | None = None,
        header: Any = None,
        header_mime_type: str | None = None,
        locked: bool | None = None,
        bot: bool | None = None,
        discoverable: bool | None = None,
        fields: list[tuple[str, str]] | None = None,
        hide_collections: bool | None = None,
        indexable: bool | None = None,
        attribution_domains: list[str] | None = None,
        default_privacy: str | None = None,
        default_sensitive: bool | None = None,
        default_language: str | None = None,
        default_quote_policy: str | None = None,
        avatar_description: str | None = None,
        header_description: str | None = None,
    ) -> Account:
        """Update the profile and posting defaults of the logged-in user.

        ``note`` is the user's bio. ``avatar`` and ``header`` are images: either image
        data with a mime type, or a file name. ``locked`` specifies whether the user needs
        to manually approve follow requests, ``bot`` whether the user is a bot,
        ``discoverable`` whether the user appears in the user directory. ``fields`` can be
        a list of up to four name-value pairs (tuples) shown in the profile.

        ``hide_collections`` hides who the user follows and is followed by (4.1.0+),
        ``indexable`` lets anyone search the user's public posts (4.2.0+),
        ``attribution_domains`` lists up to ten websites allowed to credit the user
        (4.4.0+). ``default_privacy`` ("public", "unlisted" or "private"),
        ``default_sensitive``, ``default_language`` and ``default_quote_policy``
        ("public", "followers" or "nobody", 4.5.0+) set the defaults for new posts.
        ``avatar_description`` and ``header_description`` describe the images (4.6.0+).
        Only the values given are changed.

        Returns the updated user dict of the logged-in user.
        """
        args, files = profile_arguments(
            dict(
                display_name=display_name, note=note, locked=locked, bot=bot, discoverable=discoverable,
                hide_collections=hide_collections, indexable=indexable, attribution_domains=attribution_domains,
                default_privacy=default_privacy, default_sensitive=default_sensitive, default_language=default_language,
                default_quote_policy=default_quote_policy, avatar_description=avatar_description, header_description=header_description,
            ),
            fields, (avatar, avatar_mime_type), (header, header_mime_type),
        )
        return self._pipeline.call(E.account_update_credentials, args, files=files)

    @api_method(E.profile)
    def profile(self) -> Profile:
        """Fetch the logged-in user's profile as it is edited: texts, images, fields and profile settings.

        Returns a profile dict.
        """

    @api_method(E.profile_update, body=True)
    def profile_update(
        self,
        display_name: str | None = None,
        note: str | None = None,
        avatar: Any = None,
        avatar_mime_type: str | None = None,
        header: Any = None,
        header_mime_type: str | None = None,
        locked: bool | None = None,
        bot: bool | None = None,
        discoverable: bool | None = None,
        hide_collections: bool | None = None,
        indexable: bool | None = None,
        show_media: bool | None = None,
        show_media_replies: bool | None = None,
        show_featured: bool | None = None,
        attribution_domains: list[str] | None = None,
        fields: list[tuple[str, str]] | None = None,
        avatar_description: str | None = None,
        header_description: str | None = None,
    ) -> Profile:
        """Update the logged-in user's profile; only the values given are changed.

        Takes the profile parameters of account_update_credentials() (not the posting
        defaults), and ``show_media`` (show a "Media" tab), ``show_media_replies``
        (include media from replies in it) and ``show_featured`` (show a "Featured" tab).

        Returns the updated profile dict.
        """
        args, files = profile_arguments(
            dict(
                display_name=display_name, note=note, locked=locked, bot=bot, discoverable=discoverable,
                hide_collections=hide_collections, indexable=indexable, show_media=show_media,
                show_media_replies=show_media_replies, show_featured=show_featured, attribution_domains=attribution_domains,
                avatar_description=avatar_description, header_description=header_description,
            ),
            fields, (avatar, avatar_mime_type), (header, header_mime_type),
        )
        return self._pipeline.call(E.profile_update, args, files=files)

    @api_method(E.account_delete_avatar)
    def account_delete_avatar(self) -> Account:
        """Remove the logged-in user's avatar (it falls back to the server's default image).

        Returns the updated user dict of the logged-in user.
        """

    @api_method(E.account_delete_header)
    def account_delete_header(self) -> Account:
        """Remove the logged-in user's header image.

        Returns the updated user dict of the logged-in user.
        """

    @api_method(E.follows, body=True)
    def follows(self, uri: str) -> Relationship:
        """Follow a remote user by uri (username@domain).

        Returns a relationship dict for the followed account.
        """
        if not isinstance(uri, str) or not uri.strip("@"):
            raise MastodonIllegalArgumentError("uri must be a 'username@domain' string")
        found = self.account_search(uri)
        if not found:
            raise MastodonNotFoundError("Mastodon API returned error", 404, "Not Found", f"No account found for {uri}")
        return self.account_follow(found[0])

    # -- featured tags -------------------------------------------------------------------

    @api_method(E.featured_tags)
    def featured_tags(self) -> NonPaginatableList[FeaturedTag]:
        """Get the hashtags the logged-in user has featured on their profile.

        Returns a list of featured tag dicts.
        """

    @api_method(E.featured_tag_suggestions)
    def featured_tag_suggestions(self) -> NonPaginatableList[Tag]:
        """Get the hashtags the logged-in user has used most (candidates for featuring).

        Returns a list of hashtag dicts.
        """

    @api_method(E.featured_tag_create, body=True)
    def featured_tag_create(self, name: str) -> FeaturedTag:
        """Feature a hashtag on the logged-in user's profile (``name`` without the leading #).

        Returns a featured tag dict.
        """
        if not isinstance(name, str) or not name.lstrip("#"):
            raise MastodonIllegalArgumentError("name must be a hashtag name")
        return self._pipeline.call(E.featured_tag_create, {"name": name.lstrip("#")})

    @api_method(E.featured_tag_delete)
    def featured_tag_delete(self, id: IdType) -> None:  # noqa: A002
        """Stop featuring the featured tag with the given id."""

    # -- suggestions, directory, endorsements --------------------------------------------

    @api_method(E.suggestions_v2, body=True)
    def suggestions(self) -> NonPaginatableList[Suggestion]:
        """Fetch follow suggestions for the logged-in user, from the newest API the server has.

        On Mastodon 3.4.0+ this is suggestions_v2() (suggestion dicts, each with the
        ``account`` and why it is suggested); on older servers suggestions_v1() (user dicts).
        """
        return self._pipeline.call(newest_available(self, E.suggestions_v2, E.suggestions))

    @api_method(E.suggestions)
    def suggestions_v1(self) -> NonPaginatableList[Account]:
        """Fetch accounts the logged-in user has interacted with but does not follow (deprecated since 3.4.0).

        Returns a list of user dicts.
        """

    @api_method(E.suggestions_v2)
    def suggestions_v2(self) -> NonPaginatableList[Suggestion]:
        """Fetch follow suggestions, each a dict with the suggested ``account`` and the ``sources`` of the suggestion.

        Returns a list of suggestion dicts.
        """

    @api_method(E.suggestion_delete)
    def suggestion_delete(self, account_id: IdType) -> None:
        """Remove the user with the given account_id from the follow suggestions."""

    @api_method(E.directory, body=True)
    def directory(
        self, offset: int | None = None, limit: int | None = None, order: str | None = None, local: bool | None = None
    ) -> PaginatableList[Account]:
        """Fetch the contents of the profile directory, if enabled on the server.

        ``offset`` skips that many accounts, ``limit`` caps how many come back (at most
        80). ``order`` is "active" (most recently posted first, the default) or "new"
        (newest accounts first). Set ``local`` to True to list only this server's accounts.

        Returns a list of user dicts.
        """
        if order is not None and order not in DIRECTORY_ORDERS:
            raise MastodonIllegalArgumentError(f"Invalid directory order {order!r}; use one of {', '.join(DIRECTORY_ORDERS)}")
        return self._pipeline.call(E.directory, dict(offset=offset, limit=limit, order=order, local=local))

    @api_method(E.endorsements)
    def endorsements(self) -> PaginatableList[Account]:
        """Fetch list of users endorsed by the logged-in user.

        Returns a list of user dicts.
        """

    # -- favourites, bookmarks, follow requests, mutes, blocks ---------------------------

    @api_method(E.favourites)
    def favourites(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Status]:
        """Fetch the logged-in user's favourited statuses.

        Returns a list of toot dicts.
        """

    @api_method(E.bookmarks)
    def bookmarks(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Status]:
        """Get a list of statuses bookmarked by the logged-in user.

        Returns a list of toot dicts.
        """

    @api_method(E.follow_requests)
    def follow_requests(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """Fetch the logged-in user's incoming follow requests.

        Returns a list of user dicts.
        """

    @api_method(E.follow_request_authorize)
    def follow_request_authorize(self, id: IdType) -> Relationship:  # noqa: A002
        """Accept an incoming follow request.

        Returns the updated relationship dict for the requesting account.
        """

    @api_method(E.follow_request_reject)
    def follow_request_reject(self, id: IdType) -> Relationship:  # noqa: A002
        """Reject an incoming follow request.

        Returns the updated relationship dict for the requesting account.
        """

    @api_method(E.mutes)
    def mutes(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """Fetch a list of users muted by the logged-in user.

        Returns a list of user dicts.
        """

    @api_method(E.blocks)
    def blocks(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """Fetch a list of users blocked by the logged-in user.

        Returns a list of user dicts.
        """

    @api_method(E.domain_blocks)
    def domain_blocks(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[str]:
        """Fetch the logged-in user's blocked domains.

        Returns a list of blocked domain URLs (as strings, without protocol specifier).
        """

    @api_method(E.domain_block, body=True)
    def domain_block(self, domain: str | None = None) -> None:
        """Add a block for all statuses originating from the specified domain for the logged-in user."""
        if not isinstance(domain, str) or not domain:
            raise MastodonIllegalArgumentError("domain must be a domain name")
        self._pipeline.call(E.domain_block, {"domain": domain})

    @api_method(E.domain_unblock, body=True)
    def domain_unblock(self, domain: str | None = None) -> None:
        """Remove a domain block for the logged-in user."""
        if not isinstance(domain, str) or not domain:
            raise MastodonIllegalArgumentError("domain must be a domain name")
        self._pipeline.call(E.domain_unblock, {"domain": domain})


__all__ = ["AccountsAPI"]
