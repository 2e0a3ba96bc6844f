"""Keyword filters (v1) and applying them client-side."""

from __future__ import annotations

import pytest

from live.helpers import ids

pytestmark = pytest.mark.servers("gotosocial")


def test_filter_lifecycle(live_api):
    created = live_api.filter_create("livefilterword", ["home", "public"], whole_word=True, expires_in=86400)
    try:
        assert created.phrase == "livefilterword"
        assert set(created.context) == {"home", "public"}
        assert created.whole_word is True
        assert created.id in ids(live_api.filters())
        assert live_api.filter(created).phrase == "livefilterword"
        updated = live_api.filter_update(created, phrase="otherfilterword", context=["notifications"], whole_word=False)
        assert (updated.phrase, updated.context, updated.whole_word) == ("otherfilterword", ["notifications"], False)
    finally:
        assert live_api.filter_delete(created) is None
    assert created.id not in ids(live_api.filters())


def test_filters_apply(live_api):
    keyword_filter = live_api.filter_create("brussels", ["home"], whole_word=True)
    spoiled = live_api.status_post("We ate brussels sprouts", visibility="private")
    clean = live_api.status_post("We ate carrots", visibility="private")
    try:
        filters = live_api.filters()
        assert live_api.filters_apply([spoiled, clean], filters, "home") == [clean]
        assert live_api.filters_apply([spoiled, clean], filters, "public") == [spoiled, clean]
    finally:
        live_api.status_delete(spoiled)
        live_api.status_delete(clean)
        live_api.filter_delete(keyword_filter)
