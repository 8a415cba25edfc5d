"""The library: every article in a folder with its length and your progress; type to filter."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.model.article import Article
from tui.model.errors import BriefError, failure_reason
from tui.parse import DEFAULT_MAX_SIZE, read_path
from tui.parse.sanitize import printable
from tui.platform.resources import stylesheet_path
from tui.platform.state import StateStore
from tui.reading.library import Entry, describe, display_path, find_articles, inside

if TYPE_CHECKING:
    from tui.reading.loading import PendingDocument


def entry_label(entry: Entry) -> Content:
    """`Title  ·  1,234 words · 6 min · 40% read` over the file's path; a failed file shows why."""
    if entry.error is not None:
        return Content.assemble((entry.relative, "bold"), "\n", (f"cannot read: {entry.error}", "$error"))
    if entry.title is None:
        return Content.assemble((entry.relative, "bold"), "\n", ("reading…", "$text-muted"))
    progress = "unread" if entry.percent is None else f"{entry.percent}% read"
    details = f"{entry.relative} · {entry.words:,} words · {entry.minutes} min · {progress}"
    return Content.assemble((entry.title, "bold"), "\n", (details, "$text-muted"))


def matches(entry: Entry, query: str) -> bool:
    query = query.casefold()
    return query in entry.relative.casefold() or (entry.title is not None and query in entry.title.casefold())


class LibraryScreen(Screen[None]):
    """Lists a folder's articles; typing filters, Enter opens, Escape clears the filter."""

    CSS_PATH = str(stylesheet_path("library"))

    BINDINGS = [
        # Letters type into the filter, so the list moves with the arrows and Emacs's Ctrl+N / Ctrl+P.
        Binding("down,ctrl+n", "move(1)", "Next article", show=False, tooltip="Library: next article"),
        Binding("up,ctrl+p", "move(-1)", "Previous article", show=False, tooltip="Library: previous article"),
        Binding("pagedown", "move(10)", "Ten down", show=False),
        Binding("pageup", "move(-10)", "Ten up", show=False),
        Binding("escape", "clear_filter", "Clear filter", tooltip="Library: clear the filter"),
        # Priority: on the bar over the filter's own (hidden) Enter and the app's hidden Ctrl+Q.
        Binding("enter", "open", "Open", tooltip="Library: open the highlighted article", priority=True),
        Binding("ctrl+q", "app.quit", "Quit", tooltip="Quit (q types into the filter here)", priority=True),
    ]

    class ArticleChosen(Message):
        """The user opened an article; the app shows it (`pending`: the whole, for a large one)."""

        def __init__(self, article: Article, pending: PendingDocument | None = None) -> None:
            super().__init__()
            self.article = article
            self.pending = pending

    def __init__(
        self,
        folder: Path,
        state: StateStore,
        max_size: int = DEFAULT_MAX_SIZE,
        *,
        files: Sequence[Path] | None = None,
        confined: bool = False,
    ) -> None:
        """`files`: these articles (under `folder`) rather than every one found there; `confined`: no
        file whose real path leaves `folder` is listed or opened (`brief serve`)."""
        super().__init__()
        self.folder = folder
        self.state = state
        self.max_size = max_size
        self.confined = confined
        self.files = files
        # The folder is walked off the UI thread, after the first frame: a large tree takes a while.
        self.listed = False
        self.truncated = False
        self.entries: list[Entry] = []
        self.shown: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Library: {printable(str(self.folder))}"), id="library-title")
        yield Input(placeholder="Type to filter by title or file name", id="library-filter")
        yield OptionList(id="library-list")
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(gc.enable)  # off until the first frame: see cli._run_reader
        self._show()
        self.query_one("#library-filter", Input).focus()
        self.run_worker(self._list_and_describe, thread=True, group="library", exclusive=True)

    def on_screen_resume(self) -> None:
        """Back from an article: its progress has changed (re-read off the UI thread)."""
        highlighted = self._highlighted_entry()
        if highlighted is not None:

            def refresh(index: int = highlighted) -> None:
                entry = describe(self.entries[index].path, self.folder, self.state.articles(), self.max_size)
                self.app.call_from_thread(self._update_entry, index, entry)

            self.run_worker(refresh, thread=True, group="refresh")
        self.query_one("#library-filter", Input).focus()

    def _list_and_describe(self) -> None:
        folder, confined = self.folder, self.confined
        if self.files is None:
            paths, truncated = find_articles(folder, confined=confined)
        else:
            paths, truncated = [path for path in self.files if not confined or inside(path, folder)], False
        entries = [Entry(path, display_path(path, folder)) for path in paths]
        self.app.call_from_thread(self._listed, entries, truncated)
        remembered = self.state.articles()  # once for every file, not once a file
        worker = get_current_worker()
        for index, entry in enumerate(entries):
            if worker.is_cancelled:  # brief is leaving (or the library closed): a thousand files can wait
                return
            described = describe(entry.path, folder, remembered, self.max_size)
            self.app.call_from_thread(self._update_entry, index, described)

    def _listed(self, entries: list[Entry], truncated: bool) -> None:
        self.entries, self.truncated, self.listed = entries, truncated, True
        self._show()

    def _update_entry(self, index: int, entry: Entry) -> None:
        self.entries[index] = entry
        if index in self.shown:
            self.query_one("#library-list", OptionList).replace_option_prompt_at_index(
                self.shown.index(index), entry_label(entry)
            )
        self._show_status()

    def _show(self, keep: int | None = None) -> None:
        query = self.query_one("#library-filter", Input).value.strip()
        self.shown = [i for i, entry in enumerate(self.entries) if not query or matches(entry, query)]
        options = self.query_one("#library-list", OptionList)
        options.set_options(Option(entry_label(self.entries[i])) for i in self.shown)
        if self.shown:
            options.highlighted = self.shown.index(keep) if keep in self.shown else 0
        self._show_status()

    def _show_status(self) -> None:
        failed = sum(1 for entry in self.entries if entry.error is not None)
        parts = [f"{len(self.shown)} of {len(self.entries)} articles"]
        if failed:
            parts.append(f"{failed} could not be read")
        if self.truncated:
            parts.append("more files were left out")
        if not self.listed:
            parts = ["Looking for articles…"]
        elif not self.entries:
            parts = ["No articles here (.txt, .md, .html or .epub files)."]
        self.query_one("#library-status", Static).update(Content(" · ".join(parts)))

    def _highlighted_entry(self) -> int | None:
        highlighted = self.query_one("#library-list", OptionList).highlighted
        return self.shown[highlighted] if highlighted is not None and highlighted < len(self.shown) else None

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()

    def action_move(self, step: int) -> None:
        options = self.query_one("#library-list", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_clear_filter(self) -> None:
        self.query_one("#library-filter", Input).value = ""

    def action_open(self) -> None:
        index = self._highlighted_entry()
        if index is not None:
            self.run_worker(partial(self._open, self.entries[index]), thread=True, group="open", exclusive=True)

    def _open(self, entry: Entry) -> None:
        """Read the file off the UI thread; a large one opens on its preview, like `brief FILE`."""
        from tui.reading.loading import open_input

        try:
            if self.confined and not inside(entry.path, self.folder):  # a link changed since the listing
                raise BriefError("not in the served folder", entry.relative)
            opened = open_input(read_path(entry.path, self.max_size, pipes=False)).ready()
        except Exception as error:  # a bug of brief's ends this file's opening, not the library (as in describe)
            message = f"{entry.relative}: {failure_reason(error)}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.post_message(self.ArticleChosen(opened.article, opened.pending))
