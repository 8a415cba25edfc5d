"""The article laid out for reading: a flat list of units, wrapped into lines for one width.

Pure Python (no Textual): the reading pane only draws the lines this module computes. Lines are
kept as offsets into the units' text, three integer arrays in all, so a book of 10 MB costs a few
bytes a line rather than a string and an object per line. The units come from `units.py`, table
lines from `tables.py`, and every line is wrapped by `cells.wrap` (or `cells.wrap_code`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Generic, TypeVar

from tui.model.article import Article, BulletList, Item
from tui.reading.cells import is_narrow, wrap, wrap_code
from tui.reading.tables import Piece, column_widths, header_rule, row_lines
from tui.reading.units import CodeBlock, Flattened, Kind, Link, TableRows, Unit

MEASURE = 76
"""The widest line of text: a comfortable reading measure."""
MIN_MEASURE = 10
WORDS_PER_MINUTE = 230
"""Reading speed behind every "minutes left" and reading time brief shows."""
QUOTE_PREFIX = "▎ "
QUOTE_CELLS = len(QUOTE_PREFIX)
CODE_PADDING = 1
"""Cells of a code block's background on either side of its text."""
BLANK = -1
"""Unit index of a blank line between blocks."""
Made = TypeVar("Made")
INDEX = "i"
"""The arrays' type: 4 bytes a number rather than 8. Lines, offsets and word counts stay below 2**31
for any input small enough to parse (a 10 MB book: 2.2 MB less in each process)."""


class PerWidth(Generic[Made]):
    """What was made for each of the last few widths (lines of text, lines of headings), kept so
    that going back to a width costs nothing.

    Safe without a lock (lines cross processes, and locks do not pickle): a worker thread may make
    the value for one width while the UI thread asks for another.
    """

    def __init__(self, keep: int = 4) -> None:
        self._keep = keep
        self._made: dict[int, Made] = {}
        """Least recently used first: a dict keeps the order of insertion, and a use re-inserts."""

    def __contains__(self, width: int) -> bool:
        return width in self._made

    def values(self) -> list[Made]:
        return list(self._made.values())

    def get(self, width: int, make: Callable[[int], Made]) -> Made:
        made = self._made.pop(width, None)
        if made is None:
            made = make(width)
        made = self._made.setdefault(width, made)  # another thread may have made it meanwhile
        # list() copies the keys in one step, so another thread's change cannot break the loop.
        for stale in list(self._made)[: -self._keep]:
            self._made.pop(stale, None)
        return made


def _item_places(article: Article) -> Iterator[tuple[tuple[int, int, int], Item]]:
    """Each list item with its place: (section, block, item) indexes."""
    for s, section in enumerate(article.sections):
        for b, block in enumerate(section.blocks):
            if isinstance(block, BulletList):
                for i, item in enumerate(block.items):
                    yield (s, b, i), item


class Document:
    """An article ready to lay out: its units, anchors and word counts, independent of width."""

    def __init__(self, article: Article) -> None:
        self.article = article
        flat = Flattened(article)
        self.units, self.section_units, self._item_units = flat.units, flat.section_units, flat.item_units
        self.links: list[Link] = flat.links
        """Every link, numbered in reading order as the reader shows them."""
        self.tables: dict[int, TableRows] = {table.first: table for table in flat.tables}
        """Tables by their first unit."""
        self.code_blocks: list[CodeBlock] = flat.code_blocks
        self.numbering = flat.numbering
        """The main sections and their numbers (made once: a book has thousands of sections)."""
        self._code_starts = [block.first for block in self.code_blocks]
        # Measured once here, not at every width: the scan for wide characters is the costly part.
        self.narrow = bytearray(is_narrow(unit.text) for unit in self.units)
        # Words of the body only: front matter, a contents list or a licence is not reading left.
        aside = {index for index, section in enumerate(article.sections) if section.role != "body"}
        words = array(INDEX, [0])
        total = 0
        for unit in self.units:
            if unit.text and unit.section not in aside:
                total += unit.text.count(" ") + 1
            words.append(total)
        self._words_before = words
        self.jump_sections = array(
            INDEX, (i for i, s in enumerate(article.sections) if s.heading is not None and s.role == "body")
        )
        """The sections `]` and `[` go to: body sections with a heading."""
        self.size = sum(len(unit.text) for unit in self.units)
        """Characters of text in all."""
        self._layouts: PerWidth[Layout] = PerWidth()

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        for layout in self._layouts.values():
            layout.document = self  # lines pickle without their document (`Layout.__getstate__`)

    @property
    def word_count(self) -> int:
        return self._words_before[-1]

    def words_before(self, unit: int) -> int:
        """How many body words come before `unit`."""
        return self._words_before[max(0, min(unit, len(self.units)))]

    def unit_of_item(self, item: Item) -> int | None:
        """The unit showing `item` (one of this document's own: it is found by identity)."""
        return self.units_of_items([item])[0]

    def units_of_items(self, items: Sequence[Item]) -> list[int | None]:
        """The unit showing each of `items` (None for one that is not in the text), in one walk."""
        wanted = {id(item): index for index, item in enumerate(items)}
        found: list[int | None] = [None] * len(items)
        if not wanted:
            return found
        for place, candidate in _item_places(self.article):
            index = wanted.pop(id(candidate), None)
            if index is not None:
                found[index] = self._item_units.get(place)
                if not wanted:
                    break
        return found

    def code_block_of(self, unit: int) -> CodeBlock | None:
        """The code block with a language that `unit` is a line of, if any."""
        index = bisect_right(self._code_starts, unit) - 1
        if index < 0:
            return None
        block = self.code_blocks[index]
        return block if unit < block.first + block.lines else None

    def links_of_section(self, section: int | None) -> list[Link]:
        """The links in `section` (in the text before the first heading when None)."""
        wanted = -1 if section is None else section
        return [link for link in self.links if link.section == wanted]

    def has_layout(self, measure: int) -> bool:
        """Whether the lines for `measure` are made already (`layout` returns them at once)."""
        return max(measure, MIN_MEASURE) in self._layouts

    def layout(self, measure: int) -> Layout:
        """The lines for a measure of `measure` cells, kept for the last few widths used."""
        return self._layouts.get(max(measure, MIN_MEASURE), partial(Layout, self))

    def adopt_layout(self, layout: Layout) -> bool:
        """Keep lines made for the same units elsewhere (by the parse process, from the same article);
        False, and nothing kept, when they are not for as many units (a parse process running other
        code, brief upgraded meanwhile): these are then laid out here when asked for."""
        if len(layout.unit_lines) != len(self.units):
            return False
        layout.document = self
        self._layouts.get(layout.measure, lambda measure: layout)
        return True


def text_width(unit: Unit, measure: int) -> int:
    """Cells for the text of `unit`'s first line, at `measure`."""
    width = measure - unit.indent - len(unit.marker)
    if unit.quoted:
        width -= QUOTE_CELLS
    if unit.kind == Kind.PREFORMATTED:
        width -= 2 * CODE_PADDING
    return width


class Layout:
    """The document wrapped at one measure: for each line, its unit and the slice of its text.

    Table lines are more than one slice: they are kept apart in `pieces` (tables are few, and the
    arrays stay three integers a line).
    """

    def __init__(self, document: Document, measure: int) -> None:
        self.document = document
        self.measure = measure
        self.pieces: dict[int, tuple[Piece, ...]] = {}
        """The lines of tables, by line: slices of the row's text and literal rules."""
        self._lay_out()
        self.section_lines = array(INDEX, (self.unit_lines[u] for u in document.section_units))

    def __getstate__(self) -> dict[str, object]:
        """Pickled without its document: the parse process sends the lines alone, and the reader,
        which made the same units from the same article, adopts them (`Document.adopt_layout`)."""
        state = self.__dict__.copy()
        del state["document"]
        return state

    def _lay_out(self) -> None:
        # Built as lists and turned into arrays once: appending to arrays line by line is slower.
        line_unit: list[int] = []
        line_start: list[int] = []
        line_end: list[int] = []
        unit_lines: list[int] = []
        narrow = self.document.narrow
        tables = self.document.tables
        widths: list[int] = []
        table: TableRows | None = None
        measure = self.measure
        table_kind, code_kind = int(Kind.TABLE), int(Kind.PREFORMATTED)
        for index, unit in enumerate(self.document.units):
            if unit.gap and index:
                line_unit.append(BLANK)
                line_start.append(0)
                line_end.append(0)
            unit_lines.append(len(line_unit))
            kind = unit.kind
            if kind == table_kind:
                width = text_width(unit, measure)
                if index in tables:
                    table = tables[index]
                    widths = column_widths(table, width)
                assert table is not None
                row = table.rows[index - table.first]
                lines = row_lines(row, unit.text, widths, table.align)
                if index == table.first:
                    lines.append(header_rule(widths))
                for pieces in lines:
                    slices = [piece for piece in pieces if not isinstance(piece, str)]
                    self.pieces[len(line_unit)] = pieces
                    line_unit.append(index)
                    line_start.append(slices[0][0] if slices else len(unit.text))
                    line_end.append(slices[-1][1] if slices else len(unit.text))
                continue
            if kind == code_kind:
                width = text_width(unit, measure)
                spans = wrap_code(unit.text, width, width - unit.hang, bool(narrow[index]))
            else:
                width = measure - unit.indent - len(unit.marker) - (QUOTE_CELLS if unit.quoted else 0)
                spans = wrap(unit.text, width, bool(narrow[index]), width - unit.hang)
            line_unit.extend([index] * len(spans))
            starts, ends = zip(*spans)  # the columns of the (start, end) pairs, without a loop here
            line_start.extend(starts)
            line_end.extend(ends)
        self.line_unit = array(INDEX, line_unit)
        self.line_start = array(INDEX, line_start)
        self.line_end = array(INDEX, line_end)
        self.unit_lines = array(INDEX, unit_lines)

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

    def next_section(self, top: int, step: int) -> int | None:
        """The body heading after (step > 0) or before (step < 0) line `top`: where `]` and `[` go.

        Front matter, a contents list or a licence is skipped, and so is text before the first heading.
        """
        targets = self.document.jump_sections
        lines = self.section_lines
        if step > 0:
            index = bisect_right(targets, top, key=lambda section: lines[section])
            return targets[index] if index < len(targets) else None
        index = bisect_left(targets, top, key=lambda section: lines[section]) - 1
        return targets[index] if index >= 0 else None

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
