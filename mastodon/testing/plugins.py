"""Fixtures and helpers for testing a backend plugin on its own, offline.

Load them with the HTTP mock in a ``conftest.py``::

    pytest_plugins = ["mastodon.testing.mock_http", "mastodon.testing.plugins"]

- ``plugin_registry``: for one test, a plugin registry holding only the built-in backends
  (no installed plugins); register the plugin under test with
  :func:`mastodon.plugin.register_plugin`. It is thrown away after the test.
- :func:`serve_server`: answers the requests ``feature_set="auto"`` makes to learn what a
  server is (the nodeinfo index and document, the v1 and v2 instance documents) from the
  HTTP mock, for detection tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .mock_http import MockHTTP

#: The nodeinfo schema :func:`serve_server` lists.
NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.0"


@pytest.fixture
def plugin_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A registry with the built-in backends only, used by every client made during the test."""
    from .. import plugins

    registry = plugins.BackendRegistry(plugins.make_plugin_manager(load_entry_points=False))
    monkeypatch.setattr(plugins, "_registry", registry)
    yield registry


def serve_server(
    mock: MockHTTP,
    *,
    software: str | None = None,
    software_version: str = "1.0.0",
    nodeinfo: dict[str, Any] | None = None,
    instance: dict[str, Any] | None = None,
    instance_v2: dict[str, Any] | None = None,
    base_url: str = "https://mastodon.example",
) -> None:
    """Have ``mock`` describe a server as detection asks: nodeinfo, ``/api/v1/instance``, ``/api/v2/instance``.

    ``software`` (with ``software_version``) makes a minimal nodeinfo document naming the
    software; ``nodeinfo`` gives the whole document instead. Without either the server has
    no nodeinfo (404). ``instance`` defaults to a document with only a version string
    (``software_version``); ``instance_v2`` is served when given (404 otherwise). ``base_url``
    is the server's address, where the nodeinfo index points (``make_api``'s default).
    """
    if nodeinfo is None and software is not None:
        nodeinfo = {"version": "2.0", "software": {"name": software, "version": software_version}}
    if nodeinfo is not None:
        mock.add("GET", "/.well-known/nodeinfo", {"links": [{"rel": NODEINFO_SCHEMA, "href": f"{base_url}/nodeinfo/2.0"}]})
        mock.add("GET", "/nodeinfo/2.0", nodeinfo)
    mock.add("GET", "/api/v1/instance", instance if instance is not None else {"version": software_version})
    if instance_v2 is not None:
        mock.add("GET", "/api/v2/instance", instance_v2)


__all__ = ["NODEINFO_SCHEMA", "plugin_registry", "serve_server"]
