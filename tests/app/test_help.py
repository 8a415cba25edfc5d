"""The help: all of it at 120x40 in two columns; where it scrolls it says so, and the box stays put."""

from __future__ import annotations

from tests.app.helpers import screen_lines, seed_app, wait_until
from tui.ui.app import help_bindings
from tui.ui.keys import key_table
from tui.ui.screens.help import CLOSES, MORE_BELOW, SCROLLS, HelpScreen, column_lines


async def open_help(app, pilot) -> HelpScreen:
    await pilot.pause()
    await pilot.press("question_mark")
    await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
    await pilot.pause()
    await pilot.pause()
    return app.screen


async def test_at_120x40_the_keys_stand_in_two_columns_and_the_rest_is_said_to_be_below():
    """Two columns when wide. Highlighting and selection brought more keys than 40 rows hold in
    two columns, so the help takes the issue's other way: it says that more is below."""
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_help(app, pilot)
        body = screen.query_one("#help-body")
        # Two columns: fewer lines than rows, though some descriptions wrap.
        assert screen.query_one("#help-keys").size.height < len(key_table(help_bindings()))
        seen = "\n".join(screen_lines(app))
        assert (MORE_BELOW in seen) == (body.max_scroll_y > 0)
        await pilot.press("G")
        await pilot.pause()
        await pilot.pause()
        seen += "\n".join(screen_lines(app))
        for keys, _ in key_table(help_bindings()):
            assert keys in seen
        assert CLOSES in seen or SCROLLS in seen


async def test_at_80x24_the_help_says_it_scrolls_and_the_box_does_not_shift():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_help(app, pilot)

        def box() -> tuple[int, int]:
            top = next(line for line in screen_lines(app) if "╭" in line)
            return top.index("╭"), top.index("╮")

        before = box()
        assert MORE_BELOW in "\n".join(screen_lines(app))
        await pilot.press("G")
        await pilot.pause()
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Ctrl+Z" in text and SCROLLS in text and MORE_BELOW not in text
        assert box() == before


def test_long_descriptions_wrap_by_words_under_their_column():
    rows = [("Ctrl+P", "Command palette: Go to section…, themes, every action"), ("q", "Quit")]
    lines = [line.plain for line in column_lines(rows, 30)]
    assert all(len(line) <= 30 for line in lines)
    assert lines[0].startswith("Ctrl+P  Command palette:")
    assert all(line.startswith(" " * 8) for line in lines[1:-1])  # under the description, not the keys
    assert " ".join(line.strip() for line in lines[:-1]).removeprefix("Ctrl+P ").strip() == rows[0][1]
    assert lines[-1] == "q       Quit"


async def test_the_hint_scheduled_by_a_help_that_closed_at_once_does_nothing():
    """Random keys at 40x12 (`?` then Escape in a burst) ended brief with NoMatches: the hint, set
    after the help's first refresh, ran once the help was gone."""
    app = seed_app()
    async with app.run_test(size=(40, 12)) as pilot:
        help_screen = await open_help(app, pilot)
        app.pop_screen()
        await pilot.pause()
        assert not help_screen.is_attached
        help_screen._show_hint()
        await pilot.pause()
        assert app.is_running
