"""The help screen: every key, from the same bindings the footer shows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.keys import key_table
from tui.platform.resources import stylesheet_path


def help_content(rows: list[tuple[str, str]]) -> Content:
    """The key table as styled text: keys in a fixed column, then what they do."""
    width = max((len(keys) for keys, _ in rows), default=0)
    lines = [Content.assemble((keys.ljust(width), "bold $accent"), "  ", description) for keys, description in rows]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Lists every binding; any of Escape, q or ? closes it."""

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
        with VerticalScroll(id="help-body"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            yield Static(help_content(self.rows), id="help-keys")
            yield Static(Content("Escape, q or ? closes this screen."), id="help-hint")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "home":
            body.scroll_home(animate=False)
        elif direction == "end":
            body.scroll_end(animate=False)
        else:
            body.scroll_relative(y=1 if direction == "down" else -1, animate=False)
