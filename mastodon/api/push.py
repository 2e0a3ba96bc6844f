"""Web push subscriptions and push decryption."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..decode import decode_json
from ..endpoints import push as E
from ..errors import MastodonIllegalArgumentError
from .binding import api_method, uses_endpoint, version_note

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
)


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

    @uses_endpoint(E.push_subscription_set)
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
    ) -> WebPushSubscription:
        """Sets up or modifies the push subscription the logged-in user has for this app.

        ``endpoint`` is the URL the server should call for pushes (servers require https;
        ``https://`` is added when no scheme is given). ``encrypt_params`` is a dict with
        the public key ``pubkey`` and the shared secret ``auth`` the server encrypts pushes
        with; generate it (and the matching private key) with
        ``push_subscription_generate_keys()``.

        The other parameters control which kinds of events you wish to subscribe to.

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
        }
        params.update(_alerts(dict(
            follow_events=follow_events, favourite_events=favourite_events, reblog_events=reblog_events,
            mention_events=mention_events, poll_events=poll_events, follow_request_events=follow_request_events,
        )))
        return self._pipeline.call(E.push_subscription_set, params)

    @uses_endpoint(E.push_subscription_update)
    def push_subscription_update(
        self,
        follow_events: bool | None = None,
        favourite_events: bool | None = None,
        reblog_events: bool | None = None,
        mention_events: bool | None = None,
        poll_events: bool | None = None,
        follow_request_events: bool | None = None,
    ) -> WebPushSubscription:
        """Modifies what kind of events the app wishes to subscribe to.

        Returns the updated push subscription dict.
        """
        params = _alerts(dict(
            follow_events=follow_events, favourite_events=favourite_events, reblog_events=reblog_events,
            mention_events=mention_events, poll_events=poll_events, follow_request_events=follow_request_events,
        ))
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

    @version_note("2.4.0")
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
