"""Lazy imports of optional dependencies, with an error that names the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MastodonIllegalArgumentError


class MastodonMissingExtraError(MastodonIllegalArgumentError, NotImplementedError):
    """An optional feature was used without its dependencies installed."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise :class:`MastodonMissingExtraError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MastodonMissingExtraError(
            f"{feature} needs the optional '{extra}' dependencies: pip install mastodon-fediverse[{extra}]"
        ) from exc


__all__ = ["MastodonMissingExtraError", "require"]
