"""A small backend for "Examplesoft", a fictional server, built in the plugin author's guide.

Examplesoft speaks the Mastodon client API with a few differences:

- its version string is ``examplesoft/1.4.0``, compatible with Mastodon 4.0;
- ids are opaque strings;
- it has no admin API, and instance rules only from 1.2.0 on;
- a local-only post is a public post with ``local_only=1``;
- its health check lives at ``/healthz``;
- it leaves ``emojis`` out of statuses that have none;
- streaming is WebSocket only.
"""

from __future__ import annotations

import re
from typing import Any

from mastodon.plugin import (
    BackendInfo,
    BackendMatch,
    DecodeOptions,
    Endpoint,
    Route,
    ServerContext,
    ServerVersion,
    hookimpl,
)

NAME = "examplesoft"
MASTODON_COMPAT = (4, 0, 0)
_VERSION = re.compile(r"^examplesoft/(\d+)\.(\d+)(?:\.(\d+))?$")


# Step 1: declare the backend -----------------------------------------------------------


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(NAME, "Examplesoft (a fictional server)", features=frozenset({"local_only"}), visibilities=("local",))


# Step 2: recognise the server ----------------------------------------------------------


@hookimpl
def mastodon_parse_version(version_string: str) -> ServerVersion | None:
    match = _VERSION.match(version_string.strip())
    if match is None:
        return None
    own = (int(match[1]), int(match[2]), int(match[3] or 0))
    return ServerVersion(mastodon=MASTODON_COMPAT, software=NAME, software_version=own, raw=version_string)


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = ((nodeinfo or {}).get("software") or {}).get("name")
    if software == NAME:
        return BackendMatch(NAME, 100, "nodeinfo software.name is 'examplesoft'")
    version = (instance or {}).get("version")
    if isinstance(version, str) and mastodon_parse_version(version) is not None:
        return BackendMatch(NAME, 10, f"version string {version!r}")
    return None


# Step 3: gate what the server cannot do ------------------------------------------------


@hookimpl
def mastodon_endpoint_available(ctx: ServerContext, endpoint: Endpoint) -> bool | str | None:
    if endpoint.name.startswith("admin_"):
        return "Examplesoft has no admin API"
    if endpoint.name == "instance_rules":
        own = ctx.version.software_version if ctx.version else None
        if own is not None and own < (1, 2, 0):
            return "instance rules arrived in Examplesoft 1.2.0"
    return None  # everything else: the core's Mastodon-version gate decides


# Step 4: parameters and routes ---------------------------------------------------------


@hookimpl
def mastodon_prepare_params(ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]) -> None:
    if endpoint.name == "status_post" and params.get("visibility") == "local":
        params["visibility"] = "public"
        params["local_only"] = "1"


@hookimpl
def mastodon_route(ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any]) -> Route | None:
    if endpoint.name == "instance_health":
        return Route("GET", "/healthz")
    return None


# Step 5: responses and streaming -------------------------------------------------------


@hookimpl
def mastodon_decode_options(ctx: ServerContext) -> DecodeOptions:
    return DecodeOptions(convert_ids=False)


@hookimpl
def mastodon_normalize_response(ctx: ServerContext, endpoint: Endpoint, result: Any) -> None:
    if endpoint.returns not in ("Status", "[Status]"):
        return
    for status in result if isinstance(result, list) else [result]:
        if isinstance(status, dict) and "emojis" not in status:
            status["emojis"] = []


@hookimpl
def mastodon_streaming_transport(ctx: ServerContext, stream: str) -> str:
    return "websocket"
