"""Media uploads (v1 and v2), updates, and statuses with media."""

from __future__ import annotations

import pytest

from live.helpers import tiny_png

pytestmark = pytest.mark.servers("gotosocial", "hollo")


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_upload_v2_update_and_attach(live_api):
    media = live_api.media_post(
        tiny_png(), mime_type="image/png", description="A red square", focus=(0.5, -0.5), file_name="red-square.png",
        synchronous=True,
    )
    assert media.type == "image"
    assert media.url
    assert media.description == "A red square"
    assert (media.meta.focus.x, media.meta.focus.y) == (0.5, -0.5)
    updated = live_api.media_update(media, description="A red square, described again", focus=(0.0, 0.0))
    assert updated.description == "A red square, described again"
    assert live_api.media(media).description == "A red square, described again"
    status = live_api.status_post("With a picture", media_ids=[media], visibility="private", sensitive=True)
    try:
        assert [m.id for m in status.media_attachments] == [media.id]
        assert status.sensitive is True
    finally:
        live_api.status_delete(status)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_upload_v1(live):
    old_style = live.api("alice", mastodon_version="3.0.0")
    media = old_style.media_post(tiny_png(rgb=(30, 200, 30)), mime_type="image/png", file_name="green-square.png")
    assert media.type == "image"
    assert media.url


def test_several_attachments(live_api):
    uploads = [
        live_api.media_post(tiny_png(rgb=(10 * n, 10, 10)), mime_type="image/png", file_name=f"square-{n}.png")
        for n in range(3)
    ]
    status = live_api.status_post("Three pictures", media_ids=uploads, visibility="private")
    try:
        assert [m.id for m in status.media_attachments] == [m.id for m in uploads]
    finally:
        live_api.status_delete(status)
