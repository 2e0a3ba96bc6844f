"""Property-based fuzzing of every parser the library feeds with data it does not control.

Whatever a server (or a file on disk) sends, the only exceptions that may escape are the
documented ones (:class:`MastodonError` subclasses). The number of examples per property
is fixed (see ``EXAMPLES``) so a run is reproducible in size and stays fast; the totals
are recorded in ``docs/reliability.md``.
"""

from __future__ import annotations

import json
import os
import string
import sys
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import requests
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from requests.structures import CaseInsensitiveDict
from support.mock_http import MockHTTP, make_session

from mastodon import AttribAccessDict, AttribAccessList, Mastodon, MastodonError, MastodonIllegalArgumentError
from mastodon.credentials import (
    ClientCredentials,
    UserCredentials,
    read_client_credentials,
    read_user_credentials,
    write_client_credentials,
    write_user_credentials,
)
from mastodon.decode import DATE_KEYS, INT_KEYS, decode_json, parse_datetime
from mastodon.detection import detect_backend, parse_server_version
from mastodon.pagination import PAGE_KEYS, attach_pagination, parse_link_header
from mastodon.plugins import get_registry
from mastodon.transport import error_for, parse_reset
from mastodon.versions import ServerVersion, find_version_tuple, parse_version_tuple

#: Examples per property (``SMALL`` ones, which touch files or HTTP, get half). No example
#: database is kept. Set ``MASTODON_FUZZ_EXAMPLES`` for a longer run.
EXAMPLES = int(os.environ.get("MASTODON_FUZZ_EXAMPLES", "120"))
_COMMON: dict[str, Any] = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}
FUZZ = settings(max_examples=EXAMPLES, **_COMMON)
SMALL = settings(max_examples=EXAMPLES // 2, **_COMMON)

# -- strategies ---------------------------------------------------------------------------------

huge_digits = st.integers(4000, 6000).map(lambda n: "9" * n)
# ASCII digit strings, and digits ``int()`` or ``str.isdigit()`` treat differently (Arabic-Indic, superscripts).
digit_strings = st.one_of(
    st.integers(0, 10**25).map(str), st.text("0123456789\u0660\u0661\u0662\u0663\u00b2\u00b3\u00b9", min_size=1, max_size=8)
)
date_strings = st.one_of(
    st.datetimes(timezones=st.none() | st.just(timezone.utc)).map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["", "Z", "T", "now", "2023-13-45", "0000-00-00", "9999-12-31T23:59:59+23:59", "1-1-1", "24:00", "Tue, 14 Nov"]),
    st.text(max_size=30),
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20),
    digit_strings, date_strings,
)
keys = st.one_of(st.sampled_from(sorted(DATE_KEYS | INT_KEYS)), st.text(max_size=12))
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6),
    max_leaves=15,
)
json_documents = st.one_of(json_values, st.lists(st.dictionaries(keys, json_values, max_size=6), max_size=4))


def only_plugin_failures(caught: list[warnings.WarningMessage]) -> bool:
    """Backend plugins may stumble over odd input (they are skipped with a warning); nothing else warns."""
    return all(issubclass(w.category, UserWarning) and "plugin" in str(w.message) and "failed" in str(w.message) for w in caught)


def check_decoded(original: Any, decoded: Any, convert_ids: bool) -> None:
    """``decoded`` is ``original`` with exactly the documented conversions applied."""
    if isinstance(original, dict):
        assert isinstance(decoded, AttribAccessDict)
        assert list(decoded) == list(original)
        for key, value in original.items():
            got = decoded[key]
            as_id = convert_ids and key in INT_KEYS and isinstance(value, str) and value.isascii() and value.isdigit()
            if key in DATE_KEYS and isinstance(value, str) and not (as_id and not isinstance(got, datetime)):
                assert got is None if value == "" else (got == value or (isinstance(got, datetime) and got.tzinfo is not None))
            elif as_id:
                if len(value) <= sys.get_int_max_str_digits():
                    assert type(got) is int and got == int(value)
                else:
                    assert got == value  # more digits than int() accepts: the string is kept
            else:
                check_decoded(value, got, convert_ids)
    elif isinstance(original, list):
        assert isinstance(decoded, list)
        assert len(decoded) == len(original)
        for item, got in zip(original, decoded):
            check_decoded(item, got, convert_ids)
    else:
        assert decoded == original and type(decoded) is type(original)


# -- JSON entity decoding ----------------------------------------------------------------------------


@FUZZ
@given(document=json_documents, convert_ids=st.booleans())
@example(document={"id": "9" * 5000}, convert_ids=True)
@example(document={"created_at": "9" * 5000, "week": "1" * 4500}, convert_ids=True)
def test_any_json_document_decodes(document: Any, convert_ids: bool) -> None:
    decoded = decode_json(json.dumps(document), convert_ids)
    if isinstance(document, list):
        assert isinstance(decoded, AttribAccessList)
    check_decoded(document, decoded, convert_ids)


@FUZZ
@given(value=date_strings)
def test_parse_datetime_never_raises(value: str) -> None:
    parsed = parse_datetime(value)
    assert parsed is None if value == "" else (parsed == value or (isinstance(parsed, datetime) and parsed.tzinfo is not None))


def _response(body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.reason = "Fuzzed"
    response._content = body
    response.headers = CaseInsensitiveDict(headers or {})
    response.encoding = "utf-8"
    return response


@pytest.fixture(scope="module")
def offline_api() -> Mastodon:
    return Mastodon(api_base_url="https://fuzz.example", access_token="t", mastodon_version="4.2.0")


@SMALL
@given(body=st.one_of(st.binary(max_size=200), json_documents.map(lambda d: json.dumps(d).encode()), st.text(max_size=200).map(str.encode)))
@example(body=b"[" * 50_000)
@example(body=b'{"a": ' * 50_000)
def test_any_response_body_decodes_or_raises_a_documented_error(offline_api: Mastodon, body: bytes) -> None:
    try:
        offline_api._pipeline.decode(_response(body))
    except MastodonError:
        pass


@SMALL
@given(
    status=st.integers(400, 599),
    body=st.one_of(st.binary(max_size=200), json_values.map(lambda d: json.dumps(d).encode()), st.just(b"[" * 50_000)),
)
def test_any_error_response_becomes_a_mastodon_api_error(status: int, body: bytes) -> None:
    error = error_for(_response(body, status))
    assert isinstance(error, MastodonError) and error.status_code == status


# -- Link headers and pagination -----------------------------------------------------------------------

url_text = st.text(st.characters(blacklist_characters="<>,;\"", blacklist_categories=["Cs"]), max_size=40)


@FUZZ
@given(header=st.text(max_size=200) | st.lists(st.sampled_from(['<', '>', ';', ',', 'rel=', '"', "next", "prev", " ", "http://x/?a=1"]), max_size=30).map("".join))
def test_parse_link_header_never_raises(header: str) -> None:
    links = parse_link_header(header)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in links.items())


@FUZZ
@given(
    nxt=url_text, prev=url_text,
    spacing=st.sampled_from(["", " ", "  ", "\t"]), quoted=st.booleans(), order=st.booleans(),
)
def test_well_formed_link_headers_round_trip(nxt: str, prev: str, spacing: str, quoted: bool, order: bool) -> None:
    q = '"' if quoted else ""
    parts = [f"<{nxt}>;{spacing}rel={q}next{q}", f"<{prev}>;{spacing}rel={q}prev{q}"]
    header = f",{spacing}".join(parts if order else parts[::-1])
    assert parse_link_header(header) == {"next": nxt, "prev": prev}


query_values = st.one_of(digit_strings, st.text(max_size=15), st.integers(-5, 10**30).map(str))


@FUZZ
@given(
    query=st.lists(st.tuples(st.sampled_from([*PAGE_KEYS, "limit", "types[]", "q"]) | st.text(max_size=8), query_values), max_size=6),
    raw_query=st.text(max_size=60),
    request_params=st.dictionaries(st.sampled_from([*PAGE_KEYS, "limit", "types[]", "local"]), st.integers() | st.text(max_size=5) | st.lists(st.text(max_size=3), max_size=3), max_size=4),
    items=st.integers(0, 3),
    convert_ids=st.booleans(),
)
@example(query=[("max_id", "²")], raw_query="", request_params={}, items=1, convert_ids=True)
@example(query=[("max_id", "9" * 5000)], raw_query="", request_params={}, items=1, convert_ids=True)
def test_attach_pagination_never_raises(
    query: list[tuple[str, str]], raw_query: str, request_params: dict[str, Any], items: int, convert_ids: bool
) -> None:
    result = AttribAccessList(AttribAccessDict(id=i) for i in range(items))
    header = f'<https://x.example/api/v1/timelines/home?{urlencode(query)}>; rel="next", <https://x.example/p?{quote(raw_query, safe="=&")}>; rel="prev"'
    attach_pagination(result, header, "GET", "/api/v1/timelines/home", request_params, "timeline_home", convert_ids)
    info = result._pagination_next
    assert info["_pagination_endpoint"] == "/api/v1/timelines/home"
    last = dict(query)  # the link's last value for each key wins
    for key in PAGE_KEYS:
        if key in last:
            value = last[key]
            if convert_ids and value.isascii() and value.isdigit() and len(value) < 1000:
                assert info[key] == int(value)
            else:
                assert info[key] == value
        else:
            assert key not in info  # the request's own page keys are never carried over
    if items:
        assert result[-1]._pagination_next is info


# -- versions ---------------------------------------------------------------------------------------

version_like = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\Av?[0-9]{1,4}\.[0-9]{1,4}(\.[0-9]{1,4})?([-.+~ ][ -~]{0,20})?\Z"),
    st.from_regex(r"\A[0-9]\.[0-9]\.[0-9] \(compatible; [A-Za-z]{1,10} [0-9.]{1,8}[ -~]{0,10}\)\Z"),
    st.tuples(huge_digits, st.sampled_from([".1", ".1.2", ""])).map("".join),
    st.sampled_from(["", "v", "4.", ".4.2", "4..2", "4.2.1rc", "4.2.1-rc.1+glitch", "\u0664.\u0662.\u0661", "2024.01", "0.0.0", "3.5.3+glitch"]),
)


@FUZZ
@given(text=version_like)
def test_parse_version_tuple_raises_only_illegal_argument(text: str) -> None:
    try:
        major, minor, patch = parse_version_tuple(text)
    except MastodonIllegalArgumentError:
        return
    assert min(major, minor, patch) >= 0


@FUZZ
@given(major=st.integers(0, 10**6), minor=st.integers(0, 10**6), patch=st.integers(0, 10**6), suffix=st.sampled_from(["", "rc1", "-rc.2", "+glitch", "-beta.1+meta"]))
def test_parse_version_tuple_reads_real_versions(major: int, minor: int, patch: int, suffix: str) -> None:
    assert parse_version_tuple(f"{major}.{minor}.{patch}{suffix}") == (major, minor, patch)


@FUZZ
@given(text=version_like)
def test_find_version_tuple_never_raises(text: str) -> None:
    found = find_version_tuple(text)
    assert found is None or len(found) == 3


@pytest.mark.parametrize("backend", ["mainline", "pleroma", "akkoma", "fedibird"])
@SMALL
@given(text=version_like)
def test_parse_server_version_never_raises_on_any_backend(backend: str, text: str) -> None:
    registry = get_registry()
    if backend not in registry.backends:
        pytest.skip(f"{backend} backend not installed")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        version = parse_server_version(registry.hooks_for(backend), text)
    assert only_plugin_failures(caught)
    assert isinstance(version, ServerVersion)
    assert all(isinstance(part, int) and part >= 0 for part in version.mastodon)


# -- rate-limit headers ----------------------------------------------------------------------------------


@FUZZ
@given(value=st.one_of(date_strings, st.floats().map(str), st.text(max_size=30)), offset=st.floats(-1e6, 1e6))
@example(value="1e400", offset=0.0)
@example(value="-inf", offset=0.0)
def test_parse_reset_never_raises(value: str, offset: float) -> None:
    reset = parse_reset(value, offset)
    assert reset is None or (isinstance(reset, float) and reset == reset and abs(reset) != float("inf"))


# -- credential files ----------------------------------------------------------------------------------------


@SMALL
@given(content=st.binary(max_size=300) | st.lists(st.text(max_size=40), max_size=6).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass")))
@example(content=b"")
@example(content=b"\n\n\n")
@example(content=b"id\nsecret\nhttp://[::1\n")
@example(content=b"\xff\xfe")
def test_any_credential_file_reads_or_raises_a_documented_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fuzzed.secret"
    path.write_bytes(content)
    for reader in (read_client_credentials, read_user_credentials):
        try:
            reader(path)
        except MastodonError:
            pass
    for as_client in (True, False):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a plain-http base URL in the file
            try:
                if as_client:
                    Mastodon(client_id=str(path), mastodon_version="4.2.0")
                else:
                    Mastodon(access_token=str(path), mastodon_version="4.2.0")
            except MastodonError:
                pass


secret_text = st.text(string.ascii_letters + string.digits + "-_.~+/=", min_size=1, max_size=60)
base_urls = st.builds(lambda host: f"https://{host}.example", st.from_regex(r"\A[a-z][a-z0-9-]{0,20}\Z"))


@SMALL
@given(client_id=secret_text, secret=secret_text, url=base_urls, name=st.text(string.printable.strip(), min_size=1, max_size=30).map(str.strip).filter(bool), token=secret_text)
def test_credential_files_round_trip(tmp_path: Path, client_id: str, secret: str, url: str, name: str, token: str) -> None:
    client_file, user_file = tmp_path / "c.secret", tmp_path / "u.secret"
    write_client_credentials(client_file, ClientCredentials(client_id, secret, url, name))
    write_user_credentials(user_file, UserCredentials(token, url))
    assert read_client_credentials(client_file) == ClientCredentials(client_id, secret, url, name)
    assert read_user_credentials(user_file) == UserCredentials(token, url)
    api = Mastodon(client_id=str(client_file), access_token=str(user_file), mastodon_version="4.2.0")
    assert (api.client_id, api.client_secret, api.access_token, api.api_base_url) == (client_id, secret, token, url)


# -- nodeinfo and backend detection -----------------------------------------------------------------------------

software_names = st.sampled_from(["mastodon", "pleroma", "akkoma", "fedibird", "gotosocial", "Mastodon", "hometown", ""])
nodeinfo_like = st.recursive(
    st.one_of(scalars, software_names),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["software", "name", "version", "metadata", "upstream", "features", "links", "rel", "href"]) | st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)
shaped_nodeinfo = st.fixed_dictionaries(
    {"software": st.fixed_dictionaries({"name": software_names | nodeinfo_like, "version": version_like | nodeinfo_like})},
    optional={"metadata": nodeinfo_like, "protocols": nodeinfo_like},
)
instance_like = st.one_of(
    nodeinfo_like,
    st.fixed_dictionaries({"version": version_like | nodeinfo_like}, optional={"pleroma": nodeinfo_like, "fedibird_capabilities": nodeinfo_like}),
)


@FUZZ
@given(nodeinfo=st.none() | nodeinfo_like | shaped_nodeinfo, instance=st.none() | instance_like)
@example(nodeinfo={"software": "mastodon"}, instance=None)
@example(nodeinfo={"software": ["mastodon"]}, instance=["version"])
@example(nodeinfo=[], instance="4.2.0")
@example(nodeinfo={"metadata": {"upstream": "akkoma"}}, instance={"pleroma": []})
def test_detection_survives_any_document_shape(nodeinfo: Any, instance: Any) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        matches = get_registry().detect(nodeinfo, instance)
    assert only_plugin_failures(caught)
    assert all(match.backend in get_registry().backends for match in matches)


@pytest.mark.parametrize("name", ["mastodon", "pleroma", "akkoma", "fedibird"])
def test_detection_still_recognises_real_documents(name: str) -> None:
    registry = get_registry()
    if name != "mastodon" and name not in registry.backends:
        pytest.skip(f"{name} backend not installed")
    matches = registry.detect({"software": {"name": name, "version": "1.0.0"}}, None)
    assert matches and matches[0].backend == ("mainline" if name == "mastodon" else name)


nodeinfo_links = st.lists(
    st.fixed_dictionaries(
        {
            "rel": st.just("http://nodeinfo.diaspora.software/ns/schema/2.0"),
            "href": st.sampled_from(["/nodeinfo/2.0", "https://fuzz.example/nodeinfo/2.0", "https://elsewhere.example/x", "", 7]),
        }
    ),
    max_size=2,
)
nodeinfo_index = nodeinfo_like | st.fixed_dictionaries({"links": nodeinfo_like | nodeinfo_links})


@SMALL
@given(index=nodeinfo_index, nodeinfo=nodeinfo_like | shaped_nodeinfo, instance=instance_like)
def test_detect_backend_over_http_survives_any_documents(index: Any, nodeinfo: Any, instance: Any) -> None:
    mock = MockHTTP()
    mock.add("GET", "/.well-known/nodeinfo", index)
    mock.add("GET", "/nodeinfo/2.0", nodeinfo)
    mock.add("GET", "/api/v1/instance", instance)
    client = Mastodon(api_base_url="https://fuzz.example", session=make_session(mock), version_check_mode="none")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, found_nodeinfo, found_instance = detect_backend(get_registry(), client._pipeline)
    assert only_plugin_failures(caught)
    assert found_nodeinfo is None or isinstance(found_nodeinfo, dict)
    assert found_instance is None or isinstance(found_instance, dict)
    # Links to other hosts are followed, never with credentials.
    assert all("Authorization" not in sent.headers for sent in mock.sent if sent.host != "fuzz.example")


@SMALL
@given(nodeinfo=nodeinfo_like | shaped_nodeinfo, instance=instance_like)
def test_client_auto_detection_survives_any_documents(nodeinfo: Any, instance: Any) -> None:
    mock = MockHTTP()
    mock.add("GET", "/.well-known/nodeinfo", {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "https://fuzz.example/nodeinfo/2.0"}]})
    mock.add("GET", "/nodeinfo/2.0", nodeinfo)
    mock.add("GET", "/api/v1/instance", instance)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no backend recognises this server" is expected for most
        try:
            api = Mastodon(api_base_url="https://fuzz.example", access_token="t", feature_set="auto", session=make_session(mock))
        except MastodonError:
            return
    assert api.backend in get_registry().backends
