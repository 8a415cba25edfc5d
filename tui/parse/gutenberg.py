"""E-text front and back matter: the Project Gutenberg header and footer, found by their markers.

The header runs from the top of the file to the `*** START OF … ***` marker, the footer from the
`*** END OF … ***` marker (or the `End of [the] Project Gutenberg …` line just before it) to the end.
Both stay in the text, as licence sections; the header's `Title:` and `Author:` fields name the book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Markers are looked for near the start and the end only: the body never needs to be scanned.
_HEAD_LINES = 400
_TAIL_LINES = 800

# `*** START OF THE PROJECT GUTENBERG EBOOK …`, `***START OF THIS PROJECT GUTENBERG…`, and the older
# `*END*THE SMALL PRINT!` that closed the header of the 1990s texts.
_START = re.compile(r"\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG|\s*\*END\*\s*THE SMALL PRINT", re.I)
_END = re.compile(r"\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_END_LINE = re.compile(r"\s*End of (?:the )?Project Gutenberg", re.I)
_MENTION = re.compile(r"Project Gutenberg", re.I)
_FIELD = re.compile(r"(Title|Author):\s*(\S.*)")


@dataclass(frozen=True)
class Frame:
    """Where the body lies between header and footer (line indices), and the header's fields."""

    body_start: int
    body_end: int
    title: str | None
    author: str | None


def find_frame(lines: list[str]) -> Frame | None:
    """The Gutenberg header and footer of `lines`, or None when the text has no start marker."""
    start = _start_marker(lines)
    if start is None:
        return None
    body_start = start + 1
    # A marker split over two lines ends on the line that closes it with `***`.
    if lines[start].rstrip().count("*") < 6 and body_start < len(lines) and lines[body_start].rstrip().endswith("***"):
        body_start += 1
    body_end = _footer_start(lines, body_start)
    title = author = None
    for line in lines[:start]:
        match = _FIELD.match(line.strip())
        if match is not None:
            name, value = match.groups()
            if name == "Title" and title is None:
                title = value.strip()
            elif name == "Author" and author is None:
                author = value.strip()
    return Frame(body_start, body_end, title, author)


def _start_marker(lines: list[str]) -> int | None:
    for index in range(min(len(lines), _HEAD_LINES)):
        if _START.match(lines[index]):
            return index
    return None


def _footer_start(lines: list[str], body_start: int) -> int:
    """The first line of the footer: the END marker, or a closing `End of … Project Gutenberg` line
    a few lines above it; the end of the text when there is no END marker."""
    low = max(body_start, len(lines) - _TAIL_LINES)
    for index in range(low, len(lines)):
        if _END.match(lines[index]):
            for above in range(index - 1, max(body_start, index - 8) - 1, -1):
                if _END_LINE.match(lines[above]):
                    return above
            return index
    for index in range(low, len(lines)):
        if _END_LINE.match(lines[index]) and _MENTION.search(lines[index]):
            return index
    return len(lines)
