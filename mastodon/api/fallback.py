"""Choosing, among routes that serve the same call, the newest one the server offers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import MastodonVersionError

if TYPE_CHECKING:
    from ..base import MastodonBase
    from ..endpoints.model import Endpoint


def newest_available(client: MastodonBase, newest: Endpoint, fallback: Endpoint) -> Endpoint:
    """``newest`` if its version gate (and the backend) lets it through, else ``fallback``.

    Nothing is sent: the decision uses the server version and backend the client knows.
    The fallback's own gate is checked when it is called.
    """
    try:
        client._pipeline.check_gate(newest)
    except MastodonVersionError:  # includes MastodonBackendFeatureError
        return fallback
    return newest


__all__ = ["newest_available"]
