"""Highlights with the keyboard: by paragraph (h) and by sentence (v), removed, copied, listed in the
panel, kept across a restart and an edit of the file; suggestions; an empty panel gives its width back."""

from __future__ import annotations

from pathlib import Path

from tests.app.helpers import wait_until
from tests.app.test_copying import SSH, decoded, notifications, settle
from tests.app.test_snapshots import NO_INSIGHTS_ARTICLE
from tui.cli import main
from tui.parse import load_path, parse_text
from tui.platform.clipboard import Clipboard, Environment
from tui.platform.state import Highlight
from tui.ui.app import BriefApp
from tui.ui.widgets.insights import Insights, ItemList
from tui.ui.widgets.reader import HIGHLIGHT_MARK

# Quiet Harbours, unit by unit: 0 title, 1 "Notes on…", 2 Introduction, 3 its paragraph, 4 Three Ports,
# 5 its paragraph, 6–8 its items, 9 What Comes Next, 10 its paragraph.
INTRO = "The small ports of the north have outlived the fisheries that built them. This piece looks at three of them and what keeps them going."
SECOND = "This piece looks at three of them and what keeps them going."
EACH_PORT = "Each port has found its own way: one lives on ferries, one on boat repair, one on visitors."


def article_file(tmp_path: Path, text: str = NO_INSIGHTS_ARTICLE) -> Path:
    path = tmp_path / "quiet-harbours.txt"
    path.write_text(text, encoding="utf-8")
    return path


def app_for(path: Path) -> tuple[BriefApp, list[str]]:
    sent: list[str] = []
    clipboard = Clipboard("osc52", Environment.from_environ(SSH), write_terminal=sent.append)
    return BriefApp(load_path(path), clipboard=clipboard), sent


def marked_lines(app: BriefApp) -> list[str]:
    """The lines of the reading pane that carry the highlight mark, as drawn."""
    reader = app.reader
    lines = [reader.render_line(y).text for y in range(reader.scrollable_content_region.height)]
    return [line.split(HIGHLIGHT_MARK)[0].strip() for line in lines if HIGHLIGHT_MARK in line]


async def open_panel_tab(pilot, app: BriefApp, key: str) -> ItemList:
    insights = app.query_one(Insights)
    await wait_until(
        pilot,
        lambda: not insights.suggesting and any(g.key == key for g in insights.groups) and bool(app.query(ItemList)),
    )
    await pilot.pause()  # the panel is composed anew when its first entries arrive
    items = app.query_one(ItemList)
    items.focus()
    await wait_until(pilot, lambda: app.focused is items)
    for _ in range(len(insights.groups)):
        if insights.active_group == key:
            break
        await pilot.press("right")
    assert insights.active_group == key
    return items


async def test_h_highlights_the_paragraph_at_the_top_and_a_second_press_removes_it(tmp_path):
    app, _ = app_for(article_file(tmp_path))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "h")  # Introduction's heading at the top
        assert app.screen.memory.highlights == [Highlight(3, 0, len(INTRO), INTRO, "Introduction")]
        assert marked_lines(app) == [
            "The small ports of the north have outlived the",
            "fisheries that built them. This piece looks at three of",
            "them and what keeps them going.",
        ]
        assert any("Highlighted “The small ports of the north" in text for text in notifications(app))
        insights = app.query_one(Insights)
        assert [group.key for group in insights.groups] == ["key-points", "highlights"]
        highlights = next(group for group in insights.groups if group.key == "highlights")
        assert [str(entry.content) for entry in highlights.entries] == [f"§ Introduction\n{INTRO}"]
        await pilot.press("h")
        assert app.screen.memory.highlights == [] and marked_lines(app) == []
        assert [group.key for group in insights.groups] == ["key-points"]


async def test_v_selects_sentences_and_enter_highlights_them_then_y_and_c_copy(tmp_path, capsys):
    path = article_file(tmp_path)
    app, sent = app_for(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "v")
        assert app.reader.selection == {3: [(0, 73)]}  # the first sentence on screen
        await pilot.press("w")
        assert app.reader.selection == {3: [(74, len(INTRO))]}
        await pilot.press("J")  # Shift extends, across the heading to the next paragraph
        assert app.reader.selection == {3: [(74, len(INTRO))], 5: [(0, len(EACH_PORT))]}
        await pilot.press("enter")
        assert app.reader.selection == {}
        assert app.screen.memory.highlights == [
            Highlight(3, 74, len(INTRO), SECOND, "Introduction"),
            Highlight(5, 0, len(EACH_PORT), EACH_PORT, "Three Ports"),
        ]
        items = await open_panel_tab(pilot, app, "highlights")
        await pilot.press("y")
        await settle(app, pilot)
        expected = f"## Introduction\n\n> {SECOND}\n\n## Three Ports\n\n> {EACH_PORT}"
        assert [decoded(s) for s in sent] == [expected]
        assert "Sent 2 highlights (terminal clipboard, OSC 52)" in notifications(app)
        await pilot.press("down", "c")
        await settle(app, pilot)
        # c copies the entry as the panel shows it: its section's line, then the highlight.
        assert items.highlighted == 1 and decoded(sent[-1]) == f"§ Three Ports\n{EACH_PORT}"
        shown = items.get_option_at_index(1).prompt
        assert decoded(sent[-1]) == str(shown)
    # y copied exactly what the option prints.
    assert main(["--highlights", str(path)]) == 0
    assert capsys.readouterr().out == expected + "\n"


async def test_escape_leaves_selection_and_j_k_move_the_cursor_there(tmp_path):
    app, _ = app_for(article_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "v", "j", "j", "k")
        assert app.reader.selection == {3: [(74, len(INTRO))]}
        await pilot.press("escape")
        assert app.reader.selection == {} and not app.screen.selecting
        top = round(app.reader.scroll_y)
        await pilot.press("j")
        assert round(app.reader.scroll_y) == top + 1  # j scrolls again


async def test_d_in_the_panel_deletes_a_highlight_and_enter_jumps_to_it(tmp_path):
    app, _ = app_for(article_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3", "h", "1", "h")  # What Comes Next's paragraph, then Introduction's
        assert [h.unit for h in app.screen.memory.highlights] == [3, 10]
        await pilot.press("g")
        await open_panel_tab(pilot, app, "highlights")
        await pilot.press("down", "enter")
        assert "What Comes Next" in str(app.screen.query_one("#status").text)  # the text scrolled there
        await pilot.press("d")
        assert [h.unit for h in app.screen.memory.highlights] == [3]


async def test_highlights_survive_a_restart_and_an_edit_of_the_file(tmp_path):
    path = article_file(tmp_path)
    app, _ = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "h", "2", "h")
    app, _ = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.memory.highlights))
        assert [h.text for h in app.screen.memory.highlights] == [INTRO, EACH_PORT]
        assert app.reader.marks == {3: [(0, len(INTRO))], 5: [(0, len(EACH_PORT))]}
    edited = NO_INSIGHTS_ARTICLE.replace("Introduction\n\n", "Introduction\n\nA new first paragraph.\n\n")
    path.write_text(edited.replace("one on visitors", "one on tourists"), encoding="utf-8")
    app, _ = app_for(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.memory.highlights))
        assert app.screen.memory.highlights == [Highlight(4, 0, len(INTRO), INTRO, "Introduction")]
        await wait_until(pilot, lambda: "1 highlight no longer found: the file has changed." in notifications(app))


async def test_suggested_key_points_are_marked_as_brief_s_and_enter_jumps_to_one(tmp_path):
    app, _ = app_for(article_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        insights = app.query_one(Insights)
        await open_panel_tab(pilot, app, "key-points")
        assert insights.groups[0].title == "Key points (suggested)"
        assert "Chosen by brief from the text: not the author's." in str(
            app.screen.query_one(".insights--note").render()
        )
        await pilot.press("down", "enter")
        assert app.reader.text_layout.unit_at(round(app.reader.scroll_y)) == insights.suggestions[1].unit


ONLY_A_LIST = """\
Packing List

- A torch
- Water
- A map of the coast
"""


async def test_an_empty_panel_gives_its_width_back_and_t_says_why():
    app = BriefApp(parse_text(ONLY_A_LIST, name="packing.txt"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert not app.query_one(Insights).display
        width = app.reader.size.width
        await pilot.press("t")
        await pilot.pause()
        assert not app.query_one(Insights).display and app.reader.size.width == width
        assert any(text.startswith("Nothing for the panel:") for text in notifications(app))


async def test_a_book_s_suggestions_follow_the_chapter_at_the_top(tmp_path, monkeypatch):
    from tui.reading import key_points

    monkeypatch.setattr(key_points, "BOOK_WORDS", 50)  # Quiet Harbours, as if it were a book
    app, _ = app_for(article_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        insights = app.query_one(Insights)
        await wait_until(pilot, lambda: bool(insights.suggestions))
        sections = app.article.sections

        def from_section(heading: str | None) -> bool:
            return {sections[p.section].heading for p in insights.suggestions} == {heading}

        await pilot.press("1")
        await wait_until(pilot, lambda: from_section("Introduction"))
        await pilot.press("3")
        await wait_until(pilot, lambda: from_section("What Comes Next"))
        assert [p.text for p in insights.suggestions] == [
            "None of the three expects to grow, and all of them expect to last."
        ]


async def test_y_on_a_book_s_key_points_copies_every_chapter_as_the_option_prints_them(tmp_path, capsys, monkeypatch):
    from tui.reading import key_points

    monkeypatch.setattr(key_points, "BOOK_WORDS", 50)  # Quiet Harbours, as if it were a book
    path = article_file(tmp_path)
    app, sent = app_for(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_panel_tab(pilot, app, "key-points")
        await pilot.press("y")
        await settle(app, pilot)
        assert "Sent suggested key points of 3 chapters (terminal clipboard, OSC 52)" in notifications(app)
    assert main(["--key-points", str(path)]) == 0
    printed = capsys.readouterr().out
    assert [decoded(s) + "\n" for s in sent] == [printed]
    # Every chapter under its heading, not only the one at the top of the reading pane.
    assert [line for line in printed.splitlines() if line.startswith("## ")] == [
        "## Introduction",
        "## Three Ports",
        "## What Comes Next",
    ]


async def test_a_first_highlight_brings_back_a_panel_that_had_nothing_to_show():
    app = BriefApp(parse_text(ONLY_A_LIST, name="packing.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.query_one(Insights).display
        await pilot.press("h")  # the first item, a torch
        await wait_until(pilot, lambda: app.query_one(Insights).display)
        assert [group.key for group in app.query_one(Insights).groups] == ["highlights"]
