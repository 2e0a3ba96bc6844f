"""The optional C extensions: loaded when built, unless ``MASTODON_NO_SPEEDUPS`` is set.

``mastodon._speedups`` (the decoder's object hook and the typing walk) and
``mastodon._ssescan`` (the event-stream line scanner) are built by ``setup.py`` where a C
compiler is available; without them, or with ``MASTODON_NO_SPEEDUPS=1``, the pure-Python
code that defines the same rules runs.
"""

from __future__ import annotations

import os
from importlib import import_module
from types import ModuleType


def c_extension(name: str) -> ModuleType | None:
    """``mastodon.<name>`` when that extension is built and not disabled, else ``None``."""
    if os.environ.get("MASTODON_NO_SPEEDUPS"):
        return None
    try:
        return import_module(f"mastodon.{name}")
    except ImportError:
        return None


__all__ = ["c_extension"]
