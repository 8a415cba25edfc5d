"""HTML inside Markdown reduced to the words a browser would show, with the standard library's parser.

READMEs and book chapters mix HTML into their Markdown: centred logos, badges, `<details>` blocks,
comments for the build tools. A reader wants the text of it, never the tags: comments and the
contents of `<style>` and `<script>` are dropped, an image gives its alt text, a `<details>` block
shows its `<summary>` first, and block-level tags end a paragraph.
"""

from __future__ import annotations

from html.parser import HTMLParser

SKIPPED = frozenset({"style", "script", "template"})
"""Elements whose contents are not text."""
BREAKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "div", "dl",
        "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    }
)  # fmt: skip
"""Elements that end the paragraph before them and start a new one."""
ALT_TEXT = frozenset({"img", "area", "input"})
PHRASING = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
"""Inline elements that only style their text: a browser draws the text on either side of their
tags as it is, so `H<sub>2</sub>O` is one word."""


class _TextParser(HTMLParser):
    """Collects paragraphs of text; one instance per fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.words: list[str] = []
        self.skipping: str | None = None
        self.details: list[int] = []  # where each open <details> starts in `paragraphs`
        self.summary_at: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping is not None:
            return
        if tag in SKIPPED:
            self.skipping = tag
            return
        if tag in BREAKS:
            self.end_paragraph()
        values = dict(attrs)
        if tag in ALT_TEXT and values.get("alt"):
            self.words.append(f" {values['alt']} ")
        elif tag == "listing" and values.get("caption"):
            # mdBook's <Listing number="4-1" caption="…"> shows its caption above the code.
            number = values.get("number")
            self.end_paragraph()
            self.words.append(f"Listing {number}: {values['caption']}" if number else str(values["caption"]))
            self.end_paragraph()
        if tag == "details":
            self.details.append(len(self.paragraphs))
        elif tag == "summary" and self.details:
            self.summary_at = self.details[-1]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SKIPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping is not None:
            if tag == self.skipping:
                self.skipping = None
            return
        if tag == "summary" and self.summary_at is not None:
            # The summary is the first line of its <details>, wherever it was written.
            before = len(self.paragraphs)
            self.end_paragraph()
            if len(self.paragraphs) > before:
                self.paragraphs.insert(self.summary_at, self.paragraphs.pop())
            self.summary_at = None
        elif tag == "details" and self.details:
            self.details.pop()
        if tag in BREAKS:
            self.end_paragraph()

    def handle_data(self, data: str) -> None:
        if self.skipping is None:
            self.words.append(data)

    def end_paragraph(self) -> None:
        text = " ".join("".join(self.words).split())
        self.words = []
        if text:
            self.paragraphs.append(text)

    # Comments, declarations, processing instructions and CDATA are not text: the base class drops them.


def html_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of text in an HTML fragment (a Markdown HTML block), in reading order."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    parser.end_paragraph()
    return parser.paragraphs


def inline_tag(source: str) -> tuple[str, str | None, bool]:
    """What an inline HTML token shows, and what it does to the text after it.

    Returns (text, tag, closing): the text it stands for (an image's alt text, a space for `<br>`,
    nothing for other tags and comments), the tag's name (None for a comment or declaration), and
    whether it closes that tag.
    """
    parser = _TagParser()
    parser.feed(source)
    parser.close()
    return parser.text, parser.tag, parser.closing


class _TagParser(HTMLParser):
    """Reads one tag, as markdown-it's `html_inline` tokens hold them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.tag: str | None = None
        self.closing = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag = tag
        values = dict(attrs)
        if tag in ALT_TEXT and values.get("alt"):
            self.text = str(values["alt"])
        elif tag == "br":
            self.text = " "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tag, self.closing = tag, True

    def handle_data(self, data: str) -> None:
        self.text += data  # not a tag after all: its text is kept
