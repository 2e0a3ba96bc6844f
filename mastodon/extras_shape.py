"""The unified shape of server extras (emoji reactions, quotes) that backends normalise to.

Servers keep emoji reactions and quotes in different places and shapes; backends move them
to one shape (specified in the plugin guide) with these helpers, so programs read them the
same way on every server.
"""

from __future__ import annotations

from typing import Any

from .entities import AttribAccessList


def normalize_reaction(reaction: Any) -> None:
    """Give one emoji reaction the unified shape, in place (anything but a dict is left alone).

    ``name`` as sent; ``count`` an int (from ``account_ids``, else 0, when the server sent
    none); ``me`` (``False`` when absent); ``account_ids`` from ``accounts`` when only those
    were sent. ``url``, ``static_url`` and the server's other fields stay as they are.
    """
    if not isinstance(reaction, dict):
        return
    accounts = reaction.get("accounts")
    if "account_ids" not in reaction and isinstance(accounts, list):
        reaction["account_ids"] = [a["id"] for a in accounts if isinstance(a, dict) and "id" in a]
    if not isinstance(reaction.get("count"), int):
        ids = reaction.get("account_ids")
        reaction["count"] = len(ids) if isinstance(ids, list) else 0
    reaction.setdefault("me", False)


def unify_reactions(status: dict[str, Any], found: Any = None) -> None:
    """Give ``status`` its ``emoji_reactions`` in the unified shape, in place.

    A status without ``emoji_reactions`` gets ``found`` (where this server keeps them, e.g.
    ``status["pleroma"]["emoji_reactions"]``) or an empty list; each reaction is
    normalised (:func:`normalize_reaction`). A value that is not a list is left as sent.
    """
    reactions = status.get("emoji_reactions")
    if reactions is None:
        status["emoji_reactions"] = reactions = AttribAccessList(found if isinstance(found, list) else ())
    if isinstance(reactions, list):
        for reaction in reactions:
            normalize_reaction(reaction)


def unify_quote(status: dict[str, Any], quote: Any = None, quote_id: Any = None) -> None:
    """Give ``status`` the quoted status as ``quote`` and its id as ``quote_id``, in place.

    ``quote`` and ``quote_id`` are what the server sent elsewhere (e.g. under
    ``status["pleroma"]``); values already at the unified keys win, and ``None`` sets nothing.
    """
    if status.get("quote") is None and quote is not None:
        status["quote"] = quote
    if status.get("quote_id") is None and quote_id is not None:
        status["quote_id"] = quote_id


__all__ = ["normalize_reaction", "unify_reactions", "unify_quote"]
