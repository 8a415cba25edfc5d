"""The article model: plain data that the parsers produce and every view reads.

Nothing here imports Textual, so the model can be built and tested on its own.

Text stays one string per paragraph, list item, quote paragraph, verse block or table cell, so that
search, copying, word counts and the "no word lost" checks read the same strings the reader shows.
Inline styling is a list of `Span`s over such a string, never markup inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["text", "markdown", "html", "epub"]
SpanStyle = Literal["strong", "emphasis", "code", "strike", "link"]
Role = Literal["body", "front-matter", "contents", "licence"]
Align = Literal["left", "center", "right"] | None

ROLES: tuple[Role, ...] = ("body", "front-matter", "contents", "licence")
SPAN_STYLES: tuple[SpanStyle, ...] = ("strong", "emphasis", "code", "strike", "link")


class Record:
    """Base of the model's classes: pickled as the arguments of their constructor.

    A large input's article comes back from its parse process pickled (`tui.reading.loading`). The
    classes have slots, not a `__dict__` each (a 10 MB book has tens of thousands of blocks: 2.6 MB
    less in each process), and a frozen dataclass with slots would otherwise be restored field by
    field in Python, slower than calling the constructor.
    """

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()
    """The dataclass's fields, in the constructor's order."""

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple(map(self.__getattribute__, self.__match_args__))


@dataclass(frozen=True, slots=True)
class Span(Record):
    """An inline style over `text[start:end]` of the string it belongs to; a link keeps its `target`."""

    start: int
    end: int
    style: SpanStyle
    target: str | None = None


Spans = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Item(Record):
    """One list item: an optional bold `Label:` lead, its text and its nesting depth.

    `spans` are over `text` (not over the label, which is drawn bold as a whole).
    """

    label: str | None
    text: str
    depth: int = 0
    spans: Spans = ()

    @property
    def display(self) -> str:
        """The item as a reader sees it, and exactly what is copied: `Label: text` or the text alone."""
        if self.label is None:
            return self.text
        return f"{self.label}: {self.text}" if self.text else f"{self.label}:"

    @property
    def display_spans(self) -> Spans:
        """`spans` moved to their place in `display`."""
        if self.label is None or not self.spans:
            return self.spans
        shift = len(self.label) + 2
        return tuple(Span(s.start + shift, s.end + shift, s.style, s.target) for s in self.spans)


@dataclass(frozen=True, slots=True)
class Paragraph(Record):
    """A run of prose, hard wraps joined. `label` is a run-in lead drawn apart, such as a play's speaker."""

    text: str
    spans: Spans = ()
    label: str | None = None


@dataclass(frozen=True, slots=True)
class BulletList(Record):
    """A list of items; nested items follow their parent with a greater depth."""

    ordered: bool
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Preformatted(Record):
    """Text kept verbatim, line by line: code blocks. `language` names a fenced block's language."""

    text: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Verse(Record):
    """Line-structured text (a poem, lyrics, an address) whose lines are kept as they were written."""

    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class Table(Record):
    """A table: a header row, body rows of the same width, and each column's alignment."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...] = ()

    @property
    def text(self) -> str:
        """Every cell, row by row, for search and word counts."""
        return "\n".join(" | ".join(row) for row in (self.header, *self.rows))


QuotedBlock = Paragraph | BulletList | Preformatted | Verse | Table


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """A block quotation: its blocks (paragraphs and lists), and `text`, its paragraphs joined by
    blank lines (what `--json` version 1 showed, kept for scripts and search)."""

    text: str
    blocks: tuple[QuotedBlock, ...] = ()

    @classmethod
    def of(cls, blocks: tuple[QuotedBlock, ...] | list[QuotedBlock]) -> Quote:
        return cls("\n\n".join(block_text(block) for block in blocks), tuple(blocks))

    @property
    def parts(self) -> tuple[QuotedBlock, ...]:
        """The quote's blocks; a quote built from text alone is one paragraph per line of it."""
        if self.blocks:
            return self.blocks
        return tuple(Paragraph(line) for line in self.text.split("\n") if line)


Block = Paragraph | BulletList | Quote | Preformatted | Verse | Table


def block_text(block: Block) -> str:
    """A block's words as one string: what search, word counts and "no word lost" read."""
    if isinstance(block, BulletList):
        return "\n".join(item.display for item in block.items)
    if isinstance(block, Paragraph) and block.label:
        return f"{block.label} {block.text}"
    return block.text


@dataclass(slots=True)
class Section(Record):
    """A heading and the blocks under it; `heading` is None for text before the first heading.

    `level` is the heading's depth in the document, 1–6, with one meaning for every format (Markdown:
    the number of `#`; plain text: 2 for main headings, 3 below; EPUB: the contents' nesting, from 2).
    Views count from the shallowest level present among body headings (`tui.reading.numbering`).
    `role` is "body" for the text proper; front matter, a contents list and a licence keep their
    place in the text but are not numbered, jumped to, or counted in progress and reading time.
    `heading_spans` are inline styles over `heading` (a Markdown heading's code, emphasis, links).
    """

    heading: str | None
    level: int
    blocks: list[Block] = field(default_factory=list)
    role: Role = "body"
    heading_spans: Spans = ()


@dataclass(slots=True)
class Article(Record):
    """A parsed article: the one source every pane of brief reads from."""

    title: str
    subtitle: str | None
    sections: list[Section]
    takeaways: list[Item] = field(default_factory=list)
    pros: list[Item] = field(default_factory=list)
    cons: list[Item] = field(default_factory=list)
    format: Format = "text"
    encoding: str = "utf-8"
    source: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)
    """(text, target) of every link, in document order."""
    digest: str | None = None
    """Hash of the input's bytes: how brief recognises an article it has seen, wherever the file is."""
    complete: bool = True
    """False for the preview of a large input, shown while the whole of it is parsed."""
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    replaced_bytes: int = 0
    """Invalid bytes of a mostly UTF-8 input that were decoded as U+FFFD."""

    @property
    def byline(self) -> str | None:
        """`Ana Swanson · 2019-11-19 · Reuters`: who wrote it, when and where, as far as known."""
        return " · ".join(part for part in (self.author, self.date, self.site) if part) or None
