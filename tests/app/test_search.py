"""Searching the article: incremental highlights, smart case, n / N across sections, Escape."""

from __future__ import annotations

from tests.app.helpers import seed_app, top_line, wait_until
from tui.reading.search import find_matches
from tui.ui.widgets.search_bar import SearchBar


def status(app) -> str:
    return str(app.query_one("#status").render())


async def type_query(app, pilot, query: str) -> None:
    await pilot.press("slash")
    for character in query:
        await pilot.press(character)
    await app.workers.wait_for_complete()
    await wait_until(pilot, lambda: app.reader.search is not None and app.reader.search.query == query)


async def test_slash_opens_a_bar_that_takes_every_key():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_query(app, pilot, "nqj")
        bar = app.query_one(SearchBar)
        assert bar.display and app.focused is bar
        assert bar.value == "nqj"  # n, q and j typed, not obeyed
        assert app.is_running and top_line(app) == 0


async def test_matches_highlight_as_you_type_with_smart_case():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_query(app, pilot, "putin")
        insensitive = len(app.reader.search)
        assert insensitive == len(find_matches(app.document.units, "putin")) == 30
        assert status(app).endswith("· 1/30")
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "P", "u", "t", "i", "n")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: app.reader.search is not None and app.reader.search.query == "Putin")
        assert len(app.reader.search) == 30  # every "putin" in the seed is capitalised
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", *"nato")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: app.reader.search is not None and app.reader.search.query == "nato")
        nato_any_case = len(app.reader.search)
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"Nato")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: app.reader.search is not None and app.reader.search.query == "Nato")
        assert len(app.reader.search) == 0 < nato_any_case  # a capital makes it exact: the seed says NATO
        assert status(app).endswith("· no matches")


async def test_highlights_are_drawn_in_the_reading_pane():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_query(app, pilot, "gauntlet")
        reader = app.reader
        match_style = reader.get_component_rich_style("reader--match-current", partial=True)
        first_line = reader.render_line(0)
        highlighted = [
            segment.text for segment in first_line if segment.style and match_style.bgcolor == segment.style.bgcolor
        ]
        assert highlighted == ["Gauntlet"]


async def test_enter_keeps_highlights_and_n_walks_matches_across_sections():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_query(app, pilot, "ceasefire")
        total = len(app.reader.search)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.query_one(SearchBar).display and app.focused is app.reader
        assert app.reader.search is not None
        sections_seen = set()
        for number in range(2, total + 1):
            await pilot.press("n")
            assert status(app).endswith(f"· {number}/{total}")
            match = app.reader.search.matches[app.reader.current_match]
            line = app.reader.text_layout.line_of_anchor((match.unit, match.start))
            assert top_line(app) <= line < top_line(app) + app.reader.scrollable_content_region.height
            sections_seen.add(app.document.units[match.unit].section)
        assert len(sections_seen) >= 4
        await pilot.press("n")  # wraps to the first
        assert status(app).endswith(f"· 1/{total}")
        await pilot.press("N")
        assert status(app).endswith(f"· {total}/{total}")


async def test_matches_in_headings_and_labels_count():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_query(app, pilot, "Leveraging Personal")
        assert len(app.reader.search) == 1
        unit = app.document.units[app.reader.search.matches[0].unit]
        assert unit.text.startswith("Leveraging Personal Rapport:") and unit.strong > 0
        await pilot.press("escape")
        await type_query(app, pilot, "Key Takeaways")
        assert app.document.units[app.reader.search.matches[0].unit].text == "Key Takeaways"


async def test_escape_clears_the_search():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_query(app, pilot, "test")
        await pilot.press("escape")
        assert app.reader.search is None and not app.query_one(SearchBar).display
        assert "matches" not in status(app) and "/" not in status(app).split("·")[-1]
        await type_query(app, pilot, "test")
        await pilot.press("enter", "escape")  # Escape in the reader clears the kept highlights too
        assert app.reader.search is None


async def test_n_without_a_search_says_how_to_search():
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert any("press / to search" in str(toast.render()) for toast in app.screen.query("Toast"))
