"""Media upload endpoints."""

from .model import FILE, Param, endpoint

W = "Writing data: Media"
_FIELDS = (FILE("file"), FILE("thumbnail"), "description", Param("focus"))

media_post = endpoint("media_post", "POST", "/api/v1/media", *_FIELDS, returns="MediaAttachment", changed="3.2.0", section=W)
media_post_v2 = endpoint("media_post_v2", "POST", "/api/v2/media", *_FIELDS, returns="MediaAttachment", added="3.1.4", changed="3.2.0", section=W)
media_update = endpoint(
    "media_update", "PUT", "/api/v1/media/{id}", "description", "focus", FILE("thumbnail"),
    returns="MediaAttachment", added="2.3.0", changed="3.2.0", section=W,
)
media = endpoint("media", "GET", "/api/v1/media/{id}", returns="MediaAttachment", added="3.1.4", section=W)
