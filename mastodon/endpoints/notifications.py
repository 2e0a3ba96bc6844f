"""Notification and conversation endpoints."""

from .model import ID, LIST, PAGINATION, endpoint

notifications = endpoint(
    "notifications", "GET", "/api/v1/notifications",
    ID("account_id"), *PAGINATION, LIST("exclude_types"), LIST("types", added="3.5.0"),
    returns="[Notification]", changed="2.9.0", section="Reading data: Notifications",
)
notification = endpoint(
    "notification", "GET", "/api/v1/notifications/{id}", returns="Notification", changed="2.9.0",
    section="Reading data: Notifications",
)
notifications_clear = endpoint("notifications_clear", "POST", "/api/v1/notifications/clear", returns="None", section="Writing data: Notifications")
notifications_dismiss = endpoint(
    "notifications_dismiss", "POST", "/api/v1/notifications/{id}/dismiss", returns="None",
    added="1.3.0", changed="2.9.2", section="Writing data: Notifications",
)
notifications_dismiss_legacy = endpoint(
    "notifications_dismiss_legacy", "POST", "/api/v1/notifications/dismiss", ID("id"), returns="None",
    added="1.3.0", section="Writing data: Notifications",
)
conversations_read = endpoint(
    "conversations_read", "POST", "/api/v1/conversations/{id}/read", returns="Conversation",
    added="2.6.0", section="Writing data: Conversations",
)
