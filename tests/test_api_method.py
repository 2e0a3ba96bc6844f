"""``api_method``, the one decorator of the public methods: thin calls, own bodies, notes, checks."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.api.binding import api_method
from mastodon.endpoints.model import ID, endpoint

API = Path(__file__).parent.parent / "mastodon" / "api"

ITEM = endpoint("item", "GET", "/api/v1/items/{id}", ID("id"), "limit", returns="Item", added="3.1.0", changed="4.2.0")
GONE = endpoint("gone", "DELETE", "/api/v1/items/{id}", ID("id"), returns="None", added="2.0.0")


class Pipeline:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any], bool]] = []

    def call(self, ep: Any, arguments: dict[str, Any], auth: bool = True) -> Any:
        self.calls.append((ep.name, arguments, auth))
        return {"answer": ep.name}


class Client:
    def __init__(self) -> None:
        self._pipeline = Pipeline()

    @api_method(ITEM)
    def item(self, id: Any, limit: int | None = None) -> dict[str, Any]:  # noqa: A002
        """Fetch an item."""
        ...

    @api_method(ITEM, auth=False)
    def public_item(self, id: Any, limit: int | None = None) -> dict[str, Any]:  # noqa: A002
        """Fetch an item without the token."""
        ...

    @api_method(GONE)
    def delete_item(self, id: Any) -> None:  # noqa: A002
        """Delete an item."""
        ...

    @api_method(ITEM, body=True)
    def first_item(self, limit: int = 1) -> Any:
        """Fetch item 1, with a body of its own."""
        return ("own body", self._pipeline.call(ITEM, {"id": 1, "limit": limit}))

    @api_method(since=ITEM)
    def item_helper(self, x: int) -> int:
        """A helper calling no endpoint."""
        return x * 2

    @api_method(since="4.5.0")
    def newer_helper(self) -> str:
        return "helped"

    @api_method(ITEM, required=("id",), choices={"limit": (1, 2)}, types={"id": int})
    def checked_item(self, id: Any = None, limit: int | None = None) -> dict[str, Any]:  # noqa: A002
        """Fetch an item, arguments checked."""
        ...

    @api_method(ITEM, body=True, one_of=("a", "b"))
    def checked_body(self, a: Any = None, b: Any = None) -> Any:
        """Own body, arguments checked."""
        return ("ran", a, b)


def test_thin_method_calls_its_endpoint_with_arguments_in_signature_order() -> None:
    client = Client()
    assert client.item(limit=3, id=7) == {"answer": "item"}
    assert client.public_item(8) == {"answer": "item"}
    assert client._pipeline.calls == [("item", {"id": 7, "limit": 3}, True), ("item", {"id": 8, "limit": None}, False)]
    assert list(client._pipeline.calls[0][1]) == ["id", "limit"]


def test_thin_method_returning_none_answers_none() -> None:
    client = Client()
    assert client.delete_item(3) is None
    assert client._pipeline.calls == [("gone", {"id": 3}, True)]


def test_thin_method_binds_like_its_signature() -> None:
    client = Client()
    with pytest.raises(TypeError, match="takes 2 positional"):
        client.item(1, 2, 3)
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        client.item(1, colour="red")
    with pytest.raises(TypeError, match="missing required argument"):
        client.item()
    assert client._pipeline.calls == []


def test_metadata_signature_and_version_note() -> None:
    assert str(inspect.signature(Client.item)) == "(self, id: 'Any', limit: 'int | None' = None) -> 'dict[str, Any]'"
    assert Client.item.__name__ == "item"
    assert Client.item.__endpoint__ is ITEM  # type: ignore[attr-defined]
    assert Client.item.__doc__ == "Fetch an item.\n\nAdded: Mastodon v3.1.0, last changed: Mastodon v4.2.0"
    assert Client.first_item.__endpoint__ is ITEM  # type: ignore[attr-defined]
    assert Client.first_item.__doc__.endswith("\n\nAdded: Mastodon v3.1.0, last changed: Mastodon v4.2.0")  # type: ignore[union-attr]
    assert not hasattr(Client.item_helper, "__endpoint__")
    assert Client.item_helper.__doc__.endswith("\n\nAdded: Mastodon v3.1.0, last changed: Mastodon v4.2.0")  # type: ignore[union-attr]
    assert Client.newer_helper.__doc__ == "Added: Mastodon v4.5.0, last changed: Mastodon v4.5.0"


def test_own_body_runs_unwrapped() -> None:
    client = Client()
    assert client.first_item(limit=2) == ("own body", {"answer": "item"})
    assert client.item_helper(4) == 8
    assert "__wrapped__" not in vars(Client.first_item)


def test_checks_run_before_anything_is_sent() -> None:
    client = Client()
    with pytest.raises(MastodonIllegalArgumentError, match="checked_item: id is required"):
        client.checked_item(limit=1)
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid limit 3"):
        client.checked_item(1, 3)
    with pytest.raises(MastodonIllegalArgumentError, match="id must be int, not bool"):
        client.checked_item(id=True)
    assert client._pipeline.calls == []
    assert client.checked_item(5, limit=2) == {"answer": "item"}
    assert client._pipeline.calls == [("item", {"id": 5, "limit": 2}, True)]
    assert str(inspect.signature(Client.checked_item)) == "(self, id: 'Any' = None, limit: 'int | None' = None) -> 'dict[str, Any]'"


def test_checks_guard_an_own_body() -> None:
    client = Client()
    with pytest.raises(MastodonIllegalArgumentError, match="checked_body: give a or b"):
        client.checked_body()
    assert client.checked_body(b=2) == ("ran", None, 2)
    assert Client.checked_body.__doc__.endswith("Mastodon v4.2.0")  # type: ignore[union-attr]


def test_an_endpoint_or_a_version_is_required() -> None:
    with pytest.raises(TypeError, match="needs an endpoint or since="):
        api_method()
    with pytest.raises(TypeError, match="since= is for methods that call no endpoint"):
        api_method(ITEM, since="1.0.0")


def _is_stub(func: ast.FunctionDef) -> bool:
    """Whether the body is a docstring, ``...`` or both."""
    body = func.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]
    return not body or (len(body) == 1 and isinstance(body[0], ast.Expr) and getattr(body[0].value, "value", None) is Ellipsis)


def _decorated_methods() -> list[tuple[str, ast.FunctionDef, list[ast.expr]]]:
    found = []
    for path in sorted(API.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.decorator_list:
                found.append((f"{path.stem}.{node.name}", node, node.decorator_list))
    return found


def test_public_methods_use_one_decorator() -> None:
    others = {"staticmethod", "property", "lru_cache"}
    for where, _node, decorators in _decorated_methods():
        for decorator in decorators:
            name = ast.unparse(decorator.func if isinstance(decorator, ast.Call) else decorator)
            assert name == "api_method" or name in others or name.endswith(".setter"), f"{where}: @{name}"


def test_a_body_is_declared_exactly_when_the_method_has_one() -> None:
    """A thin method's body (a docstring, ``...``) is never run; a real one needs ``body=True`` or ``since=``."""
    seen = 0
    for where, node, decorators in _decorated_methods():
        for decorator in decorators:
            if not (isinstance(decorator, ast.Call) and ast.unparse(decorator.func) == "api_method"):
                continue
            keywords = {k.arg: k.value for k in decorator.keywords}
            own_body = "since" in keywords or (isinstance(keywords.get("body"), ast.Constant) and keywords["body"].value is True)
            assert own_body != _is_stub(node), f"{where}: body={own_body} but the body is {'a stub' if _is_stub(node) else 'code'}"
            seen += 1
    assert seen >= 270


def test_the_client_methods_carry_what_the_decorator_gives() -> None:
    assert Mastodon.timeline_home.__endpoint__.name == "timeline_home"  # type: ignore[attr-defined]
    assert Mastodon.admin_create_ip_block.__wrapped__.__name__ == "admin_create_ip_block"  # type: ignore[attr-defined]
    assert Mastodon.make_poll.__doc__.endswith("Added: Mastodon v2.8.0, last changed: Mastodon v2.8.0")  # type: ignore[union-attr]
