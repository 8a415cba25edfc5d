"""The footer, drawn with the first frame."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, with its keys composed at once and recomposed only when they change.

    Footer composes nothing until the screen signals its bindings, then recomposes a frame later,
    and again on every change of focus: a blank footer at start-up and a dozen widgets remounted
    on each Tab. The keys shown depend only on the screen, the app and the focused widget's
    bindings, so they are known when the footer is composed.
    """

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self.set_reactive(Footer._bindings_ready, True)
        self._shown: tuple[tuple[str, str, bool], ...] | None = None

    def compose(self):
        self._shown = self._shown_keys()
        yield from super().compose()

    def _shown_keys(self) -> tuple[tuple[str, str, bool], ...]:
        return tuple(
            (binding.key, binding.description, enabled)
            for _, binding, enabled, _ in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self._shown_keys() == self._shown:
            return
        super().bindings_changed(screen)
