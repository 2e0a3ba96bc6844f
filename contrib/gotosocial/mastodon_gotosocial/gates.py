"""What GoToSocial does not serve, so calls to it are refused before any request is sent.

The table is declared to the core as :data:`UNSUPPORTED` (``BackendInfo.unsupported``):
the core refuses the calls, and the compatibility matrix and docs show the reasons.

Checked against GoToSocial 0.20.0 (its router, and every entry answered 404 on a real
server; the answers are recorded in the test cassettes under
``tests/cassettes/gotosocial/``). The table is keyed by method and path template, not by
endpoint name, so it also covers endpoints other plugins declare for the same routes.

Streaming is not refused here: GoToSocial streams over WebSocket only, which the backend
selects through ``mastodon_streaming_transport``.
"""

from __future__ import annotations

from mastodon.plugin import Unsupported

_ENDORSE = "GoToSocial has no account endorsements (featured profiles)"
_FEATURED = "GoToSocial only lists featured tags (GET /api/v1/featured_tags); it cannot suggest, create or delete them"
_SUGGEST = "GoToSocial has only the v2 follow suggestions route (GET /api/v2/suggestions)"
_DOMAIN = "GoToSocial has no user-level domain blocks (instance domain blocks are part of its admin API)"
_DISMISS = "GoToSocial cannot dismiss a single notification (POST /api/v1/notifications/clear clears them all)"
_ANNOUNCE = "GoToSocial only lists announcements; it cannot dismiss them or react to them"
_ADMIN_ACCOUNT = "GoToSocial's admin API can only suspend, approve or reject accounts"
_ADMIN_REPORT = "GoToSocial's admin API can only list, show and resolve reports"
_ADMIN_BLOCKS = "GoToSocial's admin API blocks and allows domains only (no e-mail domain, canonical e-mail or IP blocks)"
_ADMIN_STATS = "GoToSocial's admin API has no dashboard statistics (measures, dimensions, retention)"
_ADMIN_TRENDS = "GoToSocial has no trends to review (its public trends are always empty)"

#: (method, path template) -> why it is refused.
MISSING_ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/api/v1/instance/activity"): "GoToSocial publishes no instance activity statistics",
    ("GET", "/api/v1/streaming/health"): "GoToSocial's streaming API has no health route (GET /readyz reports the server's health)",
    ("GET", "/api/v1/statuses/{id}/card"): "GoToSocial does not serve preview cards on their own (read the status's 'card')",
    ("POST", "/api/v1/notifications/{id}/dismiss"): _DISMISS,
    ("POST", "/api/v1/notifications/dismiss"): _DISMISS,
    ("POST", "/api/v1/accounts/{id}/pin"): _ENDORSE,
    ("POST", "/api/v1/accounts/{id}/unpin"): _ENDORSE,
    ("GET", "/api/v1/endorsements"): _ENDORSE,
    ("GET", "/api/v1/featured_tags/suggestions"): _FEATURED,
    ("POST", "/api/v1/featured_tags"): _FEATURED,
    ("DELETE", "/api/v1/featured_tags/{id}"): _FEATURED,
    ("GET", "/api/v1/suggestions"): _SUGGEST,
    ("DELETE", "/api/v1/suggestions/{account_id}"): _SUGGEST,
    ("GET", "/api/v1/directory"): "GoToSocial has no profile directory",
    ("GET", "/api/v1/domain_blocks"): _DOMAIN,
    ("POST", "/api/v1/domain_blocks"): _DOMAIN,
    ("DELETE", "/api/v1/domain_blocks"): _DOMAIN,
    ("GET", "/api/v1/apps/verify_credentials"): "GoToSocial cannot verify app credentials (GET /api/v1/apps/verify_credentials)",
    ("POST", "/api/v1/announcements/{id}/dismiss"): _ANNOUNCE,
    ("PUT", "/api/v1/announcements/{id}/reactions/{reaction}"): _ANNOUNCE,
    ("DELETE", "/api/v1/announcements/{id}/reactions/{reaction}"): _ANNOUNCE,
    ("POST", "/api/v1/admin/accounts/{id}/enable"): _ADMIN_ACCOUNT,
    ("POST", "/api/v1/admin/accounts/{id}/unsilence"): _ADMIN_ACCOUNT,
    ("POST", "/api/v1/admin/accounts/{id}/unsuspend"): _ADMIN_ACCOUNT,
    ("POST", "/api/v1/admin/reports/{id}/assign_to_self"): _ADMIN_REPORT,
    ("POST", "/api/v1/admin/reports/{id}/unassign"): _ADMIN_REPORT,
    ("POST", "/api/v1/admin/reports/{id}/reopen"): _ADMIN_REPORT,
    ("POST", "/api/v1/statuses/{id}/translate"): "GoToSocial cannot translate statuses",
    ("GET", "/api/v1/accounts/familiar_followers"): "GoToSocial does not list familiar followers",
    ("POST", "/api/v1/accounts/{id}/remove_from_followers"): "GoToSocial cannot remove a follower (block the account instead)",
    ("GET", "/api/v1/trends"): "GoToSocial has only the 3.5 trends routes (GET /api/v1/trends/tags, statuses, links)",
    ("DELETE", "/api/v1/admin/accounts/{id}"): _ADMIN_ACCOUNT,
    ("POST", "/api/v1/admin/accounts/{id}/unsensitive"): _ADMIN_ACCOUNT,
    ("GET", "/api/v1/admin/email_domain_blocks"): _ADMIN_BLOCKS,
    ("POST", "/api/v1/admin/email_domain_blocks"): _ADMIN_BLOCKS,
    ("DELETE", "/api/v1/admin/email_domain_blocks/{id}"): _ADMIN_BLOCKS,
    ("GET", "/api/v1/admin/canonical_email_blocks"): _ADMIN_BLOCKS,
    ("GET", "/api/v1/admin/canonical_email_blocks/{id}"): _ADMIN_BLOCKS,
    ("POST", "/api/v1/admin/canonical_email_blocks/test"): _ADMIN_BLOCKS,
    ("POST", "/api/v1/admin/canonical_email_blocks"): _ADMIN_BLOCKS,
    ("DELETE", "/api/v1/admin/canonical_email_blocks/{id}"): _ADMIN_BLOCKS,
    ("GET", "/api/v1/admin/ip_blocks"): _ADMIN_BLOCKS,
    ("GET", "/api/v1/admin/ip_blocks/{id}"): _ADMIN_BLOCKS,
    ("POST", "/api/v1/admin/ip_blocks"): _ADMIN_BLOCKS,
    ("PUT", "/api/v1/admin/ip_blocks/{id}"): _ADMIN_BLOCKS,
    ("DELETE", "/api/v1/admin/ip_blocks/{id}"): _ADMIN_BLOCKS,
    ("POST", "/api/v1/admin/measures"): _ADMIN_STATS,
    ("POST", "/api/v1/admin/dimensions"): _ADMIN_STATS,
    ("POST", "/api/v1/admin/retention"): _ADMIN_STATS,
    ("GET", "/api/v1/admin/trends/links"): _ADMIN_TRENDS,
    ("GET", "/api/v1/admin/trends/statuses"): _ADMIN_TRENDS,
    ("GET", "/api/v1/admin/trends/tags"): _ADMIN_TRENDS,
    ("GET", "/api/v1/instance/extended_description"): "GoToSocial has no extended description route (the v2 instance document's description is the long one)",
    ("GET", "/api/v1/instance/languages"): "GoToSocial does not list the languages it supports",
    ("POST", "/api/v1/emails/confirmations"): "GoToSocial cannot resend the sign-up confirmation e-mail through the API",
}


#: (method, path template) -> parameters GoToSocial accepts but ignores there (checked
#: against its 0.20 handlers and recorded: the results come back unfiltered).
IGNORED_PARAMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET", "/api/v1/timelines/home"): ("only_media", "remote"),
    ("GET", "/api/v1/timelines/public"): ("only_media", "remote"),
    ("GET", "/api/v1/timelines/tag/{hashtag}"): ("local", "only_media", "remote"),
    ("GET", "/api/v1/timelines/list/{id}"): ("local", "only_media", "remote"),
    ("GET", "/api/v1/accounts/{id}/statuses"): ("since_id", "tagged"),
}


def ignored_params(method: str, path: str) -> tuple[str, ...]:
    """The parameters GoToSocial ignores on ``method path`` (a path template)."""
    return IGNORED_PARAMS.get((method.upper(), path.rstrip("/") or "/"), ())


#: :data:`MISSING_ROUTES` as the rules ``BackendInfo.unsupported`` declares.
UNSUPPORTED: tuple[Unsupported, ...] = tuple(
    Unsupported(reason, method=method, path=path) for (method, path), reason in MISSING_ROUTES.items()
)


def missing_reason(method: str, path: str) -> str | None:
    """Why GoToSocial cannot serve ``method path`` (a path template), or ``None`` (by :data:`UNSUPPORTED`)."""
    return next((rule.reason for rule in UNSUPPORTED if rule.matches("", method, path)), None)


__all__ = ["MISSING_ROUTES", "IGNORED_PARAMS", "UNSUPPORTED", "ignored_params", "missing_reason"]
