"""Benchmark: this library against the bare floor (``requests`` + ``json.loads``), side by side.

Starts a loopback server (a subprocess serving 40-status pages of about 4-5 KB per status
with ``Link`` pagination, and a server-sent events stream), then measures, each workload
in a fresh client process:

- ``import mastodon`` against ``import requests`` (fresh interpreter per sample, median);
- ``timeline_home(limit=40)``: CPU and wall time per call (median);
- a 50-page walk with ``fetch_next`` (median of several walks);
- streaming events per second delivered to a listener.

If the original Mastodon.py is importable by another interpreter (``--original-python``)
or installed in this one, it is measured too, in its own processes. Prints a table with
PASS/FAIL per target; ``--check`` makes the exit status non-zero when a target fails.

    python benchmarks/run.py [--quick] [--check] [--json FILE]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

IMPORT_SNIPPET = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"


@dataclass
class Target:
    name: str
    value: float
    limit: float
    higher_is_better: bool = False

    @property
    def passed(self) -> bool:
        return self.value >= self.limit if self.higher_is_better else self.value <= self.limit

    def describe(self) -> str:
        op = ">=" if self.higher_is_better else "<="
        unit = " ev/s" if self.higher_is_better else "x"
        value = f"{self.value:,.0f}" if self.higher_is_better else f"{self.value:.2f}"
        limit = f"{self.limit:,.0f}" if self.higher_is_better else f"{self.limit:.2f}"
        return f"{value}{unit} {op} {limit}{unit}"


def import_env(env: dict[str, str], cache_dir: str) -> dict[str, str]:
    """Bytecode caches on, kept in ``cache_dir`` for every package alike (as after ``pip install``).

    An environment with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile an editable
    checkout from source on every import while site-packages keep their ``.pyc`` files.
    """
    out = dict(env)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    out["PYTHONPYCACHEPREFIX"] = cache_dir
    return out


def import_times(python: str, stmts: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    """Median seconds spent in each statement, in fresh interpreters (the import alone, not start-up).

    The statements take turns, sample after sample, so a drift in machine load shifts them
    all alike instead of biasing the ratio between them.
    """
    samples: list[list[float]] = [[] for _ in stmts]
    with tempfile.TemporaryDirectory() as neutral:  # no local folder shadows the packages
        for stmt in stmts:  # warm the caches
            subprocess.run([python, "-c", stmt], capture_output=True, cwd=neutral, env=env, check=True)
        for _ in range(runs):
            for stmt, times in zip(stmts, samples):
                done = subprocess.run(
                    [python, "-c", IMPORT_SNIPPET.format(stmt=stmt)],
                    capture_output=True, text=True, cwd=neutral, env=env, check=True,
                )
                times.append(float(done.stdout.strip().splitlines()[-1]))
    return [statistics.median(times) for times in samples]


def sse_throughput(events: int, rounds: int, env: dict[str, str]) -> dict[str, Any] | None:
    """Events/s from ``benchmarks/sse_throughput.py`` (``update`` events into a listener), if present."""
    script = HERE / "sse_throughput.py"
    if not script.is_file():
        return None
    done = subprocess.run(
        [sys.executable, str(script), "--events", str(events), "--rounds", str(rounds)],
        capture_output=True, text=True, env=env, check=False, timeout=600,
    )
    rates = [float(m.replace(",", "")) for m in re.findall(r"= ([\d,]+) events/s;", done.stdout)]
    ratios = [float(m) for m in re.findall(r"ratio ([\d.]+)x", done.stdout)]
    if done.returncode != 0 or not rates:
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:] or ["failed"]}
    figures: dict[str, Any] = {"rate": statistics.median(rates), "rounds": len(rates), "events": events}
    if ratios:
        figures["cpu_ratio"] = statistics.median(ratios)
    return figures


def run_client(python: str, impl: str, workload: str, url: str, n: int, env: dict[str, str] | None = None) -> dict[str, Any]:
    done = subprocess.run(
        [python, str(HERE / "_client.py"), impl, workload, url, str(n)],
        capture_output=True, text=True, env=env, cwd=tempfile.gettempdir(), check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{impl} {workload} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


class Server:
    def __init__(self, events: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "_server.py"), "--events", str(events)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        port = self.proc.stdout.readline().strip()
        if not port:
            raise RuntimeError("benchmark server did not start")
        self.url = f"http://127.0.0.1:{port}"

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def original_available(python: str | None) -> str | None:
    """An interpreter whose ``import mastodon`` is the original Mastodon.py, if any."""
    if python:
        return python
    try:
        importlib.metadata.distribution("Mastodon.py")
    except importlib.metadata.PackageNotFoundError:
        return None
    return sys.executable


def decoder_in_use(python: str, env: dict[str, str]) -> str:
    """Which JSON object hook the library decodes with in the client processes."""
    done = subprocess.run(
        [python, "-c", "from mastodon.decode import uses_speedups; print(uses_speedups())"],
        capture_output=True, text=True, env=env, cwd=tempfile.gettempdir(), check=False,
    )
    if done.returncode != 0:
        return "unknown"
    return "C object hook (mastodon._speedups)" if done.stdout.strip() == "True" else "pure-Python object hook"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a target fails")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--original-python", help="interpreter that has the original Mastodon.py installed")
    parser.add_argument("--events", type=int, default=20000, help="events in the streaming run (default 20000)")
    args = parser.parse_args(argv)

    import_runs, calls, walks, streams, rounds = (5, 60, 3, 1, 1) if args.quick else (21, 200, 8, 2, 9)
    python = sys.executable
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    original = original_available(args.original_python)

    figures: dict[str, Any] = {"library": {}, "floor": {}, "decoder": decoder_in_use(python, env)}
    print(f"benchmark: python {sys.version.split()[0]}, {os.cpu_count()} cpus; starting loopback server", file=sys.stderr)
    server = Server(args.events)
    cache_dir = tempfile.mkdtemp(prefix="bench-pycache-")
    try:
        print("measuring imports ...", file=sys.stderr)
        ienv = import_env(env, cache_dir)
        (
            figures["floor"]["import"], figures["library"]["import"], figures["library"]["import_class"]
        ) = import_times(python, ["import requests", "import mastodon", "from mastodon import Mastodon"], import_runs, ienv)
        # Library and floor alternate, round after round, so drifting machine load hits both.
        samples: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for number in range(rounds):
            for workload, n in (("timeline", calls), ("walk", walks), ("sse", streams)):
                for impl in ("library", "floor"):
                    print(f"round {number + 1}/{rounds}: {impl} {workload} ...", file=sys.stderr)
                    samples.setdefault((impl, workload), []).append(run_client(python, impl, workload, server.url, n, ienv))
        for (impl, workload), results in samples.items():
            figures[impl][workload] = {
                key: statistics.median(r[key] for r in results) for key in results[0] if isinstance(results[0][key], (int, float))
            }
        # The ratio of each round's library and floor processes, run back to back: drift in
        # the machine's load between rounds cancels out (the targets use their median).
        figures["ratios"] = {
            workload: [lib["cpu"] / flo["cpu"] for lib, flo in zip(samples[("library", workload)], samples[("floor", workload)])]
            for workload in ("timeline", "walk")
        }
        print("measuring benchmarks/sse_throughput.py ...", file=sys.stderr)
        throughput = sse_throughput(args.events, 5 if not args.quick else 1, ienv)
        if throughput is not None:
            figures["library"]["sse_updates"] = throughput
        if original:
            figures["original"] = {}
            print("measuring the original Mastodon.py ...", file=sys.stderr)
            (figures["original"]["import"],) = import_times(original, ["import mastodon"], import_runs, import_env(env, cache_dir))
            for workload, n in (("timeline", calls), ("walk", walks), ("sse", streams)):
                try:
                    figures["original"][workload] = run_client(original, "library", workload, server.url, n, env)
                except RuntimeError as exc:
                    figures["original"][workload] = {"error": str(exc).splitlines()[-1]}
    finally:
        server.close()
        shutil.rmtree(cache_dir, ignore_errors=True)

    lib, flo = figures["library"], figures["floor"]
    targets = [
        Target("import mastodon / import requests", lib["import"] / flo["import"], 1.15),
        Target("timeline_home(limit=40) CPU / floor", statistics.median(figures["ratios"]["timeline"]), 1.3),
        Target("50-page walk CPU / floor", statistics.median(figures["ratios"]["walk"]), 1.3),
        Target(
            "streaming events/s to a listener",
            _stream_rate(lib) if lib["sse"].get("events") == args.events else 0.0,  # every event must arrive
            10_000,
            higher_is_better=True,
        ),
    ]
    updates = lib.get("sse_updates")
    if isinstance(updates, dict) and "cpu_ratio" in updates:
        targets.append(Target("streaming updates CPU / floor", updates["cpu_ratio"], 1.3))
    print(render(figures, targets))
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "targets": [t.__dict__ | {"passed": t.passed} for t in targets]}, indent=2))
    return 1 if args.check and not all(t.passed for t in targets) else 0


def _stream_rate(lib: dict[str, Any]) -> float:
    """The lower of the two streaming figures (mixed events here; updates in sse_throughput.py)."""
    rates = [lib["sse"]["rate"]]
    updates = lib.get("sse_updates")
    if isinstance(updates, dict) and "rate" in updates:
        rates.append(updates["rate"])
    return min(rates)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:9.2f} ms"


def render(figures: dict[str, Any], targets: list[Target]) -> str:
    columns = ["library", "floor"] + (["original"] if "original" in figures else [])
    titles = {"library": "mastodon-fediverse", "floor": "requests+json (floor)", "original": "Mastodon.py (original)"}

    def cell(impl: str, key: str, field: str | None = None) -> str:
        value = figures[impl].get(key)
        if isinstance(value, dict):
            if "error" in value:
                return "error"
            value = value.get(field or "")
        if value is None:
            return "-"
        if field == "rate":
            return f"{value:12,.0f} ev/s"
        return _ms(value)

    rows = [
        ("import (median, fresh process)", "import", None),
        ("  from mastodon import Mastodon", "import_class", None),
        ("timeline_home(limit=40) CPU", "timeline", "cpu"),
        ("timeline_home(limit=40) wall", "timeline", "wall"),
        ("50-page walk CPU", "walk", "cpu"),
        ("50-page walk wall", "walk", "wall"),
        ("streaming events/s (mixed events)", "sse", "rate"),
        ("  sse_throughput.py (updates)", "sse_updates", "rate"),
        ("streaming CPU for the run", "sse", "cpu"),
    ]
    width = 34
    out = ["", "".ljust(width) + "".join(titles[c].rjust(26) for c in columns)]
    for label, key, field in rows:
        out.append(label.ljust(width) + "".join(cell(c, key, field).rjust(26) for c in columns))
    sse = figures["library"].get("sse", {})
    if isinstance(sse, dict) and "events" in sse:
        out.append(f"(streaming run: {sse['events']:,} events of about 5 KB; pages: 40 statuses of about 4.5 KB)")
    out.append(f"(decoding: {figures['decoder']}; MASTODON_NO_SPEEDUPS=1 measures the pure-Python one)")
    out.append("(imports: bytecode caches warm for every package, median of fresh interpreters; CPU: client")
    out.append(" process only, mean per call or walk with GC pauses included; wall: median; medians over rounds)")
    for workload, label in (("timeline", "timeline_home"), ("walk", "50-page walk")):
        ratios = figures.get("ratios", {}).get(workload)
        if ratios:
            listed = ", ".join(f"{r:.2f}x" for r in ratios)
            out.append(f"({label} CPU / floor per round: {listed}; the target uses their median)")
    out.append("")
    out.append("Targets".ljust(width + 10) + "value".rjust(30) + "result".rjust(8))
    for target in targets:
        out.append(target.name.ljust(width + 10) + target.describe().rjust(30) + ("PASS" if target.passed else "FAIL").rjust(8))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
