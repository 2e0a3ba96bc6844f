"""The client core: construction, credentials, server version, backends and pagination."""

from __future__ import annotations

import copy
import os
import threading
import warnings
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests

from .backend_types import CallInfo, Route, ServerContext
from .endpoints.model import Endpoint
from .entities import AttribAccessDict, AttribAccessList
from .errors import MastodonIllegalArgumentError, MastodonVersionError, MastodonWarning
from .pipeline import RequestPipeline
from .transport import Transport
from .versions import ServerVersion, format_version, parse_version_tuple

if TYPE_CHECKING:
    from .plugins import BackendRegistry
    from .types_base import PaginationInfo

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


def insecure_host(base_url: str) -> str | None:
    """The host of a plain ``http://`` URL to anything but this machine, else ``None``.

    Loopback addresses and ``localhost`` (local development servers) are not insecure.
    """
    try:
        split = urlsplit(base_url)
        host = (split.hostname or "").lower()
    except ValueError:  # unparseable: the request itself will fail with a clear error
        return None
    if split.scheme.lower() != "http":
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        import ipaddress  # only for plain-http URLs

        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return host


def refuse_insecure(base_url: str, allow_http: bool, what: str) -> None:
    """Refuse to send credentials (``what``) over plain ``http://`` unless ``allow_http``."""
    host = insecure_host(base_url)
    if host is not None and not allow_http:
        raise MastodonIllegalArgumentError(
            f"Refusing to {what} over unencrypted http:// to {host}: credentials would travel in clear text "
            "(use https://, or pass allow_http=True)"
        )


def warn_if_insecure(base_url: str, stacklevel: int = 1) -> None:
    """Warn when ``base_url`` is plain ``http://`` to anything but this machine.

    Over plain HTTP the access token travels in clear text. ``stacklevel`` counts from the
    caller of this function, as for :func:`warnings.warn`.
    """
    host = insecure_host(base_url)
    if host is None:
        return
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


def _learned_attr(name: str, doc: str) -> Any:
    """A client attribute about the server: reading it first learns what is still unknown."""

    def get(self: MastodonBase) -> Any:
        self._learn_server()
        return getattr(self, name)

    return property(get, lambda self, value: setattr(self, name, value), doc=doc)


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
        *,
        plugins: Iterable[object] | None = None,
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
        if plugins is None or (isinstance(plugins, (list, tuple)) and not plugins):
            from .plugins import get_registry

            self._registry: BackendRegistry = get_registry()
        else:
            from .plugins import client_registry

            self._registry = client_registry(plugins)
        backend = "mainline" if feature_set == "auto" else self._registry.resolve(feature_set)
        self._ctx = ServerContext(
            api_base_url=self.api_base_url,
            backend=backend,
            feature_set=feature_set,
            version_check_mode=version_check_mode,
        )
        self._pipeline = RequestPipeline(self._ctx, self._registry.hooks_for(backend), self._transport)
        self._mastodon_major, self._mastodon_minor, self._mastodon_patch = 1, 0, 0
        self._version_check_worked: bool | None = None

        # Nothing is sent here: what is left to learn (the backend, the version) is learned
        # by the first call that needs it (see _learn_server).
        self._given_version = None if mastodon_version is None else str(mastodon_version)
        if self._given_version is not None:
            from .detection import parse_server_version

            self._set_version(parse_server_version(self._pipeline.hooks, self._given_version), strict=self._given_version)
        self._learn_lock = threading.RLock()
        self._learning_thread: int | None = None
        #: (detect the backend, ask the version), or None when nothing is left to learn.
        self._unlearned: tuple[bool, bool] | None = None
        self._leave_to_first_call(
            detect=feature_set == "auto", ask_version=mastodon_version is None and version_check_mode != "none"
        )

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

    # -- learning about the server at the first call -------------------------------------

    def _leave_to_first_call(self, detect: bool, ask_version: bool) -> None:
        self._unlearned = (detect, ask_version) if detect or ask_version else None
        self._pipeline.learn = self._learn_server if self._unlearned else None

    def _learn_server(self) -> None:
        """Learn the backend and version that construction left to the first call; once, thread-safe.

        An unreachable server makes this (and so the calling method) raise; the next call
        tries again.
        """
        if self._unlearned is None or self._learning_thread == threading.get_ident():
            return
        with self._learn_lock:
            if self._unlearned is None or self._learning_thread is not None:  # learned meanwhile, or re-entered
                return
            detect, ask_version = self._unlearned
            self._learning_thread = threading.get_ident()
            try:
                if detect:
                    self._detect_backend(quiet_version=ask_version)
                    if self._given_version is not None:
                        from .detection import parse_server_version

                        self._set_version(parse_server_version(self._pipeline.hooks, self._given_version))
                    self._leave_to_first_call(False, ask_version)
                if ask_version:
                    self._ask_version(fail_hard=False, stacklevel=4)
                self._leave_to_first_call(False, False)
            finally:
                self._learning_thread = None

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
        """The name of the active backend (``"mainline"``, ``"pleroma"``, ...); detected first if still unknown."""
        self._learn_server()
        return self._ctx.backend

    @property
    def server_context(self) -> ServerContext:
        """What the client knows about the server (learned first if still unknown)."""
        self._learn_server()
        return self._ctx

    mastodon_major = _learned_attr("_mastodon_major", "The server's Mastodon major version (1 until known).")
    mastodon_minor = _learned_attr("_mastodon_minor", "The server's Mastodon minor version.")
    mastodon_patch = _learned_attr("_mastodon_patch", "The server's Mastodon patch version.")
    version_check_worked = _learned_attr(
        "_version_check_worked", "Whether the server said its version (``None`` when it was given, or never asked)."
    )

    @property
    def request_timeout(self) -> float:
        return self._transport.request_timeout

    @request_timeout.setter
    def request_timeout(self, value: float) -> None:
        self._transport.request_timeout = value

    @property
    def max_response_bytes(self) -> int:
        """The largest response body a call accepts, in bytes once decompressed (default 64 MiB).

        A bigger body (or an endless one, or a compression bomb) is not read further and
        the call raises :class:`MastodonNetworkError`.
        """
        return self._transport.max_response_bytes

    @max_response_bytes.setter
    def max_response_bytes(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise MastodonIllegalArgumentError("max_response_bytes must be a positive number of bytes")
        self._transport.max_response_bytes = value

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
        if self._unlearned is not None and self._unlearned[0]:
            self._learn_server()  # feature_set="auto": the first detection, with the version it learns
        else:
            self._detect_backend(quiet_version=False)
        return self._ctx.backend

    def _detect_backend(self, quiet_version: bool) -> None:
        from .detection import detect_backend, parse_server_version

        match, nodeinfo, instance = detect_backend(self._registry, self._pipeline)
        self._ctx.nodeinfo, self._ctx.instance = nodeinfo, instance
        if match is None:
            software = (nodeinfo or {}).get("software")
            software = software.get("name", "unknown") if isinstance(software, dict) else "unknown"
            warnings.warn(f"No backend recognises this server ({software}); using mainline", MastodonWarning, stacklevel=4)
            self.use_backend("mainline")
            self._ctx.extra["detection"] = None
        else:
            self.use_backend(match.backend)
            self._ctx.extra["detection"] = match
        if instance and isinstance(instance.get("version"), str):
            self._set_version(parse_server_version(self._pipeline.hooks, instance["version"]), quiet=quiet_version)

    def _set_version(self, version: ServerVersion, strict: str | None = None, quiet: bool = False) -> None:
        if strict is not None and version.software == "unknown":
            parse_version_tuple(strict)  # raises MastodonIllegalArgumentError when malformed
        self._ctx.version = version
        self._mastodon_major, self._mastodon_minor, self._mastodon_patch = version.mastodon
        self._version_check_worked = True
        if not version.gates and not quiet and self.version_check_mode != "none":
            warnings.warn(
                f"No installed backend recognises the server version {version.raw!r} and it names no "
                "Mastodon version; version checks are off (install a backend for this server, or pass "
                "mastodon_version=)",
                MastodonWarning,
                stacklevel=5,
            )

    def _version_at_least(self, version: tuple[int, int, int]) -> bool:
        """Whether the server is at least at Mastodon ``version`` (true when the version is unknown)."""
        self._learn_server()
        have = self._ctx.mastodon_version
        return have is None or have >= version

    @property
    def server_version(self) -> ServerVersion | None:
        """What the server's version string said (Mastodon-compatible and own version); asked first if unknown."""
        self._learn_server()
        return self._ctx.version

    def retrieve_mastodon_version(self, fail_hard: bool = False) -> str:
        """Ask the server its version, set major, minor and patch, and return the version settled on as ``x.y.z``.

        A version string naming no Mastodon version is read through the installed backends
        (``"takahe/0.11.0"`` is Mastodon 4.0.0 to the Takahē backend), else through the
        ``api_versions`` level of Mastodon 4.3+. A server that answers but cannot tell is
        taken to be Mastodon 1.0.0, with a warning and no version checks, or raises
        :class:`MastodonVersionError` when ``fail_hard``.
        """
        if self._unlearned is not None and self._unlearned[1] and not fail_hard:
            self._learn_server()  # the first ask: what the first call would have learned
        else:
            self._learn_server()
            self._ask_version(fail_hard=fail_hard, stacklevel=3)
        return format_version(self._ctx.version.mastodon if self._ctx.version else (1, 0, 0))

    def _ask_version(self, fail_hard: bool, stacklevel: int) -> None:
        from .detection import fetch_server_version

        version, instance, reason = fetch_server_version(self._pipeline, self._pipeline.hooks)
        if instance is not None:
            self._ctx.instance = instance
        if version is not None:
            self._set_version(version)
            return
        if fail_hard:
            raise MastodonVersionError(f"Could not retrieve the server version: {reason}")
        # The server answered but will not say (e.g. an instance locked to logged-in users):
        # Mastodon 1.0.0 for routing, no version gates, as the original library does.
        warnings.warn(
            f"Could not retrieve the server version ({reason}); assuming Mastodon 1.0.0 and turning version checks off",
            MastodonWarning,
            stacklevel=stacklevel + 1,
        )
        self._ctx.version = ServerVersion(mastodon=(1, 0, 0), software="unknown", raw="", gates=False)
        self._mastodon_major, self._mastodon_minor, self._mastodon_patch = 1, 0, 0
        self._version_check_worked = False

    def verify_minimum_version(self, version_str: str, cached: bool = False) -> bool:
        """Update version info from the server (unless ``cached``) and check it is at least ``version_str``.

        Returns True if the requirement is satisfied, False if not.
        """
        wanted = parse_version_tuple(version_str)
        if not cached or self._ctx.version is None:
            self.retrieve_mastodon_version()
        return (self.mastodon_major, self.mastodon_minor, self.mastodon_patch) >= wanted

    @staticmethod
    def get_supported_version() -> str:
        """The newest Mastodon version whose API this library knows (from its endpoint metadata)."""
        from .endpoints import newest_known_version

        return newest_known_version()

    @property
    def mastodon_version(self) -> str:
        return format_version((self.mastodon_major, self.mastodon_minor, self.mastodon_patch))

    # -- client state --------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Ask the server to answer in ``lang`` (an ISO 639 code, sent as ``Accept-Language``): error messages, translations."""
        if not isinstance(lang, str) or not lang.strip() or any(c in lang for c in "\r\n"):
            raise MastodonIllegalArgumentError("lang must be a language code such as 'en' or 'de'")
        self._transport.language = lang.strip()

    def clear_caches(self) -> None:
        """Forget what the client remembers about the server and the account (asked again when next needed).

        The logged-in account's id, the streaming server's URL and the server's version
        and backend (learned again at the next call, unless they were given at construction).
        """
        self._logged_in_id_cache = None
        self.__dict__.pop("_streaming_base_url", None)
        with self._learn_lock:
            detect = self._ctx.feature_set == "auto"
            ask = self._given_version is None and self.version_check_mode != "none"
            if ask:
                self._ctx.version = None
            self._leave_to_first_call(detect=detect, ask_version=ask)

    def get_approx_server_time(self) -> datetime:
        """The server's current time, approximately (from the ``Date`` header of a request to it).

        Falls back to this machine's clock (in UTC) when the server sends no usable date.
        """
        from email.utils import parsedate_to_datetime

        from .endpoints.instance import instance

        call = CallInfo(instance, route=Route(instance.method, instance.path))
        response = self._pipeline.send(instance.method, instance.path, {}, call, ratelimit=False)
        try:
            return parsedate_to_datetime(response.headers["Date"]).astimezone(timezone.utc)
        except (KeyError, TypeError, ValueError, IndexError, OverflowError):
            return datetime.now(timezone.utc)

    # -- generic calls -------------------------------------------------------------------

    def endpoints(self) -> dict[str, Endpoint]:
        """Every endpoint known to this client: the core's and the backends' extras."""
        from .endpoints import ENDPOINTS

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

    def get_pagination_info(self, page: Any, pagination_direction: str) -> PaginationInfo | None:
        """The parameters of the page after (``"next"``) or before (``"previous"``) ``page``.

        ``page`` is a returned list, or one of its items (the last carries the next page's
        information, the first the previous page's). ``None`` when there is no such page.
        """
        attr = _direction_attribute(pagination_direction)
        info = getattr(page, attr, None) if isinstance(page, (AttribAccessList, AttribAccessDict)) else None
        if info is None and isinstance(page, list) and page:
            item = page[-1] if attr == "_pagination_next" else page[0]
            info = getattr(item, attr, None) if isinstance(item, AttribAccessDict) else None
        return info if isinstance(info, dict) else None  # type: ignore[return-value]  # a PaginationInfo, or a dict a program set

    def _page(self, page: Any, attr: str) -> Any:
        info: dict[str, Any] | None
        if isinstance(page, list):
            info = self.get_pagination_info(page, attr)
            if info is None:
                return None
        elif isinstance(page, dict):
            info = page
        else:
            return None
        return self._fetch_page(info)

    def _fetch_page(self, info: dict[str, Any]) -> Any:
        """The page a pagination info dict names (``None`` if it names none)."""
        # Scalars are shared, containers copied (deepcopy of the whole dict costs more than the call).
        params: dict[str, Any] = {
            key: copy.deepcopy(value) if isinstance(value, (list, dict)) else value for key, value in info.items()
        }
        method = params.pop("_pagination_method", "GET")
        path = params.pop("_pagination_endpoint", None)
        if not path:
            return None
        name = getattr(info, "_pagination_endpoint_name", "")
        from .endpoints import ENDPOINTS

        endpoint = ENDPOINTS.get(name) or (self.endpoints().get(name) if name else None)
        if endpoint is None:
            endpoint = Endpoint("fetch_page", method, path)
        self._learn_server()
        pipeline = self._pipeline
        call = CallInfo(endpoint, params=params, route=Route(method, path))
        response = pipeline.send(method, path, params, call)
        return pipeline.process(endpoint, method, path, params, response, call)

    def pagination_page_iterator(
        self, start_page: Any, direction: str = "next", return_pagination_info: bool = False
    ) -> Iterator[Any]:
        """Iterate over pages: ``start_page`` (a returned list, or a :class:`PaginationInfo` to fetch first), then each next (or previous) one.

        With ``return_pagination_info=True``, yields ``(page, info)`` where ``info`` is the
        :class:`PaginationInfo` of the page after it (``None`` on the last page).
        """
        from .types_base import PaginationInfo

        attr = _direction_attribute(direction)
        page = self._fetch_page(start_page) if isinstance(start_page, PaginationInfo) else start_page
        while page:
            info = self.get_pagination_info(page, attr)
            yield (page, info) if return_pagination_info else page
            if info is None:
                return
            page = self._fetch_page(info)

    def pagination_iterator(
        self, start_page: Any, direction: str = "next", return_pagination_info: bool = False
    ) -> Iterator[Any]:
        """Iterate over the items of ``start_page`` and of every page after (or before) it.

        Pages are fetched as the iteration reaches them. With ``return_pagination_info=True``,
        yields ``(item, info)``: the :class:`PaginationInfo` of the page after the item's page.
        """
        for page, info in self.pagination_page_iterator(start_page, direction, return_pagination_info=True):
            for item in page:
                yield (item, info) if return_pagination_info else item

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
        everything = type(first_page)(first_page) if isinstance(first_page, AttribAccessList) else AttribAccessList(first_page)
        current = first_page
        while True:
            current = self.fetch_next(current)
            if not current:
                break
            everything.extend(current)
        return everything


def _direction_attribute(direction: str) -> str:
    """``"next"``/``"previous"`` (or ``"prev"``, or the attribute itself) as the attribute holding its page info."""
    if direction in ("next", "_pagination_next"):
        return "_pagination_next"
    if direction in ("previous", "prev", "_pagination_prev"):
        return "_pagination_prev"
    raise MastodonIllegalArgumentError(f"Invalid pagination direction {direction!r}: use 'next' or 'previous'")


__all__ = ["MastodonBase", "protocolize", "warn_if_insecure", "insecure_host", "refuse_insecure", "DEFAULT_BASE_URL", "DEFAULT_SCOPES", "DEFAULT_USER_AGENT"]
