"""The arguments of a status being posted, replied, scheduled or edited: checked and built in one place."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..endpoints import statuses as E
from ..errors import MastodonBackendFeatureError, MastodonIllegalArgumentError
from ..params import as_list, format_datetime
from .support import backend_has_feature, check_visibility, max_media

if TYPE_CHECKING:
    from ..base import MastodonBase


#: The Mastodon version whose ``quoted_status_id`` takes a ``quote_id`` on servers without the "quotes" extra.
MAINLINE_QUOTES = (4, 5, 0)


def status_arguments(
    client: MastodonBase,
    *,
    status: Any = None,
    in_reply_to_id: Any = None,
    media_ids: Any = None,
    sensitive: bool | None = None,
    visibility: str | None = None,
    spoiler_text: str | None = None,
    language: str | None = None,
    scheduled_at: datetime | None = None,
    poll: Any = None,
    content_type: str | None = None,
    strict_content_type: bool = False,
    quote_id: Any = None,
    quoted_status_id: Any = None,
    quote_approval_policy: str | None = None,
    media_attributes: Any = None,
) -> dict[str, Any]:
    """The checked arguments of ``status_post``/``status_update``; raises before any request.

    ``None`` means "not sent". A quote is sent the way the active backend takes it:
    ``quote_id`` where the backend has the "quotes" extra (Fedibird, Akkoma),
    ``quoted_status_id`` (Mastodon 4.5) elsewhere.
    """
    media_ids = _media_ids(client, media_ids)
    if poll is not None:
        if media_ids:
            raise MastodonIllegalArgumentError("Status can have media or poll attached - not both.")
        if not isinstance(poll, dict):
            raise MastodonIllegalArgumentError("poll must be a dict, as made by make_poll()")
    if scheduled_at is not None and not isinstance(scheduled_at, datetime):
        raise MastodonIllegalArgumentError("scheduled_at must be a datetime")
    if quote_approval_policy is not None:
        check_quote_approval_policy(quote_approval_policy)
    if strict_content_type and content_type is not None:
        check_content_type_taken(client, content_type)
    quote_id, quoted_status_id = _quote(client, quote_id, quoted_status_id)
    return {
        "status": status,
        "in_reply_to_id": in_reply_to_id,
        "media_ids": media_ids,
        "sensitive": sensitive,
        "visibility": check_visibility(client, visibility),
        "spoiler_text": spoiler_text,
        "language": language,
        "scheduled_at": format_datetime(scheduled_at) if scheduled_at is not None else None,
        "poll": poll,
        "media_attributes": _media_attributes(media_attributes),
        "content_type": content_type,
        "quote_id": quote_id,
        "quoted_status_id": quoted_status_id,
        "quote_approval_policy": quote_approval_policy,
    }


def check_quote_approval_policy(policy: Any) -> str:
    """``policy`` if it is one the reference lists, else :class:`MastodonIllegalArgumentError`."""
    if policy not in E.QUOTE_APPROVAL_POLICIES:
        raise MastodonIllegalArgumentError(
            f"quote_approval_policy must be one of {', '.join(E.QUOTE_APPROVAL_POLICIES)}, not {policy!r}"
        )
    return str(policy)


def _media_ids(client: MastodonBase, media_ids: Any) -> list[Any] | None:
    if media_ids is None:
        return None
    ids = as_list(media_ids)
    limit = max_media(client)
    if limit is not None and len(ids) > limit:
        raise MastodonIllegalArgumentError(f"A status can have at most {limit} media attachments, got {len(ids)}")
    return ids or None


def _media_attributes(attributes: Any) -> list[dict[str, Any]] | None:
    """Edited media descriptions and focus points: dicts with an ``id`` (see ``generate_media_edit_attributes``)."""
    if attributes is None:
        return None
    if isinstance(attributes, dict):
        attributes = [attributes]
    if not isinstance(attributes, (list, tuple)) or not all(isinstance(a, dict) and "id" in a for a in attributes):
        raise MastodonIllegalArgumentError("media_attributes must be a list of dicts with an 'id', as made by generate_media_edit_attributes()")
    if any("thumbnail" in a for a in attributes):
        raise MastodonIllegalArgumentError(
            "media_attributes cannot carry thumbnails: set a thumbnail with media_update() before attaching the media"
        )
    # An id given as a media dict is sent as its id; the rest goes as given (JSON body).
    return [{k: (v["id"] if k == "id" and isinstance(v, dict) else v) for k, v in a.items()} for a in attributes]


def _quote(client: MastodonBase, quote_id: Any, quoted_status_id: Any) -> tuple[Any, Any]:
    """``(quote_id, quoted_status_id)`` as the active backend takes a quote."""
    if quote_id is not None and quoted_status_id is not None:
        raise MastodonIllegalArgumentError("Pass the quoted status as quote_id or quoted_status_id, not both")
    quoted = quoted_status_id if quoted_status_id is not None else quote_id
    if quoted is None:
        return None, None
    if backend_has_feature(client, "quotes"):
        return quoted, None
    if quoted_status_id is not None or client._version_at_least(MAINLINE_QUOTES):
        return None, quoted
    return quote_id, None  # refused by the pipeline, naming the backends with quotes


def check_content_type_taken(client: MastodonBase, content_type: str) -> None:
    """Raise unless the active backend sends ``content_type`` (``strict_content_type=True``)."""
    params: dict[str, Any] = {}
    extensions: dict[str, Any] = {"content_type": content_type}
    ctx = client.server_context  # the backend is learned first when it is still unknown
    client._pipeline.hooks.prepare_params(ctx, E.status_post, params, extensions)
    if "content_type" not in params and "content_type" in extensions:
        raise MastodonBackendFeatureError(
            "status_post(content_type=...)", client.backend, "the server would ignore content_type (strict_content_type=True)"
        )


__all__ = ["status_arguments", "check_quote_approval_policy", "check_content_type_taken", "MAINLINE_QUOTES"]
