"""The command palette's "Go to section…" commands, fuzzy over the article's headings."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.ui.navigation import SectionJumper

HELP = "Jump there in the reading pane"


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Like `Matcher.highlight`, which parses its candidate as markup: headings are article text."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize("bold reverse", offset, offset + 1)
    return content


class SectionCommands(Provider):
    """One command per heading: `Go to section: Pros and Cons`."""

    def _commands(self) -> list[tuple[str, partial[None]]]:
        jumper = self.screen
        if not isinstance(jumper, SectionJumper):
            return []  # the palette was opened over a screen with no article (the library)
        return [
            (f"Go to section: {section.heading}", partial(jumper.go_to_section, index))
            for index, section in enumerate(jumper.article.sections)
            if section.heading is not None
        ]

    async def discover(self) -> Hits:
        for title, command in self._commands():
            yield DiscoveryHit(Content(title), command, text=title, help=HELP)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), command, text=title, help=HELP)
