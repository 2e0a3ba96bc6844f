"""The request pipeline every API call goes through.

gate -> encode parameters -> backend parameter hooks -> route -> transport -> decode ->
pagination -> backend normalisation -> typing (entity classes, after the backend has
settled the shapes). Nothing here knows about any particular server.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import requests

from .backend_types import NOT_SUPPORTED, BackendInfo, CallInfo, DecodeOptions, Route, ServerContext
from .decode import decode_response
from .endpoints.model import Endpoint
from .entities import AttribAccessDict, AttribAccessList
from .errors import (
    MastodonAPIError,
    MastodonBackendFeatureError,
    MastodonError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
)
from .pagination import attach_pagination
from .params import NUMERIC_BOOLEANS, encode_arguments, path_value
from .transport import Transport, api_error, error_body, scrub
from .versions import VersionTuple, format_version, parse_version_tuple

if TYPE_CHECKING:
    from .plugins import Hooks


#: What a backend's normalisation raises when a value has an unexpected type or shape.
_SHAPE_ERRORS = (TypeError, KeyError, AttributeError, ValueError, IndexError, RecursionError)


@lru_cache(maxsize=512)
def _version(text: str) -> VersionTuple:
    return parse_version_tuple(text)


@lru_cache(maxsize=1024)
def _own_route(method: str, path: str) -> Route:
    """An endpoint's own route (one object per route, not one per call)."""
    return Route(method, path)


def _json_booleans(params: dict[str, Any], names: set[str], words: tuple[str, str]) -> None:
    """Booleans given by the caller become JSON ``true``/``false`` again (in place)."""
    for name in names:
        value = params.get(name)
        if value == words[0]:
            params[name] = True
        elif value == words[1]:
            params[name] = False


class RequestPipeline:
    """Turns (endpoint, arguments) into a decoded, normalised result."""

    def __init__(self, ctx: ServerContext, hooks: Hooks, transport: Transport) -> None:
        self.ctx = ctx
        self.transport = transport
        #: Called before a call while the client has still to learn the server's backend
        #: or version (construction leaves that to the first call); ``None`` afterwards.
        self.learn: Callable[[], None] | None = None
        self.set_hooks(hooks)

    def set_hooks(self, hooks: Hooks) -> None:
        """Switch to another backend's hooks (after detection or a feature_set change)."""
        self.hooks = hooks
        self.decode_options: DecodeOptions = hooks.decode_options(self.ctx)
        infos = hooks.registry.chain_infos(self.ctx.backend)
        #: How the active backend wants booleans and request bodies written.
        self.body_info: BackendInfo | None = infos[0] if infos else None
        # Loaded with the first client, not with the package: ``import mastodon`` stays light.
        from .entity_types import type_result

        self.type_result = type_result

    def headers(self, call: CallInfo, auth: bool = True, token: str | None = None) -> dict[str, str]:
        """The headers of one request for ``call``: the client's (:meth:`Transport.headers`) and the backend's.

        Streaming connections are opened with these too.
        """
        headers = self.transport.headers(auth, token)
        self.hooks.request_headers(self.ctx, headers, call)
        return headers

    def api_error(self, response: requests.Response, call: CallInfo, secrets: list[str]) -> MastodonAPIError:
        """The exception for an error response to ``call``, ``secrets`` masked in its text.

        The core reads JSON error bodies; the backend (``mastodon_error_message``) reads
        the others, before an HTML page's heading or the start of the text stands in.
        """
        body, message = error_body(response)
        if message is None:
            message = self.hooks.error_message(self.ctx, response, call)
        error = api_error(response, body, message)
        error.args = scrub(error.args, secrets)  # servers may echo the token or password
        return error

    # -- gate ----------------------------------------------------------------------------

    def check_gate(self, endpoint: Endpoint, arguments: dict[str, Any] | None = None) -> None:
        """Raise :class:`MastodonVersionError` if the server cannot serve this call."""
        if self.learn is not None:
            self.learn()
        ctx = self.ctx
        verdict = self.hooks.endpoint_available(ctx, endpoint)
        if verdict is True:
            return
        if verdict is False or isinstance(verdict, str):
            raise MastodonBackendFeatureError(endpoint.name, ctx.backend, verdict or "")
        mode = ctx.version_check_mode
        if mode == "none" or ctx.version is None or not ctx.version.gates:
            return
        have = ctx.version.mastodon
        need = endpoint.added if mode == "created" else endpoint.last_changed
        if _version(need) > have:
            raise MastodonVersionError(
                f"Version check failed (Need Mastodon instance version {need} or greater for "
                f"{endpoint.name}, have {format_version(have)}){self._gate_note()}"
            )
        if arguments:
            for param in endpoint.params:
                if (
                    param.added
                    and arguments.get(param.name) is not None
                    and _version(param.added) > have
                    and f"{endpoint.name}.{param.name}" not in self.hooks.params_beyond_version
                ):
                    raise MastodonVersionError(
                        f"Version check failed (Need Mastodon instance version {param.added} or greater "
                        f"for parameter {param.name!r} of {endpoint.name}, have {format_version(have)})"
                        f"{self._gate_note()}"
                    )

    def _gate_note(self) -> str:
        """The backend's note on its version gate, as the end of a refusal (or nothing)."""
        note = self.hooks.version_gate_note
        return f": {note}" if note else ""

    def check_features(self, endpoint: Endpoint, arguments: dict[str, Any]) -> None:
        """Raise :class:`MastodonBackendFeatureError` for a server-extra parameter the backend lacks."""
        for param in endpoint.params:
            if param.feature and arguments.get(param.name) is not None:
                registry = self.hooks.registry
                backend = self.ctx.backend
                if not any(param.feature in info.features for info in registry.chain_infos(backend)):
                    offered = sorted(n for n, info in registry.backends.items() if param.feature in info.features)
                    detail = f"parameter {param.name!r} needs {param.feature!r}" + (f", offered by: {', '.join(offered)}" if offered else "")
                    raise MastodonBackendFeatureError(f"{endpoint.name}({param.name}=...)", backend, detail)

    def datetime_to_id(self, value: datetime) -> Any:
        result = self.hooks.datetime_to_id(self.ctx, value)
        if result is None:
            raise MastodonIllegalArgumentError(
                f"Datetimes cannot be used as ids on the '{self.ctx.backend}' backend"
            )
        return result

    # -- call ----------------------------------------------------------------------------

    def call(
        self,
        endpoint: Endpoint,
        arguments: dict[str, Any] | Iterable[tuple[str, Any]] = (),
        *,
        files: dict[str, Any] | None = None,
        auth: bool = True,
        base_url: str | None = None,
        raw: bool = False,
        headers: dict[str, str] | None = None,
        token: str | None = None,
        ratelimit: bool = True,
    ) -> Any:
        """Run one call.

        ``files`` adds prepared multipart files, ``headers`` extra request headers,
        ``token`` overrides the access token; ``raw`` returns the HTTP response itself.
        """
        args = arguments if isinstance(arguments, dict) else dict(arguments)
        self.check_gate(endpoint, args)
        self.check_features(endpoint, args)
        body_info = self.body_info
        booleans = body_info.boolean_words if body_info is not None else NUMERIC_BOOLEANS
        call = encode_arguments(endpoint, args, self.datetime_to_id, booleans)
        if files:
            call.files.update(files)
        info = CallInfo(endpoint, args, call.params, call.extensions)
        self.hooks.prepare_params(self.ctx, endpoint, call.params, call.extensions, info)
        route = self.hooks.route(self.ctx, endpoint, call.params, info)
        if route is None or route is NOT_SUPPORTED:
            if route is NOT_SUPPORTED or not endpoint.mainline:
                raise MastodonBackendFeatureError(endpoint.name, self.ctx.backend)
            method, template = endpoint.method, endpoint.path
            info.route = _own_route(method, template)
        else:
            method, template = route.method, route.path  # type: ignore[union-attr]
            info.route = route  # type: ignore[assignment]
        path = self._fill_path(endpoint, template, call.path_values, call.params)
        params = call.params
        use_json = endpoint.body == "json" or any(
            p.kind == "json" and p.wire_name in params for p in endpoint.params
        )
        if body_info is not None and method != "GET" and not call.files:
            if not use_json:
                use_json = body_info.json_bodies or (endpoint.method, endpoint.path) in body_info.json_routes
            if use_json and body_info.json_booleans and call.booleans:
                _json_booleans(params, call.booleans, booleans)
        if use_json and not call.files:
            # A JSON body carries lists as arrays: ``media_ids``, not the form's ``media_ids[]``.
            params = {k[:-2] if k.endswith("[]") else k: v for k, v in params.items()}
        response = self.send(
            method, path, params, info, files=call.files or None, use_json=use_json, auth=auth,
            base_url=base_url, headers=headers, token=token, ratelimit=ratelimit,
        )
        if raw:
            return response
        return self.process(endpoint, method, path, params, response, info)

    @staticmethod
    def _fill_path(endpoint: Endpoint, template: str, values: dict[str, str], params: dict[str, Any]) -> str:
        """``template`` with its fields filled; a field only a backend's route names is taken from ``params``."""
        if "{" not in template:
            return template
        fields = dict(values)
        while True:
            try:
                return template.format_map(fields)
            except KeyError as exc:
                name = exc.args[0]
                if name not in params:
                    raise MastodonIllegalArgumentError(f"{endpoint.name}: missing required argument {name!r}") from None
                fields[name] = path_value(params.pop(name))

    def send(
        self,
        method: str,
        path: str,
        params: dict[str, Any],
        call: CallInfo,
        *,
        files: dict[str, Any] | None = None,
        use_json: bool = False,
        auth: bool = True,
        base_url: str | None = None,
        headers: dict[str, str] | None = None,
        token: str | None = None,
        ratelimit: bool = True,
    ) -> requests.Response:
        """Send one request for ``call`` and return the successful response, or raise.

        ``headers`` are added to :meth:`headers`; an error status raises :meth:`api_error`.
        """
        transport = self.transport
        sent = self.headers(call, auth, token)
        if headers:
            sent.update(headers)
        if method == "GET":
            response = transport.request(method, path, sent, params=params, base_url=base_url, ratelimit=ratelimit)
        elif use_json and not files:
            response = transport.request(method, path, sent, json_body=params, base_url=base_url, ratelimit=ratelimit)
        else:
            response = transport.request(method, path, sent, data=params, files=files, base_url=base_url, ratelimit=ratelimit)
        if response.status_code >= 400:
            raise self.api_error(response, call, transport.secrets(sent, params))
        return response

    def process(
        self, endpoint: Endpoint, method: str, path: str, params: dict[str, Any], response: requests.Response, call: CallInfo | None = None
    ) -> Any:
        """Decode a response, attach pagination, let the backend normalise it."""
        result = self.decode(response)
        if isinstance(result, list):
            attach_pagination(
                result,
                response.headers.get("Link"),
                method,
                path,
                params,
                endpoint.name,
                self.decode_options.convert_ids,
            )
        result = self.type_result(self.normalize(endpoint, result, call), endpoint)
        refresh = response.headers.get("Mastodon-Async-Refresh")
        if refresh is not None and isinstance(result, (AttribAccessDict, AttribAccessList)):
            result.__dict__["_async_refresh"] = refresh  # background work announced: see get_async_refresh_info()
        return result

    def normalize(self, endpoint: Endpoint, result: Any, call: CallInfo | None = None) -> Any:
        """The backend's normalisation of ``result`` (or its replacement for it).

        A backend tripping over an odd value the server sent (``TypeError``, ``KeyError``
        ...) never fails the call: a ``RuntimeWarning`` names the backend and the endpoint,
        and ``result`` comes back as decoded. Library errors a backend raises on purpose
        pass through.
        """
        try:
            replacement = self.hooks.normalize_response(self.ctx, endpoint, result, call)
        except MastodonError:
            raise
        except _SHAPE_ERRORS as exc:
            warnings.warn(
                f"The {self.ctx.backend!r} backend could not normalise the answer to {endpoint.name} "
                f"({type(exc).__name__}: {exc}); it is returned as the server sent it",
                RuntimeWarning,
                stacklevel=2,
            )
            return result
        return result if replacement is None else replacement

    def decode(self, response: requests.Response) -> Any:
        """The response's JSON body, decoded as the backend asks."""
        return decode_response(response, self.decode_options.convert_ids)


__all__ = ["RequestPipeline"]
