"""Reading data: instances."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import MastodonBase
from ..endpoints import instance as E
from ..errors import MastodonError
from .binding import api_method, uses_endpoint

if TYPE_CHECKING:
    from ..return_types import Activity, Instance, InstanceV2, Nodeinfo, Rule
    from ..types_base import NonPaginatableList


class InstanceAPI(MastodonBase):
    @api_method(E.instance)
    def instance(self) -> Instance:
        """Retrieve basic information about the instance, including the URI and administrative contact email.

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

    @uses_endpoint(E.instance_health)
    def instance_health(self) -> bool:
        """Basic health check. Returns True if healthy, False if not."""
        try:
            response = self._pipeline.call(E.instance_health, raw=True)
        except MastodonError:
            return False
        # Mastodon answers "OK"; some servers' health routes answer 200 with an empty body.
        return response.text.strip() in ("OK", "success", "")

    @uses_endpoint(E.instance_nodeinfo)
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

        return recast(fetch_nodeinfo(self._transport, schema, fallback=schema == DEFAULT_NODEINFO_SCHEMA), "Nodeinfo")


__all__ = ["InstanceAPI"]
