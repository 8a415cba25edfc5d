"""HTML inside Markdown reduced to the words a browser would show, with the standard library's parser.

READMEs and book chapters mix HTML into their Markdown: centred logos, badges, `<details>` blocks,
comments for the build tools. A reader wants the text of it, never the tags: comments and the
contents of `<style>` and `<script>` are dropped, an image gives its alt text, a `<details>` block
shows its `<summary>` first, and block-level tags end a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
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
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
"""Elements that have no end tag, so are never open."""
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
ITALIC = frozenset({"em", "i", "cite"})
PHRASING = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
"""Inline elements that only style their text: a browser draws the text on either side of their
tags as it is, so `H<sub>2</sub>O` is one word."""


@dataclass(frozen=True)
class HtmlParagraph:
    """A paragraph of an HTML fragment: its text, and what a reader sees it as.

    `level` is set for the text of a heading element (`<h1>` is 1); `logo` for a centred paragraph
    whose only text is one image's alt text (a README's logo, shown where a title would be);
    `italic` when all of its text is in `<em>` or `<i>` (a README's tagline).
    """

    text: str
    level: int | None = None
    logo: bool = False
    italic: bool = False


class _TextParser(HTMLParser):
    """Collects paragraphs of text; one instance per fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[HtmlParagraph] = []
        self.words: list[str] = []
        self.skipping: str | None = None
        self.details: list[int] = []  # where each open <details> starts in `paragraphs`
        self.summary_at: int | None = None
        self.open: list[tuple[str, bool]] = []  # open elements: (tag, centred)
        self.level: int | None = None  # inside <h1>…<h6>
        self.images = 0  # images with alt text in the paragraph being read
        self.plain = False  # the paragraph has text that is neither alt text nor in italics
        self.other = False  # the paragraph has text that is not alt text
        self.centred_image = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping is not None:
            return
        if tag in SKIPPED:
            self.skipping = tag
            return
        if tag in BREAKS:
            self.end_paragraph()
        values = dict(attrs)
        if tag not in VOID:
            centred = tag == "center" or (values.get("align") or "").strip().lower() == "center"
            self.open.append((tag, centred))
        if tag in HEADINGS:
            self.level = HEADINGS[tag]
        if tag in ALT_TEXT and values.get("alt"):
            self.words.append(f" {values['alt']} ")
            self.images += 1
            self.centred_image = self.centred_image or any(centred for _tag, centred in self.open)
        elif tag == "listing" and values.get("caption"):
            # mdBook's <Listing number="4-1" caption="…"> shows its caption above the code.
            number = values.get("number")
            self.end_paragraph()
            self.words.append(f"Listing {number}: {values['caption']}" if number else str(values["caption"]))
            self.other = self.plain = True
            self.end_paragraph()
        if tag == "details":
            self.details.append(len(self.paragraphs))
        elif tag == "summary" and self.details:
            self.summary_at = self.details[-1]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SKIPPED:
            self.handle_starttag(tag, attrs)
            if tag not in VOID:
                self._close(tag)  # `<span/>`, `<h2/>`: opened and closed at once
            if tag in HEADINGS:
                self.level = None

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
        self._close(tag)
        if tag in HEADINGS:
            self.level = None

    def _close(self, tag: str) -> None:
        """Close the innermost open `tag` and what was left open inside it."""
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.skipping is None:
            self.words.append(data)
            if data.strip():
                self.other = True
                self.plain = self.plain or not any(tag in ITALIC for tag, _centred in self.open)

    def end_paragraph(self) -> None:
        text = " ".join("".join(self.words).split())
        if text:
            logo = self.images == 1 and self.centred_image and not self.other and self.level is None
            italic = self.other and not self.plain and self.images == 0
            self.paragraphs.append(HtmlParagraph(text, self.level, logo, italic))
        self.words = []
        self.images = 0
        self.plain = self.other = self.centred_image = False

    # Comments, declarations, processing instructions and CDATA are not text: the base class drops them.


def html_blocks(fragment: str) -> list[HtmlParagraph]:
    """The paragraphs of an HTML fragment (a Markdown HTML block), in reading order, with what
    each is: a heading, a logo, a line in italics, or text."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    parser.end_paragraph()
    return parser.paragraphs


def open_heading(fragment: str) -> int | None:
    """The level of a heading element the fragment opens and leaves open (`<h1 align="center">`
    alone, its Markdown contents and `</h1>` written in blocks of their own after it), else None."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return parser.level


def html_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of text in an HTML fragment (a Markdown HTML block), in reading order."""
    return [paragraph.text for paragraph in html_blocks(fragment)]


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
