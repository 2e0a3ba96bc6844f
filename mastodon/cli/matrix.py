"""``mastodon-fediverse matrix``: the offline compatibility matrix."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from ..compat_matrix import MARKS, build_matrix
from .render import RENDERERS, render_terminal

FORMATS = ("text", "markdown", "html", "json")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "matrix",
        help="show which endpoints work on which server family and version (offline)",
        description=(
            "Print which API endpoints are available on which server family and version: "
            "gated by each installed backend for a representative server version, and "
            "verified where a recorded cassette holds a matching request. Works offline."
        ),
        epilog=(
            "Marks: ✓ recorded (verified), · available, ✗ gated, - n/a (no route), "
            "? unknown (recorded server whose backend is not installed). "
            "Examples: 'matrix', 'matrix --format json', 'matrix --server mainline=4.0.0 --area statuses'."
        ),
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text table)")
    parser.add_argument(
        "--cassettes",
        metavar="DIR",
        type=Path,
        help="folder of recorded cassettes, laid out as <server>/<version>/ (default: tests/cassettes of the checkout)",
    )
    parser.add_argument("--no-cassettes", action="store_true", help="ignore recordings: gates only")
    parser.add_argument(
        "--server",
        metavar="BACKEND[=VERSION]",
        action="append",
        default=[],
        help="add a column for BACKEND at VERSION (a version string as the server reports it); repeatable",
    )
    parser.add_argument("--only", action="store_true", help="with --server: show only the requested and recorded columns")
    parser.add_argument("--area", action="append", default=[], metavar="AREA", help="show only this API area (repeatable)")
    parser.add_argument("--width", type=int, default=None, help="table width for the text format (default: terminal width, at most 100)")
    parser.add_argument("--ascii", action="store_true", help="use ASCII marks in the text format")
    parser.add_argument("--output", "-o", metavar="FILE", type=Path, help="write to FILE instead of standard output")
    parser.set_defaults(handler=run, command_parser=parser)


def _can_encode(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        "".join(MARKS.values()).encode(encoding)
        "─…".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.width is not None and args.width < 40:
        parser.error("--width must be at least 40")
    if args.only and not args.server:
        parser.error("--only needs at least one --server")
    if args.cassettes is not None and not args.cassettes.is_dir():
        parser.error(f"--cassettes: no such folder: {args.cassettes}")
    cassette_dir: Path | str | None = args.cassettes
    if args.no_cassettes:
        cassette_dir = os.devnull  # not a folder: no recordings
    from ..errors import MastodonIllegalArgumentError
    from ..versions import find_version_tuple

    for spec in args.server:
        backend, has_version, version = spec.partition("=")
        if not backend or (has_version and find_version_tuple(version) is None):
            parser.error(f"--server {spec!r}: expected BACKEND or BACKEND=VERSION with a version number such as 4.2.0")
    try:
        matrix = build_matrix(cassette_dir=cassette_dir, servers=args.server, include_representative=not args.only)
    except MastodonIllegalArgumentError as exc:
        parser.error(str(exc))
    if args.area:
        known = {row.area for row in matrix.rows}
        unknown = [a for a in args.area if a not in known]
        if unknown:
            parser.error(f"unknown area {unknown[0]!r}; known: {', '.join(sorted(known))}")
        matrix.rows = [row for row in matrix.rows if row.area in args.area]
    out: TextIO = sys.stdout
    if args.format == "text":
        width = args.width or min(shutil.get_terminal_size((100, 24)).columns, 100)
        ascii_only = args.ascii or (args.output is None and not _can_encode(out))
        text = render_terminal(matrix, width=width, ascii_only=ascii_only)
    else:
        text = RENDERERS[args.format](matrix)
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return 0


__all__ = ["add_parser", "run", "FORMATS"]
