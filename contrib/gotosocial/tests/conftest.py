"""The GoToSocial backend's tests run on the recordings in the repository's
``tests/cassettes/gotosocial/`` (and can record them), through the repository's live-test
support (``tests/support/live.py``). See docs/recording.md."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
if str(REPO / "tests") not in sys.path:
    sys.path.insert(0, str(REPO / "tests"))

pytest_plugins = ["support.live"]
