"""App registration, login, OAuth URLs, account creation and credential files on the mock server."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from support.mock_http import MockHTTP, make_session

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError
from mastodon.plugin import BackendInfo, CallInfo, Endpoint, Route, hookimpl, register_plugin

SECRET = "client-secret-0123456789"
TOKEN = "user-access-token-abcdef"
OOB = "urn:ietf:wg:oauth:2.0:oob"
BASE = "https://social.example"


def token_response(scope: str = "read write follow push", token: str = TOKEN) -> dict[str, Any]:
    return {"access_token": token, "token_type": "Bearer", "scope": scope, "created_at": 1573979017}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def app_server(mock_http: MockHTTP) -> MockHTTP:
    mock_http.add("POST", "/api/v1/apps", {
        "id": "563419", "name": "My App", "website": None, "redirect_uri": OOB,
        "client_id": "client-id-xyz", "client_secret": SECRET, "vapid_key": "BCk-Qq",
    })
    return mock_http


@pytest.fixture
def client(make_api: Any) -> Any:
    """A client with app credentials but no user token."""
    return make_api(client_id="client-id-xyz", client_secret=SECRET, access_token=None, api_base_url=BASE)


# -- create_app ------------------------------------------------------------------------------


def test_create_app_form_and_result(app_server: MockHTTP) -> None:
    result = Mastodon.create_app("My App", api_base_url=BASE, session=make_session(app_server))
    assert result == ("client-id-xyz", SECRET)
    sent = app_server.last
    assert (sent.method, sent.host, sent.path) == ("POST", "social.example", "/api/v1/apps")
    assert dict(sent.form) == {"client_name": "My App", "scopes": "read write follow push", "redirect_uris": OOB}
    assert "Authorization" not in sent.headers


def test_create_app_redirect_list_scopes_and_website(app_server: MockHTTP) -> None:
    Mastodon.create_app(
        "My App", scopes=["read:accounts", "write:statuses"], redirect_uris=["https://a.example/cb", "https://b.example/cb"],
        website="https://app.example", api_base_url=BASE, session=make_session(app_server),
    )
    assert dict(app_server.last.form) == {
        "client_name": "My App",
        "scopes": "read:accounts write:statuses",
        "redirect_uris": "https://a.example/cb\nhttps://b.example/cb",
        "website": "https://app.example",
    }


def test_create_app_single_redirect_string(app_server: MockHTTP) -> None:
    Mastodon.create_app("My App", redirect_uris="https://a.example/cb", api_base_url=BASE, session=make_session(app_server))
    assert dict(app_server.last.form)["redirect_uris"] == "https://a.example/cb"


def test_create_app_prefixes_https(app_server: MockHTTP, tmp_path: Path) -> None:
    path = tmp_path / "clientcred.secret"
    Mastodon.create_app("My App", api_base_url="social.example/", to_file=str(path), session=make_session(app_server))
    assert app_server.last.url == "https://social.example/api/v1/apps"
    assert path.read_text().splitlines()[2] == BASE


def test_create_app_to_file(app_server: MockHTTP, tmp_path: Path) -> None:
    path = tmp_path / "clientcred.secret"
    Mastodon.create_app("My App", api_base_url=BASE, to_file=str(path), session=make_session(app_server))
    assert path.read_text() == f"client-id-xyz\n{SECRET}\n{BASE}\nMy App\n"
    assert mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["clientcred.secret"]


@pytest.mark.parametrize("scopes", [[], ["read", "delete_everything"], ["read write"], "", [None], 5])
def test_create_app_invalid_scopes_send_nothing(app_server: MockHTTP, scopes: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        Mastodon.create_app("My App", scopes=scopes, api_base_url=BASE, session=make_session(app_server))
    assert app_server.sent == []


def test_create_app_server_error(mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/api/v1/apps", {"error": "Validation failed: Redirect URI must be an absolute URI."}, status=422)
    with pytest.raises(MastodonAPIError, match="Mastodon API returned error"):
        Mastodon.create_app("My App", api_base_url=BASE, session=make_session(mock_http))


class _AppRegistrationHooks:
    """Per-call hooks of a plugin that is no backend: they run for every call, create_app's too."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, Any]] = []

    @hookimpl
    def mastodon_prepare_params(self, endpoint: Endpoint, params: dict[str, Any], call: CallInfo) -> None:
        self.seen.append(("prepare", (endpoint.name, dict(call.arguments))))
        params["website"] = "https://added-by-plugin.example"

    @hookimpl
    def mastodon_route(self, endpoint: Endpoint) -> Route | None:
        return Route("POST", "/api/v1/apps/registered") if endpoint.name == "create_app" else None

    @hookimpl
    def mastodon_request_headers(self, headers: dict[str, str], call: CallInfo) -> None:
        headers["X-Called"] = call.endpoint.name

    @hookimpl
    def mastodon_normalize_response(self, endpoint: Endpoint, result: Any, call: CallInfo) -> Any:
        self.seen.append(("normalize", (endpoint.name, call.route)))
        return {**result, "client_id": "normalised-id"}


class _OtherBackend:
    """A backend nobody selected: create_app must not run its hooks."""

    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("otherapps", extends="mainline")

    @hookimpl
    def mastodon_prepare_params(self, params: dict[str, Any]) -> None:
        params["client_name"] = "changed by a backend not in use"


def test_create_app_runs_the_per_call_hooks(plugin_registry: Any, mock_http: MockHTTP) -> None:
    hooks = _AppRegistrationHooks()
    register_plugin(hooks, name="app-registration-hooks")
    register_plugin(_OtherBackend(), name="otherapps")
    mock_http.add("POST", "/api/v1/apps/registered", {"client_id": "client-id-xyz", "client_secret": SECRET})
    result = Mastodon.create_app("My App", scopes=["read"], api_base_url=BASE, session=make_session(mock_http))
    assert result == ("normalised-id", SECRET)
    sent = mock_http.last
    assert sent.path == "/api/v1/apps/registered"
    assert sent.headers["X-Called"] == "create_app"
    assert dict(sent.form) == {
        "client_name": "My App", "scopes": "read", "redirect_uris": OOB, "website": "https://added-by-plugin.example",
    }
    arguments = {"client_name": "My App", "scopes": "read", "redirect_uris": OOB, "website": None}
    assert hooks.seen == [
        ("prepare", ("create_app", arguments)),
        ("normalize", ("create_app", Route("POST", "/api/v1/apps/registered"))),
    ]


def test_create_app_checks_arguments_before_any_hook(plugin_registry: Any, mock_http: MockHTTP) -> None:
    hooks = _AppRegistrationHooks()
    register_plugin(hooks, name="app-registration-hooks")
    with pytest.raises(MastodonIllegalArgumentError):
        Mastodon.create_app("My App", scopes=["nonsense"], api_base_url=BASE, session=make_session(mock_http))
    assert hooks.seen == []
    assert mock_http.sent == []


# -- constructor and client credential files -------------------------------------------------


@pytest.fixture
def client_file(app_server: MockHTTP, tmp_path: Path) -> str:
    path = str(tmp_path / "clientcred.secret")
    Mastodon.create_app("My App", api_base_url=BASE, to_file=path, session=make_session(app_server))
    app_server.sent.clear()
    return path


def test_constructor_reads_client_file(make_api: Any, client_file: str, mock_http: MockHTTP) -> None:
    api = make_api(client_id=client_file, access_token=None, api_base_url=None)
    assert (api.client_id, api.client_secret, api.api_base_url) == ("client-id-xyz", SECRET, BASE)
    assert api.user_agent == "My App"
    mock_http.add("POST", "/oauth/token", token_response())
    api.log_in("user@example.com", "hunter2")
    assert mock_http.last.headers["User-Agent"] == "My App"
    assert mock_http.last.host == "social.example"


def test_explicit_user_agent_wins_over_app_name(make_api: Any, client_file: str) -> None:
    api = make_api(client_id=client_file, access_token=None, api_base_url=None, user_agent="custom/1.0")
    assert api.user_agent == "custom/1.0"


def test_client_file_without_name_keeps_default_user_agent(make_api: Any, tmp_path: Path) -> None:
    path = tmp_path / "old.secret"
    path.write_text(f"cid\n{SECRET}\n")
    api = make_api(client_id=str(path), access_token=None, api_base_url="social.example")
    assert api.user_agent == "mastodonpy"
    assert api.api_base_url == BASE


def test_client_file_base_url_mismatch(make_api: Any, client_file: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="Mismatch"):
        make_api(client_id=client_file, access_token=None, api_base_url="https://other.example")
    assert make_api(client_id=client_file, access_token=None, api_base_url="social.example/").api_base_url == BASE


def test_client_id_without_secret(make_api: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        make_api(client_id="not-a-file-client-id", access_token=None)


def test_constructor_prefixes_https(make_api: Any) -> None:
    assert make_api(api_base_url="social.example").api_base_url == BASE
    assert make_api(api_base_url="http://localhost:3000/").api_base_url == "http://localhost:3000"


# -- log_in ----------------------------------------------------------------------------------


def test_log_in_password(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", token_response())
    assert client.log_in("user@example.com", "hunter2") == TOKEN
    sent = mock_http.last
    assert (sent.method, sent.path) == ("POST", "/oauth/token")
    assert dict(sent.form) == {
        "grant_type": "password", "client_id": "client-id-xyz", "client_secret": SECRET,
        "scope": "read write follow push", "username": "user@example.com", "password": "hunter2", "redirect_uri": OOB,
    }
    assert len(sent.form) == 7
    assert client.access_token == TOKEN
    mock_http.add("GET", "/api/v1/accounts/verify_credentials", {"id": "1", "acct": "user"})
    client.account_verify_credentials()
    assert mock_http.last.headers["Authorization"] == f"Bearer {TOKEN}"


def test_log_in_code(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", token_response("read"))
    client.log_in(code="auth-code-1", redirect_uri="https://app.example/cb", scopes=["read"])
    assert dict(mock_http.last.form) == {
        "grant_type": "authorization_code", "client_id": "client-id-xyz", "client_secret": SECRET,
        "scope": "read", "code": "auth-code-1", "redirect_uri": "https://app.example/cb",
    }


def test_log_in_refresh_token(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", {**token_response(), "refresh_token": "refresh-2"})
    client.log_in(refresh_token="refresh-1")
    assert dict(mock_http.last.form) == {
        "grant_type": "refresh_token", "client_id": "client-id-xyz", "client_secret": SECRET,
        "scope": "read write follow push", "refresh_token": "refresh-1", "redirect_uri": OOB,
    }
    assert client.refresh_token == "refresh-2"


def test_log_in_fewer_scopes_granted(client: Any, mock_http: MockHTTP, tmp_path: Path) -> None:
    mock_http.add("POST", "/oauth/token", token_response("read"))
    path = tmp_path / "usercred.secret"
    with pytest.raises(MastodonAPIError, match="scopes"):
        client.log_in("user@example.com", "hunter2", scopes=["read", "write"], to_file=str(path))
    assert not path.exists()


def test_log_in_broad_scope_covers_granular_request(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", token_response("read write follow"))
    assert client.log_in("user@example.com", "hunter2", scopes=["read:accounts", "write:media", "read:mutes"]) == TOKEN


def test_log_in_to_file_and_read_back(client: Any, mock_http: MockHTTP, make_api: Any, tmp_path: Path) -> None:
    mock_http.add("POST", "/oauth/token", token_response())
    path = tmp_path / "usercred.secret"
    client.log_in("user@example.com", "hunter2", to_file=str(path))
    assert path.read_text() == f"{TOKEN}\n{BASE}\n"
    assert mode(path) == 0o600

    api = make_api(access_token=str(path), api_base_url=None)
    assert (api.access_token, api.api_base_url) == (TOKEN, BASE)
    assert make_api(access_token=str(path), api_base_url="social.example").api_base_url == BASE
    with pytest.raises(MastodonIllegalArgumentError, match="Mismatch"):
        make_api(access_token=str(path), api_base_url="https://other.example")


def test_token_file_and_client_file_must_agree(make_api: Any, client_file: str, tmp_path: Path) -> None:
    token_file = tmp_path / "usercred.secret"
    token_file.write_text(f"{TOKEN}\nhttps://other.example\n")
    with pytest.raises(MastodonIllegalArgumentError, match="Mismatch"):
        make_api(client_id=client_file, access_token=str(token_file), api_base_url=None)


@pytest.mark.parametrize("status", [400, 401])
def test_log_in_bad_credentials(client: Any, mock_http: MockHTTP, status: int) -> None:
    mock_http.add("POST", "/oauth/token", {"error": "invalid_grant", "error_description": "The provided grant is invalid"}, status=status)
    with pytest.raises(MastodonIllegalArgumentError, match="invalid_grant"):
        client.log_in("user@example.com", "wrong")
    assert client.access_token is None


def test_log_in_needs_credentials_and_client(client: Any, make_api: Any, mock_http: MockHTTP) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        client.log_in(username="user@example.com")
    with pytest.raises(MastodonIllegalArgumentError):
        client.log_in("user@example.com", "hunter2", scopes=["bogus"])
    with pytest.raises(MastodonIllegalArgumentError):
        make_api(access_token=None).log_in("user@example.com", "hunter2")
    assert mock_http.sent == []


# -- auth_request_url ------------------------------------------------------------------------


def _query(url: str) -> tuple[str, dict[str, list[str]]]:
    split = urlsplit(url)
    return f"{split.scheme}://{split.netloc}{split.path}", parse_qs(split.query)


def test_auth_request_url_defaults(client: Any) -> None:
    where, query = _query(client.auth_request_url())
    assert where == f"{BASE}/oauth/authorize"
    assert query == {
        "client_id": ["client-id-xyz"], "response_type": ["code"], "redirect_uri": [OOB],
        "scope": ["read write follow push"], "force_login": ["False"],
    }


def test_auth_request_url_options(client: Any) -> None:
    _, query = _query(client.auth_request_url(
        redirect_uris="https://app.example/cb", scopes=["read", "push"], force_login=True, state="n0nce&x=1",
    ))
    assert query["redirect_uri"] == ["https://app.example/cb"]
    assert query["scope"] == ["read push"]
    assert query["force_login"] == ["True"]
    assert query["state"] == ["n0nce&x=1"]


def test_auth_request_url_client_id_from_file(make_api: Any, client_file: str) -> None:
    api = make_api(access_token=None)
    _, query = _query(api.auth_request_url(client_id=client_file))
    assert query["client_id"] == ["client-id-xyz"]
    _, query = _query(api.auth_request_url(client_id="explicit-id"))
    assert query["client_id"] == ["explicit-id"]
    with pytest.raises(MastodonIllegalArgumentError):
        api.auth_request_url()


def test_auth_request_url_does_not_leak_secret(client: Any) -> None:
    assert SECRET not in client.auth_request_url(state="s")


# -- create_account --------------------------------------------------------------------------


def test_create_account(client: Any, mock_http: MockHTTP, tmp_path: Path) -> None:
    mock_http.add("POST", "/oauth/token", token_response(token="app-token"))
    mock_http.add("POST", "/api/v1/accounts", token_response(token="new-user-token"))
    path = tmp_path / "new.secret"
    token = client.create_account(
        "newbie", "correct horse", "newbie@example.com", agreement=True, reason="I like it", to_file=str(path),
    )
    assert token == "new-user-token" == client.access_token
    grant, signup = mock_http.sent
    assert (grant.method, grant.path) == ("POST", "/oauth/token")
    assert dict(grant.form) == {
        "grant_type": "client_credentials", "client_id": "client-id-xyz", "client_secret": SECRET,
        "scope": "read write follow push",
    }
    assert "Authorization" not in grant.headers
    assert (signup.method, signup.path) == ("POST", "/api/v1/accounts")
    assert signup.headers["Authorization"] == "Bearer app-token"
    form = dict(signup.form)
    assert {k: form[k] for k in ("username", "password", "email", "agreement", "reason", "locale")} == {
        "username": "newbie", "password": "correct horse", "email": "newbie@example.com",
        "agreement": "1", "reason": "I like it", "locale": "en",
    }
    assert path.read_text() == f"new-user-token\n{BASE}\n"
    mock_http.add("GET", "/api/v1/accounts/verify_credentials", {"id": "2"})
    client.account_verify_credentials()
    assert mock_http.last.headers["Authorization"] == "Bearer new-user-token"


def test_create_account_without_agreement_omits_it(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", token_response(token="app-token"))
    mock_http.add("POST", "/api/v1/accounts", token_response(token="new-user-token"))
    client.create_account("newbie", "pw", "newbie@example.com", locale="de")
    form = dict(mock_http.last.form)
    assert "agreement" not in form and "reason" not in form
    assert form["locale"] == "de"


def test_create_account_rejected(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", token_response(token="app-token"))
    mock_http.add("POST", "/api/v1/accounts", {"error": "Validation failed: Email has already been taken"}, status=422)
    with pytest.raises(MastodonIllegalArgumentError, match="already been taken"):
        client.create_account("newbie", "pw", "taken@example.com", agreement=True)
    assert client.access_token is None


def test_create_account_grant_refused(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", {"error": "invalid_client"}, status=401)
    with pytest.raises(MastodonIllegalArgumentError, match="oauth"):
        client.create_account("newbie", "pw", "newbie@example.com", agreement=True)
    assert len(mock_http.sent) == 1


# -- secrets stay out of reprs ---------------------------------------------------------------


def test_client_repr_hides_secrets(client: Any, mock_http: MockHTTP) -> None:
    mock_http.add("POST", "/oauth/token", token_response())
    client.log_in("user@example.com", "hunter2")
    for text in (repr(client), str(client)):
        assert TOKEN not in text and SECRET not in text
        assert "social.example" in text


def test_repr_of_file_built_client(make_api: Any, client_file: str, tmp_path: Path) -> None:
    token_file = tmp_path / "usercred.secret"
    token_file.write_text(f"{TOKEN}\n{BASE}\n")
    api = make_api(client_id=client_file, access_token=str(token_file), api_base_url=None)
    assert api.access_token == TOKEN
    assert TOKEN not in repr(api) and SECRET not in repr(api)


# -- the parameters and helpers of Mastodon.py 2.x --------------------------------------------------


def test_auth_request_url_lang_and_plain_http(make_api):
    api = make_api(client_id="cid", client_secret="secret")
    url = api.auth_request_url(lang="de", skip_server_info=True)
    assert "lang=de" in url and url.startswith("https://mastodon.example/oauth/authorize?")
    with pytest.warns(UserWarning, match="unencrypted"):
        insecure = make_api(api_base_url="http://mastodon.example", client_id="cid", client_secret="secret")
    with pytest.raises(MastodonIllegalArgumentError, match="allow_http"):
        insecure.auth_request_url()
    assert insecure.auth_request_url(allow_http=True).startswith("http://mastodon.example/oauth/authorize?")


def test_log_in_and_revoke_refuse_plain_http_unless_allowed(make_api, mock_http):
    with pytest.warns(UserWarning, match="unencrypted"):
        api = make_api(api_base_url="http://mastodon.example", client_id="cid", client_secret="secret")
    with pytest.raises(MastodonIllegalArgumentError, match="allow_http"):
        api.log_in("me@example.com", "pw")
    with pytest.raises(MastodonIllegalArgumentError, match="allow_http"):
        api.revoke_access_token()
    assert mock_http.sent == []
    mock_http.add("POST", "/oauth/token", {"access_token": "tok", "scope": "read write follow push"})
    assert api.log_in("me@example.com", "pw", allow_http=True) == "tok"
    mock_http.add("POST", "/oauth/revoke", {})
    api.revoke_access_token(allow_http=True)
    assert api.access_token is None


def test_loopback_http_needs_no_permission(make_api, mock_http):
    api = make_api(api_base_url="http://127.0.0.1:3000", client_id="cid", client_secret="secret")
    mock_http.add("POST", "/oauth/token", {"access_token": "tok", "scope": "read write follow push"})
    assert api.log_in("me@example.com", "pw") == "tok"


def test_create_account_detailed_error_and_date_of_birth(make_api, mock_http):
    from datetime import date

    api = make_api(version="4.4.0", client_id="cid", client_secret="secret")
    mock_http.add("POST", "/oauth/token", {"access_token": "app", "scope": "read write follow push"})
    refusal = {"error": "Validation failed", "details": {"username": [{"error": "ERR_TAKEN", "description": "is taken"}]}}
    mock_http.add("POST", "/api/v1/accounts", refusal, status=422)
    token, error = api.create_account("carol", "pw", "c@example.com", agreement=True, return_detailed_error=True,
                                      date_of_birth=date(2000, 2, 29))
    assert token is None and error.details.username[0].error == "ERR_TAKEN"
    assert ("date_of_birth", "2000-02-29") in mock_http.last.form
    mock_http.add("POST", "/api/v1/accounts", {"access_token": "user", "scope": "read write follow push"})
    assert api.create_account("carol", "pw", "c@example.com", agreement=True, return_detailed_error=True) == ("user", None)


def test_date_of_birth_is_gated_before_anything_is_sent(make_api, mock_http):
    from datetime import date

    from mastodon import MastodonVersionError

    api = make_api(version="4.3.0", client_id="cid", client_secret="secret")
    with pytest.raises(MastodonVersionError, match="date_of_birth"):
        api.create_account("carol", "pw", "c@example.com", agreement=True, date_of_birth=date(2000, 1, 1))
    assert mock_http.sent == []


def test_persistable_login_credentials_rebuild_the_client(make_api):
    from mastodon import Mastodon

    api = make_api(client_id="cid", client_secret="secret")
    creds = api.persistable_login_credentials()
    assert creds == {"access_token": "test-token", "api_base_url": "https://mastodon.example", "client_id": "cid", "client_secret": "secret"}
    again = Mastodon(**creds, mastodon_version="4.2.0")
    assert (again.access_token, again.api_base_url, again.client_id) == ("test-token", "https://mastodon.example", "cid")


def test_set_language_sends_accept_language(api, mock_http):
    mock_http.add("GET", "/api/v1/bookmarks", [])
    api.bookmarks()
    assert "Accept-Language" not in mock_http.last.headers
    api.set_language("de")
    api.bookmarks()
    assert mock_http.last.headers["Accept-Language"] == "de"
    with pytest.raises(MastodonIllegalArgumentError):
        api.set_language("de\r\nX-Evil: 1")


def test_get_approx_server_time_reads_the_date_header(api, mock_http):
    from datetime import datetime, timezone

    mock_http.add("GET", "/api/v1/instance", {}, headers={"Date": "Wed, 21 Oct 2015 07:28:00 GMT"})
    assert api.get_approx_server_time() == datetime(2015, 10, 21, 7, 28, tzinfo=timezone.utc)


def test_clear_caches_forgets_the_learned_version(make_api, mock_http):
    mock_http.add("GET", "/api/v1/instance", {"version": "4.1.0"})
    api = make_api(version=None)
    assert api.mastodon_version == "4.1.0"
    mock_http.add("GET", "/api/v1/instance", {"version": "4.2.0"})
    api.clear_caches()
    assert api.mastodon_version == "4.2.0"
    assert [s.path for s in mock_http.sent] == ["/api/v1/instance", "/api/v1/instance"]


def test_create_app_user_agent(mock_http):
    from support.mock_http import make_session

    from mastodon import Mastodon

    mock_http.add("POST", "/api/v1/apps", {"client_id": "a", "client_secret": "b"})
    Mastodon.create_app("app", api_base_url="https://mastodon.example", session=make_session(mock_http), user_agent="mybot/1.0")
    assert mock_http.last.headers["User-Agent"] == "mybot/1.0"
