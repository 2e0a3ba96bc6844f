"""The public surface of Mastodon.py 1.8.1 and 2.3.3: every method, parameter name and default.

``data/mastodonpy-*-signatures.txt`` are copies of the two releases' public signatures.
A method whose line is listed in ``data/mastodonpy_known_missing.txt`` is not implemented
yet: its test is a strict expected failure, so an entry that starts passing must be removed.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from mastodon import CallbackStreamListener, Mastodon, StreamListener

DATA = Path(__file__).parent / "data"
OWNERS: dict[str, Any] = {"Mastodon": Mastodon, "StreamListener": StreamListener, "CallbackStreamListener": CallbackStreamListener}
KNOWN_MISSING_FILE = DATA / "mastodonpy_known_missing.txt"
KNOWN_MISSING = (
    {line.strip() for line in KNOWN_MISSING_FILE.read_text().splitlines() if line.strip() and not line.startswith("#")}
    if KNOWN_MISSING_FILE.exists()
    else set()
)


def _signature_lines(release: str) -> list[str]:
    text = (DATA / f"mastodonpy-{release}-signatures.txt").read_text()
    return [line.strip() for line in text.splitlines() if "(" in line and not line.startswith("#")]


def _parse(line: str) -> tuple[str, str, list[tuple[str, Any]]]:
    head, _, rest = line.removeprefix("staticmethod ").partition("(")
    params_src = rest.rsplit(")", 1)[0]
    owner, _, name = head.partition(".")
    if not name:  # a constructor line: "StreamListener(...)"
        owner, name = head, "__init__"
    tree = ast.parse(f"def f({params_src}): pass").body[0]
    assert isinstance(tree, ast.FunctionDef)
    args = tree.args.args
    defaults = [ast.literal_eval(d) for d in tree.args.defaults]
    padded: list[Any] = [inspect.Parameter.empty] * (len(args) - len(defaults)) + defaults
    return owner, name, [(a.arg, d) for a, d in zip(args, padded) if a.arg != "self"]


def _cases() -> list[Any]:
    cases = []
    for release in ("1.8.1", "2.3.3"):
        for line in _signature_lines(release):
            owner, name, _ = _parse(line)
            key = f"{release} {owner}.{name}"
            marks = [pytest.mark.xfail(strict=True, reason="not implemented yet")] if key in KNOWN_MISSING else []
            cases.append(pytest.param(line, id=key, marks=marks))
    return cases


def _release_defaults() -> dict[tuple[str, str, str], list[Any]]:
    """Every default either release gives each parameter."""
    defaults: dict[tuple[str, str, str], list[Any]] = {}
    for release in ("1.8.1", "2.3.3"):
        for line in _signature_lines(release):
            owner, name, params = _parse(line)
            for param, default in params:
                defaults.setdefault((owner, name, param), []).append(default)
    return defaults


RELEASE_DEFAULTS = _release_defaults()


@pytest.mark.parametrize("line", _cases())
def test_method_and_parameters_exist(line: str) -> None:
    owner_name, name, expected = _parse(line)
    target = getattr(OWNERS[owner_name], name, None)
    assert target is not None, f"{owner_name}.{name} is missing"
    parameters = inspect.signature(target).parameters
    for param, default in expected:
        assert param in parameters, f"{owner_name}.{name} has no parameter {param!r}"
        actual = parameters[param].default
        # A parameter one release requires keeps the default the other release gives it
        # (domain_block(domain=None) in 1.8.1, domain_block(domain) in 2.3.3): every call
        # that works with either release works here.
        if default is inspect.Parameter.empty and actual in RELEASE_DEFAULTS[(owner_name, name, param)]:
            continue
        assert actual == default, f"{owner_name}.{name}({param}=...) default differs"


def _module_names() -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    text = (DATA / "mastodonpy-2.3.3-signatures.txt").read_text().splitlines()
    for header, body in itertools.pairwise(text):
        match = re.fullmatch(r"# (mastodon[\w.]*) (?:names|classes) \(\d+\):", header)
        if match:
            names.extend((match.group(1), n) for n in body.split())
    # "mastodon.Mastodon (the module) also re-exports the error classes, the return types,
    # parse_version_string, MastodonWarning and the listener classes."
    reexported = [n for m, n in names if m in ("mastodon.errors", "mastodon.return_types")]
    reexported += ["parse_version_string", "StreamListener", "CallbackStreamListener"]
    names.extend(("mastodon.Mastodon", n) for n in dict.fromkeys(reexported))
    return names


def _module_cases() -> list[Any]:
    cases = []
    for module, name in _module_names():
        key = f"module {module}.{name}"
        marks = [pytest.mark.xfail(strict=True, reason="not implemented yet")] if key in KNOWN_MISSING else []
        cases.append(pytest.param(module, name, id=key, marks=marks))
    return cases


@pytest.mark.parametrize(("module", "name"), _module_cases())
def test_module_level_name_imports(module: str, name: str) -> None:
    assert hasattr(importlib.import_module(module), name)


def test_both_releases_are_read() -> None:
    assert len(_signature_lines("1.8.1")) > 200
    assert len(_signature_lines("2.3.3")) > 300
    assert len(_module_names()) > 200
