"""Reading data: instances."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ..base import MastodonBase
from ..endpoints import instance as E
from ..errors import MastodonError, MastodonIllegalArgumentError
from .binding import api_method

if TYPE_CHECKING:
    from datetime import date

    from ..entities import AttribAccessDict
    from ..return_types import (
        Activity,
        DomainBlock,
        ExtendedDescription,
        Instance,
        InstanceV2,
        Nodeinfo,
        OAuthServerInfo,
        OAuthUserInfo,
        Rule,
        SupportedLocale,
        TermsOfService,
    )
    from ..types_base import NonPaginatableList


class InstanceAPI(MastodonBase):
    @api_method(E.instance)
    def instance(self) -> Instance:
        """Retrieve basic public information about the instance: the v1 document.

        The document the reference describes (``uri``, ``title``, ``stats``, ``urls``,
        ``contact_account``, ``registrations`` as a boolean...), on every server version, so
        code written for it keeps working. Mastodon.py 2.x returns the v2 document from
        Mastodon 4.0.0 on; code that wants it calls instance_v2() (see the compatibility page).

        Does not require authentication unless locked down by the administrator.

        Returns an instance dict.
        """

    @api_method(E.instance)
    def instance_v1(self) -> Instance:
        """Retrieve the v1 instance document: URI, title, contact e-mail, statistics, streaming URL.

        Does not require authentication unless locked down by the administrator.

        Returns an instance dict.
        """

    @api_method(E.instance_v2)
    def instance_v2(self) -> InstanceV2:
        """Retrieve the v2 instance document (configuration, registrations, contact)."""

    @api_method(E.instance_activity)
    def instance_activity(self) -> NonPaginatableList[Activity]:
        """Retrieve activity stats about the instance (12 weeks back from the current week).

        May be disabled by the instance administrator - throws a MastodonNotFoundError in that case.

        Returns a list of activity dicts.
        """

    @api_method(E.instance_peers)
    def instance_peers(self) -> NonPaginatableList[str]:
        """Retrieve the instances that this instance knows about.

        May be disabled by the instance administrator - throws a MastodonNotFoundError in that case.

        Returns a list of URL strings.
        """

    @api_method(E.instance_rules)
    def instance_rules(self) -> NonPaginatableList[Rule]:
        """Retrieve the instance's rules."""

    @api_method(E.instance_domain_blocks)
    def instance_domain_blocks(self) -> NonPaginatableList[DomainBlock]:
        """The domains this server moderates, with severity and (where public) the reason.

        The administrator decides who may see the list: everyone, logged-in users
        (MastodonUnauthorizedError otherwise) or no one (MastodonNotFoundError).
        """

    @api_method(E.instance_extended_description)
    def instance_extended_description(self) -> ExtendedDescription:
        """The server's extended description (HTML ``content`` and when it was last ``updated_at``)."""

    @api_method(E.instance_languages)
    def instance_languages(self) -> NonPaginatableList[SupportedLocale]:
        """The languages the server supports, as ``code`` and ``name`` pairs."""

    @api_method(E.instance_translation_languages)
    def instance_translation_languages(self) -> AttribAccessDict:
        """The translations the server offers: source language codes mapped to lists of target codes."""

    @api_method(E.instance_terms_of_service, body=True)
    def instance_terms_of_service(self, date: date | None = None) -> TermsOfService:
        """The server's terms of service: the current ones, or those in effect on ``date``.

        Raises MastodonNotFoundError when the server has none.
        """
        if date is None:
            return self._pipeline.call(E.instance_terms_of_service)
        if not isinstance(date, datetime.date):
            raise MastodonIllegalArgumentError("date must be a datetime.date")
        return self._pipeline.call(E.instance_terms_of_service_on, {"date": date.strftime("%Y-%m-%d")})

    @api_method(E.oauth_authorization_server_info, auth=False)
    def oauth_authorization_server_info(self) -> OAuthServerInfo:
        """The OAuth 2 authorization server metadata (RFC 8414): endpoints, scopes, grant types.

        Lets a client negotiate scopes with the server's version.
        """

    @api_method(E.oauth_userinfo)
    def oauth_userinfo(self) -> OAuthUserInfo:
        """OpenID Connect claims about the logged-in user (needs the ``profile`` scope)."""

    @api_method(E.instance_health, body=True)
    def instance_health(self) -> bool:
        """Basic health check. Returns True if healthy, False if not."""
        try:
            response = self._pipeline.call(E.instance_health, raw=True)
        except MastodonError:
            return False
        # Mastodon answers "OK"; some servers' health routes answer 200 with an empty body.
        return response.text.strip() in ("OK", "success", "")

    @api_method(E.instance_nodeinfo, body=True)
    def instance_nodeinfo(self, schema: str = "http://nodeinfo.diaspora.software/ns/schema/2.0") -> Nodeinfo:
        """Retrieves the instance's nodeinfo information.

        For information on what the nodeinfo can contain, see the nodeinfo specification:
        https://github.com/jhass/nodeinfo . By default, the version 2.0 schema is retrieved,
        or the newest schema the server lists when it offers no 2.0 document (2.1 is a
        superset of 2.0).

        To override the schema, specify the desired schema with the schema parameter. A
        document on another host name is fetched from there without credentials. Raises
        :class:`MastodonNotFoundError` when the server offers no such document.
        """
        self._pipeline.check_gate(E.instance_nodeinfo)
        from ..detection import DEFAULT_NODEINFO_SCHEMA, fetch_nodeinfo
        from ..entity_types import recast

        return recast(fetch_nodeinfo(self._pipeline, schema, fallback=schema == DEFAULT_NODEINFO_SCHEMA), "Nodeinfo")


__all__ = ["InstanceAPI"]
