"""The repository's request-level test fixtures: the public HTTP mock plus ``documented``.

``documented(name, backend)`` loads the labelled documented-response fixtures under
``tests/fixtures/documented`` (written from server docs, never recorded).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mastodon.testing.mock_http import MockHTTP, Sent, api, make_api, make_session, mock_http

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documented"


def documented(name: str, backend: str = "mainline") -> Any:
    """Load a documented-response fixture (written from server docs, not recorded)."""
    path = FIXTURES / backend / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


__all__ = ["FIXTURES", "MockHTTP", "Sent", "api", "documented", "make_api", "make_session", "mock_http"]
