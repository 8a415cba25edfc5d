"""Headings a contents list names, met in the text in the list's order.

The list names the headings to come (`I.  THE HEARINGS ..... 2`, `A.  Evidence …`); a line of the
text is one when it is one of the next few entries (an entry the text leaves out, or OCR garbled,
may be passed over), as the list words it or nearly: OCR reads the same title differently in the
list and in the text (`Ma/ware`, `ofIRA`, `Ill.` for `III.`), breaks a heading over two lines, or
sets its label on the line above. Each entry has the depth its label shows in the list.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from tui.parse.books import heading_key
from tui.parse.lines import Chunk
from tui.parse.outline_labels import label_of

# A heading line is at most this long.
MAX_HEADING_LINE = 80
# Entries of a contents list that may be passed over when its headings are met in the text.
NAMED_SKIP = 5
# How alike a heading OCR read and its contents entry are (letters in order).
ALIKE = 0.88


class NamedHeadings:
    """The entries of a text's contents lists, and how far the text has come through them."""

    def __init__(self, keys: list[str], entries: list[str], depths: list[int]) -> None:
        self.keys = keys
        # Each entry's label and the letters of its title, to meet the heading as OCR read it.
        self.titles = [(label_of(entry), _title_letters(entry, label_of(entry), paged=True)) for entry in entries]
        self.depths = depths
        self.next = 0
        self.seen = False

    def __bool__(self) -> bool:
        return bool(self.keys)

    def take(self, position: int) -> int:
        """The entry at `position` is met: the next are looked for after it. Its depth."""
        self.next = position + 1
        self.seen = True
        return self.depths[position]

    def passed(self, line: str) -> bool:
        """Whether `line` names an entry already met."""
        return bool(self.keys) and heading_key(line) in self.keys[: self.next]

    def find(self, units: list[Chunk], index: int, line: str) -> tuple[int, str, int] | None:
        """(entry's position, heading, units used) when the unit at `index`, whose line is `line`,
        is the heading of one of the next entries."""
        start = self.next
        stop = min(len(self.keys), start + NAMED_SKIP + 1)
        following = short(units[index + 1]) if index + 1 < len(units) else None
        # A line the next goes on from in lower case is a sentence broken off, or a heading broken
        # over two lines: it is its entry only with the next line.
        broken = following is not None and following[:1].islower() and label_of(following) is None
        label = label_of(line)
        bare = label is not None and len(_title_letters(line, None)) <= len(label)
        key = heading_key(line)
        ahead = self.keys[start:stop]
        if key in ahead and not broken and not bare:
            return start + ahead.index(key), line, 1
        after = short(units[index + 2]) if index + 2 < len(units) else None
        if bare:
            # The label alone (`A.`), its title on the next line, perhaps broken over two.
            if following is None or len(following) > 2 * MAX_HEADING_LINE or label_of(following) is not None:
                return None  # (a label over another: the first's title is left out, as redacted)
            line, following, after, used = f"{line} {following}", after, None, 2
        elif line.endswith("."):
            return None  # a sentence (`I.  Trump.`)
        else:
            used = 1
        title = _title_letters(line, label)
        if len(title) < 6:
            return None
        joined = None
        if following is not None and len(following) <= MAX_HEADING_LINE and not following.endswith("."):
            joined = title + _title_letters(following, None)
        for position in range(start, stop):
            entry_label, entry = self.titles[position]
            if (entry_label is None) != (label is None):
                continue
            alone = 0.0 if broken else 1.0 if entry == title else _likeness(entry, title)
            both = (1.0 if entry == joined else _likeness(entry, joined)) if joined is not None else 0.0
            if max(alone, both) >= ALIKE:
                # The whole heading when it goes on on the next line, as the list names it.
                return (position, f"{line} {following}", used + 1) if both > alone else (position, line, used)
        return None


def _title_letters(line: str, label: str | None, paged: bool = False) -> str:
    """The letters and digits of a heading's title, without its outline label (nor the page number
    of a contents entry)."""
    words = heading_key(line).split() if paged else re.findall(r"\w+", line.casefold())
    return "".join(words[1:] if label is not None and words else words)


def short(unit: Chunk) -> str | None:
    """The text of a line, or of two short lines as one (a heading or title broken over them)."""
    if unit.single is not None:
        return unit.single
    if len(unit.lines) != 2:
        return None
    first, second = unit.lines[0].strip(), unit.lines[1].strip()
    return f"{first} {second}" if len(first) <= MAX_HEADING_LINE and len(second) <= MAX_HEADING_LINE else None


def _likeness(entry: str, line: str) -> float:
    """How alike a contents entry and a heading as OCR read each are (letters in order), 0 when
    their lengths or their bags of letters alone tell they are not."""
    if not len(entry) * 0.9 <= len(line) <= len(entry) * 1.1:
        return 0.0
    if 2 * sum((Counter(entry) & Counter(line)).values()) < ALIKE * (len(entry) + len(line)):
        return 0.0
    return SequenceMatcher(None, entry, line, autojunk=False).ratio()
