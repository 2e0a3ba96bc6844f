"""App registration and authentication endpoints."""

from .model import Param, endpoint

S = "App registration and user authentication"

create_app = endpoint(
    "create_app", "POST", "/api/v1/apps", "client_name", "scopes", "redirect_uris", "website",
    returns="Application", section=S,
)
log_in = endpoint(
    "log_in", "POST", "/oauth/token", "grant_type", "client_id", "client_secret", "username", "password",
    "code", "redirect_uri", "refresh_token", "scope", returns="Token", section=S,
)
revoke_access_token = endpoint(
    "revoke_access_token", "POST", "/oauth/revoke", "client_id", "client_secret", "token", returns="None", added="2.5.0", section=S
)
create_account = endpoint(
    "create_account", "POST", "/api/v1/accounts", "username", "password", "email", "agreement", "reason", "locale",
    Param("date_of_birth", added="4.4.0"), returns="Token", added="2.7.0", changed="4.4.0", section=S,
)
