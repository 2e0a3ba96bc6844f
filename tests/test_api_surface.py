"""The public API surface matches the reference: every signature, names, order, defaults."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

import mastodon
from mastodon import Mastodon

LINES = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "reference_signatures.txt").read_text().splitlines()
    if line.strip()
]


def _parse(line: str) -> tuple[Any, str, list[tuple[str, Any]]]:
    text = line.removeprefix("static ").removeprefix("class ")
    head, _, rest = text.partition("(")
    params_src = rest.rsplit(")", 1)[0] if rest else ""
    owner_name, _, name = head.rpartition(".")
    tree = ast.parse(f"def f({params_src}): pass").body[0]
    assert isinstance(tree, ast.FunctionDef)
    args = tree.args.args
    defaults = [ast.literal_eval(d) for d in tree.args.defaults]
    padded: list[Any] = [inspect.Parameter.empty] * (len(args) - len(defaults)) + defaults
    params = [(a.arg, d) for a, d in zip(args, padded)]
    if owner_name == "mastodon":
        return mastodon, name, params
    if owner_name == "Mastodon":
        return Mastodon, name, params
    return getattr(mastodon, owner_name), name, params


def _id(line: str) -> str:
    return line.split("(", 1)[0].removeprefix("static ").removeprefix("class ")


@pytest.mark.parametrize("line", LINES, ids=[_id(line) for line in LINES])
def test_signature_matches_reference(line: str) -> None:
    owner, name, expected = _parse(line)
    target = getattr(owner, name, None)
    assert target is not None, f"{_id(line)} is missing"
    if inspect.isclass(target):
        target = target.__init__
    signature = inspect.signature(target)
    parameters = [p for p in signature.parameters.values() if p.name != "self"]
    extensions = [p for p in parameters if p.name in LIBRARY_EXTENSIONS.get(_id(line), ())]
    # This library's own parameters: keyword-only, with defaults, after everything else.
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is not inspect.Parameter.empty for p in extensions), extensions
    assert parameters[len(parameters) - len(extensions) :] == extensions, f"{_id(line)}: library parameters must come last"
    actual = [(p.name, p.default) for p in parameters if p not in extensions]
    # The reference's parameters keep their names, order and defaults; parameters that only
    # Mastodon.py 1.8.1 or 2.3.3 have come after them, with defaults.
    assert [n for n, _ in actual[: len(expected)]] == [n for n, _ in expected]
    assert actual[: len(expected)] == expected
    appended = actual[len(expected) :]
    assert all(default is not inspect.Parameter.empty for _, default in appended), appended
    unknown = [n for n, _ in appended if n not in _mastodonpy_parameters(_id(line))]
    assert not unknown, f"{_id(line)}: parameters in neither the reference nor Mastodon.py: {unknown}"


#: Parameters this library adds to the reference (keyword-only, with defaults; see docs/compatibility.md).
LIBRARY_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "Mastodon.__init__": ("plugins",),
}


def _mastodonpy_parameters(qualified: str) -> set[str]:
    """Parameter names of ``Owner.name`` in the Mastodon.py 1.8.1 and 2.3.3 signature files."""
    owner, _, name = qualified.rpartition(".")
    names: set[str] = set()
    for release in ("1.8.1", "2.3.3"):
        text = (Path(__file__).parent / "data" / f"mastodonpy-{release}-signatures.txt").read_text()
        for line in text.splitlines():
            head, _, rest = line.removeprefix("staticmethod ").partition("(")
            if head in (f"{owner}.{name}", name):  # a method, or a class's constructor line
                names.update(a.arg for a in ast.parse(f"def f({rest.rsplit(')', 1)[0]}): pass").body[0].args.args)  # type: ignore[attr-defined]
    return names


def test_reference_lists_about_145_methods() -> None:
    names = {_id(line) for line in LINES}
    assert len(names) >= 145


def test_every_endpoint_method_documents_its_version_gate() -> None:
    for name in dir(Mastodon):
        member = getattr(Mastodon, name)
        endpoint = getattr(member, "__endpoint__", None)
        if endpoint is not None:
            assert endpoint.version_note in (member.__doc__ or ""), name


def test_compat_module_exports_errors() -> None:
    from mastodon.Mastodon import Mastodon as Compat
    from mastodon.Mastodon import MastodonAPIError, MastodonError, MastodonNotFoundError

    assert Compat is Mastodon
    assert issubclass(MastodonNotFoundError, MastodonAPIError)
    assert issubclass(MastodonAPIError, MastodonError)
