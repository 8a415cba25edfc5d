"""The navigator, the tab strip and the key bar: drawn from the model, moved by keys and clicks, following the reader at once."""

from __future__ import annotations

from tests.app.helpers import navigator_text, seed_app, text_app, top_text
from tests.app.test_copying import notifications
from tui.ui.widgets.navigator import Navigator
from tui.ui.widgets.status import StatusLine


def book(parts: int, chapters: int) -> str:
    body = "\n\n".join(
        f"PART {p}\n\n" + "\n\n".join(f"CHAPTER {c}\n\nText of part {p} chapter {c}." for c in range(1, chapters + 1))
        for p in range(1, parts + 1)
    )
    return f"A Book\n\n{body}\n"


async def test_the_status_line_and_navigator_follow_a_jump_in_the_same_call():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.reader.jump_to_section(3)
        # No pause: they follow `Reader.position` as it changes, so they are drawn in the same frame.
        assert str(app.screen.query_one(StatusLine).text).startswith("§ 3/7 In-Depth Analysis · ")
        assert app.screen.query_one(Navigator).highlighted_section == 3


async def test_keys_move_the_highlight_by_heading_and_by_page():
    app = text_app(book(parts=5, chapters=20), name="book.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one(Navigator)
        assert len(navigator.entries) == 105
        navigator.focus()
        await pilot.press("down", "down")
        assert navigator.entries[navigator.highlighted].heading == "CHAPTER 1"
        await pilot.press("end")
        assert navigator.highlighted == 104
        assert navigator_text(app)[-1].endswith("CHAPTER 20")  # scrolled to show it
        await pilot.press("pageup")
        height = navigator.scrollable_content_region.height
        assert navigator.highlighted == 104 - (height - 1)
        await pilot.press("home")
        assert navigator.highlighted == 0 and navigator_text(app)[0] == "▌ 1 PART 1"  # marked as current
        await pilot.press("pagedown", "enter")
        assert top_text(app) == navigator.entries[height - 1].heading


async def test_a_heading_too_long_for_the_pane_wraps_under_its_first_word():
    heading = "An Unusually Long Section Heading That Cannot Fit"
    app = text_app(f"# Title\n\n## {heading}\n\nSome text.\n\n## Short\n\nMore text.\n", name="article.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = navigator_text(app)
        assert lines[:4] == [
            "  1 An Unusually Long",
            "    Section Heading That",
            "    Cannot Fit",
            "  2 Short",
        ]


async def test_clicks_on_a_tab_a_key_and_a_heading():
    from tui.ui.widgets.insights import Insights, TabStrip
    from tui.ui.widgets.key_bar import KeyBar

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click(TabStrip, offset=(len(" Takeaways 6 ") + 2, 0))  # on " Pros 5 "
        assert app.query_one(Insights).active_group == "pros"
        await pilot.click(Navigator, offset=(6, 2))  # the third heading
        await pilot.pause()
        assert top_text(app) == "In-Depth Analysis"
        bar = app.screen.query_one(KeyBar)
        labels = [str(content) for content, _ in bar.parts()]
        # The click focused the navigator: its Enter comes first.
        assert labels[:3] == [" Enter Go ", " ] Next ", " / Search "]
        x = sum(len(label) for label in labels[: labels.index(" t Takeaways ")]) + 1
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert not app.query_one(Insights).display


async def test_the_key_bar_follows_the_focus():
    from tui.ui.widgets.insights import ItemList
    from tui.ui.widgets.key_bar import KeyBar

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert " c Copy item " not in [str(content) for content, _ in bar.parts()]
        app.query_one(ItemList).focus()
        await pilot.pause()
        assert " c Copy item " in [str(content) for content, _ in bar.parts()]
        assert "Copy item" in str(bar.render())


async def test_an_article_without_headings_gives_the_navigators_width_to_the_text_and_s_says_why():
    text = "A Note\n\n" + "\n\n".join(f"Paragraph {n} of a note that runs on without any heading." for n in range(8))
    app = text_app(text, name="note.txt")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(Navigator).display
        assert app.reader.region.x == 0 and app.reader.size.width >= 76  # no blank column on the left
        await pilot.press("s")
        await pilot.pause()
        assert not app.screen.query_one(Navigator).display
        assert any(text.startswith("No sections to list:") for text in notifications(app))


async def test_enter_on_a_panel_entry_refilled_before_its_message_chooses_nothing():
    # Random keys found it: Enter, then a tab change refills the list before the selection is read.
    from textual.widgets import OptionList

    from tui.ui.widgets.insights import ItemList

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        items = app.screen.query_one(ItemList)
        last = items.option_count - 1
        stale = items.get_option_at_index(last)
        top = app.reader.scroll_y
        items.show_entries(items.entries[:2])  # fewer entries now
        items.post_message(OptionList.OptionSelected(items, stale, last))
        await pilot.pause()
        assert app.reader.scroll_y == top  # no jump, and no IndexError
        items.post_message(OptionList.OptionSelected(items, items.get_option_at_index(1), 1))
        await pilot.pause()
        assert app.reader.scroll_y != top  # a live entry still takes the reader to its place


async def test_the_navigator_draws_a_long_heading_on_three_lines_ending_in_an_ellipsis():
    long = "A heading that goes on and on about the many things this section will cover in detail"
    app = text_app(f"# Title\n\n## {long}\n\nFirst body.\n\n## Second\n\nMore body.\n", name="long.md")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # 20 cells for the text at 80 columns: the third line is cut to 19 and the ellipsis.
        assert navigator_text(app)[:4] == [
            "  1 A heading that goes",
            "    on and on about the",
            "    many things this se…",
            "  2 Second",
        ]
