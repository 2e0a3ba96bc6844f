"""The command line: ``matrix`` in every format, ``probe`` against a loopback server."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from mastodon.cli import main
from mastodon.compat_matrix import _scan_yaml_lines, build_matrix, read_cassette, scan_cassettes
from mastodon.endpoints import ENDPOINTS
from mastodon.plugin import hookimpl
from mastodon.plugins import BackendRegistry, make_plugin_manager, register_plugin, unregister_plugin

CASSETTE = """\
interactions:
- request:
    body: null
    headers:
      Authorization:
      - Bearer REDACTED
      User-Agent:
      - mastodonpy
    method: GET
    uri: http://127.0.0.1:8080/api/v1/accounts/verify_credentials
  response:
    body:
      string: '{"id": "1", "method": "GET", "uri": "http://x/api/v1/mutes"}'
    headers:
      Content-Type:
      - application/json
    status:
      code: 200
      message: OK
- request:
    body: status=hello&visibility=public
    headers: {}
    method: POST
    uri: http://127.0.0.1:8080/api/v1/statuses
  response:
    body:
      string: '{}'
    headers: {}
    status:
      code: 200
      message: OK
- request:
    body: null
    headers: {}
    method: GET
    uri: 'http://127.0.0.1:8080/api/v1/timelines/home?limit=40&max_id=10'
  response:
    body:
      string: '[]'
    headers: {}
    status:
      code: 404
      message: Not Found
- request:
    body: null
    headers: {}
    method: GET
    uri: http://127.0.0.1:8080/api/v1/timelines/home
  response:
    body:
      string: '[]'
    headers: {}
    status:
      code: 200
      message: OK
- request:
    body: null
    headers: {}
    method: GET
    uri: http://127.0.0.1:8080/api/v1/blocks
  response:
    body:
      string: '{"error": "Record not found"}'
    headers: {}
    status:
      code: 404
      message: Not Found
version: 1
"""


def _write_recording(root: Path, server: str, version: str, info: dict[str, Any] | None = None) -> Path:
    folder = root / server / version
    folder.mkdir(parents=True)
    (folder / "test_read_and_post.yaml").write_text(CASSETTE, encoding="utf-8")
    if info is not None:
        (folder / "server.json").write_text(json.dumps(info), encoding="utf-8")
    return folder


@pytest.fixture
def cassettes(tmp_path: Path) -> Path:
    root = tmp_path / "cassettes"
    _write_recording(root, "mainline", "4.2.0", {"version_string": "4.2.0", "backend": "mainline"})
    _write_recording(root, "notinstalledsoft", "1.2.3", {"version_string": "notinstalledsoft/1.2.3"})
    return root


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -----------------------------------------------------------------------------------------
# Cassette scanning
# -----------------------------------------------------------------------------------------


def test_cassette_reader_finds_each_request_and_ignores_response_bodies(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CASSETTE, encoding="utf-8")
    expected = [
        ("GET", "http://127.0.0.1:8080/api/v1/accounts/verify_credentials", 200),
        ("POST", "http://127.0.0.1:8080/api/v1/statuses", 200),
        ("GET", "http://127.0.0.1:8080/api/v1/timelines/home?limit=40&max_id=10", 404),
    ]
    expected += [
        ("GET", "http://127.0.0.1:8080/api/v1/timelines/home", 200),
        ("GET", "http://127.0.0.1:8080/api/v1/blocks", 404),
    ]
    assert read_cassette(path) == expected
    # The line scanner used when no YAML library is installed agrees with the YAML parser.
    assert _scan_yaml_lines(CASSETTE) == expected


def test_json_cassettes_are_read(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"interactions": [{"request": {"method": "delete", "uri": "http://h/api/v1/statuses/5"}}]}))
    assert read_cassette(path) == [("DELETE", "http://h/api/v1/statuses/5", None)]


def test_scan_reads_server_json(cassettes: Path) -> None:
    servers = {(s.server, s.version): s for s in scan_cassettes(cassettes)}
    assert set(servers) == {("mainline", "4.2.0"), ("notinstalledsoft", "1.2.3")}
    assert servers[("notinstalledsoft", "1.2.3")].version_string == "notinstalledsoft/1.2.3"
    assert servers[("mainline", "4.2.0")].cassettes == 1
    assert len(servers[("mainline", "4.2.0")].requests) == 5


# -----------------------------------------------------------------------------------------
# matrix
# -----------------------------------------------------------------------------------------


def test_matrix_json_covers_every_endpoint_and_column(capsys: pytest.CaptureFixture[str], cassettes: Path) -> None:
    status, out, _ = run_cli(
        capsys, "matrix", "--format", "json", "--cassettes", str(cassettes), "--server", "mainline=3.5.0", "--server", "mainline=4.3.0"
    )
    assert status == 0
    data = json.loads(out)
    names = {row["name"] for row in data["endpoints"]}
    assert set(ENDPOINTS) <= names
    keys = [c["key"] for c in data["columns"]]
    assert "mainline 4.2.0" in keys and "mainline 3.5.0" in keys and "mainline 4.3.0" in keys
    assert "notinstalledsoft 1.2.3" in keys
    rows = {row["name"]: row for row in data["endpoints"]}
    # version gate: instance_v2 needs Mastodon 4.0.0
    assert rows["instance_v2"]["cells"]["mainline 3.5.0"]["status"] == "gated"
    assert "4.0.0" in rows["instance_v2"]["cells"]["mainline 3.5.0"]["reason"]
    assert rows["instance_v2"]["cells"]["mainline 4.3.0"]["status"] == "available"
    # recorded requests verify exactly the endpoints they match
    recorded = {name for name, row in rows.items() if row["cells"]["mainline 4.2.0"]["status"] == "recorded"}
    assert {"account_verify_credentials", "status_post", "timeline_home"} <= recorded
    assert "account" not in recorded  # /accounts/verify_credentials is not /accounts/{id}
    assert "blocks" not in recorded  # the server answered 404: recorded, not verified
    assert "HTTP 404" in rows["blocks"]["cells"]["mainline 4.2.0"]["reason"]
    assert rows["mutes"]["cells"]["mainline 4.2.0"]["status"] == "available"  # only mentioned in a body
    # server-specific endpoints have no route on mainline
    assert rows["status_emoji_reaction_create"]["cells"]["mainline 4.3.0"]["status"] == "n/a"
    # a recorded server without an installed backend: what was recorded, unknown otherwise
    column = next(c for c in data["columns"] if c["key"] == "notinstalledsoft 1.2.3")
    assert column["backend_installed"] is False and column["source"] == "recorded"
    cells = {name: row["cells"]["notinstalledsoft 1.2.3"]["status"] for name, row in rows.items()}
    assert cells["timeline_home"] == "recorded"
    assert cells["instance"] == "unknown"
    assert data["legend"]["recorded"]["mark"] == "✓"
    for row in data["endpoints"]:
        assert set(row["cells"]) == set(keys)
        assert row["area"]


def test_matrix_text_fits_100_columns_with_legend(capsys: pytest.CaptureFixture[str], cassettes: Path) -> None:
    status, out, _ = run_cli(capsys, "matrix", "--cassettes", str(cassettes), "--width", "100", "--server", "mainline=3.5.0")
    assert status == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert any(line.startswith("── statuses ") for line in lines)
    assert any(line.startswith("timeline_home") for line in lines)
    assert "Legend:" in out and "✓" in out and "✗" in out
    assert "notinstalledsoft 1.2.3: recorded (1 cassettes, 5 requests); backend not" in out
    instance_v2 = next(line for line in lines if line.startswith("instance_v2 "))
    assert "✗" in instance_v2 and "·" in instance_v2


def test_matrix_text_splits_columns_on_narrow_terminals(capsys: pytest.CaptureFixture[str], cassettes: Path) -> None:
    status, out, _ = run_cli(capsys, "matrix", "--cassettes", str(cassettes), "--width", "50", "--ascii")
    assert status == 0
    assert max(len(line) for line in out.splitlines()) <= 50
    assert "✓" not in out and "R" in out
    assert sum(1 for line in out.splitlines() if line.startswith("timeline_home")) >= 2


def test_matrix_markdown_and_html(capsys: pytest.CaptureFixture[str], cassettes: Path) -> None:
    status, md, _ = run_cli(capsys, "matrix", "--format", "markdown", "--cassettes", str(cassettes))
    assert status == 0
    assert "## Statuses" in md
    assert "| Endpoint | Route | mainline 4.2.0 |" in md
    row = next(line for line in md.splitlines() if line.startswith("| `instance_v2`"))
    assert "| GET `/api/v2/instance` |" in row
    assert row.count("|") == 3 + len(build_matrix(cassette_dir=cassettes).columns)
    status, page, _ = run_cli(capsys, "matrix", "--format", "html", "--cassettes", str(cassettes), "--server", "mainline=3.5.0")
    assert status == 0
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert re.search(r'<td class="mf-mark mf-gated" data-col="\d+" title="Version check failed', page)
    assert '<select name="area">' in page and page.count('name="server"') == len(build_matrix(cassette_dir=cassettes, servers=["mainline=3.5.0"]).columns)
    assert "<code>timeline_home</code>" in page


def test_matrix_filters_area_and_adds_server_columns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "m.json"
    status, out, _ = run_cli(
        capsys, "matrix", "--no-cassettes", "--format", "json", "--area", "instance",
        "--server", "mainline=2.0.0", "--only", "-o", str(out_file),
    )
    assert status == 0 and out == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert [c["key"] for c in data["columns"]] == ["mainline 2.0.0"]
    assert {row["area"] for row in data["endpoints"]} == {"instance"}
    cells = {row["name"]: row["cells"]["mainline 2.0.0"]["status"] for row in data["endpoints"]}
    assert cells["instance"] == "available" and cells["instance_rules"] == "gated"


def test_matrix_without_entry_point_backends_still_shows_recordings(tmp_path: Path) -> None:
    root = tmp_path / "cassettes"
    _write_recording(root, "takahe", "0.11.0", {"version_string": "takahe/0.11.0"})
    registry = BackendRegistry(make_plugin_manager(load_entry_points=False, builtins=("mastodon_backends.mainline",)))
    matrix = build_matrix(cassette_dir=root, registry=registry)
    column = next(c for c in matrix.columns if c.server == "takahe")
    assert not column.backend_installed
    assert "backend not installed" in column.detail
    by_name = {row.name: row.cells[column.key].status for row in matrix.rows}
    assert by_name["status_post"] == "recorded"
    assert by_name["status_delete"] == "unknown"


def test_matrix_bad_arguments_are_one_line_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, message in (
        (["matrix", "--format", "xml"], "invalid choice: 'xml'"),
        (["matrix", "--area", "nowhere", "--no-cassettes"], "unknown area 'nowhere'"),
        (["matrix", "--server", "nosuchbackend", "--no-cassettes"], "Unknown feature_set 'nosuchbackend'"),
        (["matrix", "--cassettes", "/nonexistent/folder"], "no such folder"),
    ):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert err.strip().splitlines()[-1].startswith("mastodon-fediverse matrix: error: ")
        assert message in err


def test_help_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["matrix", "--help"], ["probe", "--help"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: mastodon-fediverse")
    assert main([]) == 2
    assert "matrix" in capsys.readouterr().err


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mastodon", "matrix", "--format", "json", "--no-cassettes", "--area", "timelines"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert {row["area"] for row in json.loads(done.stdout)["endpoints"]} == {"timelines"}


# -----------------------------------------------------------------------------------------
# probe
# -----------------------------------------------------------------------------------------

ACCOUNT = {"id": "1", "username": "alice", "acct": "alice", "display_name": "Alice", "created_at": "2024-01-01T00:00:00.000Z"}


class FakeServer(BaseHTTPRequestHandler):
    """A tiny Mastodon 4.2.0 lookalike: nodeinfo, instance and a few authenticated calls."""

    seen: list[tuple[str, str | None]] = []

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        pass

    def _send(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        auth = self.headers.get("Authorization")
        type(self).seen.append((path, auth))
        host = f"http://{self.headers['Host']}"
        if path == "/.well-known/nodeinfo":
            self._send(200, {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": host + "/nodeinfo/2.0"}]})
        elif path == "/nodeinfo/2.0":
            self._send(200, {"version": "2.0", "software": {"name": "mastodon", "version": "4.2.0"}})
        elif path == "/api/v1/instance":
            self._send(200, {"uri": "example.test", "title": "Example", "version": "4.2.0"})
        elif auth != "Bearer sekrit":
            self._send(401, {"error": "The access token is invalid"})
        elif path == "/api/v1/accounts/verify_credentials":
            self._send(200, ACCOUNT)
        elif path == "/api/v1/timelines/home":
            self._send(200, [])
        elif path == "/api/v1/admin/accounts":
            self._send(403, {"error": "This action is not allowed"})
        else:
            self._send(404, {"error": "Record not found"})


@pytest.fixture
def server() -> Iterator[str]:
    FakeServer.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_probe_detects_without_token(capsys: pytest.CaptureFixture[str], server: str) -> None:
    status, out, err = run_cli(capsys, "probe", server)
    assert status == 0
    assert "Nodeinfo:      mastodon 4.2.0" in out
    assert "Version:       '4.2.0'" in out
    assert "Backend:       mainline (nodeinfo software.name is 'mastodon')" in out
    assert "GET /.well-known/nodeinfo" in err  # progress on stderr
    assert all(path in ("/.well-known/nodeinfo", "/nodeinfo/2.0", "/api/v1/instance") for path, _ in FakeServer.seen)


@pytest.mark.parametrize("token_format", ["lines", "json"])
def test_probe_with_token_calls_read_only_endpoints(
    capsys: pytest.CaptureFixture[str], server: str, tmp_path: Path, token_format: str
) -> None:
    token_file = tmp_path / "token.secret"
    if token_format == "lines":
        token_file.write_text(f"sekrit\n{server}\n")
    else:
        token_file.write_text(json.dumps({"access_token": "sekrit"}))
    status, out, err = run_cli(capsys, "probe", server, "--token-file", str(token_file), "--format", "json")
    assert status == 0, err
    report = json.loads(out)
    assert report["backend"] == "mainline"
    assert report["mastodon_version"] == "4.2.0"
    calls = {c["endpoint"]: c for c in report["calls"]}
    assert report["calls"][0]["endpoint"] == "account_verify_credentials"
    assert calls["account_verify_credentials"]["outcome"] == "ok"
    assert calls["account_verify_credentials"]["detail"] == "acct=alice"
    assert calls["timeline_home"]["outcome"] == "ok" and calls["timeline_home"]["detail"] == "0 items"
    assert calls["admin_accounts"]["outcome"] == "failed" and calls["admin_accounts"]["status"] == 403
    assert calls["search_v2"]["outcome"] == "skipped" and "q" in calls["search_v2"]["detail"]
    assert calls["instance_rules"]["outcome"] == "failed" and calls["instance_rules"]["status"] == 404
    for call in report["calls"]:
        assert call["method"] == "GET"
        if call["outcome"] in ("ok", "failed"):
            assert call["seconds"] is not None and call["seconds"] >= 0
    assert not any(path.startswith("/api/v1/streaming/") and not path.endswith("/health") for path, _ in FakeServer.seen)
    assert ("/api/v1/accounts/verify_credentials", "Bearer sekrit") in FakeServer.seen
    assert report["summary"]["ok"] >= 2
    # the text report lists the same calls with timings
    status, text, _ = run_cli(capsys, "probe", server, "--token-file", str(token_file), "-q")
    assert status == 0
    assert any(line.startswith("account_verify_credentials") and " ok " in line for line in text.splitlines())
    assert "worked," in text


def test_probe_gates_by_version(capsys: pytest.CaptureFixture[str], server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    token_file = tmp_path / "token.secret"
    token_file.write_text("sekrit\n")
    original = FakeServer._send

    def old_version(self: FakeServer, status: int, body: Any) -> None:
        if isinstance(body, dict) and body.get("version") == "4.2.0":
            body = {**body, "version": "2.0.0"}
        if isinstance(body, dict) and isinstance(body.get("software"), dict):
            body = {**body, "software": {"name": "mastodon", "version": "2.0.0"}}
        original(self, status, body)

    monkeypatch.setattr(FakeServer, "_send", old_version)
    status, out, _ = run_cli(capsys, "probe", server, "--token-file", str(token_file), "--format", "json", "-q")
    assert status == 0
    calls = {c["endpoint"]: c for c in json.loads(out)["calls"]}
    assert calls["instance_v2"]["outcome"] == "gated"
    assert "4.0.0" in calls["instance_v2"]["detail"]
    assert not any(path == "/api/v2/instance" for path, _ in FakeServer.seen)


def test_probe_unreachable_server_exits_non_zero_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    status, out, err = run_cli(capsys, "probe", f"http://127.0.0.1:{port}", "--quiet", "--timeout", "5")
    assert status == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"mastodon-fediverse probe: error: cannot reach http://127.0.0.1:{port}: ")
    assert "refused" in lines[0].lower()


def test_probe_unreachable_in_a_subprocess_has_no_traceback() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = subprocess.run(
        [sys.executable, "-m", "mastodon", "probe", f"127.0.0.1:{port}", "--timeout", "5"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("mastodon-fediverse probe: error: cannot reach https://127.0.0.1:")


def test_probe_bad_token_file_is_an_argument_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "token.json"
    bad.write_text('{"token": "x"}')
    for path, message in ((bad, "has no 'access_token'"), (tmp_path / "missing", "cannot read token file")):
        with pytest.raises(SystemExit) as info:
            main(["probe", "http://127.0.0.1:1", "--token-file", str(path)])
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err


class _GateDirectory:
    """A plugin (no backend) refusing one endpoint with a reason longer than a terminal line."""

    REASON = "this server has no profile directory; " + "it lists accounts only through search, " * 3

    @staticmethod
    @hookimpl
    def mastodon_endpoint_available(endpoint: Any) -> str | None:
        return _GateDirectory.REASON if endpoint.name == "directory" else None


def test_probe_text_report_fits_100_columns(
    capsys: pytest.CaptureFixture[str], server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token_file = tmp_path / "token.secret"
    token_file.write_text("sekrit\n")
    monkeypatch.setenv("COLUMNS", "160")  # wider terminals still get at most 100 columns
    register_plugin(_GateDirectory, name="gate-directory")
    try:
        status, text, _ = run_cli(capsys, "probe", server, "--token-file", str(token_file), "-q")
        _, report, _ = run_cli(capsys, "probe", server, "--token-file", str(token_file), "-q", "--format", "json")
    finally:
        unregister_plugin(name="gate-directory")
    assert status == 0
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 100
    start = next(i for i, line in enumerate(lines) if line.startswith("directory "))
    # the gate's reason without the "... is not available on the 'mainline' backend" preamble, wrapped
    assert lines[start].split()[:3] == ["directory", "gated", "this"]
    column = lines[start].index("this")
    wrapped = [lines[start][column:]]
    for line in lines[start + 1 :]:
        if line[:column].strip():
            break
        wrapped.append(line[column:])
    assert " ".join(wrapped) == _GateDirectory.REASON.strip()
    assert len(wrapped) > 1
    calls = {c["endpoint"]: c for c in json.loads(report)["calls"]}
    assert calls["directory"] == {**calls["directory"], "outcome": "gated", "detail": _GateDirectory.REASON}


def test_probe_https_to_a_plain_http_server_suggests_http(capsys: pytest.CaptureFixture[str], server: str) -> None:
    status, _, err = run_cli(capsys, "probe", server.replace("http://", "https://"), "-q")
    assert status == 1
    line = err.strip().splitlines()[-1]
    assert line.endswith("TLS handshake failed: does the server speak plain http://?")
    assert "SSLError" not in line and len(line) <= 200


def test_matrix_rejects_a_server_version_that_is_not_a_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["matrix", "--server", "mainline=banana"])
    assert exited.value.code == 2
    assert "--server 'mainline=banana'" in capsys.readouterr().err
