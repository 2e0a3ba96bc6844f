"""Takahē's HTML post content back to the plain text it was written as.

Takahē stores a local post as rendered HTML and answers ``statuses/:id/source`` with a
plain-text rendering of it; its delete response, however, puts the HTML in ``text``. This
is the same rendering as Takahē's own: paragraphs end in a blank line, ``<br>`` is a line
break, mentions and hashtags keep their text, other links become their address.
"""

from __future__ import annotations

from html.parser import HTMLParser

_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "blockquote", "pre", "ul", "ol", "li"})


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._link: dict[str, str] | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.out.append("\n")
        elif tag == "a":
            self._link = {name: value or "" for name, value in attrs}
            self._link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _PARAGRAPHS:
            self.out.append("\n\n")
        elif tag == "a" and self._link is not None:
            text = "".join(self._link_text).strip()
            classes = self._link.get("class", "").split()
            if text and ("mention" in classes or "hashtag" in classes or text.startswith(("@", "#"))):
                self.out.append(text)
            elif text:
                self.out.append(self._link.get("href") or text)
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link_text.append(data)
        else:
            self.out.append(data)


def plain_text(html: str) -> str:
    """The plain text of Takahē post HTML (``"<p>a<br>b</p>"`` -> ``"a\\nb"``)."""
    parser = _PlainText()
    parser.feed(html.replace("\n", ""))
    parser.close()
    return "".join(parser.out).strip()


def looks_like_html(text: str) -> bool:
    return text.lstrip().startswith("<")


__all__ = ["plain_text", "looks_like_html"]
