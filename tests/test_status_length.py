"""get_status_length: a status's length as Mastodon counts it against its character limit."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError

LONG_URL = "https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Hello", 5),
        (LONG_URL, 23),
        ("http://a.example", 23),
        (f"read {LONG_URL}.", 5 + 23 + 1),  # the full stop ends the sentence, not the link
        (f"(see {LONG_URL})", 1 + 4 + 23 + 1),
        ("https://en.wikipedia.org/wiki/Python_(programming_language)", 23),
        ("www.example.com has no scheme", len("www.example.com has no scheme")),
        ("@alice@social.example hi", len("@alice hi")),
        ("@bob hi", len("@bob hi")),
        ("mail me: bob@example.com", len("mail me: bob@example.com")),
        (f"@carol@example.org {LONG_URL} @dave", len("@carol ") + 23 + len(" @dave")),
        (LONG_URL + "/@erin@example.org", 23),  # a mention inside a link is part of the link
        ("e\u0301te\u0301", 3),  # combining accents join their letter
        ("👍🏽👩‍👩‍👧", 2),  # skin tone modifier, zero-width-joined family
        ("🇩🇪🇫🇷", 2),  # regional indicator pairs are flags
        ("❤️", 1),  # emoji presentation selector
        ("line\r\nbreak", 10),
    ],
)
def test_status_length(text, expected):
    assert Mastodon.get_status_length(text) == expected


def test_the_content_warning_counts():
    assert Mastodon.get_status_length("body", spoiler_text="cw: food") == 4 + 8
    assert Mastodon.get_status_length("body", spoiler_text=f"{LONG_URL}") == 4 + len(LONG_URL)


def test_callable_on_an_instance(api):
    assert api.get_status_length(f"{LONG_URL} @x@y.example") == 23 + 3


@pytest.mark.parametrize("text", [None, 5, b"bytes"])
def test_status_length_needs_text(text):
    with pytest.raises(MastodonIllegalArgumentError):
        Mastodon.get_status_length(text)
