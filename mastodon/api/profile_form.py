"""The form a profile update sends: profile fields, images and checked choices.

Shared by account_update_credentials() and profile_update().
"""

from __future__ import annotations

from typing import Any

from ..errors import MastodonIllegalArgumentError
from .support import load_media_file

MAX_FIELDS = 4
PRIVACIES = ("public", "unlisted", "private")
QUOTE_POLICIES = ("public", "followers", "nobody")
_CHOICES = {"default_privacy": PRIVACIES, "default_quote_policy": QUOTE_POLICIES}


def profile_arguments(
    args: dict[str, Any],
    fields: Any,
    avatar: tuple[Any, str | None],
    header: tuple[Any, str | None],
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """``args`` with ``fields`` as ``fields_attributes[i][name|value]``, and the image files.

    ``avatar`` and ``header`` are (image, mime type) pairs; an image of ``None`` is left
    out. Raises :class:`MastodonIllegalArgumentError` for malformed fields, an unknown
    privacy or quote policy, or attribution domains that are not strings.
    """
    for name, allowed in _CHOICES.items():
        value = args.get(name)
        if value is not None and value not in allowed:
            raise MastodonIllegalArgumentError(f"Invalid {name} {value!r}; use one of {', '.join(allowed)}")
    domains = args.get("attribution_domains")
    if domains is not None and (isinstance(domains, str) or not all(isinstance(d, str) for d in domains)):
        raise MastodonIllegalArgumentError("attribution_domains must be a list of domain names")
    if fields is not None:
        fields = list(fields)
        if len(fields) > MAX_FIELDS:
            raise MastodonIllegalArgumentError("A maximum of four fields are allowed.")
        for index, pair in enumerate(fields):
            try:
                name, value = pair
            except (TypeError, ValueError):
                raise MastodonIllegalArgumentError("fields must be (name, value) pairs") from None
            args[f"fields_attributes[{index}][name]"] = name
            args[f"fields_attributes[{index}][value]"] = value
    files = {}
    for field, (image, mime_type) in (("avatar", avatar), ("header", header)):
        if image is not None:
            files[field] = load_media_file(image, mime_type)
    return args, files or None


__all__ = ["profile_arguments", "PRIVACIES", "QUOTE_POLICIES"]
