"""Plain data types exchanged between the core and backend plugins."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from .records import Record, field
from .versions import ServerVersion

if TYPE_CHECKING:
    from .endpoints.model import Endpoint

StreamingTransport = Literal["sse", "websocket"]


class Unsupported(Record, frozen=True):
    """A declared refusal: calls this server does not serve, and why.

    Matches an endpoint by ``endpoint`` name, by ``path`` (the endpoint's declared path
    template, exactly), or by ``path_prefix`` (the path template is that path or lies
    under it, whole segments only: ``/api/v1/admin`` covers ``/api/v1/admin/accounts``,
    not ``/api/v1/administer``), optionally only for one HTTP ``method``. Trailing slashes
    do not count.
    """

    reason: str
    endpoint: str = ""
    path_prefix: str = ""
    method: str = ""
    path: str = ""

    def matches(self, name: str, method: str, path: str) -> bool:
        if self.method and self.method != method.upper():
            return False
        if self.endpoint:
            return self.endpoint == name
        path = path.rstrip("/") or "/"
        if self.path:
            return (self.path.rstrip("/") or "/") == path
        prefix = self.path_prefix.rstrip("/")
        return bool(self.path_prefix) and (path == prefix or path.startswith(prefix + "/"))


class BackendInfo(Record, frozen=True):
    """Who a backend is. Returned by the ``mastodon_backend_info`` hook.

    ``features`` names the server-specific extras the backend supports (``"emoji_reactions"``,
    ``"quotes"``, ``"local_only"``...), so unified extras can refuse early elsewhere.
    ``extends`` names another backend whose hooks also apply (its hooks run after this
    one's, so this backend can override them). ``feature_sets`` are extra names that
    select the backend through ``feature_set=``.
    """

    name: str
    description: str = ""
    extends: str | None = None
    feature_sets: tuple[str, ...] = ()
    features: frozenset[str] = frozenset()
    #: Visibilities beyond mainline's four; an entry ending in ``:`` allows a prefix
    #: (``"list:"`` accepts ``"list:1234"``).
    visibilities: tuple[str, ...] = ()
    #: Most media attachments per status (``None``: no limit).
    max_media_attachments: int | None = 4
    #: Version strings (as the server reports them) that stand for this server family in
    #: overviews such as the compatibility matrix; the first is the most typical.
    sample_versions: tuple[str, ...] = ()
    #: Lower-case software names (nodeinfo ``software.name``, the ``(compatible; Name``
    #: part of a version string) this backend answers to besides its own name. When a
    #: server names its software, only the backends answering to that name are chosen.
    software_names: tuple[str, ...] = ()
    #: The words for true and false in query strings and form bodies (Mastodon reads ``"1"``
    #: and ``"0"``; some servers only ``"true"`` and ``"false"``).
    boolean_words: tuple[str, str] = ("1", "0")
    #: Send every request body as JSON (bodies with files stay multipart).
    json_bodies: bool = False
    #: Calls sent as JSON bodies, as (method, path template) of the endpoint
    #: (``("POST", "/api/v1/lists")``), when not every call is (``json_bodies``).
    json_routes: frozenset[tuple[str, str]] = frozenset()
    #: Whether booleans in JSON bodies are JSON ``true``/``false`` (else the words above).
    json_booleans: bool = False
    #: Calls the server does not serve, with the reason users and the matrix see. Checked
    #: after the ``mastodon_endpoint_available`` hook (which can still allow or refuse).
    unsupported: tuple[Unsupported, ...] = ()
    #: Endpoint names this server serves although they are newer than the Mastodon
    #: version it reports: the core's version gate lets them through (the hook and the
    #: declared refusals above still come first).
    served_beyond_version: frozenset[str] = frozenset()
    #: Parameters (``"endpoint.parameter"``) this server takes although Mastodon added them
    #: after the version it reports: the core's parameter gate lets them through (the
    #: backend's ``mastodon_prepare_params`` may rename them to the server's spelling).
    params_beyond_version: frozenset[str] = frozenset()
    #: Why the core's Mastodon-version gate is what refuses this server's other calls (a
    #: server reporting a fixed compatibility level...): added to those refusals, so
    #: users and the compatibility matrix see it.
    version_gate_note: str = ""
    #: Endpoint name -> the route this server serves it at. Used when the
    #: ``mastodon_route`` hook has no answer.
    routes: dict[str, Route] = field(default_factory=dict, compare=False)


class NotSupported:
    """The type of :data:`NOT_SUPPORTED`."""

    _instance: NotSupported | None = None

    def __new__(cls) -> NotSupported:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_SUPPORTED"

    def __bool__(self) -> bool:
        return False


#: An answer to a *first result wins* hook meaning "not supported here": the backends
#: this one extends are not asked, and the call goes on as if no backend had an answer
#: (``mastodon_datetime_to_id``: datetimes are refused; ``mastodon_endpoint_available``
#: and ``mastodon_route``: the call is refused).
NOT_SUPPORTED = NotSupported()

class BackendMatch(Record, frozen=True):
    """A detection verdict: this backend fits the server, with a score and a reason.

    The highest score wins; scores of 100 and more mean "certain" (nodeinfo names the
    software), around 50 "likely" (instance fields), around 10 "a guess" (version string).
    """

    backend: str
    score: int
    reason: str


class Route(Record, frozen=True):
    """An HTTP method and path template (``{name}`` fields are filled from parameters)."""

    method: str
    path: str


class CallInfo:
    """One API call as the per-call hooks see it: their ``call`` argument.

    ``endpoint`` is what was called and ``arguments`` what the caller passed (by parameter
    name, before encoding). ``params`` and ``extensions`` are the encoded parameters, the
    same dicts ``mastodon_prepare_params`` receives. ``route`` is the route the call is
    sent on, ``None`` until it is routed. ``state`` is the backend's own: what one hook
    leaves there for a later hook of the same call (a filter to apply to the answer...).
    A streaming event comes with a ``CallInfo`` holding only its pseudo-endpoint.
    """

    __slots__ = ("arguments", "endpoint", "extensions", "params", "route", "state")

    def __init__(
        self,
        endpoint: Endpoint,
        arguments: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        extensions: dict[str, Any] | None = None,
        route: Route | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.arguments: dict[str, Any] = arguments if arguments is not None else {}
        self.params: dict[str, Any] = params if params is not None else {}
        self.extensions: dict[str, Any] = extensions if extensions is not None else {}
        self.route = route
        self.state: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"CallInfo({self.endpoint.name!r}, arguments={self.arguments!r}, route={self.route!r})"


class ServerContext(Record):
    """What the client knows about the server it talks to; passed to every per-call hook."""

    api_base_url: str
    backend: str = "mainline"
    feature_set: str = "mainline"
    version: ServerVersion | None = None
    version_check_mode: str = "created"
    nodeinfo: dict[str, Any] | None = None
    instance: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def mastodon_version(self) -> tuple[int, int, int] | None:
        return self.version.mastodon if self.version else None


class ErrorDetails(Record, frozen=True):
    """What a backend read from an error response. Returned by ``mastodon_error_message``.

    ``message`` is the readable error text. ``as_status`` picks the exception class by
    another HTTP status than the one the server sent, for servers that answer e.g. a bad
    access token with 400 instead of 401; the exception still reports the real status in
    ``status_code``.
    """

    message: str | None = None
    as_status: int | None = None


class DecodeOptions(Record, frozen=True):
    """How responses are decoded for a backend. ``convert_ids``: digit-string ids to int."""

    convert_ids: bool = True


__all__ = [
    "NOT_SUPPORTED",
    "NotSupported",
    "Unsupported",
    "BackendInfo",
    "BackendMatch",
    "CallInfo",
    "Route",
    "ServerContext",
    "DecodeOptions",
    "ErrorDetails",
    "StreamingTransport",
    "ServerVersion",
]
