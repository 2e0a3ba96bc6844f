"""A small program written for the original library runs unchanged against a mock server.

The program below uses only the original library's public API: credential files, media
upload, polls, posting, timelines, pagination helpers and exception classes. It is run
from source text, exactly as written; every request it makes is answered in-process.
"""

from __future__ import annotations

import json
import runpy
import textwrap

import pytest
import requests
from support.mock_http import MockHTTP, documented

PROGRAM = textwrap.dedent(
    '''
    from mastodon import Mastodon, MastodonIllegalArgumentError, MastodonNotFoundError


    def main(workdir):
        mastodon = Mastodon(
            client_id=workdir + "/pytooter_clientcred.secret",
            access_token=workdir + "/pytooter_usercred.secret",
        )
        report = {"version": (mastodon.mastodon_major, mastodon.mastodon_minor, mastodon.mastodon_patch)}

        me = mastodon.account_verify_credentials()
        report["me"] = me.acct

        media = mastodon.media_post(workdir + "/cat.png", description="A very good cat")
        poll = mastodon.make_poll(["Cats", "Dogs"], expires_in=86400)
        try:
            mastodon.status_post("Which one?", media_ids=[media], poll=poll)
            report["both"] = "posted"
        except MastodonIllegalArgumentError:
            report["both"] = "refused"

        with_media = mastodon.status_post("Look at this cat", media_ids=[media], sensitive=True, spoiler_text="cat")
        report["media_post"] = [m.id for m in with_media.media_attachments]
        with_poll = mastodon.status_post("Cats or dogs?", poll=poll, visibility="unlisted")
        report["poll_post"] = [o.title for o in with_poll.poll.options]

        home = mastodon.timeline_home(limit=2)
        report["first_page"] = [toot.id for toot in home]
        report["first_page_dates"] = all(toot.created_at.tzinfo is not None for toot in home)
        second = mastodon.fetch_next(home)
        report["second_page"] = [toot["id"] for toot in second]
        report["all"] = [toot.id for toot in mastodon.fetch_remaining(home)]

        try:
            mastodon.status(1)
        except MastodonNotFoundError as error:
            report["missing"] = str(error.args[3])

        mastodon.status_reply(with_media, "and another thing")
        return report
    '''
)

API_HOST = "mastodon.example"
BASE = f"https://{API_HOST}"
TOKEN = "usertoken-0123456789abcdef"


class FakeServer:
    """Just enough of a Mastodon server for the program."""

    def __init__(self, mock: MockHTTP) -> None:
        self.mock = mock
        self.next_id = 110000000000000000
        mock.add("GET", "/api/v1/instance", dict(documented("Instance"), version="4.1.2"))
        mock.add("GET", "/api/v1/accounts/verify_credentials", documented("CredentialAccount"))
        mock.handle("POST", "/api/v2/media", self.media)
        mock.handle("POST", "/api/v1/statuses", self.post_status)
        mock.handle("GET", "/api/v1/timelines/home", self.home)
        mock.add("GET", "/api/v1/statuses/1", {"error": "Record not found"}, status=404)

    def media(self, sent):
        assert sent.multipart
        return 200, documented("MediaAttachment"), {}

    def post_status(self, sent):
        if sent.json is not None:
            fields = sent.json
            media_ids = fields.get("media_ids", [])
        else:
            fields = dict(sent.form)
            media_ids = [v for k, v in sent.form if k == "media_ids[]"]
        if media_ids and fields.get("poll"):
            return 422, {"error": "Validation failed: Cannot attach files to a status with a poll"}, {}
        self.next_id += 1
        status = documented("Status")
        status.update(id=str(self.next_id), content=f"<p>{fields['status']}</p>", card=None)
        status["visibility"] = fields.get("visibility", "public")
        status["spoiler_text"] = fields.get("spoiler_text", "")
        status["media_attachments"] = [dict(documented("MediaAttachment"), id=str(m)) for m in media_ids]
        if fields.get("poll"):
            poll = documented("Poll")
            poll["options"] = [{"title": title, "votes_count": 0} for title in fields["poll"]["options"]]
            status["poll"] = poll
        return 200, status, {}

    def home(self, sent):
        query = dict(sent.query)
        pages = {None: ([105, 104], "104"), "104": ([103, 102], "102"), "102": ([101], None)}
        ids, last = pages[query.get("max_id")]
        headers = {"Link": f'<{BASE}/api/v1/timelines/home?limit=2&max_id={last}>; rel="next"'} if last else {}
        return 200, [dict(documented("Status"), id=str(i)) for i in ids], headers


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "pytooter_clientcred.secret").write_text(f"client-id-abc\nclient-secret-xyz\n{BASE}\npytooterapp\n")
    (tmp_path / "pytooter_usercred.secret").write_text(f"{TOKEN}\n{BASE}\n")
    (tmp_path / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n a cat")
    (tmp_path / "program.py").write_text(PROGRAM)
    return tmp_path


@pytest.fixture
def server(mock_http, monkeypatch):
    # Every requests.Session the program creates talks to the in-process mock.
    monkeypatch.setattr(requests.Session, "get_adapter", lambda self, url: mock_http)
    return FakeServer(mock_http)


def test_program_written_for_the_original_library_runs_unchanged(workdir, server, mock_http):
    program = runpy.run_path(str(workdir / "program.py"))
    report = program["main"](str(workdir))

    assert report["version"] == (4, 1, 2)
    assert report["me"] == "trwnh"
    assert report["both"] == "refused"
    assert report["media_post"] == [22345792]
    assert report["poll_post"] == ["Cats", "Dogs"]
    assert report["first_page"] == [105, 104]
    assert report["first_page_dates"] is True
    assert report["second_page"] == [103, 102]
    assert report["all"] == [105, 104, 103, 102, 101]
    assert report["missing"] == "Record not found"

    # The refused post never reached the server; the others went out as the original sends them.
    posts = [s for s in mock_http.sent if (s.method, s.path) == ("POST", "/api/v1/statuses")]
    assert len(posts) == 3
    media_post, poll_post, reply = posts
    assert media_post.form == [
        ("status", "Look at this cat"),
        ("media_ids[]", "22345792"),
        ("sensitive", "1"),
        ("spoiler_text", "cat"),
    ]
    assert poll_post.headers["Content-Type"] == "application/json"
    assert json.loads(poll_post.raw_body) == {
        "status": "Cats or dogs?",
        "visibility": "unlisted",
        "poll": {"options": ["Cats", "Dogs"], "expires_in": 86400, "multiple": False, "hide_totals": False},
    }
    reply_form = dict(reply.form)
    assert reply_form["status"] == "@Gargron and another thing"
    assert reply_form["in_reply_to_id"] == "110000000000000001"
    assert reply_form["spoiler_text"] == "cat"

    # Credentials and identity came from the files; everything went to the API host only.
    assert mock_http.sent[0].path == "/api/v1/instance"
    assert {s.host for s in mock_http.sent} == {API_HOST}
    assert all(s.headers["Authorization"] == f"Bearer {TOKEN}" for s in mock_http.sent)
    assert all(s.headers["User-Agent"] == "pytooterapp" for s in mock_http.sent)
    verify_calls = [s for s in mock_http.sent if s.path == "/api/v1/accounts/verify_credentials"]
    assert len(verify_calls) == 2  # once by the program, once by status_reply


def test_the_server_would_have_rejected_media_with_a_poll(server, mock_http):
    """The fake server enforces the rule the client checks first (so the client check matters)."""
    session = requests.Session()
    response = session.post(
        f"{BASE}/api/v1/statuses",
        json={"status": "x", "media_ids": ["1"], "poll": {"options": ["a", "b"], "expires_in": 60}},
    )
    assert response.status_code == 422
