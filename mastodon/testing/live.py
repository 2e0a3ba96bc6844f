"""Tests against real servers: run them live, record them as cassettes, replay them offline.

Three modes, chosen on the command line:

* **replay** (default, no network): every test that uses the ``live_*`` fixtures runs once
  per recorded server (a directory ``tests/cassettes/<server>/<label>/`` with a
  ``server.json``) whose name the test declares with ``@pytest.mark.servers(...)``.
  Requests are answered from the test's cassette (vcrpy, ``record_mode="none"``); a
  declared server without the cassette is a failure, not a skip.
* **live**: ``--live-url URL --live-token-file FILE --live-server NAME`` runs the same
  tests against that server, writing nothing.
* **record**: the live options plus ``--record`` also (re)writes the cassettes of the
  tests that passed, and the server's ``server.json``.

Replay checks that the library sends what it sent to the real server: requests must come
in the recorded order and match on method, scheme, host, port, path, query (parameters in
order), body (byte for byte; multipart boundaries and generated upload names aside) and
the user whose token was used. Every recorded request must be sent again.

Secrets never reach a cassette: access tokens become ``REDACTED-<user>``, and the values
of ``access_token``, ``client_id``, ``client_secret``, ``password``, ``code``,
``refresh_token`` and ``token`` in query strings, request bodies and JSON responses become
``REDACTED``. Replay clients use those placeholders as their credentials.

``server.json`` holds what replay needs to build the clients (base URL, backend, version
string) and the users' public ids; it holds no secrets.
"""

from __future__ import annotations

import json
import os
import re
import time
import warnings
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
import requests

#: Where recorded servers live: ``--cassette-dir``, else :data:`DEFAULT_CASSETTE_ROOT` if
#: a conftest set it, else ``tests/cassettes`` under pytest's rootdir (set at configure time;
#: read it through :func:`cassette_root`).
DEFAULT_CASSETTE_ROOT: Path | None = None
CASSETTE_ROOT = Path("tests") / "cassettes"


def cassette_root() -> Path:
    """The cassette folder in use."""
    return CASSETTE_ROOT
SERVER_FILE = "server.json"
#: The two users every recording has: "alice" (the first user of the token file, an
#: administrator where the server has them) and "bob" (the second).
ROLES = ("alice", "bob")
REDACTED = "REDACTED"
#: Parameter names whose values are secrets (query strings and request bodies).
SECRET_PARAMS = frozenset({"access_token", "client_id", "client_secret", "password", "code", "refresh_token", "token"})
#: Keys whose values are secrets in JSON responses.
SECRET_RESPONSE_KEYS = frozenset({"access_token", "refresh_token", "client_id", "client_secret"})
#: Response headers never kept.
DROPPED_RESPONSE_HEADERS = frozenset({"set-cookie"})
MATCH_ON = ("method", "scheme", "host", "port", "path", "ordered_query", "exact_body", "token_user")

_REAL_SLEEP = time.sleep
_MODE_KEY = pytest.StashKey["LiveConfig"]()
_REPORTS_KEY = pytest.StashKey[dict]()
_SPEC = re.compile(r"^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$")


def token_placeholder(role: str) -> str:
    return f"{REDACTED}-{role}"


# ---------------------------------------------------------------------------------------
# Targets: one recorded (or live) server.
# ---------------------------------------------------------------------------------------


@dataclass
class Target:
    """One server the live tests run against: its name, label and how to talk to it.

    ``server`` names the server software as the tests declare it (``"gotosocial"``);
    ``variant`` a configuration of it recorded separately (``"injected"``), declared as
    ``"gotosocial:injected"``; ``label`` is the cassette directory (the software version,
    plus ``-<variant>``).
    """

    server: str
    label: str
    base_url: str
    backend: str
    version_string: str
    software: str = ""
    variant: str | None = None
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    recorded_at: str | None = None
    # Credentials: real ones in live and record mode, placeholders in replay.
    tokens: dict[str, str] = field(default_factory=dict, repr=False)
    passwords: dict[str, str] = field(default_factory=dict, repr=False)
    client_id: str = REDACTED
    client_secret: str = field(default=REDACTED, repr=False)

    @property
    def id(self) -> str:
        return f"{self.server}-{self.label}"

    @property
    def spec(self) -> str:
        return f"{self.server}:{self.variant}" if self.variant else self.server

    @property
    def directory(self) -> Path:
        return CASSETTE_ROOT / self.server / self.label

    def matches(self, spec: str) -> bool:
        name, _, variant = spec.partition(":")
        return name == self.server and (variant or None) == self.variant

    def to_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "variant": self.variant,
            "label": self.label,
            "base_url": self.base_url,
            "backend": self.backend,
            "software": self.software,
            "version_string": self.version_string,
            "recorded_at": self.recorded_at,
            "users": self.users,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Target:
        target = cls(
            server=data["server"],
            label=data["label"],
            base_url=data["base_url"],
            backend=data["backend"],
            version_string=data["version_string"],
            software=data.get("software") or "",
            variant=data.get("variant"),
            users=data.get("users") or {},
            recorded_at=data.get("recorded_at"),
        )
        target.tokens = {role: token_placeholder(role) for role in target.users}
        target.passwords = {role: REDACTED for role in target.users}
        return target

    def secrets(self) -> dict[str, str]:
        """Real secret value -> placeholder, for scrubbing recordings."""
        found: dict[str, str] = {}
        for role, token in self.tokens.items():
            if token and token != token_placeholder(role):
                found[token] = token_placeholder(role)
        for password in self.passwords.values():
            if password and password != REDACTED:
                found[password] = REDACTED
        if self.client_secret and self.client_secret != REDACTED:
            found[self.client_secret] = REDACTED
        return found


def discover_targets(root: Path | None = None) -> list[Target]:
    """Every recorded server: ``<root>/<server>/<label>/server.json``."""
    root = CASSETTE_ROOT if root is None else root
    targets = []
    for path in sorted(root.glob(f"*/*/{SERVER_FILE}")):
        data = json.loads(path.read_text(encoding="utf-8"))
        target = Target.from_json(data)
        if path.parent != target.directory:
            raise pytest.UsageError(f"{path} describes {target.server}/{target.label}, not its own directory")
        targets.append(target)
    return targets


def _roles(users: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Token-file users by role: "alice"/"bob" if so named, else the first and second."""
    names = list(users)
    found: dict[str, dict[str, Any]] = {}
    for index, role in enumerate(ROLES):
        if role in users:
            found[role] = users[role]
        elif index < len(names) and names[index] not in ROLES:
            found[role] = users[names[index]]
    return found


def probe_target(url: str, token_file: str, server: str, variant: str | None, label: str | None) -> Target:
    """Ask a live server who it is (through the library's own detection)."""
    from mastodon import Mastodon
    from mastodon.versions import find_version_tuple, format_version

    data = json.loads(Path(token_file).read_text(encoding="utf-8"))
    users = _roles(data.get("users") or {})
    if "alice" not in users:
        raise pytest.UsageError(f"{token_file} has no users")
    base_url = url.rstrip("/")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        api = Mastodon(access_token=users["alice"]["access_token"], api_base_url=base_url, feature_set="auto")
    instance = api.server_context.instance or {}
    nodeinfo = api.server_context.nodeinfo or {}
    version_string = str(instance.get("version") or "")
    version = api.server_version
    own = (version.software_version if version else None) or find_version_tuple(version_string) or (0, 0, 0)
    if label is None:
        label = format_version(own) + (f"-{variant}" if variant else "")
    software = str((nodeinfo.get("software") or {}).get("name") or (version.software if version else "") or server)
    target = Target(
        server=server,
        label=label,
        base_url=base_url,
        backend=api.backend,
        version_string=version_string,
        software=software,
        variant=variant,
        recorded_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
    )
    for role, user in users.items():
        target.tokens[role] = user["access_token"]
        target.passwords[role] = user.get("password") or ""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            me = Mastodon(
                access_token=user["access_token"], api_base_url=base_url, feature_set=api.backend,
                mastodon_version=version_string or None,
            ).account_verify_credentials()
        target.users[role] = {
            "id": me["id"], "username": me["username"], "acct": me["acct"], "email": user.get("email"),
        }
    target.client_id = str(data.get("client_id") or REDACTED)
    target.client_secret = str(data.get("client_secret") or REDACTED)
    return target


# ---------------------------------------------------------------------------------------
# Session configuration.
# ---------------------------------------------------------------------------------------


@dataclass
class LiveConfig:
    mode: str  # "replay", "live" or "record"
    targets: list[Target]

    @property
    def replaying(self) -> bool:
        return self.mode == "replay"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("live", "live servers and recorded cassettes (see the recording docs)")
    group.addoption("--live-url", help="Run the live tests against the server at this base URL.")
    group.addoption(
        "--live-token-file",
        help='JSON file with the users\' tokens: {"base_url", "client_id", "client_secret", "users": {name: {"access_token", ...}}}.',
    )
    group.addoption("--live-server", help="Name of the server software as the tests declare it (e.g. gotosocial).")
    group.addoption("--live-variant", help="A separately recorded configuration of the server (e.g. injected).")
    group.addoption("--live-label", help="Cassette directory name (default: the server's version, plus -<variant>).")
    group.addoption("--record", action="store_true", help="With --live-url: (re)write the cassettes of passing tests.")
    group.addoption("--cassette-dir", help="Folder of recorded servers (default: tests/cassettes under the rootdir).")


def pytest_configure(config: pytest.Config) -> None:
    global CASSETTE_ROOT
    chosen = config.getoption("--cassette-dir", None)
    if chosen:
        CASSETTE_ROOT = Path(chosen).resolve()
    elif DEFAULT_CASSETTE_ROOT is not None:
        CASSETTE_ROOT = DEFAULT_CASSETTE_ROOT
    else:
        CASSETTE_ROOT = Path(config.rootpath) / "tests" / "cassettes"
    config.addinivalue_line(
        "markers",
        "servers(*names): the servers a live test applies to (\"gotosocial\", \"takahe\", \"gotosocial:injected\"); "
        "it runs once per recorded (or live) server named here",
    )
    config.addinivalue_line("markers", "live_only: a live test that cannot be recorded; skipped in replay mode")
    url = config.getoption("--live-url", None)
    if url is None:
        if config.getoption("--record", False):
            raise pytest.UsageError("--record needs --live-url, --live-token-file and --live-server")
        config.stash[_MODE_KEY] = LiveConfig("replay", discover_targets())
        return
    token_file = config.getoption("--live-token-file")
    server = config.getoption("--live-server")
    if not token_file or not server:
        raise pytest.UsageError("--live-url needs --live-token-file and --live-server")
    if not _SPEC.match(server) or ":" in server:
        raise pytest.UsageError(f"bad --live-server name {server!r}")
    target = probe_target(url, token_file, server, config.getoption("--live-variant"), config.getoption("--live-label"))
    mode = "record" if config.getoption("--record") else "live"
    if mode == "record":
        target.directory.mkdir(parents=True, exist_ok=True)
        (target.directory / SERVER_FILE).write_text(json.dumps(target.to_json(), indent=2) + "\n", encoding="utf-8")
    config.stash[_MODE_KEY] = LiveConfig(mode, [target])


def pytest_report_header(config: pytest.Config) -> str:
    live = config.stash.get(_MODE_KEY, None)
    if live is None:
        return ""
    names = ", ".join(t.id for t in live.targets) or "none"
    return f"live tests: {live.mode} mode, servers: {names}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "live_server" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("servers")
    if marker is None or not marker.args:
        raise pytest.UsageError(f"{metafunc.definition.nodeid} uses the live fixtures but declares no @pytest.mark.servers(...)")
    for spec in marker.args:
        if not isinstance(spec, str) or not _SPEC.match(spec):
            raise pytest.UsageError(f"{metafunc.definition.nodeid}: bad server name {spec!r}")
    live = metafunc.config.stash[_MODE_KEY]
    targets = [t for t in live.targets if any(t.matches(spec) for spec in marker.args)]
    metafunc.parametrize("live_server", targets, ids=[t.id for t in targets], indirect=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    item.stash.setdefault(_REPORTS_KEY, {})[report.when] = report
    return report


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.stash[_MODE_KEY].replaying:
        return
    skip = pytest.mark.skip(reason="needs a live server (--live-url); cannot be replayed")
    for item in items:
        if item.get_closest_marker("live_only") is not None:
            item.add_marker(skip)


# ---------------------------------------------------------------------------------------
# Scrubbing secrets, matching requests.
# ---------------------------------------------------------------------------------------


def _redact_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    if not any(key in SECRET_PARAMS for key, _ in pairs):
        return None
    return [(key, REDACTED if key in SECRET_PARAMS else value) for key, value in pairs]


def _redact_json(value: Any, keys: frozenset[str]) -> tuple[Any, bool]:
    if isinstance(value, dict):
        changed = False
        out = {}
        for key, item in value.items():
            if key in keys and item not in (None, ""):
                out[key] = REDACTED
                changed = changed or item != REDACTED
            else:
                out[key], sub = _redact_json(item, keys)
                changed = changed or sub
        return out, changed
    if isinstance(value, list):
        items = [_redact_json(item, keys) for item in value]
        return [item for item, _ in items], any(sub for _, sub in items)
    return value, False


def _header(headers: Any, name: str) -> str:
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value[0] if isinstance(value, list) else str(value)
    return ""


def scrub_request(tokens: dict[str, str]) -> Callable[[Any], Any]:
    """``before_record_request``: placeholders for tokens and secret parameters.

    ``tokens`` maps real access tokens to their placeholders. vcrpy also runs this on
    requests being replayed (before matching), where it changes nothing.
    """

    def scrub(request: Any) -> Any:
        auth = request.headers.get("Authorization")
        if auth and auth.startswith("Bearer ") and auth[7:] in tokens:
            request.headers["Authorization"] = "Bearer " + tokens[auth[7:]]
        split = urlsplit(request.uri)
        if split.query:
            pairs = _redact_pairs(parse_qsl(split.query, keep_blank_values=True))
            if pairs is not None:
                request.uri = urlunsplit(split._replace(query=urlencode(pairs)))
        body = request.body
        if isinstance(body, (bytes, bytearray)) and body:
            ctype = request.headers.get("Content-Type", "")
            if ctype.startswith("application/x-www-form-urlencoded"):
                try:
                    pairs = _redact_pairs(parse_qsl(bytes(body).decode("utf-8"), keep_blank_values=True))
                except UnicodeDecodeError:
                    pairs = None
                if pairs is not None:
                    request.body = urlencode(pairs)
            elif ctype.startswith("application/json"):
                try:
                    data, changed = _redact_json(json.loads(body), SECRET_PARAMS)
                except ValueError:
                    changed = False
                if changed:
                    request.body = json.dumps(data)
        return request

    return scrub


def scrub_response(tokens: dict[str, str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """``before_record_response``: no cookies, no secrets in JSON bodies.

    Access tokens the server hands out (an OAuth token response) are added to ``tokens``,
    so the requests that use them later are recorded with ``Bearer REDACTED``, which is
    what the replayed client reads from the recorded response.
    """

    def scrub(response: dict[str, Any]) -> dict[str, Any]:
        body = (response.get("body") or {}).get("string")
        if body and "json" in _header(response.get("headers") or {}, "Content-Type"):
            try:
                data = json.loads(body)
            except ValueError:
                data = None
            if isinstance(data, dict):
                for key in ("access_token", "refresh_token"):
                    if isinstance(data.get(key), str) and data[key]:
                        tokens[data[key]] = REDACTED
        return _scrub_response(response)

    return scrub


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in DROPPED_RESPONSE_HEADERS:
            del headers[name]
    body = (response.get("body") or {}).get("string")
    if body and "json" in _header(headers, "Content-Type"):
        try:
            data, changed = _redact_json(json.loads(body), SECRET_RESPONSE_KEYS)
        except ValueError:
            changed = False
        if changed:
            encoded = json.dumps(data).encode("utf-8")
            response["body"]["string"] = encoded
            for name in list(headers):
                if name.lower() == "content-length":
                    headers[name] = [str(len(encoded))]
    return response


def ordered_query(r1: Any, r2: Any) -> None:
    """Query parameters equal, in the same order (vcrpy's own matcher sorts them)."""
    q1 = parse_qsl(r1.parsed_uri.query, keep_blank_values=True)
    q2 = parse_qsl(r2.parsed_uri.query, keep_blank_values=True)
    assert q1 == q2, f"query {q1} != recorded {q2}"


_UPLOAD_NAME = re.compile(rb"mastodonpyupload_[0-9.]+_[0-9a-f]+")


def _normalized_body(request: Any) -> bytes:
    body = request.body
    if body is None:
        return b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    body = bytes(body)
    match = re.search(r'boundary="?([^";]+)"?', request.headers.get("Content-Type", ""))
    if match and request.headers.get("Content-Type", "").startswith("multipart/"):
        body = body.replace(match.group(1).encode("ascii"), b"BOUNDARY")
        body = _UPLOAD_NAME.sub(b"mastodonpyupload_GENERATED", body)
    return body


def exact_body(r1: Any, r2: Any) -> None:
    """Bodies equal byte for byte (a multipart body's random boundary and generated file names aside)."""
    b1, b2 = _normalized_body(r1), _normalized_body(r2)
    if b1 != b2:
        raise AssertionError(f"body {b1[:300]!r} != recorded {b2[:300]!r}")


def token_user(r1: Any, r2: Any) -> None:
    """The same access token (that is: the same user) was used."""
    a1, a2 = r1.headers.get("Authorization"), r2.headers.get("Authorization")
    assert a1 == a2, f"authorization {a1!r} != recorded {a2!r}"


class CassetteOrderError(AssertionError):
    """A replayed request is not the next recorded one."""


def _describe(request: Any) -> str:
    body = _normalized_body(request)
    return f"{request.method} {request.uri}" + (f" body={body[:200]!r}" if body else "")


def install_ordered_playback(cassette: Any, matchers: list[Callable[[Any, Any], Any]]) -> None:
    """Make the cassette answer requests strictly in recorded order."""
    from vcr.matchers import get_matchers_results

    def play_response(request: Any) -> Any:
        filtered = cassette.filter_request(request)
        index = next((i for i in range(len(cassette.data)) if cassette.play_counts[i] == 0), None)
        if index is None:
            raise CassetteOrderError(f"{cassette.path}: every recorded request was already sent; extra request {_describe(filtered)}")
        stored, response = cassette.data[index]
        _, failures = get_matchers_results(filtered, stored, matchers)
        if failures:
            details = "; ".join(f"{name}: {message}" for name, message in failures)
            raise CassetteOrderError(
                f"{cassette.path}: request #{index + 1} should be {_describe(stored)}, "
                f"but the library sent {_describe(filtered)} ({details})"
            )
        cassette.play_counts[index] += 1
        return response

    cassette.play_response = play_response


def make_vcr(target: Target, recording: bool) -> Any:
    import vcr

    tokens = {token: token_placeholder(role) for role, token in target.tokens.items() if token}
    options: dict[str, Any] = dict(
        serializer="yaml",
        decode_compressed_response=True,
        before_record_request=scrub_request(tokens),
        before_record_response=scrub_response(tokens),
        match_on=MATCH_ON,
        record_on_exception=True,
    )
    if recording:
        # Anything secret that still shows up anywhere (headers, URLs, bodies) is hidden.
        options["filter_sensitive_data"] = [(placeholder, value) for value, placeholder in target.secrets().items()]
    recorder = vcr.VCR(**options)
    recorder.register_matcher("ordered_query", ordered_query)
    recorder.register_matcher("exact_body", exact_body)
    recorder.register_matcher("token_user", token_user)
    return recorder


def cassette_path(item: pytest.Item, target: Target) -> Path:
    """``<target dir>/<test module>/<test name>[<other parameters>].yaml``."""
    module = item.module.__name__.rsplit(".", 1)[-1]  # type: ignore[attr-defined]
    name = getattr(item, "originalname", item.name)
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        rest = "-".join(part for part in callspec.id.replace(target.id, "").split("-") if part)
        if rest:
            name += f"[{rest}]"
    name = re.sub(r"[^A-Za-z0-9_.\[\]-]", "_", name)
    return target.directory / module / f"{name}.yaml"


# ---------------------------------------------------------------------------------------
# Fixtures.
# ---------------------------------------------------------------------------------------


class LiveTest:
    """What a live test needs: clients for the server's users, waiting, the recorded clock."""

    def __init__(self, mode: str, target: Target, cassette: Any) -> None:
        self.mode = mode
        self.target = target
        self.cassette = cassette
        #: Every request sent by the clients made here, as prepared requests.
        self.sent: list[requests.PreparedRequest] = []

    @property
    def replaying(self) -> bool:
        return self.mode == "replay"

    @property
    def recording(self) -> bool:
        return self.mode == "record"

    def user(self, role: str) -> dict[str, Any]:
        """The public facts about a user: ``id``, ``username``, ``acct``, ``email``."""
        return self.target.users[role]

    def api(self, user: str | None = "alice", **kwargs: Any) -> Any:
        """A client for ``user`` ("alice", "bob" or ``None`` for no token) on this server.

        It uses the backend and version string the server was recorded with, so making it
        sends no request (pass ``feature_set="auto"`` or ``mastodon_version=None`` to ask).
        """
        from mastodon import Mastodon
        from mastodon.errors import MastodonIllegalArgumentError
        from mastodon.plugins import get_registry

        target = self.target
        kwargs.setdefault("api_base_url", target.base_url)
        if "access_token" not in kwargs:
            kwargs["access_token"] = target.tokens[user] if user is not None else None
        kwargs.setdefault("feature_set", target.backend)
        if kwargs["feature_set"] != "auto":
            try:
                get_registry().resolve(kwargs["feature_set"])
            except MastodonIllegalArgumentError:
                pytest.fail(
                    f"{target.id} was recorded with the {kwargs['feature_set']!r} backend, which is not installed "
                    f"(e.g. pip install -e contrib/{kwargs['feature_set']})"
                )
            kwargs.setdefault("mastodon_version", target.version_string)
        session = kwargs.pop("session", None) or requests.Session()
        self._watch(session)
        kwargs["session"] = session
        client = Mastodon(**kwargs)
        if self.replaying:
            client._transport.sleep = lambda seconds: None
        return client

    def _watch(self, session: requests.Session) -> None:
        send = session.send

        def watched(request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
            self.sent.append(request)
            return send(request, **kwargs)

        session.send = watched  # type: ignore[method-assign]

    def sleep(self, seconds: float) -> None:
        """Sleep while talking to a real server; return at once in replay."""
        if not self.replaying:
            _REAL_SLEEP(seconds)

    def wait_until(self, check: Callable[[], Any], timeout: float = 20.0, interval: float = 0.25, what: str = "the server") -> Any:
        """Call ``check`` until it returns something truthy, and return that.

        For work servers finish in the background (notifications, timelines, follows).
        Replay makes exactly the recorded calls, without sleeping.
        """
        deadline = time.monotonic() + timeout
        attempts = 0
        limit = int(timeout / interval) + 2
        while True:
            value = check()
            if value:
                return value
            attempts += 1
            if (self.replaying and attempts > limit) or (not self.replaying and time.monotonic() > deadline):
                pytest.fail(f"timed out after {attempts} attempts waiting for {what}")
            self.sleep(interval)

    def now(self) -> datetime:
        """The time the cassette was recorded (the real time when running live).

        Use it for anything time-dependent that goes into a request (e.g. ``scheduled_at``).
        """
        if self.cassette is None:
            return datetime.now(timezone.utc)
        stamp = self.cassette.get_metadata("now", datetime.now(timezone.utc).isoformat())
        return datetime.fromisoformat(stamp)


@pytest.fixture
def live_server(request: pytest.FixtureRequest) -> Target:
    """The server this run of the test talks to (name, label, version string, backend, users)."""
    param = getattr(request, "param", None)
    if not isinstance(param, Target):
        pytest.fail("live_server is parametrized by @pytest.mark.servers(...)")
    return param


def _passed(item: pytest.Item) -> bool:
    reports = item.stash.get(_REPORTS_KEY, {})
    return all(reports.get(phase) is not None and reports[phase].passed for phase in ("setup", "call"))


@pytest.fixture
def live_cassette(request: pytest.FixtureRequest, live_server: Target, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The vcrpy cassette of this test (``None`` in live mode)."""
    live: LiveConfig = request.config.stash[_MODE_KEY]
    if live.mode == "live" or request.node.get_closest_marker("live_only") is not None:
        yield None  # nothing to record: the test talks to the server directly
        return
    path = cassette_path(request.node, live_server)
    recorder = make_vcr(live_server, recording=live.mode == "record")
    if live.mode == "replay":
        if not path.is_file():
            pytest.fail(
                f"no cassette recorded for {live_server.id}: {path.relative_to(CASSETTE_ROOT.parent)} "
                f"(record it with --live-url ... --live-server {live_server.server} --record)"
            )
        monkeypatch.setattr(time, "sleep", lambda seconds: None)
        with recorder.use_cassette(str(path), record_mode="none", allow_playback_repeats=False) as cassette:
            install_ordered_playback(cassette, [recorder.matchers[name] for name in MATCH_ON])
            yield cassette
            if _passed(request.node) and not cassette.all_played:
                missing = [_describe(cassette.data[i][0]) for i in range(len(cassette.data)) if not cassette.play_counts[i]]
                pytest.fail(f"{len(missing)} recorded request(s) were not sent again: {missing[:3]}")
        return
    partial = path.with_name(path.stem + ".partial.yaml")
    partial.unlink(missing_ok=True)
    with recorder.use_cassette(str(partial), record_mode="all") as cassette:
        yield cassette
    if _passed(request.node):
        if not partial.exists():
            from vcr.persisters.filesystem import FilesystemPersister
            from vcr.serializers import yamlserializer

            FilesystemPersister.save_cassette(partial, {"requests": [], "responses": []}, serializer=yamlserializer)
        os.replace(partial, path)
    else:
        partial.unlink(missing_ok=True)


@pytest.fixture
def live(request: pytest.FixtureRequest, live_server: Target, live_cassette: Any) -> LiveTest:
    """Helpers for a live test: ``live.api(user)``, ``live.wait_until()``, ``live.now()``..."""
    mode: str = request.config.stash[_MODE_KEY].mode
    return LiveTest(mode, live_server, live_cassette)


@pytest.fixture
def live_api(live: LiveTest) -> Any:
    """A client for alice (the first user; an administrator where the server has them)."""
    return live.api("alice")


@pytest.fixture
def live_api_bob(live: LiveTest) -> Any:
    """A client for bob (the second user)."""
    return live.api("bob")


__all__ = [
    "CASSETTE_ROOT",
    "DEFAULT_CASSETTE_ROOT",
    "cassette_root",
    "REDACTED",
    "Target",
    "LiveConfig",
    "LiveTest",
    "discover_targets",
    "probe_target",
    "scrub_request",
    "scrub_response",
    "token_placeholder",
]
