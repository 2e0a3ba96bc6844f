"""How long a status is for the server's character limit, counted the way Mastodon counts it.

Mastodon's documentation: every link starting with ``http://`` or ``https://`` counts as 23
characters (``characters_reserved_per_url``), a mention counts only its username part
(``@alice@example.com`` counts as ``@alice``), and the content warning counts too.
Characters are user-perceived characters (grapheme clusters), approximated here without
a Unicode segmentation library: combining marks, variation selectors, emoji modifiers and
tags, zero-width-joined sequences and regional-indicator pairs join the character before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import MastodonIllegalArgumentError

#: What a link counts for, whatever its length.
URL_LENGTH = 23

_TRAILING = ".,:;!?'\""
_CLOSERS = {")": "(", "]": "["}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Compiled on first use: nothing is compiled when the package is imported.
    url = re.compile(r"(?<![\w/@.])https?://[^\s/?#<>\"'()\[\]]*[^\W_][^\s/?#<>\"'()\[\]]*(?:[/?#][^\s<>\"]*)?", re.IGNORECASE)
    mention = re.compile(r"(?<![=/\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\w.-]+\w)?", re.IGNORECASE)
    return url, mention


def _trim_url(url: str) -> str:
    """``url`` without trailing punctuation and unbalanced closing brackets (they end the sentence)."""
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last])):
            url = url[:-1]
        else:
            break
    return url


def countable_text(text: str) -> str:
    """``text`` with each link replaced by 23 characters and each mention by its username part."""
    url_re, mention_re = _patterns()
    pieces: list[str] = []
    position = 0
    for match in url_re.finditer(text):
        if match.start() < position:
            continue
        url = _trim_url(match.group())
        if "://" not in url or url.endswith("://"):
            continue
        pieces.append(mention_re.sub(r"@\1", text[position : match.start()]))
        pieces.append("x" * URL_LENGTH)
        position = match.start() + len(url)
    pieces.append(mention_re.sub(r"@\1", text[position:]))
    return "".join(pieces)


def _extends_cluster(code: int, category: str) -> bool:
    return (
        category in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences (subdivision flags)
        or 0xE0100 <= code <= 0xE01EF  # variation selectors supplement
        or code == 0x200D  # zero-width joiner
    )


def grapheme_count(text: str) -> int:
    """The number of user-perceived characters in ``text`` (see the module docstring)."""
    if text.isascii():
        return len(text) - text.count("\r\n")
    from unicodedata import category

    count = 0
    previous = ""
    pending_regional = False
    for char in text:
        code = ord(char)
        if previous == "\u200d" or (previous == "\r" and char == "\n") or _extends_cluster(code, category(char)):
            pass
        elif 0x1F1E6 <= code <= 0x1F1FF:  # regional indicators pair into flags
            if pending_regional:
                pending_regional = False
            else:
                count += 1
                pending_regional = True
            previous = char
            continue
        else:
            count += 1
        pending_regional = False
        previous = char
    return count


def status_length(text: str, spoiler_text: str = "") -> int:
    """The length Mastodon checks against its character limit: content warning plus countable text."""
    if not isinstance(text, str) or not isinstance(spoiler_text, str | None):
        raise MastodonIllegalArgumentError("text and spoiler_text must be strings")
    return grapheme_count((spoiler_text or "") + countable_text(text))


__all__ = ["URL_LENGTH", "countable_text", "grapheme_count", "status_length"]
