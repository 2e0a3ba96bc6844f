"""The :class:`Mastodon` client: every API area mixed into one class.

The areas (the modules of ``mastodon.api``) are bound to the class at its first use (the
first method looked up on the class or on a client, ``dir()``, or a subclass being
defined), not when the package is imported: most of the package's size is there, and a
program that imports ``mastodon`` but builds no client pays nothing for it. Once bound,
the class is exactly the mixin class written out below for type checkers.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

from .base import MastodonBase

#: The API areas in method-resolution order: (module of ``mastodon.api``, mixin class).
API_AREAS: tuple[tuple[str, str], ...] = (
    ("auth", "AuthAPI"),
    ("instance", "InstanceAPI"),
    ("timelines", "TimelinesAPI"),
    ("statuses", "StatusesAPI"),
    ("collections", "CollectionsAPI"),
    ("notifications", "NotificationsAPI"),
    ("accounts", "AccountsAPI"),
    ("lists", "ListsAPI"),
    ("tags", "TagsAPI"),
    ("trends", "TrendsAPI"),
    ("search", "SearchAPI"),
    ("filters", "FiltersAPI"),
    ("annual_reports", "AnnualReportsAPI"),
    ("async_refreshes", "AsyncRefreshesAPI"),
    ("emails", "EmailsAPI"),
    ("misc", "MiscAPI"),
    ("media", "MediaAPI"),
    ("push", "PushAPI"),
    ("admin", "AdminAPI"),
    ("blurhash", "BlurhashAPI"),
    ("streaming", "StreamingAPI"),
)

_bind_lock = threading.RLock()
_bound = False
#: The thread binding the areas right now: names it looks up meanwhile are simply missing.
_binding_thread: int | None = None


def bind_api_areas() -> None:
    """Make every API area's methods part of :class:`Mastodon` (idempotent, thread-safe).

    Happens by itself at the class's first use; call it to pay the cost at a moment of
    your choosing.
    """
    global _bound, _binding_thread
    if _bound:
        return
    with _bind_lock:  # other threads wait here until the areas are bound
        if _bound or _binding_thread is not None:
            return
        _binding_thread = threading.get_ident()
        try:
            bases = tuple(getattr(importlib.import_module(f"{__package__}.api.{module}"), name) for module, name in API_AREAS)
            Mastodon.__bases__ = bases
            _bound = True
        finally:
            _binding_thread = None


def _surely_missing(name: str) -> bool:
    """Whether a name not found needs no binding first (bound already, a dunder, or asked while binding)."""
    return _bound or (name.startswith("__") and name.endswith("__")) or _binding_thread == threading.get_ident()


class _BindsAreasOnFirstUse(type):
    """Metaclass of :class:`Mastodon`: a name not found on the class binds the API areas first."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> Any:
        if any(isinstance(base, mcs) for base in bases):
            bind_api_areas()  # a subclass: its method resolution order must include the areas
        return super().__new__(mcs, name, bases, namespace, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        if _surely_missing(name):
            raise AttributeError(f"type object {cls.__name__!r} has no attribute {name!r}")
        bind_api_areas()
        return getattr(cls, name)

    def __dir__(cls) -> list[str]:
        bind_api_areas()
        return list(super().__dir__())


if TYPE_CHECKING:
    from .api.accounts import AccountsAPI
    from .api.admin import AdminAPI
    from .api.annual_reports import AnnualReportsAPI
    from .api.async_refreshes import AsyncRefreshesAPI
    from .api.auth import AuthAPI
    from .api.blurhash import BlurhashAPI
    from .api.collections import CollectionsAPI
    from .api.emails import EmailsAPI
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
    from .api.tags import TagsAPI
    from .api.timelines import TimelinesAPI
    from .api.trends import TrendsAPI

    class Mastodon(  # what the class is once its areas are bound (a test checks that they agree)
        AuthAPI,
        InstanceAPI,
        TimelinesAPI,
        StatusesAPI,
        CollectionsAPI,
        NotificationsAPI,
        AccountsAPI,
        ListsAPI,
        TagsAPI,
        TrendsAPI,
        SearchAPI,
        FiltersAPI,
        AnnualReportsAPI,
        AsyncRefreshesAPI,
        EmailsAPI,
        MiscAPI,
        MediaAPI,
        PushAPI,
        AdminAPI,
        BlurhashAPI,
        StreamingAPI,
    ):
        """A client for one server's Mastodon API."""

else:

    class Mastodon(MastodonBase, metaclass=_BindsAreasOnFirstUse):
        """A client for one server's Mastodon API.

        ``Mastodon(client_id=None, client_secret=None, access_token=None, api_base_url=None,
        debug_requests=False, ratelimit_method='wait', ratelimit_pacefactor=1.1,
        request_timeout=300, mastodon_version=None, version_check_mode='created',
        session=None, feature_set='mainline', user_agent='mastodonpy', *, plugins=None)``

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
        "auto" to detect it from the server. ``plugins`` (keyword only, this library's own)
        lists plugins for this client alone, without installing them: objects or modules
        with ``@hookimpl`` functions; a backend among them can be chosen by ``feature_set``.
        """

        def __getattr__(self, name: str) -> Any:
            if _surely_missing(name):
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            bind_api_areas()
            return getattr(self, name)


__all__ = ["Mastodon", "API_AREAS", "bind_api_areas"]
