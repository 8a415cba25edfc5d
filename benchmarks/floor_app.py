"""The floor for benchmarks/terminal.py: the emptiest Textual app that shows one line.

Whatever brief costs above this is brief's own: starting Python, importing Textual and drawing a
first frame are paid by every Textual app. Any key replaces the line with `floor key N`, so the
benchmark can also measure the floor of key-to-screen latency (one `Static.update`).

    python benchmarks/floor_app.py
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static


class FloorApp(App[None]):
    """One Static line, `floor ready`; each key press rewrites it."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Static("floor ready", id="line")

    def on_key(self, event: events.Key) -> None:
        if event.key == "ctrl+c":
            return
        self.presses += 1
        self.query_one("#line", Static).update(f"floor key {self.presses}")


if __name__ == "__main__":
    FloorApp().run()
