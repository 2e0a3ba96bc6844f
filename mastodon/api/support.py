"""Argument checks and conversions shared by several API areas."""

from __future__ import annotations

import mimetypes
import os
import time
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from ..errors import (
    MastodonAPIError,
    MastodonBackendFeatureError,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
)

if TYPE_CHECKING:
    from ..base import MastodonBase


VISIBILITIES = ("direct", "private", "unlisted", "public")


def check_visibility(client: MastodonBase, visibility: str | None) -> str | None:
    """Lower-cased visibility (a prefix visibility keeps its id's case); raises if the server has no such one.

    A visibility another installed backend offers (``"local"`` on a mainline client)
    raises :class:`MastodonBackendFeatureError` naming the backend; anything else
    :class:`MastodonIllegalArgumentError`.
    """
    if visibility is None:
        return None
    if not isinstance(visibility, str):
        raise MastodonIllegalArgumentError(f"Invalid visibility value {visibility!r}")
    value = visibility.lower()
    if value in VISIBILITIES:
        return value
    registry = client._registry
    extras = [extra for info in registry.chain_infos(client.backend) for extra in info.visibilities]
    accepted = _matches(value, extras)
    if accepted:
        # Only the prefix is case-insensitive: what follows it is an id ("list:9sDr2bGm...").
        return accepted + visibility[len(accepted):] if accepted.endswith(":") else accepted
    offered = sorted(name for name, info in registry.backends.items() if _matches(value, info.visibilities))
    if offered:
        raise MastodonBackendFeatureError(
            f"visibility {visibility!r}", client.backend, f"offered by: {', '.join(offered)}"
        )
    allowed = ", ".join(VISIBILITIES + tuple(extras))
    raise MastodonIllegalArgumentError(f"Invalid visibility value {visibility!r}! Acceptable values are {allowed}")


def _matches(value: str, visibilities: tuple[str, ...] | list[str]) -> str | None:
    """The entry of ``visibilities`` that ``value`` matches (an entry ending in ``:`` is a prefix)."""
    for extra in visibilities:
        if extra.endswith(":"):
            if value.startswith(extra) and len(value) > len(extra):
                return extra
        elif value == extra:
            return extra
    return None


def logged_in_id(client: MastodonBase) -> Any:
    """The logged-in account's id, asked of the server once per client (until the next login)."""
    cached = client._logged_in_id_cache
    if cached is None:
        from ..endpoints.accounts import account_verify_credentials

        account = client._pipeline.call(account_verify_credentials)
        cached = account.get("id") if isinstance(account, dict) else None
        if cached is None or isinstance(cached, (dict, list, bool)):
            raise MastodonAPIError("The server's verify_credentials answer has no account id", None, None, account)
        client._logged_in_id_cache = cached
    return cached


def backend_has_feature(client: MastodonBase, feature: str) -> bool:
    """Whether the active backend (or one it extends) declares the server extra ``feature``."""
    return any(feature in info.features for info in client._registry.chain_infos(client.backend))


def max_media(client: MastodonBase) -> int | None:
    info = client._registry.backends.get(client.backend)
    return info.max_media_attachments if info else 4


def guess_mime_type(file_name: str) -> str | None:
    mime, _ = mimetypes.guess_type(file_name)
    return mime


def load_media_file(media_file: Any, mime_type: str | None = None, file_name: str | None = None) -> tuple[str, Any, str]:
    """A ``(file name, file object or bytes, mime type)`` triple for a multipart upload.

    ``media_file`` is a path (the mime type is then guessed from its name unless given)
    or data/a file object (the mime type must be given).
    """
    if isinstance(media_file, PurePath):
        media_file = str(media_file)
    if isinstance(media_file, str) and len(media_file) < 4096 and "\0" not in media_file:
        if os.path.isfile(media_file):
            if mime_type is None:
                mime_type = guess_mime_type(media_file)
            with open(media_file, "rb") as handle:
                media_file = handle.read()
        elif mime_type is None:
            raise MastodonFileNotFoundError(f"Could not find media file {media_file!r}")
    if mime_type is None:
        raise MastodonIllegalArgumentError("Could not determine mime type or data passed directly without mime type.")
    if file_name is None:
        extension = mimetypes.guess_extension(mime_type) or ""
        import uuid  # imports platform: loaded on the first upload, not at start-up

        file_name = f"mastodonpyupload_{time.time()}_{uuid.uuid4().hex}{extension}"
    return file_name, media_file, mime_type


__all__ = ["VISIBILITIES", "check_visibility", "backend_has_feature", "logged_in_id", "max_media", "load_media_file", "guess_mime_type"]
