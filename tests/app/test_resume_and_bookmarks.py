"""Resume where you left off, bookmarks, and a corrupt state file, through the running app."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.helpers import navigator_text, seed_app, text_app, toasts, top_line, top_text, wait_until
from tests.app.test_snapshots import NO_INSIGHTS_ARTICLE
from tui.ui.screens.bookmarks import BookmarksScreen
from tui.platform.state import STATE_FILE
from tui.ui.widgets.navigator import BOOKMARK_MARKER


async def read_and_quit(app, *keys: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.press("q")


async def test_reopening_lands_on_the_same_paragraph(isolated_state):
    first = seed_app()
    await read_and_quit(first, "4", "j", "j", "j")
    second = seed_app()
    async with second.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: top_line(second) > 0)
        await pilot.pause()
        # The same line of the same paragraph: its second line, as when the reader quit.
        unit, offset = second.reader.text_layout.anchor(top_line(second))
        assert second.document.units[unit].text.startswith("The potential outcomes of President Trump’s")
        assert offset > 0 and top_text(second).startswith("meeting with President Putin")
        assert 'Resumed at "Pros and Cons"' in toasts(second)


async def test_resume_at_a_new_width_keeps_the_paragraph(isolated_state):
    before = seed_app()
    async with before.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "space")
        unit_before, offset_before = before.reader.text_layout.anchor(top_line(before))
        await pilot.press("q")
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: top_line(app) > 0)
        unit, offset = app.reader.text_layout.anchor(top_line(app))
        # Wrapped at another width, the line holding the same character is at the top.
        assert unit == unit_before
        assert offset <= offset_before < offset + app.reader.text_layout.measure + 1


async def test_no_resume_opens_at_the_top(isolated_state):
    await read_and_quit(seed_app(), "5")
    from tests.conftest import SEED
    from tui.ui.app import BriefApp
    from tui.parse import load_path

    app = BriefApp(load_path(SEED), resume=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert top_line(app) == 0


async def test_a_changed_file_resumes_at_the_same_heading(isolated_state, tmp_path):
    from tui.ui.app import BriefApp
    from tui.parse import load_path

    article = tmp_path / "harbours.txt"
    article.write_text(NO_INSIGHTS_ARTICLE)
    await read_and_quit(BriefApp(load_path(article)), "3")
    article.write_text(NO_INSIGHTS_ARTICLE.replace("The small ports", "A new opening paragraph.\n\nThe small ports"))
    app = BriefApp(load_path(article))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: top_line(app) > 0)
        await pilot.pause()
        assert top_text(app) == "What Comes Next"
        assert 'Resumed at "What Comes Next"' in toasts(app)


async def test_bookmarks_mark_the_navigator_list_jump_and_delete(isolated_state):
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("2", "m", "5", "m")
        await pilot.pause()
        marked = [line for line in navigator_text(app) if BOOKMARK_MARKER in line]
        assert marked == [f"{BOOKMARK_MARKER} 2 Context & Background", f"{BOOKMARK_MARKER} 5 Key Takeaways"]
        assert any(t.startswith("Bookmarked “Context & Background”") for t in toasts(app))
        await pilot.press("g", "apostrophe")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert top_text(app) == "Key Takeaways"
        await pilot.press("apostrophe", "d")  # delete the first one
        await pilot.press("escape")
        await pilot.pause()
        stored = json.loads((isolated_state / STATE_FILE).read_text())["articles"][app.article.digest]["bookmarks"]
        assert [b["heading"] for b in stored] == ["Key Takeaways"]
        marked = [line for line in navigator_text(app) if BOOKMARK_MARKER in line]
        assert marked == [f"{BOOKMARK_MARKER} 5 Key Takeaways"]


async def test_bookmarks_survive_a_restart(isolated_state):
    await read_and_quit(seed_app(), "3", "m")
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("apostrophe")
        assert isinstance(app.screen, BookmarksScreen)
        assert [spot.heading for spot in app.screen.bookmarks] == ["In-Depth Analysis"]


async def test_a_corrupt_state_file_is_moved_aside_with_a_warning(isolated_state):
    isolated_state.mkdir(parents=True, exist_ok=True)
    (isolated_state / STATE_FILE).write_text('{"version": 1, "articles": [')
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: any("Saved state was unreadable" in t for t in toasts(app)))
        await pilot.press("4", "q")
    assert len(list(isolated_state.glob("state.json.corrupt-*"))) == 1
    assert json.loads((isolated_state / STATE_FILE).read_text())["version"] == 2


ARTICLES = {"seed": None, "harbours": NO_INSIGHTS_ARTICLE}
step = st.tuples(
    st.sampled_from(sorted(ARTICLES)), st.lists(st.sampled_from(["j", "space", "]", "m", "G", "g"]), max_size=5)
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(step, min_size=1, max_size=3))
async def test_any_session_sequence_leaves_valid_state_with_each_last_position(isolated_state, sessions):
    last: dict[str, int] = {}
    for name, keys in sessions:
        app = seed_app() if ARTICLES[name] is None else text_app(ARTICLES[name], "harbours.txt")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*("right_square_bracket" if k == "]" else k for k in keys))
            from tui.reading import spots

            last[app.article.digest] = spots.spot_at(app.document, app.reader.text_layout, top_line(app)).unit
            await pilot.press("q")
        data = json.loads((isolated_state / STATE_FILE).read_text())
        assert data["version"] == 2
    articles = json.loads((isolated_state / STATE_FILE).read_text())["articles"]
    for digest, unit in last.items():
        assert articles[digest]["position"]["unit"] == unit


async def test_the_bookmark_list_closes_once_and_only_itself(isolated_state):
    from tui.ui.screens.reader import ReaderScreen
    from tui.ui.screens.too_small import TooSmallScreen

    def escape(dialog: BookmarksScreen) -> None:
        # Escape's action, run by the dialog itself as a key would (a test calling dismiss from
        # outside the app's loop would not be what happens).
        dialog.call_later(dialog.run_action, "dismiss(None)")

    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        stack = list(app.screen_stack)
        await pilot.press("2", "m", "apostrophe")
        dialog = app.screen
        assert isinstance(dialog, BookmarksScreen)
        escape(dialog)
        escape(dialog)  # two Escapes in one burst: the second used to pop the reader too
        await pilot.pause()
        assert app.screen_stack == stack and isinstance(app.screen, ReaderScreen)
        await pilot.press("apostrophe")
        dialog = app.screen
        await pilot.resize_terminal(5, 4)  # the "too small" cover goes over the list
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        escape(dialog)  # an Escape read just as the terminal shrank: it took the cover away
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is dialog  # still there, and the next Escape closes it
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_an_enter_read_after_a_delete_of_the_same_burst_picks_its_own_bookmark_or_none(isolated_state):
    """Random keys at 80x24 ended brief with IndexError: an Enter on the last bookmark, handled after
    a `d` of the same burst had deleted it."""
    from textual.widgets import OptionList

    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "m", "5", "m", "apostrophe")
        dialog = app.screen
        assert isinstance(dialog, BookmarksScreen)
        options = dialog.query_one(OptionList)
        last = options.get_option_at_index(1)
        enter_on_last = OptionList.OptionSelected(options, last, 1)
        options.highlighted = 1
        dialog.action_delete()  # `d` on the last one
        dialog.on_option_list_option_selected(enter_on_last)
        await pilot.pause()
        assert app.screen is dialog and [s.heading for s in dialog.bookmarks] == ["Context & Background"]
        first = options.get_option_at_index(0)
        dialog.on_option_list_option_selected(OptionList.OptionSelected(options, first, 0))
        await pilot.pause()
        assert not isinstance(app.screen, BookmarksScreen)
        assert top_text(app) == "Context & Background"
