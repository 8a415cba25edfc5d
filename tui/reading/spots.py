"""Positions that outlive a layout: from a line to a `Spot` and back, for resume and bookmarks.

A spot is a unit index and the text found there. The index alone is trusted only when the text is
still there: an edited article, a newer model that numbers its units differently (state version 1),
or a preview replaced by the whole all move units, and the excerpt finds the place again.
"""

from __future__ import annotations

from tui.platform.state import Spot
from tui.reading.layout import BLANK, Document, Layout

EXCERPT_CHARS = 60
ELLIPSIS = "…"


def spot_at(document: Document, layout: Layout, line: int) -> Spot:
    """The spot for the text at `line` (the paragraph there, or the next one below a blank line)."""
    unit, offset = layout.anchor(line)
    if unit == BLANK or unit >= len(document.units):
        return Spot(0, 0, None, "")
    return Spot(unit, offset, heading_of_unit(document, unit), _excerpt(document.units[unit].text, offset))


def heading_of_unit(document: Document, unit: int) -> str | None:
    section = document.units[unit].section
    return document.article.sections[section].heading if section >= 0 else None


def resolve(document: Document, spot: Spot, exact: bool) -> tuple[int, int] | None:
    """Where `spot` is in this document, or None when it cannot be found.

    In order: the same unit and offset when its text is still there; else the place of the excerpt
    nearest to the old unit; else, for a spot without an excerpt, the same unit when the text is the
    same (`exact`); else the start of the section with the same heading.
    """
    units = document.units
    stem = excerpt_text(spot.excerpt)
    if stem:
        if 0 <= spot.unit < len(units) and units[spot.unit].text.startswith(stem, spot.offset):
            return spot.unit, spot.offset
        found = _find_excerpt(document, stem, spot.unit)
        if found is not None:
            return found
    elif exact and 0 <= spot.unit < len(units) and heading_of_unit(document, spot.unit) == spot.heading:
        return spot.unit, min(spot.offset, len(units[spot.unit].text))
    if spot.heading is None:
        return None
    for index, section in enumerate(document.article.sections):
        if section.heading == spot.heading:
            return document.section_units[index], 0
    return None


def excerpt_text(excerpt: str) -> str:
    """The article's own text in an excerpt: without the ellipsis `_excerpt` adds to a cut one."""
    if len(excerpt) == EXCERPT_CHARS + 1 and excerpt.endswith(ELLIPSIS):
        return excerpt[:-1]
    return excerpt


def _find_excerpt(document: Document, stem: str, near: int) -> tuple[int, int] | None:
    """The unit and offset where `stem` appears, the nearest to unit `near` when it appears twice."""
    best: tuple[int, int] | None = None
    for index, unit in enumerate(document.units):
        offset = unit.text.find(stem)
        if offset >= 0 and (best is None or abs(index - near) < abs(best[0] - near)):
            best = (index, offset)
    return best


def _excerpt(text: str, offset: int) -> str:
    excerpt = text[offset : offset + EXCERPT_CHARS]
    return excerpt + ELLIPSIS if offset + EXCERPT_CHARS < len(text) else excerpt
