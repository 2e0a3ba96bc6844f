"""The data types that describe an API endpoint. Endpoint tables are built from these."""

from __future__ import annotations

from typing import Literal

from ..records import Record, field

ParamKind = Literal["value", "flag", "id", "ids", "list", "file", "json"]
BodyKind = Literal["form", "json"]


class Param(Record, frozen=True):
    """One parameter of an endpoint.

    ``kind`` says how the value is encoded:

    - ``value``: sent as is; ``True``/``False`` become ``"1"``/``"0"``, datetimes ISO 8601,
      lists ``name[]=a&name[]=b``;
    - ``flag``: a boolean sent as ``"1"`` when true and left out when false;
    - ``id``: a dict with an ``id`` is unpacked; a datetime becomes an id through the
      backend (snowflake ids on mainline);
    - ``ids``: a list of such ids (a single id is wrapped), sent as ``name[]``;
    - ``list``: a list of plain values sent as ``name[]``;
    - ``file``: uploaded as a multipart file;
    - ``json``: a nested object, only meaningful in JSON bodies.

    ``wire`` overrides the name on the wire. ``added`` gates the parameter on a Mastodon
    version. ``extension`` marks a parameter mainline does not know: it is encoded by its
    ``kind`` like any other but dropped unless the active backend's
    ``mastodon_prepare_params`` hook takes it. ``feature`` names a server extra (a
    ``BackendInfo.features`` entry such as ``"quotes"``): passing the parameter to a
    backend that does not declare it raises :class:`MastodonBackendFeatureError` before
    anything is sent.
    """

    name: str
    kind: ParamKind = "value"
    wire: str | None = None
    added: str | None = None
    extension: bool = False
    feature: str | None = None

    # Written out (not the generic Record one): hundreds are built when the package loads.
    def __init__(
        self,
        name: str,
        kind: ParamKind = "value",
        wire: str | None = None,
        added: str | None = None,
        extension: bool = False,
        feature: str | None = None,
    ) -> None:
        setter = object.__setattr__
        setter(self, "name", name)
        setter(self, "kind", kind)
        setter(self, "wire", wire)
        setter(self, "added", added)
        setter(self, "extension", extension)
        setter(self, "feature", feature)

    @property
    def wire_name(self) -> str:
        if self.wire is not None:
            return self.wire
        if self.kind in ("ids", "list"):
            return self.name + "[]"
        return self.name


class Endpoint(Record, frozen=True):
    """An API call: route, parameters, result and version gate.

    ``added``/``changed`` are the Mastodon versions from the reference ("Added: Mastodon
    vX, last changed: Mastodon vY"). ``returns`` names the entity type (``"Status"``, a
    list as ``"[Status]"``). ``mainline`` is ``False`` for calls that exist only on some
    servers: they need a backend to supply the route.
    """

    name: str
    method: str
    path: str
    params: tuple[Param, ...] = ()
    returns: str = "dict"
    added: str = "1.0.0"
    changed: str | None = None
    body: BodyKind = "form"
    section: str = ""
    mainline: bool = True
    path_fields: tuple[str, ...] = field(init=False, default=())
    params_by_name: dict[str, Param] = field(init=False, default_factory=dict, compare=False)

    # Written out (not the generic Record one): every endpoint is built when the package loads.
    def __init__(
        self,
        name: str,
        method: str,
        path: str,
        params: tuple[Param, ...] = (),
        returns: str = "dict",
        added: str = "1.0.0",
        changed: str | None = None,
        body: BodyKind = "form",
        section: str = "",
        mainline: bool = True,
    ) -> None:
        setter = object.__setattr__
        setter(self, "name", name)
        setter(self, "method", method)
        setter(self, "path", path)
        setter(self, "params", params)
        setter(self, "returns", returns)
        setter(self, "added", added)
        setter(self, "changed", changed)
        setter(self, "body", body)
        setter(self, "section", section)
        setter(self, "mainline", mainline)
        setter(self, "path_fields", tuple(piece.partition("}")[0] for piece in path.split("{")[1:]))
        setter(self, "params_by_name", {p.name: p for p in params})

    @property
    def mainline_params(self) -> tuple[Param, ...]:
        """The parameters mainline Mastodon takes: ``params`` without the extension ones.

        What a backend starts from when it declares its own variant of an endpoint.
        """
        return tuple(p for p in self.params if not p.extension)

    @property
    def last_changed(self) -> str:
        return self.changed or self.added

    @property
    def version_note(self) -> str:
        return format_version_note(self.added, self.changed)


def format_version_note(added: str, changed: str | None = None) -> str:
    """The reference's version line: ``Added: Mastodon vX, last changed: Mastodon vY``."""
    return f"Added: Mastodon v{added}, last changed: Mastodon v{changed or added}"


def endpoint(
    name: str,
    method: str,
    path: str,
    *params: Param | str,
    **kwargs: object,
) -> Endpoint:
    """Shorthand for tables: bare strings become plain ``value`` parameters."""
    built = tuple(p if isinstance(p, Param) else Param(p) for p in params)
    return Endpoint(name, method, path, built, **kwargs)  # type: ignore[arg-type]


def ID(name: str, **kw: object) -> Param:  # noqa: N802 - table shorthand
    return Param(name, "id", **kw)  # type: ignore[arg-type]


def IDS(name: str, **kw: object) -> Param:  # noqa: N802
    return Param(name, "ids", **kw)  # type: ignore[arg-type]


def LIST(name: str, **kw: object) -> Param:  # noqa: N802
    return Param(name, "list", **kw)  # type: ignore[arg-type]


def FILE(name: str, **kw: object) -> Param:  # noqa: N802
    return Param(name, "file", **kw)  # type: ignore[arg-type]


def FLAG(name: str, **kw: object) -> Param:  # noqa: N802
    return Param(name, "flag", **kw)  # type: ignore[arg-type]


def EXT(name: str, kind: ParamKind = "value", **kw: object) -> Param:  # noqa: N802
    return Param(name, kind, extension=True, **kw)  # type: ignore[arg-type]


#: The four pagination parameters every paginated endpoint takes.
PAGINATION = (ID("max_id"), ID("min_id"), ID("since_id"), Param("limit"))

__all__ = ["Param", "Endpoint", "ParamKind", "BodyKind", "endpoint", "format_version_note", "ID", "IDS", "LIST", "FILE", "FLAG", "EXT", "PAGINATION"]
