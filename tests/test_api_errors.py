"""Error responses become the documented exception classes; request debugging output."""

from __future__ import annotations

import pytest
import requests
from support.mock_http import documented

from mastodon import (
    MastodonAPIError,
    MastodonBadGatewayError,
    MastodonConflictError,
    MastodonError,
    MastodonForbiddenError,
    MastodonGatewayTimeoutError,
    MastodonIllegalArgumentError,
    MastodonInternalServerError,
    MastodonIOError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonServiceUnavailableError,
    MastodonUnauthorizedError,
    MastodonUnprocessableEntityError,
    MastodonVersionError,
)

CASES = [
    (401, MastodonUnauthorizedError, "The access token is invalid"),
    (403, MastodonForbiddenError, "This action is not allowed"),
    (404, MastodonNotFoundError, "Record not found"),
    (409, MastodonConflictError, "Another request is already in progress"),
    (422, MastodonUnprocessableEntityError, "Validation failed: Text can't be blank"),
    (429, MastodonRatelimitError, "Too many requests"),
    (500, MastodonInternalServerError, "We're sorry, but something went wrong"),
    (502, MastodonBadGatewayError, "Bad gateway"),
    (503, MastodonServiceUnavailableError, "Service unavailable"),
    (504, MastodonGatewayTimeoutError, "Gateway timeout"),
]


@pytest.fixture
def throwing(make_api):
    return make_api(ratelimit_method="throw")


@pytest.mark.parametrize(("status", "cls", "message"), CASES, ids=[str(c[0]) for c in CASES])
def test_status_codes_map_to_classes(throwing, mock_http, status, cls, message):
    mock_http.add("GET", "/api/v1/statuses/1", {"error": message}, status=status)
    with pytest.raises(cls) as caught:
        throwing.status(1)
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, MastodonAPIError)
    assert isinstance(error, MastodonError)
    assert message in str(error)
    assert error.status_code == status
    assert error.error_message == message
    assert error.args[1] == status
    assert error.args[3] == message
    assert len(mock_http.sent) == 1


def test_server_errors_share_a_base_class():
    for cls in (MastodonInternalServerError, MastodonBadGatewayError, MastodonServiceUnavailableError, MastodonGatewayTimeoutError):
        assert issubclass(cls, MastodonServerError)
    assert not issubclass(MastodonNotFoundError, MastodonServerError)


@pytest.mark.parametrize(("status", "cls"), [(400, MastodonAPIError), (410, MastodonAPIError), (507, MastodonServerError)])
def test_other_status_codes(throwing, mock_http, status, cls):
    mock_http.add("POST", "/api/v1/statuses", {"error": "nope"}, status=status)
    with pytest.raises(MastodonAPIError) as caught:
        throwing.status_post("x")
    assert type(caught.value) is cls
    assert "nope" in str(caught.value)


def test_error_description_is_included(throwing, mock_http):
    body = {"error": "invalid_grant", "error_description": "The provided authorization grant is invalid"}
    mock_http.add("GET", "/api/v1/accounts/verify_credentials", body, status=400)
    with pytest.raises(MastodonAPIError) as caught:
        throwing.account_verify_credentials()
    assert "invalid_grant" in str(caught.value)
    assert "The provided authorization grant is invalid" in str(caught.value)


def test_validation_error_from_the_server(throwing, mock_http):
    mock_http.add("POST", "/api/v1/statuses", {"error": "Validation failed: Poll options must have at least 2 items"}, status=422)
    with pytest.raises(MastodonUnprocessableEntityError, match="Poll options"):
        throwing.status_post("x", poll={"options": ["only"], "expires_in": 300})


def test_html_error_pages(throwing, mock_http):
    page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
    mock_http.add("GET", "/api/v1/timelines/home", page, status=502)
    with pytest.raises(MastodonBadGatewayError) as caught:
        throwing.timeline_home()
    assert caught.value.status_code == 502
    assert "502 Bad Gateway" in str(caught.value)


def test_html_not_found_page(throwing, mock_http):
    mock_http.add("GET", "/api/v1/accounts/1", "<!DOCTYPE html><html><body>The page you were looking for doesn't exist.</body></html>", status=404)
    with pytest.raises(MastodonNotFoundError, match="doesn't exist"):
        throwing.account(1)


@pytest.mark.parametrize(("status", "cls"), [(500, MastodonInternalServerError), (401, MastodonUnauthorizedError), (503, MastodonServiceUnavailableError)])
def test_empty_error_bodies(throwing, mock_http, status, cls):
    mock_http.add("GET", "/api/v1/lists", b"", status=status)
    with pytest.raises(cls) as caught:
        throwing.lists()
    assert caught.value.status_code == status
    assert caught.value.error_message is None


def test_malformed_json_on_success(throwing, mock_http):
    mock_http.add("GET", "/api/v1/instance", '{"uri": "mastodon.social", "title": ', status=200)
    with pytest.raises(MastodonAPIError) as caught:
        throwing.instance_v1()
    assert type(caught.value) is MastodonAPIError
    assert caught.value.status_code == 200
    assert "json" in str(caught.value).lower()


def test_html_on_success_is_an_api_error(throwing, mock_http):
    mock_http.add("GET", "/api/v1/instance", "<html>Welcome to nginx!</html>", status=200)
    with pytest.raises(MastodonAPIError, match="nginx"):
        throwing.instance_v1()


def test_empty_success_body_is_none(throwing, mock_http):
    mock_http.add("GET", "/api/v1/accounts/1", b"", status=200)
    assert throwing.account(1) is None


@pytest.mark.parametrize("exc", [requests.ConnectionError("connection refused"), requests.Timeout("read timed out")])
def test_network_failures(throwing, mock_http, exc):
    def handler(sent):
        raise exc

    mock_http.handle("GET", "/api/v1/instance", handler)
    with pytest.raises(MastodonNetworkError) as caught:
        throwing.instance_v1()
    assert isinstance(caught.value, MastodonIOError)
    assert isinstance(caught.value, IOError)
    assert str(exc) in str(caught.value)


def test_a_very_short_access_token_does_not_garble_messages(make_api, mock_http):
    # Masking a one-letter token replaced every "x" in the text ("Max retries exceeded").
    api = make_api(access_token="x")
    mock_http.add("GET", "/api/v1/statuses/404", {"error": "Record not found: example"}, status=404)
    with pytest.raises(MastodonNotFoundError) as not_found:
        api.status(404)
    assert not_found.value.args[3] == "Record not found: example"

    def refuse(sent):
        raise requests.ConnectionError("Max retries exceeded")

    mock_http.handle("GET", "/api/v1/instance", refuse)
    with pytest.raises(MastodonNetworkError, match="Max retries exceeded"):
        api.instance_v1()


def test_illegal_arguments_are_value_errors():
    assert issubclass(MastodonIllegalArgumentError, ValueError)
    assert issubclass(MastodonIllegalArgumentError, MastodonError)
    assert issubclass(MastodonVersionError, MastodonError)


def test_error_handling_in_a_caller(throwing, mock_http):
    mock_http.add("GET", "/api/v1/statuses/404", {"error": "Record not found"}, status=404)
    mock_http.add("GET", "/api/v1/statuses/1", documented("Status"))
    found = []
    for status_id in (404, 1):
        try:
            found.append(throwing.status(status_id).id)
        except MastodonNotFoundError as error:
            found.append(error.args[3])
    assert found == ["Record not found", 103270115826048975]


# -- request debugging ---------------------------------------------------------------------


def test_debug_requests_prints_requests_without_secrets(make_api, mock_http, capsys):
    api = make_api(debug_requests=True, client_id="the-client-id", client_secret="the-client-secret")
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    api.status_post("debugging is fun", visibility="unlisted")
    out = capsys.readouterr()
    assert out.out == ""
    err = out.err
    assert "POST" in err
    assert "https://mastodon.example/api/v1/statuses" in err
    assert "debugging is fun" in err
    assert "unlisted" in err
    assert "200" in err
    assert "test-token" not in err
    assert "Authorization" in err


def test_debug_requests_redacts_client_secret_and_tokens(make_api, mock_http, capsys):
    api = make_api(debug_requests=True, client_id="the-client-id", client_secret="the-client-secret")
    mock_http.add("POST", "/oauth/revoke", {})
    api.revoke_access_token()
    err = capsys.readouterr().err
    assert "/oauth/revoke" in err
    assert "the-client-id" in err
    assert "the-client-secret" not in err
    assert "test-token" not in err


def test_debug_requests_redacts_tokens_in_responses(make_api, mock_http, capsys):
    api = make_api(debug_requests=True, client_id="the-client-id", client_secret="the-client-secret")
    mock_http.add("POST", "/oauth/token", documented("Token"))
    token = api.log_in("user@example.org", "hunter2", scopes=["read", "write", "follow", "push"])
    assert token == documented("Token")["access_token"]
    err = capsys.readouterr().err
    assert "/oauth/token" in err
    assert "user@example.org" in err
    assert "hunter2" not in err
    assert "the-client-secret" not in err
    assert token not in err


def test_debug_off_prints_nothing(api, mock_http, capsys):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    api.instance_v1()
    out = capsys.readouterr()
    assert out.err == "" and out.out == ""


def test_debug_requests_can_be_switched_on_later(api, mock_http, capsys):
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    api.debug_requests = True
    api.instance_v1()
    assert "/api/v1/instance" in capsys.readouterr().err
