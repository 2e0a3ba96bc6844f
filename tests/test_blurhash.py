"""Blurhash decoding of media dicts."""

from __future__ import annotations

import sys
from typing import Any

import blurhash
import pytest

from mastodon import AttribAccessDict, MastodonIllegalArgumentError
from mastodon.decode import decode_value
from mastodon.extras import MastodonMissingExtraError

ORANGE = (200, 100, 50)


def image(width: int, height: int, colour: Any) -> list[list[list[int]]]:
    return [[list(colour(x, y)) for x in range(width)] for y in range(height)]


@pytest.fixture
def uniform_hash() -> str:
    return str(blurhash.encode(image(8, 6, lambda x, y: ORANGE), components_x=1, components_y=1))


@pytest.fixture
def split_hash() -> str:
    """Left half red, right half blue, encoded with 4x3 components."""
    pixels = image(32, 24, lambda x, y: (230, 20, 20) if x < 16 else (20, 20, 230))
    return str(blurhash.encode(pixels, components_x=4, components_y=3))


def media(hash_: str | None) -> AttribAccessDict:
    return decode_value({
        "id": "22345792",
        "type": "image",
        "url": "https://files.example/original/image.png",
        "preview_url": "https://files.example/small/image.png",
        "remote_url": None,
        "meta": {"original": {"width": 640, "height": 480}, "small": {"width": 461, "height": 346}},
        "description": None,
        "blurhash": hash_,
    })


def shape(pixels: list[Any]) -> tuple[int, int, set[int]]:
    return len(pixels), len(pixels[0]), {len(p) for row in pixels for p in row}


def test_default_size_is_per_component(api: Any, split_hash: str) -> None:
    pixels = api.decode_blurhash(media(split_hash))
    assert shape(pixels) == (3 * 16, 4 * 16, {3})


def test_per_component_size(api: Any, split_hash: str) -> None:
    pixels = api.decode_blurhash(media(split_hash), out_size=(2, 5))
    assert shape(pixels) == (3 * 5, 4 * 2, {3})


def test_absolute_size_is_width_by_height(api: Any, split_hash: str) -> None:
    pixels = api.decode_blurhash(media(split_hash), out_size=(7, 5), size_per_component=False)
    assert shape(pixels) == (5, 7, {3})


def test_uniform_colour_in_srgb(api: Any, uniform_hash: str) -> None:
    pixels = api.decode_blurhash(media(uniform_hash), out_size=(4, 4), size_per_component=False, return_linear=False)
    for row in pixels:
        for pixel in row:
            assert all(isinstance(c, int) for c in pixel)
            assert all(abs(c - want) <= 2 for c, want in zip(pixel, ORANGE))


def test_linear_is_the_default(api: Any, uniform_hash: str) -> None:
    pixels = api.decode_blurhash(media(uniform_hash), out_size=(3, 3), size_per_component=False)
    expected = [blurhash.srgb_to_linear(c) for c in ORANGE]
    for row in pixels:
        for pixel in row:
            assert all(isinstance(c, float) for c in pixel)
            assert pixel == pytest.approx(expected, abs=0.01)


def test_linear_and_srgb_agree(api: Any, split_hash: str) -> None:
    linear = api.decode_blurhash(media(split_hash), out_size=(4, 4))
    srgb = api.decode_blurhash(media(split_hash), out_size=(4, 4), return_linear=False)
    assert [[[blurhash.linear_to_srgb(c) for c in p] for p in row] for row in linear] == srgb


def test_approximate_colours(api: Any, split_hash: str) -> None:
    pixels = api.decode_blurhash(media(split_hash), out_size=(8, 8), return_linear=False)
    middle = len(pixels) // 2
    left, right = pixels[middle][2], pixels[middle][-3]
    assert left[0] > 150 and left[2] < 100, left
    assert right[2] > 150 and right[0] < 100, right


def test_plain_dict_is_accepted(api: Any, uniform_hash: str) -> None:
    pixels = api.decode_blurhash({"blurhash": uniform_hash}, out_size=(1, 1))
    assert shape(pixels) == (1, 1, {3})


@pytest.mark.parametrize("hash_", [None, ""])
def test_media_without_blurhash(api: Any, hash_: str | None) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="no blurhash"):
        api.decode_blurhash(media(hash_))


def test_media_dict_missing_the_key(api: Any) -> None:
    pleroma_remote = {"id": "1", "type": "image", "url": "https://remote.example/a.png", "meta": {}}
    with pytest.raises(MastodonIllegalArgumentError):
        api.decode_blurhash(pleroma_remote)


@pytest.mark.parametrize("hash_", ["short", "LEHV6nWB2yk8", "LEHV6nWB2yk8pyo0adR*.7kCMd~!"])
def test_invalid_blurhash(api: Any, hash_: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid blurhash"):
        api.decode_blurhash(media(hash_))


@pytest.mark.parametrize("size", [(0, 4), (4, -1), (1.5, 2), "16", (1, 2, 3), None])
def test_invalid_out_size(api: Any, uniform_hash: str, size: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="out_size"):
        api.decode_blurhash(media(uniform_hash), out_size=size)


def test_missing_extra(api: Any, uniform_hash: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "blurhash", None)
    with pytest.raises(MastodonMissingExtraError, match=r"pip install mastodon-fediverse\[blurhash\]") as info:
        api.decode_blurhash(media(uniform_hash))
    assert isinstance(info.value, MastodonIllegalArgumentError)
