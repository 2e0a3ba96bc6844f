"""``Link``-header pagination: parsing and the page info attached to returned lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from .entities import AttribAccessDict, set_attribute

if TYPE_CHECKING:
    from .types_base import PaginationInfo

# Compiled on first use (by the re module's cache): compiling is import-time work otherwise.
# A URL never contains a raw "<", so each match attempt stops at the next "<": one pass over
# the header, whatever it holds (``[^>]*`` rescanned the rest for every unclosed "<").
_LINK = r'<([^<>]*)>\s*;\s*rel="?([^",;<]+)"?'
#: Characters of a ``Link`` header that are parsed; the rest is ignored (real headers are
#: a few hundred characters, and urllib3 joins repeated headers into one).
MAX_LINK_HEADER = 16384

#: Parameters that select a page; dropped from the carried-over request parameters.
PAGE_KEYS = ("max_id", "min_id", "since_id")


def parse_link_header(value: str) -> dict[str, str]:
    """``{"next": url, "prev": url}`` from a ``Link`` header (tolerant of odd spacing).

    Linear in the header's length; only its first :data:`MAX_LINK_HEADER` characters count.
    """
    links: dict[str, str] = {}
    for url, rels in re.findall(_LINK, (value or "")[:MAX_LINK_HEADER]):
        for rel in rels.split():
            links.setdefault(rel, url)
    return links


def _page_params(
    url: str, base: dict[str, Any], method: str, path: str, endpoint_name: str, convert_ids: bool
) -> PaginationInfo:
    from .types_base import PaginationInfo  # loaded with the first page, not at import

    params = PaginationInfo((k, v) for k, v in base.items() if k not in PAGE_KEYS)
    from_link: set[str] = set()
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key in PAGE_KEYS and convert_ids and value.isascii() and value.isdigit() and len(value) < 1000:
            params[key] = int(value)
        elif key.endswith("[]"):
            # The link's values replace the request's; repeated keys accumulate.
            if key in from_link:
                params[key].append(value)
            else:
                params[key] = [value]
                from_link.add(key)
        else:
            params[key] = value
    params["_pagination_method"] = method
    params["_pagination_endpoint"] = path
    set_attribute(params, "_pagination_endpoint_name", endpoint_name)
    return params


def attach_pagination(
    result: list[Any],
    link_header: str | None,
    method: str,
    path: str,
    request_params: dict[str, Any],
    endpoint_name: str,
    convert_ids: bool = True,
) -> None:
    """Store ``_pagination_next``/``_pagination_prev`` on the list and its last/first item."""
    if not link_header:
        return
    links = parse_link_header(link_header)
    nxt = links.get("next")
    prev = links.get("prev") or links.get("previous")
    if nxt:
        info = _page_params(nxt, request_params, method, path, endpoint_name, convert_ids)
        set_attribute(result, "_pagination_next", info)
        if result and isinstance(result[-1], AttribAccessDict):
            set_attribute(result[-1], "_pagination_next", info)
    if prev:
        info = _page_params(prev, request_params, method, path, endpoint_name, convert_ids)
        set_attribute(result, "_pagination_prev", info)
        if result and isinstance(result[0], AttribAccessDict):
            set_attribute(result[0], "_pagination_prev", info)


__all__ = ["parse_link_header", "attach_pagination", "PAGE_KEYS", "MAX_LINK_HEADER"]
