"""GoToSocial ids are ULIDs: 26 Crockford base32 characters, a 48-bit millisecond timestamp
followed by 80 random bits. Statuses, media and notifications get time-based ULIDs, so a
datetime can stand for a pagination id; accounts get ULIDs with a random timestamp.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUES = {char: index for index, char in enumerate(ALPHABET)}
ULID_LENGTH = 26
TIME_LENGTH = 10
MAX_TIMESTAMP_MS = (1 << 48) - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MS = timedelta(milliseconds=1)


def ulid_for_datetime(value: datetime) -> str:
    """The smallest ULID of the millisecond ``value`` falls in (its random part all zeros).

    As ``max_id`` it excludes everything created at or after that millisecond; as
    ``since_id``/``min_id`` it includes everything created from then on. Naive datetimes
    are taken as local time.
    """
    if value.tzinfo is None:
        value = value.astimezone()
    millis = (value - _EPOCH) // _MS
    millis = min(max(millis, 0), MAX_TIMESTAMP_MS)
    chars = []
    for _ in range(TIME_LENGTH):
        chars.append(ALPHABET[millis & 31])
        millis >>= 5
    return "".join(reversed(chars)) + "0" * (ULID_LENGTH - TIME_LENGTH)


def ulid_timestamp(ulid: str) -> datetime:
    """The creation time encoded in a ULID (millisecond precision, UTC).

    Raises ``ValueError`` for anything that is not a ULID.
    """
    if not isinstance(ulid, str) or len(ulid) != ULID_LENGTH:
        raise ValueError(f"not a ULID: {ulid!r}")
    millis = 0
    for char in ulid[:TIME_LENGTH].upper():
        if char not in _VALUES:
            raise ValueError(f"not a ULID: {ulid!r}")
        millis = (millis << 5) | _VALUES[char]
    if millis > MAX_TIMESTAMP_MS:
        raise ValueError(f"not a ULID: {ulid!r}")
    return _EPOCH + millis * _MS


def is_ulid(value: object) -> bool:
    try:
        ulid_timestamp(value)  # type: ignore[arg-type]
    except ValueError:
        return False
    return all(char in _VALUES for char in str(value).upper())


__all__ = ["ALPHABET", "ulid_for_datetime", "ulid_timestamp", "is_ulid"]
