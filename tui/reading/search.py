"""Finding text in a laid-out document: smart case, every unit (headings and labels included)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.reading.layout import Unit


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


MAX_MATCHES = 10_000
"""Matches kept at most: a one-letter query in a book has a million, none of them useful."""


class SearchCancelled(Exception):
    """A newer query made this search pointless."""


def find_matches(
    units: Sequence[Unit],
    query: str,
    limit: int = MAX_MATCHES,
    cancelled: Callable[[], bool] | None = None,
) -> list[Match]:
    """The first `limit` matches of `query` in document order (one more tells that there are more).

    `cancelled` is asked now and then; when it says yes, `SearchCancelled` is raised.
    """
    pattern = compile_query(query)
    if pattern is None:
        return []
    matches: list[Match] = []
    search = pattern.search
    for index, unit in enumerate(units):
        if cancelled is not None and index % 512 == 0 and cancelled():
            raise SearchCancelled(query)
        text = unit.text
        if search(text) is None:
            continue
        for found in pattern.finditer(text):
            matches.append(Match(index, found.start(), found.end()))
            if len(matches) > limit:
                return matches
    return matches


class SearchResults:
    """The matches of one query, indexed for the reader: per unit, and in order for n / N."""

    def __init__(self, query: str, matches: list[Match], limit: int = MAX_MATCHES) -> None:
        self.query = query
        self.truncated = len(matches) > limit
        """True when there are more matches than were kept."""
        self.matches = matches[:limit]
        self._keys = [(m.unit, m.start) for m in self.matches]
        self.by_unit: dict[int, list[tuple[int, int]]] = {}
        for match in self.matches:
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
