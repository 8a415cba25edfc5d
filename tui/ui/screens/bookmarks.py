"""The bookmark list: Enter jumps to one, d deletes it, Escape closes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.platform.resources import stylesheet_path
from tui.platform.state import Spot
from tui.ui.screens.modal import Dialog
from tui.ui.widgets.lists import KeyedList


def bookmark_label(spot: Spot) -> Content:
    heading = spot.heading or "Opening"
    if spot.excerpt == heading:
        return Content.styled(heading, "bold")  # a bookmark on the heading itself: its words are the excerpt
    return Content.assemble((heading, "bold"), "\n", (spot.excerpt, "italic"))


class BookmarksScreen(Dialog[Spot | None]):
    """Lists the bookmarks; dismisses with the chosen spot, or None."""

    CSS_PATH = str(stylesheet_path("dialogs"))

    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close"),
        Binding("d", "delete", "Delete bookmark", tooltip="Bookmark list: delete the selected bookmark"),
    ]

    class Deleted(Message):
        """A bookmark was deleted from the list."""

        def __init__(self, spot: Spot) -> None:
            super().__init__()
            self.spot = spot

    def __init__(self, bookmarks: list[Spot]) -> None:
        super().__init__()
        self._spot_of = {Option(bookmark_label(spot)): spot for spot in bookmarks}
        """Each option's bookmark, in the list's order: an Enter read after a `d` of the same burst
        names an option, whose index may have moved or gone."""

    @property
    def bookmarks(self) -> list[Spot]:
        """The bookmarks listed, in order."""
        return list(self._spot_of.values())

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-body"):
            yield Static(Content.styled("Bookmarks", "bold"), id="bookmarks-title")
            if self._spot_of:
                yield KeyedList(*self._spot_of, id="bookmarks-list")
                hint = "Enter jumps there · d deletes · Escape closes"
            else:
                hint = "No bookmarks yet: press m to bookmark the paragraph at the top."
            yield Static(Content(hint), id="bookmarks-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        spot = self._spot_of.get(event.option)
        if spot is not None:  # None: deleted since the Enter was read
            self.dismiss(spot)

    def action_delete(self) -> None:
        if not self._spot_of:
            return
        options = self.query_one("#bookmarks-list", OptionList)
        index = options.highlighted
        if index is None:
            return
        spot = self._spot_of.pop(options.get_option_at_index(index))
        options.remove_option_at_index(index)
        self.app.post_message(self.Deleted(spot))
        if not self._spot_of:
            self.dismiss(None)
