"""Plain text as lines: blank-line blocks, how the text is wrapped, and line-structured verse.

A text is either hard-wrapped (lines broken at a fixed width, paragraphs between blank lines: books,
e-mails, old essays) or soft-wrapped (one line per paragraph: what a browser copy or an editor
without wrapping gives). In a soft-wrapped text each line is a unit of its own, with or without blank
lines between them; in a hard-wrapped one a block is, and its width tells verse from prose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# A line longer than this is a paragraph written on one line, never a hard-wrapped line.
SOFT_LINE_CHARS = 100
# No line of a text hard-wrapped wide (a PDF saved as text) is longer than this, bar a few.
WIDE_LINE_CHARS = 160
# Hard-wrapped widths are measured from this many lines of multi-line blocks at least.
MIN_MEASURED_LINES = 10
# A line break is deliberate when the next line's first word would have fitted before it.
VERSE_BREAK_SHARE = 0.6
VERSE_CAPITAL_SHARE = 0.5


class Chunk:
    """Consecutive non-blank lines; `gap` is the number of blank lines before them (0 when a
    soft-wrapped line follows another directly); `single` is the stripped line of a one-line chunk.

    A plain class with slots: a book has tens of thousands of chunks."""

    __slots__ = ("lines", "gap", "single")

    def __init__(self, lines: list[str], gap: int) -> None:
        self.lines = lines
        self.gap = gap
        self.single: str | None = lines[0].strip() if len(lines) == 1 else None

    def __repr__(self) -> str:
        return f"Chunk({self.lines!r}, {self.gap})"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def first(self) -> str:
        return self.lines[0].strip()


def chunks_of(text: str) -> list[Chunk]:
    """The blank-line-separated blocks of `text` (a line of white space is blank)."""
    return chunks_of_lines(text.split("\n"))


def chunks_of_lines(lines: list[str]) -> list[Chunk]:
    # One pass over the lines; a block is a slice of them, so no line is copied.
    chunks: list[Chunk] = []
    start = -1  # the first line of the open block, -1 when none is open
    gap = 0
    for index, line in enumerate(lines):
        if line and not line.isspace():
            if start < 0:
                start = index
        elif start >= 0:
            chunks.append(Chunk(lines[start:index], gap))
            start = -1
            gap = 1
        else:
            gap += 1
    if start >= 0:
        chunks.append(Chunk(lines[start:], gap))
    elif gap == 1 and lines[-1] and len(lines) > 1 and chunks:
        # A last line of white space with no line break after it stays with the block above it.
        last = chunks[-1]
        chunks[-1] = Chunk([*last.lines, lines[-1]], last.gap)
    return chunks


@dataclass(frozen=True)
class Shape:
    """How a text is wrapped: `soft` (a line per paragraph) or hard at `width` (None: unknown)."""

    soft: bool
    width: int | None


def is_soft(lines: list[str]) -> bool:
    """Whether a text of these lines is soft-wrapped (a line per paragraph), told by its long lines:
    hard-wrapped text has none, bar a few tables or URLs; in a short text one line in five is
    enough to tell."""
    # Counted with C-level maps over the lines: a Python loop per line would cost more than the rest.
    long_lines = sum(map(SOFT_LINE_CHARS.__lt__, map(len, lines)))
    if not long_lines:
        return False
    blank = lines.count("") + sum(map(str.isspace, lines))
    total = len(lines) - blank
    if _wide_hard_wrap(lines, long_lines):
        return False
    if long_lines * 5 >= total > 0:
        return True
    # Lines that continue the one above (neither after a blank line nor the first).
    wrapped = total - (_blank_runs(lines) + 1)
    return long_lines > max(2, wrapped // 20)


def _wide_hard_wrap(lines: list[str], long_lines: int) -> bool:
    """A text hard-wrapped wider than usual (a PDF saved as text, lines of 100–110 characters):
    its long lines are all about as long (a paragraph on one line would often run past
    WIDE_LINE_CHARS) and most of them go on on the next line, in lower case."""
    if long_lines < MIN_MEASURED_LINES or sum(map(WIDE_LINE_CHARS.__lt__, map(len, lines))) * 20 > long_lines:
        return False
    goes_on = pairs = 0
    for line, following in zip(lines, lines[1:], strict=False):
        if len(line) > SOFT_LINE_CHARS and following and not following.isspace():
            pairs += 1
            goes_on += following.lstrip()[:1].islower()
    return pairs > 0 and goes_on * 3 >= pairs


def _blank_runs(lines: list[str]) -> int:
    """Runs of blank lines between two lines (the first line and a last one after them aside)."""
    runs = 0
    in_run = False
    for line in lines[1:-1]:
        if not line or line.isspace():
            if not in_run:
                runs += 1
                in_run = True
        else:
            in_run = False
    return runs


def measure(chunks: list[Chunk]) -> Shape:
    """The width of a hard-wrapped text's lines, from the lines of its multi-line blocks."""
    widths: list[int] = []
    for chunk in chunks:
        lines = chunk.lines
        if len(lines) > 1:
            widths.extend(len(line.rstrip()) for line in lines[:-1])
            if len(widths) >= 4000:
                break
    if len(widths) < MIN_MEASURED_LINES:
        return Shape(False, None)
    widths.sort()
    return Shape(False, widths[int(len(widths) * 0.95)])


def units_of_lines(lines: list[str]) -> list[Chunk]:
    """A soft-wrapped text as one unit per line; `gap` counts the blank lines before each."""
    units: list[Chunk] = []
    gap = 0
    for line in lines:
        if not line or line.isspace():
            gap += 1
        else:
            units.append(Chunk([line], gap))
            gap = 0
    return units


def explode(chunks: list[Chunk]) -> list[Chunk]:
    """A soft-wrapped text's blocks as one unit per line; a line directly under another has gap 0."""
    units: list[Chunk] = []
    for chunk in chunks:
        if len(chunk.lines) == 1:
            units.append(chunk)
            continue
        for offset, line in enumerate(chunk.lines):
            units.append(Chunk([line], chunk.gap if offset == 0 else 0))
    return units


def is_verse(lines: list[str], width: int | None) -> bool:
    """True when a block's lines were broken by hand: most breaks come well before the wrap width
    (the next line's first word would have fitted) and most lines start with a capital."""
    if width is None or len(lines) < 2:
        return False
    if len(lines) > 2 and len(lines[0]) > width - 10 and len(lines[1]) > width - 10:
        return False  # two full lines in a row: prose (the common case, decided at once)
    breaks = len(lines) - 1
    # Prose breaks where the next word would not fit: stop counting once too many of them did.
    allowed = breaks - math.ceil(VERSE_BREAK_SHARE * breaks)
    full = 0
    for index in range(breaks):
        room = width - len(lines[index].rstrip()) - 1
        following = lines[index + 1].lstrip()
        space = following.find(" ")
        if (space if space >= 0 else len(following)) > room:
            full += 1
            if full > allowed:
                return False
    capitals = 0
    for line in lines:
        text = line.lstrip()
        first = text[1:2] if text[:1] in "\"'“‘(_[" else text[:1]
        if first.isupper() or first.isdigit():
            capitals += 1
    return capitals >= VERSE_CAPITAL_SHARE * len(lines)
