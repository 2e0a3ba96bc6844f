"""Web push subscription endpoints."""

from .model import Param, endpoint

S = "Push subscriptions"

push_subscription = endpoint("push_subscription", "GET", "/api/v1/push/subscription", returns="WebPushSubscription", added="2.4.0", section=S)
#: The alerts added after 2.4.0, as their form fields (both for creating and for changing a subscription).
_NEWER_ALERTS = (
    Param("data[alerts][status]", added="3.3.0"),
    Param("data[alerts][update]", added="3.5.0"),
    Param("data[alerts][admin.sign_up]", added="3.5.0"),
    Param("data[alerts][admin.report]", added="4.0.0"),
    Param("data[alerts][quote]", added="4.5.0"),
    Param("data[alerts][quoted_update]", added="4.5.0"),
)
push_subscription_set = endpoint(
    "push_subscription_set", "POST", "/api/v1/push/subscription", *_NEWER_ALERTS, Param("data[policy]", added="3.4.0"),
    Param("subscription[standard]", added="4.4.0"), returns="WebPushSubscription", added="2.4.0", changed="4.5.0", section=S,
)
push_subscription_update = endpoint(
    "push_subscription_update", "PUT", "/api/v1/push/subscription", *_NEWER_ALERTS, Param("policy", added="3.4.0"),
    returns="WebPushSubscription", added="2.4.0", changed="4.5.0", section=S,
)
push_subscription_delete = endpoint("push_subscription_delete", "DELETE", "/api/v1/push/subscription", returns="None", added="2.4.0", section=S)
