"""The C object hook (``mastodon._speedups``) against the Python one it replaces.

The two must give identical results on every document: the Python hook defines the
rules, the C one is an optimisation. Set ``MASTODON_REQUIRE_SPEEDUPS=1`` (the project's
test script does) to fail instead of skipping when the extension was not built.
"""

from __future__ import annotations

import gc
import json
import os
import weakref
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from test_fuzz import FUZZ, json_documents

from mastodon import decode
from mastodon.entities import AttribAccessDict, AttribAccessList, set_attribute

try:
    from mastodon import _speedups
except ImportError:  # pragma: no cover - depends on the build
    if os.environ.get("MASTODON_REQUIRE_SPEEDUPS"):
        raise
    pytest.skip("mastodon._speedups is not built", allow_module_level=True)


def c_decode(text: str, convert_ids: bool = True) -> Any:
    int_keys = decode.INT_KEYS if convert_ids else frozenset()
    hook = _speedups.DecodeHook(AttribAccessDict, decode.DATE_KEYS, int_keys, decode._slow_conversion(int_keys))
    return json.JSONDecoder(object_hook=hook).decode(text)


def py_decode(text: str, convert_ids: bool = True) -> Any:
    return json.JSONDecoder(object_hook=decode._python_hook(convert_ids)).decode(text)


def assert_identical(a: Any, b: Any) -> None:
    """Equal values of the same types all the way down (datetimes: same offset too)."""
    assert type(a) is type(b), (a, b)
    if isinstance(a, dict):
        assert list(a) == list(b)
        for key in a:
            assert_identical(a[key], b[key])
    elif isinstance(a, list):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert_identical(x, y)
    elif isinstance(a, datetime):
        assert (a, a.utcoffset(), a.fold) == (b, b.utcoffset(), b.fold)
    elif isinstance(a, float) and a != a:
        assert b != b
    else:
        assert a == b


def test_the_library_decodes_with_the_c_hook_unless_disabled() -> None:
    assert decode.uses_speedups() is (not os.environ.get("MASTODON_NO_SPEEDUPS"))


@FUZZ
@given(document=json_documents)
def test_c_and_python_hooks_agree_on_any_document(document: Any) -> None:
    text = json.dumps(document)
    for convert_ids in (True, False):
        assert_identical(c_decode(text, convert_ids), py_decode(text, convert_ids))


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("created_at", "2024-06-01T12:00:00.123Z", datetime(2024, 6, 1, 12, 0, 0, 123000, timezone.utc)),
        ("created_at", "2024-06-01T12:00:00+02:00", datetime(2024, 6, 1, 12, tzinfo=timezone(timedelta(hours=2)))),
        ("created_at", "2024-06-01T12:00:00", datetime(2024, 6, 1, 12, tzinfo=timezone.utc)),  # naive: UTC
        ("last_status_at", "2024-06-01", datetime(2024, 6, 1, tzinfo=timezone.utc)),  # a date alone
        ("week", "1574553600", datetime(2019, 11, 24, tzinfo=timezone.utc)),  # unix time: the Python fallback
        ("edited_at", "", None),
        ("edited_at", "not a date", "not a date"),
        ("id", "112000000000000000", 112000000000000000),  # 18 digits: the C fast path
        ("id", "9223372036854775808", 9223372036854775808),  # past a long long
        ("id", "0001", 1),
        ("id", "01HXYZABCDEF", "01HXYZABCDEF"),  # a ULID stays a string
        ("id", "\u0661\u0662", "\u0661\u0662"),  # non-ASCII digits stay a string
        ("id", "9" * 4000, "9" * 4000),  # too long to be an id
        ("logins", "12", 12),
        ("title", "2024-06-01T12:00:00Z", "2024-06-01T12:00:00Z"),  # not a date key
    ],
)
def test_conversions(key: str, raw: str, expected: Any) -> None:
    text = json.dumps({key: raw, "nested": [{key: raw}]})
    decoded = c_decode(text)
    assert_identical(decoded[key], expected)
    assert_identical(decoded.nested[0][key], expected)
    assert_identical(decoded, py_decode(text))


def test_ids_stay_strings_when_conversion_is_off() -> None:
    decoded = c_decode('{"id": "123", "created_at": "2024-06-01"}', convert_ids=False)
    assert decoded.id == "123" and decoded.created_at == datetime(2024, 6, 1, tzinfo=timezone.utc)


def test_objects_become_attribute_dicts_and_lists_stay_lists() -> None:
    decoded = decode.decode_json(b'[{"account": {"emojis": [{"shortcode": "x"}]}}]')
    assert isinstance(decoded, AttribAccessList)
    assert type(decoded[0]) is AttribAccessDict and type(decoded[0].account) is AttribAccessDict
    assert decoded[0].account.emojis[0].shortcode == "x"


def test_leaf_dicts_are_untracked_like_plain_dicts() -> None:
    decoded = c_decode('{"id": "1", "emojis": [{"shortcode": "x"}], "application": {"name": "Web"}, "meta": {"small": {}}}')
    assert gc.is_tracked(decoded)
    assert not gc.is_tracked(decoded.emojis[0]) and not gc.is_tracked(decoded.application)
    assert gc.is_tracked(decoded.meta)  # holds a dict, which may be tracked later
    assert gc.is_tracked(json.loads('{"a": {}}')) and not gc.is_tracked(json.loads('{"a": 1}'))  # CPython's rule


def test_storing_a_container_tracks_a_leaf_again() -> None:
    leaf = c_decode('{"name": "Web"}')
    assert not gc.is_tracked(leaf)
    leaf["more"] = []
    assert gc.is_tracked(leaf)


class _Marker:
    pass


@pytest.mark.parametrize("how", ["attribute", "set_attribute"])
def test_a_cycle_through_an_attribute_of_a_leaf_is_collected(how: str) -> None:
    leaf = c_decode('{"name": "Web"}')
    assert not gc.is_tracked(leaf)
    marker = _Marker()
    if how == "attribute":
        leaf.holder = [leaf, marker]
    else:
        set_attribute(leaf, "holder", [leaf, marker])
    assert gc.is_tracked(leaf)
    alive = weakref.ref(marker)
    del leaf, marker
    gc.collect()
    assert alive() is None


def test_a_dict_the_caller_still_holds_is_copied_not_taken_over() -> None:
    # The hook takes over the table of a dict only the JSON scanner holds; a dict passed by
    # code that keeps it (a second reference) must stay as it was.
    hook = _speedups.DecodeHook(AttribAccessDict, decode.DATE_KEYS, decode.INT_KEYS, decode._slow_conversion(decode.INT_KEYS))
    original = {"id": "7", "name": "kept", "nested": {"a": 1}}
    result = hook(original)
    assert type(result) is AttribAccessDict and result == {"id": 7, "name": "kept", "nested": {"a": 1}}
    assert original == {"id": 7, "name": "kept", "nested": {"a": 1}}  # converted in place, never emptied
    result["extra"] = 1
    assert "extra" not in original


def test_decoded_dicts_own_their_tables() -> None:
    # Taken-over tables belong to the new dicts alone: changing one changes no other.
    decoded = decode.decode_json(b'[{"a": {"b": 1}}, {"a": {"b": 1}}]')
    decoded[0].a["b"] = 2
    decoded[0]["c"] = 3
    assert decoded[1] == {"a": {"b": 1}} and decoded[0] == {"a": {"b": 2}, "c": 3}
    del decoded[0]["a"]
    assert len(decoded[0]) == 1 and list(decoded[0].items()) == [("c", 3)]


def test_a_wrap_class_with_its_own_init_is_called() -> None:
    calls = []

    class Wrapped(dict):  # type: ignore[type-arg]
        def __init__(self, data: dict[str, Any]) -> None:
            calls.append(dict(data))
            super().__init__(data)

    hook = _speedups.DecodeHook(Wrapped, decode.DATE_KEYS, decode.INT_KEYS, decode._slow_conversion(decode.INT_KEYS))
    result = json.JSONDecoder(object_hook=hook).decode('{"id": "5"}')
    assert type(result) is Wrapped and calls == [{"id": 5}] and gc.is_tracked(result)


def test_errors_in_the_python_fallback_propagate() -> None:
    def broken(key: str, value: str) -> Any:
        raise RuntimeError(f"fallback for {key}")

    hook = _speedups.DecodeHook(AttribAccessDict, decode.DATE_KEYS, decode.INT_KEYS, broken)
    assert json.JSONDecoder(object_hook=hook).decode('{"created_at": "2024-06-01T00:00:00+00:00"}').created_at.year == 2024
    with pytest.raises(RuntimeError, match="fallback for created_at"):
        json.JSONDecoder(object_hook=hook).decode('{"created_at": "yesterday"}')


def test_bad_construction_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        _speedups.DecodeHook(AttribAccessDict, set(), frozenset(), print)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _speedups.DecodeHook(1, frozenset(), frozenset(), print)  # type: ignore[arg-type]
    hook = _speedups.DecodeHook(AttribAccessDict, frozenset(), frozenset(), print)
    with pytest.raises(TypeError):
        hook({}, {})  # type: ignore[call-arg]


# -- the typing walk (``retype``) against entity_types' Python walk ----------------------------


def c_retype(value: Any, spec: Any) -> Any:
    return _speedups.retype(value, spec, AttribAccessDict, AttribAccessList)


SPECS = ["Status", "[Status]", "Notification", "[Account]", "{Marker}", "InstanceV2", "Search", "AdminReport", "[dict]"]


@FUZZ
@given(document=json_documents)
def test_c_and_python_walks_agree_on_any_document(document: Any) -> None:
    from mastodon.entity_types import _retype_levels, _retype_python, returns_spec

    text = json.dumps(document)
    for returns in SPECS:
        for paginated in (True, False):
            spec = returns_spec(returns, paginated)
            reference = _retype_python(py_decode(text), spec)
            for typed in (c_retype(py_decode(text), spec), _retype_levels(py_decode(text), spec)):
                assert_identical(typed, reference)
                assert_same_classes(typed, reference)


@pytest.mark.parametrize("returns", SPECS)
def test_c_and_python_walks_agree_on_documented_responses(returns: str) -> None:
    from support.mock_http import FIXTURES

    from mastodon.entity_types import _retype_python, returns_spec

    spec = returns_spec(returns, True)
    for path in sorted(FIXTURES.glob("*/*.json")):
        text = path.read_text()
        for wrap in (text, f"[{text}]", f'{{"home": {text}}}'):
            c_typed, py_typed = c_retype(py_decode(wrap), spec), _retype_python(py_decode(wrap), spec)
            assert_identical(c_typed, py_typed)
            assert_same_classes(c_typed, py_typed)


def assert_same_classes(a: Any, b: Any) -> None:
    assert type(a) is type(b)
    if isinstance(a, dict):
        for key in a:
            assert_same_classes(a[key], b[key])
    elif isinstance(a, list):
        for x, y in zip(a, b):
            assert_same_classes(x, y)


def test_c_walk_wraps_plain_dicts_and_refuses_bad_specs() -> None:
    from mastodon.entity_types import returns_spec
    from mastodon.return_types import Account, Status

    typed = c_retype({"id": 1, "account": {"id": 2}, "reblog": None}, returns_spec("Status"))
    assert type(typed) is Status and type(typed.account) is Account and typed.reblog is None
    with pytest.raises(TypeError):
        c_retype({}, [])
    with pytest.raises(TypeError):
        _speedups.retype({}, returns_spec("Status"))  # type: ignore[call-arg]


def test_c_walk_keeps_attributes_and_gc_state() -> None:
    from mastodon.entity_types import returns_spec
    from mastodon.types_base import PaginatableList

    page = c_decode('[{"id": "1", "account": {"id": "2", "emojis": []}, "tags": [{"name": "x"}]}]')
    page = AttribAccessList(page)
    set_attribute(page, "_pagination_next", {"max_id": 1})
    leaf = page[0]["tags"][0]
    assert not gc.is_tracked(leaf)
    typed = c_retype(page, returns_spec("[Status]", True))
    assert typed is page and type(page) is PaginatableList and page._pagination_next == {"max_id": 1}
    assert not gc.is_tracked(leaf)
    del typed, page, leaf
    gc.collect()
