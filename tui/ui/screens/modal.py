"""The one rule for brief's dialogs: a dialog closes once, and only while it is the screen on show."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    """A modal screen whose `dismiss` cannot pop a screen that is not its own.

    Textual's `dismiss` pops whatever screen is on top and calls the result callback each time.
    Two Escapes in one burst closed a dialog twice (the second set its result again: an
    `InvalidStateError`), and an Escape read just as the terminal shrank popped the "too small"
    cover instead of the dialog. Such a key now does nothing; the dialog is still there, and
    closes with the next one.
    """

    _dismissed = False

    def dismiss(self, result: Result | None = None) -> AwaitComplete:
        if self._dismissed or not self.is_active:
            return AwaitComplete.nothing()
        self._dismissed = True
        return super().dismiss(result)
