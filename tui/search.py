"""Finding text in a laid-out document: smart case, every unit (headings and labels included)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tui.layout import Unit


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: the unit it is in and its character span there."""

    unit: int
    start: int
    end: int


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern for `query`: literal text, case-insensitive unless it has a capital (smart case)."""
    if not query:
        return None
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    return re.compile(re.escape(query), flags)


def find_matches(units: Sequence[Unit], query: str) -> list[Match]:
    """Every match of `query` in document order."""
    pattern = compile_query(query)
    if pattern is None:
        return []
    matches: list[Match] = []
    search = pattern.search
    for index, unit in enumerate(units):
        text = unit.text
        if search(text) is None:
            continue
        matches.extend(Match(index, m.start(), m.end()) for m in pattern.finditer(text))
    return matches


class SearchResults:
    """The matches of one query, indexed for the reader: per unit, and in order for n / N."""

    def __init__(self, query: str, matches: list[Match]) -> None:
        self.query = query
        self.matches = matches
        self._keys = [(m.unit, m.start) for m in matches]
        self.by_unit: dict[int, list[tuple[int, int]]] = {}
        for match in matches:
            self.by_unit.setdefault(match.unit, []).append((match.start, match.end))

    def __len__(self) -> int:
        return len(self.matches)

    def after(self, unit: int, offset: int) -> int | None:
        """Index of the first match at or after (unit, offset), wrapping to the first."""
        if not self.matches:
            return None
        index = bisect_left(self._keys, (unit, offset))
        return index if index < len(self.matches) else 0

    def before(self, unit: int, offset: int) -> int | None:
        """Index of the last match before (unit, offset), wrapping to the last."""
        if not self.matches:
            return None
        index = bisect_right(self._keys, (unit, offset - 1)) - 1
        return index if index >= 0 else len(self.matches) - 1
