"""Section roles and levels in the reader: front matter, contents and licence stay in the text but
`]`, `[` and 1–9 pass them by, and the navigator lists them dimmed and unnumbered; headings are
indented by how far below the main level they are."""

from __future__ import annotations

from tests.app.helpers import navigator_text, top_text
from tests.reading.samples import rich_article
from tui.model.article import Article, Paragraph, Section
from tui.ui.app import BriefApp
from tui.ui.widgets.navigator import Navigator


async def test_next_and_previous_section_skip_the_contents_and_the_licence():
    app = BriefApp(rich_article())
    async with app.run_test(size=(100, 30)) as pilot:
        seen = []
        for _ in range(4):
            await pilot.press("right_square_bracket")
            seen.append(top_text(app))
        assert seen == ["Numbers", "Code", "Voices", "Voices"]  # past Voices only the licence is left
        back = []
        for _ in range(3):
            await pilot.press("left_square_bracket")
            back.append(top_text(app))
        assert back == ["Code", "Numbers", "Styles and Blocks"]  # the contents list is passed over


async def test_number_keys_count_body_sections_only():
    app = BriefApp(rich_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        assert top_text(app) == "Numbers"
        await pilot.press("2")
        assert top_text(app) == "Code"


async def test_the_navigator_lists_asides_dimmed_and_unnumbered():
    app = BriefApp(rich_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert navigator_text(app)[:5] == ["    Contents", "  1 Numbers", "  2 Code", "      Voices", "    Licence"]
        navigator = app.screen.query_one(Navigator)
        dim = navigator.component_style("navigator--aside")
        assert dim.dim
        contents, numbers = navigator.render_line(0), navigator.render_line(1)
        assert all(segment.style.dim for segment in contents if segment.text.strip())
        assert not any(segment.style.dim for segment in numbers if segment.text.strip())


async def test_the_navigator_indents_each_level_below_the_main_one():
    sections = [Section(heading, level, [Paragraph(f"Text of {heading}.")]) for heading, level in [
        ("Part", 2), ("Chapter", 3), ("Scene", 4), ("Aside", 5), ("Next part", 2)
    ]]
    app = BriefApp(Article("Levels", None, sections))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert navigator_text(app)[:5] == ["  1 Part", "      Chapter", "        Scene", "          Aside", "  2 Next part"]


async def test_a_heading_as_wide_as_the_navigator_keeps_a_cell_from_its_edge():
    # Seen with the Rust book's chapter at 80x24: "Memory and Allocation" ran up to the pane's edge.
    from tests.parse.test_real_markdown import load

    app = BriefApp(load("rust-book-ch04-01-what-is-ownership.md"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one(Navigator)
        assert navigator.display
        width = navigator.text_width
        lines = navigator_text(app)
        assert "  4 Memory and" in lines and "    Allocation" in lines  # wrapped, as longer ones are
        assert all(len(line) < width for line in lines), (width, lines)
