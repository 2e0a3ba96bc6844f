"""Moderation (admin) API endpoints.

Versions follow the "Version history" lines of Mastodon's ``methods/admin/*`` pages. The
trend review routes (``POST /api/v1/admin/trends/{links,statuses,tags}/:id/approve`` and
``/reject``) are not on those pages; they are declared as Mastodon 4.1.0 serves them.
"""

from .model import ID, IDS, LIST, PAGINATION, Endpoint, Param, endpoint

S = "Moderation API"
V4 = "4.0.0"


def _account_action(verb: str, added: str = "2.9.1", changed: str | None = None) -> Endpoint:
    return endpoint(
        f"admin_account_{verb}", "POST", "/api/v1/admin/accounts/{id}/" + verb,
        returns="AdminAccount", added=added, changed=changed, section=S,
    )


def _report_action(name: str, verb: str) -> Endpoint:
    return endpoint(f"admin_report_{name}", "POST", "/api/v1/admin/reports/{id}/" + verb, returns="AdminReport", added="2.9.1", section=S)


def _listing(name: str, path: str, entity: str, added: str = V4) -> Endpoint:
    """A paginated list of moderation records."""
    return endpoint(name, "GET", path, *PAGINATION, returns=f"[{entity}]", added=added, section=S)


def _record(name: str, method: str, path: str, entity: str, *params: Param | str, added: str = V4) -> Endpoint:
    """One moderation record: read, created, changed or deleted."""
    return endpoint(name, method, path, *params, returns=entity, added=added, section=S)


def _trend_review(kind: str, singular: str, verb: str, entity: str) -> Endpoint:
    return endpoint(
        f"admin_{verb}_trending_{singular}", "POST", f"/api/v1/admin/trends/{kind}/{{id}}/{verb}",
        returns=entity, added="4.1.0", section=S,
    )


# -- accounts ----------------------------------------------------------------------------

admin_accounts = endpoint(
    "admin_accounts", "GET", "/api/v1/admin/accounts",
    "remote", "local", "by_domain", "active", "pending", "disabled", "silenced", "suspended",
    "username", "display_name", "email", "ip", "staff", *PAGINATION,
    returns="[AdminAccount]", added="2.9.1", section=S,
)
admin_accounts_v2 = endpoint(
    "admin_accounts_v2", "GET", "/api/v2/admin/accounts",
    "origin", "by_domain", "status", "username", "display_name", "email", "ip", "permissions",
    ID("invited_by"), IDS("role_ids", added=V4), *PAGINATION,
    returns="[AdminAccount]", added="3.5.0", changed=V4, section=S,
)
admin_account = endpoint("admin_account", "GET", "/api/v1/admin/accounts/{id}", returns="AdminAccount", added="2.9.1", section=S)
admin_account_delete = endpoint(
    "admin_account_delete", "DELETE", "/api/v1/admin/accounts/{id}", returns="AdminAccount", added="3.3.0", changed=V4, section=S
)
admin_account_enable = _account_action("enable")
admin_account_approve = _account_action("approve")
admin_account_reject = _account_action("reject")
admin_account_unsilence = _account_action("unsilence")
admin_account_unsuspend = _account_action("unsuspend")
admin_account_unsensitive = _account_action("unsensitive", "3.3.0", V4)
admin_account_moderate = endpoint(
    "admin_account_moderate", "POST", "/api/v1/admin/accounts/{id}/action",
    "type", ID("report_id"), "warning_preset_id", "text", "send_email_notification",
    returns="None", added="2.9.1", section=S,
)

# -- reports -----------------------------------------------------------------------------

admin_reports = endpoint(
    "admin_reports", "GET", "/api/v1/admin/reports", "resolved", ID("account_id"), ID("target_account_id"), *PAGINATION,
    returns="[AdminReport]", added="2.9.1", section=S,
)
admin_report = endpoint("admin_report", "GET", "/api/v1/admin/reports/{id}", returns="AdminReport", added="2.9.1", section=S)
admin_report_assign = _report_action("assign", "assign_to_self")
admin_report_unassign = _report_action("unassign", "unassign")
admin_report_reopen = _report_action("reopen", "reopen")
admin_report_resolve = _report_action("resolve", "resolve")

# -- federation: domain blocks and allows ------------------------------------------------

_DOMAIN_BLOCK_SETTINGS = ("severity", "reject_media", "reject_reports", "private_comment", "public_comment", "obfuscate")
admin_domain_blocks = _listing("admin_domain_blocks", "/api/v1/admin/domain_blocks", "AdminDomainBlock")
admin_domain_block = _record("admin_domain_block", "GET", "/api/v1/admin/domain_blocks/{id}", "AdminDomainBlock")
admin_create_domain_block = _record(
    "admin_create_domain_block", "POST", "/api/v1/admin/domain_blocks", "AdminDomainBlock", "domain", *_DOMAIN_BLOCK_SETTINGS
)
admin_update_domain_block = _record(
    "admin_update_domain_block", "PUT", "/api/v1/admin/domain_blocks/{id}", "AdminDomainBlock", *_DOMAIN_BLOCK_SETTINGS
)
admin_delete_domain_block = _record("admin_delete_domain_block", "DELETE", "/api/v1/admin/domain_blocks/{id}", "None")

admin_domain_allows = _listing("admin_domain_allows", "/api/v1/admin/domain_allows", "AdminDomainAllow")
admin_domain_allow = _record("admin_domain_allow", "GET", "/api/v1/admin/domain_allows/{id}", "AdminDomainAllow")
admin_create_domain_allow = _record("admin_create_domain_allow", "POST", "/api/v1/admin/domain_allows", "AdminDomainAllow", "domain")
admin_delete_domain_allow = _record("admin_delete_domain_allow", "DELETE", "/api/v1/admin/domain_allows/{id}", "None")

# -- sign-up blocks: e-mail domains, canonical e-mail addresses, IP ranges ---------------

admin_email_domain_blocks = _listing("admin_email_domain_blocks", "/api/v1/admin/email_domain_blocks", "AdminEmailDomainBlock")
admin_email_domain_block = _record(
    "admin_email_domain_block", "GET", "/api/v1/admin/email_domain_blocks/{id}", "AdminEmailDomainBlock", added="4.1.0"
)
admin_create_email_domain_block = _record(
    "admin_create_email_domain_block", "POST", "/api/v1/admin/email_domain_blocks", "AdminEmailDomainBlock", "domain"
)
admin_delete_email_domain_block = _record("admin_delete_email_domain_block", "DELETE", "/api/v1/admin/email_domain_blocks/{id}", "None")

_CANONICAL = "/api/v1/admin/canonical_email_blocks"
admin_canonical_email_blocks = _listing("admin_canonical_email_blocks", _CANONICAL, "AdminCanonicalEmailBlock")
admin_canonical_email_block = _record("admin_canonical_email_block", "GET", _CANONICAL + "/{id}", "AdminCanonicalEmailBlock")
admin_test_canonical_email_block = _record(
    "admin_test_canonical_email_block", "POST", _CANONICAL + "/test", "[AdminCanonicalEmailBlock]", "email"
)
admin_create_canonical_email_block = _record(
    "admin_create_canonical_email_block", "POST", _CANONICAL, "AdminCanonicalEmailBlock", "email", "canonical_email_hash"
)
admin_delete_canonical_email_block = _record(
    "admin_delete_canonical_email_block", "DELETE", _CANONICAL + "/{id}", "AdminCanonicalEmailBlock"
)

_IP_BLOCK_SETTINGS = ("ip", "severity", "comment", "expires_in")
admin_ip_blocks = _listing("admin_ip_blocks", "/api/v1/admin/ip_blocks", "AdminIpBlock")
admin_ip_block = _record("admin_ip_block", "GET", "/api/v1/admin/ip_blocks/{id}", "AdminIpBlock")
admin_create_ip_block = _record("admin_create_ip_block", "POST", "/api/v1/admin/ip_blocks", "AdminIpBlock", *_IP_BLOCK_SETTINGS)
admin_update_ip_block = _record("admin_update_ip_block", "PUT", "/api/v1/admin/ip_blocks/{id}", "AdminIpBlock", *_IP_BLOCK_SETTINGS)
admin_delete_ip_block = _record("admin_delete_ip_block", "DELETE", "/api/v1/admin/ip_blocks/{id}", "None")

# -- dashboard: measures, dimensions, retention ------------------------------------------

#: Measures and dimensions that need a subject: the wire parameter holding it, by key.
TAG_MEASURES = ("tag_accounts", "tag_uses", "tag_servers")
INSTANCE_MEASURES = (
    "instance_accounts", "instance_media_attachments", "instance_reports", "instance_statuses",
    "instance_follows", "instance_followers",
)
TAG_DIMENSIONS = ("tag_servers", "tag_languages")
INSTANCE_DIMENSIONS = ("instance_accounts", "instance_languages")


def _subjects(tag_keys: tuple[str, ...], instance_keys: tuple[str, ...]) -> tuple[Param, ...]:
    """``tag_uses[id]=...`` and ``instance_accounts[domain]=...``: the subject of each keyed metric."""
    return (*(ID(key, wire=f"{key}[id]") for key in tag_keys), *(Param(key, wire=f"{key}[domain]") for key in instance_keys))


admin_measures = endpoint(
    "admin_measures", "POST", "/api/v1/admin/measures",
    LIST("keys"), "start_at", "end_at", *_subjects(TAG_MEASURES, INSTANCE_MEASURES),
    returns="[AdminMeasure]", added="3.5.0", changed=V4, section=S,
)
admin_dimensions = endpoint(
    "admin_dimensions", "POST", "/api/v1/admin/dimensions",
    LIST("keys"), "start_at", "end_at", "limit", *_subjects(TAG_DIMENSIONS, INSTANCE_DIMENSIONS),
    returns="[AdminDimension]", added="3.5.0", changed=V4, section=S,
)
admin_retention = endpoint(
    "admin_retention", "POST", "/api/v1/admin/retention", "start_at", "end_at", "frequency",
    returns="[AdminRetention]", added="3.5.0", changed=V4, section=S,
)

# -- trends: everything trending, reviewed or not ----------------------------------------

admin_trending_links = endpoint("admin_trending_links", "GET", "/api/v1/admin/trends/links", returns="[PreviewCard]", added="3.5.0", section=S)
admin_trending_statuses = endpoint(
    "admin_trending_statuses", "GET", "/api/v1/admin/trends/statuses", returns="[Status]", added="3.5.0", section=S
)
admin_trending_tags = endpoint(
    "admin_trending_tags", "GET", "/api/v1/admin/trends/tags", "limit", returns="[Tag]", added="3.5.0", changed="4.1.0", section=S
)
admin_approve_trending_link = _trend_review("links", "link", "approve", "PreviewCard")
admin_reject_trending_link = _trend_review("links", "link", "reject", "PreviewCard")
admin_approve_trending_status = _trend_review("statuses", "status", "approve", "Status")
admin_reject_trending_status = _trend_review("statuses", "status", "reject", "Status")
admin_approve_trending_tag = _trend_review("tags", "tag", "approve", "Tag")
admin_reject_trending_tag = _trend_review("tags", "tag", "reject", "Tag")
