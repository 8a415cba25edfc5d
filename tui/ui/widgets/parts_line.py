"""A line of labelled parts, each of which does something when clicked (the tab strip, the key bar)."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import events
from textual.content import Content
from textual.widget import Widget

Target = TypeVar("Target")


class PartsLine(Widget, Generic[Target]):
    """Draws `parts()` side by side; a click on one calls `part_clicked` with its target."""

    def parts(self) -> list[tuple[Content, Target]]:
        """Each part as drawn, and what a click on it means."""
        raise NotImplementedError

    def part_clicked(self, target: Target) -> None:
        raise NotImplementedError

    def render(self) -> Content:
        return Content.assemble(*(content for content, _ in self.parts()))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        edge = 0
        for content, target in self.parts():
            edge += content.cell_length
            if offset.x < edge:
                self.part_clicked(target)
                return
