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
    """Where the body lies between header and footer (character offsets), and the header's fields."""

    body_start: int
    body_end: int
    title: str | None
    author: str | None


def find_frame(text: str) -> Frame | None:
    """The Gutenberg header and footer of `text`, or None when the text has no start marker.

    Only the first and last few hundred lines are split: the body is never scanned."""
    head = text.split("\n", _HEAD_LINES)[:_HEAD_LINES]
    start = next((index for index, line in enumerate(head) if _START.match(line)), None)
    if start is None:
        return None
    end_line = start + 1
    # A marker split over two lines ends on the line that closes it with `***`.
    if head[start].rstrip().count("*") < 6 and end_line < len(head) and head[end_line].rstrip().endswith("***"):
        end_line += 1
    body_start = min(len(text), sum(len(line) + 1 for line in head[:end_line]))
    title = author = None
    for line in head[:start]:
        match = _FIELD.match(line.strip())
        if match is not None:
            name, value = match.groups()
            if name == "Title" and title is None:
                title = value.strip()
            elif name == "Author" and author is None:
                author = value.strip()
    return Frame(body_start, max(body_start, _footer_start(text, body_start)), title, author)


def _footer_start(text: str, body_start: int) -> int:
    """The offset of the footer: the END marker, or a closing `End of … Project Gutenberg` line a
    few lines above it; the end of the text when there is no END marker."""
    rest, *tail = text[body_start:].rsplit("\n", _TAIL_LINES)
    offsets = []
    offset = body_start + len(rest) + 1 if tail else body_start
    if not tail:
        tail = [rest]
    for line in tail:
        offsets.append(offset)
        offset += len(line) + 1
    for index, line in enumerate(tail):
        if _END.match(line):
            for above in range(index - 1, max(0, index - 8) - 1, -1):
                if _END_LINE.match(tail[above]):
                    return offsets[above]
            return offsets[index]
    for index, line in enumerate(tail):
        if _END_LINE.match(line) and _MENTION.search(line):
            return offsets[index]
    return len(text)
