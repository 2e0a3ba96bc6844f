"""Account, relationship, follow and profile endpoints."""

from .model import FILE, FLAG, IDS, LIST, PAGINATION, Endpoint, Param, endpoint

R = "Reading data: Accounts"
W = "Writing data: Accounts"


def _rel(name: str, verb: str, added: str, changed: str, *params: object) -> Endpoint:
    return endpoint(name, "POST", "/api/v1/accounts/{id}/" + verb, *params, returns="Relationship", added=added, changed=changed, section=W)  # type: ignore[arg-type]


account = endpoint("account", "GET", "/api/v1/accounts/{id}", returns="Account", section=R)
accounts = endpoint("accounts", "GET", "/api/v1/accounts", IDS("ids", wire="id[]"), returns="[Account]", added="4.3.0", section=R)
account_verify_credentials = endpoint(
    "account_verify_credentials", "GET", "/api/v1/accounts/verify_credentials", returns="Account", changed="2.1.0", section=R
)
account_statuses = endpoint(
    "account_statuses", "GET", "/api/v1/accounts/{id}/statuses",
    FLAG("only_media"), FLAG("pinned"), FLAG("exclude_replies"), FLAG("exclude_reblogs"), "tagged", *PAGINATION,
    returns="[Status]", changed="2.8.0", section=R,
)
account_following = endpoint(
    "account_following", "GET", "/api/v1/accounts/{id}/following", *PAGINATION,
    returns="[Account]", changed="2.6.0", section=R,
)
account_followers = endpoint(
    "account_followers", "GET", "/api/v1/accounts/{id}/followers", *PAGINATION,
    returns="[Account]", changed="2.6.0", section=R,
)
account_relationships = endpoint(
    "account_relationships", "GET", "/api/v1/accounts/relationships", IDS("id"), Param("with_suspended", added="4.3.0"),
    returns="[Relationship]", changed="1.4.0", section=R,
)
account_search = endpoint(
    "account_search", "GET", "/api/v1/accounts/search", "q", "limit", FLAG("following"), FLAG("resolve"),
    Param("offset", added="2.8.0"),
    returns="[Account]", changed="2.3.0", section=R,
)
account_lookup = endpoint("account_lookup", "GET", "/api/v1/accounts/lookup", "acct", returns="Account", added="3.4.0", section=R)
account_featured_tags = endpoint(
    "account_featured_tags", "GET", "/api/v1/accounts/{id}/featured_tags", returns="[Tag]", added="3.3.0", section=R
)
account_familiar_followers = endpoint(
    "account_familiar_followers", "GET", "/api/v1/accounts/familiar_followers", IDS("id"),
    returns="[FamiliarFollowers]", added="3.5.0", section=R,
)
account_lists = endpoint("account_lists", "GET", "/api/v1/accounts/{id}/lists", returns="[UserList]", added="2.1.0", section=R)

account_follow = _rel("account_follow", "follow", "1.0.0", "3.3.0", "reblogs", "notify")
account_unfollow = _rel("account_unfollow", "unfollow", "1.0.0", "1.4.0")
account_block = _rel("account_block", "block", "1.0.0", "1.4.0")
account_unblock = _rel("account_unblock", "unblock", "1.0.0", "1.4.0")
account_mute = _rel("account_mute", "mute", "1.1.0", "2.4.3", "notifications", "duration")
account_unmute = _rel("account_unmute", "unmute", "1.1.0", "1.4.0")
account_remove_from_followers = _rel("account_remove_from_followers", "remove_from_followers", "3.5.0", "3.5.0")
account_endorse = _rel("account_endorse", "endorse", "4.4.0", "4.4.0")
account_unendorse = _rel("account_unendorse", "unendorse", "4.4.0", "4.4.0")
account_pin = _rel("account_pin", "pin", "2.5.0", "2.5.0")
account_unpin = _rel("account_unpin", "unpin", "2.5.0", "2.5.0")
account_note_set = _rel("account_note_set", "note", "3.2.0", "3.2.0", "comment")
account_update_credentials = endpoint(
    "account_update_credentials", "PATCH", "/api/v1/accounts/update_credentials",
    "display_name", "note", FILE("avatar"), FILE("header"), "locked", "bot", "discoverable",
    Param("hide_collections", added="4.1.0"), Param("indexable", added="4.2.0"), LIST("attribution_domains", added="4.4.0"),
    Param("default_privacy", wire="source[privacy]", added="2.4.0"),
    Param("default_sensitive", wire="source[sensitive]", added="2.4.0"),
    Param("default_language", wire="source[language]", added="2.4.2"),
    Param("default_quote_policy", wire="source[quote_policy]", added="4.5.0"),
    Param("avatar_description", added="4.6.0"), Param("header_description", added="4.6.0"),
    returns="Account", added="1.1.1", changed="3.1.0", section=W,
)

P = "Writing data: Profile"
profile = endpoint("profile", "GET", "/api/v1/profile", returns="Profile", added="4.6.0", section="Reading data: Profile")
profile_update = endpoint(
    "profile_update", "PATCH", "/api/v1/profile",
    "display_name", "note", FILE("avatar"), FILE("header"), "locked", "bot", "discoverable", "hide_collections", "indexable",
    "show_media", "show_media_replies", "show_featured", LIST("attribution_domains"), "avatar_description", "header_description",
    returns="Profile", added="4.6.0", section=P,
)
account_delete_avatar = endpoint("account_delete_avatar", "DELETE", "/api/v1/profile/avatar", returns="Account", added="4.2.0", section=P)
account_delete_header = endpoint("account_delete_header", "DELETE", "/api/v1/profile/header", returns="Account", added="4.2.0", section=P)
follows = endpoint("follows", "POST", "/api/v1/follows", "uri", returns="Account", changed="2.1.0", section="Reading data: Follows")

F = "Reading data: Featured tags"
featured_tags = endpoint("featured_tags", "GET", "/api/v1/featured_tags", returns="[FeaturedTag]", added="3.0.0", section=F)
featured_tag_suggestions = endpoint(
    "featured_tag_suggestions", "GET", "/api/v1/featured_tags/suggestions", returns="[Tag]", added="3.0.0", section=F
)
featured_tag_create = endpoint(
    "featured_tag_create", "POST", "/api/v1/featured_tags", "name", returns="FeaturedTag", added="3.0.0", section="Writing data: Featured tags"
)
featured_tag_delete = endpoint(
    "featured_tag_delete", "DELETE", "/api/v1/featured_tags/{id}", returns="None", added="3.0.0", section="Writing data: Featured tags"
)

suggestions = endpoint("suggestions", "GET", "/api/v1/suggestions", returns="[Account]", added="2.4.3", section="Reading data: Follow suggestions")
suggestions_v2 = endpoint(
    "suggestions_v2", "GET", "/api/v2/suggestions", returns="[Suggestion]", added="3.4.0", section="Reading data: Follow suggestions"
)
suggestion_delete = endpoint(
    "suggestion_delete", "DELETE", "/api/v1/suggestions/{account_id}", returns="None", added="2.4.3",
    section="Writing data: Follow suggestions",
)
directory = endpoint("directory", "GET", "/api/v1/directory", "offset", "limit", "order", "local", returns="[Account]", added="3.0.0", section="Reading data: Profile directory")
endorsements = endpoint("endorsements", "GET", "/api/v1/endorsements", *PAGINATION, returns="[Account]", added="2.5.0", section="Reading data: Endorsements")

favourites = endpoint(
    "favourites", "GET", "/api/v1/favourites", *PAGINATION, returns="[Status]", changed="2.6.0", section="Reading data: Favourites"
)
bookmarks = endpoint(
    "bookmarks", "GET", "/api/v1/bookmarks", *PAGINATION, returns="[Status]", added="3.1.0", section="Reading data: Bookmarks"
)
follow_requests = endpoint(
    "follow_requests", "GET", "/api/v1/follow_requests", *PAGINATION,
    returns="[Account]", changed="2.6.0", section="Reading data: Follow requests",
)
follow_request_authorize = endpoint(
    "follow_request_authorize", "POST", "/api/v1/follow_requests/{id}/authorize",
    returns="Relationship", changed="3.0.0", section="Writing data: Follow requests",
)
follow_request_reject = endpoint(
    "follow_request_reject", "POST", "/api/v1/follow_requests/{id}/reject",
    returns="Relationship", changed="3.0.0", section="Writing data: Follow requests",
)
mutes = endpoint("mutes", "GET", "/api/v1/mutes", *PAGINATION, returns="[Account]", added="1.1.0", changed="2.6.0", section="Reading data: Mutes and blocks")
blocks = endpoint("blocks", "GET", "/api/v1/blocks", *PAGINATION, returns="[Account]", changed="2.6.0", section="Reading data: Mutes and blocks")
domain_blocks = endpoint(
    "domain_blocks", "GET", "/api/v1/domain_blocks", *PAGINATION,
    returns="[str]", added="1.4.0", changed="2.6.0", section="Reading data: Domain blocks",
)
domain_block = endpoint("domain_block", "POST", "/api/v1/domain_blocks", "domain", returns="None", added="1.4.0", section="Writing data: Domain blocks")
domain_unblock = endpoint("domain_unblock", "DELETE", "/api/v1/domain_blocks", "domain", returns="None", added="1.4.0", section="Writing data: Domain blocks")
