"""Async refreshes: background work (a timeline rebuilt, remote results fetched) a response announced.

A response may carry a ``Mastodon-Async-Refresh: id="...", retry=<s>, result_count=<n>``
header; the pipeline keeps it on the result (``_async_refresh``), and these methods read it
and ask the server how the work is going.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from ..base import MastodonBase
from ..endpoints import async_refreshes as E
from ..entities import AttribAccessDict
from ..errors import MastodonIllegalArgumentError
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import AsyncRefresh

_FIELD = r'(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))'
#: Seconds between polls: when the server names no retry time, at least, and at most.
DEFAULT_RETRY = 1
MIN_RETRY = 1.0
MAX_RETRY = 60.0


def parse_async_refresh_header(value: str) -> dict[str, str]:
    """The fields of a ``Mastodon-Async-Refresh`` header value."""
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in re.finditer(_FIELD, value)}


def _retry_seconds(fields: dict[str, str]) -> int:
    retry = fields.get("retry", "")
    return int(retry) if retry.isdigit() else int(DEFAULT_RETRY)


class AsyncRefreshesAPI(MastodonBase):
    def get_async_refresh_info(self, result: Any) -> tuple[AsyncRefresh, int] | None:
        """The async refresh a result announced, as ``(async refresh, seconds to wait before retrying)``.

        ``None`` when the response carried no announcement. The async refresh has the
        ``id``, a ``status`` of "running" and, when the server said, a ``result_count``.
        """
        header = getattr(result, "_async_refresh", None)
        if not isinstance(header, str):
            return None
        fields = parse_async_refresh_header(header)
        if not fields.get("id"):
            return None
        refresh = AttribAccessDict(id=fields["id"], status="running")
        if fields.get("result_count", "").isdigit():
            refresh["result_count"] = int(fields["result_count"])
        return _typed(refresh), _retry_seconds(fields)

    @api_method(E.async_refresh, body=True)
    def get_async_refresh_status(self, result_or_id: Any) -> AsyncRefresh:
        """The current state of an async refresh: ``status`` "running" or "finished", maybe ``result_count``.

        Takes the result that announced it, an async refresh dict, or its id.
        """
        info = self.get_async_refresh_info(result_or_id)
        if info is not None:
            refresh_id = info[0]["id"]
        elif isinstance(result_or_id, dict) and result_or_id.get("id"):
            refresh_id = result_or_id["id"]
        elif isinstance(result_or_id, (str, int)) and not isinstance(result_or_id, bool) and str(result_or_id):
            refresh_id = result_or_id
        else:
            raise MastodonIllegalArgumentError("Pass a result that announced an async refresh, an async refresh or its id")
        answer = self._pipeline.call(E.async_refresh, {"id": refresh_id})
        return _typed(answer["async_refresh"])

    @api_method(E.async_refresh, body=True)
    def await_async_refresh(self, result: Any, timeout: float = 0.0, max_attempts: int = -1) -> AsyncRefresh | None:
        """Wait for the async refresh ``result`` announced to finish; its last state.

        Polls after the wait the server asks for (kept between 1 and 60 seconds).
        ``timeout`` (seconds, 0 for none) and ``max_attempts`` (polls, -1 for no limit)
        bound the wait: the state returned then may still be "running". ``None`` when
        ``result`` announced no async refresh.
        """
        info = self.get_async_refresh_info(result)
        if info is None:
            return None
        refresh, retry = info
        deadline = time.monotonic() + timeout if timeout > 0 else None
        attempts = 0
        while max_attempts < 0 or attempts < max_attempts:
            wait = min(max(float(retry), MIN_RETRY), MAX_RETRY)
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                wait = min(wait, left)
            time.sleep(wait)
            refresh = self.get_async_refresh_status(refresh)
            attempts += 1
            if refresh.get("status") != "running":
                break
        return refresh


def _typed(refresh: Any) -> Any:
    from ..entity_types import entity_class, retype

    return retype(refresh, entity_class("AsyncRefresh"))


__all__ = ["AsyncRefreshesAPI", "parse_async_refresh_header"]
