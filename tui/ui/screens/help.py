"""The help screen: every key, from the same bindings the footer shows; two columns when wide."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.platform.resources import stylesheet_path
from tui.ui.keys import key_table
from tui.ui.screens.modal import Dialog

GAP = 4
"""Cells between the two columns, and between a column's keys and what they do."""
TWO_COLUMNS = 90
"""Room (inside the box) from which the keys are listed in two columns."""
MAX_COLUMN = 64
"""Widest a column gets: longer descriptions read better wrapped."""
CLOSES = "Escape, q or ? closes this screen."
SCROLLS = "j / k scroll · Escape, q or ? closes."
MORE_BELOW = "More below: " + SCROLLS


def column_lines(rows: list[tuple[str, str]], width: int) -> list[Content]:
    """One column of the key table `width` cells wide: keys, then the description wrapped by words
    under itself (never cut), continuation lines indented to the description's column."""
    keys_width = max((len(keys) for keys, _ in rows), default=0)
    text_width = max(width - keys_width - 2, 12)
    lines: list[Content] = []
    for keys, description in rows:
        wrapped = textwrap.wrap(description, text_width, break_long_words=False, break_on_hyphens=False) or [""]
        lines.append(Content.assemble((keys.ljust(keys_width), "bold $accent"), "  ", wrapped[0]))
        lines.extend(Content(" " * (keys_width + 2) + more) for more in wrapped[1:])
    return lines


def help_content(rows: list[tuple[str, str]], room: int) -> Content:
    """The key table for a box with `room` cells inside: one column, or two side by side."""
    if room < TWO_COLUMNS:
        return Content("\n").join(column_lines(rows, min(room, MAX_COLUMN * 3 // 2)))
    width = min((room - GAP) // 2, MAX_COLUMN)
    # Split where the two columns come out nearest in height.
    heights = [len(column_lines([row], width)) for row in rows]
    total, running, split = sum(heights), 0, len(rows)
    for index, height in enumerate(heights):
        if running + height > (total + 1) // 2:
            split = index if running >= total - running - height else index + 1
            break
        running += height
    left, right = column_lines(rows[:split], width), column_lines(rows[split:], width)
    lines = []
    for number in range(max(len(left), len(right))):
        first = left[number] if number < len(left) else Content("")
        second = right[number] if number < len(right) else Content("")
        lines.append(Content.assemble(first, " " * (width - first.cell_length + GAP), second).rstrip())
    return Content("\n").join(lines)


class HelpScreen(Dialog[None]):
    """Lists every binding; any of Escape, q or ? closes it. The title and the closing line stay
    put while the keys scroll, and say so when they do."""

    CSS_PATH = str(stylesheet_path("dialogs"))

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
        Binding("j,down", "scroll('down')", show=False),
        Binding("k,up", "scroll('up')", show=False),
        Binding("g,home", "scroll('home')", show=False),
        Binding("G,end", "scroll('end')", show=False),
    ]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.rows = key_table(bindings)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._table(), id="help-keys")
            yield Static(Content(CLOSES), id="help-hint")

    def _table(self) -> Content:
        # The box may take nine tenths of the screen; its border, padding and scrollbar take 12 cells.
        return help_content(self.rows, self.app.size.width * 9 // 10 - 12)

    def _fit(self) -> None:
        # The keys scroll between the title and the closing line, which stay in the box: it has
        # nine tenths of the screen's height, less 8 lines for them, its border and its padding.
        self.query_one("#help-body").styles.max_height = max(self.app.size.height * 9 // 10 - 8, 3)
        table = self._table()
        self.query_one("#help-keys", Static).update(table)
        # As wide as the table, its scrollbar at the box's edge (border, padding and scrollbar: 7).
        widest = max((line.cell_length for line in table.split("\n")), default=0)
        self.query_one("#help-box").styles.width = min(widest + 7, self.app.size.width * 9 // 10)
        self.call_after_refresh(self._show_hint)

    def on_resize(self) -> None:
        self._fit()

    def on_mount(self) -> None:
        self._fit()

    def _show_hint(self) -> None:
        if not self.is_attached:
            return  # closed before this ran (`?` then Escape in one burst of keys)
        body = self.query_one("#help-body", VerticalScroll)
        if body.max_scroll_y == 0:
            hint = CLOSES
        else:
            hint = MORE_BELOW if body.scroll_y < body.max_scroll_y else SCROLLS
        self.query_one("#help-hint", Static).update(Content(hint))

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "home":
            body.scroll_home(animate=False)
        elif direction == "end":
            body.scroll_end(animate=False)
        else:
            body.scroll_relative(y=1 if direction == "down" else -1, animate=False)
        self.call_after_refresh(self._show_hint)
