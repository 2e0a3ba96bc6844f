"""Backends and plugin distributions (their tests included) use only the library's public surface.

What is public for them is declared in the plugin guide (docs/plugins.md, "The rules"):
``mastodon`` (the client, entities, exceptions), ``mastodon.plugin`` (everything a backend
needs) and ``mastodon.testing`` with its modules (test kit). Everything else is private and
may change without notice; a backend reaching into it breaks on the next release.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import mastodon

ROOT = Path(__file__).resolve().parent.parent
#: Modules a backend, a plugin distribution or their tests may import.
PUBLIC_MODULES = frozenset({
    "mastodon",
    "mastodon.plugin",
    "mastodon.testing",
    "mastodon.testing.mock_http",
    "mastodon.testing.live",
    "mastodon.testing.plugins",
})
#: Names reachable as ``mastodon.<name>`` after ``import mastodon``.
PUBLIC_ATTRIBUTES = frozenset(mastodon.__all__) | {"plugin", "testing"}
CHECKED = ("backends", "contrib", "docs/examples")


def _sources() -> list[Path]:
    return sorted(p for top in CHECKED for p in (ROOT / top).rglob("*.py") if ".venv" not in p.parts)


def private_uses(source: str) -> list[str]:
    """Every import of a private ``mastodon`` module, and every ``mastodon.<private>`` access, in ``source``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
            if node.module == "mastodon":  # ``from mastodon import plugins`` names a module too
                modules += [f"mastodon.{a.name}" for a in node.names if a.name not in PUBLIC_ATTRIBUTES]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "mastodon":
            if node.attr not in PUBLIC_ATTRIBUTES:
                found.append(f"line {node.lineno}: mastodon.{node.attr}")
            continue
        else:
            continue
        for module in modules:
            if (module == "mastodon" or module.startswith("mastodon.")) and module not in PUBLIC_MODULES:
                found.append(f"line {node.lineno}: {module}")
    return sorted(found, key=lambda entry: int(entry.split(":")[0][5:]))


def test_the_checker_finds_private_imports() -> None:
    source = (
        "import mastodon.plugins\nfrom mastodon.errors import MastodonError\nfrom mastodon import versions, Mastodon\n"
        "import mastodon\nmastodon.pipeline.RequestPipeline\n"
        "def f():\n    from mastodon.streaming.urls import streaming_base\n"
        "from mastodon.plugin import hookimpl\nfrom mastodon.testing import mock_http\nmastodon.Mastodon\n"
        "import mastodon_backends\n"
    )
    assert private_uses(source) == [
        "line 1: mastodon.plugins",
        "line 2: mastodon.errors",
        "line 3: mastodon.versions",
        "line 5: mastodon.pipeline",
        "line 7: mastodon.streaming.urls",
    ]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_backends_and_plugins_import_only_the_public_surface(path: Path) -> None:
    assert private_uses(path.read_text(encoding="utf-8")) == []


def test_every_checked_folder_has_sources() -> None:
    assert {p.relative_to(ROOT).parts[0] for p in _sources()} == {"backends", "contrib", "docs"}
