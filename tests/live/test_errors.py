"""How server errors surface: exception classes and the server's own messages."""

from __future__ import annotations

import pytest

from mastodon import (
    MastodonAPIError,
    MastodonForbiddenError,
    MastodonNotFoundError,
    MastodonUnauthorizedError,
)

pytestmark = pytest.mark.servers("gotosocial", "hollo")


def test_not_found(live_api):
    with pytest.raises(MastodonNotFoundError) as caught:
        live_api.status("01ZZZZZZZZZZZZZZZZZZZZZZZZ")
    assert caught.value.status_code == 404
    assert caught.value.error_message


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_unknown_account(live_api):
    with pytest.raises(MastodonNotFoundError):
        live_api.account_lookup("nobody-by-this-name")


def test_bad_token(live):
    api = live.api(None, access_token="not-a-valid-token")
    with pytest.raises(MastodonUnauthorizedError) as caught:
        api.account_verify_credentials()
    assert caught.value.status_code == 401
    assert caught.value.error_message


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_admin_call_without_admin_rights(live_api_bob):
    with pytest.raises(MastodonForbiddenError) as caught:
        live_api_bob.admin_accounts()
    assert caught.value.status_code == 403


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_empty_status_is_rejected(live_api):
    with pytest.raises(MastodonAPIError) as caught:
        live_api.status_post("")
    assert 400 <= caught.value.status_code < 500
    assert caught.value.error_message


def test_vote_twice(live_api, live_api_bob):
    status = live_api.status_post("Vote once", poll=live_api.make_poll(["a", "b"], expires_in=600), visibility="public")
    try:
        live_api_bob.poll_vote(status.poll, 0)
        with pytest.raises(MastodonAPIError) as caught:
            live_api_bob.poll_vote(status.poll, 1)
        assert 400 <= caught.value.status_code < 500
    finally:
        live_api.status_delete(status)
