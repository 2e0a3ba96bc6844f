"""The streaming API."""

from __future__ import annotations

from ..base import MastodonBase


class StreamingAPI(MastodonBase):
    pass
