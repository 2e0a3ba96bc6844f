"""The compatibility matrix: which endpoint works on which server family and version.

Built offline from three sources:

- the endpoint metadata (:data:`mastodon.endpoints.ENDPOINTS` plus the endpoints installed
  backends contribute through ``mastodon_extra_endpoints``);
- the installed backends, asked through their ``mastodon_endpoint_available`` and
  ``mastodon_route`` hooks with a :class:`~mastodon.plugin.ServerContext` for a
  representative server version (mainline gates by version);
- the recorded cassettes under ``tests/cassettes/<server>/<version>/``: an endpoint is
  *verified* on a server when a recorded request matches its method and path template
  (an installed package, without the cassettes, reads the summary of them it ships, see
  :mod:`mastodon.recording_summary`).

Servers that were recorded but whose backend is not installed still get a column, with
what the recordings prove and nothing else. :func:`build_matrix` returns plain data; the
command line (``mastodon-fediverse matrix``) and the documentation render it.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .endpoints.model import Endpoint
    from .plugins import BackendRegistry

#: Cell states, in the order the legend lists them.
RECORDED = "recorded"
AVAILABLE = "available"
GATED = "gated"
NOT_APPLICABLE = "n/a"
UNKNOWN = "unknown"

MARKS: dict[str, str] = {RECORDED: "✓", AVAILABLE: "·", GATED: "✗", NOT_APPLICABLE: "-", UNKNOWN: "?"}
ASCII_MARKS: dict[str, str] = {RECORDED: "R", AVAILABLE: "+", GATED: "x", NOT_APPLICABLE: "-", UNKNOWN: "?"}
LEGEND: dict[str, str] = {
    RECORDED: "verified: a recorded request to this server matches the endpoint",
    AVAILABLE: "available: the backend's gate allows it (not recorded)",
    GATED: "gated: the backend refuses it or the server version is too old",
    NOT_APPLICABLE: "n/a: this server has no route for it",
    UNKNOWN: "unknown: recorded server whose backend is not installed, and no recording",
}

#: Where recorded cassettes live, relative to a checkout's root.
CASSETTE_SUBDIR = Path("tests") / "cassettes"

_FIELD = re.compile(r"\{(\w+)\}")


# -----------------------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------------------


@dataclass
class Column:
    """One server family at one version."""

    key: str
    server: str
    version: str
    backend: str | None
    backend_installed: bool
    source: str  # "recorded", "representative" or "requested"
    cassettes: int = 0
    recorded_requests: int = 0
    mastodon_version: str | None = None
    detail: str = ""

    @property
    def label(self) -> tuple[str, str]:
        return self.server, self.version


@dataclass
class Cell:
    status: str
    reason: str | None = None
    route: str | None = None


@dataclass
class Row:
    name: str
    area: str
    section: str
    method: str
    path: str
    added: str
    changed: str
    mainline: bool
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass
class BackendSummary:
    name: str
    description: str
    extends: str | None
    feature_sets: tuple[str, ...]
    features: tuple[str, ...]
    visibilities: tuple[str, ...]
    max_media_attachments: int | None
    hooks: tuple[str, ...]
    quirks: tuple[str, ...]
    #: Endpoints the chain declares served whatever Mastodon version the server reports.
    served_beyond_version: tuple[str, ...] = ()


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[Row]
    backends: dict[str, BackendSummary]
    cassette_dir: str | None

    def areas(self) -> list[tuple[str, list[Row]]]:
        """Rows grouped by API area, in table order."""
        groups: dict[str, list[Row]] = {}
        for row in self.rows:
            groups.setdefault(row.area, []).append(row)
        return list(groups.items())

    def counts(self) -> dict[str, dict[str, int]]:
        """Per column: how many endpoints are in each state."""
        out: dict[str, dict[str, int]] = {}
        for column in self.columns:
            tally = {state: 0 for state in MARKS}
            for row in self.rows:
                tally[row.cells[column.key].status] += 1
            out[column.key] = tally
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "legend": {state: {"mark": MARKS[state], "meaning": LEGEND[state]} for state in MARKS},
            "cassette_dir": self.cassette_dir,
            "columns": [
                {
                    "key": c.key,
                    "server": c.server,
                    "version": c.version,
                    "backend": c.backend,
                    "backend_installed": c.backend_installed,
                    "source": c.source,
                    "cassettes": c.cassettes,
                    "recorded_requests": c.recorded_requests,
                    "mastodon_version": c.mastodon_version,
                    "detail": c.detail,
                    "counts": self.counts()[c.key],
                }
                for c in self.columns
            ],
            "backends": {
                name: {
                    "description": b.description,
                    "extends": b.extends,
                    "feature_sets": list(b.feature_sets),
                    "features": list(b.features),
                    "visibilities": list(b.visibilities),
                    "max_media_attachments": b.max_media_attachments,
                    "hooks": list(b.hooks),
                    "quirks": list(b.quirks),
                    "served_beyond_version": list(b.served_beyond_version),
                }
                for name, b in self.backends.items()
            },
            "endpoints": [
                {
                    "name": r.name,
                    "area": r.area,
                    "section": r.section,
                    "method": r.method,
                    "path": r.path,
                    "added": r.added,
                    "changed": r.changed,
                    "mainline": r.mainline,
                    "cells": {
                        key: {"status": cell.status, "mark": MARKS[cell.status], "reason": cell.reason, "route": cell.route}
                        for key, cell in r.cells.items()
                    },
                }
                for r in self.rows
            ],
        }


# -----------------------------------------------------------------------------------------
# Cassettes
# -----------------------------------------------------------------------------------------


#: ``(METHOD, uri, HTTP status or None)`` of one recorded request.
RecordedRequest = tuple[str, str, "int | None"]


@dataclass
class RecordedServer:
    """One ``<server>/<version>`` folder of recorded cassettes, or its packaged summary.

    A summary (:mod:`mastodon.recording_summary`) keeps each distinct request once (no
    query string) and the total in ``request_total``.
    """

    server: str
    version: str
    directory: Path | None
    info: dict[str, Any]
    requests: list[RecordedRequest]
    cassettes: int
    request_total: int | None = None

    @property
    def request_count(self) -> int:
        """How many requests were recorded."""
        return len(self.requests) if self.request_total is None else self.request_total

    @property
    def version_string(self) -> str:
        """The server's ``instance.version`` as recorded (falls back to the folder name)."""
        for key in ("version_string", "instance_version", "version"):
            value = self.info.get(key)
            if isinstance(value, str) and value:
                return value
        instance = self.info.get("instance")
        if isinstance(instance, dict) and isinstance(instance.get("version"), str):
            return str(instance["version"])
        return self.version


_YAML_REQUEST = re.compile(r"^(?P<lead>\s*-?\s*)request:\s*$")
_YAML_CODE = re.compile(r"^\s+code:\s*(\d+)\s*$")


def _unquote_yaml(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value


def _scan_yaml_lines(text: str) -> list[RecordedRequest]:
    """Method, URI and response status of each request, read line by line (no YAML library needed)."""
    found: list[RecordedRequest] = []
    method: str | None = None
    uri: str | None = None
    key_indent = -1
    awaiting_status = False
    for line in text.splitlines():
        start = _YAML_REQUEST.match(line)
        if start:
            key_indent, method, uri, awaiting_status = len(start.group("lead")) + 2, None, None, False
            continue
        if awaiting_status:
            code = _YAML_CODE.match(line)
            if code:
                found[-1] = (found[-1][0], found[-1][1], int(code.group(1)))
                awaiting_status = False
            continue
        if key_indent < 0 or not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent < key_indent:
            key_indent = -1  # left the request mapping (e.g. at "response:")
            continue
        if indent == key_indent:
            key, _, value = line.strip().partition(":")
            if key == "method":
                method = _unquote_yaml(value.strip())
            elif key == "uri":
                uri = _unquote_yaml(value.strip())
            if method and uri:
                found.append((method.upper(), uri, None))
                key_indent, awaiting_status = -1, True
    return found


def read_cassette(path: Path) -> list[RecordedRequest]:
    """``(METHOD, uri, status)`` for every recorded request in a vcrpy cassette (YAML or JSON)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    data: Any = None
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError:
            return []
    else:
        try:
            import yaml
        except ImportError:
            return _scan_yaml_lines(text)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            data = yaml.load(text, Loader=loader)  # a safe loader
        except yaml.YAMLError:
            return _scan_yaml_lines(text)
    found: list[RecordedRequest] = []
    for interaction in (data or {}).get("interactions") or ():
        request = interaction.get("request") if isinstance(interaction, dict) else None
        if isinstance(request, dict) and request.get("method") and request.get("uri"):
            response = interaction.get("response")
            status = response.get("status") if isinstance(response, dict) else None
            code = status.get("code") if isinstance(status, dict) else None
            found.append((str(request["method"]).upper(), str(request["uri"]), code if isinstance(code, int) else None))
    return found


def scan_cassettes(root: Path) -> list[RecordedServer]:
    """Every ``<server>/<version>/`` folder under ``root`` that holds cassettes."""
    servers: list[RecordedServer] = []
    if not root.is_dir():
        return servers
    for server_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        for version_dir in sorted(p for p in server_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            files = sorted(
                p for p in version_dir.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml", ".json") and p.name != "server.json"
            )
            info: dict[str, Any] = {}
            server_json = version_dir / "server.json"
            if server_json.is_file():
                try:
                    loaded = json.loads(server_json.read_text(encoding="utf-8"))
                    info = loaded if isinstance(loaded, dict) else {}
                except ValueError:
                    info = {}
            requests: list[RecordedRequest] = []
            cassettes = 0
            for path in files:
                found = read_cassette(path)
                if found:
                    cassettes += 1
                    requests.extend(found)
            if cassettes or info:
                servers.append(RecordedServer(server_dir.name, version_dir.name, version_dir, info, requests, cassettes))
    return servers


def default_cassette_dir() -> Path | None:
    """``tests/cassettes`` of the current directory or of the checkout this package runs from."""
    candidates = [Path.cwd() / CASSETTE_SUBDIR, Path(__file__).resolve().parent.parent / CASSETTE_SUBDIR]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


# -----------------------------------------------------------------------------------------
# Building
# -----------------------------------------------------------------------------------------


def template_regex(path: str) -> re.Pattern[str]:
    """A regex matching concrete paths of a ``/api/v1/statuses/{id}`` template."""
    parts = _FIELD.split(path)
    pattern = "".join(re.escape(part) if i % 2 == 0 else "[^/]+" for i, part in enumerate(parts))
    return re.compile(pattern + "/?$")


def endpoint_areas() -> dict[str, str]:
    """Endpoint name -> API area (the module of the endpoint table that declares it)."""
    from .endpoints import AREAS

    areas: dict[str, str] = {}
    for module in AREAS:
        area = module.__name__.rsplit(".", 1)[-1]
        for value in vars(module).values():
            name = getattr(value, "name", None)
            if isinstance(name, str) and hasattr(value, "path_fields"):
                areas.setdefault(name, area)
    return areas


class _Matcher:
    """Finds the endpoints a recorded request belongs to (most specific template wins)."""

    def __init__(self) -> None:
        self._templates: list[tuple[int, int, str, re.Pattern[str], str, list[str]]] = []
        self._index: dict[tuple[str, str], list[str]] = {}

    def add(self, method: str, template: str, endpoint_name: str) -> None:
        key = (method.upper(), template)
        names = self._index.get(key)
        if names is None:
            names = self._index[key] = []
            fields = len(_FIELD.findall(template))
            # fewer fields first, then longer literal text first
            literal = len(_FIELD.sub("", template))
            self._templates.append((fields, -literal, method.upper(), template_regex(template), template, names))
            self._templates.sort(key=lambda t: (t[0], t[1]))
        if endpoint_name not in names:
            names.append(endpoint_name)

    def match(self, method: str, path: str) -> list[str]:
        for _, _, want, regex, _, names in self._templates:
            if want == method and regex.match(path):
                return names
        return []


def _summarise_backend(registry: BackendRegistry, name: str) -> BackendSummary:
    """A backend's declaration, the hooks its chain implements and its quirks in words."""
    info = registry.backends[name]
    hooks = _chain_hooks(registry, name)
    return BackendSummary(
        name=name,
        description=info.description,
        extends=info.extends,
        feature_sets=tuple(info.feature_sets),
        features=tuple(sorted(info.features)),
        visibilities=tuple(info.visibilities),
        max_media_attachments=info.max_media_attachments,
        hooks=tuple(hooks),
        quirks=tuple(_hook_quirks(registry, name) + _declared_quirks(info) + _implemented_quirks(hooks)),
        served_beyond_version=tuple(sorted(registry.hooks_for(name).served_beyond_version)),
    )


def _chain_hooks(registry: BackendRegistry, name: str) -> list[str]:
    """Names of the hooks some plugin of the backend's chain implements."""
    chain = registry.chain(name)
    plugins: dict[str, object] = {}
    for impl in registry.pm.hook.mastodon_backend_info.get_hookimpls():
        declared: Any = impl.function()
        if declared is not None and declared.name in chain:
            plugins[declared.name] = impl.plugin
    chain_plugins = [plugins[n] for n in chain if n in plugins]
    hooks: list[str] = []
    for hook_name in sorted(n for n in dir(registry.pm.hook) if n.startswith("mastodon_")):
        caller = getattr(registry.pm.hook, hook_name)
        if any(impl.plugin in chain_plugins for impl in caller.get_hookimpls()):
            hooks.append(hook_name)
    return hooks


def _hook_quirks(registry: BackendRegistry, name: str) -> list[str]:
    """Quirks the backend's hooks answer for any server: id decoding and streaming."""
    from .backend_types import ServerContext

    quirks: list[str] = []
    facade = registry.hooks_for(name)
    ctx = ServerContext(api_base_url="https://server.invalid", backend=name, feature_set=name)
    try:
        if not facade.decode_options(ctx).convert_ids:
            quirks.append("ids are kept as strings (not converted to int)")
    except Exception as exc:  # noqa: BLE001 - a plugin bug must not break the report
        quirks.append(f"decode options hook failed: {exc}")
    try:
        transport = facade.streaming_transport(ctx, "user")
        if transport and transport != "sse":
            quirks.append(f"streaming over {transport}")
        elif transport is None:
            quirks.append("no streaming transport declared")
    except Exception as exc:  # noqa: BLE001
        quirks.append(f"streaming transport hook failed: {exc}")
    return quirks


def _declared_quirks(info: Any) -> list[str]:
    """Quirks the backend declares in its ``BackendInfo``."""
    quirks: list[str] = []
    if info.extends:
        quirks.append(f"extends the {info.extends} backend")
    if info.visibilities:
        quirks.append("extra visibilities: " + ", ".join(info.visibilities))
    if info.unsupported:
        quirks.append(f"declares {len(info.unsupported)} refusals (calls it does not serve, with the reason)")
    if info.served_beyond_version:
        quirks.append(f"declares {len(info.served_beyond_version)} endpoints served beyond its reported Mastodon version")
    if info.params_beyond_version:
        quirks.append("takes parameters newer than its reported Mastodon version: " + ", ".join(sorted(info.params_beyond_version)))
    if info.max_media_attachments != 4:
        limit = "no limit" if info.max_media_attachments is None else str(info.max_media_attachments)
        quirks.append(f"media attachments per status: {limit}")
    return quirks


#: Hook implemented -> what it means for users of the backend.
_HOOK_QUIRKS = {
    "mastodon_prepare_params": "adjusts or validates outgoing parameters",
    "mastodon_normalize_response": "reshapes responses into the mainline shape",
    "mastodon_error_message": "reads non-standard error bodies",
    "mastodon_request_headers": "adds request headers",
}


def _implemented_quirks(hooks: list[str]) -> list[str]:
    """Quirks that follow from which hooks the backend implements."""
    quirks = [text for hook, text in _HOOK_QUIRKS.items() if hook in hooks]
    if "mastodon_datetime_to_id" not in hooks:
        quirks.append("datetimes cannot be used as pagination ids")
    return quirks


def _resolve_backend(registry: BackendRegistry, server: str, info: dict[str, Any]) -> str | None:
    for candidate in (info.get("backend"), info.get("feature_set"), server, info.get("software")):
        if isinstance(candidate, str) and candidate:
            try:
                return registry.resolve(candidate)
            except Exception:  # noqa: BLE001 - unknown name
                continue
    return None


def _declared_backend(server: str, info: dict[str, Any]) -> str:
    value = info.get("backend")
    return value if isinstance(value, str) and value else server


def _parse_requested(servers: Iterable[str]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for spec in servers:
        name, sep, version = spec.partition("=")
        out.append((name.strip(), version.strip() if sep else None))
    return out


@dataclass
class _Plan:
    """A column and what its cells are computed from."""

    column: Column
    #: The version string the server reports (``None``: any version, no gate by version).
    version_string: str | None = None
    nodeinfo: dict[str, Any] | None = None
    instance: dict[str, Any] | None = None
    requests: list[RecordedRequest] = field(default_factory=list)


@dataclass
class _Evidence:
    """What the recordings of one column say about its endpoints."""

    #: Endpoints a recorded request matched and the server answered successfully.
    verified: set[str] = field(default_factory=set)
    #: Endpoint -> the HTTP error statuses the server answered with.
    refused: dict[str, set[int]] = field(default_factory=dict)


def build_matrix(
    cassette_dir: Path | str | None = None,
    servers: Sequence[str] | None = None,
    registry: BackendRegistry | None = None,
    include_representative: bool = True,
) -> Matrix:
    """Build the compatibility matrix.

    ``cassette_dir`` defaults to :func:`default_cassette_dir` (``None`` there: no
    recordings; outside a checkout, the summaries installed packages ship, see
    :mod:`mastodon.recording_summary`). ``servers`` adds columns as ``"backend=version string"`` (or just
    ``"backend"`` for its representative versions); when given, only those columns and
    the recorded ones are shown unless ``include_representative`` is true.
    """
    if registry is None:
        registry = _quiet_registry()
    root = Path(cassette_dir) if cassette_dir is not None else default_cassette_dir()
    recorded = scan_cassettes(root) if root is not None else _packaged_servers()
    endpoints = _all_endpoints(registry)
    plans = _recorded_plans(registry, recorded)
    plans += _backend_plans(registry, _parse_requested(servers or ()), include_representative, plans)
    plans = _sorted_plans(_unique_plans(plans), registry)
    rows = _make_rows(endpoints)
    for plan in plans:
        _fill_column(registry, plan, endpoints, rows)
    return Matrix(
        columns=[plan.column for plan in plans],
        rows=rows,
        backends={name: _summarise_backend(registry, name) for name in registry.backends},
        cassette_dir=str(root) if root is not None else None,
    )


def _packaged_servers() -> list[RecordedServer]:
    from .recording_summary import packaged_servers

    return packaged_servers()


def _quiet_registry() -> BackendRegistry:
    """The installed backends; a half-installed tree still gets a matrix (warnings muted)."""
    from .plugins import get_registry

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return get_registry()


def _all_endpoints(registry: BackendRegistry) -> dict[str, Endpoint]:
    """The core's endpoints, then those installed backends add (a core name wins)."""
    from .endpoints import ENDPOINTS

    endpoints: dict[str, Endpoint] = dict(ENDPOINTS)
    try:
        extras = registry.extra_endpoints()
    except Exception:  # noqa: BLE001 - a plugin bug must not break the report
        extras = {}
    for name, ep in extras.items():
        endpoints.setdefault(name, ep)
    return endpoints


# -- columns ------------------------------------------------------------------------------


def _recorded_plans(registry: BackendRegistry, recorded: Iterable[RecordedServer]) -> list[_Plan]:
    return [_recorded_plan(registry, rec) for rec in recorded]


def _recorded_plan(registry: BackendRegistry, rec: RecordedServer) -> _Plan:
    """A column for one recorded server, gated by its backend when that is installed."""
    backend = _resolve_backend(registry, rec.server, rec.info)
    counts = f"recorded ({rec.cassettes} cassettes, {rec.request_count} requests)"
    if backend is not None:
        detail = f"{counts}; backend {backend}"
    else:
        detail = f"{counts}; backend not installed ({_declared_backend(rec.server, rec.info)})"
    column = Column(
        key=f"{rec.server} {rec.version}",
        server=rec.server,
        version=rec.version,
        backend=backend if backend is not None else _declared_backend(rec.server, rec.info),
        backend_installed=backend is not None,
        source="recorded",
        cassettes=rec.cassettes,
        recorded_requests=rec.request_count,
        detail=detail,
    )
    return _Plan(
        column,
        version_string=rec.version_string,
        nodeinfo=_mapping(rec.info.get("nodeinfo")),
        instance=_mapping(rec.info.get("instance")),
        requests=rec.requests,
    )


def _mapping(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _backend_plans(
    registry: BackendRegistry,
    requested: list[tuple[str, str | None]],
    include_representative: bool,
    recorded: list[_Plan],
) -> list[_Plan]:
    """Columns for the requested backends and versions, then representative ones."""
    requested_names = {name for name, _ in requested}
    return [
        _backend_plan(name, version, "requested" if name in requested_names else "representative")
        for name, version in _wanted_versions(registry, requested, include_representative, recorded)
    ]


def _wanted_versions(
    registry: BackendRegistry,
    requested: list[tuple[str, str | None]],
    include_representative: bool,
    recorded: list[_Plan],
) -> list[tuple[str, str]]:
    """``(backend, version string)`` pairs: requested first, then each backend's samples.

    A backend that has recorded columns gets no representative ones unless requested.
    """
    wanted: list[tuple[str, str]] = []
    for name, version in requested:
        backend_name = registry.resolve(name)
        info = registry.backends.get(backend_name)
        versions = (version,) if version else (info.sample_versions if info else ()) or ("",)
        wanted.extend((backend_name, v) for v in versions)
    if include_representative or not requested:
        recorded_backends = {plan.column.backend for plan in recorded if plan.column.backend_installed}
        requested_names = {name for name, _ in requested}
        for name, info in registry.backends.items():
            if name in recorded_backends and name not in requested_names:
                continue
            for version in info.sample_versions or ("",):
                if (name, version) not in wanted:
                    wanted.append((name, version))
    return wanted


def _backend_plan(name: str, version: str, source: str) -> _Plan:
    label = _short_version(version) if version else "any"
    column = Column(
        key=f"{name} {label}",
        server=name,
        version=label,
        backend=name,
        backend_installed=True,
        source=source,
        detail=f"backend {name}, version string {version!r}" if version else f"backend {name}, any version",
    )
    return _Plan(column, version_string=version or None)


def _unique_plans(plans: list[_Plan]) -> list[_Plan]:
    """The first plan for each column key."""
    seen: dict[str, _Plan] = {}
    for plan in plans:
        seen.setdefault(plan.column.key, plan)
    return list(seen.values())


def _sorted_plans(plans: list[_Plan], registry: BackendRegistry) -> list[_Plan]:
    """Installed backends first, in registry order, then by server and version."""
    order = {name: i for i, name in enumerate(registry.backends)}

    def key(plan: _Plan) -> tuple[Any, ...]:
        c = plan.column
        return (0 if c.backend_installed else 1, order.get(c.backend or "", 99), c.server, _version_key(c.version))

    return sorted(plans, key=key)


# -- rows and cells -----------------------------------------------------------------------


def _make_rows(endpoints: dict[str, Endpoint]) -> list[Row]:
    """One empty row per endpoint, grouped by API area in the endpoint tables' order."""
    areas = endpoint_areas()
    rows = [
        Row(
            name=ep.name,
            area=areas.get(ep.name, "extras"),
            section=ep.section,
            method=ep.method,
            path=ep.path,
            added=ep.added,
            changed=ep.last_changed,
            mainline=ep.mainline,
        )
        for ep in endpoints.values()
    ]
    area_order = {area: i for i, area in enumerate(dict.fromkeys(areas.values()))}
    rows.sort(key=lambda r: area_order.get(r.area, len(area_order)))
    return rows


def _fill_column(registry: BackendRegistry, plan: _Plan, endpoints: dict[str, Endpoint], rows: list[Row]) -> None:
    """Set every row's cell for one column from its backend's gates and its recordings."""
    column = plan.column
    gates = _column_gates(registry, plan, endpoints)
    evidence = _evidence(plan.requests, endpoints, gates)
    for row in rows:
        row.cells[column.key] = _cell(gates.get(row.name), row.name, evidence)


def _column_gates(registry: BackendRegistry, plan: _Plan, endpoints: dict[str, Endpoint]) -> dict[str, Cell]:
    """Endpoint -> what the column's backend says before any request (empty: not installed).

    Sets the column's ``mastodon_version`` to the version the backend gates by.
    """
    from .backend_types import ServerContext
    from .pipeline import RequestPipeline
    from .transport import Transport

    column = plan.column
    if not column.backend_installed or column.backend is None:
        return {}
    hooks = registry.hooks_for(column.backend)
    server_version = None
    if plan.version_string:
        server_version = _parse_version(hooks, plan.version_string)
        column.mastodon_version = server_version.mastodon_string
    ctx = ServerContext(
        api_base_url="https://server.invalid",
        backend=column.backend,
        feature_set=column.backend,
        version=server_version,
        nodeinfo=plan.nodeinfo,
        instance=plan.instance,
    )
    pipeline = RequestPipeline(ctx, hooks, Transport("https://server.invalid"))
    return {name: _gate_cell(pipeline, ctx, ep) for name, ep in endpoints.items()}


def _parse_version(hooks: Any, version_string: str) -> Any:
    from .detection import parse_server_version

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parse_server_version(hooks, version_string)


def _evidence(requests: Iterable[RecordedRequest], endpoints: dict[str, Endpoint], gates: dict[str, Cell]) -> _Evidence:
    """Match recorded requests to endpoints (mainline paths and the backend's routes)."""
    evidence = _Evidence()
    if not requests:
        return evidence
    matcher = _Matcher()
    for ep in endpoints.values():
        if ep.mainline:
            matcher.add(ep.method, ep.path, ep.name)
    for name, gate in gates.items():
        if gate.route:
            method, _, template = gate.route.partition(" ")
            matcher.add(method, template, name)
    for method, uri, status in requests:
        names = matcher.match(method, urlsplit(uri).path)
        if status is None or status < 400:
            evidence.verified.update(names)
        else:
            for name in names:
                evidence.refused.setdefault(name, set()).add(status)
    return evidence


def _cell(gate: Cell | None, name: str, evidence: _Evidence) -> Cell:
    """One cell: recorded success wins, then the gate (with recorded refusals noted)."""
    if name in evidence.verified:
        reason = None
        if gate is not None and gate.status == GATED:
            reason = f"recorded although gated ({gate.reason})"
        return Cell(RECORDED, reason, gate.route if gate else None)
    if name in evidence.refused:
        codes = ", ".join(str(c) for c in sorted(evidence.refused[name]))
        note = f"recorded, but the server answered HTTP {codes}"
        if gate is None:
            return Cell(UNKNOWN, note)
        return Cell(gate.status, f"{gate.reason}; {note}" if gate.reason else note, gate.route)
    if gate is not None:
        return gate
    return Cell(UNKNOWN, "backend not installed; no recorded request")


def _gate_cell(pipeline: Any, ctx: Any, ep: Endpoint) -> Cell:
    """What the backend says about one endpoint: refused (with why), routed, or available."""
    from .errors import MastodonVersionError

    try:
        pipeline.check_gate(ep)
    except MastodonVersionError as exc:
        return Cell(GATED, str(exc))
    except Exception as exc:  # noqa: BLE001 - a plugin bug must not break the report
        return Cell(GATED, f"gate hook failed: {exc}")
    route = None
    try:
        params: dict[str, Any] = {}
        found = pipeline.hooks.route(ctx, ep, params)
        if found is not None:
            route = f"{found.method.upper()} {found.path}"
    except Exception:  # noqa: BLE001 - a route that needs real arguments; keep the default
        found = None
    if found is None and not ep.mainline:
        return Cell(NOT_APPLICABLE, "no route for this server-specific endpoint")
    if route is not None and route == f"{ep.method.upper()} {ep.path}":
        route = None
    return Cell(AVAILABLE, _beyond_version_note(pipeline.hooks, ctx, ep), route)


def _beyond_version_note(hooks: Any, ctx: Any, ep: Endpoint) -> str | None:
    """Why an endpoint newer than the server's reported Mastodon version is available, if so."""
    from .versions import format_version, parse_version_tuple

    version = ctx.version
    if ep.name not in hooks.served_beyond_version or version is None or not version.gates:
        return None
    if parse_version_tuple(ep.added) <= version.mastodon:
        return None
    return (
        f"served although added in Mastodon {ep.added}, newer than the reported "
        f"{format_version(version.mastodon)} (the backend declares it)"
    )


def _short_version(version: str) -> str:
    """``"2.7.2 (compatible; Pleroma 2.6.0)"`` -> ``"2.6.0"``; ``"takahe/0.11.0"`` -> ``"0.11.0"``."""
    found = re.findall(r"\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?", version)
    return found[-1] if found else version


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version)[:3]) or (0,)


def iter_marks(matrix: Matrix, ascii_only: bool = False) -> Iterator[tuple[str, str]]:
    marks = ASCII_MARKS if ascii_only else MARKS
    for state, meaning in LEGEND.items():
        yield marks[state], meaning


__all__ = [
    "RECORDED",
    "AVAILABLE",
    "GATED",
    "NOT_APPLICABLE",
    "UNKNOWN",
    "MARKS",
    "ASCII_MARKS",
    "LEGEND",
    "Column",
    "Cell",
    "Row",
    "BackendSummary",
    "Matrix",
    "RecordedServer",
    "RecordedRequest",
    "read_cassette",
    "scan_cassettes",
    "default_cassette_dir",
    "template_regex",
    "endpoint_areas",
    "build_matrix",
    "iter_marks",
]
