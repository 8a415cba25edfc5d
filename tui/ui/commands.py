"""The command palette's "Go to section…" commands, fuzzy over the article's headings.

A book can have 100,000 headings: scoring each with Textual's fuzzy matcher on every keystroke took
17 s. Here the headings are joined once into one string, a keystroke finds its candidates with one
compiled regular expression over it (the query's characters in order, within one heading), and only
the first `LIMIT` candidates are scored and shown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.ui.navigation import SectionJumper

HELP = "Jump there in the reading pane"
PREFIX = "Go to section: "
LIMIT = 200
"""Headings listed at most: for the palette's screenful, and a fixed cost per keystroke."""


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Like `Matcher.highlight`, which parses its candidate as markup: headings are article text."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize("bold reverse", offset, offset + 1)
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
        self._text = "\n".join(self.titles).casefold()
        self._characters = frozenset(self._text)
        self._starts: list[int] = []
        position = 0
        for title in self.titles:
            self._starts.append(position)
            position += len(title.casefold()) + 1

    def candidates(self, query: str, limit: int = LIMIT) -> list[int]:
        """Positions in `titles` of the first `limit` titles holding `query`'s characters in order."""
        letters = [c for c in query.casefold() if not c.isspace()]
        if not letters:
            return list(range(min(limit, len(self.titles))))
        if not all(c in self._characters for c in letters):
            return []  # a letter no heading has: nothing to scan for
        # Anchored at each line start: one attempt per heading, not one per character.
        pattern = re.compile("^[^\n]*?" + "[^\n]*?".join(re.escape(c) for c in letters), re.M)
        found: list[int] = []
        for match in pattern.finditer(self._text):
            line = bisect_right(self._starts, match.start()) - 1
            if not found or found[-1] != line:
                found.append(line)
                if len(found) >= limit:
                    break
        return found


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
        matcher = self.matcher(query)
        for position in self._index.candidates(query):
            title = self._index.titles[position]
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), self._command(position), text=title, help=HELP)
