"""Carry a place in a preview over to the whole text, by what the text says rather than by unit index.

A preview is the start of a large input parsed alone: its title, heading levels and 1–9 numbering
may differ from the whole's (a second `#` heading past the cut turns the preview's title into one
of two parts), so the same words can sit at another unit index in the whole.
"""

from __future__ import annotations

from tui.reading.layout import Document


def carry_anchor(preview: Document, whole: Document, anchor: tuple[int, int]) -> tuple[int, int]:
    """The (unit, offset) in `whole` that shows the same words as `anchor` in `preview`: the n-th
    unit with that text for the n-th in the preview (the last unit of a preview may be cut short,
    so a unit that begins with its text will do)."""
    unit, offset = anchor
    if not 0 <= unit < len(preview.units):
        return anchor
    text = preview.units[unit].text
    ordinal = sum(1 for before in preview.units[:unit] if before.text == text)
    last = unit == len(preview.units) - 1
    seen = 0
    for index, candidate in enumerate(whole.units):
        if candidate.text == text or (last and candidate.text.startswith(text)):
            if seen == ordinal:
                return index, offset
            seen += 1
    return min(unit, len(whole.units) - 1), 0
