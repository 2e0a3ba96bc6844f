"""Resending the sign-up confirmation e-mail."""

from __future__ import annotations

import pytest

from mastodon import MastodonAPIError, MastodonVersionError


def test_email_resend_confirmation(make_api, mock_http):
    mock_http.add("POST", "/api/v1/emails/confirmations", {})
    assert make_api("3.4.0").email_resend_confirmation() is None
    sent = mock_http.last
    assert (sent.method, sent.path, sent.form) == ("POST", "/api/v1/emails/confirmations", [])
    assert sent.headers["Authorization"] == "Bearer test-token"


def test_email_resend_confirmation_refused(api, mock_http):
    refusal = {"error": "This method is only available while the e-mail is awaiting confirmation"}
    mock_http.add("POST", "/api/v1/emails/confirmations", refusal, status=403)
    with pytest.raises(MastodonAPIError, match="awaiting confirmation"):
        api.email_resend_confirmation()


def test_email_resend_confirmation_needs_3_4_0(make_api, mock_http):
    with pytest.raises(MastodonVersionError):
        make_api("3.3.0").email_resend_confirmation()
    assert mock_http.sent == []
