"""Web push subscriptions and push decryption."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..decode import decode_json
from ..endpoints import push as E
from ..errors import MastodonIllegalArgumentError
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import Entity, WebPushSubscription


#: Event parameter -> alert name on the wire (``data[alerts][<name>]``).
ALERTS = (
    ("follow_events", "follow"),
    ("favourite_events", "favourite"),
    ("reblog_events", "reblog"),
    ("mention_events", "mention"),
    ("poll_events", "poll"),
    ("follow_request_events", "follow_request"),
    ("status_events", "status"),
    ("update_events", "update"),
    ("admin_sign_up_events", "admin.sign_up"),
    ("admin_report_events", "admin.report"),
    ("quote_events", "quote"),
    ("quoted_update_events", "quoted_update"),
)
#: Who pushes come from (``policy``); the server's default is ``"all"``.
POLICIES = ("all", "followed", "follower", "none")


def _policy(policy: str | None) -> str | None:
    """The policy to send: ``None`` for the server's default ("all"), which is not sent."""
    if policy is None or policy == "all":
        return None
    if policy not in POLICIES:
        raise MastodonIllegalArgumentError(f"policy must be one of {', '.join(POLICIES)}, not {policy!r}")
    return policy


def _alerts(events: dict[str, bool | None]) -> dict[str, bool]:
    """``data[alerts][...]`` form fields for the events that were given."""
    return {f"data[alerts][{alert}]": bool(events[name]) for name, alert in ALERTS if events[name] is not None}


def _key_b64(encrypt_params: Any, key: str) -> str:
    if not isinstance(encrypt_params, dict) or key not in encrypt_params:
        raise MastodonIllegalArgumentError(
            f"encrypt_params needs '{key}' (use the public dict from push_subscription_generate_keys())"
        )
    value = encrypt_params[key]
    if isinstance(value, str):  # already encoded
        return value
    if not isinstance(value, (bytes, bytearray)):
        raise MastodonIllegalArgumentError(f"encrypt_params['{key}'] must be bytes")
    return base64.b64encode(bytes(value)).decode("ascii")


class PushAPI(MastodonBase):
    @api_method(E.push_subscription)
    def push_subscription(self) -> WebPushSubscription:
        """Fetch the current push subscription the logged-in user has for this app.

        Returns a push subscription dict.
        """

    @api_method(E.push_subscription_set, body=True)
    def push_subscription_set(
        self,
        endpoint: str,
        encrypt_params: dict[str, Any],
        follow_events: bool | None = None,
        favourite_events: bool | None = None,
        reblog_events: bool | None = None,
        mention_events: bool | None = None,
        poll_events: bool | None = None,
        follow_request_events: bool | None = None,
        status_events: bool | None = None,
        policy: str = "all",
        update_events: bool | None = None,
        admin_sign_up_events: bool | None = None,
        admin_report_events: bool | None = None,
        quote_events: bool | None = None,
        quoted_update_events: bool | None = None,
        standard: bool | None = None,
    ) -> WebPushSubscription:
        """Sets up or modifies the push subscription the logged-in user has for this app.

        ``endpoint`` is the URL the server should call for pushes (servers require https;
        ``https://`` is added when no scheme is given). ``encrypt_params`` is a dict with
        the public key ``pubkey`` and the shared secret ``auth`` the server encrypts pushes
        with; generate it (and the matching private key) with
        ``push_subscription_generate_keys()``.

        The ``*_events`` parameters choose the kinds of events you wish to subscribe to
        (``status_events``: posts of accounts you subscribed to, 3.3.0+; ``update_events``
        and ``admin_sign_up_events``: 3.5.0+; ``admin_report_events``: 4.0.0+; the quote
        events: 4.5.0+). ``policy`` ("all", "followed", "follower" or "none", 3.4.0+) says
        whose events are pushed. ``standard`` (4.4.0+) asks for standard Web Push
        (RFC 8030/8291/8292) instead of the legacy draft encryption.

        Returns a push subscription dict.
        """
        if not isinstance(endpoint, str) or not endpoint.strip():
            raise MastodonIllegalArgumentError("endpoint must be a non-empty URL")
        endpoint = endpoint.strip()
        if "://" not in endpoint:
            endpoint = "https://" + endpoint
        params: dict[str, Any] = {
            "subscription[endpoint]": endpoint,
            "subscription[keys][p256dh]": _key_b64(encrypt_params, "pubkey"),
            "subscription[keys][auth]": _key_b64(encrypt_params, "auth"),
            "subscription[standard]": None if standard is None else bool(standard),
        }
        params.update(_alerts(dict(
            follow_events=follow_events, favourite_events=favourite_events, reblog_events=reblog_events,
            mention_events=mention_events, poll_events=poll_events, follow_request_events=follow_request_events,
            status_events=status_events, update_events=update_events, admin_sign_up_events=admin_sign_up_events,
            admin_report_events=admin_report_events, quote_events=quote_events, quoted_update_events=quoted_update_events,
        )))
        params["data[policy]"] = _policy(policy)
        return self._pipeline.call(E.push_subscription_set, params)

    @api_method(E.push_subscription_update, body=True)
    def push_subscription_update(
        self,
        follow_events: bool | None = None,
        favourite_events: bool | None = None,
        reblog_events: bool | None = None,
        mention_events: bool | None = None,
        poll_events: bool | None = None,
        follow_request_events: bool | None = None,
        status_events: bool | None = None,
        policy: str | None = "all",
        update_events: bool | None = None,
        admin_sign_up_events: bool | None = None,
        admin_report_events: bool | None = None,
        quote_events: bool | None = None,
        quoted_update_events: bool | None = None,
    ) -> WebPushSubscription:
        """Modifies what kind of events the app wishes to subscribe to (parameters as for :meth:`push_subscription_set`).

        Returns the updated push subscription dict.
        """
        params: dict[str, Any] = _alerts(dict(
            follow_events=follow_events, favourite_events=favourite_events, reblog_events=reblog_events,
            mention_events=mention_events, poll_events=poll_events, follow_request_events=follow_request_events,
            status_events=status_events, update_events=update_events, admin_sign_up_events=admin_sign_up_events,
            admin_report_events=admin_report_events, quote_events=quote_events, quoted_update_events=quoted_update_events,
        ))
        policy_value = _policy(policy)
        if policy_value is not None:
            params["policy"] = policy_value
        return self._pipeline.call(E.push_subscription_update, params)

    @api_method(E.push_subscription_delete)
    def push_subscription_delete(self) -> None:
        """Remove the push subscription the logged-in user has for this app."""

    def push_subscription_generate_keys(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Generates a private key, public key and shared secret for use in webpush subscriptions.

        Returns two dicts: one with the private key and shared secret
        (``{'privkey': int, 'auth': bytes}``, keep it to decrypt pushes) and another with
        the public key and shared secret (``{'pubkey': bytes, 'auth': bytes}``, pass it to
        ``push_subscription_set()``). Needs the "webpush" extra.
        """
        from ..webpush import generate_keys

        return generate_keys()

    @api_method(since=E.push_subscription)
    def push_subscription_decrypt_push(
        self,
        data: bytes,
        decrypt_params: dict[str, Any],
        encryption_header: str,
        crypto_key_header: str,
    ) -> Entity:
        """Decrypts data received in a webpush request.

        Requires the private key dict from ``push_subscription_generate_keys()``
        (``decrypt_params``) as well as the Encryption and server Crypto-Key headers from
        the received webpush. Needs the "webpush" extra.

        Returns the decoded webpush as a push notification dict.
        """
        from ..webpush import decrypt_push

        plain = decrypt_push(data, decrypt_params, encryption_header, crypto_key_header)
        try:
            return decode_json(plain.decode("utf-8"), self._pipeline.decode_options.convert_ids)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MastodonIllegalArgumentError(f"The decrypted push is not JSON: {exc}") from None


__all__ = ["PushAPI", "ALERTS"]
