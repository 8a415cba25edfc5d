"""The key bar: the keys of the moment, on the last line."""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.style import Style

from tui.ui.widgets.parts_line import PartsLine


class KeyBar(PartsLine[str]):
    """What Textual's Footer shows (the shown bindings of the focused widget, its screen and the
    app, one per action), drawn as one line by one widget.

    Footer mounts a widget per key, a frame after the screen's first, and remounts them all on a
    change of focus: a twentieth of a second of start-up, and a footer that pops in late.
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def shown_keys(self) -> list[tuple[str, str, str, bool]]:
        """(key, what is shown for it, description, enabled) for each key on the bar, in order."""
        keys: dict[str, tuple[str, str, str, bool]] = {}
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = (binding.key, self.app.get_key_display(binding), binding.description, enabled)
        return list(keys.values())

    def parts(self) -> list[tuple[Content, str]]:
        key_style = self.get_visual_style("key-bar--key", partial=True)
        description_style = self.get_visual_style("key-bar--description", partial=True)
        parts = []
        for key, shown, description, enabled in self.shown_keys():
            dim = Style() if enabled else Style(dim=True)
            label = Content.assemble((f" {shown} ", key_style + dim), (f"{description} ", description_style + dim))
            parts.append((label, key))
        return parts

    def part_clicked(self, target: str) -> None:
        self.app.simulate_key(target)
