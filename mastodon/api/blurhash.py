"""Blurhash decoding of media previews."""

from __future__ import annotations

from typing import Any

from ..base import MastodonBase
from ..errors import MastodonIllegalArgumentError
from ..extras import require


def _size(out_size: Any) -> tuple[int, int]:
    try:
        width, height = out_size
    except (TypeError, ValueError):
        raise MastodonIllegalArgumentError("out_size must be a (width, height) pair") from None
    for value in (width, height):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise MastodonIllegalArgumentError("out_size must be two positive integers")
    return width, height


class BlurhashAPI(MastodonBase):
    def decode_blurhash(
        self,
        media_dict: dict[str, Any],
        out_size: tuple[int, int] = (16, 16),
        size_per_component: bool = True,
        return_linear: bool = True,
    ) -> list[list[list[float]]]:
        """Basic media-dict blurhash decoding.

        ``out_size`` is the desired result size in pixels as ``(width, height)``, either
        absolute or per blurhash component (this is the default).

        By default, this function will return the image as linear RGB (floats, about 0.0
        to 1.0), ready for further scaling operations. If you want to display the image
        directly, set ``return_linear`` to False to get sRGB integers from 0 to 255.

        Media without a blurhash (remote media on some servers has none) raises
        ``MastodonIllegalArgumentError``. Needs the "blurhash" extra.

        Returns the decoded blurhash image as a three-dimensional list: [height][width][3],
        with the last dimension being RGB colours.
        """
        blurhash = require("blurhash", "blurhash", "Blurhash decoding")
        value = media_dict.get("blurhash") if isinstance(media_dict, dict) else None
        if not value:
            raise MastodonIllegalArgumentError("This media dict has no blurhash to decode")
        if not isinstance(value, str):
            raise MastodonIllegalArgumentError("The media dict's blurhash is not a string")
        width, height = _size(out_size)
        try:
            if size_per_component:
                components_x, components_y = blurhash.components(value)
                width, height = width * components_x, height * components_y
            pixels: list[list[list[float]]] = blurhash.decode(value, width, height, linear=return_linear)
        except (ValueError, IndexError, KeyError) as exc:
            raise MastodonIllegalArgumentError(f"Invalid blurhash {value!r}: {exc}") from None
        return pixels


__all__ = ["BlurhashAPI"]
