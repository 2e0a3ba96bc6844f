"""The mainline Mastodon backend."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from mastodon.plugin import BackendInfo, BackendMatch, ServerContext, ServerVersion, hookimpl

NAME = "mainline"
#: The nodeinfo names of Mastodon and of the forks that keep its API.
SOFTWARE_NAMES = ("mastodon", "hometown", "glitch-soc", "glitchsoc")
_VERSION = re.compile(
    r"^v?(?P<major>[0-9]{1,9})\.(?P<minor>[0-9]{1,9})\.(?P<patch>[0-9]{1,9})"
    r"(?P<pre>(?:-|rc|\.?pre|\.?beta|\.?alpha)[0-9A-Za-z.-]*)?(?:\+(?P<meta>[0-9A-Za-z.+-]+))?$"
)
_VERSION_PREFIX = re.compile(r"^v?([0-9]{1,9})\.([0-9]{1,9})\.([0-9]{1,9})(?![0-9A-Za-z])")


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(
        NAME, "Mastodon (mainline and close forks such as glitch-soc and Hometown)", feature_sets=("mastodon",),
        sample_versions=("3.5.0", "4.3.0"), software_names=SOFTWARE_NAMES,
    )


@hookimpl
def mastodon_parse_version(version_string: str) -> ServerVersion | None:
    """Plain Mastodon versions: ``4.2.1``, ``4.3.0-rc.1``, ``4.0.0rc1``, ``3.5.3+glitch``.

    Hometown's ``1.0.5+3.5.2`` (its own version, then the Mastodon one it is based on)
    gives Mastodon 3.5.2 and Hometown 1.0.5.
    """
    match = _VERSION.match(version_string.strip())
    # Major 0 is no Mastodon release; calendar versions ("v2024.11.1") are other software.
    if match is None or not 0 < int(match["major"]) < 100:
        return None
    version = (int(match["major"]), int(match["minor"]), int(match["patch"]))
    extra = {}
    if match["pre"]:
        extra["prerelease"] = match["pre"].lstrip("-.")
    if match["meta"]:
        extra["build"] = match["meta"]
        based_on = _VERSION_PREFIX.match(match["meta"])
        if based_on:
            upstream = (int(based_on[1]), int(based_on[2]), int(based_on[3]))
            if upstream > version:  # Hometown: "<hometown version>+<mastodon version>"
                return ServerVersion(
                    mastodon=upstream, software="hometown", software_version=version, raw=version_string, extra=extra
                )
    return ServerVersion(mastodon=version, software="mastodon", software_version=version, raw=version_string, extra=extra)


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = ((nodeinfo or {}).get("software") or {}).get("name", "")
    if isinstance(software, str) and software.lower() in SOFTWARE_NAMES:
        return BackendMatch(NAME, 100, f"nodeinfo software.name is {software!r}")
    upstream = ((nodeinfo or {}).get("metadata") or {}).get("upstream")
    if isinstance(upstream, dict) and str(upstream.get("name", "")).lower() == "mastodon":
        return BackendMatch(NAME, 80, f"nodeinfo metadata.upstream names Mastodon (software {software!r})")
    if nodeinfo is None and instance and isinstance(instance.get("version"), str):
        if mastodon_parse_version(instance["version"]) is not None:
            return BackendMatch(NAME, 10, f"plain Mastodon version string {instance['version']!r}")
    return None


@hookimpl
def mastodon_datetime_to_id(ctx: ServerContext, value: datetime) -> int:
    """Snowflake ids: milliseconds since the epoch, shifted left by 16 bits."""
    if value.tzinfo is None:
        value = value.astimezone()
    return int(value.astimezone(timezone.utc).timestamp() * 1000) << 16


@hookimpl
def mastodon_streaming_transport(ctx: ServerContext, stream: str) -> str:
    return "sse"
