"""Reading by keyboard, at the sizes people use: every key group, driven through the pilot."""

from __future__ import annotations

import threading

import pytest

import tui.ui.widgets.reader as reader_module
from tests.app.helpers import (
    navigator_text,
    screen_lines,
    seed_app,
    text_app,
    top_line,
    top_text,
    visible_text,
    wait_until,
)
from tui.ui.app import help_bindings
from tui.reading.layout import Document
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.insights import Insights, ItemList
from tui.ui.widgets.navigator import Navigator

SIZES = [(80, 24), (120, 40)]
MAIN_HEADINGS = [
    "Introduction",
    "Context & Background",
    "In-Depth Analysis",
    "Pros and Cons",
    "Key Takeaways",
    "Future Outlook",
    "Call to Action",
]


@pytest.mark.parametrize("size", SIZES)
async def test_opens_at_the_title_with_the_reader_focused(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert top_line(app) == 0
        assert top_text(app).startswith("The Diplomatic Gauntlet")
        assert app.focused is app.reader


@pytest.mark.parametrize("size", SIZES)
async def test_line_keys_move_one_line(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "down")
        assert top_line(app) == 3
        await pilot.press("k", "up")
        assert top_line(app) == 1


@pytest.mark.parametrize("size", SIZES)
async def test_page_keys_move_one_screen_less_a_line(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        page = app.reader.scrollable_content_region.height - 1
        await pilot.press("space")
        assert top_line(app) == page
        await pilot.press("pagedown")
        assert top_line(app) == 2 * page
        await pilot.press("b")
        assert top_line(app) == page
        await pilot.press("pageup")
        assert top_line(app) == 0


@pytest.mark.parametrize("size", SIZES)
async def test_top_and_bottom(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("G")
        assert " ".join(visible_text(app).split()).endswith("to these principles.")
        assert app.reader.position.percent == 100
        await pilot.press("g")
        assert top_line(app) == 0
        await pilot.press("end")
        assert " ".join(visible_text(app).split()).endswith("to these principles.")
        await pilot.press("home")
        assert top_line(app) == 0


@pytest.mark.parametrize("size", SIZES)
async def test_section_keys_put_each_heading_at_the_top(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(9):
            await pilot.press("right_square_bracket")
            seen.append(top_text(app))
        assert seen == [
            "Introduction", "Context & Background", "In-Depth Analysis", "Pros and Cons", "Pros", "Cons",
            "Key Takeaways", "Future Outlook", "Call to Action",
        ]  # fmt: skip
        await pilot.press("right_square_bracket")  # past the last heading: stays
        assert top_text(app) == "Call to Action"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert top_text(app) == "Key Takeaways"


@pytest.mark.parametrize("size", SIZES)
async def test_number_keys_jump_to_main_sections(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for number, heading in enumerate(MAIN_HEADINGS, 1):
            await pilot.press(str(number))
            assert top_text(app) == heading
        await pilot.press("9")  # there is no ninth section: a warning, and the view stays
        assert top_text(app) == "Call to Action"


@pytest.mark.parametrize("size", SIZES)
async def test_scroll_spy_follows_the_reading_pane(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        navigator = app.query_one(Navigator)
        status = app.query_one("#status")
        await pilot.press("3")
        await pilot.pause()
        assert navigator.highlighted_section is not None
        assert app.article.sections[navigator.highlighted_section].heading == "In-Depth Analysis"
        assert "§ 3/7 In-Depth Analysis" in str(status.render())
        # Scrolling line by line out of the section moves the highlight with it.
        while top_text(app) != "Pros and Cons":
            await pilot.press("j")
        await pilot.pause()
        assert app.article.sections[navigator.highlighted_section].heading == "Pros and Cons"
        await pilot.press("j", "j")
        assert "§ 4/7 Pros and Cons" in str(status.render())


async def test_status_line_shows_section_percent_and_minutes_left():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        words = app.document.word_count
        # At the very top nothing is read yet, whatever the screen shows below it.
        assert str(app.query_one("#status").render()) == f"Opening · 0% · {-(-words // 230)} min left"
        await pilot.press("5")
        before = app.document.words_before(app.reader.text_layout.unit_at(top_line(app)))
        assert str(app.query_one("#status").render()) == (
            f"§ 5/7 Key Takeaways · {100 * before // words}% · {-(-(words - before) // 230)} min left"
        )
        await pilot.press("G")
        await pilot.pause()
        section = app.reader.text_layout.section_at(top_line(app))
        heading = app.article.sections[section].heading
        number = [s.heading for s in app.article.sections if s.heading and s.level == 2].index(heading) + 1
        assert str(app.query_one("#status").render()) == f"§ {number}/7 {heading} · 100% · at the end"


async def test_navigator_enter_jumps_to_the_chosen_heading():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Navigator)
        # Above the first heading nothing is highlighted: the first down is Introduction, the fifth Pros.
        assert app.screen.query_one(Navigator).highlighted is None
        await pilot.press("down", "down", "down", "down", "down", "enter")
        assert top_text(app) == "Pros"


async def test_panel_item_enter_jumps_to_the_item_in_the_article():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        items = app.query_one(ItemList)
        assert app.focused is items  # Tab goes from the reading pane to the panel's items
        await pilot.press("down", "down", "enter")
        assert top_text(app).startswith("The success of the meeting hinges")


async def test_tab_moves_focus_between_the_panes():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        visited = []
        for _ in range(4):
            await pilot.press("tab")
            visited.append(app.focused)
        assert any(isinstance(w, ItemList) for w in visited)
        assert any(isinstance(w, Navigator) for w in visited)
        assert app.reader in visited


async def test_toggles_at_120_columns():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        navigator, insights = app.query_one(Navigator), app.query_one(Insights)
        assert navigator.display and insights.display
        await pilot.press("s")
        assert not navigator.display and insights.display
        await pilot.press("t")
        assert not navigator.display and not insights.display
        await pilot.press("s", "t")
        assert navigator.display and insights.display


async def test_toggles_at_80_columns_show_one_side_pane_at_a_time():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        navigator, insights = app.query_one(Navigator), app.query_one(Insights)
        assert navigator.display and not insights.display
        await pilot.press("t")
        assert insights.display and not navigator.display
        await pilot.press("s")
        assert navigator.display and not insights.display
        await pilot.press("s")
        assert not navigator.display and not insights.display


async def test_narrow_terminal_shows_the_reader_alone():
    app = seed_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert not app.query_one(Navigator).display and not app.query_one(Insights).display
        await pilot.press("s")
        await pilot.pause()
        # The navigator covers the reader (rather than squeezing it) and has the focus...
        assert app.query_one(Navigator).display and not app.reader.display
        assert isinstance(app.focused, Navigator)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        # ...and choosing a section brings the reader back, at that section.
        assert not app.query_one(Navigator).display and app.reader.display
        assert top_text(app) == "Context & Background"


@pytest.mark.parametrize("size", SIZES)
async def test_help_lists_every_binding_and_closes(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {b.tooltip or b.description for b in help_bindings() if b.description}
        assert described <= {description for _, description in app.screen.rows}
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits_cleanly():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_resize_keeps_the_same_paragraph_at_the_top():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3", "j", "j", "j", "j")
        unit_before = app.reader.text_layout.anchor(top_line(app))[0]
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert app.reader.text_layout.anchor(top_line(app))[0] == unit_before
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert app.reader.text_layout.anchor(top_line(app))[0] == unit_before


async def test_tiny_terminal_keeps_working_through_every_pane():
    from tui.ui.widgets.insights import ItemList

    app = seed_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert top_text(app) == "Introduction"
        await pilot.press("G")
        assert top_line(app) > 0 and app.reader.position.percent == 100
        # Under 80 columns a side pane covers the reader and takes the keys: g is the list's.
        await pilot.press("s", "t", "question_mark", "escape", "G", "g")
        items = app.screen.query_one(ItemList)
        assert app.focused is items and items.highlighted == 0
        assert not app.reader.display and top_line(app) > 0
        await pilot.press("t")  # the panel goes, and the navigator it covered comes back
        await pilot.pause()
        assert app.focused is app.screen.query_one("#navigator")
        await pilot.press("s", "g")
        assert app.focused is app.reader and app.reader.display and top_line(app) == 0
        lines = screen_lines(app)
        assert len(lines) == 12 and lines[0].startswith("▌ The Diplomatic")  # the focused pane's edge
        assert lines[-2].strip().startswith("Opening · 0%")


async def test_markup_in_the_article_is_shown_literally():
    text = (
        "A [bold]Title[/bold]\n\nA dek with [link=http://e.vil]a link[/link]\n\nOpening [b]text[/b].\n\n"
        "The [Red] Section\n\nBody with [i]x[/i] text.\n"
    )
    app = text_app(text)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = visible_text(app)
        assert "A [bold]Title[/bold]" in shown
        assert "A dek with [link=http://e.vil]a link[/link]" in shown
        assert "Opening [b]text[/b]." in shown
        assert "Body with [i]x[/i] text." in shown
        assert "The [Red] Section" in shown
        assert navigator_text(app)[0] == "  1 The [Red] Section"


async def test_wide_characters_keep_columns_aligned():
    text = (
        "漢字の記事\n\n" + "日本語の文章はとても長いです。" * 12 + "\n\nEmoji 🎉 section\n\n" + "🎉 party " * 30 + "\n"
    )
    app = text_app(text)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.reader
        width = reader.size.width
        for y in range(reader.scrollable_content_region.height):
            assert reader.render_line(y).cell_length == width


async def test_panel_tabs_switch_with_left_and_right_and_tab_lands_on_items():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        insights = app.query_one(Insights)
        assert isinstance(app.focused, ItemList) and insights.active_group == "takeaways"
        await pilot.press("right")
        assert insights.active_group == "pros" and isinstance(app.focused, ItemList)
        assert app.focused.items == app.article.pros
        await pilot.press("right")
        assert insights.active_group == "cons"
        await pilot.press("right")
        assert insights.active_group == "takeaways"  # wraps around
        await pilot.press("left")
        assert insights.active_group == "cons" and app.focused.items == app.article.cons
        await pilot.press("down", "enter")
        assert top_text(app).startswith("Unpredictability and Potential for Miscalculation:")


async def test_a_long_text_is_wrapped_for_a_new_width_off_the_ui_thread(monkeypatch):
    monkeypatch.setattr(reader_module, "BACKGROUND_WRAP", 0)  # as if the seed were a book
    wrapped_on: dict[int, bool] = {}
    make_layout = Document.layout

    def layout(document, measure):
        if not document.has_layout(measure):
            wrapped_on[measure] = threading.current_thread() is threading.main_thread()
        return make_layout(document, measure)

    monkeypatch.setattr(Document, "layout", layout)
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3", "j", "j")
        unit_before, measure = app.reader.text_layout.anchor(top_line(app))[0], app.reader.text_layout.measure
        await pilot.resize_terminal(100, 40)
        await wait_until(pilot, lambda: app.reader.text_layout.measure != measure)
        await pilot.pause()
        new_measure = app.reader.text_layout.measure
        assert wrapped_on[new_measure] is False  # made in a worker thread
        assert app.reader.text_layout.anchor(top_line(app))[0] == unit_before  # the same paragraph on top
        assert "§ 3/7 In-Depth Analysis" in str(app.screen.query_one("#status").render())
