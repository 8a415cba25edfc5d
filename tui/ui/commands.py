"""The command palette's "Go to section…" commands, fuzzy over the article's headings.

A book can have 100,000 headings: scoring each with Textual's fuzzy matcher on every keystroke took
17 s. Here the headings are joined once into one string, a keystroke finds its candidates with one
compiled regular expression over it (the query's characters in order, within one heading), and only
`LIMIT` candidates are scored and shown: those holding the query as typed first, which the matcher
scores highest and scores fastest.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import partial
from itertools import accumulate

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.ui import fuzzy
from tui.ui.navigation import SectionJumper

HELP = "Jump there in the reading pane"
PREFIX = "Go to section: "
LIMIT = 200
"""Headings listed at most: for the palette's screenful, and a fixed cost per keystroke."""


def highlight(candidate: str, places: Sequence[int]) -> Content:
    """The matched letters in bold reverse, as `Matcher.highlight` shows them; but a heading is
    article text, so it is never parsed as markup (`Matcher.highlight` would)."""
    content = Content(candidate)
    for place in places:
        if not candidate[place].isspace():
            content = content.stylize("bold reverse", place, place + 1)
    return content


class HeadingIndex:
    """Every heading's command title, and a fast search for those holding a query's characters."""

    def __init__(self, jumper: SectionJumper) -> None:
        self.titles: list[str] = []
        self.sections: list[int] = []
        for index, section in enumerate(jumper.article.sections):
            if section.heading is not None:
                self.titles.append(PREFIX + section.heading.replace("\n", " "))
                self.sections.append(index)
        folded = [title.casefold() for title in self.titles]
        self._text = "\n".join(folded)
        # Where each title starts in the text (casefolding can lengthen one: ß is ss).
        self._starts: list[int] = list(accumulate((len(title) + 1 for title in folded[:-1]), initial=0))

    def candidates(self, query: str, limit: int = LIMIT) -> list[int]:
        """Positions in `titles` of at most `limit` titles holding `query`'s characters in order:
        first those holding the query as typed (the matcher scores them highest), then the rest, each
        in the book's order."""
        folded = query.casefold()
        letters = [c for c in folded if not c.isspace()]
        if not letters:
            return list(range(min(limit, len(self.titles))))
        if not all(c in self._text for c in set(letters)):
            return []  # a letter no heading has: nothing to scan for
        found = self._holding(folded, limit)
        if len(found) < limit:
            already = set(found)
            for line in self._in_order(letters):
                if line not in already:
                    found.append(line)
                    if len(found) >= limit:
                        break
        return found

    def _holding(self, text: str, limit: int) -> list[int]:
        """The first `limit` titles holding `text` itself."""
        found: list[int] = []
        position = self._text.find(text)
        while position >= 0 and len(found) < limit:
            line = bisect_right(self._starts, position) - 1
            found.append(line)
            after = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
            position = self._text.find(text, after)
        return found

    def _in_order(self, letters: list[str]) -> Iterator[int]:
        """Every title holding `letters` in order, in the book's order."""
        # Anchored at each line start; each letter taken at its first place after the one before,
        # possessively (`*+`): a heading holds the letters in order exactly when these first places
        # do, so a heading that fails costs one pass over it, not a backtracking search (the lazy
        # `[^\n]*?` before took 80 ms a keystroke at 100,000 headings).
        pattern = re.compile("^" + "".join(f"[^{re.escape(c)}\n]*+{re.escape(c)}" for c in letters), re.M)
        for match in pattern.finditer(self._text):
            yield bisect_right(self._starts, match.start()) - 1


class SectionCommands(Provider):
    """One command per heading: `Go to section: Pros and Cons`."""

    _index: HeadingIndex | None = None

    async def startup(self) -> None:
        jumper = self.screen
        self._jumper = jumper if isinstance(jumper, SectionJumper) else None
        # Not built for the library, where the palette has no article.
        self._index = HeadingIndex(self._jumper) if self._jumper is not None else None

    def _command(self, position: int) -> partial[None]:
        assert self._jumper is not None and self._index is not None
        return partial(self._jumper.go_to_section, self._index.sections[position])

    async def discover(self) -> Hits:
        if self._index is None:
            return
        for position in self._index.candidates(""):
            title = self._index.titles[position]
            yield DiscoveryHit(Content(title), self._command(position), text=title, help=HELP)

    async def search(self, query: str) -> Hits:
        if self._index is None:
            return
        for position in self._index.candidates(query):
            title = self._index.titles[position]
            score, places = fuzzy.match(query, title)  # Textual's score, in bounded time
            if score > 0:
                yield Hit(score, highlight(title, places), self._command(position), text=title, help=HELP)
