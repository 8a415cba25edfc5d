"""Which pane has the focus, and which item is current, shown by shape and weight: seen with NO_COLOR."""

from __future__ import annotations

import pytest

from tests.app.helpers import screen_lines, seed_app
from tui.ui.widgets.insights import Insights, ItemList
from tui.ui.widgets.navigator import CURRENT_MARKER, Navigator


def column(app, x: int, rows: range) -> str:
    lines = screen_lines(app)
    return "".join(lines[y][x] if len(lines[y]) > x else " " for y in rows)


def current_line_style(navigator: Navigator):
    lines = navigator._lines
    first = lines.lines_of(navigator.highlighted).start - round(navigator.scroll_y)
    strip = navigator.render_line(first)
    return strip.text, [segment.style for segment in strip if segment.text.strip()][-1]


async def test_focus_and_the_current_section_are_marked_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        reader, navigator = app.reader, app.screen.query_one(Navigator)
        insights = app.screen.query_one(Insights)
        rows = range(reader.region.y, reader.region.bottom)
        # The reading pane has the focus: a half block down its left edge.
        assert set(column(app, reader.region.x, rows)) == {"▌"}
        text, style = current_line_style(navigator)
        assert text.startswith(CURRENT_MARKER + " 3 In-Depth Analysis") and style.bold and not style.reverse
        await pilot.press("tab")  # the panel
        await pilot.pause()
        assert set(column(app, reader.region.x, rows)) == {" "}
        assert set(column(app, insights.region.x, rows)) == {"▌"}
        await pilot.press("tab")  # the navigator
        await pilot.pause()
        assert set(column(app, navigator.region.right - 1, rows)) == {"▐"}
        assert set(column(app, insights.region.x, rows)) == {"▏"}
        text, style = current_line_style(navigator)
        assert style.bold and style.reverse


async def test_the_panels_current_entry_is_marked_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        items = app.screen.query_one(ItemList)

        def marked() -> list[str]:
            """The lines that carry the marker, as drawn."""
            lines = [items.render_line(y).text for y in range(items.scrollable_content_region.height)]
            return [line.rstrip() for line in lines if line.startswith(CURRENT_MARKER)]

        # Every line of the first takeaway, and no other line, carries the marker, focused or not.
        first = marked()
        assert first and first[0].startswith(CURRENT_MARKER + "NATO Secretary General")
        await pilot.press("tab", "j")  # the panel, its second entry
        await pilot.pause()
        second = marked()
        assert second[0] == CURRENT_MARKER + "The meeting occurs amidst"
        assert second[-1] == CURRENT_MARKER + "in Ukraine."
        assert not any("NATO" in line for line in second)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_panel_keeps_its_rules_and_no_blank_rows_across_tabs(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if size[0] < 120:
            await pilot.press("t")
        items = app.screen.query_one(ItemList)
        items.focus()
        await pilot.pause()

        def rows() -> list[str]:
            lines = [items.render_line(y).text.strip() for y in range(items.scrollable_content_region.height)]
            while lines and not lines[-1]:
                lines.pop()
            return lines

        takeaways = rows()
        for step in ("right", "left", "right", "right", "left", "left"):
            await pilot.press(step)
            await pilot.pause()
            shown = rows()
            assert "" not in shown, shown  # no blank row between items
            rules = [line for line in shown if set(line) == {"─"}]
            assert rules and len({len(rule) for rule in rules}) == 1
        assert rows() == takeaways
