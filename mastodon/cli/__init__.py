"""The ``mastodon-fediverse`` command line (also ``python -m mastodon``).

Commands:

- ``matrix``: which endpoints are available, gated or verified by a recording, per server
  family and version (offline);
- ``probe URL``: detect a live server's software, version and backend, and with a token
  try the read-only endpoints its gates allow.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import matrix, probe

PROG = "mastodon-fediverse"


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Tools for the mastodon-fediverse client library: compatibility matrix and server probe.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    matrix.add_parser(subparsers)
    probe.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.handler(args, args.command_parser)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return status


__all__ = ["main", "build_parser", "PROG"]
