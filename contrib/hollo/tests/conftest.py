"""The Hollo backend's tests: offline ones on the library's HTTP mock, and recorded ones on
the repository's ``tests/cassettes/hollo/`` (which they can also record), through the
library's live-test plugin :mod:`mastodon.testing.live`. See docs/recording.md."""

from __future__ import annotations

import sys
from pathlib import Path

import mastodon.testing.live as live_support

REPO = Path(__file__).resolve().parents[3]
if str(REPO / "tests") not in sys.path:  # the shared live-test helpers in tests/live
    sys.path.insert(0, str(REPO / "tests"))
if live_support.DEFAULT_CASSETTE_ROOT is None:
    live_support.DEFAULT_CASSETTE_ROOT = REPO / "tests" / "cassettes"

pytest_plugins = ["mastodon.testing.live", "mastodon.testing.mock_http"]
