"""Plain text as lines: blank-line blocks, how the text is wrapped, and line-structured verse.

A text is either hard-wrapped (lines broken at a fixed width, paragraphs between blank lines: books,
e-mails, old essays) or soft-wrapped (one line per paragraph: what a browser copy or an editor
without wrapping gives). In a soft-wrapped text each line is a unit of its own, with or without blank
lines between them; in a hard-wrapped one a block is, and its width tells verse from prose.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

# A line longer than this is a paragraph written on one line, never a hard-wrapped line.
SOFT_LINE_CHARS = 100
# Hard-wrapped widths are measured from this many lines of multi-line blocks at least.
MIN_MEASURED_LINES = 10
# A line break is deliberate when the next line's first word would have fitted before it.
VERSE_BREAK_SHARE = 0.6
VERSE_CAPITAL_SHARE = 0.5


@dataclass
class Chunk:
    """Consecutive non-blank lines; `gap` is the number of blank lines before them (0 when a
    soft-wrapped line follows another directly)."""

    lines: list[str]
    gap: int
    start: int
    """Index of the first line in the text."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def first(self) -> str:
        return self.lines[0].strip()

    @property
    def single(self) -> str | None:
        """The stripped line when the chunk is one line, else None."""
        return self.lines[0].strip() if len(self.lines) == 1 else None


def chunks_of(lines: list[str], start: int, end: int) -> list[Chunk]:
    """The blank-line-separated blocks of `lines[start:end]` (a line of spaces is blank)."""
    chunks: list[Chunk] = []
    gap = 0
    current: list[str] = []
    first = start
    for index in range(start, end):
        line = lines[index]
        if line and not line.isspace():
            if not current:
                first = index
            current.append(line)
        else:
            if current:
                chunks.append(Chunk(current, gap, first))
                current = []
                gap = 0
            gap += 1
    if current:
        chunks.append(Chunk(current, gap, first))
    return chunks


@dataclass(frozen=True)
class Shape:
    """How a text is wrapped: `soft` (a line per paragraph) or hard at `width` (None: unknown)."""

    soft: bool
    width: int | None


def measure(chunks: list[Chunk]) -> Shape:
    """Tell soft from hard wrapping, and the width of hard-wrapped lines, from the lines themselves."""
    long_lines = wrapped = total = 0
    widths: list[int] = []
    for chunk in chunks:
        lines = chunk.lines
        total += len(lines)
        for line in lines:
            if len(line) > SOFT_LINE_CHARS:
                long_lines += 1
        if len(lines) > 1:
            wrapped += len(lines) - 1
            if len(widths) < 4000:
                widths.extend(len(line.rstrip()) for line in lines[:-1])
    # Hard-wrapped text has no long lines at all, bar a few tables or URLs; in a short text one
    # line in five is enough to tell.
    if long_lines > max(2, wrapped // 20) or long_lines * 5 >= total > 0:
        return Shape(True, None)
    if len(widths) < MIN_MEASURED_LINES:
        return Shape(False, None)
    widths.sort()
    return Shape(False, widths[int(len(widths) * 0.95)])


def usual_length(chunks: list[Chunk]) -> float:
    """The median length of a soft-wrapped text's lines: what "long" means in it."""
    lengths = [len(line) for chunk in chunks for line in chunk.lines]
    return statistics.median(lengths) if lengths else 0.0


def explode(chunks: list[Chunk]) -> list[Chunk]:
    """A soft-wrapped text's blocks as one unit per line; a line directly under another has gap 0."""
    units: list[Chunk] = []
    for chunk in chunks:
        if len(chunk.lines) == 1:
            units.append(chunk)
            continue
        for offset, line in enumerate(chunk.lines):
            units.append(Chunk([line], chunk.gap if offset == 0 else 0, chunk.start + offset))
    return units


def is_verse(lines: list[str], width: int | None) -> bool:
    """True when a block's lines were broken by hand: most breaks come well before the wrap width
    (the next line's first word would have fitted) and most lines start with a capital."""
    if width is None or len(lines) < 2:
        return False
    deliberate = 0
    capitals = 0
    for index, line in enumerate(lines):
        text = line.strip()
        first = text[:1]
        if first in "\"'“‘(_[" and len(text) > 1:
            first = text[1:2]
        if first.isupper() or first.isdigit():
            capitals += 1
        if index + 1 < len(lines):
            following = lines[index + 1].split(None, 1)
            if following and len(line.rstrip()) + 1 + len(following[0]) <= width:
                deliberate += 1
    return deliberate >= VERSE_BREAK_SHARE * (len(lines) - 1) and capitals >= VERSE_CAPITAL_SHARE * len(lines)
