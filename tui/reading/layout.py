"""The article laid out for reading: a flat list of units, wrapped into lines for one width.

Pure Python (no Textual): the reading pane only draws the lines this module computes. Lines are
kept as offsets into the units' text, three integer arrays in all, so a book of 10 MB costs a few
bytes a line rather than a string and an object per line.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from functools import partial
from typing import Generic, TypeVar

from rich.cells import cell_len

from tui.model.article import Article, BulletList, Item, Paragraph, Preformatted, Quote, Table, Verse, block_text
from tui.reading.numbering import Numbering

MEASURE = 76
"""The widest line of text: a comfortable reading measure."""
MIN_MEASURE = 10
WORDS_PER_MINUTE = 230
"""Reading speed behind every "minutes left" and reading time brief shows."""
QUOTE_PREFIX = "▎ "
BLANK = -1
"""Unit index of a blank line between blocks."""
Made = TypeVar("Made")


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


@dataclass(frozen=True, slots=True)
class Unit:
    """One wrappable piece of the article: a heading, a paragraph, one list item…

    `strong` is how many leading characters are bold (an item's `Label:` lead); `marker` is drawn
    before the first line and `indent` (cells) before every line.
    """

    kind: Kind
    text: str
    section: int
    marker: str = ""
    indent: int = 0
    strong: int = 0


def units_of(article: Article) -> tuple[list[Unit], list[int], dict[int, int]]:
    """Flatten `article` into units, with the unit of each section and of each item (by `id`)."""
    units: list[Unit] = [Unit(Kind.TITLE, _one_line(article.title), -1)]
    if article.subtitle:
        units.append(Unit(Kind.DEK, _one_line(article.subtitle), -1))
    section_units: list[int] = []
    item_units: dict[int, int] = {}
    numbering = Numbering(article.sections)
    for index, section in enumerate(article.sections):
        section_units.append(len(units))
        if section.heading is not None:
            kind = Kind.SUBHEADING if numbering.depth(index) else Kind.HEADING
            units.append(Unit(kind, _one_line(section.heading), index))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                units.append(Unit(Kind.PARAGRAPH, _one_line(block.text), index))
            elif isinstance(block, Quote):
                for part in block.parts:
                    units.extend(Unit(Kind.QUOTE, _one_line(line), index) for line in block_text(part).split("\n"))
            elif isinstance(block, Preformatted):
                units.extend(Unit(Kind.PREFORMATTED, line, index) for line in block.text.split("\n"))
            elif isinstance(block, Verse):
                units.extend(Unit(Kind.VERSE, _one_line(line), index) for line in block.lines)
            elif isinstance(block, Table):
                units.extend(Unit(Kind.TABLE, _one_line(line), index) for line in block.text.split("\n"))
            elif isinstance(block, BulletList):
                for number, item in enumerate(block.items, 1):
                    item_units[id(item)] = len(units)
                    units.append(_item_unit(item, index, f"{number}. " if block.ordered and not item.depth else "• "))
    return units, section_units, item_units


def _item_unit(item: Item, section: int, marker: str) -> Unit:
    strong = len(item.label) + 1 if item.label is not None else 0
    return Unit(Kind.ITEM, _one_line(item.display), section, marker, 2 * item.depth, strong)


def _one_line(text: str) -> str:
    """Wrapped units are single lines: a newline written to the terminal would break the screen."""
    return text.replace("\n", " ") if "\n" in text else text


# Characters that are not one cell wide: wide East Asian scripts, emoji, combining and zero-width marks.
_NOT_ONE_CELL = re.compile(
    "[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff"  # technical symbols, dingbats, arrows: many emoji
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31-\u0e3a\u1100-\u115f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u20d0-\u20ff\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe2f\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f000-\U0001faff\U00020000-\U0003fffd\U000e0000-\U000e01ef]"
)


def is_narrow(text: str) -> bool:
    """True when every character of `text` takes one cell, so offsets are columns."""
    return text.isascii() or _NOT_ONE_CELL.search(text) is None


def wrap(text: str, width: int, narrow: bool | None = None) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` into at most `width` cells: (start, end) offsets of each line.

    Spaces at a break are dropped; a word longer than the line is cut. `narrow` (see `is_narrow`)
    may be given when it is known already.
    """
    width = max(width, 1)
    if narrow if narrow is not None else is_narrow(text):
        return _wrap_narrow(text, width)
    return _wrap_cells(text, width)


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap text whose every character is one cell: offsets are columns."""
    spans: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while length - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            spans.append((start, start + width))
            start += width
        else:
            end = cut
            while end > start and text[end - 1] == " ":
                end -= 1
            spans.append((start, end))
            start = cut + 1
        while start < length and text[start] == " ":
            start += 1
    spans.append((start, length))
    return spans


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap text with wide or zero-width characters, measuring each word in cells."""
    spans: list[tuple[int, int]] = []
    line_start, line_end, line_cells = 0, 0, 0
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        cells = cell_len(match.group())
        if line_end > line_start and line_cells + 1 + cells <= width:
            line_end, line_cells = end, line_cells + 1 + cells
            continue
        if line_end > line_start:
            spans.append((line_start, line_end))
        while cells > width:  # a word wider than the line: cut it by cells
            cut, used = start, 0
            while cut < end and used + cell_len(text[cut]) <= width:
                used += cell_len(text[cut])
                cut += 1
            cut = max(cut, start + 1)
            spans.append((start, cut))
            start = cut
            cells = cell_len(text[start:end])
        line_start, line_end, line_cells = start, end, cells
    spans.append((line_start, line_end))
    return spans


class PerWidth(Generic[Made]):
    """What was made for each of the last few widths (lines of text, lines of headings), kept so
    that going back to a width costs nothing.

    Safe without a lock (a Document crosses processes, and locks do not pickle): a worker thread may
    make the value for one width while the UI thread asks for another.
    """

    def __init__(self, keep: int = 4) -> None:
        self._keep = keep
        self._made: dict[int, Made] = {}

    def __contains__(self, width: int) -> bool:
        return width in self._made

    def get(self, width: int, make: Callable[[int], Made]) -> Made:
        made = self._made.get(width)
        if made is None:
            made = make(width)
            for stale in list(self._made)[: 1 - self._keep]:
                self._made.pop(stale, None)
            made = self._made.setdefault(width, made)
        return made


class Document:
    """An article ready to lay out: its units, anchors and word counts, independent of width."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.units, self.section_units, self._item_units = units_of(article)
        # Measured once here, not at every width: the scan for wide characters is the costly part.
        self.narrow = bytearray(is_narrow(unit.text) for unit in self.units)
        words = array("l", [0])
        total = 0
        for unit in self.units:
            total += unit.text.count(" ") + 1 if unit.text else 0
            words.append(total)
        self._words_before = words
        self.size = sum(len(unit.text) for unit in self.units)
        """Characters of text in all."""
        self._layouts: PerWidth[Layout] = PerWidth()

    @property
    def word_count(self) -> int:
        return self._words_before[-1]

    def words_before(self, unit: int) -> int:
        """How many words come before `unit`."""
        return self._words_before[max(0, min(unit, len(self.units)))]

    def unit_of_item(self, item: Item) -> int | None:
        return self._item_units.get(id(item))

    def has_layout(self, measure: int) -> bool:
        """Whether the lines for `measure` are made already (`layout` returns them at once)."""
        return max(measure, MIN_MEASURE) in self._layouts

    def layout(self, measure: int) -> Layout:
        """The lines for a measure of `measure` cells, kept for the last few widths used."""
        return self._layouts.get(max(measure, MIN_MEASURE), partial(Layout, self))


class Layout:
    """The document wrapped at one measure: for each line, its unit and the slice of its text."""

    def __init__(self, document: Document, measure: int) -> None:
        self.document = document
        self.measure = measure
        self._lay_out()
        self.section_lines = array("l", (self.unit_lines[u] for u in document.section_units))

    def _lay_out(self) -> None:
        # Built as lists and turned into arrays once: appending to arrays line by line is slower.
        line_unit: list[int] = []
        line_start: list[int] = []
        line_end: list[int] = []
        unit_lines: list[int] = []
        narrow = self.document.narrow
        previous: Unit | None = None
        for index, unit in enumerate(self.document.units):
            if previous is not None and _blank_between(previous, unit):
                line_unit.append(BLANK)
                line_start.append(0)
                line_end.append(0)
            unit_lines.append(len(line_unit))
            width = self.measure - unit.indent - len(unit.marker)
            if unit.kind == Kind.QUOTE:
                width -= len(QUOTE_PREFIX)
            spans = wrap(unit.text, width, bool(narrow[index]))
            line_unit.extend([index] * len(spans))
            line_start.extend([start for start, _ in spans])
            line_end.extend([end for _, end in spans])
            previous = unit
        self.line_unit = array("l", line_unit)
        self.line_start = array("l", line_start)
        self.line_end = array("l", line_end)
        self.unit_lines = array("l", unit_lines)

    @property
    def line_count(self) -> int:
        return len(self.line_unit)

    def line_of_unit(self, unit: int) -> int:
        return self.unit_lines[unit]

    def line_of_section(self, section: int) -> int:
        return self.section_lines[section]

    def section_at(self, line: int) -> int | None:
        """The section shown at `line` (the last one starting at or above it), or None above the first."""
        index = bisect_right(self.section_lines, line) - 1
        return index if index >= 0 else None

    def unit_at(self, line: int) -> int:
        """The unit at `line`, or the next one when the line is blank."""
        line = max(0, min(line, self.line_count - 1))
        while line < self.line_count - 1 and self.line_unit[line] == BLANK:
            line += 1
        return self.line_unit[line]

    def anchor(self, line: int) -> tuple[int, int]:
        """A width-independent position for `line`: (unit, character offset)."""
        unit = self.unit_at(line)
        if unit == BLANK or line >= self.line_count or self.line_unit[line] != unit:
            return unit, 0
        return unit, self.line_start[line]

    def line_of_anchor(self, anchor: tuple[int, int]) -> int:
        """The line that shows the anchored character in this layout."""
        unit, offset = anchor
        if unit == BLANK:
            return 0
        line = self.unit_lines[unit]
        while line + 1 < self.line_count and self.line_unit[line + 1] == unit and self.line_start[line + 1] <= offset:
            line += 1
        return line


_LINE_KINDS = frozenset({Kind.ITEM, Kind.QUOTE, Kind.PREFORMATTED, Kind.VERSE, Kind.TABLE})
"""Kinds whose consecutive units are lines of one block."""


def _blank_between(previous: Unit, unit: Unit) -> bool:
    """Blocks are separated by a blank line; the items of a list, and lines of a quote or code, are not."""
    return not (unit.kind == previous.kind and unit.kind in _LINE_KINDS)
