"""Response decoding: attribute dicts, aware datetimes, integer ids."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timedelta, timezone

import pytest
from support.mock_http import documented

from mastodon import AttribAccessDict, AttribAccessList
from mastodon.decode import decode_json, decode_value, parse_datetime

UTC = timezone.utc


def test_objects_become_attribute_dicts_all_the_way_down():
    status = decode_value(documented("Status"))
    assert isinstance(status, AttribAccessDict)
    assert isinstance(status.account, AttribAccessDict)
    assert isinstance(status.account.fields, list)
    assert isinstance(status.account.fields[0], AttribAccessDict)
    assert status.account.fields[0].name == "Patreon"
    assert status["account"]["username"] == status.account.username == "Gargron"


def test_lists_become_attribute_lists():
    decoded = decode_json(b'[{"id": "1"}, {"id": "2"}]')
    assert isinstance(decoded, AttribAccessList)
    assert [item.id for item in decoded] == [1, 2]


def test_attributes_are_read_only():
    account = decode_value(documented("Account"))
    with pytest.raises(AttributeError):
        account.username = "someone_else"
    with pytest.raises(AttributeError):
        del account.username
    assert account.username == "noiob"
    # Item assignment is plain dict behaviour and still works.
    account["note"] = "changed"
    assert account.note == "changed"


def test_other_attributes_can_be_set_and_missing_ones_raise():
    account = decode_value(documented("Account"))
    account.my_annotation = 5
    assert account.my_annotation == 5
    assert "my_annotation" not in account
    with pytest.raises(AttributeError):
        account.no_such_field  # noqa: B018
    assert "acct" in dir(account)


def test_iso_dates_become_aware_datetimes():
    decoded = decode_json(
        b'{"created_at": "2019-12-08T03:48:33.901Z", "updated_at": "2019-07-15T18:29:57.191+00:00",'
        b' "edited_at": "2022-09-05T02:03:32+02:00", "expires_at": "2020-01-01T00:00:00",'
        b' "last_status_at": "2019-11-17", "scheduled_at": null, "published_at": ""}'
    )
    assert decoded.created_at == datetime(2019, 12, 8, 3, 48, 33, 901000, tzinfo=UTC)
    assert decoded.updated_at == datetime(2019, 7, 15, 18, 29, 57, 191000, tzinfo=UTC)
    assert decoded.edited_at == datetime(2022, 9, 5, 0, 3, 32, tzinfo=UTC)
    assert decoded.edited_at.utcoffset() == timedelta(hours=2)
    assert decoded.expires_at == datetime(2020, 1, 1, tzinfo=UTC)
    assert decoded.last_status_at == datetime(2019, 11, 17, tzinfo=UTC)
    assert decoded.scheduled_at is None
    assert decoded.published_at is None
    for key in ("created_at", "updated_at", "edited_at", "expires_at", "last_status_at"):
        assert decoded[key].tzinfo is not None, key


def test_unix_timestamps_in_history_and_activity():
    tag = decode_value(documented("Tag"))
    assert tag.history[0].day == datetime(2019, 11, 24, tzinfo=UTC)
    # Usage counters are documented as strings and stay strings.
    assert tag.history[0].uses == "200"
    assert tag.history[0].accounts == "31"


@pytest.mark.parametrize("value", ["not a date", "2019-13-45T99:00:00Z"])
def test_unparseable_dates_are_left_alone(value):
    decoded = decode_value({"created_at": value})
    assert decoded.created_at == value


def test_parse_datetime_directly():
    assert parse_datetime("2019-12-08T03:48:33Z") == datetime(2019, 12, 8, 3, 48, 33, tzinfo=UTC)
    assert parse_datetime(None) is None
    assert parse_datetime(5) == 5


def test_dates_only_under_date_keys():
    decoded = decode_value({"content": "2019-12-08T03:48:33.901Z", "title": "2020-01-01"})
    assert decoded.content == "2019-12-08T03:48:33.901Z"
    assert decoded.title == "2020-01-01"


def test_digit_string_ids_become_ints():
    status = decode_value(documented("StatusReply"))
    assert status.id == 103704874086360371
    assert isinstance(status.id, int)
    assert status.in_reply_to_id == 103704857416911117
    assert status.in_reply_to_account_id == 14715
    assert status.mentions[0].id == 14715
    markers = decode_value(documented("Marker"))
    assert markers.home.last_read_id == 103206604258487607


def test_big_snowflakes_survive_exactly():
    decoded = decode_json(b'{"id": "113520188223917355", "last_read_id": "999999999999999999999"}')
    assert decoded.id == 113520188223917355
    assert decoded.last_read_id == 999999999999999999999


@pytest.mark.parametrize(
    "value",
    ["9nMPY5Q4qHVlvkSbK4", "a1b2c3", "0x1f", "-5", "1.5", "", " 12", "١٢٣", "de3f6bd2-3a1e-4b0e-9a4b-2f1c0e2e4a51"],
)
def test_non_numeric_ids_stay_strings(value):
    assert decode_value({"id": value}).id == value


def test_other_digit_strings_are_not_ids():
    decoded = decode_value({"username": "12345", "display_name": "007", "status_ids": ["1", "2"], "version": "4"})
    assert decoded.username == "12345"
    assert decoded.display_name == "007"
    assert decoded.status_ids == ["1", "2"]
    assert decoded.version == "4"


def test_ids_can_be_kept_as_strings():
    decoded = decode_json(b'{"id": "123", "in_reply_to_id": "456", "created_at": "2020-01-01T00:00:00Z"}', convert_ids=False)
    assert decoded.id == "123"
    assert decoded.in_reply_to_id == "456"
    assert decoded.created_at == datetime(2020, 1, 1, tzinfo=UTC)


def test_numbers_and_keys_with_colons():
    prefs = decode_value(documented("Preferences"))
    assert prefs["posting:default:sensitive"] is False
    media = decode_value(documented("MediaAttachment"))
    assert media.meta.small.aspect == pytest.approx(1.3323699421965318)
    assert media.meta.original.width == 640


def test_decoded_responses_through_the_client(api, mock_http):
    mock_http.add("GET", "/api/v1/notifications", [documented("Notification")])
    notification = api.notifications()[0]
    assert notification.status.created_at == datetime(2019, 11, 23, 7, 49, 1, 940000, tzinfo=UTC)
    assert notification.account.last_status_at == datetime(2019, 11, 23, tzinfo=UTC)
    with pytest.raises(AttributeError):
        notification.type = "favourite"


def test_pages_can_be_copied_and_pickled_with_their_page_info(api, mock_http):
    mock_http.add(
        "GET",
        "/api/v1/favourites",
        [documented("Status")],
        headers={"Link": '<https://mastodon.example/api/v1/favourites?max_id=12>; rel="next"'},
    )
    page = api.favourites()
    for clone in (pickle.loads(pickle.dumps(page)), copy.deepcopy(page)):
        assert clone == page
        assert clone[-1]._pagination_next["max_id"] == 12
        assert clone[0].created_at.tzinfo is not None
    restored = pickle.loads(pickle.dumps(page))
    api.fetch_next(restored)
    assert ("max_id", "12") in mock_http.last.query


def test_non_object_documents():
    assert decode_json(b'["a", "b"]') == ["a", "b"]
    assert decode_json(b"true") is True
    assert decode_json(b"42") == 42
    assert decode_json(b'"text"') == "text"


def test_attrib_wrap_for_user_built_data():
    from mastodon.entities import attrib_wrap

    wrapped = attrib_wrap({"id": 1, "account": {"acct": "a"}, "tags": [{"name": "x"}]})
    assert isinstance(wrapped, AttribAccessDict)
    assert wrapped.account.acct == "a"
    assert isinstance(wrapped.tags, AttribAccessList)
    assert wrapped.tags[0].name == "x"
    with pytest.raises(AttributeError):
        wrapped.id = 2


def test_extra_attributes_can_be_deleted():
    account = decode_value({"id": "1"})
    account.note_to_self = "x"
    del account.note_to_self
    assert not hasattr(account, "note_to_self")


def test_absurd_values_are_kept_as_they_are():
    huge_id = "9" * 5000
    decoded = decode_value({"id": huge_id, "created_at": "9" * 30})
    assert decoded.id == huge_id
    assert decoded.created_at == "9" * 30


@pytest.mark.parametrize(
    "text",
    ["", "  ", ' {"a": 1} ', '{"a":1} x', "[1,2]\n", '{"a":', "nul", '"x"', " 12 ", "{}{}", "\t\r\n[]\t\r\n", "[] ]"],
)
def test_documents_decode_and_fail_exactly_as_the_json_module_decodes_them(text):
    import json

    try:
        expected = ("ok", json.JSONDecoder().decode(text))
    except json.JSONDecodeError as exc:
        expected = ("error", exc.msg, exc.pos)
    try:
        got = ("ok", decode_json(text))
    except json.JSONDecodeError as exc:
        got = ("error", exc.msg, exc.pos)
    assert got == expected
    try:
        got_bytes = ("ok", decode_json(text.encode()))
    except json.JSONDecodeError as exc:
        got_bytes = ("error", exc.msg, exc.pos)
    assert got_bytes == expected


def test_utf16_documents_are_still_detected():
    assert decode_json('{"a": "\u00e9"}'.encode("utf-16-le")) == {"a": "\u00e9"}
    assert decode_json('["x"]'.encode("utf-16")) == ["x"]
