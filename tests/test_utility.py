"""``mastodon.utility``: the version helpers and the names Mastodon.py programs import from it."""

from __future__ import annotations

import pytest

from mastodon import MastodonIllegalArgumentError, MastodonVersionError
from mastodon.utility import Internals, api_version, max_version, parse_version_string, url_regex


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4.2.1", [4, 2, 1]), ("4.3.0-beta.2+glitch", [4, 3, 0]), ("2.7.2 (compatible; Pleroma 2.5.0)", [2, 7, 2]), ("3.5", [3, 5, 0])],
)
def test_parse_version_string(text, expected):
    assert parse_version_string(text) == expected


def test_parse_version_string_refuses_a_string_without_a_version():
    with pytest.raises(MastodonIllegalArgumentError):
        parse_version_string("takahe")


def test_max_version():
    assert max_version("3.5.3", "4.0.0rc1", None, "2.9") == "4.0.0"


def test_the_compat_module_reexports_parse_version_string():
    from mastodon.Mastodon import parse_version_string as reexported

    assert reexported is parse_version_string


def test_api_version_gates_a_method_of_a_subclass(make_api, mock_http):
    class Bot(Internals):
        @api_version("4.1.0", "4.2.0")
        def newer(self):
            """Needs 4.1."""
            return "ran"

    assert "Added: Mastodon v4.1.0, last changed: Mastodon v4.2.0" in Bot.newer.__doc__
    from mastodon import Mastodon

    class MyClient(Mastodon, Bot):
        pass

    assert MyClient(api_base_url="https://x.example", mastodon_version="4.1.0").newer() == "ran"
    with pytest.raises(MastodonVersionError, match=r"4\.1\.0"):
        MyClient(api_base_url="https://x.example", mastodon_version="4.0.2").newer()
    changed = MyClient(api_base_url="https://x.example", mastodon_version="4.1.0", version_check_mode="changed")
    with pytest.raises(MastodonVersionError, match=r"4\.2\.0"):
        changed.newer()


def test_url_regex_finds_links_in_text():
    text = "see https://example.com/a?b=c, and http://x.example/path."
    assert url_regex.findall(text) == ["https://example.com/a?b=c", "http://x.example/path"]
