"""BriefApp: opens an article (or a library of them), and owns what is shared: keys that work
everywhere, the clipboard, the saved state, the help and the command palette."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen

from tui.model.article import Article
from tui.parse import DEFAULT_MAX_SIZE
from tui.platform.clipboard import Clipboard, Mode, Outcome
from tui.platform.resources import stylesheet_path
from tui.platform.state import StateStore
from tui.ui.collector import STILL, IdleCollector
from tui.ui.screens.reader import ReaderScreen
from tui.ui.watchdog import ExitWatchdog, TerminalSettings
from tui.ui.widgets.insights import Insights
from tui.ui.widgets.reader import Reader

# Imported where used: what the first frame of one article does not need costs start-up time.
if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.command import Provider

    from tui.reading.loading import PendingDocument
    from tui.ui.screens.bookmarks import BookmarksScreen
    from tui.ui.screens.library import LibraryScreen


LIST_KEYS_HELP = "In a list (navigator, panel, bookmarks, help): next / previous, first / last"
"""One row of the help for the keys every list shares (`widgets/lists.py`, the navigator, the help)."""


def help_bindings() -> list[Binding]:
    """Every key brief knows, in the order the help screen and the README list them."""
    from tui.ui.screens.bookmarks import BookmarksScreen
    from tui.ui.screens.library import LibraryScreen

    # Keys the side panes' lists handle themselves.
    panes = [
        Binding("enter", "select", "Jump to the chosen section (navigator) or item (panel)"),
        *(Binding(key, "", LIST_KEYS_HELP) for key in "jkgG"),
        *Insights.BINDINGS,
        *BookmarksScreen.BINDINGS[1:],
    ]
    library = [b for b in LibraryScreen.BINDINGS if isinstance(b, Binding) and b.tooltip]
    bindings = (*ReaderScreen.BINDINGS, *panes, *library, *BriefApp.BINDINGS)
    return [b for b in bindings if isinstance(b, Binding)]


def _section_commands() -> type[Provider]:
    from tui.ui.commands import SectionCommands

    return SectionCommands


class BriefApp(App[None]):
    """brief: the reader screen over one article, or the library screen over a folder of them."""

    CSS_PATH = str(stylesheet_path())
    TITLE = "brief"
    COMMANDS = App.COMMANDS | {_section_commands}
    PAUSE_GC_ON_SCROLL = True

    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="This list of keys"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            tooltip="Command palette: Go to section…, themes, every action",
        ),
        Binding("ctrl+z", "suspend_process", "Suspend to the shell", show=False),
        Binding("ctrl+l", "redraw", "Redraw the screen", show=False),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        article: Article | None = None,
        *,
        library: Path | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
        theme: str | None = None,
        clipboard_mode: Mode = "auto",
        clipboard: Clipboard | None = None,
        state: StateStore | None = None,
        resume: bool = True,
        pending: PendingDocument | None = None,
        library_files: Sequence[Path] | None = None,
        served: bool = False,
    ) -> None:
        """`pending` is the whole input when `article` is the preview of a large one.

        `library_files` lists the library's articles instead of every article under `library`.
        `served` is the reader of `brief serve`: a visitor over SSH may read, not suspend the
        process, save a file, or take a screenshot on the server.
        """
        super().__init__()
        self._pending = pending
        if (article is None) == (library is None):
            raise ValueError("BriefApp opens an article or a library")
        self._first_article = article
        self.library = library
        self.library_files = library_files
        self.served = served
        if library is not None:
            # A screen's own CSS_PATH is read when it is pushed, not when it is the first screen.
            self.css_path.append(stylesheet_path("library"))
        self.max_size = max_size
        self.state = state or StateStore()
        self.resume = resume
        self.failure: str | None = None
        """Why brief closed without showing the article (a URL that could not be fetched): the
        command line prints it as its one-line error."""
        self.clipboard_writer = clipboard or Clipboard(
            clipboard_mode, write_terminal=self._write_terminal, send_osc52=self._send_osc52
        )
        self._clipboard_hint_given = False
        """The fix for a clipboard that may not pass text on is named once a session, not at every copy."""
        self._theme_name = theme
        self._palette: Screen | None = None
        """The last command palette opened: until it is off the app, another would take its id."""
        self.collector = IdleCollector()
        self.leaving = False
        """An exit has been asked for."""
        self.exit_watchdog: ExitWatchdog | None = None
        """In a terminal: ends brief if an exit does not finish (see tui/ui/watchdog.py)."""

    def get_driver_class(self) -> type[Driver]:
        from tui.ui import signals

        return signals.driver_for(super().get_driver_class())  # no resuming on a stray SIGCONT

    def get_default_screen(self) -> Screen:
        if self._first_article is not None:
            self.title = self._first_article.title
            pending, self._pending = self._pending, None  # the screen alone holds the raw bytes, until parsed
            return ReaderScreen(self._first_article, state=self.state, resume=self.resume, pending=pending)
        assert self.library is not None
        from tui.ui.screens.library import LibraryScreen

        return LibraryScreen(self.library, self.state, self.max_size, files=self.library_files, confined=self.served)

    def run(self, **options) -> int | None:  # type: ignore[no-untyped-def, override]
        """Run the app; in a terminal, SIGWINCH is blocked first, before Textual starts its threads
        (see `tui.ui.signals`: a flood of resizes through a handler could deadlock CPython)."""
        from tui.ui import signals

        if options.get("headless"):
            return super().run(**options)
        self.exit_watchdog = ExitWatchdog(TerminalSettings().restore)
        try:
            with signals.resizes_blocked_while_running():
                return super().run(**options)
        finally:
            self.exit_watchdog.left()

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        """Textual's exit, which a watchdog sees through (see tui/ui/watchdog.py)."""
        self.leaving = True
        super().exit(result, return_code, message)
        self._arm_exit_watchdog(return_code)

    def _arm_exit_watchdog(self, status: int) -> None:
        """Safe from any thread (the terminal's watcher calls it when the terminal goes away)."""
        if self.exit_watchdog is not None:
            self.exit_watchdog.arm(status)

    def on_mount(self) -> None:
        from tui.ui import signals

        if self._theme_name:
            self.theme = self._theme_name
        signals.install(self, self._end_by_signal, self._arm_exit_watchdog)
        self.collector.start()
        self.set_interval(STILL / 2, self.collector.collect_if_still)
        self.call_after_refresh(self._fit_to_size)
        # Back from Ctrl+Z: the terminal was the shell's meanwhile, and Textual redraws only what
        # changes, so nothing would be drawn until a key moved something.
        self.app_resume_signal.subscribe(self, lambda app: self.action_redraw())

    def on_unmount(self) -> None:
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.InputEvent, events.Paste)):
            self.collector.input_seen()  # no full collection under a key (see tui/ui/collector.py)
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        # After the refresh: the first size can arrive before the first screen is on the stack.
        self.call_after_refresh(self._fit_to_size)

    def _covered(self) -> bool:
        from tui.ui.screens.too_small import TooSmallScreen

        return isinstance(self.screen, TooSmallScreen)

    def _fit_to_size(self) -> None:
        """Cover every screen with one line while the terminal is too small to draw them in."""
        from tui.ui.screens.too_small import TooSmallScreen, too_small

        width, height = self.size
        covered = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height) and not covered:
            self.push_screen(TooSmallScreen())
            # At start-up the first frame may already be on its way: draw the cover over it.
            self.call_after_refresh(self.refresh, repaint=True, layout=True)
        elif covered and not too_small(width, height):
            self.pop_screen()
            self.call_after_refresh(self.refresh, repaint=True, layout=True)

    def open_article(self, article: Article, pending: PendingDocument | None = None) -> None:
        """Show an article chosen in the library over it; Escape comes back."""
        screen = ReaderScreen(article, state=self.state, resume=self.resume, in_library=True, pending=pending)
        self.push_screen(screen)

    def on_library_screen_article_chosen(self, event: LibraryScreen.ArticleChosen) -> None:
        self.open_article(event.article, event.pending)

    def on_bookmarks_screen_deleted(self, event: BookmarksScreen.Deleted) -> None:
        # The bookmark list is a screen of its own; the reader screen under it keeps the bookmarks.
        self.reader_screen.delete_bookmark(event.spot)

    # The article on screen, for the palette and for tests ------------------------------------

    @property
    def reader_screen(self) -> ReaderScreen:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        raise LookupError("no article is open")

    @property
    def article(self) -> Article:
        return self.reader_screen.article

    @property
    def reader(self) -> Reader:
        return self.reader_screen.reader

    @property
    def document(self):
        return self.reader_screen.document

    def go_to_section(self, section: int) -> None:
        self.reader_screen.go_to_section(section)

    # Shared actions -------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self._save_position()
        self.exit()

    def _end_by_signal(self, status: int) -> None:
        """SIGTERM or SIGHUP (a dropped SSH connection): leave as a quit does, with the shell's status."""
        self._save_position()
        self.exit(return_code=status)

    def _save_position(self) -> None:
        # From a dialog over the reader too: the position under it is still worth keeping.
        with contextlib.suppress(LookupError):
            self.reader_screen.save_position()

    def action_command_palette(self) -> None:
        from tui.ui.palette import PALETTE_ID, SafeCommandPalette

        if not self.use_command_palette or self._covered():
            return
        # Not only "is it on top": a palette under another screen, or closed but not yet taken off
        # (Escape then Ctrl+P in one burst of keys), still holds the id: a second one raised DuplicateIds.
        if self._palette is not None and self._palette.is_attached:
            return
        self._palette = SafeCommandPalette(id=PALETTE_ID)
        self.push_screen(self._palette)

    def action_suspend_process(self) -> None:
        if self.leaving:  # Ctrl+Z right after q: a stopped process would outlast the exit's grace
            return
        if self.served:  # the process is the server's, not the visitor's: there is no shell to return to
            self.notify("Suspending is off: this reader is served over SSH.", timeout=3)
            return
        super().action_suspend_process()

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        if not self.served:  # a browser would open on the server, not for the visitor
            super().open_url(url, new_tab=new_tab)

    def action_redraw(self) -> None:
        """Draw every cell of the screen again, as terminal programs do on Ctrl+L."""
        self.screen.refresh(repaint=True, layout=True)

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen) and not self._covered():
            bindings = help_bindings()
            if self.served:  # a key that does nothing here is not listed
                bindings = [binding for binding in bindings if binding.action != "suspend_process"]
            self.push_screen(HelpScreen(bindings))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            # A screenshot is a file written on the machine that runs brief: not the visitor's.
            if not (self.served and command.title == "Screenshot"):
                yield command
        if isinstance(screen, ReaderScreen):
            yield from screen.system_commands()
        yield SystemCommand("Help", "Every key brief knows", self.action_help)

    # Copying --------------------------------------------------------------------------------

    def action_copy_tab(self) -> None:
        """`y`: the panel's tab on show (the takeaways by default), exactly as its option prints it."""
        screen = self.screen
        copied = screen.tab_markdown() if isinstance(screen, ReaderScreen) else None
        if copied is None:
            group = screen.insights.active_group if isinstance(screen, ReaderScreen) else None
            what = {"key-points": "suggested key points", "pros": "pros", "cons": "cons", "highlights": "highlights"}
            self.notify(f"This article has no {what.get(group or '', 'key takeaways')} to copy.", severity="warning")
            return
        self.copy_text(*copied)

    def action_copy_pros_cons(self) -> None:
        from tui.reading import export

        article = self.article
        if not (article.pros or article.cons):
            self.notify("This article has no pros or cons to copy.", severity="warning")
            return
        counts = f"{_count(len(article.pros), 'pro')} and {_count(len(article.cons), 'con')}"
        self.copy_text(export.pros_cons_markdown(article), counts)

    def on_insights_copy_requested(self, event: Insights.CopyRequested) -> None:
        self.copy_text(event.entry.text, "1 item")

    def copy_text(self, text: str | Callable[[], str], description: str) -> None:
        """Copy off the UI thread (pyperclip and tmux run programs), then say how it went. `text`
        may be a function that makes it (a book's key points, chapter by chapter), run there too."""

        def copy() -> None:
            made = text() if callable(text) else text
            outcome = self.clipboard_writer.copy(made)
            self.call_from_thread(self._report_copy, made, description, outcome)

        self.run_worker(copy, thread=True, group="copy", exclusive=True)

    def _report_copy(self, text: str, description: str, outcome: Outcome) -> None:
        if outcome.channel is not None and outcome.verified:
            self.notify(f"Copied {description} ({outcome.channel})", markup=False)
        elif outcome.channel is not None:
            # An escape sent to the terminal: brief cannot see whether the terminal took it.
            message = f"Sent {description} ({outcome.channel})"
            if outcome.hint and not self._clipboard_hint_given:
                self._clipboard_hint_given = True
                # A line of its own: in a 38-column toast a second parenthesis wrapped into a riddle.
                message += f"\nNot arriving? {outcome.hint}."
            self.notify(message, markup=False, timeout=8 if outcome.hint else 5)
        else:
            from tui.ui.screens.copy_dialog import CopyDialog

            self.push_screen(CopyDialog(text, outcome.problem or "No clipboard is available", can_save=not self.served))

    def _send_osc52(self, text: str) -> None:
        """Set the terminal's clipboard with Textual's own OSC 52, from any thread."""
        self.call_from_thread(self.copy_to_clipboard, text)

    def _write_terminal(self, sequence: str) -> None:
        """Send a raw escape sequence to the user's terminal, from any thread."""
        self.call_from_thread(self._write_to_driver, sequence)

    def _write_to_driver(self, sequence: str) -> None:
        # Only for GNU screen, which passes OSC 52 on only inside its own DCS wrapper: Textual's
        # copy_to_clipboard writes the bare sequence and has no public call for raw output.
        if self._driver is not None:
            self._driver.write(sequence)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
