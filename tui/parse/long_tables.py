"""Long tables read without markdown-it: a million-row table in seconds and in little memory.

markdown-it keeps five numbers a line for the whole document while it parses, and then brief's
table rule a tuple a row: together more than twenty times the size of a table of short rows. So the
rows of a long run of `|` lines are cut out of the text before markdown-it sees it, and read here
once its state is gone. A cut is used only where markdown-it found a table that ends exactly at it
(the run is a table at the top level); otherwise the caller parses the whole text as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.parse.markdown_inline import has_inline_syntax
from tui.parse.markdown_rules import MAX_PADDED_CELLS, row_cells

LONG_TABLE_LINES = 2000
"""A run of `|` lines at least this long is cut out; shorter tables cost markdown-it little."""
KEPT_LINES = 3
"""Lines of a run left to markdown-it: the header, the delimiter row, and one row."""

_RUN_END = re.compile(r"\n(?!\|)")
"""The end of a run of `|` lines: a newline not followed by `|`. (A regex matching the run itself,
a repeated group, keeps a backtracking entry a line: 120 MB for a million rows.)"""


def cut_long_tables(text: str) -> tuple[str, dict[int, str]]:
    """`text` with the rows of long `|` runs taken out, and each cut's rows by the line it was at."""
    if text.count("\n|") < LONG_TABLE_LINES:
        return text, {}
    pieces: list[str] = []
    cuts: dict[int, str] = {}
    last = 0
    lines_before = 0
    for start, end in _runs(text):
        if text.count("\n", start, end) < LONG_TABLE_LINES:
            continue
        keep = start
        for _ in range(KEPT_LINES):
            keep = text.index("\n", keep) + 1
        pieces.append(text[last:keep])
        lines_before += text.count("\n", last, keep)
        cuts[lines_before] = text[keep:end]
        last = end
    if not cuts:
        return text, {}
    pieces.append(text[last:])
    return "".join(pieces), cuts


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of whole lines that start with `|`, the end after its last newline."""
    if text.startswith("|"):
        start = 0
    else:
        start = text.find("\n|") + 1
        if start == 0:
            return
    while True:
        stop = _RUN_END.search(text, start)
        end = len(text) if stop is None else stop.start() + 1
        yield start, end
        next_run = text.find("\n|", end - 1)
        if stop is None or next_run < 0:
            return
        start = next_run + 1


def read_rows(source: str, width: int, rows: list[tuple[str, ...]], marked: list[int]) -> bool:
    """Add the rows of a cut to `rows` (as the table rule would); False when too many cells would be
    padded, and the table has to be read by markdown-it after all."""
    padded = 0
    check = has_inline_syntax(source)  # most long tables have no markup at all: one scan, not one a row
    for line in _lines(source):
        text = line.strip()
        if "\\" in text:
            cells, padding = row_cells(text, width)
        else:
            # The common case, as row_cells does it but without its checks: `|a|b|` to ("a", "b").
            cells = tuple(map(str.strip, text[1 : len(text) - (text[-1] == "|" and len(text) > 1)].split("|")))
            padding = 0
            if len(cells) != width:
                cells, padding = row_cells(text, width)
        padded += padding
        if padded > MAX_PADDED_CELLS:
            return False
        if check and has_inline_syntax(text):
            marked.append(len(rows))
        rows.append(cells)
    return True


def _lines(source: str, chunk: int = 1 << 20) -> Iterator[str]:
    """The lines of `source`, split a megabyte at a time: fast, without a second copy of all of it
    (io.StringIO keeps four bytes a character) or a string per line all at once."""
    start = 0
    while start < len(source):
        end = source.find("\n", start + chunk)
        end = len(source) if end < 0 else end + 1
        yield from source[start:end].splitlines()
        start = end
