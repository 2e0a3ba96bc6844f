"""Hook specifications: every way a backend plugin can change how the client behaves.

A backend is any object or module with functions named like the hooks below, decorated
with :data:`hookimpl`. Per-call hooks (those taking ``ctx``) run only for the active
backend (and the backends it ``extends``) plus plugins that are not backends at all;
discovery hooks (``mastodon_backend_info``, ``mastodon_detect_backend``,
``mastodon_parse_version``, ``mastodon_extra_endpoints``) run for every installed plugin.

Per-call hooks are asked in backend chain order, whatever the order plugins were
registered in: plugins that are not backends first, then the active backend, then the
backend it extends, and so on. Hooks marked *first result wins* stop at the first
implementation that returns something other than ``None``; return
:data:`~mastodon.plugin.NOT_SUPPORTED` to stop there and answer "not supported here" (the
backends this one extends are not asked). Set the environment variable
``MASTODON_TRACE_HOOKS=1`` to see on standard error which plugin answered each per-call hook.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import requests

    from .backend_types import BackendInfo, BackendMatch, CallInfo, DecodeOptions, ErrorDetails, Route, ServerContext
    from .endpoints.model import Endpoint
    from .versions import ServerVersion

PROJECT_NAME = "mastodon"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Marker for hook implementations in backend plugins: ``@hookimpl def mastodon_...``.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# ---------------------------------------------------------------------------------------
# Discovery: asked of every installed plugin.
# ---------------------------------------------------------------------------------------


@hookspec
def mastodon_backend_info() -> BackendInfo | None:
    """Declare that this plugin is a backend, and name it.

    Called once per plugin when the plugin manager is built. A plugin that returns
    ``None`` (or does not implement the hook) is not a backend: its per-call hooks then
    apply to every client, whatever backend is active.
    """


@hookspec
def mastodon_detect_backend(
    nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None
) -> BackendMatch | None:
    """Say whether the server described by ``nodeinfo``/``instance`` runs this backend.

    Called for ``feature_set="auto"`` with the decoded nodeinfo document and the
    ``/api/v1/instance`` (or v2) document; either may be ``None`` when the server did not
    serve it. Return a :class:`BackendMatch` or ``None``. Every answer is collected and
    the highest score wins.
    """


@hookspec(firstresult=True)
def mastodon_parse_version(version_string: str, backend: str | None) -> ServerVersion | None:
    """Parse a server's ``instance.version`` string into a :class:`ServerVersion`.

    Return ``None`` when the string is not of this backend's form. First result wins;
    the active backend is asked before the others. ``backend`` names the client's active
    backend (``None`` outside a client): a server whose version string has no form of its
    own (a bare ``0.10.0``) can be claimed only when its backend is the active one. Must
    never raise.
    """


@hookspec
def mastodon_extra_endpoints() -> Sequence[Endpoint] | None:
    """Contribute endpoints the core does not declare (server-specific calls).

    The endpoints become callable through ``Mastodon.call_endpoint(name, ...)`` and show up
    in the documentation and the compatibility matrix. Results are aggregated.
    """


# ---------------------------------------------------------------------------------------
# Per call: asked of the active backend chain (and non-backend plugins).
# ---------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def mastodon_endpoint_available(ctx: ServerContext, endpoint: Endpoint) -> bool | str | None:
    """Gate: decide whether ``endpoint`` can be called on this server.

    Return ``True`` to allow it (skipping the core's Mastodon-version check), ``False`` or
    a reason string to refuse it (the call raises :class:`MastodonBackendFeatureError`, a
    :class:`MastodonVersionError` carrying the reason, before any request is sent), or
    ``None`` to leave the decision to the core's version gate. First result wins.
    """


@hookspec
def mastodon_prepare_params(
    ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any], call: CallInfo
) -> None:
    """Adjust or validate the outgoing parameters of a call, in place.

    ``params`` holds what will be sent, already encoded by the core (wire names, ids
    unpacked, booleans as ``"1"``/``"0"``). ``extensions`` holds the parameters mainline
    does not know (``content_type``, ``quote_id``...), encoded the same way; move the ones
    this server understands into ``params`` - the rest are dropped. Raise
    :class:`MastodonIllegalArgumentError` for values this server would reject. Every
    implementation runs. ``call`` (a :class:`CallInfo`) is the whole call, shared by its
    per-call hooks: the caller's ``arguments``, and ``state`` to leave something for a
    later hook (``mastodon_normalize_response``) of the same call.
    """


@hookspec(firstresult=True)
def mastodon_route(ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], call: CallInfo) -> Route | None:
    """Override the HTTP method and path of a call. First result wins.

    Endpoints with ``mainline=False`` have no usable route of their own: a backend that
    supports them must answer here. ``params`` may be changed in place (e.g. to move a
    value into the path).
    """


@hookspec
def mastodon_request_headers(ctx: ServerContext, headers: dict[str, str], call: CallInfo) -> None:
    """Add or change HTTP headers sent with every request, in place.

    ``call`` is the request's :class:`CallInfo` (its ``route`` is set for API calls).
    Requests the client makes on its own (server detection, nodeinfo, the next page of a
    list) and streaming connections are asked too, with the endpoint they serve.
    Every implementation runs.
    """


@hookspec(firstresult=True)
def mastodon_error_message(ctx: ServerContext, response: requests.Response, call: CallInfo) -> str | ErrorDetails | None:
    """Extract a readable error message from an error response the core cannot read.

    Called only when the body is not JSON with an ``error`` field (e.g. an HTML page);
    ``call`` is the :class:`CallInfo` of the call answered. Return the message, or an
    :class:`ErrorDetails` to also choose the exception class by another HTTP status
    (``ErrorDetails("Invalid access token", as_status=401)`` raises
    :class:`MastodonUnauthorizedError` for a 400 answer). First result wins.
    """


@hookspec(firstresult=True)
def mastodon_decode_options(ctx: ServerContext) -> DecodeOptions | None:
    """Choose how responses are decoded for this server (e.g. keep string ids).

    Called when a client selects its backend. Return a :class:`DecodeOptions`; first
    result wins.
    """


@hookspec
def mastodon_normalize_response(ctx: ServerContext, endpoint: Endpoint, result: Any, call: CallInfo) -> Any:
    """Reshape a decoded response in place into what users of the mainline API expect.

    ``result`` is the decoded attribute dict or list; keep the server's extras. Called
    after decoding, for REST responses and streaming payloads alike (streaming passes a
    pseudo-endpoint named ``stream:<event>``). Every implementation runs. ``call`` is the
    call answered (its arguments, extensions, route and state; a streaming event's holds
    only its pseudo-endpoint).

    Return ``None`` (the usual case). When the shape must change type (a backend that
    answers a list call from a single object, e.g. reading a status to list its
    reactions), return the replacement value: the first non-``None`` return (active
    backend first) replaces ``result``.
    """


@hookspec(firstresult=True)
def mastodon_datetime_to_id(ctx: ServerContext, value: datetime) -> int | str | None:
    """Turn a datetime given where a pagination id is expected into an id.

    Mainline answers with a snowflake id. When no backend answers, passing a datetime
    raises :class:`MastodonIllegalArgumentError`. First result wins.
    """


@hookspec(firstresult=True)
def mastodon_streaming_transport(ctx: ServerContext, stream: str) -> str | None:
    """Choose the streaming transport for ``stream`` (``"user"``, ``"public:local"``...).

    Return ``"sse"`` (server-sent events, mainline) or ``"websocket"``. First result wins.
    """


__all__ = [
    "PROJECT_NAME",
    "hookspec",
    "hookimpl",
    "mastodon_backend_info",
    "mastodon_detect_backend",
    "mastodon_parse_version",
    "mastodon_extra_endpoints",
    "mastodon_endpoint_available",
    "mastodon_prepare_params",
    "mastodon_route",
    "mastodon_request_headers",
    "mastodon_error_message",
    "mastodon_decode_options",
    "mastodon_normalize_response",
    "mastodon_datetime_to_id",
    "mastodon_streaming_transport",
]
