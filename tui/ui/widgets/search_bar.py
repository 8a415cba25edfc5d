"""The search bar: every key types into it; Enter keeps the highlights, Escape clears them."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line query at the bottom of the screen, shown by `/`."""

    BINDINGS = [
        Binding("enter", "submit", "Keep, then n/N for matches", key_display="Enter"),
        Binding("escape", "cancel", "Clear search", tooltip="Search bar: close it and clear the highlights"),
    ]

    class Cancelled(Message):
        """The user left the search with Escape."""

        def __init__(self, search_bar: SearchBar) -> None:
            super().__init__()
            self.search_bar = search_bar

        @property
        def control(self) -> SearchBar:
            return self.search_bar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search (smart case: a capital makes it exact)", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))
