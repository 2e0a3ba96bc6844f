"""Credential files: line format, owner-only permissions, atomic replacement, redacted reprs."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from mastodon import MastodonFileNotFoundError, MastodonIllegalArgumentError
from mastodon.credentials import (
    ClientCredentials,
    UserCredentials,
    read_client_credentials,
    read_user_credentials,
    write_client_credentials,
    write_secret_file,
    write_user_credentials,
)

SECRET = "s3cr3t-client-secret-value"
TOKEN = "t0k3n-access-token-value"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_client_file_format_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "clientcred.secret"
    write_client_credentials(path, ClientCredentials("cid", SECRET, "https://social.example", "My App"))
    assert path.read_text() == f"cid\n{SECRET}\nhttps://social.example\nMy App\n"
    assert mode(path) == 0o600


def test_user_file_format_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "usercred.secret"
    write_user_credentials(path, UserCredentials(TOKEN, "https://social.example"))
    assert path.read_text() == f"{TOKEN}\nhttps://social.example\n"
    assert mode(path) == 0o600


def test_mode_is_0600_even_with_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "token.secret"
        write_user_credentials(path, UserCredentials(TOKEN))
    finally:
        os.umask(old)
    assert mode(path) == 0o600


def test_overwrite_tightens_permissions(tmp_path: Path) -> None:
    path = tmp_path / "token.secret"
    path.write_text("old\n")
    path.chmod(0o644)
    write_user_credentials(path, UserCredentials(TOKEN))
    assert mode(path) == 0o600
    assert read_user_credentials(path).access_token == TOKEN


def test_round_trip(tmp_path: Path) -> None:
    client = ClientCredentials("cid", SECRET, "https://social.example", "My App")
    write_client_credentials(tmp_path / "c", client)
    assert read_client_credentials(tmp_path / "c") == client
    user = UserCredentials(TOKEN, "https://social.example")
    write_user_credentials(tmp_path / "u", user)
    assert read_user_credentials(tmp_path / "u") == user


def test_reads_old_short_files_and_crlf(tmp_path: Path) -> None:
    (tmp_path / "c").write_text("cid\r\nsecret\r\n")
    assert read_client_credentials(tmp_path / "c") == ClientCredentials("cid", "secret", None, None)
    (tmp_path / "c3").write_text("cid\nsecret\nhttps://social.example")
    assert read_client_credentials(tmp_path / "c3").api_base_url == "https://social.example"
    (tmp_path / "u").write_text("token-only\n")
    assert read_user_credentials(tmp_path / "u") == UserCredentials("token-only", None)


def test_empty_or_missing_files(tmp_path: Path) -> None:
    (tmp_path / "empty").write_text("")
    with pytest.raises(MastodonIllegalArgumentError):
        read_client_credentials(tmp_path / "empty")
    with pytest.raises(MastodonIllegalArgumentError):
        read_user_credentials(tmp_path / "empty")
    with pytest.raises(MastodonFileNotFoundError):
        read_user_credentials(tmp_path / "nope")


def test_line_breaks_in_values_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "c"
    with pytest.raises(MastodonIllegalArgumentError):
        write_client_credentials(path, ClientCredentials("cid", "sec\nret"))
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def _crash_on_replace(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []

    def crash(src: Any, dst: Any) -> None:
        calls.append((os.fspath(src), os.fspath(dst)))
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    return calls


def test_crash_mid_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "usercred.secret"
    write_user_credentials(path, UserCredentials("old-token", "https://social.example"))
    before = path.read_text()
    calls = _crash_on_replace(monkeypatch)
    with pytest.raises(OSError, match="disk pulled out"):
        write_user_credentials(path, UserCredentials("new-token", "https://social.example"))
    assert calls and calls[0][1] == os.fspath(path)
    assert os.path.dirname(calls[0][0]) == os.fspath(tmp_path)  # temp file next to the target
    assert path.read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usercred.secret"]


def test_crash_on_first_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _crash_on_replace(monkeypatch)
    with pytest.raises(OSError):
        write_client_credentials(tmp_path / "clientcred.secret", ClientCredentials("cid", SECRET))
    assert list(tmp_path.iterdir()) == []


def test_temp_file_is_private_before_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    real_replace = os.replace

    def spy(src: Any, dst: Any) -> None:
        seen["mode"] = stat.S_IMODE(os.stat(src).st_mode)
        seen["content"] = Path(src).read_text()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_secret_file(tmp_path / "x", ["a", "b"])
    assert seen == {"mode": 0o600, "content": "a\nb\n"}


def test_reprs_hide_secrets() -> None:
    client = ClientCredentials("cid", SECRET, "https://social.example", "My App")
    user = UserCredentials(TOKEN, "https://social.example")
    for text in (repr(client), str(client), repr(user), str(user), repr([client, user])):
        assert SECRET not in text and TOKEN not in text
    assert "cid" in repr(client) and "social.example" in repr(user)


def test_token_files_with_app_credentials_supply_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mastodon import Mastodon

    path = tmp_path / "usercred.secret"
    path.write_text("the-token\nhttps://mastodon.example\napp-id\napp-secret\n")
    api = Mastodon(access_token=str(path), mastodon_version="4.2.0")
    assert (api.access_token, api.api_base_url) == ("the-token", "https://mastodon.example")
    assert (api.client_id, api.client_secret) == ("app-id", "app-secret")
    assert "app-secret" not in repr(api)
