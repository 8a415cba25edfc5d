"""What the user sees, pinned as SVG snapshots (update with `pytest --snapshot-update`)."""

from __future__ import annotations

from tests.app.helpers import seed_app, text_app

NO_INSIGHTS_ARTICLE = """\
Quiet Harbours

Notes on the small ports of the northern coast

Introduction

The small ports of the north have outlived the fisheries that built them. This piece looks at
three of them and what keeps them going.

Three Ports

Each port has found its own way: one lives on ferries, one on boat repair, one on visitors.

• Ferries: two crossings a day keep the quay busy all year.
• Repair: a slipway and a family firm that has run it for a century.
• Visitors: summer brings walkers, and with them the cafés.

What Comes Next

None of the three expects to grow, and all of them expect to last.
"""


def test_seed_at_120x40(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(120, 40))


def test_seed_at_80x24(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(80, 24))


def test_seed_at_80x24_after_next_section_with_panel(snap_compare):
    assert snap_compare(seed_app(), press=["right_square_bracket", "4", "t"], terminal_size=(80, 24))


def test_seed_at_120x40_in_a_section_then_in_the_navigator(snap_compare):
    # The navigator's highlight as it follows the reader, then focused (two looks), and the tab strip.
    assert snap_compare(seed_app(), press=["3"], terminal_size=(120, 40))
    assert snap_compare(seed_app(), press=["3", "tab", "tab", "down"], terminal_size=(120, 40))


def test_help_screen(snap_compare):
    assert snap_compare(seed_app(), press=["question_mark"], terminal_size=(80, 24))


def test_article_without_takeaways(snap_compare):
    # The panel's first tab is brief's suggestions, marked as such (waited for: they are made off
    # the UI thread).
    async def suggested(pilot):
        from tests.app.helpers import wait_until
        from tui.ui.widgets.insights import Insights, ItemList

        def ready() -> bool:
            panels = pilot.app.screen.query(Insights)
            return bool(panels and panels.first().suggestions and pilot.app.screen.query(ItemList))

        await wait_until(pilot, ready)

    app = text_app(NO_INSIGHTS_ARTICLE, "quiet-harbours.txt")
    assert snap_compare(app, run_before=suggested, terminal_size=(120, 40))


def test_tiny_terminal_40x12(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(40, 12))


def test_no_color_shows_focus_and_the_current_section(snap_compare, monkeypatch):
    # With NO_COLOR the panes' edges (▌ ▐) and the current section's weight and marker remain.
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(seed_app(), press=["3"], terminal_size=(120, 40))
    assert snap_compare(seed_app(), press=["3", "tab", "tab"], terminal_size=(120, 40))


def test_no_color_shows_the_panels_current_entry(snap_compare, monkeypatch):
    # The panel focused, its second entry current: ▌ before each of its lines, as in the navigator.
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(seed_app(), press=["tab", "j"], terminal_size=(120, 40))


def test_highlights_and_the_sentence_cursor_without_colour(snap_compare, monkeypatch):
    # NO_COLOR drops the tint: the mark in the right margin and the reversed selection remain.
    monkeypatch.setenv("NO_COLOR", "1")

    async def highlight_then_select(pilot):
        from tests.app.helpers import wait_until
        from tui.ui.widgets.insights import Insights

        def ready() -> bool:
            panels = pilot.app.screen.query(Insights)
            return bool(panels and panels.first().suggestions)

        await wait_until(pilot, ready)
        await pilot.press("right_square_bracket", "h", "v", "w", "J")
        await pilot.pause()

    app = text_app(NO_INSIGHTS_ARTICLE, "quiet-harbours.txt")
    assert snap_compare(app, run_before=highlight_then_select, terminal_size=(120, 40))
