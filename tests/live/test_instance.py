"""Instance information, nodeinfo, detection and health."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonNotFoundError

pytestmark = pytest.mark.servers("gotosocial", "hollo")


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_instance(live_api, live_server):
    instance = live_api.instance_v1()
    assert instance.version == live_server.version_string
    assert instance.uri
    assert isinstance(instance.urls, dict)
    assert isinstance(instance.stats.user_count, int) and instance.stats.user_count >= 2


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_instance_v2(live_api, live_server):
    instance = live_api.instance_v2()
    assert instance.version == live_server.version_string
    assert instance.domain
    assert isinstance(instance.configuration, dict)


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_instance_nodeinfo(live_api, live_server):
    nodeinfo = live_api.instance_nodeinfo()
    assert nodeinfo.software.name.lower() == live_server.software.lower()
    assert nodeinfo.version in ("2.0", "2.1")
    try:
        later = live_api.instance_nodeinfo("http://nodeinfo.diaspora.software/ns/schema/2.1")
    except MastodonNotFoundError as exc:  # the server lists no 2.1 document
        assert "schemas listed: 2.0" in str(exc)
    else:
        assert later.software.name == nodeinfo.software.name


@pytest.mark.servers("gotosocial", "gotosocial:injected", "takahe", "hollo")
def test_detection_picks_the_recorded_backend(live, live_server):
    api = live.api("alice", feature_set="auto")
    assert api.backend == live_server.backend
    assert api.server_version.raw == live_server.version_string
    assert api.server_context.nodeinfo["software"]["name"].lower() == live_server.software.lower()
    assert api.server_context.extra["detection"].backend == live_server.backend


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_version_from_the_server(live, live_server):
    api = live.api("alice", mastodon_version=None)
    assert api.server_version.raw == live_server.version_string
    assert api.version_check_worked is True
    # The version settled on, as x.y.z, not the raw string ("takahe/0.11.0" is Mastodon 4.0.0).
    assert api.retrieve_mastodon_version() == api.server_version.mastodon_string


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_instance_peers_rules_and_emoji(live_api):
    assert isinstance(live_api.instance_peers(), list)
    assert isinstance(live_api.instance_rules(), list)
    emojis = live_api.custom_emojis()
    assert isinstance(emojis, list)
    for emoji in emojis:
        assert emoji.shortcode and emoji.url


@pytest.mark.servers("gotosocial")  # Hollo: see contrib/hollo/README.md
def test_instance_health(live_api):
    assert live_api.instance_health() is True


@pytest.mark.servers(*pytestmark.args, "takahe")
def test_public_instance_without_token(live):
    anonymous = live.api(None)
    assert anonymous.instance_v1().uri == live.api("alice").instance_v1().uri
    assert isinstance(Mastodon, type)
