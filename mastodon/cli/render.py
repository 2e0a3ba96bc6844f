"""Rendering the compatibility matrix: terminal table, Markdown, HTML and JSON."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from ..compat_matrix import ASCII_MARKS, LEGEND, MARKS, Column, Matrix
from .html_table import render_html_table

NAME_WIDTH = 30
COLUMN_WIDTH = 9


def _marks(ascii_only: bool) -> dict[str, str]:
    return ASCII_MARKS if ascii_only else MARKS


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cut_ascii(text: str, width: int, ascii_only: bool) -> str:
    if len(text) <= width:
        return text
    return text[: width - 1] + ("~" if ascii_only else "…")


def _column_chunks(columns: list[Column], width: int) -> list[list[Column]]:
    per_chunk = max(1, (width - NAME_WIDTH - 1) // COLUMN_WIDTH)
    return [columns[i : i + per_chunk] for i in range(0, len(columns), per_chunk)] or [[]]


def render_terminal(matrix: Matrix, width: int = 100, ascii_only: bool = False) -> str:
    """A plain-text table grouped by API area, readable at ``width`` columns."""
    marks = _marks(ascii_only)
    rule = "-" if ascii_only else "─"
    lines: list[str] = []
    installed = sorted({c.backend for c in matrix.columns if c.backend_installed and c.backend})
    recorded = [c for c in matrix.columns if c.source == "recorded"]
    lines.extend(
        _wrap(
            f"Compatibility matrix: {len(matrix.rows)} endpoints on {len(matrix.columns)} server columns "
            f"(backends installed: {', '.join(installed) or 'none'}; recorded servers: {len(recorded)})",
            width,
            "",
        )
    )
    lines.append("")
    for chunk in _column_chunks(matrix.columns, width):
        index = {c.key: matrix.columns.index(c) + 1 for c in chunk}
        head1 = " " * NAME_WIDTH + " " + "".join(_cut_ascii(c.server, COLUMN_WIDTH - 1, ascii_only).ljust(COLUMN_WIDTH) for c in chunk)
        head2 = " " * NAME_WIDTH + " " + "".join(_cut_ascii(c.version, COLUMN_WIDTH - 1, ascii_only).ljust(COLUMN_WIDTH) for c in chunk)
        head3 = " " * NAME_WIDTH + " " + "".join(f"[{index[c.key]}]".ljust(COLUMN_WIDTH) for c in chunk)
        lines.extend([head1.rstrip(), head2.rstrip(), head3.rstrip()])
        table_width = NAME_WIDTH + 1 + COLUMN_WIDTH * len(chunk)
        for area, rows in matrix.areas():
            title = f"{rule}{rule} {area} "
            lines.append(title + rule * max(0, table_width - len(title)))
            for row in rows:
                name = _cut_ascii(row.name, NAME_WIDTH, ascii_only).ljust(NAME_WIDTH)
                cells = "".join(("   " + marks[row.cells[c.key].status]).ljust(COLUMN_WIDTH) for c in chunk)
                lines.append((name + " " + cells).rstrip())
        lines.append("")
    lines.append("Legend:")
    for state, meaning in LEGEND.items():
        lines.extend(_wrap(f"{marks[state]}  {meaning}", width, "  "))
    lines.append("")
    lines.append("Columns:")
    counts = matrix.counts()
    for i, column in enumerate(matrix.columns, 1):
        tally = counts[column.key]
        summary = ", ".join(f"{tally[s]} {marks[s]}" for s in MARKS if tally[s])
        lines.extend(_wrap(f"[{i}] {column.server} {column.version}: {column.detail}", width, "  "))
        if column.mastodon_version:
            lines.extend(_wrap(f"gated as Mastodon {column.mastodon_version}; {summary}", width, "      "))
        else:
            lines.extend(_wrap(summary, width, "      "))
    quirks = [(name, b) for name, b in matrix.backends.items() if b.quirks or b.features]
    if quirks:
        lines.append("")
        lines.append("Backend quirks:")
        for name, backend in quirks:
            lines.extend(_wrap(f"{name}: {backend.description}".rstrip(": "), width, "  "))
            if backend.features:
                lines.extend(_wrap(f"- features: {', '.join(backend.features)}", width, "    "))
            for quirk in backend.quirks:
                lines.extend(_wrap(f"- {quirk}", width, "    "))
    notes = _notes(matrix)
    if notes:
        lines.append("")
        lines.append("Notes (backend routes and refusals):")
        for note in notes:
            lines.extend(_wrap(note, width, "  "))
    return "\n".join(lines) + "\n"


def _notes(matrix: Matrix) -> list[str]:
    """Details worth reading, grouped: reroutes and refusals that are not plain version gates."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for row in matrix.rows:
        for column in matrix.columns:
            cell = row.cells[column.key]
            label = f"{column.server} {column.version}"
            if cell.route:
                grouped.setdefault((label, f"{row.name} is routed to {cell.route}"), [])
            reason = cell.reason
            if not reason or reason.startswith("Version check failed") or cell.status in ("unknown", "n/a"):
                continue
            prefix = f"{row.name} is not available on the '{column.backend}' backend"
            reason = reason.removeprefix(prefix).lstrip(": ") or "refused by the backend"
            grouped.setdefault((label, reason), []).append(row.name)
    notes = []
    for (label, reason), names in grouped.items():
        notes.append(f"{label}: {reason}" + (f" ({', '.join(names)})" if names else ""))
    return notes


def _wrap(text: str, width: int, indent: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent + "    ", break_on_hyphens=False)


def render_markdown(matrix: Matrix, heading_level: int = 2) -> str:
    """GitHub/MyST Markdown: one table per API area, then legend, columns and quirks."""
    marks = MARKS
    hashes = "#" * heading_level
    out: list[str] = []
    header = "| Endpoint | Route | " + " | ".join(f"{c.server} {c.version}" for c in matrix.columns) + " |"
    divider = "|---|---|" + "|".join(":-:" for _ in matrix.columns) + "|"
    out.append("Legend: " + ", ".join(f"`{marks[s]}` {LEGEND[s]}" for s in LEGEND) + ".")
    out.append("")
    for area, rows in matrix.areas():
        out.append(f"{hashes} {area.capitalize()}")
        out.append("")
        out.append(header)
        out.append(divider)
        for row in rows:
            cells = " | ".join(marks[row.cells[c.key].status] for c in matrix.columns)
            out.append(f"| `{row.name}` | {row.method} `{row.path}` | {cells} |")
        out.append("")
    return "\n".join(out) + "\n" + render_markdown_details(matrix, heading_level)


def render_markdown_details(matrix: Matrix, heading_level: int = 2) -> str:
    """The Markdown sections after the tables: columns, backend quirks and notes."""
    hashes = "#" * heading_level
    out: list[str] = [f"{hashes} Columns", ""]
    for column in matrix.columns:
        gate = f" Gated as Mastodon {column.mastodon_version}." if column.mastodon_version else ""
        out.append(f"- **{column.server} {column.version}**: {column.detail}.{gate}")
    out.append("")
    out.append(f"{hashes} Backend quirks")
    out.append("")
    for name, backend in matrix.backends.items():
        out.append(f"- **{name}**: {backend.description or 'no description'}")
        if backend.features:
            out.append(f"  - features: {', '.join(backend.features)}")
        for quirk in backend.quirks:
            out.append(f"  - {quirk}")
    notes = _notes(matrix)
    if notes:
        out.append("")
        out.append(f"{hashes} Notes")
        out.append("")
        out.extend(f"- {note}" for note in notes)
    return "\n".join(out) + "\n"


def render_html(matrix: Matrix) -> str:
    """A standalone HTML page: the interactive table (cell tooltips carry the gate reasons
    and routes), then the columns and the backends' quirks."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Compatibility matrix</title>',
        "<style>body{font-family:sans-serif;margin:1em}</style></head><body>",
        "<h1>Compatibility matrix</h1>",
        render_html_table(matrix),
        "<h2>Columns</h2><ul>",
    ]
    for column in matrix.columns:
        parts.append(f"<li><b>{esc(column.server)} {esc(column.version)}</b>: {esc(column.detail)}</li>")
    parts.append("</ul><h2>Backend quirks</h2><ul>")
    for name, backend in matrix.backends.items():
        items = "".join(f"<li>{esc(q)}</li>" for q in backend.quirks)
        parts.append(f"<li><b>{esc(name)}</b>: {esc(backend.description)}<ul>{items}</ul></li>")
    parts.append("</ul></body></html>")
    return "\n".join(parts) + "\n"


def render_json(matrix: Matrix) -> str:
    return json.dumps(matrix.to_dict(), indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[Matrix], str]] = {"text": render_terminal, "markdown": render_markdown, "html": render_html, "json": render_json}

__all__ = ["render_terminal", "render_markdown", "render_markdown_details", "render_html", "render_json", "RENDERERS"]
