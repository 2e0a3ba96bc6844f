"""Web push subscriptions and push decryption."""

from __future__ import annotations

from ..base import MastodonBase


class PushAPI(MastodonBase):
    pass
