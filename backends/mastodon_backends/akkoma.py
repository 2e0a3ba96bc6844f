"""The Akkoma backend: Pleroma's hooks (it ``extends`` ``pleroma``) plus what Akkoma adds.

- **Quotes**: ``status_post(quote_id=...)`` is sent (Akkoma's status operation takes
  ``quote_id``; mainline's ``quoted_status_id`` is sent as ``quote_id`` too); plain Pleroma
  refuses it before a request.
- **Detection**: nodeinfo ``software.name == "akkoma"``, or an instance version string
  ``"... (compatible; Akkoma x.y.z)"``. Version parsing is Pleroma's (same string form,
  ``software == "akkoma"``).
- **Gates** are Pleroma's; the endpoints they leave to the reported Mastodon version
  (2.7.2) are refused with a note saying so (Akkoma's route table was not checked).
- Akkoma 3.2 and later put ``emoji_reactions`` (with ``account_ids``) on the status
  itself; the Pleroma normalisation keeps them in the shared shape.
"""

from __future__ import annotations

from typing import Any

from mastodon.plugin import BackendInfo, BackendMatch, Endpoint, ServerContext, hookimpl

NAME = "akkoma"
#: Pleroma's features (every backend declares its full set) plus quotes.
FEATURES = frozenset(
    {"emoji_reactions", "local_only", "list_visibility", "content_type", "expiring_statuses", "quotes"}
)


#: Why the endpoints Pleroma's gates leave to the reported Mastodon version are refused.
VERSION_GATE_NOTE = (
    "Akkoma's gates follow the Mastodon API level it reports (2.7.2, as Pleroma's); Akkoma's "
    "route table was not checked, so the server may serve this anyway (version_check_mode='none' sends it)"
)


@hookimpl
def mastodon_backend_info() -> BackendInfo:
    return BackendInfo(
        NAME,
        "Akkoma: Pleroma's API plus quotes",
        extends="pleroma",
        features=FEATURES,
        visibilities=("local", "list:"),
        max_media_attachments=None,
        sample_versions=("2.7.2 (compatible; Akkoma 3.10.0)",),
        version_gate_note=VERSION_GATE_NOTE,
        # Akkoma takes types[] (its include_types[] is deprecated): sent as it is.
        params_beyond_version=frozenset({"notifications.types"}),
    )


@hookimpl
def mastodon_detect_backend(nodeinfo: dict[str, Any] | None, instance: dict[str, Any] | None) -> BackendMatch | None:
    software = ((nodeinfo or {}).get("software") or {}).get("name")
    if isinstance(software, str) and software.lower() == NAME:
        return BackendMatch(NAME, 100, "nodeinfo software.name is 'akkoma'")
    upstream = (((nodeinfo or {}).get("metadata") or {}).get("upstream") or {})
    if isinstance(upstream, dict) and str(upstream.get("name", "")).lower() == NAME:
        return BackendMatch(NAME, 80, "nodeinfo metadata.upstream names Akkoma")
    version = (instance or {}).get("version")
    if isinstance(version, str) and "compatible; akkoma" in version.lower():
        # Akkoma's instance also has Pleroma's fields (pleroma backend: 50): beat that.
        return BackendMatch(NAME, 55, f"version string {version!r}")
    return None


@hookimpl
def mastodon_prepare_params(
    ctx: ServerContext, endpoint: Endpoint, params: dict[str, Any], extensions: dict[str, Any]
) -> None:
    if endpoint.name == "status_post":
        if "quote_id" in extensions:
            params["quote_id"] = extensions.pop("quote_id")
