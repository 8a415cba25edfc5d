"""Page furniture of a printed document saved as text (an OCR'd PDF, a report): the running header
at the top of every page and the lone page numbers. They stay in the text; they never head a
section, end a contents list or count as one of its entries."""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Sequence
from difflib import SequenceMatcher

from tui.parse.lines import Chunk

# A running header: at most this many lines at the top, found again this many units on, this alike.
MAX_HEADER_LINES = 3
HEADER_LOOKAHEAD = 400
NEAR_SAME_LETTERS = 0.75
NEAR_SAME = 0.6
# OCR garbles each page's header its own way: the last few variants met are compared as well.
RECENT_VARIANTS = 12
# A page number alone on its line: arabic, or Roman as front matter numbers its pages (OCR reads
# `iii` as `lll` or `111`).
_PAGE_NUMBER = re.compile(r"\d{1,4}|[ivxl]{1,5}|[IVXL]{1,5}")


def running_header(units: Sequence[Chunk]) -> int:
    """How many of the first lines are a page's running header: lines that come back, the same
    or nearly (as OCR reads them differently on each page), three times or more in the next pages."""
    count = 0
    while count < MAX_HEADER_LINES and count < len(units) and _recurs(units, count):
        count += 1
    return count


def _recurs(units: Sequence[Chunk], index: int) -> bool:
    line = units[index].single
    if line is None or len(line) < 12:
        return False
    found = 0
    for unit in units[index + 1 : index + 1 + HEADER_LOOKAHEAD]:
        if unit.single is not None and near_same(line, unit.single):
            found += 1
            if found >= 3:
                return True
    return False


def near_same(line: str, other: str) -> bool:
    """The same line, or the same as OCR reads it on another page (a few letters misread)."""
    if other == line:
        return True
    if not len(line) * 0.85 <= len(other) <= len(line) * 1.15:
        return False
    return _alike(line, Counter(line), other, Counter(other))


def _alike(line: str, letters: Counter, other: str, other_letters: Counter) -> bool:
    # The letters compared as bags first (cheap), then in order.
    if 2 * sum((letters & other_letters).values()) < NEAR_SAME_LETTERS * (len(line) + len(other)):
        return False
    return SequenceMatcher(None, line, other, autojunk=False).ratio() >= NEAR_SAME


def is_page_number(line: str) -> bool:
    """A page number standing alone (`12`, `iii`, `IV`); `line` is stripped."""
    return len(line) <= 5 and _PAGE_NUMBER.fullmatch(line) is not None


class RunningHeader:
    """The lines of a page's running header, as the top of the text gives them, and the variants
    OCR made of them on the pages since (each page garbles them its own way, but like its
    neighbours)."""

    def __init__(self, lines: Sequence[str] = ()) -> None:
        self.lines = list(lines)
        self._known = [(line, Counter(line)) for line in self.lines]
        self._recent: deque[tuple[str, Counter]] = deque(maxlen=RECENT_VARIANTS)
        self._seen: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.lines)

    def matches(self, line: str) -> bool:
        """Whether `line` is a line of the header, as read on some page."""
        if not self.lines:
            return False
        found = self._seen.get(line)
        if found is None:
            found = self._seen[line] = self._compare(line)
        return found

    def _compare(self, line: str) -> bool:
        letters = None
        for known, known_letters in (*self._known, *self._recent):
            if known == line:
                return True
            if not len(known) * 0.85 <= len(line) <= len(known) * 1.15:
                continue
            letters = letters if letters is not None else Counter(line)
            if _alike(known, known_letters, line, letters):
                self._recent.append((line, letters))
                return True
        return False

    def is_furniture(self, line: str) -> bool:
        """A page number, or a line of the running header; `line` is stripped."""
        return is_page_number(line) or self.matches(line)
