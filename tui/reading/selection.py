"""The sentence cursor of selection mode (`v`): which sentences are selected, moved one at a time.

Pure Python. Sentences are split per unit when the cursor first reaches it, so entering selection
mode in a 10 MB book costs one paragraph's splitting, not the book's.
"""

from __future__ import annotations

from tui.reading.layout import Document, Kind
from tui.reading.sentences import sentence_spans

SELECTABLE = frozenset({Kind.PARAGRAPH, Kind.ITEM, Kind.QUOTE, Kind.VERSE})
"""Units whose sentences can be selected and highlighted (not headings, code or tables)."""

Place = tuple[int, int]
"""(unit, index of a sentence in it)."""


class SentenceCursor:
    """A selection of whole sentences between an anchor and a head, which moves."""

    def __init__(self, document: Document, unit: int) -> None:
        """Start on the first sentence of the first selectable unit at or after `unit`."""
        self.document = document
        self._spans: dict[int, list[tuple[int, int]]] = {}
        first = self._next_unit(unit - 1, 1)
        if first is None:
            first = self._next_unit(unit, -1)
        if first is None:
            raise ValueError("no sentence to select")
        self.anchor: Place = (first, 0)
        self.head: Place = self.anchor

    def spans(self, unit: int) -> list[tuple[int, int]]:
        if unit not in self._spans:
            self._spans[unit] = sentence_spans(self.document.units[unit].text)
        return self._spans[unit]

    def _next_unit(self, unit: int, step: int) -> int | None:
        units = self.document.units
        unit += step
        while 0 <= unit < len(units):
            if units[unit].kind in SELECTABLE and self.spans(unit):
                return unit
            unit += step
        return None

    def move(self, step: int, extend: bool = False) -> None:
        """Move the head one sentence forward (step 1) or back (-1); without `extend`, the anchor too."""
        unit, index = self.head
        index += step
        if not 0 <= index < len(self.spans(unit)):
            other = self._next_unit(unit, step)
            if other is None:
                return  # at the first or last sentence: stay
            unit, index = other, 0 if step > 0 else len(self.spans(other)) - 1
        self.head = (unit, index)
        if not extend:
            self.anchor = self.head

    def selected(self) -> list[tuple[int, int, int]]:
        """(unit, start, end) of the selection in each unit it covers, in reading order."""
        first, last = sorted((self.anchor, self.head))
        ranges: list[tuple[int, int, int]] = []
        unit = first[0]
        while unit is not None and unit <= last[0]:
            spans = self.spans(unit)
            begin = first[1] if unit == first[0] else 0
            end = last[1] if unit == last[0] else len(spans) - 1
            ranges.append((unit, spans[begin][0], spans[end][1]))
            unit = self._next_unit(unit, 1)
        return ranges
