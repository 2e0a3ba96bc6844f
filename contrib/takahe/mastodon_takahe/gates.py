"""What Takahē does not serve, so calls to it are refused before any request is sent.

Checked against Takahē 0.11.0 (its URL table, and every entry answered 404 or 405 on a
real server; the answers are recorded in the test cassettes). The table is keyed by
method and path template, not by endpoint name, so it also covers endpoints other plugins
declare for the same routes.

The tables are declared to the core as :data:`UNSUPPORTED` (``BackendInfo.unsupported``);
only push subscriptions, which depend on the server's configuration, are gated by a hook.
"""

from __future__ import annotations

from typing import Any

from mastodon.plugin import Unsupported

#: Path prefixes Takahē serves nothing under.
MISSING_PREFIXES: dict[str, str] = {
    "/api/v1/streaming": "Takahē has no streaming API (every /api/v1/streaming route answers 404)",
    "/api/v1/admin": "Takahē has no Mastodon admin API (moderation happens in its web interface)",
    "/api/v2/admin": "Takahē has no Mastodon admin API (moderation happens in its web interface)",
    "/api/v1/scheduled_statuses": "Takahē cannot schedule statuses",
    "/api/v1/featured_tags": "Takahē has no featured-tag management (only GET /api/v1/accounts/:id/featured_tags)",
    "/api/v1/domain_blocks": "Takahē has no user domain blocks API",
    "/api/v1/markers": "Takahē has no read markers API",
    "/api/v1/reports": "Takahē has no reports API (reports are made in its web interface)",
}

_LISTS = "Takahē lists are read-only: only GET /api/v1/lists exists, and it is always empty"
_FILTERS = "Takahē only lists filters (GET /api/v1/filters, always empty); it cannot create or change them"
_FILTERS_V2 = "Takahē only lists filter groups (GET /api/v2/filters, always empty); it cannot create, show or change them"

#: (method, path template) -> why it is refused.
MISSING_ROUTES: dict[tuple[str, str], str] = {
    ("POST", "/api/v1/accounts"): "Takahē has no API sign-up (accounts are created in its web interface)",
    ("GET", "/health"): "Takahē has no /health route",
    ("GET", "/api/v1/instance/rules"): "Takahē has no /api/v1/instance/rules (the instance document's rules are always empty)",
    ("GET", "/api/v1/timelines/list/{id}"): _LISTS,
    ("GET", "/api/v1/statuses/{id}/card"): "Takahē does not serve preview cards on their own",
    ("GET", "/api/v1/statuses/{id}/history"): "Takahē keeps no edit history",
    ("POST", "/api/v1/statuses/{id}/mute"): "Takahē cannot mute conversations",
    ("POST", "/api/v1/statuses/{id}/unmute"): "Takahē cannot mute conversations",
    ("POST", "/api/v1/notifications/dismiss"): "Takahē has only POST /api/v1/notifications/:id/dismiss",
    ("POST", "/api/v1/conversations/{id}/read"): "Takahē cannot mark conversations as read",
    ("GET", "/api/v1/accounts/{id}/lists"): _LISTS,
    ("POST", "/api/v1/accounts/{id}/pin"): "Takahē has no account endorsements",
    ("POST", "/api/v1/accounts/{id}/unpin"): "Takahē has no account endorsements",
    ("POST", "/api/v1/accounts/{id}/note"): "Takahē has no private account notes",
    ("POST", "/api/v1/follows"): "Takahē has no remote-follow route (search for the account and follow it)",
    ("GET", "/api/v1/suggestions"): "Takahē has only the v2 suggestions route",
    ("DELETE", "/api/v1/suggestions/{account_id}"): "Takahē cannot dismiss suggestions",
    ("GET", "/api/v1/directory"): "Takahē has no profile directory API",
    ("GET", "/api/v1/endorsements"): "Takahē has no account endorsements",
    ("GET", "/api/v1/mutes"): "Takahē cannot list mutes (muting and unmuting an account work)",
    ("GET", "/api/v1/blocks"): "Takahē cannot list blocks (blocking and unblocking an account work)",
    ("POST", "/api/v1/lists"): _LISTS,
    ("GET", "/api/v1/lists/{id}"): _LISTS,
    ("PUT", "/api/v1/lists/{id}"): _LISTS,
    ("DELETE", "/api/v1/lists/{id}"): _LISTS,
    ("GET", "/api/v1/lists/{id}/accounts"): _LISTS,
    ("POST", "/api/v1/lists/{id}/accounts"): _LISTS,
    ("DELETE", "/api/v1/lists/{id}/accounts"): _LISTS,
    ("POST", "/api/v1/filters"): _FILTERS,
    ("GET", "/api/v1/filters/{id}"): _FILTERS,
    ("PUT", "/api/v1/filters/{id}"): _FILTERS,
    ("DELETE", "/api/v1/filters/{id}"): _FILTERS,
    ("PUT", "/api/v1/announcements/{id}/reactions/{reaction}"): "Takahē has no announcement reactions",
    ("DELETE", "/api/v1/announcements/{id}/reactions/{reaction}"): "Takahē has no announcement reactions",
    ("POST", "/api/v2/filters"): _FILTERS_V2,
    ("GET", "/api/v2/filters/{filter_id}"): _FILTERS_V2,
    ("PUT", "/api/v2/filters/{filter_id}"): _FILTERS_V2,
    ("DELETE", "/api/v2/filters/{filter_id}"): _FILTERS_V2,
    ("GET", "/api/v2/filters/{filter_id}/keywords"): _FILTERS_V2,
    ("POST", "/api/v2/filters/{filter_id}/keywords"): _FILTERS_V2,
    ("DELETE", "/api/v2/filters/keywords/{keyword_id}"): _FILTERS_V2,
    ("GET", "/api/v2/filters/{filter_id}/statuses"): _FILTERS_V2,
    ("POST", "/api/v2/filters/{filter_id}/statuses"): _FILTERS_V2,
    ("GET", "/api/v2/filters/statuses/{filter_status_id}"): _FILTERS_V2,
    ("DELETE", "/api/v2/filters/statuses/{filter_status_id}"): _FILTERS_V2,
    ("POST", "/api/v1/statuses/{id}/translate"): "Takahē cannot translate statuses",
    ("POST", "/api/v1/accounts/{id}/remove_from_followers"): "Takahē cannot remove a follower (block the account instead)",
    ("GET", "/api/v1/trends"): "Takahē has only the 3.5 trends routes (GET /api/v1/trends/tags, statuses, links)",
    ("GET", "/api/v1/instance/domain_blocks"): "Takahē does not publish its domain blocks",
    ("GET", "/api/v1/instance/extended_description"): "Takahē has no extended description route",
    ("GET", "/api/v1/instance/languages"): "Takahē does not list the languages it supports",
    ("POST", "/api/v1/emails/confirmations"): "Takahē cannot resend the sign-up confirmation e-mail through the API",
}

#: Takahē serves push subscriptions only when its VAPID keys are configured (otherwise
#: every push route answers 404), and the API does not say which. Refused unless the
#: caller says the server has them: ``api.server_context.extra[PUSH_OPT_IN] = True``.
PUSH_PREFIX = "/api/v1/push"
PUSH_OPT_IN = "takahe_push"
PUSH_REASON = (
    "Takahē answers push subscription calls with 404 unless the server has VAPID keys configured; "
    f"if this one has, set server_context.extra[{PUSH_OPT_IN!r}] = True"
)


#: :data:`MISSING_ROUTES` and :data:`MISSING_PREFIXES` as the rules ``BackendInfo.unsupported`` declares.
UNSUPPORTED: tuple[Unsupported, ...] = (
    *(Unsupported(reason, method=method, path=path) for (method, path), reason in MISSING_ROUTES.items()),
    *(Unsupported(reason, path_prefix=prefix) for prefix, reason in MISSING_PREFIXES.items()),
)


def push_refusal(path: str, extra: dict[str, Any] | None = None) -> str | None:
    """Why a push subscription call to ``path`` is refused (``None`` when the caller opted in)."""
    if Unsupported(PUSH_REASON, path_prefix=PUSH_PREFIX).matches("", "", path) and not (extra or {}).get(PUSH_OPT_IN):
        return PUSH_REASON
    return None


def missing_reason(method: str, path: str, extra: dict[str, Any] | None = None) -> str | None:
    """Why Takahē cannot serve ``method path`` (a path template), or ``None`` if it can."""
    found = next((rule.reason for rule in UNSUPPORTED if rule.matches("", method, path)), None)
    return found if found is not None else push_refusal(path, extra)


__all__ = [
    "MISSING_PREFIXES",
    "MISSING_ROUTES",
    "UNSUPPORTED",
    "PUSH_OPT_IN",
    "PUSH_REASON",
    "missing_reason",
    "push_refusal",
]
