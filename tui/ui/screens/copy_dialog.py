"""Shown when no clipboard can be reached: the text, ready to select, and (unless served) a way to save it."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static, TextArea

from tui.platform.files import write_atomically
from tui.platform.resources import stylesheet_path
from tui.ui.screens.modal import Dialog


class CopyDialog(Dialog[None]):
    """The text that could not be copied, selectable, with "Save to file…"; Escape closes.

    `can_save` is False for `brief serve`: the file would be written on the server, at a path the
    visitor chose, which a served reader never opens.
    """

    CSS_PATH = str(stylesheet_path("dialogs"))

    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def __init__(self, text: str, problem: str, *, can_save: bool = True) -> None:
        super().__init__()
        self.text = text
        self.problem = problem
        self.can_save = can_save
        self._confirm_replace: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-dialog"):
            yield Static(Content.styled("Could not copy to a clipboard", "bold"), id="copy-title")
            advice = "Select the text below, or save it to a file." if self.can_save else "Select the text below."
            yield Static(Content(f"{self.problem}. {advice}"), id="copy-reason")
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="copy-text")
            if self.can_save:
                with Horizontal(id="copy-save"):
                    yield Input(placeholder="file name, e.g. ~/takeaways.md", id="copy-path")
                    yield Button("Save", id="copy-save-button", variant="primary")
            yield Static(Content("Escape closes. Ctrl+A in the text selects all of it."), id="copy-status")

    def on_mount(self) -> None:
        self.query_one("#copy-text", TextArea).focus()

    @on(Button.Pressed, "#copy-save-button")
    @on(Input.Submitted, "#copy-path")
    def save(self) -> None:
        if not self.can_save:
            return
        status = self.query_one("#copy-status", Static)
        raw = self.query_one("#copy-path", Input).value.strip()
        if not raw:
            status.update(Content("Type a file name first."))
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        replace = self._confirm_replace == path
        try:
            write_atomically(path, self.text + "\n", replace=replace)
        except FileExistsError:
            self._confirm_replace = path
            status.update(Content(f"{path} exists. Save again to replace it, or type another name."))
            return
        except OSError as error:
            status.update(Content(f"Could not save {path}: {error.strerror or error}"))
            return
        self.app.notify(f"Saved to {path}", markup=False)
        self.dismiss()
