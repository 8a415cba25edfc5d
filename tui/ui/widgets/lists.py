"""A list that moves with the keys of every other list in brief: j/k and the arrows, g/G and Home/End."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList

LIST_KEYS = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]
"""Added to OptionList's own arrows, Home and End: the reading pane's keys mean the same in a list."""


class KeyedList(OptionList):
    """An OptionList that also takes j/k/g/G (the panel's items, the bookmarks)."""

    BINDINGS = LIST_KEYS

    def _move_page(self, direction: int) -> None:
        # Textual 8.2 lays out a list's lines only when it has room: in a list squeezed to no
        # height (a small terminal, a pane being hidden) a page key looked up a line never made.
        if not self.scrollable_content_region:
            return
        super()._move_page(direction)  # type: ignore[arg-type]
