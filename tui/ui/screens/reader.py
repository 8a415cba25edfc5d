"""The reader screen: the three panes over one article, its reading keys, and the routing between them.

What the panes do is theirs: the reading pane moves and searches (`widgets/reader.py`), `Panes`
shows and hides the side panes, the app copies. This screen composes them, routes their messages,
remembers the place in the article (resume and bookmarks) and swaps in the whole of a large input.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from tui.model.article import Article
from tui.parse import human_size
from tui.parse.sanitize import printable
from tui.platform.state import Spot, StateStore
from tui.reading import spots
from tui.reading.layout import Document, Link
from tui.reading.memory import ArticleMemory
from tui.reading.position import ReadingPosition
from tui.ui.screens.highlighting import EMPTY_PANEL, Highlighting
from tui.ui.whole import WholeArrived, WholeFailed, wait_for_whole
from tui.ui.widgets.insights import Insights
from tui.ui.widgets.key_bar import KeyBar
from tui.ui.widgets.navigator import Navigator
from tui.ui.widgets.panes import Panes
from tui.ui.widgets.reader import Reader
from tui.ui.widgets.search_bar import SearchBar
from tui.ui.widgets.status import StatusLine, status_text

if TYPE_CHECKING:  # a process pool costs start-up time; only large inputs need it
    from tui.reading.fetching import PendingFetch
    from tui.reading.loading import PendingDocument

LOADING_REFRESH = 0.25
"""Seconds between updates of the status line's `loading 10.0 MB… 40%` while a large input loads."""
SAVE_DELAY = 2.0
"""Seconds of stillness after which the reading position is saved (it is also saved on leaving)."""
FIRST_FRAME_OUT = 0.02
"""Seconds of idleness after the first frame, for Textual's output thread to write it to the
terminal before the work that waits for it (see `ReaderScreen._after_first_frame`)."""
COPY_ITEM_HINT = "c copies the panel's selected item: t shows the panel (y copies its whole tab)."
NO_SECTIONS = "No sections to list: this article has no headings, so the navigator stays hidden."


class SaveFailed(Message):
    """The position could not be written in the background (a full disk)."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error


class ReaderScreen(Highlighting, Screen[None]):
    """Section navigator, reading pane, takeaways panel, search bar, status line and key bar."""

    BINDINGS = [
        Binding("j,down", "move_lines(1)", "Line down", show=False),
        Binding("k,up", "move_lines(-1)", "Line up", show=False),
        Binding("space,pagedown", "move_pages(1)", "Page down", show=False),
        Binding("b,pageup", "move_pages(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("right_square_bracket", "next_section", "Next", key_display="]", tooltip="Next section"),
        Binding(
            "left_square_bracket", "previous_section", "Prev", key_display="[", show=False, tooltip="Previous section"
        ),
        *(Binding(str(n), f"main_section({n})", "Go to main section n", show=False) for n in range(1, 10)),
        Binding("tab", "app.focus_next", "Next pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
        Binding(
            "slash", "search", "Search", key_display="/", tooltip="Search the article (Enter keeps the highlights)"
        ),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
        # Escape is shown on the bar only where it goes back to the library (see check_action).
        Binding(
            "escape",
            "library",
            "Library",
            key_display="Esc",
            tooltip="Clear the search highlights; from a library, back to it",  # one row in the help with the next
        ),
        Binding("escape", "escape", "Clear the search highlights; from a library, back to it", show=False),
        Binding("backspace", "back_to_library", "Back to the library", show=False),
        Binding("m", "bookmark", "Bookmark", show=False, tooltip="Bookmark the paragraph at the top"),
        Binding("apostrophe", "bookmarks", "Bookmarks", show=False, key_display="'", tooltip="List the bookmarks"),
        Binding(
            "L",
            "links",
            "Links",
            show=False,
            tooltip="List the links of the section at the top (Enter copies one's address)",
        ),
        Binding(
            "h", "highlight", "Highlight", show=False, tooltip="Highlight the paragraph at the top; again, remove it"
        ),
        Binding("v", "select", "Select", show=False, tooltip="Select sentences to highlight (Escape leaves)"),
        Binding(
            "w", "sentence(1)", "Next sentence", show=False, tooltip="Selection: next sentence (j ↓ too; b k ↑ back)"
        ),
        Binding(
            "W,J,shift+down",
            "sentence(1, True)",
            "Extend",
            show=False,
            tooltip="Selection: extend to the next sentence",
        ),
        Binding(
            "B,K,shift+up",
            "sentence(-1, True)",
            "Extend back",
            show=False,
            tooltip="Selection: extend to the previous sentence",
        ),
        Binding(
            "enter", "confirm", "Highlight", show=False, tooltip="Selection: highlight the sentences (again: remove)"
        ),
        Binding(
            "y", "app.copy_tab", "Copy", tooltip="Copy the panel's tab as its option prints it (takeaways by default)"
        ),
        Binding("Y", "app.copy_pros_cons", "Copy pros/cons", show=False, tooltip="Copy the pros and cons as Markdown"),
        # The panel's `c`, from anywhere on the screen (after `t`, focus is still in the text); no
        # description: the key table's row is the panel's.
        Binding("c", "copy_item", show=False),
        Binding("s", "toggle_navigator", "Sections", tooltip="Show or hide the section navigator"),
        Binding(
            "t", "toggle_insights", "Takeaways",
            tooltip="Show or hide the panel: takeaways (or suggested key points), pros, cons, highlights",
        ),  # fmt: skip
    ]

    AUTO_FOCUS = "#reader"

    def __init__(
        self,
        article: Article,
        *,
        state: StateStore,
        resume: bool = True,
        in_library: bool = False,
        pending: PendingDocument | PendingFetch | None = None,
    ) -> None:
        """`pending` is the whole input when `article` is only the preview of its start (or a line
        saying that a URL is being fetched)."""
        super().__init__()
        self.article = article
        self.document = Document(article)
        self.memory = ArticleMemory(state, self.document)
        self.in_library = in_library
        self.pending = pending
        self._resume = resume
        self._save_timer: Timer | None = None
        self._bottom_when_whole: int | None = None
        """The top line `G` left the preview at, while the whole was loading."""
        self._loading_timer: Timer | None = None
        self._told_replaced = False
        self._first_frame_is_out = False
        """Until then the suggestions of a book's chapter wait: a worker making them took the
        interpreter from the first frame."""
        self._index_sections()

    def _index_sections(self) -> None:
        sections = self.article.sections
        self._headings = [section.heading for section in sections]
        self._numbering = self.document.numbering

    def compose(self) -> ComposeResult:
        panes = Panes(
            Navigator(self.article.sections, id="navigator"),
            Reader(self.document, id="reader"),
            Insights(
                self.document,
                suggestions=self.first_suggestions(),
                suggesting=not self.article.takeaways and self._has_prose(),
                id="insights",
            ),
            width=self.app.size.width,
            id="panes",
        )
        panes.panel_empty = self.panel_empty  # before the first frame: an empty panel never shows
        panes.outline_empty = self.outline_empty
        yield panes
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        # Ctrl+P (the palette) is in the help and the README: on the bar it would push Quit off 80 columns.
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.reader, "position", self._follow_reader)
        self.reader.focus()
        if self.pending is not None:
            self._loading_timer = self.set_interval(LOADING_REFRESH, self._refresh_status)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """What waits for the first frame, once the terminal has it: Textual writes a frame from a
        thread of its own, which needs the interpreter for a moment, and a full collection here,
        or a worker parsing, held it back by 20 to 80 ms. In a moment of idleness it goes first."""
        if self.app.is_headless:  # nothing is written to a terminal
            self._first_frame_out()
        else:
            self.set_timer(FIRST_FRAME_OUT, self._first_frame_out)

    def _first_frame_out(self) -> None:
        self._first_frame_is_out = True
        _settle_memory()  # a full collection takes a twentieth of a second at start-up
        if self.pending is None:
            self._restore()  # which makes the suggestions
            return
        self._wait_for_whole()  # the panes know their widths by now
        position = self.reader.position
        if position is not None and self._chapters():
            self._suggest(position.section)  # a book's first chapter, while the whole loads

    # A large input: the preview is on screen while the whole is parsed -----------------------

    def _wait_for_whole(self) -> None:
        if self.pending is None:
            return
        navigator = self.query_one("#navigator", Navigator)
        outline_width = navigator.text_width if navigator.display else 0  # a hidden navigator wraps when shown
        measure = self.reader.text_layout.measure
        self.run_worker(
            partial(wait_for_whole, self, self.pending, measure, outline_width), thread=True, group="load"
        )

    def on_whole_arrived(self, message: WholeArrived) -> None:
        document, outline = message.prepared.document, message.prepared.outline
        article = document.article
        to_bottom = self._bottom_when_whole == round(self.reader.scroll_y)
        self._stop_loading()
        self.article, self.document = article, document
        if self.app.title != article.title and not self.in_library:
            self.app.title = article.title  # a page or a book opened on a placeholder has its own title now
        self.memory = ArticleMemory(self.memory.store, document)
        self._index_sections()
        self.reader.set_document(document)
        self.query_one("#navigator", Navigator).set_outline(outline)
        self.panes.outline_empty = self.outline_empty
        insights = self.query_one("#insights", Insights)
        with insights.refill_once():  # the panel's list is refilled once, with the article and its highlights
            insights.show(document)
            self._refresh_status()
            self._restore()
        if to_bottom:
            self.reader.scroll_to_end()
        query = self.query_one(SearchBar).value
        if query:
            self.reader.search_for(query)  # a search typed while loading covers the whole text now
        gc.freeze()  # what the whole added (a full collection here would stall the reader for a moment)

    def on_unmount(self) -> None:
        if self.pending is not None:
            self.pending.cancel()  # quitting while a book loads should not wait for its parse
        # What this screen froze can be collected again once it is gone (the library opens many).
        gc.unfreeze()

    @property
    def _placeholder(self) -> bool:
        """Whether a page or a book is being read: the reader shows a line saying so, nothing of it."""
        return getattr(self.pending, "fatal", False)

    def _stop_loading(self) -> None:
        self.pending = None
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None

    def on_whole_failed(self, message: WholeFailed) -> None:
        if self._placeholder:  # a page or a book that could not be read: nothing to show
            if self.in_library:
                self._stop_loading()
                self.app.notify(str(message.error), severity="error", markup=False)
                self.dismiss()
                return
            self.app.failure = str(message.error)
            self.app.exit(return_code=2)
            return
        self._stop_loading()
        self.notify(f"Only the start is shown: {message.error}", severity="error", timeout=10, markup=False)
        self._refresh_status()

    @property
    def reader(self) -> Reader:
        return self.query_one("#reader", Reader)

    # Resume and bookmarks -------------------------------------------------------------------

    def _restore(self) -> None:
        state = self.memory.store
        resumption = self.memory.restore(self._resume)
        if state.warning:  # said once: the store forgets it here
            self.notify(printable(state.warning), severity="warning", timeout=8, markup=False)
            state.warning = None
        if self.article.replaced_bytes and not self._told_replaced:
            self._told_replaced = True
            count = self.article.replaced_bytes
            self.notify(
                f"{count} invalid byte{'' if count == 1 else 's'} of this UTF-8 text {'is' if count == 1 else 'are'}"
                " shown as \ufffd",
                severity="warning",
                timeout=6,
                markup=False,
            )
        self._show_bookmarks()
        self._restored_highlights()
        if resumption is not None:
            self.reader.scroll_to_line(self.reader.text_layout.line_of_anchor(resumption.place))
            self.notify(f'Resumed at "{resumption.heading}"', timeout=4, markup=False)

    def _top_spot(self) -> Spot:
        return spots.spot_at(self.document, self.reader.text_layout, round(self.reader.scroll_y))

    def save_position(self) -> None:
        """Remember where the reader is in this article, now (on leaving: written before brief exits)."""
        if self.pending is not None:
            return  # the preview's position would overwrite the one saved for the whole text
        try:
            self.memory.save_position(self._top_spot())
        except OSError as error:
            self._could_not_save(error)

    def _save_in_background(self) -> None:
        """Remember the position off the UI thread: reading, writing and syncing the state file takes
        tens of milliseconds with hundreds of articles remembered."""
        if self.pending is not None:
            return
        memory, spot = self.memory, self._top_spot()

        def save() -> None:
            try:
                memory.save_position(spot)
            except OSError as error:
                self.post_message(SaveFailed(error))

        self.run_worker(save, thread=True, group="save", exclusive=True)

    def on_save_failed(self, message: SaveFailed) -> None:
        self._could_not_save(message.error)

    def _could_not_save(self, error: OSError, what: str = "the reading position") -> None:
        reason = error.strerror or str(error) or type(error).__name__
        self.notify(f"Could not save {what}: {reason}", severity="warning", markup=False)

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_in_background)

    def action_bookmark(self) -> None:
        spot = self._top_spot()
        try:
            added = self.memory.add_bookmark(spot)
        except OSError as error:  # a full disk: the bookmark is not kept, and the reader goes on
            self._could_not_save(error, "the bookmark")
            return
        if not added:
            self.notify("Already bookmarked.", timeout=2)
            return
        self._show_bookmarks()
        self.notify(f"Bookmarked “{spot.excerpt}”", timeout=3, markup=False)

    def action_bookmarks(self) -> None:
        from tui.ui.screens.bookmarks import BookmarksScreen

        def jump(spot: Spot | None) -> None:
            if spot is not None:
                place = spots.resolve(self.document, spot, exact=True)
                if place is not None:
                    self.reader.scroll_to_line(self.reader.text_layout.line_of_anchor(place))

        self.app.push_screen(BookmarksScreen(self.memory.bookmarks), jump)

    def action_links(self) -> None:
        """List the links of the section at the top; the one chosen has its address copied."""
        from tui.ui.screens.links import LinksScreen

        position = self.reader.position
        section = position.section if position is not None else None
        if section is None and self.article.sections and self.article.sections[0].heading is None:
            section = 0  # at the title: the opening text below it is what the reader sees
        heading = self.article.sections[section].heading if section is not None else None
        links = self.document.links_of_section(section)

        def copy(link: Link | None) -> None:
            if link is not None:
                self.app.copy_text(link.target, f"the address of link {link.number}")

        self.app.push_screen(LinksScreen(links, heading or "the opening"), copy)

    def delete_bookmark(self, spot: Spot) -> None:
        try:
            self.memory.delete_bookmark(spot)
        except OSError as error:
            self._could_not_save(error, "the deletion")
        self._show_bookmarks()

    def _show_bookmarks(self) -> None:
        self.query_one("#navigator", Navigator).bookmarked = self.memory.bookmarked_sections()

    # Side panes -------------------------------------------------------------------------------

    @property
    def panes(self) -> Panes:
        return self.query_one(Panes)

    def on_resize(self) -> None:
        self.panes.fit(self.size.width)

    @property
    def outline_empty(self) -> bool:
        return all(section.heading is None for section in self.article.sections)

    def action_toggle_navigator(self) -> None:
        if self.outline_empty:
            self.notify(NO_SECTIONS, timeout=6)
            return
        self.panes.toggle_navigator()

    def action_copy_item(self) -> None:
        """The panel's selected entry, as `c` in the panel copies it, when the panel is on screen."""
        if self.panel_empty:
            self.notify(EMPTY_PANEL, timeout=6)
        elif not self.panes.show_insights:
            self.notify(COPY_ITEM_HINT, timeout=6)
        else:
            self.query_one("#insights", Insights).action_copy_item()

    def action_toggle_insights(self) -> None:
        if self.panel_empty:
            self.notify(EMPTY_PANEL, timeout=6)
            return
        self.panes.toggle_insights()

    # Reading --------------------------------------------------------------------------------

    def action_move_lines(self, lines: int) -> None:
        if self.selecting:
            self.action_sentence(lines)  # j/k move the sentence cursor in selection mode
            return
        self.reader.move_lines(lines)

    def action_move_pages(self, pages: int) -> None:
        if self.selecting and pages < 0:
            self.action_sentence(-1)  # b: the previous sentence in selection mode
            return
        self.reader.move_pages(pages)

    def action_top(self) -> None:
        self.reader.scroll_to_line(0)

    def action_bottom(self) -> None:
        self.reader.scroll_to_end()
        if self.pending is not None:
            # The end of a book still loading is not on hand: go there once it is, unless the
            # reader has moved on by then.
            self._bottom_when_whole = round(self.reader.scroll_y)
            self.notify("The rest is still loading: brief goes to the end when it is in.", timeout=3)

    def action_next_section(self) -> None:
        section = self.reader.next_section(1)
        if section is not None:
            self.go_to_section(section)

    def action_previous_section(self) -> None:
        section = self.reader.next_section(-1)
        if section is not None:
            self.go_to_section(section)
        else:
            self.action_top()

    def action_main_section(self, number: int) -> None:
        if number <= len(self._numbering):
            self.go_to_section(self._numbering.main[number - 1])
        else:
            self.notify(f"There is no section {number}.", severity="warning", timeout=2)

    def go_to_section(self, section: int) -> None:
        """Put section `section`'s heading at the top of the reading pane."""
        self.reader.jump_to_section(section)

    def action_escape(self) -> None:
        if self.selecting:
            self._leave_selection()
        elif self.reader.search is not None:
            self.action_clear_search()
        else:
            self.action_back_to_library()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "library":
            # Otherwise Escape falls through to `escape`: it clears the search first.
            return self.in_library and self.reader.search is None
        return True

    def action_library(self) -> None:
        self.action_back_to_library()

    def action_back_to_library(self) -> None:
        if self.in_library:
            self.save_position()
            self.dismiss()

    def system_commands(self) -> Iterator[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand("Next section", "Jump to the next heading", self.action_next_section)
        yield SystemCommand("Previous section", "Jump to the previous heading", self.action_previous_section)
        yield SystemCommand("Toggle sections", "Show or hide the section navigator", self.action_toggle_navigator)
        yield SystemCommand("Toggle takeaways", "Show or hide the takeaways panel", self.action_toggle_insights)
        yield SystemCommand("Search", "Search the article", self.action_search)
        yield SystemCommand("Bookmark", "Bookmark the paragraph at the top", self.action_bookmark)
        yield SystemCommand("Bookmarks", "List the bookmarks", self.action_bookmarks)
        yield SystemCommand("Links", "List the links of the section at the top", self.action_links)
        yield SystemCommand(
            "Copy the panel's tab", "As its option prints it: takeaways by default", self.app.action_copy_tab
        )
        yield SystemCommand("Highlight", "Highlight the paragraph at the top", self.action_highlight)
        yield SystemCommand("Select sentences", "Selection mode, to highlight sentences", self.action_select)
        yield SystemCommand("Copy pros and cons", "Copy the pros and cons as Markdown", self.app.action_copy_pros_cons)

    # Search ---------------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        # At once, not after a refresh as `bar.focus()` would: keys that arrived in the same burst as
        # `/` are already queued, and they are for the search bar (`/quick` must not quit).
        self.set_focus(bar)

    def on_key(self, event: events.Key) -> None:
        """`/` opens the search bar here, in the order the keys came, and typed keys that reach the
        screen while the bar has the focus are sent on to it.

        Textual hands each key to the widget focused when the key arrives, and runs a binding only
        when the key has bubbled up to the app: keys sent in one burst with `/` were all handed to the
        reading pane before the binding opened the bar, and were then run as commands or dropped
        (`/quick` quit brief). Keys reach this handler one by one in their order, so opening the bar
        here makes every later key of the burst the bar's.
        """
        bar = self.query_one(SearchBar)
        if event.key == "slash" and self.focused is not bar:
            event.stop()
            event.prevent_default()
            self.action_search()
        elif self.focused is bar and event.is_printable:
            event.stop()
            event.prevent_default()
            bar.post_message(events.Key(event.key, event.character))

    def on_input_changed(self, event: SearchBar.Changed) -> None:
        if isinstance(event.input, SearchBar):
            self.reader.search_for(event.value)

    def on_reader_search_changed(self) -> None:
        self._refresh_status()
        self.refresh_bindings()  # Escape clears a search before it goes back to the library

    def on_input_submitted(self, event: SearchBar.Submitted) -> None:
        if isinstance(event.input, SearchBar):
            self._close_search_bar()

    def on_search_bar_cancelled(self) -> None:
        self.action_clear_search()

    def action_clear_search(self) -> None:
        self.query_one(SearchBar).value = ""
        self.reader.clear_search()
        self.refresh_bindings()
        self._close_search_bar()
        self._refresh_status()

    def _close_search_bar(self) -> None:
        self.query_one(SearchBar).display = False
        # At once, not after a refresh: keys typed right after Enter (n, N) are for the reader.
        self.set_focus(self.reader)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if self.reader.search is None:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        before = self.reader.current_match
        after = self.reader.go_to_match(step)
        if after is None:
            self.notify("No matches.", timeout=2)
        elif before is not None and (after < before if step > 0 else after > before):
            self.notify(f"Back to the {'first' if step > 0 else 'last'} match.", timeout=2)
        self._refresh_status()

    # Messages from the panes ----------------------------------------------------------------

    def _follow_reader(self, position: ReadingPosition | None) -> None:
        if position is None:
            return
        self.query_one("#navigator", Navigator).current = position.section
        if self._first_frame_is_out and self._chapters():
            self._suggest(position.section)  # a book's suggestions follow the chapter being read
        self._refresh_status()
        self._schedule_save()

    def _refresh_status(self) -> None:
        extra = self.reader.search_status()
        if self.pending is not None:
            loading = getattr(self.pending, "status", None) or (
                f"loading {human_size(self.pending.size)}… {int(100 * self.pending.progress)}%"
            )
            extra = f"{extra} · {loading}" if extra else loading
        position = self.reader.position
        if position is None:
            return  # the reader has no size yet; it reports its position once it has
        status = status_text(position, self._headings, self._numbering, extra, figures=not self._placeholder)
        self.query_one("#status", StatusLine).text = status

    def on_navigator_section_selected(self, event: Navigator.SectionSelected) -> None:
        self.go_to_section(event.section)
        if self.panes.narrow:
            self.panes.show_navigator = False  # back to the text, which the pane was covering

    def on_insights_item_chosen(self, event: Insights.ItemChosen) -> None:
        unit = self.document.unit_of_item(event.item) if event.item is not None else event.entry.unit
        if unit is not None:
            self.reader.jump_to_unit(unit)
        if self.panes.narrow:
            self.panes.show_insights = False


def _settle_memory() -> None:
    """Move what is loaded out of the garbage collector's sight: with a book in memory a full
    collection takes tens of milliseconds, a visible stutter while scrolling. The collector is
    off until the first frame is drawn (see `cli._run_reader`): on again from here."""
    gc.collect()
    gc.freeze()
    gc.enable()

