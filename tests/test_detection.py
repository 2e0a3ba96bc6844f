"""``feature_set="auto"``: picking the backend from nodeinfo, the instance and the version string.

The server documents are the documented fixtures of each server. Detection runs against a
registry holding only the built-in backends (installed third-party ones would make the
outcome depend on the environment); GoToSocial and Takahē are represented by test-only
inline plugins, registered through the public ``register_plugin`` and removed afterwards.
"""

from __future__ import annotations

import warnings
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from support.mock_http import documented

from mastodon import Mastodon, MastodonNetworkError
from mastodon.plugin import BackendInfo, BackendMatch, hookimpl
from mastodon.plugins import BackendRegistry, make_plugin_manager, register_plugin, unregister_plugin

BUILTINS = ("mainline", "pleroma", "akkoma", "fedibird")


@pytest.fixture
def registry(monkeypatch) -> BackendRegistry:
    """A process registry with the built-in backends only, for the duration of a test."""
    fresh = BackendRegistry(make_plugin_manager(load_entry_points=False))
    monkeypatch.setattr("mastodon.plugins._registry", fresh)
    return fresh


class StandIn:
    """A test-only backend recognising one nodeinfo software name."""

    def __init__(self, name: str, software: str) -> None:
        self.name, self.software = name, software

    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo(self.name, f"test stand-in for {self.software}")

    @hookimpl
    def mastodon_detect_backend(self, nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
        if ((nodeinfo or {}).get("software") or {}).get("name") == self.software:
            return BackendMatch(self.name, 100, f"nodeinfo software.name is {self.software!r}")
        return None


@pytest.fixture
def stand_ins(registry):
    plugins = [StandIn("gotosocial-standin", "gotosocial"), StandIn("takahe-standin", "takahe")]
    for plugin in plugins:
        register_plugin(plugin, name=plugin.name)
    yield plugins
    for plugin in plugins:
        unregister_plugin(plugin)


def serve(mock_http, folder: str, base: str, nodeinfo: Any = True, instance: Any = True) -> None:
    """Serve a server's documented nodeinfo (index and document) and instance."""
    if nodeinfo is True:
        nodeinfo = documented("Nodeinfo", folder)
    if nodeinfo is not None:
        index = _index(folder, base)
        mock_http.add("GET", "/.well-known/nodeinfo", index)
        for link in index["links"]:
            mock_http.add("GET", urlsplit(link["href"]).path, nodeinfo)
    if instance is True:
        instance = documented("Instance", folder)
    if instance is not None:
        mock_http.add("GET", "/api/v1/instance", instance)


def _index(folder: str, base: str) -> dict[str, Any]:
    try:
        return documented("NodeinfoIndex", folder)
    except FileNotFoundError:
        return {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": f"{base}/nodeinfo/2.1"}]}


def auto(make_api, base: str, **kwargs: Any) -> Mastodon:
    """A client detecting ``base``, with the detection done (the first call would do it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a recognised server gives no warning
        api = make_api(version=None, feature_set="auto", api_base_url=base, **kwargs)
        api.detect_backend()
        return api


# -- every documented server ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "base", "backend", "mastodon", "software", "own"),
    [
        ("mainline", "https://mastodon.example", "mainline", (3, 5, 3), "mastodon", (3, 5, 3)),
        ("pleroma", "https://pleroma.example", "pleroma", (2, 7, 2), "pleroma", (2, 5, 0)),
        ("akkoma", "https://akkoma.example", "akkoma", (2, 7, 2), "akkoma", (3, 10, 4)),
        ("fedibird", "https://fedibird.example", "fedibird", (3, 4, 1), "mastodon", (3, 4, 1)),
    ],
)
def test_auto_picks_the_builtin_backend(registry, make_api, mock_http, folder, base, backend, mastodon, software, own):
    serve(mock_http, folder, base)
    api = auto(make_api, base)
    assert api.backend == backend
    assert api.feature_set == "auto"
    assert api.server_version.mastodon == mastodon
    assert (api.server_version.software, api.server_version.software_version) == (software, own)
    match = api.server_context.extra["detection"]
    assert match.backend == backend and match.score >= 100 and match.reason
    assert api.server_context.nodeinfo == documented("Nodeinfo", folder)
    assert [s.path for s in mock_http.sent][:3] == ["/.well-known/nodeinfo", urlsplit(_index(folder, base)["links"][-1]["href"]).path, "/api/v1/instance"]


@pytest.mark.parametrize(
    ("folder", "base", "backend"),
    [("gotosocial", "https://gts.example", "gotosocial-standin"), ("takahe", "https://takahe.example", "takahe-standin")],
)
def test_auto_lets_third_party_backends_claim_their_servers(stand_ins, make_api, mock_http, folder, base, backend):
    serve(mock_http, folder, base)
    api = auto(make_api, base, version_check_mode="none")  # the stand-ins parse no version strings
    assert api.backend == backend


def test_an_unparsed_version_string_naming_no_mastodon_version_turns_gates_off(stand_ins, make_api, mock_http):
    serve(mock_http, "gotosocial", "https://gts.example")
    with pytest.warns(UserWarning, match="names no Mastodon version; version checks are off"):
        api = make_api(version=None, feature_set="auto", api_base_url="https://gts.example")
        api.detect_backend()
    assert api.server_version.mastodon < (1, 0, 0) and api.server_version.gates is False
    mock_http.add("GET", "/api/v1/bookmarks", [])
    assert api.bookmarks() == []  # a 0.x "Mastodon version" would refuse every call


@pytest.mark.parametrize(("folder", "base"), [("gotosocial", "https://gts.example"), ("takahe", "https://takahe.example")])
def test_builtins_do_not_claim_other_servers(registry, make_api, mock_http, folder, base):
    assert registry.detect(documented("Nodeinfo", folder), documented("Instance", folder)) == []
    serve(mock_http, folder, base)
    with pytest.warns(UserWarning, match=f"No backend recognises this server \\({folder}\\); using mainline"):
        api = make_api(version=None, feature_set="auto", api_base_url=base, version_check_mode="none")
        api.detect_backend()
    assert api.backend == "mainline"
    assert api.server_context.extra["detection"] is None


# -- the order of evidence ------------------------------------------------------------------------


def test_fedibird_capabilities_beat_a_nodeinfo_that_says_mastodon(registry, make_api, mock_http):
    nodeinfo = documented("Nodeinfo", "fedibird")
    nodeinfo["software"] = {"name": "mastodon", "version": "3.4.1"}  # older Fedibird releases
    serve(mock_http, "fedibird", "https://fedibird.example", nodeinfo=nodeinfo)
    assert auto(make_api, "https://fedibird.example").backend == "fedibird"


def test_forks_implementing_fedibirds_api_are_fedibird(registry):
    nodeinfo = {"software": {"name": "kmyblue", "version": "13.0"}, "metadata": {"upstream": {"name": "mastodon", "version": "4.2.0"}}}
    matches = registry.detect(nodeinfo, documented("Instance", "fedibird"))
    assert [(m.backend, m.score) for m in matches] == [("fedibird", 90), ("mainline", 80)]


HOLLO_NODEINFO = {"version": "2.1", "software": {"name": "hollo", "version": "0.6.0"}, "metadata": {}}


def test_copied_feature_flags_do_not_claim_a_server_that_names_other_software(registry, make_api, mock_http):
    """Hollo's instance lists ``fedibird_capabilities``; its nodeinfo says it is Hollo."""
    instance = {**documented("Instance", "fedibird"), "version": "4.0.0 (compatible; Hollo 0.6.0)"}
    assert registry.detect(HOLLO_NODEINFO, instance) == []
    serve(mock_http, "hollo", "https://hollo.example", nodeinfo=HOLLO_NODEINFO, instance=instance)
    with pytest.warns(UserWarning, match="No backend recognises this server \\(hollo\\); using mainline"):
        api = make_api(version=None, feature_set="auto", api_base_url="https://hollo.example", version_check_mode="none")
        assert api.detect_backend() == "mainline"


def test_a_backend_answering_to_the_named_software_wins_over_copied_flags(registry):
    class Hollo:
        @hookimpl
        def mastodon_backend_info(self) -> BackendInfo:
            return BackendInfo("hollo-standin", extends="mainline", software_names=("hollo",))

    register_plugin(Hollo(), name="hollo-standin")
    try:
        matches = registry.detect(HOLLO_NODEINFO, documented("Instance", "fedibird"))
        without_nodeinfo = registry.detect(None, {**documented("Instance", "fedibird"), "version": "4.0.0 (compatible; Hollo 0.6.0)"})
    finally:
        unregister_plugin(name="hollo-standin")
    # The backend declared the name and did not even implement detection: it is taken, with a certain score.
    assert [(m.backend, m.score) for m in matches] == [("hollo-standin", 100)]
    assert [m.backend for m in without_nodeinfo] == ["hollo-standin"]


def test_the_version_strings_software_name_outranks_copied_flags(registry):
    instance = {**documented("Instance", "fedibird"), "version": "4.2.0 (compatible; Iceshrimp.NET/2024.1)"}
    assert registry.detect(None, instance) == []
    assert registry.detect(None, {**instance, "version": "4.2.0"})[0].backend == "fedibird"


def test_nodeinfo_upstream_then_features(registry):
    upstream = {"software": {"name": "someplace"}, "metadata": {"upstream": {"name": "pleroma"}}}
    assert registry.detect(upstream, None)[0].backend == "pleroma"
    featured = {"software": {"name": "", "version": "1"}, "metadata": {"features": ["pleroma_api", "mastodon_api"]}}
    (match,) = registry.detect(featured, None)
    assert (match.backend, match.score) == ("pleroma", 60)
    # A server naming software no backend answers to is not claimed by a feature flag.
    assert registry.detect({**featured, "software": {"name": "someplace"}}, None) == []
    assert registry.detect({"software": {"name": "x"}, "metadata": {"upstream": {"name": "mastodon"}}}, None)[0].backend == "mainline"


def test_pleroma_from_its_instance_without_nodeinfo(registry, make_api, mock_http):
    serve(mock_http, "pleroma", "https://pleroma.example", nodeinfo=None)
    api = auto(make_api, "https://pleroma.example")
    assert api.backend == "pleroma"
    assert api.server_context.extra["detection"].score == 50


def test_pleroma_from_its_version_string_alone(registry):
    (match,) = registry.detect(None, {"version": "2.7.2 (compatible; Pleroma 2.4.5)"})
    assert (match.backend, match.score) == ("pleroma", 20)


def test_akkoma_from_its_instance_without_nodeinfo(registry, make_api, mock_http):
    serve(mock_http, "akkoma", "https://akkoma.example", nodeinfo=None)
    api = auto(make_api, "https://akkoma.example")
    assert api.backend == "akkoma"
    assert [m.backend for m in registry.detect(None, documented("Instance", "akkoma"))] == ["akkoma", "pleroma"]


def test_mainline_from_a_plain_version_string_is_only_a_guess(registry):
    (match,) = registry.detect(None, {"version": "4.2.1"})
    assert (match.backend, match.score) == ("mainline", 10)


def test_detected_server_data_is_used_by_the_backend(registry, make_api, mock_http):
    """Akkoma lists an extra post format in its nodeinfo; the backend accepts it."""
    serve(mock_http, "akkoma", "https://akkoma.example")
    api = auto(make_api, "https://akkoma.example")
    mock_http.add("POST", "/api/v1/statuses", documented("Status", "akkoma"))
    api.status_post("$[x2 hi]", content_type="text/x.misskeymarkdown")
    assert dict(mock_http.last.form)["content_type"] == "text/x.misskeymarkdown"


# -- unknown and odd servers ----------------------------------------------------------------------


def test_unknown_software_falls_back_to_mainline_with_a_warning(registry, make_api, mock_http):
    serve(mock_http, "misskey", "https://misskey.example", nodeinfo={"software": {"name": "misskey", "version": "2024.11.0"}}, instance=None)
    with pytest.warns(UserWarning, match="misskey"):
        api = make_api(version=None, feature_set="auto", api_base_url="https://misskey.example", version_check_mode="none")
        api.detect_backend()
    assert api.backend == "mainline"


@pytest.mark.parametrize(
    ("index", "instance"),
    [
        ("<html>not here</html>", "<html>not here</html>"),
        ([1, 2, 3], ["not", "an", "object"]),
        ({"links": "nope"}, "null"),
        ({"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "https://elsewhere.example/ni"}]}, {}),
    ],
)
def test_odd_documents_never_crash_detection(registry, make_api, mock_http, index, instance):
    mock_http.add("GET", "/.well-known/nodeinfo", index)
    mock_http.add("GET", "/api/v1/instance", instance)
    with pytest.warns(UserWarning, match="using mainline"):
        api = make_api(version=None, feature_set="auto", api_base_url="https://odd.example", version_check_mode="none")
        api.detect_backend()
    assert api.backend == "mainline"
    # A link to another host name is followed, never with credentials.
    assert all("Authorization" not in s.headers for s in mock_http.sent if s.host != "odd.example")


def test_server_errors_never_crash_detection(registry, make_api, mock_http):
    mock_http.add("GET", "/.well-known/nodeinfo", {"error": "boom"}, status=500)
    mock_http.add("GET", "/api/v1/instance", {"error": "boom"}, status=503)
    with pytest.warns(UserWarning):
        api = make_api(version=None, feature_set="auto", api_base_url="https://down.example", version_check_mode="none")
        api.detect_backend()
    assert api.backend == "mainline"


def test_an_unreachable_server_raises_instead_of_going_unrecognised(registry, make_api, mock_http):
    def refuse(sent):
        raise requests.ConnectionError("Connection refused")

    mock_http.handle("GET", "/.well-known/nodeinfo", refuse)
    mock_http.handle("GET", "/api/v1/instance", refuse)
    api = make_api(version="4.2.0", feature_set="auto", api_base_url="https://down.example")
    assert mock_http.sent == []  # construction sends nothing
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "No backend recognises this server" on the way
        with pytest.raises(MastodonNetworkError, match="Connection refused"):
            api.bookmarks()
    assert [s.path for s in mock_http.sent] == ["/.well-known/nodeinfo", "/api/v1/instance"]


# -- third-party plugins through the public registration ------------------------------------------


class ExampleFork:
    @hookimpl
    def mastodon_backend_info(self) -> BackendInfo:
        return BackendInfo("example-fork", "an inline third-party backend", extends="mainline", feature_sets=("exfork",))

    @hookimpl
    def mastodon_detect_backend(self, nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
        if ((nodeinfo or {}).get("software") or {}).get("name") == "examplefork":
            return BackendMatch("example-fork", 150, "nodeinfo names examplefork")
        return None


def test_an_inline_plugin_takes_part_in_detection_on_the_process_registry(make_api, mock_http):
    """The real process-wide registry: register, detect, unregister, and nothing is left behind."""
    from mastodon.plugins import get_registry

    before = set(get_registry().backends)
    plugin = ExampleFork()
    register_plugin(plugin, name="example-fork")
    try:
        nodeinfo = {"software": {"name": "examplefork", "version": "1.0"}, "metadata": {"upstream": {"name": "mastodon"}}}
        serve(mock_http, "examplefork", "https://fork.example", nodeinfo=nodeinfo, instance={"version": "4.2.0"})
        api = auto(make_api, "https://fork.example")
        assert api.backend == "example-fork"
        assert api.server_context.extra["detection"].score == 150
        assert get_registry().resolve("exfork") == "example-fork"
    finally:
        unregister_plugin(plugin)
    assert set(get_registry().backends) == before
