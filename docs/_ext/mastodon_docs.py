"""Documentation generated from the code: API reference pages, compatibility matrix, backend facts.

- ``python docs/_ext/mastodon_docs.py`` rewrites the API reference pages ``docs/api/*.rst``
  (one per API area, every public member of :class:`mastodon.Mastodon`). They are kept in
  the repository; ``tests/test_docs.py`` fails when a public method is missing from them.
- As a Sphinx extension it writes ``docs/_generated/`` at build time (the compatibility
  matrix and each backend's facts, from :mod:`mastodon.compat_matrix`) and warns (an error
  under ``-W``) when the API pages are out of date.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent.parent
GENERATED = DOCS / "_generated"
API_DIR = DOCS / "api"

#: Mixin class -> (page file name, title, introduction).
AREAS: list[tuple[str, str, str, str]] = [
    ("MastodonBase", "client", "The client, backends and pagination",
     "Construction, the active backend, server version checks, generic endpoint calls and pagination helpers."),
    ("AuthAPI", "auth", "App registration and authentication", "Registering an app, logging in and credential files."),
    ("InstanceAPI", "instance", "Instance information", "What the server says about itself."),
    ("TimelinesAPI", "timelines", "Timelines", "Home, public, hashtag and list timelines, and conversations."),
    ("StatusesAPI", "statuses", "Statuses", "Reading, posting and interacting with statuses; scheduled statuses and polls."),
    ("CollectionsAPI", "collections", "Collections", "Curated, shareable lists of accounts (Mastodon 4.6)."),
    ("NotificationsAPI", "notifications", "Notifications", "Reading and dismissing notifications."),
    ("AccountsAPI", "accounts", "Accounts", "Accounts, relationships, follows, blocks, mutes, profiles, featured tags, suggestions."),
    ("ListsAPI", "lists", "Lists", "User lists and their members."),
    ("TagsAPI", "tags", "Hashtags", "Looking up, following and featuring hashtags."),
    ("TrendsAPI", "trends", "Trends", "Trending hashtags, statuses and links."),
    ("SearchAPI", "search", "Search", "Searching accounts, statuses and hashtags."),
    ("FiltersAPI", "filters", "Keyword filters", "Server-side keyword filters and applying them locally."),
    ("MiscAPI", "misc", "Reports, markers, emoji, preferences and announcements", "Everything else."),
    ("MediaAPI", "media", "Media", "Uploading and updating media attachments."),
    ("PushAPI", "push", "Push notifications", "Web push subscriptions and decrypting push messages."),
    ("AdminAPI", "admin", "Moderation (admin API)", "Moderating accounts and reports."),
    ("AdminBlocksAPI", "admin_blocks", "Moderation: federation and sign-up blocks",
     "Blocking and allowing domains, and blocking sign-ups by e-mail domain, e-mail address or IP range."),
    ("AdminDashboardAPI", "admin_dashboard", "Moderation: dashboard and trends",
     "The dashboard's measures, dimensions and retention figures, and reviewing what trends."),
    ("BlurhashAPI", "blurhash", "Blurhash", "Decoding media previews."),
    ("StreamingAPI", "streaming", "Streaming", "Streaming events over server-sent events or WebSocket."),
]

BACKEND_MODULES: dict[str, str] = {
    "mainline": "mastodon_backends.mainline",
    "pleroma": "mastodon_backends.pleroma",
    "akkoma": "mastodon_backends.akkoma",
    "fedibird": "mastodon_backends.fedibird",
    "gotosocial": "mastodon_gotosocial",
    "takahe": "mastodon_takahe",
    "hollo": "mastodon_hollo",
}


def _members_by_area() -> dict[str, list[tuple[str, str]]]:
    """Mixin name -> ``(member name, directive)`` in source order."""
    from mastodon import Mastodon
    from mastodon.client import bind_api_areas

    bind_api_areas()  # the areas join the class at its first use
    found: dict[str, list[tuple[str, str]]] = {}
    for cls in Mastodon.__mro__:
        if cls.__module__.split(".")[0] != "mastodon" or cls is Mastodon:
            continue
        members = []
        for name, value in vars(cls).items():
            if name.startswith("_"):
                continue
            if isinstance(value, property):
                members.append((name, "autoproperty", _line(value.fget)))
            elif isinstance(value, (staticmethod, classmethod)) or inspect.isfunction(value):
                members.append((name, "automethod", _line(value)))
        members.sort(key=lambda m: m[2])
        if members:
            found[cls.__name__] = [(name, directive) for name, directive, _ in members]
    return found


def _line(obj: Any) -> int:
    target = getattr(obj, "__func__", obj)
    target = inspect.unwrap(target) if callable(target) else target
    try:
        return int(target.__code__.co_firstlineno)
    except AttributeError:
        return 0


def public_members() -> set[str]:
    """Every public attribute of :class:`mastodon.Mastodon` (methods and properties)."""
    from mastodon import Mastodon

    return {name for name in dir(Mastodon) if not name.startswith("_")}


def api_pages() -> dict[str, str]:
    """File name (in ``docs/api``) -> reST text."""
    groups = _members_by_area()
    known = {cls for cls, *_ in AREAS}
    pages: dict[str, str] = {}
    toc = []
    for cls, slug, title, intro in AREAS + [(c, c.lower().removesuffix("api"), c, "") for c in groups if c not in known]:
        members = groups.get(cls)
        if not members:
            continue
        lines = [
            ".. This page is generated by docs/_ext/mastodon_docs.py; edit the docstrings instead.",
            "",
            title,
            "=" * len(title),
            "",
        ]
        if intro:
            lines += [intro, ""]
        lines += [
            "Each method's documentation ends with the Mastodon version that added it and the one that last",
            "changed it: on servers reporting an older version the call raises ``MastodonVersionError``",
            "before anything is sent (backends may answer for their own servers; see :doc:`/matrix`).",
            "",
            ".. currentmodule:: mastodon",
            "",
        ]
        for name, directive in members:
            lines += [f".. {directive}:: Mastodon.{name}", ""]
        pages[f"{slug}.rst"] = "\n".join(lines).rstrip() + "\n"
        toc.append(slug)
    index = [
        ".. This page is generated by docs/_ext/mastodon_docs.py.",
        "",
        "API reference",
        "=============",
        "",
        "Every public method and property of :class:`mastodon.Mastodon`, grouped by API area, from",
        "the docstrings in the code. The exception classes are listed on :doc:`errors`.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
        *[f"   {slug}" for slug in toc],
        "   errors",
        "",
    ]
    pages["index.rst"] = "\n".join(index)
    pages["errors.rst"] = _errors_page()
    return pages


def _errors_page() -> str:
    from mastodon import errors

    names = [n for n in errors.__all__ if isinstance(getattr(errors, n, None), type)]
    lines = [
        ".. This page is generated by docs/_ext/mastodon_docs.py.",
        "",
        "Exceptions",
        "==========",
        "",
        "Every error the library raises derives from :class:`mastodon.MastodonError`.",
        "",
        ".. currentmodule:: mastodon",
        "",
    ]
    for name in names:
        lines += [f".. autoexception:: {name}", "   :show-inheritance:", ""]
    return "\n".join(lines).rstrip() + "\n"


def write_api_pages(directory: Path = API_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in api_pages().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def stale_api_pages(directory: Path = API_DIR) -> list[str]:
    """Names of API pages that differ from what the code would generate now."""
    stale = []
    for name, text in api_pages().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


# -----------------------------------------------------------------------------------------
# Build-time pages
# -----------------------------------------------------------------------------------------


def project_registry() -> Any:
    """The project's own backends only (built-in and contrib), whatever else is installed."""
    from mastodon.plugins import BUILTIN_BACKENDS, BackendRegistry, make_plugin_manager

    pm = make_plugin_manager(load_entry_points=False, builtins=BUILTIN_BACKENDS)
    for module_name in BACKEND_MODULES.values():
        if pm.get_plugin(module_name) is None:
            try:
                pm.register(importlib.import_module(module_name), name=module_name)
            except ImportError:
                continue  # a contrib backend that is not installed
    pm.check_pending()
    return BackendRegistry(pm)


def matrix_page() -> str:
    """MyST for the matrix page: the interactive table (raw HTML), then columns and quirks."""
    from mastodon.cli.html_table import render_html_table
    from mastodon.cli.render import render_markdown_details
    from mastodon.compat_matrix import build_matrix

    matrix = build_matrix(registry=project_registry())
    return "```{raw} html\n" + render_html_table(matrix) + "```\n\n" + render_markdown_details(matrix, heading_level=2)


def backend_facts(name: str) -> str:
    """reST for one backend: its module docstring, declaration, hooks, refusals and recordings."""
    from mastodon.compat_matrix import AVAILABLE, GATED, RECORDED, build_matrix

    module = BACKEND_MODULES.get(name, name)
    lines: list[str] = []
    try:
        importlib.import_module(module)
    except ImportError:
        return (
            f".. note::\n\n   The ``{module}`` package was not installed when this documentation was built, "
            "so its facts are missing here.\n"
        )
    lines += [f".. automodule:: {module}", "", ""]
    matrix = build_matrix(servers=[name], include_representative=False, registry=project_registry())
    summary = matrix.backends.get(name)
    if summary is None:
        return "\n".join(lines)
    lines += ["Declaration", "-----------", ""]
    lines += [
        f"- Backend name: ``{summary.name}``" + (f"; ``feature_set`` aliases: {', '.join(f'``{a}``' for a in summary.feature_sets)}" if summary.feature_sets else ""),
        f"- Extends: ``{summary.extends}``" if summary.extends else "- Extends: nothing (a root backend)",
        "- Features: " + (", ".join(f"``{f}``" for f in summary.features) or "none"),
        "- Extra visibilities: " + (", ".join(f"``{v}``" for v in summary.visibilities) or "none"),
        "- Media attachments per status: " + ("no limit" if summary.max_media_attachments is None else str(summary.max_media_attachments)),
        "- Hooks implemented: " + ", ".join(f":func:`~mastodon.hookspecs.{h}`" for h in summary.hooks),
        "",
    ]
    if summary.quirks:
        lines += ["Quirks", "------", ""] + [f"- {q}" for q in summary.quirks] + [""]
    columns = [c for c in matrix.columns if c.backend == name]
    for column in columns:
        title = f"{column.server} {column.version}"
        lines += [title, "-" * len(title), "", f"{column.detail}."]
        if column.mastodon_version:
            lines += [f"Gated as Mastodon {column.mastodon_version}."]
        lines += [""]
        refused = [(row.name, row.cells[column.key].reason or "") for row in matrix.rows if row.cells[column.key].status == GATED]
        recorded = [row.name for row in matrix.rows if row.cells[column.key].status == RECORDED]
        routed = [(row.name, row.cells[column.key].route) for row in matrix.rows if row.cells[column.key].route]
        beyond = [
            (row.name, row.cells[column.key].reason or "")
            for row in matrix.rows
            if row.cells[column.key].status in (AVAILABLE, RECORDED) and row.name in summary.served_beyond_version
        ]
        if recorded:
            lines += [f"Verified by recordings ({len(recorded)}): " + ", ".join(f"``{n}``" for n in recorded) + ".", ""]
        if routed:
            lines += ["Routed elsewhere:", ""] + [f"- ``{n}``: ``{r}``" for n, r in routed] + [""]
        if beyond:
            lines += [f"Served beyond the reported Mastodon version ({len(beyond)}):", ""]
            lines += [f"- ``{n}``" + (f": {_escape(r)}" if r else "") for n, r in beyond] + [""]
        if refused:
            lines += [f"Refused before any request ({len(refused)}):", ""]
            prefix = "is not available on the"
            for endpoint, reason in refused:
                text = reason.split("backend: ", 1)[1] if prefix in reason and "backend: " in reason else reason
                lines.append(f"- ``{endpoint}``: {_escape(text)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _escape(text: str) -> str:
    return text.replace("*", r"\*").replace("`", "'").replace("|", r"\|")


def write_generated(directory: Path = GENERATED) -> None:
    import warnings

    directory.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (directory / "matrix.md").write_text(matrix_page(), encoding="utf-8")
        for name in BACKEND_MODULES:
            (directory / f"backend_{name}.rst").write_text(backend_facts(name), encoding="utf-8")


def _builder_inited(app: Any) -> None:
    from sphinx.util import logging

    write_generated()
    stale = stale_api_pages()
    if stale:
        logging.getLogger(__name__).warning(
            "API reference pages out of date (%s): run 'python docs/_ext/mastodon_docs.py'", ", ".join(stale)
        )


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _builder_inited)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    sys.path.insert(0, str(DOCS.parent))
    for path in write_api_pages():
        print(f"wrote {path.relative_to(DOCS.parent)}")
