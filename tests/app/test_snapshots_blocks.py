"""Real documents as the reader draws them, pinned as SVG snapshots at 80x24 and 120x40: inline
styles and numbered links, a table, a code block with syntax colours, a quote and verse."""

from __future__ import annotations

import pytest

from tests.app.helpers import wait_until
from tests.reading.samples import rich_article
from tui.ui.app import BriefApp

SIZES = [(80, 24), (120, 40)]

# Keys to the block: 1 is "Numbers" (the contents list is not numbered), 2 is "Code", and `]` from
# there is the sub-section "Voices".
VIEWS = {
    "inline-styles-and-links": [],
    "table": ["1"],
    "code-block": ["2"],
    "quote-and-verse": ["2", "right_square_bracket"],
    "links-view": ["2", "right_square_bracket", "L"],
}


def keys_then_colours(keys: list[str]):
    """Press `keys`, then wait for the syntax colours of the code on screen, which arrive after
    the frame that first shows it, from a worker."""

    async def run_before(pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        await wait_until(pilot, lambda: pilot.app.reader.syntax_ready)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_blocks(snap_compare, view, size):
    assert snap_compare(BriefApp(rich_article()), terminal_size=size, run_before=keys_then_colours(VIEWS[view]))
