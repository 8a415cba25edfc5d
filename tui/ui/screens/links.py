"""The links of the section at the top of the reader: Enter copies the chosen link's address."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.platform.resources import stylesheet_path
from tui.reading.layout import Link
from tui.ui.screens.modal import Dialog


def link_label(link: Link) -> Content:
    """`[3] text` over its target: the number is the one the reader shows after the link."""
    return Content.assemble((f"[{link.number}] ", "bold"), link.text, "\n", (link.target, "italic"))


class LinksScreen(Dialog[Link | None]):
    """Lists links with their targets; dismisses with the chosen link, or None."""

    CSS_PATH = str(stylesheet_path("dialogs"))

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close")]

    def __init__(self, links: list[Link], where: str) -> None:
        super().__init__()
        self.links = list(links)
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="links-body"):
            yield Static(Content.assemble(("Links in ", "bold"), (self.where, "bold")), id="links-title")
            if self.links:
                yield OptionList(*(Option(link_label(link)) for link in self.links), id="links-list")
                hint = "Enter copies the address · Escape closes"
            else:
                hint = "This section has no links."
            yield Static(Content(hint), id="links-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.links[event.option_index])
