"""``mastodon-fediverse probe URL``: what is this server, which backend fits, what works."""

from __future__ import annotations

import argparse
import inspect
import json
import re
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

#: Paths never called by the probe: long-lived streams.
_STREAMING = re.compile(r"^/api/v\d+/streaming(?!/health$)")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "probe",
        help="detect a live server's software and backend; with a token, try its read-only endpoints",
        description=(
            "Detect the server at URL (nodeinfo, instance document, version string), name the "
            "backend the library would choose and why. With --token-file, call every read-only "
            "endpoint the backend's gates allow (GET endpoints that need no arguments, starting "
            "with verify_credentials) and report what worked, what failed and how long each took. "
            "Progress goes to standard error; the exit status is 1 when the server cannot be reached."
        ),
        epilog="The token file is either a user credential file (token, then base URL, one per line) or JSON with 'access_token'.",
    )
    parser.add_argument("url", help="the server's base URL (https:// is assumed when no scheme is given)")
    parser.add_argument("--token-file", metavar="FILE", type=Path, help="access token file (credential file or JSON)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each request (default: 10)")
    parser.add_argument("--format", "-f", choices=("text", "json"), default="text", help="report format (default: text)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress on standard error")
    parser.set_defaults(handler=run, command_parser=parser)


# -----------------------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------------------


@dataclass
class CallResult:
    endpoint: str
    method: str
    path: str
    outcome: str  # "ok", "failed", "gated", "skipped"
    seconds: float | None = None
    status: int | None = None
    detail: str = ""


@dataclass
class ProbeReport:
    url: str
    reachable: bool
    nodeinfo_software: str | None = None
    nodeinfo_version: str | None = None
    version_string: str | None = None
    mastodon_version: str | None = None
    software: str | None = None
    software_version: str | None = None
    backend: str | None = None
    backend_reason: str | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    calls: list[CallResult] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["summary"] = self.summary()
        return data

    def summary(self) -> dict[str, int]:
        tally = {"ok": 0, "failed": 0, "gated": 0, "skipped": 0}
        for call in self.calls:
            tally[call.outcome] = tally.get(call.outcome, 0) + 1
        return tally


class Progress:
    """One-line progress on standard error (rewritten in place on a terminal)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self._dirty = False

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r\x1b[K" + message[:120])
            self._dirty = True
        else:
            self.stream.write(message + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled and self.tty and self._dirty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._dirty = False


# -----------------------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------------------


class TokenFileError(Exception):
    pass


def read_token_file(path: Path) -> tuple[str, str | None]:
    """``(access_token, base_url or None)`` from a user credential file or a JSON file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TokenFileError(f"cannot read token file {path}: {exc.strerror or exc}") from None
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except ValueError as exc:
            raise TokenFileError(f"token file {path} is not valid JSON: {exc}") from None
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token.strip():
            raise TokenFileError(f"token file {path} has no 'access_token'")
        base = data.get("api_base_url") or data.get("base_url")
        return token.strip(), base if isinstance(base, str) else None
    lines = [line.strip() for line in stripped.splitlines()]
    if not lines or not lines[0]:
        raise TokenFileError(f"token file {path} is empty")
    return lines[0], (lines[1] or None) if len(lines) > 1 else None


def short_reason(exc: BaseException) -> str:
    """A one-line reason for a network failure (no nested exception reprs)."""
    text = str(exc)
    for pattern in (r"\[Errno -?\d+\] ([^'\")\]]+)", r"(Name or service not known|nodename nor servname[^'\")]*)",
                    r"(Read timed out[^'\")]*|timed out|Connection refused|Connection reset by peer)",
                    r"(certificate verify failed[^'\")]*)"):
        match = re.search(pattern, text)
        if match:
            return match.group(1).strip().rstrip(".")
    if "WRONG_VERSION_NUMBER" in text or "RECORD_LAYER_FAILURE" in text:  # TLS answered in plain HTTP
        return "TLS handshake failed: does the server speak plain http://?"
    text = text.removeprefix("Could not complete request: ")
    return text.splitlines()[0][:200] if text else exc.__class__.__name__


def _describe(result: Any) -> str:
    if isinstance(result, list):
        return f"{len(result)} items"
    if isinstance(result, dict):
        for key in ("acct", "username", "title", "uri", "name"):
            if isinstance(result.get(key), str):
                return f"{key}={result[key]}"
        return f"{len(result)} fields"
    if result is None:
        return "empty"
    return type(result).__name__


def _required_arguments() -> dict[str, list[str]]:
    """Endpoint name -> required arguments of the public method that calls it."""
    from .. import Mastodon

    needs: dict[str, list[str]] = {}
    for name in dir(Mastodon):
        if name.startswith("_"):
            continue
        member = getattr(Mastodon, name, None)
        endpoint = getattr(member, "__endpoint__", None)
        if member is None or endpoint is None or getattr(member, "__name__", name) != endpoint.name:
            continue
        try:
            signature = inspect.signature(member)
        except (TypeError, ValueError):
            continue
        required = [
            p.name
            for p in list(signature.parameters.values())[1:]
            if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        needs[endpoint.name] = required
    return needs


# -----------------------------------------------------------------------------------------
# The probe
# -----------------------------------------------------------------------------------------


def probe(url: str, token: str | None, timeout: float, progress: Progress) -> ProbeReport:
    from .. import __version__
    from ..backend_types import ServerContext
    from ..base import protocolize
    from ..detection import fetch_json, fetch_nodeinfo, parse_server_version
    from ..endpoints import instance as I
    from ..errors import MastodonAPIError, MastodonError, MastodonNetworkError
    from ..pipeline import RequestPipeline
    from ..plugins import get_registry
    from ..transport import Transport

    base = protocolize(url)
    report = ProbeReport(url=base, reachable=False)
    user_agent = f"mastodon-fediverse/{__version__} (probe)"
    transport = Transport(base, request_timeout=timeout, user_agent=user_agent, ratelimit_method="throw")
    transport.access_token = token
    registry = get_registry()
    ctx = ServerContext(api_base_url=base, backend="mainline", feature_set="mainline", version_check_mode="none")
    pipeline = RequestPipeline(ctx, registry.hooks_for("mainline"), transport)
    network_errors: list[str] = []

    def attempt(label: str, fetch: Callable[[], Any]) -> tuple[str, Any]:
        """``("ok", answer)``, or ``("network", None)`` / ``("error", None)``, noting the failure."""
        try:
            answer = fetch()
        except MastodonNetworkError as exc:
            network_errors.append(short_reason(exc))
            return "network", None
        except MastodonAPIError as exc:
            report.problems.append(f"{label}: HTTP {exc.status_code}")
        except MastodonError as exc:
            report.problems.append(f"{label}: {exc}")
        else:
            report.reachable = True
            return "ok", answer
        report.reachable = True  # the server answered, if only with an error
        return "error", None

    progress(f"probe {base}: GET /.well-known/nodeinfo")
    nodeinfo = attempt("nodeinfo", partial(fetch_nodeinfo, pipeline))[1]
    if not isinstance(nodeinfo, dict):
        nodeinfo = None

    instance: Any = None
    if report.reachable or not network_errors:
        for endpoint in (I.instance, I.instance_v2):
            progress(f"probe {base}: GET {endpoint.path}")
            outcome, instance = attempt(endpoint.path, partial(fetch_json, pipeline, endpoint, auth=token is not None))
            if outcome != "error":
                break
    if not isinstance(instance, dict):
        instance = None
    if not report.reachable:
        report.problems.append(network_errors[0] if network_errors else "no answer")
        return report

    if nodeinfo:
        software = nodeinfo.get("software") or {}
        if isinstance(software, dict):
            report.nodeinfo_software = str(software.get("name")) if software.get("name") else None
            report.nodeinfo_version = str(software.get("version")) if software.get("version") else None

    matches = registry.detect(nodeinfo, instance)
    report.candidates = [{"backend": m.backend, "score": m.score, "reason": m.reason} for m in matches]
    if matches:
        report.backend, report.backend_reason = matches[0].backend, matches[0].reason
    else:
        report.backend = "mainline"
        report.backend_reason = "no backend recognises this server; mainline is the fallback"
    hooks = registry.hooks_for(report.backend)
    version = None
    if instance and isinstance(instance.get("version"), str):
        report.version_string = instance["version"]
        version = parse_server_version(hooks, instance["version"])
        report.mastodon_version = version.mastodon_string
        report.software = version.software
        if version.software_version:
            report.software_version = ".".join(str(n) for n in version.software_version)

    if token:
        report.calls = _call_endpoints(base, token, timeout, user_agent, report.backend, version, nodeinfo, instance, progress)
    return report


def _call_endpoints(
    base: str,
    token: str,
    timeout: float,
    user_agent: str,
    backend: str,
    version: Any,
    nodeinfo: Any,
    instance: Any,
    progress: Progress,
) -> list[CallResult]:
    from .. import Mastodon
    from ..errors import (
        MastodonAPIError,
        MastodonBackendFeatureError,
        MastodonError,
        MastodonNetworkError,
        MastodonVersionError,
    )

    api = Mastodon(
        api_base_url=base,
        access_token=token,
        feature_set=backend,
        version_check_mode="none",
        request_timeout=timeout,
        user_agent=user_agent,
        ratelimit_method="throw",
    )
    ctx = api.server_context
    ctx.version, ctx.nodeinfo, ctx.instance = version, nodeinfo, instance
    ctx.version_check_mode = "created"

    required = _required_arguments()
    candidates = [
        ep
        for ep in api.endpoints().values()
        if ep.method == "GET" and not ep.path_fields and not _STREAMING.match(ep.path)
    ]
    candidates.sort(key=lambda ep: (ep.name != "account_verify_credentials", ep.name))
    results: list[CallResult] = []
    for number, ep in enumerate(candidates, 1):
        needs = required.get(ep.name, [])
        if needs:
            results.append(CallResult(ep.name, ep.method, ep.path, "skipped", detail="needs " + ", ".join(needs)))
            continue
        progress(f"[{number}/{len(candidates)}] GET {ep.path}")
        started = time.perf_counter()
        try:
            result = api.call_endpoint(ep.name)
        except MastodonVersionError as exc:
            detail = str(exc)
            if isinstance(exc, MastodonBackendFeatureError):  # the backend is named above the table
                detail = detail.removeprefix(f"{exc.feature} is not available on the '{exc.backend}' backend: ")
            results.append(CallResult(ep.name, ep.method, ep.path, "gated", detail=detail))
            continue
        except MastodonAPIError as exc:
            elapsed = time.perf_counter() - started
            message = exc.error_message if isinstance(exc.error_message, str) else ""
            detail = f"HTTP {exc.status_code}" + (f": {message.splitlines()[0][:80]}" if message else "")
            results.append(CallResult(ep.name, ep.method, ep.path, "failed", elapsed, exc.status_code, detail))
            continue
        except MastodonNetworkError as exc:
            elapsed = time.perf_counter() - started
            results.append(CallResult(ep.name, ep.method, ep.path, "failed", elapsed, None, short_reason(exc)))
            continue
        except MastodonError as exc:
            elapsed = time.perf_counter() - started
            results.append(CallResult(ep.name, ep.method, ep.path, "failed", elapsed, None, str(exc).splitlines()[0][:100]))
            continue
        elapsed = time.perf_counter() - started
        results.append(CallResult(ep.name, ep.method, ep.path, "ok", elapsed, 200, _describe(result)))
    return results


def render_report(report: ProbeReport, width: int = 100) -> str:
    """The text report; the table's details wrap to fit ``width`` columns."""
    lines = [f"Server:        {report.url}"]
    if report.nodeinfo_software:
        lines.append(f"Nodeinfo:      {report.nodeinfo_software} {report.nodeinfo_version or ''}".rstrip())
    else:
        lines.append("Nodeinfo:      (none)")
    if report.version_string is not None:
        lines.append(f"Version:       {report.version_string!r}")
        parsed = f"Mastodon API {report.mastodon_version}"
        if report.software and report.software != "unknown":
            parsed += f"; {report.software} {report.software_version or ''}".rstrip()
        lines.append(f"Parsed as:     {parsed}")
    else:
        lines.append("Version:       (no instance document)")
    lines.append(f"Backend:       {report.backend} ({report.backend_reason})")
    for other in report.candidates[1:]:
        lines.append(f"  also:        {other['backend']} score {other['score']} ({other['reason']})")
    for problem in report.problems:
        lines.append(f"Note:          {problem}")
    if report.calls:
        lines.append("")
        name_width = max(len(c.endpoint) for c in report.calls)
        lines.append(f"{'endpoint'.ljust(name_width)}  {'result':<8} {'ms':>8}  detail")
        indent = " " * (name_width + 21)
        for call in report.calls:
            ms = f"{call.seconds * 1000:8.1f}" if call.seconds is not None else " " * 8
            detail = textwrap.wrap(call.detail, max(width - len(indent), 20), break_on_hyphens=False) or [""]
            lines.append(f"{call.endpoint.ljust(name_width)}  {call.outcome:<8} {ms}  {detail[0]}".rstrip())
            lines.extend(indent + more for more in detail[1:])
        tally = report.summary()
        lines.append("")
        lines.append(f"{tally['ok']} worked, {tally['failed']} failed, {tally['gated']} gated, {tally['skipped']} skipped (need arguments)")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..errors import MastodonIllegalArgumentError

    if args.timeout <= 0:
        parser.error("--timeout must be positive")
    token = None
    if args.token_file is not None:
        try:
            token, _ = read_token_file(args.token_file)
        except TokenFileError as exc:
            parser.error(str(exc))
    progress = Progress(sys.stderr, enabled=not args.quiet)
    try:
        report = probe(args.url, token, args.timeout, progress)
    except MastodonIllegalArgumentError as exc:
        progress.done()
        parser.error(str(exc))
    finally:
        progress.done()
    if not report.reachable:
        reason = report.problems[-1] if report.problems else "no answer"
        print(f"mastodon-fediverse probe: error: cannot reach {report.url}: {reason}", file=sys.stderr)
        if args.format == "json":
            sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
        return 1
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), indent=2, default=str) + "\n")
    else:
        sys.stdout.write(render_report(report, min(shutil.get_terminal_size((100, 24)).columns, 100)))
    return 0


__all__ = ["add_parser", "run", "probe", "read_token_file", "ProbeReport", "CallResult", "render_report"]
