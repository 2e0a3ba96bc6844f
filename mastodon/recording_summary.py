"""What the recorded cassettes verified, in a compact form that ships inside packages.

The compatibility matrix marks an endpoint *verified* on a server when a recorded request
matched it. A checkout has the cassettes (``tests/cassettes``); an installed package has
this summary of them instead: per recorded server (folder name, version, what the server
reported) each distinct request once, as ``"METHOD /path status"`` (no query string, no
bodies). The matrix matches them to endpoints and outcomes with the installed code, so the
summary changes only when the recordings do.

The core's summary is ``mastodon/recordings.json``, generated from ``tests/cassettes`` with
``python -m mastodon.recording_summary`` (a test keeps it current). Other distributions
ship theirs: a ``recordings.json`` in one of their packages, named by an entry point in the
``mastodon.recordings`` group (``mybackend = "mastodon_mybackend"``), generated with
``python -m mastodon.recording_summary --cassettes DIR --output mastodon_mybackend/recordings.json``.
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .compat_matrix import RecordedRequest, RecordedServer, scan_cassettes

#: The file name of a summary inside a package.
SUMMARY_FILE = "recordings.json"
#: Entry point group naming packages that hold a summary.
ENTRY_POINT_GROUP = "mastodon.recordings"
#: Version of the summary's layout.
FORMAT = 1
#: The ``server.json`` keys the matrix reads (the rest, such as user ids, stays out).
INFO_KEYS = ("backend", "feature_set", "software", "version_string", "instance_version", "version", "nodeinfo", "instance")


def summarise(cassette_dir: Path) -> dict[str, Any]:
    """The summary of every ``<server>/<version>/`` folder of cassettes under ``cassette_dir``."""
    servers = []
    for rec in scan_cassettes(cassette_dir):
        servers.append(
            {
                "server": rec.server,
                "version": rec.version,
                "info": {key: rec.info[key] for key in INFO_KEYS if key in rec.info},
                "cassettes": rec.cassettes,
                "request_count": rec.request_count,
                "requests": sorted({_request_line(request) for request in rec.requests}),
            }
        )
    return {"format": FORMAT, "servers": servers}


def _request_line(request: RecordedRequest) -> str:
    method, uri, status = request
    return f"{method} {urlsplit(uri).path} {'-' if status is None else status}"


def _parse_request_line(line: str) -> RecordedRequest:
    method, path, status = line.split(" ")
    return method, path, None if status == "-" else int(status)


def dumps(summary: dict[str, Any]) -> str:
    """The summary as committed: sorted keys, one request per line."""
    return json.dumps(summary, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def parse_summary(text: str) -> list[RecordedServer]:
    """The recorded servers of a summary document (:class:`ValueError` when malformed)."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("servers"), list):
        raise ValueError(f"not a recordings summary of format {FORMAT}")
    servers = []
    for entry in data["servers"]:
        servers.append(
            RecordedServer(
                server=str(entry["server"]),
                version=str(entry["version"]),
                directory=None,
                info=dict(entry.get("info") or {}),
                requests=[_parse_request_line(line) for line in entry["requests"]],
                cassettes=int(entry["cassettes"]),
                request_total=int(entry["request_count"]),
            )
        )
    return servers


def packaged_servers() -> list[RecordedServer]:
    """Recorded servers from the core's summary, then from installed distributions' summaries.

    A summary that cannot be read is skipped with a warning.
    """
    servers = _read_package_summary("mastodon")
    from importlib.metadata import entry_points

    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        servers += _read_package_summary(entry.module, f"entry point {entry.name!r}")
    return servers


def _read_package_summary(package: str, origin: str | None = None) -> list[RecordedServer]:
    try:
        text = (resources.files(package) / SUMMARY_FILE).read_text(encoding="utf-8")
    except (ImportError, OSError) as exc:
        if origin is not None:
            warnings.warn(f"recordings summary of {origin} ({package}) cannot be read: {exc}", stacklevel=3)
        return []
    try:
        return parse_summary(text)
    except (ValueError, KeyError, TypeError) as exc:
        warnings.warn(f"recordings summary of {origin or package} is malformed: {exc}", stacklevel=3)
        return []


#: Where the core's summary is written, relative to a checkout's root.
CORE_SUMMARY = Path("mastodon") / SUMMARY_FILE


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check`` compare) a summary of a folder of cassettes."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(prog="python -m mastodon.recording_summary", description=main.__doc__)
    parser.add_argument("--cassettes", type=Path, default=root / "tests" / "cassettes", help="folder of <server>/<version>/ cassettes")
    parser.add_argument("--output", type=Path, default=root / CORE_SUMMARY, help="summary file to write")
    parser.add_argument("--check", action="store_true", help="exit 1 when the summary file is not up to date")
    args = parser.parse_args(argv)
    if not args.cassettes.is_dir():
        parser.error(f"--cassettes: no such folder: {args.cassettes}")
    text = dumps(summarise(args.cassettes))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            print(f"{args.output} is out of date: run python -m mastodon.recording_summary")
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["SUMMARY_FILE", "ENTRY_POINT_GROUP", "summarise", "dumps", "parse_summary", "packaged_servers", "main"]
