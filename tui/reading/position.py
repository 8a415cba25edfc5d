"""How far through an article the reader is: one definition for the status line and the library.

"Read" is the share of the article's words above the top line of the reading pane: 0% at the top,
100% once the last line is on screen. Pure Python (no Textual).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.reading.layout import WORDS_PER_MINUTE, Document, Layout


@dataclass(frozen=True)
class ReadingPosition:
    """Where the reader is: the section at the top of the pane, how far through, time left."""

    section: int | None
    percent: int
    minutes_left: int


def percent_read(document: Document, unit: int) -> int:
    """The share of the words that come before `unit`, in whole percent (rounded down)."""
    total = document.word_count
    return min(100, 100 * document.words_before(unit) // total) if total else 0


def minutes_for(words: int) -> int:
    """Minutes to read `words` at brief's reading speed, rounded up."""
    return -(-words // WORDS_PER_MINUTE)


def measure_position(document: Document, layout: Layout, top: int, height: int) -> ReadingPosition:
    """The position of a pane showing `height` lines of `layout` from line `top`."""
    if top + max(1, height) >= layout.line_count:
        return ReadingPosition(layout.section_at(top), 100, 0)
    unit = layout.unit_at(top)
    words_left = document.word_count - document.words_before(unit)
    return ReadingPosition(layout.section_at(top), percent_read(document, unit), minutes_for(words_left))
