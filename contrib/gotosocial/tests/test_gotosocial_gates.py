"""What GoToSocial lacks: the server's real answer (recorded with an ungated client), and
the backend refusing the call before any request is sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from mastodon_gotosocial.gates import MISSING_ROUTES, missing_reason

from mastodon import MastodonAPIError, MastodonBackendFeatureError, MastodonNotFoundError, MastodonVersionError
from mastodon.plugin import ENDPOINTS

pytestmark = pytest.mark.servers("gotosocial")

FAKE_ID = "01ZZZZZZZZZZZZZZZZZZZZZZZZ"

#: How to call each refused endpoint through the public API (``bob`` is bob's account id).
CALLS: dict[str, Callable[[Any, str], Any]] = {
    "instance_activity": lambda api, bob: api.instance_activity(),
    "stream_healthy": lambda api, bob: api.stream_healthy(),
    "status_card": lambda api, bob: api.call_endpoint("status_card", id=FAKE_ID),
    "notifications_dismiss": lambda api, bob: api.notifications_dismiss(FAKE_ID),
    "notifications_dismiss_legacy": lambda api, bob: api.call_endpoint("notifications_dismiss_legacy", id=FAKE_ID),
    "account_pin": lambda api, bob: api.account_pin(bob),
    "account_unpin": lambda api, bob: api.account_unpin(bob),
    "endorsements": lambda api, bob: api.endorsements(),
    "featured_tag_suggestions": lambda api, bob: api.featured_tag_suggestions(),
    "featured_tag_create": lambda api, bob: api.featured_tag_create("livetests"),
    "featured_tag_delete": lambda api, bob: api.featured_tag_delete(FAKE_ID),
    "suggestions": lambda api, bob: api.suggestions_v1(),
    "suggestion_delete": lambda api, bob: api.suggestion_delete(bob),
    "directory": lambda api, bob: api.directory(),
    "domain_blocks": lambda api, bob: api.domain_blocks(),
    "domain_block": lambda api, bob: api.domain_block("blocked.example"),
    "domain_unblock": lambda api, bob: api.domain_unblock("blocked.example"),
    "app_verify_credentials": lambda api, bob: api.app_verify_credentials(),
    "announcement_dismiss": lambda api, bob: api.announcement_dismiss(FAKE_ID),
    "announcement_reaction_create": lambda api, bob: api.announcement_reaction_create(FAKE_ID, "\N{THUMBS UP SIGN}"),
    "announcement_reaction_delete": lambda api, bob: api.announcement_reaction_delete(FAKE_ID, "\N{THUMBS UP SIGN}"),
    "admin_account_enable": lambda api, bob: api.admin_account_enable(bob),
    "admin_account_unsilence": lambda api, bob: api.admin_account_unsilence(bob),
    "admin_account_unsuspend": lambda api, bob: api.admin_account_unsuspend(bob),
    "admin_report_assign": lambda api, bob: api.admin_report_assign(FAKE_ID),
    "admin_report_unassign": lambda api, bob: api.admin_report_unassign(FAKE_ID),
    "admin_report_reopen": lambda api, bob: api.admin_report_reopen(FAKE_ID),
    "status_translate": lambda api, bob: api.status_translate(FAKE_ID, lang="de"),
    "account_familiar_followers": lambda api, bob: api.account_familiar_followers(bob),
    "account_remove_from_followers": lambda api, bob: api.account_remove_from_followers(bob),
    "trends": lambda api, bob: api.call_endpoint("trends"),
    "admin_account_delete": lambda api, bob: api.admin_account_delete(FAKE_ID),
    "admin_account_unsensitive": lambda api, bob: api.admin_account_unsensitive(bob),
    "admin_email_domain_blocks": lambda api, bob: api.admin_email_domain_blocks(),
    "admin_create_email_domain_block": lambda api, bob: api.admin_create_email_domain_block("blocked.example"),
    "admin_delete_email_domain_block": lambda api, bob: api.admin_delete_email_domain_block(FAKE_ID),
    "admin_canonical_email_blocks": lambda api, bob: api.admin_canonical_email_blocks(),
    "admin_canonical_email_block": lambda api, bob: api.admin_canonical_email_block(FAKE_ID),
    "admin_test_canonical_email_block": lambda api, bob: api.admin_test_canonical_email_block("someone@blocked.example"),
    "admin_create_canonical_email_block": lambda api, bob: api.admin_create_canonical_email_block(email="someone@blocked.example"),
    "admin_delete_canonical_email_block": lambda api, bob: api.admin_delete_canonical_email_block(FAKE_ID),
    "admin_ip_blocks": lambda api, bob: api.admin_ip_blocks(),
    "admin_ip_block": lambda api, bob: api.admin_ip_block(FAKE_ID),
    "admin_create_ip_block": lambda api, bob: api.admin_create_ip_block("192.0.2.0/24", "no_access", comment="live tests"),
    "admin_update_ip_block": lambda api, bob: api.admin_update_ip_block(FAKE_ID, comment="live tests"),
    "admin_delete_ip_block": lambda api, bob: api.admin_delete_ip_block(FAKE_ID),
    "admin_measures": lambda api, bob: api.admin_measures(date(2026, 11, 1), date(2026, 11, 30), active_users=True),
    "admin_dimensions": lambda api, bob: api.admin_dimensions(date(2026, 11, 1), date(2026, 11, 30), languages=True),
    "admin_retention": lambda api, bob: api.admin_retention(date(2026, 11, 1), date(2026, 11, 30)),
    "admin_trending_links": lambda api, bob: api.admin_trending_links(),
    "admin_trending_statuses": lambda api, bob: api.admin_trending_statuses(),
    "admin_trending_tags": lambda api, bob: api.admin_trending_tags(),
    "instance_extended_description": lambda api, bob: api.instance_extended_description(),
    "instance_languages": lambda api, bob: api.instance_languages(),
    "email_resend_confirmation": lambda api, bob: api.email_resend_confirmation(),
}

#: The recorded answers that are not ``404 {"error": "Not Found"}``: a route that exists for
#: other methods answers 405 with a plain-text body.
ANSWERS: dict[str, tuple[type[MastodonAPIError], int, str]] = {
    "featured_tag_create": (MastodonAPIError, 405, "405 method not allowed"),
    "notifications_dismiss_legacy": (MastodonAPIError, 405, "405 method not allowed"),
    "admin_account_delete": (MastodonAPIError, 405, "405 method not allowed"),
}
NOT_FOUND = (MastodonNotFoundError, 404, "Not Found")

GATED = sorted(name for name, ep in ENDPOINTS.items() if missing_reason(ep.method, ep.path))


def test_every_gated_endpoint_has_a_call():
    assert sorted(CALLS) == GATED


def test_every_gate_names_a_known_route():
    routes = {(ep.method, ep.path) for ep in ENDPOINTS.values()}
    assert set(MISSING_ROUTES) <= routes


@pytest.mark.parametrize("name", GATED)
def test_server_answers_not_found(live, name):
    """Recorded with the gate off: the real answer of GoToSocial 0.20."""
    ungated = live.api("alice", feature_set="mainline", version_check_mode="none")
    error_class, status, message = ANSWERS.get(name, NOT_FOUND)
    with pytest.raises(error_class) as caught:
        CALLS[name](ungated, live.user("bob")["id"])
    assert type(caught.value) is error_class
    assert caught.value.status_code == status
    assert caught.value.error_message == message
    endpoint = ENDPOINTS[name]
    assert live.sent[-1].method == endpoint.method


@pytest.mark.parametrize("name", GATED)
def test_backend_refuses_before_sending(live, name):
    api = live.api("alice")
    with pytest.raises(MastodonVersionError) as caught:
        CALLS[name](api, live.user("bob")["id"])
    assert isinstance(caught.value, MastodonBackendFeatureError)
    assert caught.value.backend == "gotosocial"
    assert "GoToSocial" in str(caught.value)
    assert live.sent == []
