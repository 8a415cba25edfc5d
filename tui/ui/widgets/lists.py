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
