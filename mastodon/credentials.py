"""Credential files in the original library's line format, written atomically (mode 0600).

Client credential file: ``client_id``, ``client_secret``, ``api_base_url``, ``client_name``,
one per line. User credential file: ``access_token``, ``api_base_url``.
"""

from __future__ import annotations

import os
import tempfile

from .errors import MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonIOError
from .records import Record


class ClientCredentials(Record):
    client_id: str
    client_secret: str | None = None
    api_base_url: str | None = None
    client_name: str | None = None

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret='***', api_base_url={self.api_base_url!r}, client_name={self.client_name!r})"


class UserCredentials(Record):
    """An access token file: token and base URL; newer writers add the app's id and secret."""

    access_token: str
    api_base_url: str | None = None
    client_id: str | None = None
    client_secret: str | None = None

    def __repr__(self) -> str:
        return f"UserCredentials(access_token='***', api_base_url={self.api_base_url!r}, client_id={self.client_id!r})"


def _read_lines(path: str | os.PathLike[str]) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return [line.rstrip("\r\n").strip() for line in handle]
    except FileNotFoundError as exc:
        raise MastodonFileNotFoundError(f"Credential file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MastodonIllegalArgumentError(f"Credential file {path} cannot be read: {exc}") from exc


def read_client_credentials(path: str | os.PathLike[str]) -> ClientCredentials:
    lines = _read_lines(path)
    if not lines or not lines[0]:
        raise MastodonIllegalArgumentError(f"Client credential file {path} has no client id")
    return ClientCredentials(
        client_id=lines[0],
        client_secret=(lines[1] or None) if len(lines) > 1 else None,
        api_base_url=(lines[2] or None) if len(lines) > 2 else None,
        client_name=(lines[3] or None) if len(lines) > 3 else None,
    )


def read_user_credentials(path: str | os.PathLike[str]) -> UserCredentials:
    lines = _read_lines(path)
    if not lines or not lines[0]:
        raise MastodonIllegalArgumentError(f"Access token file {path} has no token")
    def line(index: int) -> str | None:
        return (lines[index] or None) if len(lines) > index else None

    return UserCredentials(access_token=lines[0], api_base_url=line(1), client_id=line(2), client_secret=line(3))


def write_secret_file(path: str | os.PathLike[str], lines: list[str]) -> None:
    """Write ``lines`` to ``path`` atomically with owner-only permissions.

    The data goes to a temporary file in the same directory (mode 0600), is flushed to
    disk, then renamed over ``path``: a crash leaves either the old file or the new one.
    """
    for line in lines:
        if "\n" in line or "\r" in line:
            raise MastodonIllegalArgumentError("Credential values cannot contain line breaks")
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".secret", dir=directory)
    except OSError as exc:
        raise MastodonIOError(f"Cannot write credential file {target}: {exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write("".join(line + "\n" for line in lines))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, MastodonIOError):
            raise MastodonIOError(f"Cannot write credential file {target}: {exc}") from exc
        raise


def write_client_credentials(path: str | os.PathLike[str], creds: ClientCredentials) -> None:
    write_secret_file(
        path,
        [creds.client_id, creds.client_secret or "", creds.api_base_url or "", creds.client_name or ""],
    )


def write_user_credentials(path: str | os.PathLike[str], creds: UserCredentials) -> None:
    write_secret_file(path, [creds.access_token, creds.api_base_url or ""])


__all__ = [
    "ClientCredentials",
    "UserCredentials",
    "read_client_credentials",
    "read_user_credentials",
    "write_secret_file",
    "write_client_credentials",
    "write_user_credentials",
]
