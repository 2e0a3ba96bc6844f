"""Moderation (admin) API endpoints."""

from .model import ID, PAGINATION, Endpoint, endpoint

S = "Moderation API"


def _account_action(verb: str) -> Endpoint:
    return endpoint(f"admin_account_{verb}", "POST", "/api/v1/admin/accounts/{id}/" + verb, returns="AdminAccount", added="2.9.1", section=S)


def _report_action(name: str, verb: str) -> Endpoint:
    return endpoint(f"admin_report_{name}", "POST", "/api/v1/admin/reports/{id}/" + verb, returns="AdminReport", added="2.9.1", section=S)


admin_accounts = endpoint(
    "admin_accounts", "GET", "/api/v1/admin/accounts",
    "remote", "local", "by_domain", "active", "pending", "disabled", "silenced", "suspended",
    "username", "display_name", "email", "ip", "staff", *PAGINATION,
    returns="[AdminAccount]", added="2.9.1", section=S,
)
admin_account = endpoint("admin_account", "GET", "/api/v1/admin/accounts/{id}", returns="AdminAccount", added="2.9.1", section=S)
admin_account_enable = _account_action("enable")
admin_account_approve = _account_action("approve")
admin_account_reject = _account_action("reject")
admin_account_unsilence = _account_action("unsilence")
admin_account_unsuspend = _account_action("unsuspend")
admin_account_moderate = endpoint(
    "admin_account_moderate", "POST", "/api/v1/admin/accounts/{id}/action",
    "type", ID("report_id"), "warning_preset_id", "text", "send_email_notification",
    returns="None", added="2.9.1", section=S,
)
admin_reports = endpoint(
    "admin_reports", "GET", "/api/v1/admin/reports", "resolved", ID("account_id"), ID("target_account_id"), *PAGINATION,
    returns="[AdminReport]", added="2.9.1", section=S,
)
admin_report = endpoint("admin_report", "GET", "/api/v1/admin/reports/{id}", returns="AdminReport", added="2.9.1", section=S)
admin_report_assign = _report_action("assign", "assign_to_self")
admin_report_unassign = _report_action("unassign", "unassign")
admin_report_reopen = _report_action("reopen", "reopen")
admin_report_resolve = _report_action("resolve", "resolve")
