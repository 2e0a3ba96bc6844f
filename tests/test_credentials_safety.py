"""Secrets stay secret: files, reprs, exceptions, debug output, logs, other hosts, plain HTTP.

Everything runs against real loopback servers (``127.0.0.1`` for the API, ``127.0.0.2``
as "another host"), so redirects and pagination links really cross hosts.
"""

from __future__ import annotations

import logging
import os
import stat
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support.fault_server import FaultServer, Received, Reply
from support.mock_http import MockHTTP, make_session

from mastodon import (
    Mastodon,
    MastodonError,
    MastodonIllegalArgumentError,
    MastodonIOError,
    MastodonNetworkError,
    MastodonUnauthorizedError,
)
from mastodon.credentials import read_client_credentials, read_user_credentials

TOKEN = "tok-Secret-0123456789abcdef"
NEW_TOKEN = "tok-Fresh-fedcba9876543210"
REFRESH = "refresh-Secret-5555555555"
CLIENT_SECRET = "cs-Secret-abcdefabcdef"
PASSWORD = "pw-Secret-hunter2hunter2"
SECRETS = (TOKEN, NEW_TOKEN, REFRESH, CLIENT_SECRET, PASSWORD)

APP = {"id": "1", "name": "app", "client_id": "cid-public", "client_secret": CLIENT_SECRET, "redirect_uri": "urn:ietf:wg:oauth:2.0:oob"}
GRANT = {"access_token": NEW_TOKEN, "refresh_token": REFRESH, "token_type": "Bearer", "scope": "read write follow push"}


def leaked(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def full_text(exc: BaseException) -> str:
    """The exception as a user would see it: message, args, and the whole traceback chain."""
    return "".join(traceback.format_exception(exc)) + repr(exc.args)


@pytest.fixture
def server(fault_server: FaultServer) -> FaultServer:
    fault_server.on("POST", "/api/v1/apps", Reply(200, APP))
    fault_server.on("POST", "/oauth/token", Reply(200, GRANT))
    fault_server.on("GET", "/api/v1/accounts/1", Reply(200, {"id": "1", "acct": "alice"}))
    return fault_server


@pytest.fixture
def client(server: FaultServer) -> Mastodon:
    return Mastodon(
        client_id="cid-public", client_secret=CLIENT_SECRET, access_token=TOKEN,
        api_base_url=server.url, mastodon_version="4.2.0", request_timeout=5,
    )


# -- credential files written through the client ----------------------------------------------


def test_create_app_and_log_in_write_private_files(server: FaultServer, tmp_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        client_file, user_file = tmp_path / "client.secret", tmp_path / "user.secret"
        Mastodon.create_app("app", api_base_url=server.url, to_file=str(client_file))
        api = Mastodon(client_id=str(client_file), mastodon_version="4.2.0")
        api.log_in("alice@example.com", PASSWORD, to_file=str(user_file))
    finally:
        os.umask(old_umask)
    assert mode(client_file) == 0o600 and mode(user_file) == 0o600
    assert read_client_credentials(client_file).client_secret == CLIENT_SECRET
    assert read_user_credentials(user_file).access_token == NEW_TOKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.secret", "user.secret"]


def _fail(*args: Any, **kwargs: Any) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("breaking", ["replace", "fsync", "fchmod"])
def test_failed_write_keeps_the_old_file(server: FaultServer, client: Mastodon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breaking: str) -> None:
    user_file = tmp_path / "user.secret"
    user_file.write_text(f"{TOKEN}\n{server.url}\n")
    user_file.chmod(0o600)
    before = user_file.read_bytes()
    monkeypatch.setattr(os, breaking, _fail)
    with pytest.raises(MastodonIOError) as info:
        client.log_in("alice@example.com", PASSWORD, to_file=str(user_file))
    assert isinstance(info.value, OSError)  # still an IOError for code that catches those
    assert "No space left" in str(info.value)
    monkeypatch.undo()
    assert user_file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["user.secret"]  # no half-written temporary left behind


def test_failed_first_write_leaves_no_file(server: FaultServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", _fail)
    with pytest.raises(MastodonIOError):
        Mastodon.create_app("app", api_base_url=server.url, to_file=str(tmp_path / "client.secret"))
    assert list(tmp_path.iterdir()) == []


def test_process_killed_mid_write_keeps_the_old_file(server: FaultServer, tmp_path: Path) -> None:
    """A real crash: a forked process dies between writing the new data and renaming it."""
    target = tmp_path / "client.secret"
    target.write_text("old-id\nold-secret\nhttps://old.example\nold\n")
    target.chmod(0o600)
    before = target.read_bytes()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            os.replace = lambda *a, **k: os._exit(17)  # type: ignore[assignment]
            Mastodon.create_app("app", api_base_url=server.url, to_file=str(target))
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 17  # the child died exactly at the rename
    assert target.read_bytes() == before
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    for path in leftovers:  # whatever a crash leaves is private
        assert mode(path) == 0o600


# -- reprs, exceptions, debug output, logs --------------------------------------------------------


def test_client_repr_and_str_hide_secrets(client: Mastodon) -> None:
    client.refresh_token = REFRESH  # type: ignore[attr-defined]
    for text in (repr(client), str(client), f"{client}", repr(client.session)):
        assert leaked(text) == []
    assert client.api_base_url in repr(client)


def test_error_echoing_the_token_does_not_leak_it(server: FaultServer, client: Mastodon) -> None:
    server.on("GET", "/api/v1/accounts/1", Reply(401, {"error": f"The access token {TOKEN} is invalid"}))
    with pytest.raises(MastodonUnauthorizedError) as info:
        client.account(1)
    assert leaked(full_text(info.value)) == []
    assert "The access token *** is invalid" in str(info.value)


def test_html_error_page_echoing_the_token_does_not_leak_it(server: FaultServer, client: Mastodon) -> None:
    server.on("GET", "/api/v1/accounts/1", Reply(500, f"<html><pre>Authorization: Bearer {TOKEN}</pre></html>"))
    with pytest.raises(MastodonError) as info:
        client.account(1)
    assert leaked(full_text(info.value)) == []


def test_structured_error_echoing_secrets_does_not_leak_them(server: FaultServer, client: Mastodon) -> None:
    server.on("GET", "/api/v1/accounts/1", Reply(422, {"error": {"token": [TOKEN], "detail": {"again": f"x{TOKEN}x"}}}))
    with pytest.raises(MastodonError) as info:
        client.account(1)
    assert leaked(full_text(info.value)) == []


def test_failed_log_in_echoing_password_and_secret_does_not_leak_them(server: FaultServer, client: Mastodon) -> None:
    server.on("POST", "/oauth/token", Reply(400, {"error": "invalid_grant", "error_description": f"no user with {PASSWORD} for {CLIENT_SECRET}"}))
    with pytest.raises(MastodonIllegalArgumentError) as info:
        client.log_in("alice@example.com", PASSWORD)
    assert leaked(full_text(info.value)) == []
    assert "invalid_grant" in str(info.value)


def test_network_error_does_not_leak_the_token(server: FaultServer, client: Mastodon) -> None:
    server.on("GET", "/api/v1/accounts/1", Reply(200, {"id": "1"}, cut_after=3))
    with pytest.raises(MastodonNetworkError) as info:
        client.account(1)
    assert leaked(full_text(info.value)) == []


def _exercise(server: FaultServer, client: Mastodon) -> None:
    """Calls that carry every kind of secret, in both directions, succeeding and failing."""
    Mastodon.create_app("app", api_base_url=server.url)  # answer carries the client secret
    client.account(1)  # request carries the token
    client.log_in("alice@example.com", PASSWORD)  # request: password + secret; answer: new tokens
    client.log_in(refresh_token=REFRESH)
    server.on("GET", "/api/v1/accounts/1", Reply(401, {"error": f"token {NEW_TOKEN} revoked", "access_token": NEW_TOKEN}))
    with pytest.raises(MastodonUnauthorizedError):
        client.account(1)
    server.on("POST", "/oauth/token", Reply(400, {"error": f"bad {PASSWORD} / {CLIENT_SECRET}"}))
    with pytest.raises(MastodonIllegalArgumentError):
        client.log_in("alice@example.com", PASSWORD)
    server.on("POST", "/oauth/token", Reply(400, {"error": f"refresh token {REFRESH} expired"}))
    with pytest.raises(MastodonIllegalArgumentError):
        client.log_in(refresh_token=REFRESH)


def test_debug_requests_output_hides_secrets(server: FaultServer, client: Mastodon, capsys: pytest.CaptureFixture[str]) -> None:
    client.debug_requests = True
    _exercise(server, client)
    client.debug_requests = False
    err = capsys.readouterr().err
    assert "/api/v1/accounts/1" in err and "/oauth/token" in err and "-> 401" in err  # debug output was produced
    assert leaked(err) == []


def test_debug_requests_redacts_list_shaped_parameters(server: FaultServer, client: Mastodon, capsys: pytest.CaptureFixture[str]) -> None:
    client.debug_requests = True
    transport = client._transport
    transport.request("POST", "/oauth/token", transport.headers(auth=False), data=[("password", PASSWORD), ("client_secret", CLIENT_SECRET)])
    err = capsys.readouterr().err
    assert "/oauth/token" in err
    assert leaked(err) == []


def test_logs_hide_secrets(server: FaultServer, client: Mastodon, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        _exercise(server, client)
    assert "/oauth/token" in caplog.text  # the HTTP stack did log the calls
    assert leaked(caplog.text) == []


# -- the token only goes to the API host ------------------------------------------------------------


@pytest.fixture
def other_host(start_fault_server: Callable[..., FaultServer]) -> FaultServer:
    """Another server on another loopback address: what a third party would see."""
    other = start_fault_server(host="127.0.0.2")
    other.on("GET", "/api/v1/accounts/1", Reply(200, {"id": "1", "acct": "alice"}))
    other.on("POST", "/api/v1/statuses", Reply(200, {"id": "2", "content": "moved"}))
    other.on("GET", "/api/v1/timelines/home", Reply(200, [{"id": "3"}]))
    return other


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirect_to_another_host_drops_the_token(server: FaultServer, client: Mastodon, other_host: FaultServer, status: int) -> None:
    server.on("GET", "/api/v1/accounts/1", Reply(status, b"", {"Location": f"{other_host.url}/api/v1/accounts/1"}))
    assert client.account(1)["acct"] == "alice"
    assert server.received[-1].header("Authorization") == f"Bearer {TOKEN}"
    (seen,) = other_host.received
    assert seen.header("Authorization") is None
    assert leaked(repr(seen.headers) + seen.body.decode()) == []


def test_redirected_post_to_another_host_drops_the_token(server: FaultServer, client: Mastodon, other_host: FaultServer) -> None:
    server.on("POST", "/api/v1/statuses", Reply(307, b"", {"Location": f"{other_host.url}/api/v1/statuses"}))
    client.status_post("hello")
    (seen,) = other_host.received
    assert seen.method == "POST" and seen.header("Authorization") is None


def test_redirect_to_another_port_drops_the_token(server: FaultServer, client: Mastodon, start_fault_server: Callable[..., FaultServer]) -> None:
    same_host = start_fault_server()
    same_host.on("GET", "/api/v1/accounts/1", Reply(200, {"id": "1", "acct": "alice"}))
    server.on("GET", "/api/v1/accounts/1", Reply(302, b"", {"Location": f"{same_host.url}/api/v1/accounts/1"}))
    client.account(1)
    assert same_host.received[0].header("Authorization") is None


def test_redirect_within_the_api_host_keeps_the_token(server: FaultServer, client: Mastodon) -> None:
    # The control case: the header is there when it should be, so its absence above means something.
    server.on("GET", "/api/v1/accounts/1", Reply(302, b"", {"Location": f"{server.url}/api/v1/accounts/2"}))
    server.on("GET", "/api/v1/accounts/2", Reply(200, {"id": "2"}))
    client.account(1)
    assert server.requests_to("/api/v1/accounts/2")[0].header("Authorization") == f"Bearer {TOKEN}"


def test_pagination_link_to_another_host_is_not_followed(server: FaultServer, client: Mastodon, other_host: FaultServer) -> None:
    def page(request: Received) -> Reply:
        max_id = int(request.params.get("max_id", "100"))
        link = f'<{other_host.url}/api/v1/timelines/home?max_id={max_id - 1}>; rel="next"'
        return Reply(200, [{"id": str(max_id)}], {"Link": link})

    server.on("GET", "/api/v1/timelines/home", page)
    first = client.timeline_home()
    second = client.fetch_next(first)
    assert second[0]["id"] == 99
    assert other_host.received == []  # only the link's parameters are used, always against the API host
    assert server.received[-1].params == {"max_id": "99"}
    assert server.received[-1].header("Authorization") == f"Bearer {TOKEN}"


def test_nodeinfo_on_another_host_is_fetched_without_credentials(server: FaultServer, other_host: FaultServer) -> None:
    schema = "http://nodeinfo.diaspora.software/ns/schema/2.0"
    server.on("GET", "/.well-known/nodeinfo", Reply(200, {"links": [{"rel": schema, "href": f"{other_host.url}/nodeinfo/2.0"}]}))
    server.on("GET", "/api/v1/instance", Reply(200, {"uri": "x", "version": "4.2.0"}))
    other_host.on("GET", "/nodeinfo/2.0", Reply(200, {"software": {"name": "mastodon", "version": "4.2.0"}}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        Mastodon(api_base_url=server.url, access_token=TOKEN, feature_set="auto").detect_backend()
    (followed,) = other_host.requests_to("/nodeinfo/2.0")
    assert followed.header("Authorization") is None
    assert server.requests_to("/api/v1/instance")[0].header("Authorization") == f"Bearer {TOKEN}"


# -- plain HTTP ------------------------------------------------------------------------------------------


@pytest.fixture
def no_warnings() -> Iterator[list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def _insecure(caught: list[warnings.WarningMessage]) -> list[warnings.WarningMessage]:
    return [w for w in caught if "http://" in str(w.message) and "unencrypted" in str(w.message)]


@pytest.mark.parametrize("url", ["http://social.example", "http://social.example:8080/", "http://10.0.0.5", "http://[2001:db8::1]:3000"])
def test_plain_http_to_a_remote_host_warns(url: str, no_warnings: list[warnings.WarningMessage]) -> None:
    Mastodon(api_base_url=url, access_token=TOKEN, mastodon_version="4.2.0")
    (warning,) = _insecure(no_warnings)
    assert warning.filename == __file__  # points at the caller's line, not at library internals
    assert leaked(str(warning.message)) == []


@pytest.mark.parametrize(
    "url",
    ["https://social.example", "social.example", "http://127.0.0.1:3000", "http://127.8.9.10", "http://localhost",
     "http://LOCALHOST:8080", "http://dev.localhost", "http://[::1]:4000"],
)
def test_tls_or_loopback_does_not_warn(url: str, no_warnings: list[warnings.WarningMessage]) -> None:
    Mastodon(api_base_url=url, access_token=TOKEN, mastodon_version="4.2.0")
    assert _insecure(no_warnings) == []


def test_plain_http_base_url_from_a_credential_file_warns(tmp_path: Path, no_warnings: list[warnings.WarningMessage]) -> None:
    token_file = tmp_path / "user.secret"
    token_file.write_text(f"{TOKEN}\nhttp://social.example\n")
    Mastodon(access_token=str(token_file), mastodon_version="4.2.0")
    (warning,) = _insecure(no_warnings)
    assert warning.filename == __file__


def test_create_app_over_plain_http_warns(no_warnings: list[warnings.WarningMessage], server: FaultServer, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/api/v1/apps", APP)  # the remote host is simulated in-process: no real network
    Mastodon.create_app("app", api_base_url="http://social.example", session=make_session(mock_http))
    (warning,) = _insecure(no_warnings)
    assert warning.filename == __file__
    Mastodon.create_app("app", api_base_url=server.url)  # loopback: fine
    assert len(_insecure(no_warnings)) == 1
