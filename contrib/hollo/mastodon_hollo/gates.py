"""What Hollo does not serve, so calls to it are refused before any request is sent.

Checked against Hollo 0.10.0: every entry answered ``404 Not Found`` (the web framework's
page for an unknown route, not a JSON error) on a real server. Keyed by method and path
template, so it also covers endpoints other plugins declare for the same routes.
"""

from __future__ import annotations

from mastodon.plugin import Unsupported

#: Path prefixes Hollo serves nothing under.
MISSING_PREFIXES: dict[str, str] = {
    "/api/v1/streaming": "Hollo has no streaming API (every /api/v1/streaming route answers 404)",
    "/api/v1/admin": "Hollo has no Mastodon admin API (it is administered in its web interface)",
    "/api/v1/filters": "Hollo has no filters API",
    "/api/v2/filters": "Hollo has no filters API",
    "/api/v1/domain_blocks": "Hollo has no user domain blocks API",
    "/api/v1/conversations": "Hollo has no conversations API",
    "/api/v1/scheduled_statuses": "Hollo cannot schedule statuses",
    "/api/v1/push": "Hollo has no Web Push API",
    "/api/v2/admin": "Hollo has no Mastodon admin API (it is administered in its web interface)",
    "/api/v1/notifications/requests": "Hollo has no filtered notifications (notification requests)",
    "/api/v1/collections": "Hollo has no collections",
    "/api/v1/profile": "Hollo has no /api/v1/profile routes (update_credentials works)",
}

_NOTIFICATION = "Hollo lists notifications but cannot fetch or dismiss single ones (no /api/v1/notifications/:id routes)"
_ENDORSE = "Hollo has no account endorsements"
_MUTE_THREAD = "Hollo cannot mute conversations"

#: (method, path template) -> why it is refused.
MISSING_ROUTES: dict[tuple[str, str], str] = {
    ("POST", "/api/v1/accounts"): "Hollo has no API sign-up (accounts are created in its web interface)",
    ("GET", "/health"): "Hollo has no /health route",
    ("GET", "/api/v1/accounts/{id}/featured_tags"): "Hollo has no per-account featured tags route",
    ("POST", "/api/v1/accounts/{id}/note"): "Hollo has no private account notes",
    ("POST", "/api/v1/accounts/{id}/pin"): _ENDORSE,
    ("POST", "/api/v1/accounts/{id}/unpin"): _ENDORSE,
    ("GET", "/api/v1/endorsements"): _ENDORSE,
    ("POST", "/api/v1/announcements/{id}/dismiss"): "Hollo has no announcements to dismiss",
    ("PUT", "/api/v1/announcements/{id}/reactions/{reaction}"): "Hollo has no announcement reactions",
    ("DELETE", "/api/v1/announcements/{id}/reactions/{reaction}"): "Hollo has no announcement reactions",
    ("GET", "/api/v1/directory"): "Hollo has no profile directory API",
    ("GET", "/api/v1/featured_tags/suggestions"): "Hollo has no featured tag suggestions",
    ("POST", "/api/v1/follows"): "Hollo has no remote-follow route (search for the account and follow it)",
    ("GET", "/api/v1/instance/activity"): "Hollo has no instance activity route",
    ("GET", "/api/v1/instance/peers"): "Hollo has no instance peers route",
    ("GET", "/api/v1/instance/rules"): "Hollo has no instance rules route",
    ("GET", "/api/v1/notifications/{id}"): _NOTIFICATION,
    ("POST", "/api/v1/notifications/{id}/dismiss"): _NOTIFICATION,
    ("POST", "/api/v1/notifications/dismiss"): _NOTIFICATION,
    ("POST", "/api/v1/notifications/clear"): "Hollo cannot clear notifications",
    ("GET", "/api/v1/reports"): "Hollo cannot list reports (making one works)",
    ("GET", "/api/v1/search"): "Hollo has only the v2 search route",
    ("GET", "/api/v1/statuses/{id}/card"): "Hollo does not serve preview cards on their own",
    ("GET", "/api/v1/statuses/{id}/emoji_reactions"): "Hollo cannot list a status's emoji reactions",
    ("GET", "/api/v1/statuses/{id}/history"): "Hollo keeps no edit history",
    ("POST", "/api/v1/statuses/{id}/mute"): _MUTE_THREAD,
    ("POST", "/api/v1/statuses/{id}/unmute"): _MUTE_THREAD,
    ("DELETE", "/api/v1/suggestions/{account_id}"): "Hollo cannot dismiss suggestions",
    ("GET", "/api/v1/accounts/{id}/collections"): "Hollo has no collections",
    ("GET", "/api/v1/accounts/{id}/in_collections"): "Hollo has no collections",
    ("GET", "/api/v1/notifications/unread_count"): "Hollo has only the v2 unread count (GET /api/v2/notifications/unread_count)",
    ("PATCH", "/api/v2/notifications/policy"): "Hollo cannot change the notification policy",
    ("POST", "/api/v1/statuses/{id}/translate"): "Hollo has no translation",
    ("GET", "/api/v1/statuses"): "Hollo cannot fetch several statuses at once (GET /api/v1/statuses)",
    ("GET", "/api/v1/timelines/link"): "Hollo has no link timeline",
    ("POST", "/api/v1/accounts/{id}/endorse"): _ENDORSE,
    ("POST", "/api/v1/accounts/{id}/unendorse"): _ENDORSE,
    ("POST", "/api/v1/accounts/{id}/remove_from_followers"): "Hollo cannot remove a follower through the API",
    ("GET", "/api/v1/accounts"): "Hollo cannot fetch several accounts at once (GET /api/v1/accounts)",
    ("POST", "/api/v1/tags/{name}/feature"): "Hollo has no tag featuring routes (POST /api/v1/featured_tags works)",
    ("POST", "/api/v1/tags/{name}/unfeature"): "Hollo has no tag featuring routes (DELETE /api/v1/featured_tags/:id works)",
}


#: The tables above as the rules ``BackendInfo.unsupported`` declares (the core gates on them).
UNSUPPORTED: tuple[Unsupported, ...] = (
    *(Unsupported(reason, method=method, path=path) for (method, path), reason in MISSING_ROUTES.items()),
    *(Unsupported(reason, path_prefix=prefix) for prefix, reason in MISSING_PREFIXES.items()),
)


def missing_reason(method: str, path: str) -> str | None:
    """Why Hollo cannot serve ``method path`` (a path template), or ``None`` if it can (by :data:`UNSUPPORTED`)."""
    return next((rule.reason for rule in UNSUPPORTED if rule.matches("", method, path)), None)


__all__ = ["MISSING_PREFIXES", "MISSING_ROUTES", "UNSUPPORTED", "missing_reason"]
