"""Every list moves with the same keys, the navigator tells the truth, and the key bar names the keys of the moment."""

from __future__ import annotations

import shutil

from textual.widgets import OptionList

from tests.app.helpers import navigator_text, screen_lines, seed_app, toasts, top_line, wait_until
from tests.conftest import SEED
from tui.ui.app import BriefApp
from tui.ui.screens.bookmarks import BookmarksScreen, bookmark_label
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.insights import ItemList
from tui.ui.widgets.key_bar import KeyBar
from tui.ui.widgets.navigator import Navigator
from tui.ui.widgets.panes import Panes


def bar_keys(app: BriefApp) -> dict[str, str]:
    """What the key bar (or the library's footer) shows: description by key."""
    shown: dict[str, str] = {}
    for _, binding, _, _ in app.screen.active_bindings.values():
        if binding.show and binding.action not in shown.values():
            shown.setdefault(binding.key, binding.description)
    return shown


async def test_the_navigator_shows_no_section_in_the_opening_text():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one(Navigator)
        await pilot.press("5")
        assert navigator.highlighted_section == app.screen._numbering.main[4]
        await pilot.press("g")
        # The status line says Opening: no heading is above the top line, so none is highlighted.
        assert str(app.screen.query_one("#status").text).startswith("Opening")
        assert navigator.highlighted is None


async def test_j_k_g_and_G_move_the_navigator_selection_not_the_text():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one(Navigator)
        navigator.focus()
        await pilot.press("j", "j")
        assert navigator.highlighted == 1 and top_line(app) == 0
        await pilot.press("k")
        assert navigator.highlighted == 0
        await pilot.press("G")
        assert navigator.highlighted == len(navigator.entries) - 1
        await pilot.press("g")
        assert navigator.highlighted == 0 and top_line(app) == 0


async def test_j_k_g_and_G_move_the_panel_selection():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        items = app.screen.query_one(ItemList)
        items.focus()
        await pilot.press("j", "j")
        assert items.highlighted == 2 and top_line(app) == 0
        await pilot.press("k")
        assert items.highlighted == 1
        await pilot.press("G")
        assert items.highlighted == len(items.items) - 1
        await pilot.press("g")
        assert items.highlighted == 0


async def test_j_and_k_move_in_the_bookmark_list():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "m", "4", "m", "apostrophe")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 0
        await pilot.press("j")
        assert options.highlighted == 1
        await pilot.press("k")
        assert options.highlighted == 0
        await pilot.press("G")
        assert options.highlighted == 1


async def test_g_and_G_go_to_the_top_and_bottom_of_the_help():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        body = app.screen.query_one("#help-body")
        await pilot.press("G")
        await pilot.pause()
        assert body.max_scroll_y > 0 and body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_ctrl_n_and_ctrl_p_move_in_the_library(tmp_path):
    folder = tmp_path / "reading"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEED, folder / name)
    app = BriefApp(library=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#library-list", OptionList)
        await pilot.press("ctrl+n", "ctrl+n")
        assert options.highlighted == 2
        await pilot.press("ctrl+p")
        assert options.highlighted == 1
        assert app.screen.query_one("#library-filter").value == ""
        # The bar names the keys the filter does not take: Enter opens, Ctrl+Q quits.
        keys = bar_keys(app)
        assert keys.get("enter") == "Open" and keys.get("ctrl+q") == "Quit"


async def test_an_article_from_the_library_says_escape_goes_back(tmp_path):
    folder = tmp_path / "reading"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    app = BriefApp(library=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.__class__.__name__ == "ReaderScreen")
        await pilot.pause()
        assert bar_keys(app).get("escape") == "Library"
        assert "Esc Library" in app.screen.query_one(KeyBar).render().plain
    alone = seed_app()
    async with alone.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "escape" not in bar_keys(alone)


async def test_the_focused_navigator_hints_enter_and_the_search_bar_hints_n():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one(Navigator).focus()
        await pilot.pause()
        assert bar_keys(app).get("enter") == "Go"
        await pilot.press("slash")
        await pilot.pause()
        assert "n/N" in app.screen.query_one(KeyBar).render().plain


async def test_stepping_past_the_last_match_says_it_wrapped():
    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Putin", "enter")
        await wait_until(pilot, lambda: app.reader.search is not None)
        total = len(app.reader.search)
        assert total > 2
        for _ in range(total - 1 - app.reader.current_match):
            await pilot.press("n")
        assert not any("first match" in toast for toast in toasts(app))
        await pilot.press("n")
        assert app.reader.current_match == 0
        await wait_until(pilot, lambda: any("Back to the first match" in toast for toast in toasts(app)))
        await pilot.press("N")
        await wait_until(pilot, lambda: any("Back to the last match" in toast for toast in toasts(app)))


async def test_a_bookmark_on_a_heading_is_listed_once():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4", "m")
        spot = app.reader_screen.memory.bookmarks[0]
        assert spot.heading == spot.excerpt  # the top line is the heading itself
        assert bookmark_label(spot).plain == spot.heading


async def test_the_title_is_shown_once():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.article.title.startswith("The Diplomatic Gauntlet:")
        assert "\n".join(screen_lines(app)).count("The Diplomatic Gauntlet") == 1


async def test_t_twice_at_80_columns_brings_back_the_navigator():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panes = app.screen.query_one(Panes)
        assert panes.show_navigator and not panes.show_insights
        await pilot.press("t")
        assert panes.show_insights and not panes.show_navigator
        await pilot.press("t")
        assert panes.show_navigator and not panes.show_insights
        assert navigator_text(app)[0]


async def test_notifications_sit_above_the_status_line_and_the_key_bar():
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("m")  # "Bookmarked …"
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")))
        await pilot.pause()
        status = app.screen.query_one("#status")
        for toast in app.screen.query("Toast"):
            assert toast.region.bottom <= status.region.y
        assert screen_lines(app)[-2].startswith(" Opening · ")
