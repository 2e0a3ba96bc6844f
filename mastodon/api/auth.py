"""App registration, login, OAuth URLs and account creation."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

import requests

from ..backend_types import ServerContext
from ..base import (
    DEFAULT_BASE_URL,
    DEFAULT_SCOPES,
    DEFAULT_USER_AGENT,
    MastodonBase,
    protocolize,
    refuse_insecure,
    warn_if_insecure,
)
from ..endpoints import auth as E
from ..errors import MastodonAPIError, MastodonError, MastodonIllegalArgumentError
from ..pipeline import RequestPipeline
from ..transport import Transport
from .binding import api_method

OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob"
_SCOPE = r"^(read|write|follow|push|admin|profile|crypto)(:[a-z_.]+)*$"  # compiled on first use
#: Scopes that imply finer-grained ones when granted.
SCOPE_SETS = {
    "read": ["read:accounts", "read:blocks", "read:favourites", "read:filters", "read:follows", "read:lists",
             "read:mutes", "read:notifications", "read:search", "read:statuses", "read:bookmarks"],
    "write": ["write:accounts", "write:blocks", "write:favourites", "write:filters", "write:follows", "write:lists",
              "write:media", "write:mutes", "write:notifications", "write:reports", "write:statuses", "write:bookmarks"],
    "follow": ["read:blocks", "read:follows", "read:mutes", "write:blocks", "write:follows", "write:mutes"],
    "admin:read": ["admin:read:accounts", "admin:read:reports"],
    "admin:write": ["admin:write:accounts", "admin:write:reports"],
}


def check_scopes(scopes: Any) -> list[str]:
    """The scopes as a list, or ``MastodonIllegalArgumentError`` for anything malformed."""
    if isinstance(scopes, str):
        scopes = scopes.split()
    if not isinstance(scopes, (list, tuple)) or not scopes:
        raise MastodonIllegalArgumentError("scopes must be a non-empty list of scope names")
    for scope in scopes:
        if not isinstance(scope, str) or not re.match(_SCOPE, scope):
            raise MastodonIllegalArgumentError(f"Invalid scope {scope!r}")
    return list(scopes)


def _granted(response: Any, requested: list[str]) -> None:
    received = str((response or {}).get("scope") or " ".join(requested)).split()
    expanded = set(received)
    for scope in received:
        expanded.update(SCOPE_SETS.get(scope, ()))
    if not set(requested) <= expanded:
        raise MastodonAPIError(
            f'Granted scopes "{" ".join(received)}" do not contain all of the requested scopes "{" ".join(requested)}".'
        )


def _iso_date(value: Any) -> str | None:
    """A date of birth as the API takes it (``YYYY-MM-DD``); strings are passed as given."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m-%d")
    raise MastodonIllegalArgumentError("date_of_birth must be a date")


def _creation_error(exc: MastodonAPIError) -> Any:
    """The server's answer to a refused registration (``error`` and ``details``), as a dict."""
    from ..entities import AttribAccessDict

    if isinstance(exc.body, dict):
        from ..decode import decode_value

        return decode_value(exc.body, False)
    message = exc.error_message
    return AttribAccessDict(error=str(message if message is not None else exc.args[0]), details=AttribAccessDict())


class AuthAPI(MastodonBase):
    @staticmethod
    @api_method(E.create_app, body=True)
    def create_app(
        client_name: str,
        scopes: list[str] = DEFAULT_SCOPES,
        redirect_uris: str | list[str] | None = None,
        website: str | None = None,
        to_file: str | None = None,
        api_base_url: str = DEFAULT_BASE_URL,
        request_timeout: float = 300,
        session: requests.Session | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
    ) -> tuple[str, str]:
        """Create a new app with given client_name and scopes.

        The basic scopes are "read", "write", "follow" and "push"; more granular scopes
        are available. Specify ``redirect_uris`` (one or a list) to redirect users after
        authenticating in an OAuth flow. Specify ``to_file`` to persist the app's info to a
        file (written atomically, mode 0600) that the constructor can read. Specify
        ``website`` to give a website for your app, ``session`` to use a
        ``requests.Session`` of your own and ``user_agent`` to name your program.

        Returns client_id and client_secret, both as strings.
        """
        if not isinstance(client_name, str) or not client_name.strip() or "\n" in client_name:
            raise MastodonIllegalArgumentError("client_name must be a non-empty single-line string")
        scope_list = check_scopes(scopes)
        api_base_url = protocolize(api_base_url)
        warn_if_insecure(api_base_url, stacklevel=2)
        if redirect_uris is None:
            redirect_uris = OOB_REDIRECT
        elif isinstance(redirect_uris, (list, tuple)):
            redirect_uris = "\n".join(redirect_uris)
        arguments = {"client_name": client_name, "scopes": " ".join(scope_list), "redirect_uris": redirect_uris, "website": website}
        transport = Transport(api_base_url, session=session, request_timeout=request_timeout, user_agent=user_agent)
        from ..plugins import get_registry

        # No client exists yet: the call goes through mainline's hooks (and those of plugins
        # that are not backends), like any call of a client with feature_set="mainline".
        hooks = get_registry().hooks_for("mainline")
        pipeline = RequestPipeline(ServerContext(api_base_url, version_check_mode="none"), hooks, transport)
        response = pipeline.call(E.create_app, arguments, auth=False, ratelimit=False)
        if not isinstance(response, dict) or "client_id" not in response or "client_secret" not in response:
            raise MastodonAPIError("The server did not return client credentials", None, None, response)
        client_id, client_secret = str(response["client_id"]), str(response["client_secret"])
        if to_file is not None:
            from ..credentials import ClientCredentials, write_client_credentials

            write_client_credentials(to_file, ClientCredentials(client_id, client_secret, api_base_url, client_name))
        return client_id, client_secret

    @api_method(E.log_in, body=True)
    def log_in(
        self,
        username: str | None = None,
        password: str | None = None,
        code: str | None = None,
        redirect_uri: str = OOB_REDIRECT,
        refresh_token: str | None = None,
        scopes: list[str] = DEFAULT_SCOPES,
        to_file: str | None = None,
        allow_http: bool = False,
    ) -> str:
        """Get the access token for a user.

        The ``username`` is the email address used to log in. Handles password and
        OAuth-based authorization (pass the ``code`` obtained through
        ``auth_request_url()``, with the same ``redirect_uri``), and refresh tokens.

        Can persist the access token to ``to_file`` (atomically, mode 0600), to be used in
        the constructor.

        Will throw a MastodonIllegalArgumentError if the OAuth or the username / password
        credentials given are incorrect, and MastodonAPIError if all of the requested
        scopes were not granted. Over plain ``http://`` (other than to this machine) it
        refuses to send credentials unless ``allow_http`` is true.

        Returns the access token as a string.
        """
        scope_list = check_scopes(scopes)
        refuse_insecure(self.api_base_url, allow_http, "log in")
        params: dict[str, Any]
        if username is not None and password is not None:
            params = {"username": username, "password": password, "redirect_uri": redirect_uri, "grant_type": "password"}
            failure = "Invalid user name, password, or redirect_uris"
        elif code is not None:
            params = {"code": code, "redirect_uri": redirect_uri, "grant_type": "authorization_code"}
            failure = "Invalid access token or redirect_uris"
        elif refresh_token is not None:
            params = {"refresh_token": refresh_token, "redirect_uri": redirect_uri, "grant_type": "refresh_token"}
            failure = "Invalid request"
        else:
            raise MastodonIllegalArgumentError("Invalid arguments given. username and password or code are required.")
        if self.client_id is None or self.client_secret is None:
            raise MastodonIllegalArgumentError("log_in needs client credentials (client_id and client_secret)")
        params.update(client_id=self.client_id, client_secret=self.client_secret, scope=" ".join(scope_list))
        try:
            response = self._pipeline.call(E.log_in, params, auth=False, ratelimit=False)
        except MastodonError as exc:
            raise MastodonIllegalArgumentError(f"{failure}: {exc}") from exc
        return self._accept_token(response, scope_list, to_file)

    def _accept_token(self, response: Any, scopes: list[str], to_file: str | None) -> str:
        if not isinstance(response, dict) or not response.get("access_token"):
            raise MastodonAPIError("The server did not return an access token", None, None, response)
        self.access_token = str(response["access_token"])
        self.refresh_token = response.get("refresh_token")
        self._logged_in_id_cache = None
        _granted(response, scopes)
        if to_file is not None:
            self.persist(to_file)
        return self.access_token

    def auth_request_url(
        self,
        client_id: str | None = None,
        redirect_uris: str = OOB_REDIRECT,
        scopes: list[str] = DEFAULT_SCOPES,
        force_login: bool = False,
        state: str | None = None,
        lang: str | None = None,
        skip_server_info: bool = False,
        allow_http: bool = False,
    ) -> str:
        """Returns the URL that a client needs to request an OAuth grant from the server.

        To log in with OAuth, send your user to this URL. The user will then log in and
        get a code which you can pass to ``log_in``.

        ``scopes`` are as in ``log_in()``; ``redirect_uris`` is where the user should be
        redirected to after authentication (one of the URLs given at app registration).
        Pass ``force_login`` if you want the user to always log in even when already
        logged in. ``state`` is the OAuth ``state`` parameter; use a random, unguessable
        value for web logins. ``lang`` (Mastodon 3.5.0+) is the language of the login
        page. The URL is built from the base URL without asking the server
        (``skip_server_info`` is accepted for compatibility); a plain ``http://`` base URL
        (other than this machine) is refused unless ``allow_http`` is true.
        """
        refuse_insecure(self.api_base_url, allow_http, "send a user to log in")
        if client_id is None:
            client_id = self.client_id
        elif os.path.isfile(client_id):
            from ..credentials import read_client_credentials

            client_id = read_client_credentials(client_id).client_id
        if not client_id:
            raise MastodonIllegalArgumentError("auth_request_url needs a client_id")
        params: dict[str, Any] = {
            "client_id": client_id,
            "response_type": "code",
            "redirect_uri": redirect_uris,
            "scope": " ".join(check_scopes(scopes)),
            "force_login": force_login,
        }
        if state is not None:
            params["state"] = state
        if lang is not None:
            params["lang"] = lang
        return f"{self.api_base_url}/oauth/authorize?{urlencode(params)}"

    @api_method(E.create_account, body=True)
    def create_account(
        self,
        username: str,
        password: str,
        email: str,
        agreement: bool = False,
        reason: str | None = None,
        locale: str = "en",
        scopes: list[str] = DEFAULT_SCOPES,
        to_file: str | None = None,
        return_detailed_error: bool = False,
        date_of_birth: date | None = None,
    ) -> str | tuple[str | None, Any]:
        """Creates a new user account with the given username, password and email.

        ``agreement`` must be set to True (after showing the user the instance's user
        agreement and having them agree to it), ``locale`` specifies the language for the
        confirmation email as an ISO 639-1 (two-letter) language code. ``reason`` can be
        used to specify why a user would like to join if approved-registrations mode is on.

        Does not require an access token, but does require a client grant.

        Returns an access token (just like log_in), which it can also persist to
        ``to_file``, and sets it internally so that the user is now logged in. Note that
        this token can only be used after the user has confirmed their email.

        ``date_of_birth`` (a date, Mastodon 4.4.0+) is required by servers with a minimum
        age. With ``return_detailed_error`` a refused registration returns
        ``(None, error)`` instead of raising, ``error`` being the server's answer (its
        ``details`` say which field failed and why, Mastodon 3.4.0+); a successful one
        returns ``(access_token, None)``.
        """
        scope_list = check_scopes(scopes)
        for name, value in (("username", username), ("password", password), ("email", email)):
            if not isinstance(value, str) or not value:
                raise MastodonIllegalArgumentError(f"{name} must be a non-empty string")
        if self.client_id is None or self.client_secret is None:
            raise MastodonIllegalArgumentError("create_account needs client credentials (client_id and client_secret)")
        # Refuse before asking for the app token, not after (and not as an argument error).
        birth = _iso_date(date_of_birth)
        self._pipeline.check_gate(E.create_account, {"date_of_birth": birth})
        oauth = {
            "scope": " ".join(scope_list), "client_id": self.client_id, "client_secret": self.client_secret,
            "grant_type": "client_credentials",
        }
        try:
            grant = self._pipeline.call(E.log_in, oauth, auth=False, ratelimit=False)
            app_token = str(grant["access_token"])
        except (MastodonError, KeyError, TypeError) as exc:
            raise MastodonIllegalArgumentError(f"Invalid request during oauth phase: {exc}") from exc
        params = {
            "username": username, "password": password, "email": email, "agreement": True if agreement else None,
            "reason": reason, "locale": locale, "client_id": self.client_id, "client_secret": self.client_secret,
            "date_of_birth": birth,
        }
        try:
            response = self._pipeline.call(E.create_account, params, token=app_token, ratelimit=False)
        except MastodonAPIError as exc:
            if return_detailed_error:
                return None, _creation_error(exc)
            raise MastodonIllegalArgumentError(f"Invalid request: {exc}") from exc
        except MastodonError as exc:
            raise MastodonIllegalArgumentError(f"Invalid request: {exc}") from exc
        token = self._accept_token(response, scope_list, to_file)
        return (token, None) if return_detailed_error else token

    @api_method(E.revoke_access_token, body=True)
    def revoke_access_token(self, allow_http: bool = False) -> None:
        """Revoke the access token in use and forget it (refused over plain ``http://`` unless ``allow_http``)."""
        if self.access_token is None:
            raise MastodonIllegalArgumentError("There is no access token to revoke")
        refuse_insecure(self.api_base_url, allow_http, "revoke an access token")
        params = {"client_id": self.client_id, "client_secret": self.client_secret, "token": self.access_token}
        self._pipeline.call(E.revoke_access_token, params, ratelimit=False)
        self.access_token = None

    def persistable_login_credentials(self) -> dict[str, str]:
        """What rebuilds this logged-in client: ``Mastodon(**api.persistable_login_credentials())``.

        The access token, base URL and (when known) the app's client id and secret.
        Keep it as secret as a password.
        """
        if not self.access_token:
            raise MastodonIllegalArgumentError("There is no access token to persist")
        found = {
            "access_token": self.access_token, "api_base_url": self.api_base_url,
            "client_id": self.client_id, "client_secret": self.client_secret,
        }
        return {key: str(value) for key, value in found.items() if value}

    def persist(self, to_file: str) -> None:
        """Write the current access token and base URL to ``to_file`` (atomically, mode 0600)."""
        if not self.access_token:
            raise MastodonIllegalArgumentError("There is no access token to persist")
        from ..credentials import UserCredentials, write_user_credentials

        write_user_credentials(to_file, UserCredentials(self.access_token, self.api_base_url))


__all__ = ["AuthAPI", "OOB_REDIRECT", "SCOPE_SETS", "check_scopes"]
