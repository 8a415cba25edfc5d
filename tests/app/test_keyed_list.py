"""The lists' own keys (the panel's items, the bookmarks) in the corners a small terminal makes."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.ui.widgets.lists import KeyedList


class SqueezedList(App[None]):
    CSS = "KeyedList { height: 0; }"  # the panel's list at 60x20 with the pane closing

    def compose(self) -> ComposeResult:
        yield KeyedList(*[f"item {number}" for number in range(20)])


@pytest.mark.parametrize("key", ["pagedown", "pageup"])
async def test_a_page_key_in_a_list_with_no_room_does_nothing(key):
    # Textual 8.2 raised KeyError 0 here: the random-keys test met it at 60x20.
    app = SqueezedList()
    async with app.run_test(size=(60, 20)) as pilot:
        items = app.query_one(KeyedList)
        items.focus()
        items.highlighted = 3
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert items.highlighted == 3
        assert app.return_code is None  # still running: no exception ended it


async def test_page_keys_still_move_a_list_with_room():
    app = SqueezedList()
    app.CSS = "KeyedList { height: 5; }"
    async with app.run_test(size=(60, 20)) as pilot:
        items = app.query_one(KeyedList)
        items.focus()
        items.highlighted = 0
        await pilot.pause()
        await pilot.press("pagedown")
        assert items.highlighted is not None and items.highlighted > 0
