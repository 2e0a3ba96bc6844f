"""Notification, grouped notification, notification request and conversation endpoints."""

from .model import ID, IDS, LIST, PAGINATION, Param, endpoint

R = "Reading data: Notifications"
W = "Writing data: Notifications"
GR = "Reading data: Grouped notifications"
GW = "Writing data: Grouped notifications"
RR = "Reading data: Notification requests"
RW = "Writing data: Notification requests"

notifications = endpoint(
    "notifications", "GET", "/api/v1/notifications",
    ID("account_id"), *PAGINATION, LIST("exclude_types"), LIST("types", added="3.5.0"),
    Param("include_filtered", added="4.3.0"), LIST("supported_types", added="4.6.0"),
    returns="[Notification]", changed="2.9.0", section=R,
)
notification = endpoint(
    "notification", "GET", "/api/v1/notifications/{id}", LIST("supported_types", added="4.6.0"),
    returns="Notification", changed="2.9.0", section=R,
)
notifications_unread_count = endpoint(
    "notifications_unread_count", "GET", "/api/v1/notifications/unread_count",
    Param("limit"), LIST("types"), LIST("exclude_types"), ID("account_id"),
    returns="UnreadNotificationsCount", added="4.3.0", section=R,
)
notifications_clear = endpoint("notifications_clear", "POST", "/api/v1/notifications/clear", returns="None", section=W)
notifications_dismiss = endpoint(
    "notifications_dismiss", "POST", "/api/v1/notifications/{id}/dismiss", returns="None",
    added="1.3.0", changed="2.9.2", section=W,
)
notifications_dismiss_legacy = endpoint(
    "notifications_dismiss_legacy", "POST", "/api/v1/notifications/dismiss", ID("id"), returns="None",
    added="1.3.0", section=W,
)

notifications_policy = endpoint(
    "notifications_policy", "GET", "/api/v2/notifications/policy", returns="NotificationPolicy", added="4.3.0", section=R,
)
update_notifications_policy = endpoint(
    "update_notifications_policy", "PATCH", "/api/v2/notifications/policy",
    "for_not_following", "for_not_followers", "for_new_accounts", "for_private_mentions", "for_limited_accounts",
    returns="NotificationPolicy", added="4.3.0", section=W,
)

grouped_notifications = endpoint(
    "grouped_notifications", "GET", "/api/v2/notifications",
    ID("max_id"), ID("since_id"), ID("min_id"), Param("limit"), LIST("types"), LIST("exclude_types"), ID("account_id"),
    Param("expand_accounts"), LIST("grouped_types"), Param("include_filtered"), LIST("supported_types", added="4.6.0"),
    returns="GroupedNotificationsResults", added="4.3.0", changed="4.6.0", section=GR,
)
grouped_notification = endpoint(
    "grouped_notification", "GET", "/api/v2/notifications/{group_key}", LIST("supported_types", added="4.6.0"),
    returns="GroupedNotificationsResults", added="4.3.0", changed="4.6.0", section=GR,
)
grouped_notification_accounts = endpoint(
    "grouped_notification_accounts", "GET", "/api/v2/notifications/{group_key}/accounts",
    returns="[Account]", added="4.3.0", section=GR,
)
unread_grouped_notifications_count = endpoint(
    "unread_grouped_notifications_count", "GET", "/api/v2/notifications/unread_count",
    Param("limit"), LIST("types"), LIST("exclude_types"), ID("account_id"), LIST("grouped_types"),
    returns="int", added="4.3.0", section=GR,
)
dismiss_grouped_notification = endpoint(
    "dismiss_grouped_notification", "POST", "/api/v2/notifications/{group_key}/dismiss",
    returns="None", added="4.3.0", section=GW,
)

notification_requests = endpoint(
    "notification_requests", "GET", "/api/v1/notifications/requests", ID("max_id"), ID("since_id"), ID("min_id"), Param("limit"),
    returns="[NotificationRequest]", added="4.3.0", section=RR,
)
notification_request = endpoint(
    "notification_request", "GET", "/api/v1/notifications/requests/{id}", returns="NotificationRequest", added="4.3.0", section=RR,
)
notifications_merged = endpoint(
    "notifications_merged", "GET", "/api/v1/notifications/requests/merged", returns="bool", added="4.3.0", section=RR,
)
accept_notification_request = endpoint(
    "accept_notification_request", "POST", "/api/v1/notifications/requests/{id}/accept", returns="None", added="4.3.0", section=RW,
)
dismiss_notification_request = endpoint(
    "dismiss_notification_request", "POST", "/api/v1/notifications/requests/{id}/dismiss", returns="None", added="4.3.0", section=RW,
)
accept_multiple_notification_requests = endpoint(
    "accept_multiple_notification_requests", "POST", "/api/v1/notifications/requests/accept", IDS("ids", wire="id[]"),
    returns="None", added="4.3.0", section=RW,
)
dismiss_multiple_notification_requests = endpoint(
    "dismiss_multiple_notification_requests", "POST", "/api/v1/notifications/requests/dismiss", IDS("ids", wire="id[]"),
    returns="None", added="4.3.0", section=RW,
)

conversations_read = endpoint(
    "conversations_read", "POST", "/api/v1/conversations/{id}/read", returns="Conversation",
    added="2.6.0", section="Writing data: Conversations",
)
