"""Heading search in the command palette: Textual's scores, found in bounded time, over the right
headings of a very long book."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.command import CommandList, CommandPalette
from textual.fuzzy import FuzzySearch

from tests.app.helpers import top_text, wait_until
from tui.model.article import Article, Paragraph, Section
from tui.ui import fuzzy
from tui.ui.app import BriefApp
from tui.ui.commands import PREFIX, HeadingIndex, highlight

TEXTS = st.text(alphabet="ab cA_.é[\\^-]", max_size=14)
QUERIES = st.text(alphabet="ab cA_.é[\\^-]", min_size=1, max_size=5)


@settings(max_examples=3000, deadline=None)
@given(query=QUERIES, candidate=TEXTS)
def test_the_score_is_textuals(query: str, candidate: str):
    """Headings are ranked among the palette's other commands, which Textual scores."""
    expected = FuzzySearch().match(query, candidate)[0]
    found, places = fuzzy.match(query, candidate)
    assert found == expected
    if found:
        lowered, letters = candidate.lower(), query.lower()
        assert list(places) == sorted(set(places)) and [lowered[p] for p in places] == list(letters)


def test_many_ways_to_place_the_letters_cost_no_more_than_one():
    """Textual lists every placing: twelve `e`s over a heading of a hundred one-letter words is
    C(100, 12) of them, which never finishes. The best placing still scores as Textual would:
    twelve word starts in twelve groups."""
    score, places = fuzzy.match("e" * 12, " ".join("e" * 100))
    assert score == fuzzy.score(12, 12, 12) == 24 * (1 + (1 / 12) ** 2)
    assert len(places) == 12


def test_places_are_in_the_heading_as_written_when_lowering_lengthens_a_letter():
    """`"İ".lower()` is two characters: places in the lowered heading ran past the heading's end."""
    heading = "İİİ İstanbul"
    score, places = fuzzy.match("bul", heading)
    assert score == FuzzySearch().match("bul", heading)[0] > 0
    assert [heading[p] for p in places] == ["b", "u", "l"]
    assert highlight(heading, places).plain == heading


class Jumper:
    def __init__(self, headings: list[str]) -> None:
        self.article = Article("Book", None, [Section(h, 2, [Paragraph("text")]) for h in headings])

    def go_to_section(self, section: int) -> None:
        pass


def in_order(letters: str, title: str) -> bool:
    return re.search(".*?".join(re.escape(c) for c in letters), title, re.S) is not None


@settings(max_examples=300, deadline=None)
@given(headings=st.lists(st.text(alphabet="ab cA_.é[\\^-]ßİ", max_size=14), min_size=1, max_size=12), query=QUERIES)
def test_candidates_are_the_headings_holding_the_letters_in_order(headings: list[str], query: str):
    index = HeadingIndex(Jumper(headings))
    letters = "".join(c for c in query.casefold() if not c.isspace())
    expected = [n for n, title in enumerate(index.titles) if in_order(letters, title.casefold())]
    assert sorted(index.candidates(query, limit=len(headings) + 1)) == expected


def test_headings_holding_the_query_as_typed_come_first():
    """Only `LIMIT` headings are scored: the ones the matcher ranks highest must be among them,
    even at the end of a long book."""
    headings = [f"Lesson {n}: the flask tasting" for n in range(400)] + ["The Last Stand", "Before the last"]
    index = HeadingIndex(Jumper(headings))
    found = index.candidates("the last", limit=50)
    assert len(found) == 50 and {400, 401} <= set(found)


async def choose_first_found(app: BriefApp, pilot, query: str, shown: str) -> None:
    """Type `query` in the palette, wait for a first result starting with `shown`, choose it."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*query)
    results = app.screen.query_one(CommandList)
    await wait_until(
        pilot,
        lambda: results.option_count > 0 and str(results.get_option_at_index(0).prompt).startswith(PREFIX + shown),
    )
    await pilot.press("enter")


async def test_the_palette_finds_a_heading_that_has_many_placings():
    headings = ["Opening", " ".join("e" * 100), "Closing"]
    app = BriefApp(Jumper(headings).article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose_first_found(app, pilot, "eeeeeeeeeeee", "e e e")
        await wait_until(pilot, lambda: top_text(app).startswith("e e e"))


async def test_the_palette_finds_a_heading_whose_letters_lengthen_when_lowered():
    """The old search raised IndexError here: Textual's places, counted in "i̇i̇i̇ i̇stanbul", ran
    past the end of "İİİ İstanbul"."""
    app = BriefApp(Jumper(["Opening", "İİİ İstanbul", "Closing"]).article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose_first_found(app, pilot, "stanbul", "İİİ İstanbul\n")
        await wait_until(pilot, lambda: top_text(app).startswith("İİİ İstanbul"))
