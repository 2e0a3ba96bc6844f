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


def test_filter_v2_groups_keywords_and_statuses(live_api):
    status = live_api.status_post("A status to filter on its own", visibility="private")
    group = live_api.create_filter_v2(
        "live filter group", ["home", "thread"], "warn", keywords_attributes=[{"keyword": "livekeywordone", "whole_word": True}]
    )
    try:
        assert (group.title, set(group.context), group.filter_action) == ("live filter group", {"home", "thread"}, "warn")
        assert [k.keyword for k in group.keywords] == ["livekeywordone"]
        assert live_api.filter_v2(group).id == group.id
        updated = live_api.update_filter_v2(group, title="live filter group, renamed", filter_action="hide")
        assert (updated.id, updated.title, updated.filter_action) == (group.id, "live filter group, renamed", "hide")

        keyword = live_api.add_filter_keyword_v2(group, "livekeywordtwo", whole_word=False)
        assert (keyword.keyword, keyword.whole_word) == ("livekeywordtwo", False)
        assert {k.keyword for k in live_api.filter_keywords_v2(group)} == {"livekeywordone", "livekeywordtwo"}
        assert live_api.delete_filter_keyword_v2(keyword) is None
        assert [k.keyword for k in live_api.filter_keywords_v2(group)] == ["livekeywordone"]

        entry = live_api.add_filter_status_v2(group, status)
        assert entry.status_id == status.id
        assert ids(live_api.filter_statuses_v2(group)) == [entry.id]
        assert live_api.filter_status_v2(entry).status_id == status.id
        assert live_api.delete_filter_status_v2(entry) is None
        assert live_api.filter_statuses_v2(group) == []
    finally:
        assert live_api.delete_filter_v2(group) is None
        live_api.status_delete(status)
    assert group.id not in ids(live_api.filters_v2())
