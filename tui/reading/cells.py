"""Text measured in terminal cells, and the one word-wrapping function that the reading pane, the
navigator and `--plain` all use, so that they break CJK and emoji lines alike.

Pure Python (no Textual). Widths are Rich's (`rich.cells.cell_len`), through a table of the code
points that are not one cell wide (`cell_table.py`, generated from Rich and checked against it for
every code point), so the common case, text whose every character is one cell, is told apart by
one regular-expression scan and wrapped by offsets alone.
"""

from __future__ import annotations

import re
from functools import cache

from rich.cells import cell_len

from tui.reading.cell_table import NOT_ONE_CELL


def _class(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


# Patterns, not one: a class within the Basic Multilingual Plane compiles to a lookup table, while
# one reaching past it is searched range by range for every character (25 times slower on a book).
# Each is compiled when first needed (the whole plane's takes 15 ms, paid before the first frame
# when it was compiled on import): text below U+2100 (Latin, Greek, Cyrillic and the rest of the
# alphabets, curly quotes and dashes) needs only the small class of its own ranges.
_LOW = 0x2100
_BMP = 0xFFFF
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_WORD = re.compile(r"\S+")


@cache
def _not_one_cell(low: int, high: int) -> re.Pattern[str]:
    """The code points from `low` to `high` that are not one cell wide, as a character class."""
    return _class([(max(a, low), min(b, high)) for a, b in NOT_ONE_CELL if a <= high and b >= low])


_TYPOGRAPHY = "’“”‘—–…"
"""One-cell characters of English prose beyond ASCII (checked against the table by a test)."""


def is_narrow(text: str) -> bool:
    """True when every character of `text` takes one cell, so offsets are columns."""
    if text.isascii():
        return text.isprintable()
    # Prose that is ASCII but for its quotes and dashes is told by dropping them (a copy made at
    # memory speed) rather than by `max` and a scan, which take a book's text at 15-20 ns a character.
    ascii_but = text
    for mark in _TYPOGRAPHY:
        if mark in ascii_but:
            ascii_but = ascii_but.replace(mark, "")
    if ascii_but.isascii():
        return ascii_but.isprintable()
    if max(text) < chr(_LOW):
        return _not_one_cell(0, _LOW - 1).search(text) is None
    if _not_one_cell(0, _BMP).search(text) is not None:
        return False
    return _ASTRAL.search(text) is None or _not_one_cell(_BMP + 1, 0x10FFFF).search(text) is None


def wrap(text: str, width: int, narrow: bool | None = None, rest: int | None = None) -> list[tuple[int, int]]:
    """Greedy word wrap of `text`: (start, end) offsets of each line, the first at most `width`
    cells and the others at most `rest` (default `width`: a hanging indent makes `rest` smaller).

    Spaces at a break are dropped; a word longer than its line is cut between characters (how CJK
    text, which has no spaces, is wrapped). `narrow` (see `is_narrow`) may be given when known.
    """
    width = max(width, 1)
    rest = width if rest is None else max(rest, 1)
    if narrow if narrow is not None else is_narrow(text):
        return _wrap_narrow(text, width, rest)
    return _wrap_cells(text, width, rest)


def _wrap_narrow(text: str, width: int, rest: int) -> list[tuple[int, int]]:
    """Wrap text whose every character is one cell: offsets are columns."""
    start, length = 0, len(text)
    if length <= width:  # most units of an article, and every heading
        return [(0, length)]
    spans: list[tuple[int, int]] = []
    append, rfind = spans.append, text.rfind  # a book's hundred thousand lines come through here
    while length - start > width:
        cut = rfind(" ", start, start + width + 1)
        if cut <= start:
            append((start, start + width))
            start += width
        else:
            end = cut
            while end > start and text[end - 1] == " ":
                end -= 1
            append((start, end))
            start = cut + 1
        while start < length and text[start] == " ":
            start += 1
        width = rest
    append((start, length))
    return spans


def _wrap_cells(text: str, width: int, rest: int) -> list[tuple[int, int]]:
    """Wrap text with wide or zero-width characters, measuring each word in cells."""
    spans: list[tuple[int, int]] = []
    line_start, line_end, line_cells = 0, 0, 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        cells = cell_len(match.group())
        gap = cell_len(text[line_end:start])  # the white space kept between two words: there may be several
        if line_end > line_start and line_cells + gap + cells <= width:
            line_end, line_cells = end, line_cells + gap + cells
            continue
        if line_end > line_start:
            spans.append((line_start, line_end))
            width = rest
        while cells > width:  # a word wider than the line: cut it by cells
            cut = fitting_end(text, start, end, width)
            spans.append((start, cut))
            width = rest
            start = cut
            cells = cell_len(text[start:end])
        line_start, line_end, line_cells = start, end, cells
    spans.append((line_start, line_end))
    return spans


def fitting_end(text: str, start: int, end: int, width: int) -> int:
    """The offset where `text[start:end]` stops fitting in `width` cells (at least one character)."""
    cut, used = start, 0
    while cut < end:
        cells = cell_len(text[cut])
        if used + cells > width:
            break
        used += cells
        cut += 1
    return max(cut, start + 1)


def wrap_code(text: str, width: int, rest: int | None = None, narrow: bool | None = None) -> list[tuple[int, int]]:
    """Lines of code cut to fit, keeping every character (spaces too): (start, end) offsets.

    A line breaks after its last space that fits, past its indentation, else between characters;
    the reader marks each continuation, so a break inside a token is never silent.
    """
    width = max(width, 1)
    rest = width if rest is None else max(rest, 1)
    if narrow is None:
        narrow = is_narrow(text)
    if (len(text) if narrow else cell_len(text)) <= width:
        return [(0, len(text))]
    indent = len(text) - len(text.lstrip(" "))
    spans: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while True:
        remaining = length - start if narrow else cell_len(text[start:])
        if remaining <= width:
            spans.append((start, length))
            return spans
        cut = start + width if narrow else fitting_end(text, start, length, width)
        space = text.rfind(" ", max(start, indent), cut)  # never inside the indentation
        if space > start:
            cut = space + 1
        spans.append((start, cut))
        start, width = cut, rest
