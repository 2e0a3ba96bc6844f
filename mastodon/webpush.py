"""Web push cryptography: subscription keys and "aesgcm" push decryption.

Pushes are encrypted as in the "aesgcm" web push draft (the encoding Mastodon uses): the
server derives a key from its ephemeral P-256 key (``dh`` in the Crypto-Key header), the
subscriber's public key and the shared auth secret, and sends the salt in the Encryption
header. ``cryptography`` and ``http_ece`` are imported only when these functions run.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from typing import Any

from .errors import MastodonIllegalArgumentError
from .extras import require

_FEATURE = "Web push encryption"
_B64 = re.compile(r"^[A-Za-z0-9+/_-]*={0,2}$")
#: Length of an uncompressed P-256 point and of the salt, in bytes.
POINT_LENGTH = 65
SALT_LENGTH = 16
AUTH_LENGTH = 16


def _ec() -> Any:
    require("cryptography", "webpush", _FEATURE)
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec


def _public_bytes(key: Any) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return bytes(key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint))


def generate_keys() -> tuple[dict[str, Any], dict[str, Any]]:
    """A new P-256 key pair and auth secret: ``({'privkey', 'auth'}, {'pubkey', 'auth'})``."""
    ec = _ec()
    private_key = ec.generate_private_key(ec.SECP256R1())
    auth = secrets.token_bytes(AUTH_LENGTH)
    private = {"privkey": private_key.private_numbers().private_value, "auth": auth}
    public = {"pubkey": _public_bytes(private_key.public_key()), "auth": auth}
    return private, public


def b64decode(value: str, name: str = "value") -> bytes:
    """Decode url-safe (or standard) base64, with or without padding."""
    text = value.strip().strip('"')
    if not _B64.match(text):
        raise MastodonIllegalArgumentError(f"{name} is not valid base64")
    text = text.rstrip("=").replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise MastodonIllegalArgumentError(f"{name} is not valid base64: {exc}") from None


def parse_header(header: str, name: str) -> dict[str, str]:
    """``key=value`` pairs of an Encryption or Crypto-Key header (``;`` or ``,`` separated)."""
    if not isinstance(header, str):
        raise MastodonIllegalArgumentError(f"The {name} header must be a string")
    pairs: dict[str, str] = {}
    for part in re.split(r"[;,]", header):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep:
            raise MastodonIllegalArgumentError(f"Malformed {name} header: {part.strip()!r} is not key=value")
        pairs.setdefault(key.strip().lower(), value.strip())
    return pairs


def _private_key(decrypt_params: Any) -> tuple[Any, bytes]:
    ec = _ec()
    if not isinstance(decrypt_params, dict) or "privkey" not in decrypt_params or "auth" not in decrypt_params:
        raise MastodonIllegalArgumentError("decrypt_params must be the private dict from push_subscription_generate_keys()")
    privkey, auth = decrypt_params["privkey"], decrypt_params["auth"]
    if not isinstance(privkey, int) or isinstance(privkey, bool) or not isinstance(auth, (bytes, bytearray)):
        raise MastodonIllegalArgumentError("decrypt_params needs an integer 'privkey' and bytes 'auth'")
    try:
        return ec.derive_private_key(privkey, ec.SECP256R1()), bytes(auth)
    except ValueError as exc:
        raise MastodonIllegalArgumentError(f"Invalid private key: {exc}") from None


def decrypt_push(data: bytes, decrypt_params: dict[str, Any], encryption_header: str, crypto_key_header: str) -> bytes:
    """Decrypt an "aesgcm" web push body; returns the plaintext bytes.

    Raises :class:`MastodonIllegalArgumentError` for malformed headers or parameters and
    for data that does not decrypt with the given key.
    """
    private_key, auth = _private_key(decrypt_params)
    http_ece = require("http_ece", "webpush", _FEATURE)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise MastodonIllegalArgumentError("The push data must be bytes")
    encryption = parse_header(encryption_header, "Encryption")
    crypto_key = parse_header(crypto_key_header, "Crypto-Key")
    if "salt" not in encryption:
        raise MastodonIllegalArgumentError("The Encryption header has no salt")
    if "dh" not in crypto_key:
        raise MastodonIllegalArgumentError("The Crypto-Key header has no dh key")
    salt = b64decode(encryption["salt"], "salt")
    dh = b64decode(crypto_key["dh"], "dh")
    if len(salt) != SALT_LENGTH:
        raise MastodonIllegalArgumentError(f"The salt must be {SALT_LENGTH} bytes, got {len(salt)}")
    if len(dh) != POINT_LENGTH:
        raise MastodonIllegalArgumentError(f"The dh key must be a {POINT_LENGTH}-byte P-256 point, got {len(dh)} bytes")
    if "p256ecdsa" in crypto_key and len(b64decode(crypto_key["p256ecdsa"], "p256ecdsa")) != POINT_LENGTH:
        raise MastodonIllegalArgumentError("The p256ecdsa key must be a P-256 point")
    options: dict[str, Any] = {}
    if "rs" in encryption:
        try:
            options["rs"] = int(encryption["rs"])
        except ValueError:
            raise MastodonIllegalArgumentError("The Encryption header has a non-numeric rs") from None
    try:
        plain = http_ece.decrypt(
            bytes(data), salt=salt, private_key=private_key, dh=dh, auth_secret=auth,
            keylabel="P-256", version="aesgcm", **options,
        )
    except (http_ece.ECEException, ValueError) as exc:
        raise MastodonIllegalArgumentError(f"Could not decrypt the push: {getattr(exc, 'message', exc)}") from None
    return bytes(plain)


__all__ = ["generate_keys", "decrypt_push", "parse_header", "b64decode"]
