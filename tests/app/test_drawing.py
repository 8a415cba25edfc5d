"""What the reading pane draws for spans, tables and code: the styles on each piece of a line, and
syntax colours that arrive after the first frame, never before it."""

from __future__ import annotations

from rich.segment import Segment

from tests.app.helpers import wait_until
from tests.reading.samples import rich_article
from tui.ui.app import BriefApp
from tui.ui.widgets.reader import CONTINUATION


def line_with(app: BriefApp, text: str) -> list[Segment]:
    reader = app.reader
    for y in range(reader.scrollable_content_region.height):
        strip = reader.render_line(y)
        if text in strip.text:
            return list(strip)
    raise AssertionError(f"{text!r} is not on screen")


def style_of(segments: list[Segment], text: str):
    """The style of the segment that is exactly `text`, or else the first that contains it."""
    exact = [segment.style for segment in segments if segment.text == text]
    return exact[0] if exact else next(segment.style for segment in segments if text in segment.text)


async def test_spans_are_drawn_in_their_styles_and_a_link_is_underlined_with_its_number():
    app = BriefApp(rich_article())
    async with app.run_test(size=(160, 40)) as pilot:  # wide enough for the paragraph on one line
        await pilot.pause()
        line = line_with(app, "Read the guide[1]")
        assert style_of(line, "guide").underline
        assert not style_of(line, "[1]").underline
        assert style_of(line, "first").bold
        assert style_of(line, "care").italic
        assert style_of(line, "old way").strike
        make = style_of(line, "make")
        assert make.bgcolor != style_of(line, ", then run ").bgcolor  # inline code stands out
        plain = style_of(line, ", then run ")
        assert not (plain.bold or plain.italic or plain.underline or plain.strike)


async def test_a_paragraph_label_is_bold_and_the_table_header_too():
    app = BriefApp(rich_article())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        header = line_with(app, "Area")
        assert style_of(header, "Area").bold and style_of(header, "Notes").bold
        assert not style_of(line_with(app, "Transport"), "Transport").bold
        await pilot.press("2")
        spoken = line_with(app, "HAMLET")
        assert style_of(spoken, "HAMLET").bold and not style_of(spoken, " To be, or not to be.").bold


async def test_code_has_its_own_background_across_the_measure_and_marks_continuations():
    app = BriefApp(rich_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: app.reader.syntax_ready)
        first = line_with(app, "def total(budget):")
        wrapped = line_with(app, CONTINUATION)
        text = next(s for s in line_with(app, "Code") if s.text == "Code")
        box = {s.style.bgcolor for s in first if s.text.strip()}
        assert len(box) == 1 and box != {text.style.bgcolor}
        # The box is as wide as the measure on every line, wrapped or not.
        widths = [sum(s.cell_length for s in line if s.style.bgcolor in box) for line in (first, wrapped)]
        assert widths[0] == widths[1] == app.reader.text_layout.measure


async def test_syntax_colours_come_after_the_first_frame_for_blocks_on_screen_only():
    app = BriefApp(rich_article())
    async with app.run_test(size=(120, 12)) as pilot:
        await pilot.pause()
        reader = app.reader
        assert reader._syntax == {} and reader._syntax_wanted == set()  # no code on screen: nothing asked
        await pilot.press("2")
        await wait_until(pilot, lambda: reader._syntax_wanted != set() and reader.syntax_ready)
        colours = {s.style.color for s in line_with(app, "def total(budget):") if s.text in ("def", "total")}
        assert len(colours) == 2  # the keyword and the name in different colours


async def test_a_search_match_inside_a_wrapped_table_cell_is_highlighted_where_it_is_drawn():
    app = BriefApp(rich_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"harbour", "enter")
        await wait_until(pilot, lambda: app.reader.search is not None and len(app.reader.search) == 1)
        line = line_with(app, "the harbour")
        match = app.reader.component_style("reader--match-current")
        assert style_of(line, "harbour").bgcolor == match.bgcolor
        assert style_of(line, "the ").bgcolor != match.bgcolor


GUIDE = """# Guide

Intro text.

## Use `brief` with *care*, see [the manual](https://d.example/manual)

See [the docs](https://d.example/docs) first.

## Key Takeaways

- **Speed:** Opens *large* files with `mmap`, see [the notes](https://d.example/notes).
- Plain point.
"""


async def test_a_heading_draws_its_spans_and_its_links_numbered_in_reading_order():
    from tui.parse import parse_text

    app = BriefApp(parse_text(GUIDE, name="guide.md"))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        heading = line_with(app, "Use brief with care, see the manual[1]")
        plain = style_of(heading, "Use ")
        assert plain.bold and not (plain.italic or plain.underline)  # a heading is bold throughout
        assert style_of(heading, "brief").bgcolor != plain.bgcolor  # inline code stands out
        assert style_of(heading, "care").italic
        assert style_of(heading, "the manual").underline and not style_of(heading, "[1]").underline
        assert "See the docs[2] first." in "".join(segment.text for segment in line_with(app, "See the docs"))


async def test_panel_items_draw_their_spans_and_c_copies_them_as_shown():
    from tests.app.test_copying import SSH, decoded, settle
    from tui.parse import parse_text
    from tui.platform.clipboard import Clipboard, Environment
    from tui.ui.widgets.insights import ItemList

    sent: list[str] = []
    clipboard = Clipboard("osc52", Environment.from_environ(SSH), write_terminal=sent.append)
    app = BriefApp(parse_text(GUIDE, name="guide.md"), clipboard=clipboard)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        items = app.screen.query_one(ItemList)
        shown = "Speed: Opens large files with mmap, see the notes[3]."  # the reader's number
        assert str(items.get_option_at_index(0).prompt) == shown
        items.focus()
        await pilot.press("j")  # off the first entry: the current one is bold throughout
        segments = [segment for y in range(3) for segment in items.render_line(y)]
        assert style_of(segments, "Speed:").bold and not style_of(segments, " Opens ").bold
        assert style_of(segments, "large").italic
        assert style_of(segments, "mmap").color != style_of(segments, " Opens ").color
        assert style_of(segments, "the notes").underline and not style_of(segments, "[3]").underline
        await pilot.press("k", "c")
        await settle(app, pilot)
        assert [decoded(text) for text in sent] == [shown]
