"""The Takahē backend's hooks, offline: registration, versions, detection, gates, routes, ids."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from importlib.metadata import entry_points
from urllib.parse import urlsplit

import mastodon_takahe
import pytest
from mastodon_takahe.gates import PUSH_OPT_IN, missing_reason
from takahe_support import RecordingAdapter, takahe_client

from mastodon import MastodonBackendFeatureError, MastodonVersionError
from mastodon.plugin import ENDPOINTS, Endpoint, ServerContext, get_registry

#: Every core endpoint Takahē 0.11.0 does not serve (each answered 404 or 405 on a real server).
EXPECTED_GATED = {
    "create_account", "instance_health", "instance_rules", "timeline_list", "status_card", "status_history",
    "status_mute", "status_unmute", "scheduled_statuses", "scheduled_status", "scheduled_status_update",
    "scheduled_status_delete", "notifications_dismiss_legacy", "conversations_read", "account_lists",
    "account_pin", "account_unpin", "account_note_set", "follows", "featured_tags", "featured_tag_suggestions",
    "featured_tag_create", "featured_tag_delete", "suggestions", "suggestion_delete", "directory", "endorsements",
    "mutes", "blocks", "domain_blocks", "domain_block", "domain_unblock", "list", "list_accounts", "list_create",
    "list_update", "list_delete", "list_accounts_add", "list_accounts_delete", "filter", "filter_create",
    "filter_update", "filter_delete", "reports", "report", "markers_get", "markers_set",
    "announcement_reaction_create", "announcement_reaction_delete", "stream_healthy",
    "push_subscription", "push_subscription_set", "push_subscription_update", "push_subscription_delete",
    "status_translate", "account_remove_from_followers", "trends", "create_filter_v2", "filter_v2", "update_filter_v2",
    "delete_filter_v2", "filter_keywords_v2", "add_filter_keyword_v2", "delete_filter_keyword_v2", "filter_statuses_v2",
    "add_filter_status_v2", "filter_status_v2", "delete_filter_status_v2",
    "instance_domain_blocks", "instance_extended_description", "instance_languages", "email_resend_confirmation",
}


def _ctx(**extra: object) -> ServerContext:
    return ServerContext(api_base_url="https://takahe.invalid", backend="takahe", extra=dict(extra))


def _available(endpoint: Endpoint, **extra: object) -> bool | str | None:
    """What the core hears about ``endpoint`` from the backend (its hook, then its declared rules)."""
    return get_registry().hooks_for("takahe").endpoint_available(_ctx(**extra), endpoint)


def _gated(endpoint: Endpoint, **extra: object) -> bool:
    return _available(endpoint, **extra) is not None


# -- registration ---------------------------------------------------------------------------


def test_entry_point_points_at_the_package() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="mastodon.backends")}
    assert found.get("takahe") == "mastodon_takahe"


def test_registered_as_a_backend_with_an_alias() -> None:
    registry = get_registry()
    assert "takahe" in registry.backends
    assert registry.resolve("takahe") == "takahe"
    assert registry.resolve("takahē") == "takahe"
    assert registry.backends["takahe"].extends is None


# -- versions and detection -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "own", "build"),
    [
        ("takahe/0.11.0", (0, 11, 0), None),
        ("takahe/0.9", (0, 9, 0), None),
        ("Takahe/0.12.1-dev", (0, 12, 1), "dev"),
        (" takahe/1.0.0 ", (1, 0, 0), None),
    ],
)
def test_parse_version(text: str, own: tuple[int, int, int], build: str | None) -> None:
    version = mastodon_takahe.mastodon_parse_version(text)
    assert version is not None
    assert version.software == "takahe"
    assert version.software_version == own
    assert version.mastodon == mastodon_takahe.MASTODON_COMPAT == (4, 0, 0)
    assert version.raw == text
    assert version.extra.get("build") == build


@pytest.mark.parametrize("text", ["4.2.1", "2.7.2 (compatible; Pleroma 2.5.0)", "takahe", "takahe/x.y", "", "gotosocial/0.1"])
def test_parse_version_declines_other_strings(text: str) -> None:
    assert mastodon_takahe.mastodon_parse_version(text) is None


def test_client_reads_the_version_string() -> None:
    api = takahe_client(RecordingAdapter())
    assert api.server_version.software == "takahe"
    assert api.server_version.software_version == (0, 11, 0)
    assert api.mastodon_version == "4.0.0"


def test_detection() -> None:
    by_nodeinfo = mastodon_takahe.mastodon_detect_backend({"software": {"name": "takahe", "version": "0.11.0"}}, None)
    assert by_nodeinfo is not None and by_nodeinfo.backend == "takahe" and by_nodeinfo.score == 100
    by_version = mastodon_takahe.mastodon_detect_backend(None, {"version": "takahe/0.11.0"})
    assert by_version is not None and by_version.backend == "takahe" and 50 < by_version.score < 100
    assert mastodon_takahe.mastodon_detect_backend({"software": {"name": "mastodon"}}, {"version": "4.2.1"}) is None
    assert mastodon_takahe.mastodon_detect_backend(None, None) is None
    # Odd shapes are declined, never raised on.
    assert mastodon_takahe.mastodon_detect_backend({"software": "takahe"}, {"version": 11}) is None
    assert mastodon_takahe.mastodon_detect_backend({"software": {"name": None}}, ["takahe/0.11.0"]) is None  # type: ignore[arg-type]


# -- gates ----------------------------------------------------------------------------------


def test_gated_endpoints_are_exactly_what_takahe_lacks() -> None:
    gated = {name for name, ep in ENDPOINTS.items() if _gated(ep)}
    admin = {name for name in ENDPOINTS if name.startswith("admin_")}
    streams = {name for name, ep in ENDPOINTS.items() if ep.path.startswith("/api/v1/streaming")}
    assert gated == (EXPECTED_GATED | admin | streams) & set(ENDPOINTS)


def test_gate_reasons_name_takahe() -> None:
    for name in EXPECTED_GATED & set(ENDPOINTS):
        reason = _available(ENDPOINTS[name])
        assert isinstance(reason, str) and "Takahē" in reason, name


@pytest.mark.parametrize("name", sorted(EXPECTED_GATED & set(ENDPOINTS)))
def test_gated_call_sends_nothing(name: str) -> None:
    adapter = RecordingAdapter()
    api = takahe_client(adapter)
    endpoint = ENDPOINTS[name]
    args = {field: "1" for field in endpoint.path_fields}
    with pytest.raises(MastodonVersionError) as info:
        api.call_endpoint(name, **args)
    assert isinstance(info.value, MastodonBackendFeatureError)
    assert info.value.backend == "takahe" and info.value.feature == name
    assert "Takahē" in str(info.value)
    assert adapter.sent == []


def test_public_methods_are_gated_before_sending() -> None:
    adapter = RecordingAdapter()
    api = takahe_client(adapter)
    for call in (lambda: api.markers_get(["home"]), api.blocks, api.mutes, api.domain_blocks, api.instance_rules,
                 lambda: api.status_history(1), lambda: api.list_create("x"), lambda: api.list_delete(1),
                 api.push_subscription):
        with pytest.raises(MastodonVersionError):
            call()
    assert adapter.sent == []


def test_push_can_be_enabled_for_servers_with_vapid_keys() -> None:
    push = ENDPOINTS["push_subscription"]
    assert _gated(push)
    assert not _gated(push, **{PUSH_OPT_IN: True})
    adapter = RecordingAdapter(body={"id": 1, "endpoint": "https://push.example/x", "alerts": {}, "server_key": "k"})
    api = takahe_client(adapter)
    api.server_context.extra[PUSH_OPT_IN] = True
    api.push_subscription()
    assert [urlsplit(r.url or "").path for r in adapter.sent] == ["/api/v1/push/subscription"]


def test_prefix_gates_cover_routes_declared_elsewhere() -> None:
    assert missing_reason("GET", "/api/v1/streaming/direct") is not None
    assert missing_reason("GET", "/api/v1/streaming") is not None
    assert missing_reason("GET", "/api/v1/admin/domain_blocks") is not None
    assert missing_reason("GET", "/api/v1/markers/") is not None
    assert missing_reason("GET", "/api/v1/streamingfoo") is None
    assert missing_reason("GET", "/api/v1/lists") is None
    assert missing_reason("GET", "/api/v1/accounts/{id}/featured_tags") is None


def test_served_endpoints_are_left_to_the_core_gate() -> None:
    for name in ("status_post", "status_update", "instance_v2", "lists", "filters", "account_block", "account_mute",
                 "notifications_dismiss", "account_lookup", "media_post_v2", "timeline_hashtag", "search_v2"):
        assert _available(ENDPOINTS[name]) is None, name


# -- routes ---------------------------------------------------------------------------------


def test_route_strips_trailing_slashes() -> None:
    ctx = _ctx()
    endpoint = Endpoint("slashed", "GET", "/api/v1/instance/")
    route = mastodon_takahe.mastodon_route(ctx, endpoint, {})
    assert route is not None and (route.method, route.path) == ("GET", "/api/v1/instance")
    assert mastodon_takahe.mastodon_route(ctx, ENDPOINTS["status"], {}) is None


def test_no_request_ends_in_a_slash() -> None:
    """Call every endpoint Takahē serves (with dummy ids) and look at what went out."""
    adapter = RecordingAdapter()
    api = takahe_client(adapter)
    called = 0
    for name, endpoint in ENDPOINTS.items():
        if _gated(endpoint) or not endpoint.mainline or not api.verify_minimum_version(endpoint.added, cached=True):
            continue
        args = {field: "1" for field in endpoint.path_fields}
        api.call_endpoint(name, **args)
        called += 1
    paths = [urlsplit(r.url or "").path for r in adapter.sent]
    assert len(paths) == called > 60
    assert [p for p in paths if p.endswith("/")] == []


# -- ids ------------------------------------------------------------------------------------


def test_datetime_to_id_uses_takahe_snowflakes() -> None:
    # A status id from the recorded Takahē server, and the time Takahē encoded in it.
    status_id = 649624881581672568
    epoch = datetime.fromtimestamp(mastodon_takahe.SNOWFLAKE_EPOCH, tz=timezone.utc)
    created = epoch + timedelta(milliseconds=status_id >> 22)
    ctx = _ctx()
    at = mastodon_takahe.mastodon_datetime_to_id(ctx, created)
    assert at <= status_id < at + (1 << 22)
    later = mastodon_takahe.mastodon_datetime_to_id(ctx, created + timedelta(milliseconds=1))
    assert later > status_id
    assert mastodon_takahe.mastodon_datetime_to_id(ctx, datetime(2000, 1, 1, tzinfo=timezone.utc)) == 0


def test_datetime_pagination_ids_go_out_as_takahe_ids() -> None:
    adapter = RecordingAdapter(body=[])
    api = takahe_client(adapter)
    when = datetime(2026, 11, 28, 22, 0, tzinfo=timezone.utc)
    api.timeline_public(max_id=when)
    query = urlsplit(adapter.sent[0].url or "").query
    expected = (int(when.timestamp()) - mastodon_takahe.SNOWFLAKE_EPOCH) * 1000 << 22
    assert query == f"max_id={expected}"


# -- parameters -----------------------------------------------------------------------------


def test_scheduled_posts_are_refused_before_sending() -> None:
    from mastodon import MastodonIllegalArgumentError

    adapter = RecordingAdapter()
    api = takahe_client(adapter)
    with pytest.raises(MastodonIllegalArgumentError, match="cannot schedule"):
        api.status_post("later", scheduled_at=datetime(2030, 1, 1, tzinfo=timezone.utc))
    assert adapter.sent == []
