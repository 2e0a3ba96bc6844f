"""Status, scheduled status and poll endpoints."""

from .model import EXT, ID, IDS, LIST, PAGINATION, Endpoint, Param, endpoint

R = "Reading data: Statuses"
W = "Writing data: Statuses"


def _action(name: str, verb: str, added: str, changed: str, method: str = "POST") -> Endpoint:
    return endpoint(name, method, "/api/v1/statuses/{id}/" + verb, returns="Status", added=added, changed=changed, section=W)


status = endpoint("status", "GET", "/api/v1/statuses/{id}", returns="Status", added="1.0.0", changed="2.0.0", section=R)
status_context = endpoint("status_context", "GET", "/api/v1/statuses/{id}/context", returns="Context", section=R)
status_reblogged_by = endpoint(
    "status_reblogged_by", "GET", "/api/v1/statuses/{id}/reblogged_by", *PAGINATION,
    returns="[Account]", changed="2.1.0", section=R,
)
status_favourited_by = endpoint(
    "status_favourited_by", "GET", "/api/v1/statuses/{id}/favourited_by", *PAGINATION,
    returns="[Account]", changed="2.1.0", section=R,
)
statuses = endpoint("statuses", "GET", "/api/v1/statuses", IDS("ids", wire="id[]"), returns="[Status]", added="4.3.0", section=R)
status_quotes = endpoint(
    "status_quotes", "GET", "/api/v1/statuses/{id}/quotes", ID("max_id"), ID("since_id"), Param("limit"),
    returns="[Status]", added="4.5.0", section=R,
)
status_card = endpoint("status_card", "GET", "/api/v1/statuses/{id}/card", returns="PreviewCard", changed="3.0.0", section=R)
status_history = endpoint("status_history", "GET", "/api/v1/statuses/{id}/history", returns="[StatusEdit]", added="3.5.0", section=R)
status_source = endpoint("status_source", "GET", "/api/v1/statuses/{id}/source", returns="StatusSource", added="3.5.0", section=R)

#: Who may quote a status (``quote_approval_policy``), as the reference lists them.
QUOTE_APPROVAL_POLICIES = ("public", "followers", "nobody")

status_post = endpoint(
    "status_post", "POST", "/api/v1/statuses",
    "status", ID("in_reply_to_id"), IDS("media_ids"), "sensitive", "visibility", "spoiler_text",
    "language", "scheduled_at", Param("poll", "json"), EXT("content_type"), EXT("quote_id", "id", feature="quotes"),
    ID("quoted_status_id", added="4.5.0"), Param("quote_approval_policy", added="4.5.0"),
    returns="Status", changed="2.8.0", section=W,
)
status_update = endpoint(
    "status_update", "PUT", "/api/v1/statuses/{id}",
    "status", "spoiler_text", "sensitive", IDS("media_ids"), Param("poll", "json"),
    Param("media_attributes", "json"), Param("quote_approval_policy", added="4.5.0"), Param("language", added="4.0.0"),
    returns="Status", added="3.5.0", section=W,
)
status_update_quote_approval_policy = endpoint(
    "status_update_quote_approval_policy", "PUT", "/api/v1/statuses/{id}/interaction_policy", "quote_approval_policy",
    returns="Status", added="4.5.0", section=W,
)
status_quote_revoke = endpoint(
    "status_quote_revoke", "POST", "/api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke",
    returns="Status", added="4.5.0", section=W,
)
status_translate = endpoint(
    "status_translate", "POST", "/api/v1/statuses/{id}/translate", "lang", returns="Translation", added="4.0.0", section=R,
)
status_reblog = endpoint(
    "status_reblog", "POST", "/api/v1/statuses/{id}/reblog", "visibility",
    returns="Status", changed="2.0.0", section=W,
)
status_unreblog = _action("status_unreblog", "unreblog", "1.0.0", "2.0.0")
status_favourite = _action("status_favourite", "favourite", "1.0.0", "2.0.0")
status_unfavourite = _action("status_unfavourite", "unfavourite", "1.0.0", "2.0.0")
status_mute = _action("status_mute", "mute", "1.4.0", "2.0.0")
status_unmute = _action("status_unmute", "unmute", "1.4.0", "2.0.0")
status_pin = _action("status_pin", "pin", "2.1.0", "2.1.0")
status_unpin = _action("status_unpin", "unpin", "2.1.0", "2.1.0")
status_bookmark = _action("status_bookmark", "bookmark", "3.1.0", "3.1.0")
status_unbookmark = _action("status_unbookmark", "unbookmark", "3.1.0", "3.1.0")
status_delete = endpoint(
    "status_delete", "DELETE", "/api/v1/statuses/{id}", Param("delete_media", "flag", added="4.4.0"),
    returns="Status", section=W,
)

# Emoji reactions are not mainline: backends supply the routes.
status_emoji_reactions = endpoint(
    "status_emoji_reactions", "GET", "/api/v1/statuses/{id}/emoji_reactions", EXT("emoji"),
    returns="[Reaction]", mainline=False, section="Server extras: emoji reactions",
)
status_emoji_reaction_create = endpoint(
    "status_emoji_reaction_create", "PUT", "/api/v1/statuses/{id}/emoji_reactions/{emoji}",
    returns="Status", mainline=False, section="Server extras: emoji reactions",
)
status_emoji_reaction_delete = endpoint(
    "status_emoji_reaction_delete", "DELETE", "/api/v1/statuses/{id}/emoji_reactions/{emoji}",
    returns="Status", mainline=False, section="Server extras: emoji reactions",
)

S_R = "Reading data: Scheduled statuses"
S_W = "Writing data: Scheduled statuses"
scheduled_statuses = endpoint(
    "scheduled_statuses", "GET", "/api/v1/scheduled_statuses", *PAGINATION,
    returns="[ScheduledStatus]", added="2.7.0", section=S_R,
)
scheduled_status = endpoint("scheduled_status", "GET", "/api/v1/scheduled_statuses/{id}", returns="ScheduledStatus", added="2.7.0", section=S_R)
scheduled_status_update = endpoint(
    "scheduled_status_update", "PUT", "/api/v1/scheduled_statuses/{id}", "scheduled_at",
    returns="ScheduledStatus", added="2.7.0", section=S_W,
)
scheduled_status_delete = endpoint("scheduled_status_delete", "DELETE", "/api/v1/scheduled_statuses/{id}", returns="None", added="2.7.0", section=S_W)

poll = endpoint("poll", "GET", "/api/v1/polls/{id}", returns="Poll", added="2.8.0", section="Reading data: Polls")
poll_vote = endpoint("poll_vote", "POST", "/api/v1/polls/{id}/votes", LIST("choices"), returns="Poll", added="2.8.0", section="Writing data: Polls")
