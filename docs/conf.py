"""Sphinx configuration. Build with ``sphinx-build -W -b html docs docs/_build/html``."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

import mastodon  # noqa: E402

project = "mastodon-fediverse"
author = "The mastodon-fediverse authors"
copyright = "the mastodon-fediverse authors"  # noqa: A001 - Sphinx's name
release = mastodon.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "myst_parser",
    "mastodon_docs",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_generated/*", "examples/*"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autoclass_content = "class"

intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
nitpicky = False
# Example snippets with "..." placeholders cannot be lexed strictly; that is cosmetic.
suppress_warnings = ["misc.highlighting_failure"]

html_theme = "alabaster"
html_title = f"mastodon-fediverse {release}"
html_static_path: list[str] = []
