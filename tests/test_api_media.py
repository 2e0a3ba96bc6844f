"""Media uploads: multipart bodies, mime types, v1/v2 routes, thumbnails, synchronous uploads."""

from __future__ import annotations

import io
from email.parser import BytesParser
from email.policy import default as default_policy

import pytest
from support.mock_http import documented

import mastodon.api.media as media_module
from mastodon import MastodonAPIError, MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonVersionError

MEDIA_ID = 22345792


def multipart(sent):
    """``{name: (file name, content type, payload)}`` of a multipart/form-data request."""
    assert sent.multipart
    head = b"Content-Type: " + sent.headers["Content-Type"].encode() + b"\r\n\r\n"
    message = BytesParser(policy=default_policy).parsebytes(head + sent.raw_body)
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        assert name not in parts
        parts[name] = (part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
    return parts


@pytest.fixture
def image(tmp_path):
    path = tmp_path / "holiday photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg")
    return path


@pytest.fixture
def uploads(mock_http):
    mock_http.add("POST", "/api/v2/media", documented("MediaAttachment"))
    mock_http.add("POST", "/api/v1/media", documented("MediaAttachment"))
    return mock_http


def test_media_post_file_uses_v2_and_guesses_the_mime_type(api, uploads, image):
    media = api.media_post(str(image))
    sent = uploads.last
    assert (sent.method, sent.path, sent.query) == ("POST", "/api/v2/media", [])
    parts = multipart(sent)
    assert set(parts) == {"file"}
    file_name, content_type, payload = parts["file"]
    assert content_type == "image/jpeg"
    assert payload == b"\xff\xd8\xff\xe0 fake jpeg"
    # The local file name is not disclosed; a generated name with the right extension is sent.
    assert file_name.startswith("mastodonpyupload_")
    assert file_name.endswith(".jpg")
    assert "holiday" not in file_name
    assert media.id == MEDIA_ID
    assert media.meta.focus.x == -0.27
    assert media.meta.original.aspect == pytest.approx(4 / 3)


def test_media_post_pathlib_path(api, uploads, image):
    api.media_post(image)
    assert multipart(uploads.last)["file"][1] == "image/jpeg"


def test_media_post_explicit_file_name(api, uploads, image):
    api.media_post(str(image), file_name="cat.jpg")
    assert multipart(uploads.last)["file"][0] == "cat.jpg"


def test_media_post_data_with_mime_type(api, uploads):
    api.media_post(b"RIFF fake webm", mime_type="video/webm", description="a video", focus=(0.5, -0.25))
    parts = multipart(uploads.last)
    assert parts["file"][1] == "video/webm"
    assert parts["file"][2] == b"RIFF fake webm"
    assert parts["file"][0].endswith(".webm")
    assert parts["description"] == (None, "text/plain", b"a video")
    assert parts["focus"][2] == b"0.5,-0.25"


def test_media_post_file_object(api, uploads):
    api.media_post(io.BytesIO(b"GIF89a"), mime_type="image/gif", file_name="anim.gif")
    file_name, content_type, payload = multipart(uploads.last)["file"]
    assert (file_name, content_type, payload) == ("anim.gif", "image/gif", b"GIF89a")


def test_media_post_explicit_mime_type_wins_over_the_name(api, uploads, image):
    api.media_post(str(image), mime_type="image/png")
    assert multipart(uploads.last)["file"][1] == "image/png"


def test_media_post_data_without_mime_type(api, mock_http):
    with pytest.raises(MastodonIllegalArgumentError):
        api.media_post(b"\x00\x01 unknown bytes")
    assert mock_http.sent == []


def test_media_post_unknown_extension(api, mock_http, tmp_path):
    odd = tmp_path / "upload.unknownext"
    odd.write_bytes(b"data")
    with pytest.raises(MastodonIllegalArgumentError):
        api.media_post(str(odd))
    assert mock_http.sent == []


def test_media_post_missing_file(api, mock_http, tmp_path):
    with pytest.raises(MastodonFileNotFoundError):
        api.media_post(str(tmp_path / "nope.png"))
    assert mock_http.sent == []


@pytest.mark.parametrize("focus", [(2, 0), (0, -1.5), "center", (1,), (0, 0, 0)])
def test_media_post_bad_focus(api, mock_http, image, focus):
    with pytest.raises(MastodonIllegalArgumentError):
        api.media_post(str(image), focus=focus)
    assert mock_http.sent == []


def test_media_post_thumbnail(api, uploads, tmp_path):
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"fake mp4")
    thumb = tmp_path / "thumb.png"
    thumb.write_bytes(b"\x89PNG thumb")
    api.media_post(str(video), thumbnail=str(thumb))
    parts = multipart(uploads.last)
    assert parts["file"][1] == "video/mp4"
    assert parts["thumbnail"][1] == "image/png"
    assert parts["thumbnail"][2] == b"\x89PNG thumb"
    api.media_post(str(video), thumbnail=b"raw jpeg", thumbnail_mime_type="image/jpeg")
    assert multipart(uploads.last)["thumbnail"][1:] == ("image/jpeg", b"raw jpeg")


def test_media_post_thumbnail_needs_3_2_0(make_api, mock_http, image):
    api = make_api("3.1.4")
    with pytest.raises(MastodonVersionError):
        api.media_post(str(image), thumbnail=str(image))
    assert mock_http.sent == []


def test_media_post_before_3_1_4_uses_v1(make_api, uploads, image):
    api = make_api("3.1.3")
    api.media_post(str(image), description="old server")
    assert uploads.last.path == "/api/v1/media"
    assert multipart(uploads.last)["description"][2] == b"old server"


def test_media_post_synchronous_polls_until_processed(api, mock_http, monkeypatch, image):
    monkeypatch.setattr(media_module, "SYNC_POLL_INTERVAL", 0)
    processing = documented("MediaAttachmentProcessing")
    done = dict(processing, url="https://files.mastodon.social/media_attachments/files/022/348/641/original/e96382f26c72a29c.mp4")
    mock_http.add("POST", "/api/v2/media", processing, status=202)
    answers = [(206, processing), (206, processing), (200, done)]
    mock_http.handle("GET", "/api/v1/media/22348641", lambda sent: (*answers.pop(0), {}))
    media = api.media_post(str(image), synchronous=True)
    assert media.url == done["url"]
    assert [(s.method, s.path) for s in mock_http.sent] == [
        ("POST", "/api/v2/media"),
        ("GET", "/api/v1/media/22348641"),
        ("GET", "/api/v1/media/22348641"),
        ("GET", "/api/v1/media/22348641"),
    ]


def test_media_post_asynchronous_returns_at_once(api, mock_http, image):
    mock_http.add("POST", "/api/v2/media", documented("MediaAttachmentProcessing"), status=202)
    media = api.media_post(str(image))
    assert media.url is None
    assert len(mock_http.sent) == 1


def test_media_post_synchronous_gives_up_after_the_timeout(api, mock_http, monkeypatch, image):
    monkeypatch.setattr(media_module, "SYNC_POLL_INTERVAL", 0)
    monkeypatch.setattr(media_module, "SYNC_TIMEOUT", -1.0)
    mock_http.add("POST", "/api/v2/media", documented("MediaAttachmentProcessing"), status=202)
    mock_http.add("GET", "/api/v1/media/22348641", documented("MediaAttachmentProcessing"), status=206)
    with pytest.raises(MastodonAPIError):
        api.media_post(str(image), synchronous=True)


def test_media_post_synchronous_on_v1_does_not_poll(make_api, mock_http, monkeypatch, image):
    monkeypatch.setattr(media_module, "SYNC_POLL_INTERVAL", 0)
    mock_http.add("POST", "/api/v1/media", documented("MediaAttachment"))
    make_api("3.0.0").media_post(str(image), synchronous=True)
    assert [s.path for s in mock_http.sent] == ["/api/v1/media"]


def test_media(api, mock_http):
    mock_http.add("GET", f"/api/v1/media/{MEDIA_ID}", documented("MediaAttachment"))
    media = api.media(documented("MediaAttachment"))
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.query) == ("GET", f"/api/v1/media/{MEDIA_ID}", [])
    assert media.blurhash.startswith("UFBWY")


def test_media_update(api, mock_http):
    mock_http.add("PUT", f"/api/v1/media/{MEDIA_ID}", documented("MediaAttachment"))
    api.media_update(MEDIA_ID, description="new description", focus=(-0.27, 0.51))
    sent = mock_http.last
    assert (sent.method, sent.path) == ("PUT", f"/api/v1/media/{MEDIA_ID}")
    assert not sent.multipart
    assert sent.form == [("description", "new description"), ("focus", "-0.27,0.51")]


def test_media_update_with_thumbnail_is_multipart(api, mock_http, tmp_path):
    thumb = tmp_path / "t.png"
    thumb.write_bytes(b"\x89PNG")
    mock_http.add("PUT", f"/api/v1/media/{MEDIA_ID}", documented("MediaAttachment"))
    api.media_update({"id": MEDIA_ID}, description="d", thumbnail=str(thumb))
    parts = multipart(mock_http.last)
    assert parts["description"][2] == b"d"
    assert parts["thumbnail"][1:] == ("image/png", b"\x89PNG")
    assert "id" not in parts


def test_media_endpoint_gates(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.1.3").media(1)
    with pytest.raises(MastodonVersionError):
        make_api("2.2.0").media_update(1, description="x")
    assert mock_http.sent == []


def test_uploaded_media_dicts_attach_to_a_status(api, uploads, image):
    mock_http = uploads
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    first = api.media_post(str(image))
    second = api.media_post(str(image))
    api.status_post("two pictures", media_ids=[first, second])
    assert mock_http.last.form == [("status", "two pictures"), ("media_ids[]", str(MEDIA_ID)), ("media_ids[]", str(MEDIA_ID))]


def test_generate_media_edit_attributes(api, mock_http):
    media = documented("MediaAttachment")
    assert api.generate_media_edit_attributes(media) == {"id": media["id"]}
    assert api.generate_media_edit_attributes(5, description="a dog", focus=(-1, 1)) == {"id": 5, "description": "a dog", "focus": "-1,1"}
    for bad in ({"id": 5, "focus": (2, 0)}, {"id": {"url": "no id"}}, {"id": 5, "thumbnail": b"png", "thumb_mimetype": "image/png"}):
        with pytest.raises(MastodonIllegalArgumentError):
            api.generate_media_edit_attributes(**bad)
    assert mock_http.sent == []
