"""What a user sees in the reader, read back from the running app."""

from __future__ import annotations

import time
from collections.abc import Callable

from tests.conftest import SEED
from tui.ui.app import BriefApp
from tui.reading.layout import BLANK
from tui.parse import load_path, parse_text


def seed_app() -> BriefApp:
    return BriefApp(load_path(SEED))


def text_app(text: str, name: str = "article.txt") -> BriefApp:
    return BriefApp(parse_text(text, name=name))


def line_text(app: BriefApp, line: int) -> str:
    """The text of one line of the reading pane's layout (no margin or marker)."""
    layout = app.reader.text_layout
    if line >= layout.line_count:
        return ""
    unit = layout.line_unit[line]
    if unit == BLANK:
        return ""
    return app.document.units[unit].text[layout.line_start[line] : layout.line_end[line]]


def top_line(app: BriefApp) -> int:
    return round(app.reader.scroll_y)


def top_text(app: BriefApp) -> str:
    """The first line of text at the top of the reading pane."""
    return line_text(app, top_line(app))


def visible_text(app: BriefApp) -> str:
    """Every line of the reading pane as drawn, margins included."""
    reader = app.reader
    return "\n".join(reader.render_line(y).text for y in range(reader.scrollable_content_region.height))


def navigator_text(app: BriefApp) -> list[str]:
    """The navigator's lines as drawn on screen, trailing spaces dropped."""
    from tui.ui.widgets.navigator import Navigator

    navigator = app.screen.query_one(Navigator)
    return [navigator.render_line(y).text.rstrip() for y in range(navigator.scrollable_content_region.height)]


def toasts(app: BriefApp) -> list[str]:
    """The notifications on screen."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (the palette, for one, searches on a debounce)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the app"
        await pilot.pause(0.02)


def screen_lines(app: BriefApp) -> list[str]:
    """Every row of the terminal as the app would draw it now, trailing spaces dropped."""
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]
