"""The recordings summary packages ship: current, equivalent to the cassettes, in the wheel."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import mastodon.compat_matrix as compat_matrix
from mastodon.compat_matrix import build_matrix
from mastodon.recording_summary import CORE_SUMMARY, ENTRY_POINT_GROUP, dumps, parse_summary, summarise

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "tests" / "cassettes"

ONE_REQUEST = {
    "interactions": [
        {
            "request": {"method": "GET", "uri": "http://127.0.0.1/api/v1/accounts/verify_credentials", "body": None, "headers": {}},
            "response": {"status": {"code": 200, "message": "OK"}, "headers": {}, "body": {"string": "{}"}},
        },
        {
            "request": {"method": "GET", "uri": "http://127.0.0.1/api/v1/blocks", "body": None, "headers": {}},
            "response": {"status": {"code": 404, "message": "Not Found"}, "headers": {}, "body": {"string": "{}"}},
        },
    ],
    "version": 1,
}


def _without_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build matrices as an installed package does: no ``tests/cassettes`` to be found."""
    monkeypatch.setattr(compat_matrix, "default_cassette_dir", lambda: None)


def _recorded_columns(matrix: compat_matrix.Matrix) -> list[str]:
    return [c.key for c in matrix.columns if c.source == "recorded"]


def test_packaged_summary_is_current() -> None:
    committed = (ROOT / CORE_SUMMARY).read_text(encoding="utf-8")
    assert committed == dumps(summarise(CASSETTES)), (
        f"{CORE_SUMMARY} does not match tests/cassettes: run python -m mastodon.recording_summary"
    )


def test_matrix_from_the_summary_equals_the_matrix_from_the_cassettes(monkeypatch: pytest.MonkeyPatch) -> None:
    from_cassettes = build_matrix(cassette_dir=CASSETTES).to_dict()
    _without_checkout(monkeypatch)
    from_summary = build_matrix().to_dict()
    assert from_summary["cassette_dir"] is None
    from_cassettes.pop("cassette_dir"), from_summary.pop("cassette_dir")
    assert len([c for c in from_summary["columns"] if c["source"] == "recorded"]) == len(summarise(CASSETTES)["servers"]) > 0
    assert from_summary == from_cassettes


def test_summary_keeps_each_distinct_request_once(tmp_path: Path) -> None:
    folder = tmp_path / "examplesoft" / "1.0.0"
    folder.mkdir(parents=True)
    again = json.loads(json.dumps(ONE_REQUEST))
    again["interactions"][0]["request"]["uri"] += "?with=query"
    again["interactions"].pop()
    (folder / "test_one.json").write_text(json.dumps(ONE_REQUEST), encoding="utf-8")
    (folder / "test_two.json").write_text(json.dumps(again), encoding="utf-8")
    (folder / "server.json").write_text(json.dumps({"version_string": "examplesoft/1.0.0", "users": {"alice": {}}}), encoding="utf-8")
    summary = summarise(tmp_path)
    assert summary["servers"] == [
        {
            "server": "examplesoft",
            "version": "1.0.0",
            "info": {"version_string": "examplesoft/1.0.0"},
            "cassettes": 2,
            "request_count": 3,
            "requests": ["GET /api/v1/accounts/verify_credentials 200", "GET /api/v1/blocks 404"],
        }
    ]
    (server,) = parse_summary(dumps(summary))
    assert server.requests == [("GET", "/api/v1/accounts/verify_credentials", 200), ("GET", "/api/v1/blocks", 404)]
    assert server.request_count == 3


def test_a_distribution_ships_its_summary_through_an_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cassettes = tmp_path / "cassettes" / "examplesoft" / "1.0.0"
    cassettes.mkdir(parents=True)
    (cassettes / "test_one.json").write_text(json.dumps(ONE_REQUEST), encoding="utf-8")
    site = tmp_path / "site"
    package = site / "example_recordings"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "recordings.json").write_text(dumps(summarise(tmp_path / "cassettes")), encoding="utf-8")
    dist_info = site / "example_backend-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: example-backend\nVersion: 1.0\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\nexample = example_recordings\nbroken = no_such_package_here\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    _without_checkout(monkeypatch)
    with pytest.warns(UserWarning, match="entry point 'broken'"):
        matrix = build_matrix()
    assert "examplesoft 1.0.0" in _recorded_columns(matrix)
    cells = {row.name: row.cells["examplesoft 1.0.0"] for row in matrix.rows}
    assert cells["account_verify_credentials"].status == "recorded"
    assert cells["blocks"].reason == "recorded, but the server answered HTTP 404"
    assert "gotosocial 0.20.0" in _recorded_columns(matrix)  # the core's summary is still read


def test_explicit_cassettes_replace_the_packaged_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _without_checkout(monkeypatch)
    assert _recorded_columns(build_matrix(cassette_dir=tmp_path)) == []


@pytest.mark.skipif(importlib.util.find_spec("setuptools") is None, reason="building a wheel needs setuptools (scripts/setup installs it)")
def test_matrix_installed_from_a_wheel_reports_the_recorded_servers(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "*.egg-info", "build")
    for folder in ("mastodon", "backends"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("mastodon_fediverse-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert "mastodon/recordings.json" in archive.namelist()
        archive.extractall(tmp_path / "installed")
    elsewhere = tmp_path / "elsewhere"  # no tests/cassettes here
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(tmp_path / "installed"), "PATH": "/usr/bin:/bin"}
    code = (
        "import mastodon, sys; from mastodon.cli import main; "
        "print(mastodon.__file__); sys.exit(main(['matrix', '--width', '100']))"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    location, _, table = run.stdout.partition("\n")
    assert location.startswith(str(tmp_path / "installed"))
    servers = len(summarise(CASSETTES)["servers"])
    assert f"recorded servers: {servers})" in " ".join(table.split())
