"""Search in a long document: a bounded number of matches, and a search that can be called off."""

from __future__ import annotations

import pytest

from tui.reading.layout import Kind, Unit
from tui.reading.search import SearchCancelled, SearchResults, find_matches


def units(count: int) -> list[Unit]:
    return [Unit(Kind.PARAGRAPH, "a cat and a hat, then a bat", 0) for _ in range(count)]


def test_matches_stop_one_past_the_limit_and_say_there_are_more():
    matches = find_matches(units(100), "a", limit=50)
    assert len(matches) == 51
    results = SearchResults("a", matches, limit=50)
    assert len(results) == 50 and results.truncated
    assert not SearchResults("cat", find_matches(units(3), "cat", limit=50), limit=50).truncated


def test_a_cancelled_search_stops():
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(SearchCancelled):
        find_matches(units(5000), "zebra", cancelled=cancelled)
    assert len(asked) == 2


def test_smart_case_and_literal_queries():
    sample = [Unit(Kind.PARAGRAPH, "NATO and nato. (Not a regex) [bold]", 0)]
    assert [(m.start, m.end) for m in find_matches(sample, "nato")] == [(0, 4), (9, 13)]
    assert [(m.start, m.end) for m in find_matches(sample, "NATO")] == [(0, 4)]
    assert len(find_matches(sample, "(not a regex)")) == 1
    assert len(find_matches(sample, "[bold]")) == 1
