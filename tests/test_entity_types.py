"""Typed results: every endpoint's decoded result is an instance of its declared entity class.

The checks read the schema text (:mod:`mastodon.entity_schema`) directly, not the compiled
walk they verify. Responses come from the recorded cassettes (``tests/cassettes``) and
the documented fixtures (``tests/fixtures/documented``).
"""

from __future__ import annotations

import copy
import json
import pickle
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.mock_http import FIXTURES, documented

from mastodon import AttribAccessDict, AttribAccessList, Mastodon, return_types, types_base
from mastodon.decode import decode_json, decode_value
from mastodon.endpoints.model import Endpoint
from mastodon.entity_schema import ALIASES, ENTITIES, UNTYPED
from mastodon.entity_types import endpoint_spec, entity_class, is_known_return, type_result
from mastodon.return_types import Account, Notification, Status
from mastodon.types_base import NonPaginatableList, PaginatableList, PaginationInfo

CASSETTES = Path(__file__).parent / "cassettes"


def _all_endpoints() -> dict[str, Endpoint]:
    api = Mastodon(api_base_url="http://localhost", mastodon_version="4.2.0")
    return api.endpoints()


ALL_ENDPOINTS = _all_endpoints()


def entity_of(returns: str) -> str | None:
    """The entity an endpoint's ``returns`` names (``None`` for non-entity results)."""
    inner = returns.strip("[]{}")
    if returns in UNTYPED or inner in UNTYPED or (inner not in ENTITIES and inner not in ALIASES):
        return None
    return ALIASES.get(inner, inner)


def assert_typed(value: Any, name: str, where: str = "result") -> int:
    """Assert ``value`` is a ``name`` and so are its declared nested entities; count the entities checked."""
    cls = getattr(return_types, name)
    assert type(value) is cls, f"{where}: {type(value).__name__}, expected {name}"
    checked = 1
    for token in ENTITIES[name].split():
        field, kind = token.split(":", 1)
        kind = kind.rstrip("?")
        item = value.get(field)
        inner = kind.strip("[]{}")
        if item is None or inner not in ENTITIES:
            continue
        if kind.startswith("[") and isinstance(item, list):
            for index, element in enumerate(item):
                if isinstance(element, dict):
                    checked += assert_typed(element, inner, f"{where}.{field}[{index}]")
        elif kind.startswith("{") and isinstance(item, dict):
            for key, element in item.items():
                if isinstance(element, dict):
                    checked += assert_typed(element, inner, f"{where}.{field}[{key!r}]")
        elif isinstance(item, dict):
            checked += assert_typed(item, inner, f"{where}.{field}")
    return checked


def assert_result_typed(result: Any, endpoint: Endpoint) -> int:
    name = entity_of(endpoint.returns)
    assert name is not None
    if endpoint.returns.startswith("["):
        paginated = any(p in endpoint.params_by_name for p in ("max_id", "min_id", "since_id", "offset"))
        assert type(result) is (PaginatableList if paginated else NonPaginatableList)
        return sum(assert_typed(item, name, f"result[{i}]") for i, item in enumerate(result) if isinstance(item, dict))
    if endpoint.returns.startswith("{"):
        return sum(assert_typed(item, name, f"result[{k!r}]") for k, item in result.items())
    return assert_typed(result, name)


# -- the declarations ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL_ENDPOINTS))
def test_every_endpoint_declares_a_known_result(name: str) -> None:
    returns = ALL_ENDPOINTS[name].returns
    assert is_known_return(returns), f"{name} returns {returns!r}: no such entity in mastodon.entity_schema"


def test_every_declared_field_type_is_known() -> None:
    scalars = {"str", "int", "float", "bool", "datetime", "id", "dict", "list", "any"}
    for name, declaration in ENTITIES.items():
        for token in declaration.split():
            field, _, kind = token.partition(":")
            assert field and kind, f"{name}: malformed token {token!r}"
            inner = kind.rstrip("?").strip("[]{}")
            assert inner in scalars or inner in ENTITIES, f"{name}.{field}: unknown type {kind!r}"


def test_the_type_checker_stub_is_rendered_from_the_schema() -> None:
    from mastodon.entity_stub import render_stub

    stub = Path(return_types.__file__).with_suffix(".pyi").read_text()
    assert stub == render_stub(), "run: python -m mastodon.entity_stub > mastodon/return_types.pyi"


def test_entity_classes_are_created_on_first_use_and_importable_by_name() -> None:
    import subprocess
    import sys

    code = (
        "import sys, mastodon; from mastodon import Mastodon; "
        "assert 'mastodon.entity_types' not in sys.modules and 'mastodon.types_base' not in sys.modules; "
        "from mastodon.return_types import Status; from mastodon.Mastodon import Account; "
        "import mastodon.return_types as r; assert r.Status is Status and Status.__module__ == 'mastodon.return_types'; "
        "assert r.Card is r.PreviewCard; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


# -- every endpoint, on documented and recorded responses ------------------------------------

#: Documented fixtures to read for an entity beside ``<backend>/<Entity>.json``.
FIXTURE_NAMES: dict[str, list[str]] = {
    "Account": ["CredentialAccount"],
    "Status": ["StatusReply"],
    "MediaAttachment": ["MediaAttachmentProcessing"],
    "PreviewCard": ["Card"],
    "CustomEmoji": ["Emoji"],
    "UserList": ["List"],
    "SearchV2": ["Search"],
    "Reaction": ["StatusReactions"],
}


def documented_samples(entity: str) -> Iterator[tuple[str, Any]]:
    for stem in [entity, *FIXTURE_NAMES.get(entity, [])]:
        for path in sorted(FIXTURES.glob(f"*/{stem}.json")):
            yield str(path.relative_to(FIXTURES)), json.loads(path.read_text())


def _path_pattern(endpoint: Endpoint) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(endpoint.path)) + "$")


PATTERNS = [(endpoint, _path_pattern(endpoint)) for endpoint in ALL_ENDPOINTS.values()]


def _recorded() -> dict[str, list[tuple[str, str]]]:
    """Endpoint name -> (cassette, JSON body) for every successful recorded response."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(CASSETTES.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text()) or {}
        for interaction in data.get("interactions", []):
            request, response = interaction["request"], interaction["response"]
            body = response.get("body", {}).get("string")
            if not 200 <= response["status"]["code"] < 300 or not body or body[:1] not in "[{":
                continue
            route = re.sub(r"^https?://[^/]+", "", request["uri"]).split("?")[0]
            matches = [e for e, pattern in PATTERNS if e.method == request["method"] and pattern.match(route)]
            fewest = min((e.path.count("{") for e in matches), default=0)  # /accounts/search, not /accounts/{id}
            for endpoint in matches:
                if endpoint.path.count("{") == fewest:
                    found.setdefault(endpoint.name, []).append((str(path.relative_to(CASSETTES)), body))
    return found


RECORDED = _recorded()
TYPED_ENDPOINTS = sorted(name for name, endpoint in ALL_ENDPOINTS.items() if entity_of(endpoint.returns))


@pytest.mark.parametrize("name", TYPED_ENDPOINTS)
def test_every_typed_endpoint_decodes_to_its_class(name: str) -> None:
    endpoint = ALL_ENDPOINTS[name]
    entity = entity_of(endpoint.returns)
    assert entity is not None
    checked = 0
    for source, sample in documented_samples(entity):
        if endpoint.returns.startswith("[") and isinstance(sample, dict):
            sample = [sample]
        elif not endpoint.returns.startswith("[") and isinstance(sample, list):
            sample = sample[0]
        elif endpoint.returns.startswith("{") and "id" in sample:
            continue  # a single entity where the endpoint returns a dict of them
        if isinstance(sample, list) is not endpoint.returns.startswith("["):
            continue
        checked += assert_result_typed(type_result(decode_value(sample), endpoint), endpoint)
        assert source
    for _cassette, body in RECORDED.get(name, []):
        checked += assert_result_typed(type_result(decode_json(body), endpoint), endpoint)
    if not checked:
        pytest.skip(f"no recorded or documented response for {endpoint.returns}")


def test_the_recorded_cassettes_cover_typed_endpoints() -> None:
    covered = [name for name in TYPED_ENDPOINTS if name in RECORDED]
    assert len(covered) >= 20, covered


# -- behaviour of typed results --------------------------------------------------------------


def test_timeline_pages_are_typed_lists_that_keep_pagination(api: Any, mock_http: Any) -> None:
    status = documented("Status")
    mock_http.add(
        "GET", "/api/v1/timelines/home", [status, status],
        headers={"Link": '<http://localhost/api/v1/timelines/home?max_id=5>; rel="next"'},
    )
    page = api.timeline_home(limit=2)
    assert type(page) is PaginatableList and isinstance(page, AttribAccessList)
    assert type(page[0]) is Status and type(page[0].account) is Account
    assert isinstance(page[0].account.emojis, list)
    info = api.get_pagination_info(page, "next")
    assert type(info) is PaginationInfo and info.max_id == 5
    assert page._pagination_next is info and page[-1]._pagination_next is info
    assert api.get_pagination_info(page, "previous") is None


def test_notifications_type_their_status_and_account(api: Any, mock_http: Any) -> None:
    mock_http.add("GET", "/api/v1/notifications/1", documented("Notification"))
    notification = api.notifications(id=1)
    assert type(notification) is Notification
    assert type(notification.account) is Account
    if notification.get("status") is not None:
        assert type(notification.status) is Status


def test_typed_results_behave_like_the_dicts_of_1x() -> None:
    status = type_result(decode_value(documented("Status")), ALL_ENDPOINTS["status"])
    assert isinstance(status, Status) and isinstance(status, AttribAccessDict) and isinstance(status, dict)
    assert status.account.acct == status["account"]["acct"]
    assert json.loads(json.dumps(status, default=str))["account"]["acct"] == status.account.acct
    with pytest.raises(AttributeError):
        status.id = 5
    status.note = "mine"  # non-key attributes can be set
    assert status.note == "mine" and "note" not in status
    for copied in (pickle.loads(pickle.dumps(status)), copy.deepcopy(status), copy.copy(status)):
        assert type(copied) is Status and copied == status
    assert type(pickle.loads(pickle.dumps(status)).account) is Account
    assert dict(status) == {k: status[k] for k in status}
    assert "account" in dir(status)
    text = status.to_json()
    again = Status.from_json(text)
    assert type(again) is Status and type(again.account) is Account and again.id == status.id


def test_server_extras_survive_typing() -> None:
    pleroma = type_result(decode_value(documented("Status", "pleroma")), ALL_ENDPOINTS["status"])
    assert type(pleroma) is Status and "pleroma" in pleroma
    fedibird = type_result(decode_value(documented("Status", "fedibird")), ALL_ENDPOINTS["status"])
    assert type(fedibird) is Status


def test_plain_dicts_from_a_backend_are_wrapped_in_their_class() -> None:
    built = {"id": 1, "account": {"id": 2, "acct": "a"}, "media_attachments": [{"id": 3}]}
    typed = type_result(built, ALL_ENDPOINTS["status"])
    assert type(typed) is Status and type(typed.account) is Account
    assert type(typed.media_attachments[0]) is return_types.MediaAttachment


def test_lists_become_paginatable_only_where_the_endpoint_paginates() -> None:
    assert endpoint_spec(ALL_ENDPOINTS["timeline_home"])[2] is PaginatableList  # type: ignore[index]
    assert endpoint_spec(ALL_ENDPOINTS["account_relationships"])[2] is NonPaginatableList  # type: ignore[index]


def test_odd_shapes_are_left_alone() -> None:
    odd = decode_json(b'{"id": "1", "account": "not an object", "reblog": [1, 2], "media_attachments": {"x": 1}}')
    typed = type_result(odd, ALL_ENDPOINTS["status"])
    assert type(typed) is Status and typed.account == "not an object" and typed.reblog == [1, 2]


def test_older_names_are_aliases() -> None:
    assert entity_class("Card") is return_types.PreviewCard is return_types.Card
    assert entity_class("Emoji") is return_types.CustomEmoji


def test_streamed_updates_are_typed() -> None:
    from mastodon.streaming.dispatch import EventDispatcher

    received: list[Any] = []

    class Listener:
        def on_update(self, status: Any) -> None:
            received.append(status)

        def on_notification(self, notification: Any) -> None:
            received.append(notification)

        def on_unknown_event(self, name: str, payload: Any = None) -> None:
            received.append((name, payload))

    dispatcher = EventDispatcher(Listener())
    dispatcher.dispatch("update", json.dumps(documented("Status")))
    dispatcher.dispatch("notification", json.dumps(documented("Notification")))
    dispatcher.dispatch("something.new", '{"a": {"b": 1}}')
    assert type(received[0]) is Status and type(received[0].account) is Account
    assert type(received[1]) is Notification
    assert type(received[2][1]) is AttribAccessDict


# -- types_base helpers ----------------------------------------------------------------------


def test_try_cast_converts_what_it_can_and_leaves_the_rest() -> None:
    from datetime import datetime, timezone

    from mastodon.types_base import try_cast, try_cast_recurse

    account = try_cast(Account, {"id": "1", "emojis": [], "moved": {"id": "2"}})
    assert type(account) is Account and type(account.moved) is Account
    assert try_cast(datetime, "2024-01-02T03:04:05Z") == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert try_cast(int, "42") == 42 and try_cast(int, "x") == "x"
    assert try_cast("Status", None) is None
    statuses = try_cast_recurse(PaginatableList[Status], [{"id": 1}, {"id": 2}])
    assert type(statuses) is PaginatableList and all(type(s) is Status for s in statuses)
    from typing import Optional

    assert type(try_cast_recurse(Optional[Account], {"id": 1})) is Account  # noqa: UP045


def test_type_helpers() -> None:
    from typing import Optional, Union

    assert types_base.base62_to_int(types_base.int_to_base62(123456789)) == 123456789
    assert types_base.int_to_base62(0) == "0" and types_base.int_to_base62(61) == "z"
    with pytest.raises(ValueError):
        types_base.base62_to_int("!")
    assert types_base.real_issubclass(PaginatableList[Status], list)
    assert not types_base.real_issubclass(Optional[int], int)  # noqa: UP045
    assert types_base.resolve_type("Status") is Status
    assert types_base.resolve_type(Optional[Account]) is Account  # noqa: UP045
    assert types_base.stringify_type(PaginatableList[Status]) == "PaginatableList[Status]"
    assert types_base.stringify_type(Optional[Account]) == "Optional[Account]"  # noqa: UP045
    assert types_base.stringify_type(Union[Account, Status]) == "Union[Account, Status]"  # noqa: UP007
    assert types_base.get_type_class("Account") is Account and types_base.get_type_class("Nope") is None
    snowflake = types_base.MaybeSnowflakeIdType("110000000000000000")
    assert int(snowflake) == 110000000000000000 and snowflake.to_datetime() is not None
    assert types_base.MaybeSnowflakeIdType("9abc").to_datetime() is None


@pytest.mark.parametrize("returns", ["Status", "[Status]", "Notification", "{Marker}", "InstanceV2", "Context", "[dict]"])
def test_the_level_walk_matches_the_reference_walk(returns: str) -> None:
    from mastodon.entity_types import _retype_levels, _retype_python, returns_spec

    spec = returns_spec(returns, True)
    for path in sorted(FIXTURES.glob("*/*.json")):
        text = path.read_text()
        for wrapped in (text, f"[{text}, null, 1]", f'{{"home": {text}}}'):
            fast, reference = _retype_levels(decode_json(wrapped), spec), _retype_python(decode_json(wrapped), spec)
            assert fast == reference and _classes(fast) == _classes(reference), path
        plain = json.loads(text)  # plain dicts (as a backend may build them) are wrapped, not re-classed
        assert _classes(_retype_levels(copy.deepcopy(plain), spec)) == _classes(_retype_python(copy.deepcopy(plain), spec))


def _classes(value: Any) -> Any:
    if isinstance(value, dict):
        return (type(value).__name__, {k: _classes(v) for k, v in value.items()})
    if isinstance(value, list):
        return (type(value).__name__, [_classes(v) for v in value])
    return type(value).__name__


# -- annotations -----------------------------------------------------------------------------

#: Methods whose result is not what their endpoint alone returns, and what they declare.
ANNOTATION_DEVIATIONS = {
    "search": "Search | SearchV2",  # search_v1 on servers before 2.4.1
    "follows": "Relationship",  # follows the account the search found, as the original library does
    "status_post": "Status | ScheduledStatus",  # scheduled_at: the scheduled status
    "admin_domain_blocks": "AdminDomainBlock | PaginatableList[AdminDomainBlock]",  # one block when given an id
    "notifications": "PaginatableList[Notification] | Notification",  # one notification when given an id
    "create_app": "tuple[str, str]",  # the client id and secret of the Application, as the original library returns
}


def _endpoint_methods() -> list[str]:
    return sorted(name for name in dir(Mastodon) if getattr(getattr(Mastodon, name), "__endpoint__", None) is not None)


@pytest.mark.parametrize("name", _endpoint_methods())
def test_return_annotations_follow_the_endpoint_metadata(name: str) -> None:
    from mastodon.entity_types import expected_annotation

    method = getattr(Mastodon, name)
    func = getattr(method, "__wrapped__", method)
    annotation = func.__annotations__.get("return")
    expected = ANNOTATION_DEVIATIONS.get(name) or expected_annotation(method.__endpoint__)
    if expected is None:
        assert annotation not in ("Entity", "EntityList"), f"{name}: {method.__endpoint__.returns!r} names no entity"
        return
    if expected == "EmptyResponse" or method.__endpoint__.returns == "None":
        return  # methods of empty results may return None, as the original library's do
    assert annotation in (expected, f"{expected} | None"), f"{name} should be annotated '-> {expected}' (from its endpoint's returns=)"


TYPED_PROGRAM = """
from mastodon import Mastodon
from mastodon.return_types import Account, MediaAttachment, Notification, Status
from mastodon.types_base import NonPaginatableList, PaginatableList


def newest_authors(api: Mastodon) -> list[str]:
    page: PaginatableList[Status] = api.timeline_home(limit=5)
    authors = [status.account.acct for status in page]
    following: PaginatableList[Account] = api.account_following(page[0].account)
    relationships = api.account_relationships([a.id for a in following])
    return authors + [str(r.following) for r in relationships]


def first_media(status: Status) -> MediaAttachment | None:
    return status.media_attachments[0] if status.media_attachments else None


def mentioned(notification: Notification) -> Status | None:
    return notification.status


def pages(api: Mastodon) -> int:
    return sum(1 for _ in api.pagination_iterator(api.favourites()))


def lists(api: Mastodon) -> NonPaginatableList[str]:
    return api.instance_peers()
"""

WRONG_PROGRAM = """
from mastodon import Mastodon


def wrong(api: Mastodon) -> int:
    return api.status(1).account
"""


def _mypy(tmp_path: Path, source: str) -> tuple[str, int]:
    mypy_api = pytest.importorskip("mypy.api")
    program = tmp_path / "typed_program.py"
    program.write_text(source)
    root = Path(__file__).resolve().parent.parent
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--no-incremental", "--follow-imports=silent", "--cache-dir", str(tmp_path / "cache"), str(program)]
    )
    assert "error: Cannot find implementation" not in stdout, stdout
    assert root, stderr
    return stdout, status


def test_mypy_accepts_a_typed_program_and_sees_the_entity_types(tmp_path: Path) -> None:
    stdout, status = _mypy(tmp_path, TYPED_PROGRAM + WRONG_PROGRAM)
    errors = [line for line in stdout.splitlines() if ": error:" in line]
    # The one error is the wrong program's: mypy knows status.account is an Account, not an int.
    assert len(errors) == 1 and "Incompatible return value type (got \"Account\", expected \"int\")" in errors[0], stdout
    assert status == 1
