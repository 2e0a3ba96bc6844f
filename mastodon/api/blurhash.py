"""Blurhash decoding of media previews."""

from __future__ import annotations

from ..base import MastodonBase


class BlurhashAPI(MastodonBase):
    pass
