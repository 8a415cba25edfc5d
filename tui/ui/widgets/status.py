"""The status line: where you are, how far through, and how long is left."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.reading.numbering import Numbering
from tui.reading.position import ReadingPosition


def status_text(
    position: ReadingPosition,
    headings: list[str | None],
    numbering: Numbering,
    search: str | None = None,
    figures: bool = True,
) -> Content:
    """`§ 3/7 In-Depth Analysis · 42% · 4 min left · 3/17`, built without markup. Without `figures`
    (the line a page or a book shows while it is read: how far through it means nothing yet), only
    where and `search`."""
    parts: list[str] = []
    if position.section is not None and headings[position.section] is not None:
        number = numbering.number_of(position.section)
        where = f"§ {number}/{len(numbering)} " if number is not None else "§ "
        parts.append(f"{where}{headings[position.section]}")
    else:
        parts.append("Opening")
    if figures:
        parts.append(f"{position.percent}%")
        parts.append("at the end" if position.minutes_left == 0 else f"{position.minutes_left} min left")
    if search:
        parts.append(search)
    return Content(" · ".join(parts))


class StatusLine(Widget):
    """Shows the reading position the screen hands it."""

    text: reactive[Content] = reactive(Content(""), layout=False)
    """What the line says. Changing it repaints the line alone: its size never changes, and a
    layout of the whole screen would cost a frame on every move of the reader."""

    def render(self) -> Content:
        return self.text
