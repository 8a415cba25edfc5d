"""The article's outline as the section navigator shows it: one entry per heading, wrapped for a width.

Pure Python (no Textual). Like `tui.reading.layout`, the lines are three integer arrays (entry, start, end of
the heading's text), so a book with thousands of headings costs a few bytes a line and the
navigator draws only the lines on screen.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import partial

from tui.model.article import Section
from tui.reading.cells import fitting_end
from tui.reading.layout import INDEX, PerWidth, is_narrow, wrap
from tui.reading.numbering import Numbering

MARKER_CELLS = 1
"""The first column of every line, where a bookmarked section shows its marker."""
SUB_INDENT = 2
"""How much further each level below the main one is indented than the level above it."""
RIGHT_PADDING = 1
"""Cells kept free at the right of every line, so that a heading never touches the pane's edge."""
MAX_DEPTH = 3
"""Levels deeper than this are indented no further: the pane is narrow."""
MAX_LINES = 3
"""Lines one heading takes at most; a longer one is cut at the end of its last, which ends in
`ELLIPSIS` (a Gutenberg book's "The Project Gutenberg eBook of …" took six lines at 80 columns)."""
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Entry:
    """One heading: its section, its number if it is a main section ("" if not), its text, how
    many levels it is below the main sections, and whether it is an aside (front matter, contents,
    licence: unnumbered and shown dimmed)."""

    section: int
    number: str
    heading: str
    depth: int = 0
    aside: bool = False


def outline_entries(sections: list[Section]) -> list[Entry]:
    """An entry for each heading, in order; main sections numbered from 1."""
    numbering = Numbering(sections)
    numbers = {section: str(number) for number, section in enumerate(numbering.main, 1)}
    return [
        Entry(
            index,
            numbers.get(index, ""),
            section.heading.replace("\n", " "),
            min(numbering.depth(index), MAX_DEPTH),
            section.role != "body",
        )
        for index, section in enumerate(sections)
        if section.heading is not None
    ]


class Outline:
    """The headings of an article as the navigator lists them, independent of width."""

    def __init__(self, sections: list[Section]) -> None:
        self.entries = outline_entries(sections)
        self.number_cells = max([2, *(len(entry.number) for entry in self.entries)])
        self._entry_sections = array(INDEX, (entry.section for entry in self.entries))
        self._wrapped: PerWidth[OutlineLines] = PerWidth()

    def entry_of_section(self, section: int) -> int | None:
        """The entry for section `section`'s heading, or None when it has no heading."""
        index = bisect_right(self._entry_sections, section) - 1
        return index if index >= 0 and self._entry_sections[index] == section else None

    def indent(self, entry: Entry) -> int:
        """Cells before the heading's text on each of the entry's lines."""
        return MARKER_CELLS + self.number_cells + 1 + SUB_INDENT * entry.depth

    def prefix(self, entry: Entry) -> str:
        """What follows the marker column on an entry's first line: ` 3 ` or the sub-heading indent."""
        if entry.number:
            return f"{entry.number:>{self.number_cells}} "
        return " " * (self.indent(entry) - MARKER_CELLS)

    def lines(self, width: int) -> OutlineLines:
        """The entries wrapped at `width` cells, kept for the last few widths used."""
        return self._wrapped.get(width, partial(OutlineLines, self))


class OutlineLines:
    """The outline wrapped at `width` cells: for each line its entry and the slice of the heading.

    A line is drawn as the marker column, then the entry's prefix (its number, right-aligned, or
    the deeper indent of a sub-heading) on its first line or as many spaces on the others, then the
    slice: a wrapped heading hangs under its first word. A heading longer than `MAX_LINES` lines
    is cut within the last, which ends in `ELLIPSIS` (`cut_lines`); the reading pane and the status
    line show it whole.
    """

    def __init__(self, outline: Outline, width: int) -> None:
        self.width = width
        line_entry: list[int] = []
        line_start: list[int] = []
        line_end: list[int] = []
        entry_lines: list[int] = []
        cut_lines: set[int] = set()
        for index, entry in enumerate(outline.entries):
            entry_lines.append(len(line_entry))
            room = width - outline.indent(entry) - RIGHT_PADDING
            spans = wrap(entry.heading, room, is_narrow(entry.heading))
            if len(spans) > MAX_LINES and room > len(ELLIPSIS) + 1:  # a wide character and `…` fit
                spans = [*spans[: MAX_LINES - 1], _cut(entry.heading, spans[MAX_LINES - 1][0], room)]
                cut_lines.add(len(line_entry) + MAX_LINES - 1)
            line_entry.extend([index] * len(spans))
            line_start.extend(start for start, _ in spans)
            line_end.extend(end for _, end in spans)
        self.line_entry = array(INDEX, line_entry)
        self.line_start = array(INDEX, line_start)
        self.line_end = array(INDEX, line_end)
        self.entry_lines = array(INDEX, entry_lines)
        self.cut_lines = frozenset(cut_lines)
        """Lines whose heading goes on beyond them: drawn with `ELLIPSIS` after the slice."""

    @property
    def line_count(self) -> int:
        return len(self.line_entry)

    def lines_of(self, entry: int) -> range:
        """The lines entry `entry` takes."""
        end = self.entry_lines[entry + 1] if entry + 1 < len(self.entry_lines) else self.line_count
        return range(self.entry_lines[entry], end)

    def entry_at(self, line: int) -> int | None:
        """The entry shown on `line`, or None past the end."""
        if not 0 <= line < self.line_count:
            return None
        return self.line_entry[line]


def _cut(heading: str, start: int, room: int) -> tuple[int, int]:
    """The last line a long heading gets, from `start`: as much as fits in `room` cells with the
    ellipsis after it, cut between characters (it is a glimpse, not a line to read on)."""
    end = fitting_end(heading, start, len(heading), room - len(ELLIPSIS))
    while end > start + 1 and heading[end - 1] == " ":
        end -= 1
    return start, end
