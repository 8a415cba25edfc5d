"""The reader's own highlights: adding and removing them, finding them again in a changed file, and
the Markdown that `y` copies and `brief --highlights` prints.

A highlight is anchored by its unit and its words (`tui.platform.state.Highlight`): in the same file
the unit and span are trusted once the words there still match; in a changed file the words are
looked for, nearest the old unit first, and a highlight whose words are gone is counted as lost.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.platform.state import Highlight
from tui.reading.layout import Document


def make(document: Document, unit: int, start: int, end: int) -> Highlight:
    """A highlight of `units[unit].text[start:end]`, with its section's heading."""
    text = document.units[unit].text
    section = document.units[unit].section
    heading = document.article.sections[section].heading if section >= 0 else None
    return Highlight(unit, start, end, text[start:end], heading)


def toggle(highlights: Iterable[Highlight], new: Iterable[Highlight]) -> tuple[list[Highlight], bool]:
    """Add `new`, or, when any of it overlaps existing highlights, remove those instead (a second
    press on a highlight removes it). Returns the list in reading order, and True when it added."""
    kept = list(highlights)
    new = list(new)
    overlapping = [old for old in kept if any(_overlap(old, added) for added in new)]
    if overlapping:
        kept = [old for old in kept if old not in overlapping]
        return kept, False
    return sorted(kept + new, key=lambda h: (h.unit, h.start)), True


def _overlap(a: Highlight, b: Highlight) -> bool:
    return a.unit == b.unit and a.start < b.end and b.start < a.end


def resolve(document: Document, highlights: Iterable[Highlight]) -> tuple[list[Highlight], int]:
    """The highlights placed in `document`, in reading order, and how many of them were not found."""
    units = document.units
    placed: list[Highlight] = []
    lost = 0
    for highlight in highlights:
        if not highlight.text:
            lost += 1
            continue
        if (
            0 <= highlight.unit < len(units)
            and units[highlight.unit].text[highlight.start : highlight.end] == highlight.text
        ):
            placed.append(make(document, highlight.unit, highlight.start, highlight.end))
            continue
        found = _find(document, highlight)
        if found is None:
            lost += 1
        else:
            placed.append(make(document, found[0], found[1], found[1] + len(highlight.text)))
    unique = {(h.unit, h.start, h.end): h for h in placed}
    return sorted(unique.values(), key=lambda h: (h.unit, h.start)), lost


def _find(document: Document, highlight: Highlight) -> tuple[int, int] | None:
    """The (unit, offset) of the highlight's words, the unit nearest the old one first."""
    units = document.units
    best: tuple[int, int] | None = None
    for index, unit in enumerate(units):
        offset = unit.text.find(highlight.text)
        if offset >= 0 and (best is None or abs(index - highlight.unit) < abs(best[0] - highlight.unit)):
            best = (index, offset)
    return best


def to_markdown(document: Document, highlights: Iterable[Highlight]) -> str:
    """Each section as a `## heading` (the title before the first heading), its highlights as
    `> text` quotes, in reading order."""
    parts: list[str] = []
    section: int | None = None
    title = document.article.title
    for highlight in sorted(highlights, key=lambda h: (h.unit, h.start)):
        here = document.units[highlight.unit].section
        if here != section or not parts:
            heading = document.article.sections[here].heading if here >= 0 else None
            parts.append(f"## {_one_line(heading or title)}")
            section = here
        parts.append(f"> {_one_line(highlight.text)}")
    return "\n\n".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())
