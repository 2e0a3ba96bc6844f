"""Media uploads."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import media as E
from ..endpoints.statuses import status_update
from ..errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonVersionError
from .binding import api_method
from .support import load_media_file

if TYPE_CHECKING:
    from ..return_types import IdType, MediaAttachment


#: How long ``media_post(synchronous=True)`` waits for processing, and how often it polls.
SYNC_TIMEOUT = 300.0
SYNC_POLL_INTERVAL = 1.0


def _focus(focus: Any) -> str | None:
    if focus is None:
        return None
    try:
        x, y = (float(v) for v in focus)
    except (TypeError, ValueError):
        raise MastodonIllegalArgumentError("focus must be a pair of numbers between -1 and 1") from None
    if not (-1.0 <= x <= 1.0 and -1.0 <= y <= 1.0):
        raise MastodonIllegalArgumentError("focus coordinates must be between -1 and 1")
    return f"{focus[0]},{focus[1]}"


class MediaAPI(MastodonBase):
    @api_method(E.media_post, body=True)
    def media_post(
        self,
        media_file: Any,
        mime_type: str | None = None,
        description: str | None = None,
        focus: tuple[float, float] | None = None,
        file_name: str | None = None,
        thumbnail: Any = None,
        thumbnail_mime_type: str | None = None,
        synchronous: bool = False,
    ) -> MediaAttachment:
        """Post an image, video or audio file.

        ``media_file`` can either be data or a file name. If data is passed directly, the
        mime type has to be specified manually, otherwise, it is determined from the file
        name. ``focus`` should be a tuple of floats between -1 and 1, giving the x and y
        coordinates of the images focus point for cropping (with the origin being the
        images center).

        Throws a MastodonIllegalArgumentError if the mime type of the passed data or file
        can not be determined properly.

        ``file_name`` can be specified to upload a file with the given name, which is
        ignored by Mastodon, but some other Fediverse server software will display it. If
        no name is specified, a random name will be generated.

        Starting with Mastodon 3.2.0, ``thumbnail`` can be specified in the same way as
        ``media_file`` to upload a custom thumbnail image for audio and video files.

        Returns a media dict. This contains the id that can be used in status_post to
        attach the media file to a toot.

        When using the v2 API (post Mastodon version 3.1.4), the url in the returned dict
        will be null, since attachments are processed asynchronously. You can fetch an
        updated dict using ``media()``. Pass ``synchronous`` to emulate the old behaviour.
        """
        files = {"file": load_media_file(media_file, mime_type, file_name)}
        if thumbnail is not None:
            if not self._version_at_least((3, 2, 0)) and self.version_check_mode != "none":
                raise MastodonVersionError("Thumbnail requires version > 3.2.0")
            files["thumbnail"] = load_media_file(thumbnail, thumbnail_mime_type)
        args = {"description": description, "focus": _focus(focus)}
        use_v2 = self._version_at_least((3, 1, 4))
        result = self._pipeline.call(E.media_post_v2 if use_v2 else E.media_post, args, files=files)
        if synchronous and use_v2:
            deadline = time.monotonic() + SYNC_TIMEOUT
            while result.get("url") is None:
                if time.monotonic() > deadline:
                    raise MastodonAPIError("Attachment could not be processed in time")
                time.sleep(SYNC_POLL_INTERVAL)
                result = self.media(result)
        return result

    @api_method(since=status_update)
    def generate_media_edit_attributes(
        self,
        id: IdType,  # noqa: A002
        description: str | None = None,
        focus: tuple[float, float] | None = None,
        thumbnail: Any = None,
        thumb_mimetype: str | None = None,
    ) -> dict[str, Any]:
        """Build one entry of ``status_update(media_attributes=[...])``: new ``description`` and ``focus`` for attached media ``id``.

        ``focus`` is as in media_post(). Attached media keep their thumbnail when a status
        is edited: a ``thumbnail`` raises ``MastodonIllegalArgumentError`` (set it with
        media_update() before attaching the media).

        Sends nothing; returns a plain dict.
        """
        if thumbnail is not None or thumb_mimetype is not None:
            raise MastodonIllegalArgumentError(
                "Thumbnails cannot be changed in a status edit: set them with media_update() before attaching the media"
            )
        media_id = id.get("id") if isinstance(id, dict) else id
        if media_id is None:
            raise MastodonIllegalArgumentError("generate_media_edit_attributes() needs a media id or media dict")
        attributes: dict[str, Any] = {"id": media_id}
        if description is not None:
            attributes["description"] = description
        if focus is not None:
            attributes["focus"] = _focus(focus)
        return attributes

    @api_method(E.media)
    def media(self, id: IdType) -> MediaAttachment:  # noqa: A002
        """Get the (possibly updated) media dict of an upload, e.g. after async processing."""

    @api_method(E.media_update, body=True)
    def media_update(
        self,
        id: IdType,  # noqa: A002
        description: str | None = None,
        focus: tuple[float, float] | None = None,
        thumbnail: Any = None,
        thumbnail_mime_type: str | None = None,
    ) -> MediaAttachment:
        """Update the metadata of the media file with the given id. ``description``, ``focus`` and ``thumbnail`` are as in media_post().

        Returns the updated media dict.
        """
        files = None
        if thumbnail is not None:
            files = {"thumbnail": load_media_file(thumbnail, thumbnail_mime_type)}
        return self._pipeline.call(E.media_update, {"id": id, "description": description, "focus": _focus(focus)}, files=files)


__all__ = ["MediaAPI", "SYNC_TIMEOUT", "SYNC_POLL_INTERVAL"]
