"""What one open article remembers: its reading position, bookmarks and highlights, kept in the state store.

Pure Python: the reader screen asks it where to resume and tells it where the reader is.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from tui.parse.sanitize import sanitize
from tui.platform.state import ArticleState, Highlight, Spot, StateStore
from tui.reading import highlights, spots
from tui.reading.layout import Document


@dataclass(frozen=True)
class Resumption:
    """Where to reopen an article, and the heading to name in the notice."""

    place: tuple[int, int]
    heading: str


class ArticleMemory:
    """The remembered state of one article; every change is written through at once."""

    def __init__(self, store: StateStore, document: Document) -> None:
        self.store = store
        self.document = document
        self.article = document.article
        self.bookmarks: list[Spot] = []
        self.highlights: list[Highlight] = []
        self.lost_highlights = 0
        """How many highlights the last `restore` could not find in the text (it changed)."""

    def restore(self, resume: bool) -> Resumption | None:
        """Load the bookmarks, and return where to resume (None: stay at the top)."""
        digest = self.article.digest
        if digest is None:
            return None
        remembered, exact = self.store.get(digest, self.article.source)
        if remembered is None:
            return None
        # A bookmark whose text moved (the article changed, or the units are numbered anew) is found
        # again by its excerpt, else moves to the start of its section, else goes.
        self.bookmarks = []
        for spot in map(_clean, remembered.bookmarks):
            place = spots.resolve(self.document, spot, exact)
            if place is not None:
                self.bookmarks.append(replace(spot, unit=place[0], offset=place[1]))
        if not exact or self.bookmarks != remembered.bookmarks:
            moved = list(self.bookmarks)  # kept as found, under this text's digest, from now on
            with contextlib.suppress(OSError):  # a full disk: found again the next time
                self._change_bookmarks(lambda _: moved)
        self.highlights, self.lost_highlights = highlights.resolve(self.document, remembered.highlights)
        if self.lost_highlights or self.highlights != remembered.highlights or not exact:
            placed = list(self.highlights)  # re-anchored in the text as it is now; the lost are told once
            with contextlib.suppress(OSError):  # a full disk: found again the next time
                self._change_highlights(lambda _: placed)
        position = remembered.position
        if not resume or position is None:
            return None
        position = _clean(position)
        place = spots.resolve(self.document, position, exact)
        if place is None or place == (0, 0):
            return None
        return Resumption(place, position.heading or self.article.title)

    def save_position(self, position: Spot) -> None:
        def remember(state: ArticleState | None) -> ArticleState:
            state = state or ArticleState(self.article.title)
            state.title, state.source = self.article.title, self.article.source
            state.position, state.opened = position, time.time()
            return state

        self._write(remember)

    def add_bookmark(self, spot: Spot) -> bool:
        """Bookmark `spot`; False when it is bookmarked already."""
        added = False

        def add(bookmarks: list[Spot]) -> list[Spot]:
            nonlocal added
            if any((b.unit, b.offset) == (spot.unit, spot.offset) for b in bookmarks):
                return bookmarks
            added = True
            return sorted([*bookmarks, spot], key=lambda b: (b.unit, b.offset))

        self._change_bookmarks(add)
        return added

    def delete_bookmark(self, spot: Spot) -> None:
        self._change_bookmarks(lambda bookmarks: [b for b in bookmarks if b != spot])

    def bookmarked_sections(self) -> frozenset[int]:
        units = self.document.units
        return frozenset(units[b.unit].section for b in self.bookmarks if b.unit < len(units))

    def _change_bookmarks(self, change: Callable[[list[Spot]], list[Spot]]) -> None:
        """Change the stored bookmarks as they are on disk now, under the lock: another brief, or the
        loading of this article, may have changed them since they were read."""

        def edit(state: ArticleState | None) -> ArticleState:
            state = state or ArticleState(self.article.title, self.article.source, opened=time.time())
            state.bookmarks = change(list(state.bookmarks))
            self.bookmarks = list(state.bookmarks)
            return state

        self._write(edit)

    def toggle_highlights(self, new: list[Highlight]) -> bool:
        """Highlight `new`, or remove the highlights it overlaps; True when it added."""
        added = False

        def toggle(kept: list[Highlight]) -> list[Highlight]:
            nonlocal added
            kept, added = highlights.toggle(kept, new)
            return kept

        self._change_highlights(toggle)
        return added

    def delete_highlight(self, highlight: Highlight) -> None:
        self._change_highlights(lambda kept: [h for h in kept if h != highlight])

    def _change_highlights(self, change: Callable[[list[Highlight]], list[Highlight]]) -> None:
        """As `_change_bookmarks`, for the highlights."""

        def edit(state: ArticleState | None) -> ArticleState:
            state = state or ArticleState(self.article.title, self.article.source, opened=time.time())
            state.highlights = change(list(state.highlights))
            self.highlights = list(state.highlights)
            return state

        self._write(edit)

    def _write(self, change: Callable[[ArticleState | None], ArticleState | None]) -> None:
        """Write `change` through; raises OSError when it cannot be written (a full disk).

        Without a usable state folder (said once, when the article opened) the change is made to
        what is in memory only: bookmarks still work until brief quits."""
        if self.article.digest is None:
            return
        if self.store.unavailable is not None:
            change(ArticleState(self.article.title, self.article.source, bookmarks=list(self.bookmarks)))
            return
        self.store.update(self.article.digest, change)


def _clean(spot: Spot) -> Spot:
    """A spot read from the state file, whose text is outside text: it is shown in the bookmark
    list and the resume notice, so it is sanitised as the article was."""
    heading = None if spot.heading is None else sanitize(spot.heading)
    return replace(spot, heading=heading, excerpt=sanitize(spot.excerpt))
