"""Secrets in request bodies never follow a redirect to another origin; streams never drop TLS.

The API runs on ``127.0.0.1``; "another origin" is a second loopback server on
``127.0.0.2`` or on another port of ``127.0.0.1``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support.fault_server import FaultServer, Reply

from mastodon import Mastodon, MastodonAPIError, MastodonError, MastodonIllegalArgumentError

TOKEN = "tok-Secret-0123456789abcdef"
CLIENT_SECRET = "cs-Secret-abcdefabcdef"
PASSWORD = "pw-Secret-hunter2hunter2"
GRANT = {"access_token": "tok-New-00000000000", "token_type": "Bearer", "scope": "read write follow push"}


@pytest.fixture
def client(fault_server: FaultServer) -> Mastodon:
    return Mastodon(
        client_id="cid-public", client_secret=CLIENT_SECRET, access_token=TOKEN,
        api_base_url=fault_server.url, mastodon_version="4.2.0", request_timeout=5,
    )


@pytest.fixture(params=["other-host", "other-port"])
def elsewhere(request: pytest.FixtureRequest, start_fault_server: Callable[..., FaultServer]) -> FaultServer:
    other = start_fault_server(host="127.0.0.2" if request.param == "other-host" else "127.0.0.1")
    for path in ("/oauth/token", "/oauth/revoke", "/api/v1/accounts"):
        other.on("POST", path, Reply(200, GRANT))
    return other


def nothing_secret_reached(other: FaultServer) -> bool:
    seen = b"".join(r.body + repr(r.headers).encode() for r in other.received)
    return all(secret.encode() not in seen for secret in (TOKEN, CLIENT_SECRET, PASSWORD))


@pytest.mark.parametrize("status", [307, 308, 301, 302, 303])
def test_log_in_never_follows_a_redirect_to_another_origin(
    fault_server: FaultServer, client: Mastodon, elsewhere: FaultServer, status: int
) -> None:
    fault_server.on("POST", "/oauth/token", Reply(status, b"", {"Location": f"{elsewhere.url}/oauth/token"}))
    with pytest.raises(MastodonIllegalArgumentError, match="another origin"):
        client.log_in("alice@example.com", PASSWORD)
    assert elsewhere.received == []
    assert client.access_token == TOKEN


@pytest.mark.parametrize("status", [307, 308])
def test_revoke_access_token_never_follows_a_redirect_to_another_origin(
    fault_server: FaultServer, client: Mastodon, elsewhere: FaultServer, status: int
) -> None:
    fault_server.on("POST", "/oauth/revoke", Reply(status, b"", {"Location": f"{elsewhere.url}/oauth/revoke"}))
    with pytest.raises(MastodonAPIError, match="another origin") as caught:
        client.revoke_access_token()
    assert caught.value.status_code == status
    assert nothing_secret_reached(elsewhere) and elsewhere.received == []


def test_create_account_never_follows_a_redirect_to_another_origin(
    fault_server: FaultServer, client: Mastodon, elsewhere: FaultServer
) -> None:
    fault_server.on("POST", "/oauth/token", Reply(200, GRANT))
    fault_server.on("POST", "/api/v1/accounts", Reply(308, b"", {"Location": f"{elsewhere.url}/api/v1/accounts"}))
    with pytest.raises(MastodonError, match="another origin"):
        client.create_account("alice", PASSWORD, "alice@example.com", agreement=True)
    assert elsewhere.received == []


def test_refresh_and_code_grants_never_follow_a_redirect_to_another_origin(
    fault_server: FaultServer, client: Mastodon, elsewhere: FaultServer
) -> None:
    fault_server.on("POST", "/oauth/token", Reply(307, b"", {"Location": f"{elsewhere.url}/oauth/token"}))
    with pytest.raises(MastodonIllegalArgumentError, match="another origin"):
        client.log_in(refresh_token="refresh-Secret-5555")
    with pytest.raises(MastodonIllegalArgumentError, match="another origin"):
        client.log_in(code="code-Secret-77777")
    assert elsewhere.received == []


def test_redirect_to_plain_http_on_the_same_host_is_another_origin(fault_server: FaultServer, client: Mastodon) -> None:
    fault_server.on("POST", "/oauth/token", Reply(307, b"", {"Location": f"https://127.0.0.1:{fault_server.port}/oauth/token"}))
    with pytest.raises(MastodonIllegalArgumentError, match="another origin"):
        client.log_in("alice@example.com", PASSWORD)


def test_log_in_follows_a_redirect_within_the_origin(fault_server: FaultServer, client: Mastodon) -> None:
    fault_server.on("POST", "/oauth/token", Reply(307, b"", {"Location": "/oauth/token2"}))
    fault_server.on("POST", "/oauth/token2", Reply(200, GRANT))
    assert client.log_in("alice@example.com", PASSWORD) == GRANT["access_token"]
    (moved,) = fault_server.requests_to("/oauth/token2")
    assert PASSWORD.encode() in moved.body


def test_bodies_without_secrets_still_follow_redirects(fault_server: FaultServer, client: Mastodon, elsewhere: FaultServer) -> None:
    elsewhere.on("POST", "/api/v1/statuses", Reply(200, {"id": "2", "content": "moved"}))
    fault_server.on("POST", "/api/v1/statuses", Reply(307, b"", {"Location": f"{elsewhere.url}/api/v1/statuses"}))
    assert client.status_post("hello").id == 2
    assert elsewhere.received[0].header("Authorization") is None
