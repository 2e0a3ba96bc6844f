"""Whether a URL a server names for itself is the host the client already reaches."""

from __future__ import annotations

import ipaddress
from urllib.parse import SplitResult

_DEFAULT_PORTS = {"http": 80, "ws": 80, "https": 443, "wss": 443}


def port_of(url: SplitResult) -> int | None:
    """The URL's port, explicit or its scheme's default."""
    return url.port if url.port is not None else _DEFAULT_PORTS.get(url.scheme.lower())


def own_name_for_address(api: SplitResult, target: SplitResult) -> bool:
    """The API is reached by IP address, and ``target`` names the same port under a host name:
    the server's own name for itself (from its configuration), which the user did not choose."""
    try:
        ipaddress.ip_address(api.hostname or "")
    except ValueError:
        return False
    return port_of(target) == port_of(api)


__all__ = ["port_of", "own_name_for_address"]
