"""The moderation API's blocks: federation (domain blocks and allows) and sign-ups (e-mail and IP blocks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import MastodonBase
from ..endpoints import admin as E
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import (
        AdminCanonicalEmailBlock,
        AdminDomainAllow,
        AdminDomainBlock,
        AdminEmailDomainBlock,
        AdminIpBlock,
        IdType,
        PaginationId,
    )
    from ..types_base import NonPaginatableList, PaginatableList


DOMAIN_BLOCK_SEVERITIES = ("silence", "suspend", "noop")
IP_BLOCK_SEVERITIES = ("sign_up_requires_approval", "sign_up_block", "no_access")

_DOMAIN_BLOCK_CHECKS = {"severity": DOMAIN_BLOCK_SEVERITIES}
_DOMAIN_BLOCK_TYPES: dict[str, type | tuple[type, ...]] = {
    "reject_media": bool, "reject_reports": bool, "obfuscate": bool, "private_comment": str, "public_comment": str,
}
_IP_BLOCK_TYPES: dict[str, type | tuple[type, ...]] = {"ip": str, "comment": str, "expires_in": int}


class AdminBlocksAPI(MastodonBase):
    # -- domain blocks -------------------------------------------------------------------

    @api_method(E.admin_domain_blocks, body=True)
    def admin_domain_blocks(
        self,
        id: IdType | None = None,  # noqa: A002
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> AdminDomainBlock | PaginatableList[AdminDomainBlock]:
        """Fetches the domains blocked from federating with this server, or the one block with ``id``.

        Returns a list of admin domain block dicts, or that one dict when ``id`` is given.
        """
        if id is not None:
            return self._pipeline.call(E.admin_domain_block, {"id": id})
        args = {"max_id": max_id, "min_id": min_id, "since_id": since_id, "limit": limit}
        return self._pipeline.call(E.admin_domain_blocks, args)

    @api_method(E.admin_create_domain_block, required=("domain",), choices=_DOMAIN_BLOCK_CHECKS, types={"domain": str, **_DOMAIN_BLOCK_TYPES})
    def admin_create_domain_block(
        self,
        domain: str,
        severity: str | None = None,
        reject_media: bool | None = None,
        reject_reports: bool | None = None,
        private_comment: str | None = None,
        public_comment: str | None = None,
        obfuscate: bool | None = None,
    ) -> AdminDomainBlock:
        """Blocks a domain from federating with this server.

        ``severity`` is "silence" (the server's default), "suspend" or "noop";
        ``reject_media`` drops its media attachments, ``reject_reports`` its reports.
        ``private_comment`` is seen by moderators only, ``public_comment`` may be shown on
        the about page; ``obfuscate`` partly hides the domain's name where it is public.

        Returns the new admin domain block dict.
        """

    @api_method(E.admin_update_domain_block, required=("id",), choices=_DOMAIN_BLOCK_CHECKS, types=_DOMAIN_BLOCK_TYPES)
    def admin_update_domain_block(
        self,
        id: IdType,  # noqa: A002
        severity: str | None = None,
        reject_media: bool | None = None,
        reject_reports: bool | None = None,
        private_comment: str | None = None,
        public_comment: str | None = None,
        obfuscate: bool | None = None,
    ) -> AdminDomainBlock:
        """Changes the settings of a domain block (as for ``admin_create_domain_block``); settings left None stay.

        Returns the updated admin domain block dict.
        """

    @api_method(E.admin_delete_domain_block)
    def admin_delete_domain_block(self, id: IdType | None = None) -> None:  # noqa: A002
        """Lifts a domain block; ``id`` is required."""

    # -- domain allows -------------------------------------------------------------------

    @api_method(E.admin_domain_allows)
    def admin_domain_allows(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminDomainAllow]:
        """Fetches the domains allowed to federate when the server only federates with allowed domains.

        Returns a list of admin domain allow dicts.
        """

    @api_method(E.admin_domain_allow)
    def admin_domain_allow(self, id: IdType) -> AdminDomainAllow:  # noqa: A002
        """Fetches one allowed domain.

        Returns an admin domain allow dict.
        """

    @api_method(E.admin_create_domain_allow, required=("domain",), types={"domain": str})
    def admin_create_domain_allow(self, domain: str) -> AdminDomainAllow:
        """Allows a domain to federate (for servers in limited federation mode).

        Returns the admin domain allow dict (also when the domain was allowed already).
        """

    @api_method(E.admin_delete_domain_allow)
    def admin_delete_domain_allow(self, id: IdType) -> None:  # noqa: A002
        """Removes a domain from the allowed domains."""

    # -- e-mail domain blocks ------------------------------------------------------------

    @api_method(E.admin_email_domain_blocks)
    def admin_email_domain_blocks(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminEmailDomainBlock]:
        """Fetches the e-mail domains that may not sign up.

        Returns a list of admin e-mail domain block dicts.
        """

    @api_method(E.admin_email_domain_block)
    def admin_email_domain_block(self, id: IdType) -> AdminEmailDomainBlock:  # noqa: A002
        """Fetches one blocked e-mail domain.

        Returns an admin e-mail domain block dict.
        """

    @api_method(E.admin_create_email_domain_block, required=("domain",), types={"domain": str})
    def admin_create_email_domain_block(self, domain: str) -> AdminEmailDomainBlock:
        """Blocks sign-ups with e-mail addresses of a domain.

        Returns the new admin e-mail domain block dict.
        """

    @api_method(E.admin_delete_email_domain_block)
    def admin_delete_email_domain_block(self, id: IdType) -> None:  # noqa: A002
        """Lifts an e-mail domain block."""

    # -- canonical e-mail blocks ---------------------------------------------------------

    @api_method(E.admin_canonical_email_blocks)
    def admin_canonical_email_blocks(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminCanonicalEmailBlock]:
        """Fetches the blocked e-mail addresses, as hashes of their canonical form.

        Returns a list of admin canonical e-mail block dicts.
        """

    @api_method(E.admin_canonical_email_block)
    def admin_canonical_email_block(self, id: IdType) -> AdminCanonicalEmailBlock:  # noqa: A002
        """Fetches one canonical e-mail block.

        Returns an admin canonical e-mail block dict.
        """

    @api_method(E.admin_test_canonical_email_block, required=("email",), types={"email": str})
    def admin_test_canonical_email_block(self, email: str) -> NonPaginatableList[AdminCanonicalEmailBlock]:
        """Canonicalises and hashes ``email`` and finds the blocks that match it.

        Returns the list of matching admin canonical e-mail block dicts.
        """

    @api_method(E.admin_create_canonical_email_block, one_of=("email", "canonical_email_hash"), types={"email": str, "canonical_email_hash": str})
    def admin_create_canonical_email_block(self, email: str | None = None, canonical_email_hash: str | None = None) -> AdminCanonicalEmailBlock:
        """Blocks an e-mail address: give the address (it is canonicalised and hashed) or the hash.

        Returns the new admin canonical e-mail block dict.
        """

    @api_method(E.admin_delete_canonical_email_block)
    def admin_delete_canonical_email_block(self, id: IdType) -> AdminCanonicalEmailBlock:  # noqa: A002
        """Lifts a canonical e-mail block.

        Returns what the server answers (an empty dict).
        """

    # -- IP blocks -----------------------------------------------------------------------

    @api_method(E.admin_ip_blocks)
    def admin_ip_blocks(
        self,
        max_id: PaginationId = None,
        min_id: PaginationId = None,
        since_id: PaginationId = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminIpBlock]:
        """Fetches the blocked IP ranges.

        Returns a list of admin IP block dicts.
        """

    @api_method(E.admin_ip_block)
    def admin_ip_block(self, id: IdType) -> AdminIpBlock:  # noqa: A002
        """Fetches one IP block.

        Returns an admin IP block dict.
        """

    @api_method(E.admin_create_ip_block, required=("ip", "severity"), choices={"severity": IP_BLOCK_SEVERITIES}, types=_IP_BLOCK_TYPES)
    def admin_create_ip_block(self, ip: str, severity: str, comment: str | None = None, expires_in: int | None = None) -> AdminIpBlock:
        """Blocks an IP range (address and prefix, such as "192.0.2.0/24").

        ``severity`` is "sign_up_requires_approval", "sign_up_block" or "no_access";
        ``comment`` says why; the block ends after ``expires_in`` seconds if given.

        Returns the new admin IP block dict.
        """

    @api_method(E.admin_update_ip_block, required=("id",), choices={"severity": IP_BLOCK_SEVERITIES}, types=_IP_BLOCK_TYPES)
    def admin_update_ip_block(
        self,
        id: IdType,  # noqa: A002
        ip: str | None = None,
        severity: str | None = None,
        comment: str | None = None,
        expires_in: int | None = None,
    ) -> AdminIpBlock:
        """Changes an IP block (as for ``admin_create_ip_block``); settings left None stay.

        Returns the updated admin IP block dict.
        """

    @api_method(E.admin_delete_ip_block)
    def admin_delete_ip_block(self, id: IdType) -> None:  # noqa: A002
        """Lifts an IP block."""


__all__ = ["AdminBlocksAPI", "DOMAIN_BLOCK_SEVERITIES", "IP_BLOCK_SEVERITIES"]
