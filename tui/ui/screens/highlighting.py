"""The reader screen's highlights, selection mode and suggested key points, kept apart from its
other concerns: the screen mixes this in and routes its keys and messages here.

Highlights are stored by `ArticleMemory`; the reading pane draws them and the selection; the panel
lists them with the suggestions; the app copies what `tab_markdown` gives it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from tui.reading import export, highlights, key_points
from tui.reading.layout import Kind
from tui.reading.selection import SELECTABLE, SentenceCursor
from tui.ui.widgets.insights import Insights

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui.reading.layout import Document
    from tui.reading.memory import ArticleMemory
    from tui.ui.widgets.reader import Reader

SUGGEST_AT_ONCE = 5_000
"""Words up to which an article's suggestions are made before its first frame (under about 20 ms)."""
SUGGEST_DELAY = 0.3
"""Seconds the reader stays in a chapter of a book before the chapter's suggestions are made."""
SELECTION_HINT = "Selecting: j/k or w/b move by sentence, Shift extends, Enter highlights, Escape leaves."
EMPTY_PANEL = (
    "Nothing for the panel: this article has no key takeaways, pros or cons, no prose for brief to suggest "
    "key points from, and no highlights yet (h highlights the paragraph at the top)."
)


class SuggestionsMade(Message):
    """Suggestions made off the UI thread for `document` (a screen may have moved on to another)."""

    def __init__(self, document: Document, points: list[key_points.KeyPoint]) -> None:
        super().__init__()
        self.document = document
        self.points = points


class Highlighting:
    """Mixed into `ReaderScreen`: `h`, `v` and its sentence keys, `y` per tab, and the panel's
    suggestions and highlights."""

    document: Document
    memory: ArticleMemory
    reader: Reader
    _cursor: SentenceCursor | None = None
    _suggested_for: tuple[object, object] | None = None
    """(document, chapter or "all"): what the suggestions on show, or on their way, are for."""
    _suggest_timer: Timer | None = None

    @property
    def insights(self) -> Insights:
        return self.query_one("#insights", Insights)  # type: ignore[attr-defined]

    @property
    def panel_empty(self) -> bool:
        """Nothing to show in the panel at all: then it gives its width back to the reading pane."""
        article = self.document.article
        if article.takeaways or article.pros or article.cons or self.memory.highlights:
            return False
        return not self._has_prose()

    def _has_prose(self) -> bool:
        """Whether there are paragraphs of body text, which suggestions are made from."""
        if getattr(self, "_prose_of", (None,))[0] is not self.document:
            sections = self.document.article.sections
            self._prose_of = (self.document, any(
                unit.kind == Kind.PARAGRAPH and unit.section >= 0 and sections[unit.section].role == "body"
                for unit in self.document.units
            ))  # fmt: skip
        return self._prose_of[1]

    # After loading: highlights on show, suggestions made --------------------------------------

    def _show_highlights(self) -> None:
        marks = self.memory.highlights
        self.reader.set_highlights([(h.unit, h.start, h.end) for h in marks])
        self.insights.set_highlights(marks)
        # A first highlight gives a panel that had nothing to show something; the last one deleted, not.
        self.panes.panel_empty = self.panel_empty  # type: ignore[attr-defined]

    def _restored_highlights(self) -> None:
        """Called once the remembered state is loaded: show the highlights, say what was lost."""
        self._show_highlights()
        lost = self.memory.lost_highlights
        if lost:
            self.notify(  # type: ignore[attr-defined]
                f"{lost} highlight{'' if lost == 1 else 's'} no longer found: the file has changed.",
                severity="warning",
                timeout=6,
            )
        self._suggest(self.reader.position.section if self.reader.position else None)

    def _suggest(self, section: int | None) -> None:
        """Make the suggestions off the UI thread: for the whole article, or for a book the chapter
        at the top of the reading pane (again when that chapter changes)."""
        document = self.document
        if document.article.takeaways:
            return  # the author's list is shown; suggestions are never mixed with it
        scope = None
        chapters = self._chapters()
        if chapters:
            here = section if section is not None else 0
            scope = next((chapter for chapter in chapters if here in chapter), chapters[0])
        key = (document, scope if scope is not None else "all")
        if key == self._suggested_for:
            return
        moved = self._suggested_for is not None and self._suggested_for[0] is document
        self._suggested_for = key

        def work() -> None:
            worker = get_current_worker()
            points = key_points.suggest(document) if scope is None else key_points.suggest_in_chapter(document, scope)
            if not worker.is_cancelled:
                # A message, not a call into the UI thread: if the screen is gone by now, it is dropped.
                self.post_message(SuggestionsMade(document, points))  # type: ignore[attr-defined]

        def start() -> None:
            if self._suggested_for == key:  # still the chapter being read
                self.run_worker(work, thread=True, group="suggest", exclusive=True)  # type: ignore[attr-defined]

        if self._suggest_timer is not None:
            self._suggest_timer.stop()
            self._suggest_timer = None
        if scope is None or not moved:
            start()  # the first for this document: made at once, done before the reader's first key
            return
        # A chapter the reader moved to waits until the reader stays in it: made at once, they took
        # the interpreter from the frame the key asked for (`G` in War and Peace: 131 ms, not 40),
        # and `]` held down would make them for every chapter passed.
        self._suggest_timer = self.set_timer(SUGGEST_DELAY, start)  # type: ignore[attr-defined]

    def first_suggestions(self) -> list[key_points.KeyPoint] | None:
        """For the first frame: the suggestions of a short article without takeaways, made at once
        (a few milliseconds), so the panel shows them from the start; None when they are to be made
        off the UI thread (a long text, a book), once the article is read (the line a page or a book
        shows while it is read) or not at all (the author's takeaways are shown)."""
        document = self.document
        article = document.article
        if article.takeaways or not article.complete or document.word_count > SUGGEST_AT_ONCE or self._chapters():
            return None
        self._suggested_for = (document, "all")
        return key_points.suggest(document)

    def _chapters(self) -> list[range] | None:
        """A book's chapters (None for an article), worked out once per document: the reader asks
        at every move."""
        cached = getattr(self, "_chapters_of", None)
        if cached is None or cached[0] is not self.document:
            document = self.document
            cached = self._chapters_of = (
                document,
                key_points.chapters(document) if key_points.is_book(document) else None,
            )
        return cached[1]

    def on_suggestions_made(self, message: SuggestionsMade) -> None:
        if message.document is self.document:
            self.insights.set_suggestions(message.points)

    # h, v and the sentence cursor ---------------------------------------------------------------

    @property
    def selecting(self) -> bool:
        return self._cursor is not None

    def action_highlight(self) -> None:
        """`h`: highlight the paragraph at the top of the reading pane (a second press removes);
        in selection mode, the selected sentences."""
        if self._cursor is not None:
            self._toggle([highlights.make(self.document, *span) for span in self._cursor.selected()])
            self._leave_selection()
            return
        unit = self._first_selectable(self._top_unit())
        if unit is None:
            self.notify("Nothing to highlight here.", timeout=2)  # type: ignore[attr-defined]
            return
        self._toggle([highlights.make(self.document, unit, 0, len(self.document.units[unit].text))])

    def action_select(self) -> None:
        """`v`: selection mode, with the cursor on the first sentence on screen (again: leave)."""
        if self._cursor is not None:
            self._leave_selection()
            return
        try:
            self._cursor = SentenceCursor(self.document, self._top_unit())
        except ValueError:
            self.notify("There are no sentences to select.", timeout=2)  # type: ignore[attr-defined]
            return
        self.reader.set_selection(self._cursor.selected())
        self.notify(SELECTION_HINT, timeout=4)  # type: ignore[attr-defined]

    def action_sentence(self, step: int, extend: bool = False) -> None:
        """Move the sentence cursor (selection mode only)."""
        if self._cursor is None:
            if not extend:
                self.notify("Press v to select sentences.", timeout=2)  # type: ignore[attr-defined]
            return
        self._cursor.move(step, extend)
        self.reader.set_selection(self._cursor.selected())
        self.reader.show_unit(self._cursor.head[0])

    def action_confirm(self) -> None:
        """Enter in the reading pane: highlight the selection (selection mode only)."""
        if self._cursor is not None:
            self.action_highlight()

    def _leave_selection(self) -> None:
        self._cursor = None
        self.reader.set_selection(None)

    def _top_unit(self) -> int:
        return self.reader.text_layout.anchor(round(self.reader.scroll_y))[0]

    def _first_selectable(self, unit: int) -> int | None:
        units = self.document.units
        for index in range(max(unit, 0), len(units)):
            if units[index].kind in SELECTABLE and units[index].text.strip():
                return index
        return None

    def _toggle(self, new: list[highlights.Highlight]) -> None:
        try:
            added = self.memory.toggle_highlights(new)
        except OSError as error:
            self.notify(f"Could not save the highlight: {error.strerror or error}", severity="warning")  # type: ignore[attr-defined]
            return
        self._show_highlights()
        excerpt = " ".join(new[0].text.split())
        excerpt = excerpt if len(excerpt) <= 50 else excerpt[:49] + "…"
        self.notify(  # type: ignore[attr-defined]
            f"Highlighted “{excerpt}”" if added else "Highlight removed.", timeout=3, markup=False
        )

    # The panel's messages -----------------------------------------------------------------

    def on_insights_delete_requested(self, event: Insights.DeleteRequested) -> None:
        if event.entry.highlight is not None:
            self.memory.delete_highlight(event.entry.highlight)
            self._show_highlights()
            self.notify("Highlight deleted.", timeout=2)  # type: ignore[attr-defined]

    def tab_markdown(self) -> tuple[str | Callable[[], str], str] | None:
        """The panel's tab on show as the matching option prints it, and what to call it; None when
        there is nothing to copy. For a book's key points that is every chapter's list under its
        heading, as `--key-points` prints them: a function, run off the UI thread by the copy."""
        insights = self.insights
        document = self.document
        article = document.article
        group = insights.active_group or "takeaways"
        if group == "takeaways" and article.takeaways:
            return export.markdown_list(article.takeaways), plural(len(article.takeaways), "takeaway")
        if group == "key-points" and insights.suggestions:
            chapters = self._chapters()
            if chapters:
                what = f"suggested key points of {plural(len(chapters), 'chapter')}"
                return partial(key_points.markdown, document), what
            points = insights.suggestions
            return key_points.markdown_list(points), plural(len(points), "suggested key point")
        if group == "pros" and article.pros:
            return export.markdown_list(article.pros), plural(len(article.pros), "pro")
        if group == "cons" and article.cons:
            return export.markdown_list(article.cons), plural(len(article.cons), "con")
        marks = self.memory.highlights
        if group == "highlights" and marks:
            return highlights.to_markdown(self.document, marks), plural(len(marks), "highlight")
        return None


def plural(number: int, noun: str) -> str:
    """`1 highlight`, `3 highlights`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
