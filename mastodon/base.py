"""The client core: construction, credentials, server version, backends and pagination."""

from __future__ import annotations

import copy
import os
import warnings
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests

from .backend_types import ServerContext
from .endpoints import ENDPOINTS
from .endpoints.model import Endpoint
from .entities import AttribAccessDict, AttribAccessList
from .errors import MastodonAPIError, MastodonIllegalArgumentError
from .pipeline import RequestPipeline
from .transport import Transport
from .versions import ServerVersion, format_version, parse_version_tuple

if TYPE_CHECKING:
    from .plugins import BackendRegistry

# The plugin manager (pluggy and the backends), credential files and server detection are
# imported where first needed, so ``import mastodon`` stays cheap.

DEFAULT_BASE_URL = "https://mastodon.social"
DEFAULT_USER_AGENT = "mastodonpy"
DEFAULT_SCOPES = ["read", "write", "follow", "push"]
VERSION_CHECK_MODES = ("created", "changed", "none")


def protocolize(base_url: str) -> str:
    """Add ``https://`` when no scheme is given; drop trailing slashes."""
    if not isinstance(base_url, str) or not base_url.strip():
        raise MastodonIllegalArgumentError("api_base_url must be a non-empty string")
    base_url = base_url.strip()
    if not base_url.startswith(("http://", "https://")):
        base_url = "https://" + base_url
    return base_url.rstrip("/")


def warn_if_insecure(base_url: str, stacklevel: int = 1) -> None:
    """Warn when ``base_url`` is plain ``http://`` to anything but this machine.

    Over plain HTTP the access token travels in clear text. Loopback addresses and
    ``localhost`` (local development servers) do not warn. ``stacklevel`` counts from the
    caller of this function, as for :func:`warnings.warn`.
    """
    try:
        split = urlsplit(base_url)
        host = (split.hostname or "").lower()
    except ValueError:  # unparseable: the request itself will fail with a clear error
        return
    if split.scheme.lower() != "http":
        return
    if host == "localhost" or host.endswith(".localhost"):
        return
    try:
        import ipaddress  # only for plain-http URLs

        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    warnings.warn(
        f"Connecting to {host} over unencrypted http://: the access token and all data travel in clear text; "
        "use https://",
        stacklevel=stacklevel + 1,
    )


def _is_file(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike)) and os.path.isfile(value)


def _checked_version_check_mode(mode: str) -> str:
    if mode not in VERSION_CHECK_MODES:
        raise MastodonIllegalArgumentError(f"Invalid version check mode {mode!r}; use one of {', '.join(VERSION_CHECK_MODES)}")
    return mode


def _transport_attr(name: str) -> Any:
    """A client attribute that lives on the transport (rate-limit state)."""
    return property(
        lambda self: getattr(self._transport, name),
        lambda self, value: setattr(self._transport, name, value),
        doc=f"Rate-limit state: {name.replace('_', ' ')}.",
    )


class MastodonBase:
    """State and plumbing shared by every API area mixin."""

    _pipeline: RequestPipeline
    #: The logged-in account's id, once looked up (forgotten when a new token is accepted).
    _logged_in_id_cache: Any = None

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        api_base_url: str | None = None,
        debug_requests: bool = False,
        ratelimit_method: str = "wait",
        ratelimit_pacefactor: float = 1.1,
        request_timeout: float = 300,
        mastodon_version: str | None = None,
        version_check_mode: str = "created",
        session: requests.Session | None = None,
        feature_set: str = "mainline",
        user_agent: str = DEFAULT_USER_AGENT,
    ) -> None:
        _checked_version_check_mode(version_check_mode)
        if api_base_url is not None:
            api_base_url = protocolize(api_base_url)

        self.client_id = client_id
        self.client_secret = client_secret
        self.client_name: str | None = None
        token = access_token

        if client_id is not None and _is_file(client_id):
            from .credentials import read_client_credentials

            creds = read_client_credentials(client_id)
            self.client_id, self.client_secret = creds.client_id, creds.client_secret
            api_base_url = self._merge_base_url(api_base_url, creds.api_base_url)
            self.client_name = creds.client_name
            if creds.client_name and user_agent == DEFAULT_USER_AGENT:
                user_agent = creds.client_name
        elif client_id is not None and client_secret is None:
            raise MastodonIllegalArgumentError("Specified client id directly, but did not supply secret")

        if token is not None and _is_file(token):
            from .credentials import read_user_credentials

            user = read_user_credentials(token)
            token = user.access_token
            api_base_url = self._merge_base_url(api_base_url, user.api_base_url)
            if self.client_id is None and user.client_id and user.client_secret:
                self.client_id, self.client_secret = user.client_id, user.client_secret

        self.api_base_url = api_base_url or DEFAULT_BASE_URL
        warn_if_insecure(self.api_base_url, stacklevel=2)
        self._transport = Transport(
            self.api_base_url,
            session=session,
            request_timeout=request_timeout,
            user_agent=user_agent,
            ratelimit_method=ratelimit_method,
            ratelimit_pacefactor=ratelimit_pacefactor,
            debug_requests=debug_requests,
        )
        self._transport.access_token = token
        from .plugins import get_registry

        self._registry: BackendRegistry = get_registry()
        backend = "mainline" if feature_set == "auto" else self._registry.resolve(feature_set)
        self._ctx = ServerContext(
            api_base_url=self.api_base_url,
            backend=backend,
            feature_set=feature_set,
            version_check_mode=version_check_mode,
        )
        self._pipeline = RequestPipeline(self._ctx, self._registry.hooks_for(backend), self._transport)
        self.mastodon_major, self.mastodon_minor, self.mastodon_patch = 1, 0, 0
        self.version_check_worked: bool | None = None

        if feature_set == "auto":
            self.detect_backend()
        if mastodon_version is not None:
            from .detection import parse_server_version

            self._set_version(parse_server_version(self._pipeline.hooks, str(mastodon_version)), strict=str(mastodon_version))
        elif version_check_mode != "none":
            self.retrieve_mastodon_version()

    # -- configuration -------------------------------------------------------------------

    @staticmethod
    def _merge_base_url(given: str | None, from_file: str | None) -> str | None:
        if not from_file:
            return given
        from_file = protocolize(from_file)
        if given is not None and given != from_file:
            raise MastodonIllegalArgumentError("Mismatch in base URLs between files and/or specified")
        return from_file

    def __repr__(self) -> str:
        return f"<Mastodon {self.api_base_url} backend={self._ctx.backend!r}>"

    @property
    def access_token(self) -> str | None:
        return self._transport.access_token

    @access_token.setter
    def access_token(self, value: str | None) -> None:
        self._transport.access_token = value

    @property
    def session(self) -> requests.Session:
        return self._transport.session

    @session.setter
    def session(self, value: requests.Session) -> None:
        self._transport.session = value

    @property
    def feature_set(self) -> str:
        return self._ctx.feature_set

    @property
    def backend(self) -> str:
        """The name of the active backend (``"mainline"``, ``"pleroma"``, ...)."""
        return self._ctx.backend

    @property
    def server_context(self) -> ServerContext:
        return self._ctx

    @property
    def request_timeout(self) -> float:
        return self._transport.request_timeout

    @request_timeout.setter
    def request_timeout(self, value: float) -> None:
        self._transport.request_timeout = value

    @property
    def user_agent(self) -> str | None:
        return self._transport.user_agent

    @property
    def debug_requests(self) -> bool:
        return self._transport.debug_requests

    @debug_requests.setter
    def debug_requests(self, value: bool) -> None:
        self._transport.debug_requests = value

    @property
    def ratelimit_method(self) -> str:
        return self._transport.ratelimit_method

    @property
    def version_check_mode(self) -> str:
        """How endpoints are gated on the server's version: "created", "changed" or "none"."""
        return self._ctx.version_check_mode

    @version_check_mode.setter
    def version_check_mode(self, value: str) -> None:
        self._ctx.version_check_mode = _checked_version_check_mode(value)

    ratelimit_pacefactor = _transport_attr("ratelimit_pacefactor")
    ratelimit_remaining = _transport_attr("ratelimit_remaining")
    ratelimit_reset = _transport_attr("ratelimit_reset")
    ratelimit_limit = _transport_attr("ratelimit_limit")
    ratelimit_lastcall = _transport_attr("ratelimit_lastcall")

    # -- backends and versions -----------------------------------------------------------

    def use_backend(self, name: str) -> None:
        """Switch the active backend (by backend name or feature_set alias)."""
        backend = self._registry.resolve(name)
        self._ctx.backend = backend
        self._pipeline.set_hooks(self._registry.hooks_for(backend))

    def detect_backend(self) -> str:
        """Detect the server software and switch to the best-matching backend.

        Unknown software falls back to mainline with a warning. Returns the backend name.
        """
        from .detection import detect_backend, parse_server_version

        match, nodeinfo, instance = detect_backend(self._registry, self._transport)
        self._ctx.nodeinfo, self._ctx.instance = nodeinfo, instance
        if match is None:
            software = (nodeinfo or {}).get("software")
            software = software.get("name", "unknown") if isinstance(software, dict) else "unknown"
            warnings.warn(f"No backend recognises this server ({software}); using mainline", stacklevel=2)
            self.use_backend("mainline")
            self._ctx.extra["detection"] = None
        else:
            self.use_backend(match.backend)
            self._ctx.extra["detection"] = match
        if instance and isinstance(instance.get("version"), str):
            self._set_version(parse_server_version(self._pipeline.hooks, instance["version"]))
        return self._ctx.backend

    def _set_version(self, version: ServerVersion, strict: str | None = None) -> None:
        if strict is not None and version.software == "unknown":
            parse_version_tuple(strict)  # raises MastodonIllegalArgumentError when malformed
        self._ctx.version = version
        self.mastodon_major, self.mastodon_minor, self.mastodon_patch = version.mastodon
        self.version_check_worked = True
        if not version.gates and self.version_check_mode != "none":
            warnings.warn(
                f"No installed backend recognises the server version {version.raw!r} and it names no "
                "Mastodon version; version checks are off (install a backend for this server, or pass "
                "mastodon_version=)",
                stacklevel=3,
            )

    def _version_at_least(self, version: tuple[int, int, int]) -> bool:
        """Whether the server is at least at Mastodon ``version`` (true when the version is unknown)."""
        have = self._ctx.mastodon_version
        return have is None or have >= version

    @property
    def server_version(self) -> ServerVersion | None:
        """What the server's version string said (Mastodon-compatible and own version)."""
        return self._ctx.version

    def retrieve_mastodon_version(self) -> str:
        """Determine the server's version and set major, minor and patch accordingly.

        Returns the version string, possibly including rc info.
        """
        from .detection import fetch_json, parse_server_version

        try:
            instance = fetch_json(self._transport, "/api/v1/instance", auth=True)
        except MastodonAPIError as exc:
            # The server answered but will not say (e.g. an instance locked to logged-in
            # users): carry on without version gates, as the original library does.
            warnings.warn(f"Could not retrieve the server version ({exc}); version checks are off", stacklevel=2)
            self._ctx.version = None
            self.version_check_worked = False
            return "1.0.0"
        if not isinstance(instance, dict):  # the server may answer anything
            instance = {}
        version_str = str(instance.get("version") or "1.0.0")
        self._ctx.instance = instance
        self._set_version(parse_server_version(self._pipeline.hooks, version_str))
        return version_str

    def verify_minimum_version(self, version_str: str, cached: bool = False) -> bool:
        """Update version info from the server (unless ``cached``) and check it is at least ``version_str``.

        Returns True if the requirement is satisfied, False if not.
        """
        wanted = parse_version_tuple(version_str)
        if not cached or self._ctx.version is None:
            self.retrieve_mastodon_version()
        return (self.mastodon_major, self.mastodon_minor, self.mastodon_patch) >= wanted

    @property
    def mastodon_version(self) -> str:
        return format_version((self.mastodon_major, self.mastodon_minor, self.mastodon_patch))

    # -- generic calls -------------------------------------------------------------------

    def endpoints(self) -> dict[str, Endpoint]:
        """Every endpoint known to this client: the core's and the backends' extras."""
        return {**ENDPOINTS, **self._registry.extra_endpoints()}

    def call_endpoint(self, name: str, /, **arguments: Any) -> Any:
        """Call any endpoint by name, including backend-contributed ones.

        ``name`` is positional-only, so endpoints with a ``name`` parameter (``featured_tag_create``) can be called.
        """
        endpoint = self.endpoints().get(name)
        if endpoint is None:
            raise MastodonIllegalArgumentError(f"Unknown endpoint {name!r}")
        return self._pipeline.call(endpoint, arguments)

    # -- pagination ----------------------------------------------------------------------

    def _page(self, page: Any, attr: str) -> Any:
        if isinstance(page, list):
            info = getattr(page, attr, None) if isinstance(page, AttribAccessList) else None
            if info is None and page:
                item = page[-1] if attr == "_pagination_next" else page[0]
                info = getattr(item, attr, None) if isinstance(item, AttribAccessDict) else None
            if info is None:
                return None
        elif isinstance(page, dict):
            info = page
        else:
            return None
        # Scalars are shared, containers copied (deepcopy of the whole dict costs more than the call).
        params: dict[str, Any] = {
            key: copy.deepcopy(value) if isinstance(value, (list, dict)) else value for key, value in info.items()
        }
        method = params.pop("_pagination_method", "GET")
        path = params.pop("_pagination_endpoint", None)
        if not path:
            return None
        name = getattr(info, "_pagination_endpoint_name", "")
        endpoint = ENDPOINTS.get(name) or (self.endpoints().get(name) if name else None)
        if endpoint is None:
            endpoint = Endpoint("fetch_page", method, path)
        pipeline = self._pipeline
        response = pipeline.send(method, path, params)
        return pipeline.process(endpoint, method, path, params, response)

    def fetch_next(self, previous_page: Any) -> Any:
        """Fetch the page after ``previous_page`` (a returned list, or its ``_pagination_next`` dict).

        Returns ``None`` when there is no next page.
        """
        return self._page(previous_page, "_pagination_next")

    def fetch_previous(self, next_page: Any) -> Any:
        """Fetch the page before ``next_page``; ``None`` when there is none."""
        return self._page(next_page, "_pagination_prev")

    def fetch_remaining(self, first_page: Any) -> Any:
        """Fetch every following page and return all items, ``first_page``'s included."""
        everything = AttribAccessList(first_page)
        current = first_page
        while True:
            current = self.fetch_next(current)
            if not current:
                break
            everything.extend(current)
        return everything


__all__ = ["MastodonBase", "protocolize", "warn_if_insecure", "DEFAULT_BASE_URL", "DEFAULT_SCOPES", "DEFAULT_USER_AGENT"]
