"""Themes, the command palette, and what the user is told about the article's extras."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from tests.app.helpers import seed_app, top_text, wait_until
from tests.conftest import SEED
from tui.parse import load_path
from tui.ui.app import BriefApp


@pytest.mark.parametrize("theme", ["nord", "ansi-dark", "textual-light"])
async def test_themes_apply_and_render(theme):
    app = BriefApp(load_path(SEED), theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        await pilot.press("right_square_bracket")
        assert top_text(app) == "Introduction"


async def open_palette(app: BriefApp, pilot) -> CommandPalette:
    await pilot.pause()
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
    return app.screen


async def test_palette_goes_to_a_section_by_fuzzy_heading():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_palette(app, pilot)
        await pilot.press(*"future outl")
        results = app.screen.query_one(CommandList)
        await wait_until(
            pilot, lambda: results.option_count > 0 and "Future" in str(results.get_option_at_index(0).prompt)
        )
        await pilot.press("enter")
        await pilot.pause()
        assert top_text(app) == "Future Outlook"


async def test_palette_offers_the_apps_actions():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {
            "Next section",
            "Copy the panel's tab",
            "Copy pros and cons",
            "Toggle takeaways",
            "Highlight",
            "Help",
        } <= set(titles)
        assert any("theme" in title.lower() for title in titles)


async def test_ctrl_p_while_the_last_palette_is_still_closing_opens_no_second_one():
    """Random keys (Escape then Ctrl+P in one burst, at 60x20) crashed with DuplicateIds: the closed
    palette was not yet off the app when a second one was pushed under the same id."""
    app = seed_app()
    async with app.run_test(size=(60, 20)) as pilot:
        closing = await open_palette(app, pilot)
        app.pop_screen()
        app.action_command_palette()  # in the same turn of the loop: the first is still attached
        await wait_until(pilot, lambda: not closing.is_attached)
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("ctrl+p")  # once it is gone, Ctrl+P opens the palette again
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_a_search_that_starts_after_the_palette_lost_its_list_does_nothing():
    """Random keys (Ctrl+P, Backspace, s, Ctrl+Q in a burst, under load) ended brief with
    `NoMatches: No nodes match 'CommandList'`: the palette's search worker began after the list was gone."""
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        palette = await open_palette(app, pilot)
        await palette.query_one(CommandList).remove()
        palette._gather_commands("intro")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app._exception is None
