"""Web push subscription endpoints."""

from .model import endpoint

S = "Push subscriptions"

push_subscription = endpoint("push_subscription", "GET", "/api/v1/push/subscription", returns="WebPushSubscription", added="2.4.0", section=S)
push_subscription_set = endpoint("push_subscription_set", "POST", "/api/v1/push/subscription", returns="WebPushSubscription", added="2.4.0", section=S)
push_subscription_update = endpoint("push_subscription_update", "PUT", "/api/v1/push/subscription", returns="WebPushSubscription", added="2.4.0", section=S)
push_subscription_delete = endpoint("push_subscription_delete", "DELETE", "/api/v1/push/subscription", returns="None", added="2.4.0", section=S)
