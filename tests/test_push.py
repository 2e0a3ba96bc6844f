"""Web push: subscription requests on the mock server, key generation, push decryption."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from typing import Any

import http_ece
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from mastodon import AttribAccessDict, MastodonIllegalArgumentError, MastodonVersionError
from mastodon.extras import MastodonMissingExtraError

SUBSCRIPTION = {
    "id": 328183,
    "endpoint": "https://relay.example/push/abc",
    "alerts": {"follow": True, "favourite": False, "reblog": True, "mention": True, "poll": False},
    "server_key": "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=",
}

PUSH = {
    "access_token": "push-access-token",
    "preferred_locale": "en",
    "notification_id": 104,
    "notification_type": "mention",
    "icon": "https://files.example/avatar.png",
    "title": "Alice mentioned you",
    "body": "@bob hello there",
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def point(key: Any) -> bytes:
    return key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)


def server_push(
    payload: bytes, pub: dict[str, Any], salt: bytes | None = None, vapid: bytes | None = None
) -> tuple[bytes, str, str]:
    """Encrypt ``payload`` for the subscriber ``pub`` as a server does; body and headers."""
    server_key = ec.generate_private_key(ec.SECP256R1())
    salt = salt if salt is not None else os.urandom(16)
    body = http_ece.encrypt(
        payload, version="aesgcm", private_key=server_key, dh=pub["pubkey"], auth_secret=pub["auth"],
        keylabel="P-256", salt=salt,
    )
    vapid = vapid if vapid is not None else point(ec.generate_private_key(ec.SECP256R1()))
    return body, f"salt={b64url(salt)}", f"dh={b64url(point(server_key))};p256ecdsa={b64url(vapid)}"


# -- subscription requests -------------------------------------------------------------------


def test_push_subscription_get(api: Any, mock_http: Any) -> None:
    mock_http.add("GET", "/api/v1/push/subscription", SUBSCRIPTION)
    result = api.push_subscription()
    assert mock_http.last.method == "GET"
    assert mock_http.last.headers["Authorization"] == "Bearer test-token"
    assert isinstance(result, AttribAccessDict)
    assert result.endpoint == SUBSCRIPTION["endpoint"]
    assert result.alerts.reblog is True


def test_push_subscription_set_form(api: Any, mock_http: Any) -> None:
    mock_http.add("POST", "/api/v1/push/subscription", SUBSCRIPTION)
    _, pub = api.push_subscription_generate_keys()
    result = api.push_subscription_set(
        "https://relay.example/push/abc", pub, follow_events=True, favourite_events=False, mention_events=True,
        follow_request_events=True,
    )
    form = dict(mock_http.last.form)
    assert mock_http.last.method == "POST"
    assert form == {
        "subscription[endpoint]": "https://relay.example/push/abc",
        "subscription[keys][p256dh]": base64.b64encode(pub["pubkey"]).decode(),
        "subscription[keys][auth]": base64.b64encode(pub["auth"]).decode(),
        "data[alerts][follow]": "1",
        "data[alerts][favourite]": "0",
        "data[alerts][mention]": "1",
        "data[alerts][follow_request]": "1",
    }
    assert result.id == 328183


def test_push_subscription_set_uses_standard_base64(api: Any, mock_http: Any) -> None:
    mock_http.add("POST", "/api/v1/push/subscription", SUBSCRIPTION)
    pub = {"pubkey": b"\x04" + b"\xfb\xff" * 32, "auth": b"\xff" * 16}
    api.push_subscription_set("https://relay.example/x", pub)
    form = dict(mock_http.last.form)
    assert form["subscription[keys][p256dh]"] == base64.b64encode(pub["pubkey"]).decode()
    assert "/" in form["subscription[keys][p256dh]"] and "+" in form["subscription[keys][p256dh]"]
    assert form["subscription[keys][auth]"] == "/////////////////////w=="
    assert not any(key.startswith("data[alerts]") for key in form)


def test_push_subscription_set_prefixes_https(api: Any, mock_http: Any) -> None:
    mock_http.add("POST", "/api/v1/push/subscription", SUBSCRIPTION)
    _, pub = api.push_subscription_generate_keys()
    api.push_subscription_set("relay.example/push/abc", pub, poll_events=True)
    form = dict(mock_http.last.form)
    assert form["subscription[endpoint]"] == "https://relay.example/push/abc"
    assert form["data[alerts][poll]"] == "1"


@pytest.mark.parametrize("params", [None, {}, {"pubkey": b"x"}, {"pubkey": 5, "auth": b"a"}])
def test_push_subscription_set_rejects_bad_keys(api: Any, mock_http: Any, params: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        api.push_subscription_set("https://relay.example/x", params)
    assert mock_http.sent == []


def test_push_subscription_update(api: Any, mock_http: Any) -> None:
    mock_http.add("PUT", "/api/v1/push/subscription", SUBSCRIPTION)
    api.push_subscription_update(reblog_events=True, mention_events=False, poll_events=True)
    assert mock_http.last.method == "PUT"
    assert dict(mock_http.last.form) == {
        "data[alerts][reblog]": "1",
        "data[alerts][mention]": "0",
        "data[alerts][poll]": "1",
    }


def test_push_subscription_set_newer_alerts_policy_and_standard(make_api: Any, mock_http: Any) -> None:
    mock_http.add("POST", "/api/v1/push/subscription", SUBSCRIPTION)
    api = make_api(version="4.5.0")
    _, pub = api.push_subscription_generate_keys()
    api.push_subscription_set(
        "https://relay.example/x", pub, status_events=True, policy="followed", update_events=True, admin_sign_up_events=False,
        admin_report_events=True, quote_events=True, quoted_update_events=False, standard=True,
    )
    form = dict(mock_http.last.form)
    assert {k: v for k, v in form.items() if k.startswith(("data", "subscription[standard]"))} == {
        "subscription[standard]": "1",
        "data[alerts][status]": "1",
        "data[alerts][update]": "1",
        "data[alerts][admin.sign_up]": "0",
        "data[alerts][admin.report]": "1",
        "data[alerts][quote]": "1",
        "data[alerts][quoted_update]": "0",
        "data[policy]": "followed",
    }


def test_push_subscription_update_newer_alerts_and_policy(make_api: Any, mock_http: Any) -> None:
    mock_http.add("PUT", "/api/v1/push/subscription", SUBSCRIPTION)
    make_api(version="4.0.0").push_subscription_update(status_events=True, admin_report_events=False, policy="none")
    assert dict(mock_http.last.form) == {"data[alerts][status]": "1", "data[alerts][admin.report]": "0", "policy": "none"}


def test_the_default_policy_is_not_sent(api: Any, mock_http: Any) -> None:
    """"all" is the server's default: leaving it out keeps requests to pre-3.4 servers (and recordings) unchanged."""
    mock_http.add("PUT", "/api/v1/push/subscription", SUBSCRIPTION)
    api.push_subscription_update(poll_events=True)
    assert dict(mock_http.last.form) == {"data[alerts][poll]": "1"}


@pytest.mark.parametrize(
    ("version", "kwargs", "needed"),
    [
        ("3.2.0", {"status_events": True}, "3.3.0"),
        ("3.3.0", {"policy": "follower"}, "3.4.0"),
        ("3.4.0", {"update_events": True}, "3.5.0"),
        ("3.5.0", {"admin_report_events": True}, "4.0.0"),
        ("4.4.0", {"quote_events": True}, "4.5.0"),
        ("4.3.0", {"standard": True}, "4.4.0"),
    ],
)
def test_newer_push_parameters_are_gated(make_api: Any, mock_http: Any, version: str, kwargs: dict[str, Any], needed: str) -> None:
    api = make_api(version=version)
    _, pub = api.push_subscription_generate_keys()
    with pytest.raises(MastodonVersionError, match=needed.replace(".", r"\.")):
        api.push_subscription_set("https://relay.example/x", pub, **kwargs)
    assert mock_http.sent == []


def test_an_unknown_policy_is_refused(api: Any, mock_http: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="policy"):
        api.push_subscription_update(policy="friends")
    assert mock_http.sent == []


def test_push_subscription_delete(api: Any, mock_http: Any) -> None:
    mock_http.add("DELETE", "/api/v1/push/subscription", {})
    api.push_subscription_delete()
    assert (mock_http.last.method, mock_http.last.path) == ("DELETE", "/api/v1/push/subscription")


def test_push_subscription_is_version_gated(make_api: Any, mock_http: Any) -> None:
    old = make_api(version="2.3.0")
    with pytest.raises(MastodonVersionError):
        old.push_subscription()
    assert mock_http.sent == []


# -- keys ------------------------------------------------------------------------------------


def test_generate_keys_shapes(api: Any) -> None:
    priv, pub = api.push_subscription_generate_keys()
    assert set(priv) == {"privkey", "auth"} and set(pub) == {"pubkey", "auth"}
    assert isinstance(priv["privkey"], int)
    assert isinstance(pub["auth"], bytes) and len(pub["auth"]) == 16
    assert priv["auth"] == pub["auth"]
    assert len(pub["pubkey"]) == 65 and pub["pubkey"][0] == 4
    derived = ec.derive_private_key(priv["privkey"], ec.SECP256R1())
    assert point(derived) == pub["pubkey"]
    priv2, pub2 = api.push_subscription_generate_keys()
    assert priv2["privkey"] != priv["privkey"] and pub2["auth"] != pub["auth"]


# -- decryption ------------------------------------------------------------------------------


def test_decrypt_push_round_trip(api: Any) -> None:
    priv, pub = api.push_subscription_generate_keys()
    body, encryption, crypto_key = server_push(json.dumps(PUSH).encode(), pub)
    result = api.push_subscription_decrypt_push(body, priv, encryption, crypto_key)
    assert result == PUSH
    assert isinstance(result, AttribAccessDict)
    assert result.notification_type == "mention"
    assert result.notification_id == 104


def test_decrypt_push_accepts_padded_and_reordered_headers(api: Any) -> None:
    priv, pub = api.push_subscription_generate_keys()
    body, encryption, crypto_key = server_push(json.dumps(PUSH).encode(), pub)
    salt = encryption.removeprefix("salt=")
    dh, vapid = (part.split("=", 1)[1] for part in crypto_key.split(";"))

    def pad(value: str) -> str:
        return value + "=" * (-len(value) % 4)

    result = api.push_subscription_decrypt_push(
        body, priv, f"keyid=p256dh; salt={pad(salt)}; rs=4096", f"keyid=p256dh,p256ecdsa={pad(vapid)};dh={pad(dh)}"
    )
    assert result.title == PUSH["title"]


def test_decrypt_push_without_vapid_key(api: Any) -> None:
    priv, pub = api.push_subscription_generate_keys()
    body, encryption, crypto_key = server_push(b'{"title": "x"}', pub)
    assert api.push_subscription_decrypt_push(body, priv, encryption, crypto_key.split(";")[0]) == {"title": "x"}


def test_decrypt_push_with_wrong_key_fails_cleanly(api: Any) -> None:
    _, pub = api.push_subscription_generate_keys()
    other_priv, _ = api.push_subscription_generate_keys()
    body, encryption, crypto_key = server_push(json.dumps(PUSH).encode(), pub)
    with pytest.raises(MastodonIllegalArgumentError, match="decrypt"):
        api.push_subscription_decrypt_push(body, {**other_priv, "auth": pub["auth"]}, encryption, crypto_key)


@pytest.mark.parametrize(
    ("encryption", "crypto_key"),
    [
        ("", "dh=VALID"),
        ("rs=4096", "dh=VALID"),
        ("salt=SALT", ""),
        ("salt=SALT", "p256ecdsa=VALID"),
        ("salt=not*base64", "dh=VALID"),
        ("salt=c2hvcnQ", "dh=VALID"),
        ("salt=SALT", "dh=c2hvcnQ"),
        ("salt=SALT", "dh=VALID;p256ecdsa=c2hvcnQ"),
        ("salt=SALT;rs=big", "dh=VALID"),
        ("salt", "dh=VALID"),
    ],
)
def test_decrypt_push_malformed_headers(api: Any, encryption: str, crypto_key: str) -> None:
    priv, pub = api.push_subscription_generate_keys()
    body, good_encryption, good_crypto_key = server_push(b"{}", pub)
    salt = good_encryption.split("=", 1)[1]
    dh = good_crypto_key.split(";")[0].split("=", 1)[1]
    with pytest.raises(MastodonIllegalArgumentError):
        api.push_subscription_decrypt_push(
            body, priv, encryption.replace("SALT", salt), crypto_key.replace("VALID", dh)
        )


def test_decrypt_push_bad_params(api: Any) -> None:
    _, pub = api.push_subscription_generate_keys()
    body, encryption, crypto_key = server_push(b"{}", pub)
    for params in ({}, {"privkey": "123", "auth": pub["auth"]}, {"privkey": 0, "auth": pub["auth"]}, pub):
        with pytest.raises(MastodonIllegalArgumentError):
            api.push_subscription_decrypt_push(body, params, encryption, crypto_key)


def test_decrypt_push_non_json_payload(api: Any) -> None:
    priv, pub = api.push_subscription_generate_keys()
    body, encryption, crypto_key = server_push(b"not json", pub)
    with pytest.raises(MastodonIllegalArgumentError, match="JSON"):
        api.push_subscription_decrypt_push(body, priv, encryption, crypto_key)


# -- optional dependency ---------------------------------------------------------------------


@pytest.mark.parametrize("module", ["cryptography", "http_ece"])
def test_missing_extra_names_the_install_command(api: Any, monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    priv, pub = api.push_subscription_generate_keys()
    body, encryption, crypto_key = server_push(b"{}", pub)
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MastodonMissingExtraError, match=r"pip install mastodon-fediverse\[webpush\]") as info:
        api.push_subscription_decrypt_push(body, priv, encryption, crypto_key)
    assert isinstance(info.value, MastodonIllegalArgumentError)
    assert isinstance(info.value, NotImplementedError)


def test_generate_keys_without_cryptography(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cryptography", None)
    with pytest.raises(MastodonIllegalArgumentError, match=r"mastodon-fediverse\[webpush\]"):
        api.push_subscription_generate_keys()


def test_import_does_not_load_crypto() -> None:
    code = (
        "import sys, mastodon; "
        "print(sorted(m for m in ('cryptography', 'http_ece', 'blurhash') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
