"""Version numbers: parsing, comparison and the server-version record."""

from __future__ import annotations

import re

from .errors import MastodonMalformedVersionError
from .records import Record, field

VersionTuple = tuple[int, int, int]

_STRICT = r"^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-.]?(?:rc|pre|beta|alpha)[.\d]*|-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.+-]*)?$"  # compiled on first use
#: Numbers of at most nine digits, not inside a longer run: a linear search even in a
#: hostile string of digits (an unbounded ``\d+`` backtracks quadratically).
_LENIENT = r"(?<!\d)(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?"


def _tuple(major: str, minor: str, patch: str | None) -> VersionTuple | None:
    try:
        return int(major), int(minor), int(patch or 0)
    except ValueError:  # more digits than int() accepts
        return None


def parse_version_tuple(text: str) -> VersionTuple:
    """Parse ``"4.2.1"``, ``"3.5.3+glitch"`` or ``"4.0.0rc1"`` into ``(major, minor, patch)``.

    Raises :class:`MastodonMalformedVersionError` (a :class:`MastodonIllegalArgumentError`) when
    the text is not a version number.
    """
    if not isinstance(text, str):
        raise MastodonMalformedVersionError(f"Version must be a string, not {type(text).__name__}")
    match = re.match(_STRICT, text.strip())
    if match is None:
        raise MastodonMalformedVersionError(f"Malformed version string: {text!r}")
    version = _tuple(*match.groups())
    if version is None:
        raise MastodonMalformedVersionError(f"Malformed version string: {text[:50]!r}...")
    return version


def find_version_tuple(text: str) -> VersionTuple | None:
    """The first ``x.y[.z]`` (numbers of at most nine digits) in ``text``, or ``None``. Never raises."""
    match = re.search(_LENIENT, text or "")
    if match is None:
        return None
    return _tuple(*match.groups())


#: The first Mastodon release with each ``api_versions.mastodon`` level of ``/api/v2/instance``
#: (from the version history lines of Mastodon's API documentation), newest first. Levels
#: between two entries map to the older release; ``api_versions`` itself came with 4.3.0.
API_LEVEL_RELEASES: tuple[tuple[int, VersionTuple], ...] = (
    (8, (4, 6, 0)),
    (7, (4, 5, 0)),
    (3, (4, 4, 0)),
    (1, (4, 3, 0)),
)


def version_for_api_level(level: object) -> VersionTuple | None:
    """The oldest Mastodon release that has ``api_versions.mastodon == level``; ``None`` if not a level."""
    if not isinstance(level, int) or isinstance(level, bool):
        return None
    for first_level, release in API_LEVEL_RELEASES:
        if level >= first_level:
            return release
    return None


def format_version(version: VersionTuple) -> str:
    return ".".join(str(part) for part in version)


class ServerVersion(Record, frozen=True):
    """What a server's version string says.

    ``mastodon`` is the Mastodon API version the server is compatible with (used for
    version gates); ``software`` and ``software_version`` name the server's own software
    and version where the string reveals them (``"pleroma"``, ``(2, 5, 0)``).
    ``gates`` is false when the string names no Mastodon version at all (an unknown
    server's own version, e.g. ``"0.20.0"`` or ``"name/1.2.3"``): version gates are then
    not applied, since they would refuse every call.
    """

    mastodon: VersionTuple
    software: str = "mastodon"
    software_version: VersionTuple | None = None
    raw: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    gates: bool = True

    @property
    def mastodon_string(self) -> str:
        return format_version(self.mastodon)


__all__ = [
    "VersionTuple",
    "ServerVersion",
    "parse_version_tuple",
    "find_version_tuple",
    "format_version",
    "API_LEVEL_RELEASES",
    "version_for_api_level",
]
