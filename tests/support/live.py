"""The repository's live/record/replay support is the public :mod:`mastodon.testing.live`."""

from mastodon.testing.live import *  # noqa: F403
from mastodon.testing.live import __all__  # noqa: F401
