"""Textual's command palette, made safe against keys that arrive in a burst.

Two faults of Textual 8.2's `CommandPalette` (pinned) that random keys reach:
- a selection (Enter, a click) handled after the palette has already closed, or while another screen
  is on top of it, dismisses whatever screen is on top: `ScreenStackError: Can't pop screen`, or the
  reader itself popped. Here a palette that is not the top screen closes nothing and runs nothing.
- the search worker finishing after the palette closed refreshes a list that is gone (`NoMatches:
  No nodes match 'CommandList'`), or starting after it closed looks for that list first. Here a
  palette that has lost its list drops the late results, and a late search does nothing.
- PageUp/PageDown before the command list has laid out its lines raise KeyError in
  `OptionList._move_page`. Here they move the highlight by the list's height through public API.
"""

from __future__ import annotations

import contextlib

from textual import work
from textual.app import ScreenStackError
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches

PALETTE_ID = "--command-palette"
"""The id Textual gives its palette; one screen at a time may hold it."""


class SafeCommandPalette(CommandPalette):
    """The command palette, closing only itself, and paging without the list's line cache."""

    BINDINGS = [
        *(b for b in CommandPalette.BINDINGS if not (isinstance(b, Binding) and b.key in ("pageup", "pagedown"))),
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    @property
    def _on_top(self) -> bool:
        try:
            return self.app.screen is self
        except ScreenStackError:
            return False

    def dismiss(self, result: object = None) -> AwaitComplete:
        if not self._on_top:
            return AwaitComplete.nothing()  # closed already, or under another screen: not ours to pop
        return super().dismiss(result)

    def _select_or_command(self, event=None) -> None:  # type: ignore[no-untyped-def]
        if not self._on_top:
            if event is not None:
                event.stop()
            return  # a selection that arrived after the palette closed runs nothing
        super()._select_or_command(event)

    def _refresh_command_list(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        with contextlib.suppress(NoMatches):  # the palette closed while the search ran: nowhere to show
            super()._refresh_command_list(*args, **kwargs)

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        with contextlib.suppress(NoMatches):  # the palette closed before the search began: no list to fill
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # the undecorated search

    def action_page(self, direction: int) -> None:
        commands = self.query_one(CommandList)
        if not commands.option_count:
            return
        page = max(1, commands.scrollable_content_region.height)
        current = commands.highlighted if commands.highlighted is not None else (0 if direction > 0 else -1)
        commands.highlighted = max(0, min(commands.option_count - 1, current + direction * page))
