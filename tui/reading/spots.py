"""Positions that outlive a layout: from a line to a `Spot` and back, for resume and bookmarks."""

from __future__ import annotations

from tui.reading.layout import BLANK, Document, Layout
from tui.platform.state import Spot

EXCERPT_CHARS = 60


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
    """Where `spot` is in this document: the same unit when the text is the same (`exact`), else the
    start of the section with the same heading; None when neither exists."""
    if exact and 0 <= spot.unit < len(document.units) and heading_of_unit(document, spot.unit) == spot.heading:
        return spot.unit, min(spot.offset, len(document.units[spot.unit].text))
    if spot.heading is None:
        return None
    for index, section in enumerate(document.article.sections):
        if section.heading == spot.heading:
            return document.section_units[index], 0
    return None


def _excerpt(text: str, offset: int) -> str:
    excerpt = text[offset : offset + EXCERPT_CHARS]
    return excerpt + "…" if offset + EXCERPT_CHARS < len(text) else excerpt
