"""The :class:`Mastodon` client: every API area mixed into one class."""

from __future__ import annotations

from .api.accounts import AccountsAPI
from .api.admin import AdminAPI
from .api.auth import AuthAPI
from .api.blurhash import BlurhashAPI
from .api.collections import CollectionsAPI
from .api.filters import FiltersAPI
from .api.instance import InstanceAPI
from .api.lists import ListsAPI
from .api.media import MediaAPI
from .api.misc import MiscAPI
from .api.notifications import NotificationsAPI
from .api.push import PushAPI
from .api.search import SearchAPI
from .api.statuses import StatusesAPI
from .api.streaming import StreamingAPI
from .api.timelines import TimelinesAPI


class Mastodon(
    AuthAPI,
    InstanceAPI,
    TimelinesAPI,
    StatusesAPI,
    CollectionsAPI,
    NotificationsAPI,
    AccountsAPI,
    ListsAPI,
    SearchAPI,
    FiltersAPI,
    MiscAPI,
    MediaAPI,
    PushAPI,
    AdminAPI,
    BlurhashAPI,
    StreamingAPI,
):
    """A client for one server's Mastodon API.

    ``Mastodon(client_id=None, client_secret=None, access_token=None, api_base_url=None,
    debug_requests=False, ratelimit_method='wait', ratelimit_pacefactor=1.1,
    request_timeout=300, mastodon_version=None, version_check_mode='created',
    session=None, feature_set='mainline', user_agent='mastodonpy')``

    ``client_id`` and ``access_token`` may name credential files (as written by
    ``create_app()`` and ``log_in()``); the base URL (and the app name, used as default
    User-Agent) are then read from them. Without a scheme, ``api_base_url`` gets
    ``https://``. ``ratelimit_method`` is "throw", "wait" (default) or "pace".
    The constructor sends nothing: without ``mastodon_version`` (or with
    ``feature_set="auto"``) the first call that needs the server's version or backend
    learns it, once, and an unreachable server fails that call, not the construction.
    ``mastodon_version`` skips asking the server for its version. ``version_check_mode`` is "created" (default: an
    endpoint the server's version does not have raises ``MastodonVersionError``),
    "changed" (also when its behaviour changed since) or "none". ``feature_set`` selects
    the backend: "mainline", "pleroma", "fedibird", an installed third-party backend, or
    "auto" to detect it from the server.
    """


__all__ = ["Mastodon"]
