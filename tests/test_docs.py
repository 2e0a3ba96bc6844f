"""The documentation covers the code: every hook, every public method, every backend.

Reads the documentation sources only (no Sphinx needed), datasette-style. Also runs the
plugin author's guide's example backend and its tests, so the guide cannot rot.
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import pytest

import mastodon.hookspecs
from mastodon import Mastodon

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))
sys.path.insert(0, str(DOCS / "examples"))

import mastodon_docs  # noqa: E402
from test_example_backend import (  # noqa: E402, F401 - run the guide's own tests here
    api,
    examplesoft,
    test_detected_from_nodeinfo,
    test_detection,
    test_gates_refuse_before_sending,
    test_health_route,
    test_local_only_post,
    test_version_string,
)

HOOKS = sorted(name for name, value in vars(mastodon.hookspecs).items() if name.startswith("mastodon_") and inspect.isfunction(value))
MEMBERS = sorted(name for name in dir(Mastodon) if not name.startswith("_"))


def _api_sources() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted((DOCS / "api").glob("*.rst")))


def test_there_are_hooks_and_members() -> None:
    assert len(HOOKS) >= 10
    assert len(MEMBERS) >= 150


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook: str) -> None:
    text = (DOCS / "hooks.rst").read_text(encoding="utf-8")
    assert re.search(rf"^{hook}\n\^+\n", text, re.MULTILINE), f"{hook} has no heading in docs/hooks.rst"
    assert f".. autofunction:: mastodon.hookspecs.{hook}\n" in text


@pytest.mark.parametrize("member", MEMBERS)
def test_public_member_is_in_the_api_reference(member: str) -> None:
    text = _api_sources()
    assert re.search(rf"^\.\. auto(method|property):: Mastodon\.{member}$", text, re.MULTILINE), (
        f"Mastodon.{member} is missing from docs/api/: run 'python docs/_ext/mastodon_docs.py'"
    )


def test_api_reference_pages_are_current() -> None:
    stale = mastodon_docs.stale_api_pages()
    assert not stale, f"docs/api pages out of date ({', '.join(stale)}): run 'python docs/_ext/mastodon_docs.py'"


def test_every_api_page_is_in_the_toctree() -> None:
    index = (DOCS / "api" / "index.rst").read_text(encoding="utf-8")
    for page in (DOCS / "api").glob("*.rst"):
        if page.stem != "index":
            assert f"   {page.stem}\n" in index


def test_every_method_documents_its_version_gate() -> None:
    for name in MEMBERS:
        member = getattr(Mastodon, name)
        if hasattr(member, "__endpoint__"):
            assert re.search(r"Added: Mastodon v[\d.]+, last changed: Mastodon v[\d.]+$", member.__doc__ or ""), name


def test_every_backend_has_a_page() -> None:
    root = DOCS.parent
    names = {p.stem for p in (root / "backends").glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in (root / "contrib").iterdir() if (p / "pyproject.toml").is_file()}
    index = (DOCS / "backends" / "index.rst").read_text(encoding="utf-8")
    for name in names:
        assert (DOCS / "backends" / f"{name}.rst").is_file(), f"no docs/backends/{name}.rst"
        assert f"   {name}\n" in index
        assert name in mastodon_docs.BACKEND_MODULES


def test_guide_pages_are_linked() -> None:
    index = (DOCS / "index.rst").read_text(encoding="utf-8")
    for page in ("quickstart", "cli", "matrix", "api/index", "backends/index", "plugins", "hooks", "cassettes", "recording"):
        assert f"   {page}\n" in index, page
        assert any((DOCS / f"{page}{suffix}").is_file() for suffix in (".rst", ".md")), page


def test_matrix_page_is_generated_from_the_code() -> None:
    text = mastodon_docs.matrix_page()
    for name in ("timeline_home", "status_post", "instance_v2"):
        assert f"| `{name}` |" in text
