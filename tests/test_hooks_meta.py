"""Every hook is documented and exercised; backends use only the public plugin surface.

Each hook has a ``test_hook_<name>`` below that drives it through the real client with a
small inline plugin (registered through :func:`mastodon.plugins.register_plugin` on a
registry holding only the built-in backends, and removed afterwards).
"""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from support.mock_http import documented

from mastodon import (
    AttribAccessList,
    MastodonBackendFeatureError,
    MastodonUnauthorizedError,
    MastodonVersionError,
    hookspecs,
)
from mastodon.plugin import (
    BackendInfo,
    BackendMatch,
    DecodeOptions,
    Endpoint,
    ErrorDetails,
    Param,
    Route,
    ServerVersion,
    hookimpl,
)
from mastodon.plugins import BackendRegistry, make_plugin_manager, register_plugin, unregister_plugin

HOOKS = sorted(name for name, value in vars(hookspecs).items() if name.startswith("mastodon_") and callable(value))
BACKENDS = Path(__file__).resolve().parent.parent / "backends" / "mastodon_backends"


@pytest.fixture
def registry(monkeypatch) -> BackendRegistry:
    fresh = BackendRegistry(make_plugin_manager(load_entry_points=False))
    monkeypatch.setattr("mastodon.plugins._registry", fresh)
    return fresh


@pytest.fixture
def plugged(registry) -> Iterator[Any]:
    """``plugged(plugin)`` registers an inline plugin for the rest of the test."""
    added: list[object] = []

    def plug(plugin: object) -> object:
        register_plugin(plugin, name=f"inline-{len(added)}")
        added.append(plugin)
        return plugin

    yield plug
    for plugin in added:
        unregister_plugin(plugin)


class Inline:
    """A backend named ``inline`` (extending mainline) whose hooks are set per test."""

    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("inline", "test backend", extends="mainline", feature_sets=("inline-alias",),
                           features=frozenset({"emoji_reactions"}), visibilities=("circle",))


def client(make_api, **kwargs: Any) -> Any:
    kwargs.setdefault("feature_set", "inline")
    return make_api(**kwargs)


# -- meta ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_documented(name):
    spec = getattr(hookspecs, name)
    doc = " ".join((inspect.getdoc(spec) or "").split()).lower()
    assert len(doc) >= 50, f"{name} needs a docstring saying when it runs and what it returns"
    firstresult = spec.mastodon_spec["firstresult"]
    assert ("first result wins" in doc) == firstresult, f"{name}: say whether the first result wins"
    assert inspect.signature(spec).return_annotation is not inspect.Signature.empty


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_has_a_test(name):
    module = sys.modules[__name__]
    assert callable(getattr(module, "test_hook_" + name.removeprefix("mastodon_"), None)), f"no test_hook_ for {name}"


@pytest.mark.parametrize("path", sorted(BACKENDS.glob("*.py")), ids=lambda p: p.name)
def test_builtin_backends_import_only_the_plugin_surface(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            assert node.level == 0, f"{path.name}: relative import"
            if module.split(".")[0] in ("mastodon", "mastodon_backends"):
                assert module == "mastodon.plugin", f"{path.name} imports {module}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] not in ("mastodon", "mastodon_backends"), f"{path.name} imports {alias.name}"


def test_builtin_backends_implement_only_declared_hooks(registry):
    for name in ("mainline", "pleroma", "akkoma", "fedibird"):
        module = sys.modules[f"mastodon_backends.{name}"]
        implemented = {attr for attr in vars(module) if attr.startswith("mastodon_")}
        assert implemented <= set(HOOKS)
        assert "mastodon_backend_info" in implemented


# -- discovery hooks -------------------------------------------------------------------------


def test_hook_backend_info(plugged, make_api, posted):
    plugged(Inline())
    api = client(make_api, feature_set="inline-alias")
    assert api.backend == "inline"
    assert api._registry.chain("inline") == ["inline", "mainline"]
    api.status_post("hi", visibility="circle")  # the declared extra visibility is accepted
    assert dict(posted.last.form)["visibility"] == "circle"
    assert "emoji_reactions" in api._registry.backends["inline"].features


def test_hook_detect_backend(plugged, registry):
    class Detects(Inline):
        @hookimpl
        def mastodon_detect_backend(self, nodeinfo, instance):
            if (instance or {}).get("title") == "inline":
                return BackendMatch("inline", 120, "instance title")
            return None

    plugged(Detects())
    instance = dict(documented("Instance", "pleroma"), title="inline")
    assert [(m.backend, m.score) for m in registry.detect(None, instance)] == [("inline", 120), ("pleroma", 50)]
    assert registry.detect(None, documented("Instance", "pleroma"))[0].backend == "pleroma"


def test_hook_parse_version(plugged, make_api, recwarn):
    class Parses:
        @hookimpl
        def mastodon_parse_version(self, version_string):
            if version_string.startswith("inlinesoft "):
                return ServerVersion(mastodon=(4, 1, 0), software="inlinesoft", software_version=(7, 0, 0), raw=version_string)
            return None

    class Broken:
        @hookimpl(trylast=True)
        def mastodon_parse_version(self, version_string):
            raise RuntimeError("parser bug")

    plugged(Parses())
    api = make_api(version="inlinesoft 7")
    assert (api.mastodon_version, api.server_version.software) == ("4.1.0", "inlinesoft")
    plugged(Broken())
    odd = make_api(version="8.1.2 (compatible; Other 1.0)")  # a plugin bug never breaks connecting
    assert (odd.mastodon_version, odd.server_version.software) == ("8.1.2", "other")
    assert any("parser bug" in str(w.message) for w in recwarn)


def test_hook_extra_endpoints(plugged, make_api, mock_http):
    ping = Endpoint("inline_ping", "GET", "/api/v1/inline/{id}/ping", (Param("loud"),), returns="dict", section="Server extras: inline")

    class Contributes:
        @hookimpl
        def mastodon_extra_endpoints(self):
            return [ping]

    plugged(Contributes())
    api = make_api()
    assert api.endpoints()["inline_ping"] is ping
    mock_http.add("GET", "/api/v1/inline/5/ping", {"pong": True})
    assert api.call_endpoint("inline_ping", id=5, loud=True) == {"pong": True}
    assert (mock_http.last.path, mock_http.last.query) == ("/api/v1/inline/5/ping", [("loud", "1")])


# -- per-call hooks --------------------------------------------------------------------------


@pytest.fixture
def posted(mock_http):
    mock_http.add("POST", "/api/v1/statuses", documented("Status"))
    return mock_http


def test_hook_endpoint_available(plugged, make_api, mock_http):
    class Gates(Inline):
        @hookimpl
        def mastodon_endpoint_available(self, ctx, endpoint):
            if endpoint.name == "status":
                return "statuses are private here"
            if endpoint.name == "instance_v2":
                return True
            if endpoint.name == "status_card":
                return False
            return None

    plugged(Gates())
    api = client(make_api, version="1.0.0")
    with pytest.raises(MastodonBackendFeatureError, match="statuses are private here"):
        api.status(1)
    with pytest.raises(MastodonVersionError, match="'inline' backend"):
        api._pipeline.check_gate(api.endpoints()["status_card"])
    mock_http.add("GET", "/api/v2/instance", {"domain": "x"})
    assert api.instance_v2().domain == "x"  # True skips the core's Mastodon-version gate
    with pytest.raises(MastodonVersionError, match=r"2\.1\.0"):
        api.status_pin(1)  # None leaves it to the core
    assert [s.path for s in mock_http.sent] == ["/api/v2/instance"]


def test_hook_prepare_params(plugged, make_api, posted):
    class Prepares:
        @hookimpl
        def mastodon_prepare_params(self, ctx, endpoint, params, extensions):
            if endpoint.name == "status_post":
                params["client_tag"] = ctx.backend
                if "content_type" in extensions:
                    params["content_type"] = extensions.pop("content_type")

    plugged(Prepares())
    make_api().status_post("hi", content_type="text/markdown")
    assert dict(posted.last.form) == {"status": "hi", "client_tag": "mainline", "content_type": "text/markdown"}


def test_hook_route(plugged, make_api, mock_http):
    class Routes(Inline):
        @hookimpl
        def mastodon_route(self, ctx, endpoint, params):
            if endpoint.name == "status_emoji_reaction_create":
                return Route("POST", "/api/v1/statuses/{id}/react/{emoji}")
            return None

    plugged(Routes())
    mock_http.add("POST", "/api/v1/statuses/7/react/%E2%AD%90", documented("Status"))
    client(make_api).status_emoji_reaction_create(7, "⭐")
    assert (mock_http.last.method, mock_http.last.path) == ("POST", "/api/v1/statuses/7/react/%E2%AD%90")
    with pytest.raises(MastodonBackendFeatureError, match=r"status_emoji_reaction_delete.*'inline'"):
        client(make_api).status_emoji_reaction_delete(7, "⭐")  # no route: refused before a request


def test_hook_request_headers(plugged, make_api, mock_http):
    class Headers:
        @hookimpl
        def mastodon_request_headers(self, ctx, headers):
            headers["X-Inline"] = ctx.backend

    plugged(Headers())
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    make_api().instance_v1()
    assert mock_http.last.headers["X-Inline"] == "mainline"


def test_hook_request_headers_gets_the_call(plugged, make_api, mock_http):
    seen: list[Any] = []

    class Headers:
        @hookimpl
        def mastodon_request_headers(self, ctx, headers, call):
            seen.append(call)
            headers["X-Endpoint"] = call.endpoint.name
            headers["X-Route"] = call.route.path if call.route else ""

    plugged(Headers())
    mock_http.add("GET", "/api/v1/statuses/5", documented("Status"))
    make_api().status(5)
    assert mock_http.last.headers["X-Endpoint"] == "status"
    assert mock_http.last.headers["X-Route"] == "/api/v1/statuses/{id}"  # routed before the headers are asked
    assert seen[-1].arguments == {"id": 5}
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    make_api().get_approx_server_time()  # a request no API method makes: its endpoint all the same
    assert mock_http.last.headers["X-Endpoint"] == "instance"


def test_hook_request_headers_reach_detection_and_pages(plugged, make_api, mock_http):
    class Headers:
        @hookimpl
        def mastodon_request_headers(self, headers, call):
            headers["X-Endpoint"] = call.endpoint.name

    plugged(Headers())
    mock_http.add("GET", "/.well-known/nodeinfo", {"links": []})
    mock_http.add("GET", "/api/v1/instance", documented("Instance"))
    mock_http.add("GET", "/api/v1/timelines/home", [{"id": "9"}], headers={"Link": '<https://mastodon.example/api/v1/timelines/home?max_id=9>; rel="next"'})
    api = make_api(feature_set="auto")
    api.detect_backend()
    sent = {(r.path, r.headers.get("X-Endpoint")) for r in mock_http.sent}
    assert ("/.well-known/nodeinfo", "instance_nodeinfo") in sent and ("/api/v1/instance", "instance") in sent
    page = api.timeline_home()
    mock_http.add("GET", "/api/v1/timelines/home", [])
    api.fetch_next(page)
    assert (dict(mock_http.last.query).get("max_id"), mock_http.last.headers["X-Endpoint"]) == ("9", "timeline_home")


def test_hook_error_message(plugged, make_api, mock_http):
    class Errors(Inline):
        @hookimpl
        def mastodon_error_message(self, ctx, response):
            if b"<h1>" in response.content:
                text = response.content.decode().split("<h1>")[1].split("</h1>")[0]
                return ErrorDetails(text, as_status=401) if "token" in text else text
            return None

    plugged(Errors())
    api = client(make_api)
    mock_http.add("GET", "/api/v1/statuses/1", "<html><h1>Bad token</h1></html>", status=400)
    with pytest.raises(MastodonUnauthorizedError) as caught:
        api.status(1)
    assert caught.value.status_code == 400
    assert caught.value.error_message == "Bad token"
    mock_http.add("GET", "/api/v1/statuses/2", "<html><h1>Gone fishing</h1></html>", status=404)
    with pytest.raises(Exception, match="Gone fishing"):
        api.status(2)


def test_hook_error_message_gets_the_call(plugged, make_api, mock_http):
    class Errors(Inline):
        @hookimpl
        def mastodon_error_message(self, response, call):
            return f"{call.endpoint.name} {call.route.method} {call.arguments} -> {response.status_code}"

    plugged(Errors())
    mock_http.add("POST", "/api/v1/statuses/3/favourite", "teapot", status=418)
    with pytest.raises(Exception) as caught:
        client(make_api).status_favourite(3)
    assert caught.value.error_message == "status_favourite POST {'id': 3} -> 418"


def test_transport_calls_nothing_back():
    """The transport sends what it is given: no hook is stored on it to call back into the client."""
    from mastodon.transport import Transport

    transport = Transport("https://mastodon.example")
    assert not any(name.endswith("_hook") for name in vars(transport))
    assert transport.headers() == {}


def test_hook_decode_options(plugged, make_api, mock_http):
    class Decodes(Inline):
        @hookimpl
        def mastodon_decode_options(self, ctx):
            return DecodeOptions(convert_ids=False)

    plugged(Decodes())
    mock_http.add("GET", "/api/v1/statuses/1", documented("Status"))
    assert isinstance(client(make_api).status(1).id, str)
    assert isinstance(make_api().status(1).id, int)  # other backends keep converting


def test_hook_normalize_response(plugged, make_api, mock_http):
    class Normalizes(Inline):
        @hookimpl
        def mastodon_normalize_response(self, ctx, endpoint, result):
            if endpoint.name == "status":
                result["seen_by"] = ctx.backend
                return None
            if endpoint.name == "status_emoji_reactions":
                return AttribAccessList(result["reactions"])  # a replacement of another type
            return None

        @hookimpl
        def mastodon_route(self, ctx, endpoint, params):
            if endpoint.name == "status_emoji_reactions":
                return Route("GET", "/api/v1/statuses/{id}/with_reactions")
            return None

    plugged(Normalizes())
    api = client(make_api)
    mock_http.add("GET", "/api/v1/statuses/1", documented("Status"))
    assert api.status(1).seen_by == "inline"
    mock_http.add("GET", "/api/v1/statuses/1/with_reactions", {"reactions": [{"name": "⭐", "count": 1}]})
    assert api.status_emoji_reactions(1) == [{"name": "⭐", "count": 1}]


def test_hook_datetime_to_id(plugged, make_api, mock_http, registry):
    class Dates(Inline):
        @hookimpl
        def mastodon_datetime_to_id(self, ctx, value):
            return f"t{int(value.timestamp())}"

    plugged(Dates())
    mock_http.add("GET", "/api/v1/timelines/home", [])
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    client(make_api).timeline_home(max_id=moment)
    assert mock_http.last.query == [("max_id", f"t{int(moment.timestamp())}")]
    make_api().timeline_home(max_id=moment)  # mainline: snowflake ids
    assert mock_http.last.query == [("max_id", str(int(moment.timestamp() * 1000) << 16))]


def test_hook_streaming_transport(plugged, make_api, registry):
    class Streams(Inline):
        @hookimpl
        def mastodon_streaming_transport(self, ctx, stream):
            return "websocket" if stream.startswith("public") else None

    plugged(Streams())
    api = client(make_api)
    hooks = api._pipeline.hooks
    assert hooks.streaming_transport(api.server_context, "public:local") == "websocket"
    assert hooks.streaming_transport(api.server_context, "user") == "sse"  # falls through to mainline
    pleroma = make_api(version="2.7.2 (compatible; Pleroma 2.5.0)", feature_set="pleroma")
    assert pleroma._pipeline.hooks.streaming_transport(pleroma.server_context, "user") == "websocket"
