"""The article flattened for reading: one unit per heading, paragraph, list item, line of code or
verse, table row, with its inline styles and the links numbered in reading order.

Pure Python (no Textual). Units do not depend on the width; `tui.reading.layout` wraps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple

from tui.model.article import (
    Article,
    Block,
    BulletList,
    Paragraph,
    Preformatted,
    Quote,
    QuotedBlock,
    Span,
    Spans,
    Table,
    Verse,
)
from tui.reading.numbering import Numbering

LINK_NUMBER = "link-number"
"""The style of the `[3]` written after a link's text."""
CODE_HANG = 2
"""Cells a wrapped line of code hangs in: where the reader draws its continuation marker."""
VERSE_HANG = 2
"""Cells a wrapped line of verse hangs in, so the lines the poet wrote stay apparent."""


class Kind(IntEnum):
    """What a unit is, which decides how it is drawn."""

    TITLE = 0
    DEK = 1
    HEADING = 2
    SUBHEADING = 3
    PARAGRAPH = 4
    ITEM = 5
    QUOTE = 6
    PREFORMATTED = 7
    VERSE = 8
    TABLE = 9
    BYLINE = 10


Styles = tuple[tuple[int, int, str], ...]
"""Inline runs over a unit's text: (start, end, style), style a model span style or LINK_NUMBER."""


class Unit(NamedTuple):
    """One wrappable piece of the article (a named tuple: a book has a hundred thousand of them,
    and a tuple is made several times faster than a frozen dataclass).

    `strong` is how many leading characters are bold (an item's `Label:` lead, a paragraph's
    label); `marker` is drawn before the first line and `indent` (cells) before every line;
    continuation lines hang `hang` cells further in. `quoted` units are drawn behind a quote bar;
    `gap` puts a blank line before the unit (the first unit of a block has one).
    """

    kind: Kind
    text: str
    section: int
    marker: str = ""
    indent: int = 0
    strong: int = 0
    styles: Styles = ()
    hang: int = 0
    quoted: bool = False
    gap: bool = True


@dataclass(frozen=True, slots=True)
class Link:
    """A link as brief numbers it: `[number]` follows its text, in reading order."""

    number: int
    section: int
    text: str
    target: str


@dataclass(frozen=True, slots=True)
class TableRows:
    """A table's cells as the layout arranges them; its rows are the units from `first` on."""

    first: int
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A code block that names its language: units `first` to `first + lines - 1`."""

    first: int
    lines: int
    language: str


class LinkNumbers:
    """Numbers links in reading order and writes `[n]` after each one's text: the one numbering
    of the reader, the links view and `--plain`'s references."""

    def __init__(self) -> None:
        self.links: list[Link] = []

    def apply(self, text: str, spans: Spans, section: int) -> tuple[str, Styles]:
        """`text` with `[n]` after every link, and the spans moved to their places in it."""
        if not spans:
            return text, ()
        valid = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
        if not valid:
            return text, ()
        inserts: list[tuple[int, str]] = []
        for span in valid:
            if span.style == "link" and span.target:
                number = len(self.links) + 1
                self.links.append(Link(number, section, text[span.start : span.end], span.target))
                inserts.append((span.end, f"[{number}]"))
        if not inserts:
            return text, tuple((s.start, s.end, s.style) for s in valid)
        inserts.sort(key=lambda insert: insert[0])  # stable: numbers at one offset keep their order

        def moved(offset: int, closing: bool) -> int:
            # A span that ends where a number is written ends before it; one that starts there, after.
            return offset + sum(len(mark) for at, mark in inserts if at < offset or (at == offset and not closing))

        styles = [(moved(s.start, False), moved(s.end, True), s.style) for s in valid]
        pieces: list[str] = []
        previous, written = 0, 0
        for at, mark in inserts:
            pieces += [text[previous:at], mark]
            start = at + written
            styles.append((start, start + len(mark), LINK_NUMBER))
            written += len(mark)
            previous = at
        pieces.append(text[previous:])
        return "".join(pieces), tuple(sorted(styles))


class Flattened:
    """An article walked once, in reading order: its units and what is indexed beside them."""

    def __init__(self, article: Article) -> None:
        self.units: list[Unit] = [Unit(Kind.TITLE, one_line(article.title), -1, gap=False)]
        if article.subtitle:
            self.units.append(Unit(Kind.DEK, one_line(article.subtitle), -1))
        # A page's or a book's metadata is not part of its text, so it is shown under the title; a
        # plain-text or Markdown byline is a line of the text, and is read there.
        if article.byline and article.format in ("html", "epub"):
            self.units.append(Unit(Kind.BYLINE, one_line(article.byline), -1, gap=not article.subtitle))
        self.section_units: list[int] = []
        """The first unit of each section."""
        self.item_units: dict[tuple[int, int, int], int] = {}
        """The unit of each item of a section's lists, by its place: (section, block, item) indexes.
        Not by `id()`: a large input's article comes back pickled from the parse process, and every
        object's id changes on the way."""
        self.numbers = LinkNumbers()
        self.tables: list[TableRows] = []
        self.code_blocks: list[CodeBlock] = []
        self.numbering = numbering = Numbering(article.sections)
        for index, section in enumerate(article.sections):
            self.section_units.append(len(self.units))
            if section.heading is not None:
                kind = Kind.SUBHEADING if numbering.depth(index) else Kind.HEADING
                heading, styles = self.numbers.apply(one_line(section.heading), section.heading_spans, index)
                self.units.append(Unit(kind, heading, index, styles=styles))
            for place, block in enumerate(section.blocks):
                self._block(block, index, quoted=False, place=place)

    @property
    def links(self) -> list[Link]:
        return self.numbers.links

    def _block(self, block: Block | QuotedBlock, section: int, quoted: bool, place: int | None = None) -> None:
        """Units for `block`; `place` is its index in the section (None inside a quote)."""
        add = self.units.append
        if isinstance(block, Paragraph):
            if not block.spans and not block.label:  # most paragraphs of a book: nothing to move
                add(Unit(Kind.QUOTE if quoted else Kind.PARAGRAPH, one_line(block.text), section, quoted=quoted))
                return
            text, spans, strong = block.text, block.spans, 0
            if block.label:
                strong = len(block.label)
                text, spans = f"{block.label} {text}", shifted(spans, strong + 1)
            shown, styles = self.numbers.apply(one_line(text), spans, section)
            kind = Kind.QUOTE if quoted else Kind.PARAGRAPH
            add(Unit(kind, shown, section, strong=strong, styles=styles, quoted=quoted))
        elif isinstance(block, Quote):
            self._quote(block, section, quoted)
        elif isinstance(block, Preformatted):
            lines = block.text.rstrip("\n").split("\n")  # a closing newline is not a line of code
            if block.language:
                self.code_blocks.append(CodeBlock(len(self.units), len(lines), block.language))
            for number, line in enumerate(lines):
                add(Unit(Kind.PREFORMATTED, untabbed(line), section, hang=CODE_HANG, quoted=quoted, gap=not number))
        elif isinstance(block, Verse):
            for number, line in enumerate(block.lines):
                add(Unit(Kind.VERSE, one_line(line), section, hang=VERSE_HANG, quoted=quoted, gap=not number))
        elif isinstance(block, Table):
            self._table(block, section, quoted)
        elif isinstance(block, BulletList):
            for number, item in enumerate(block.items, 1):
                if place is not None:
                    self.item_units[(section, place, number - 1)] = len(self.units)
                marker = f"{number}. " if block.ordered and not item.depth else "• "
                shown, styles = self.numbers.apply(one_line(item.display), item.display_spans, section)
                strong = len(item.label) + 1 if item.label is not None else 0
                indent = 2 * item.depth
                add(Unit(Kind.ITEM, shown, section, marker, indent, strong, styles, quoted=quoted, gap=number == 1))

    def _quote(self, quote: Quote, section: int, quoted: bool) -> None:
        """Each block of a quote behind the bar, a blank quoted line between them."""
        for number, part in enumerate(quote.parts):
            if number:
                self.units.append(Unit(Kind.QUOTE, "", section, quoted=True, gap=False))
            first = len(self.units)
            self._block(part, section, quoted=True)
            if number and first < len(self.units):
                self.units[first] = self.units[first]._replace(gap=False)

    def _table(self, table: Table, section: int, quoted: bool) -> None:
        rows = tuple(tuple(one_line(cell) for cell in row) for row in (table.header, *table.rows) if row)
        if not rows:
            return
        columns = max(len(row) for row in rows)
        rows = tuple(row + ("",) * (columns - len(row)) for row in rows)
        align = (tuple(table.align) + (None,) * columns)[:columns]
        self.tables.append(TableRows(len(self.units), rows, align))
        for number, row in enumerate(rows):
            # The row's text is its cells joined as `Table.text` joins them: what search finds.
            text = " | ".join(row)
            strong = len(text) if number == 0 else 0  # the header row is bold
            self.units.append(Unit(Kind.TABLE, text, section, strong=strong, quoted=quoted, gap=not number))


def cell_offsets(row: tuple[str, ...]) -> list[int]:
    """Where each cell starts in its row's unit text (cells joined by " | ")."""
    offsets, at = [], 0
    for cell in row:
        offsets.append(at)
        at += len(cell) + 3
    return offsets


def shifted(spans: Spans, shift: int) -> Spans:
    return tuple(Span(s.start + shift, s.end + shift, s.style, s.target) for s in spans)


def one_line(text: str) -> str:
    """Wrapped units are single lines: a newline written to the terminal would break the screen."""
    return text.replace("\n", " ") if "\n" in text else text


def untabbed(line: str) -> str:
    """Code keeps its columns: a tab would be drawn as one cell."""
    return line.expandtabs(4) if "\t" in line else line
