"""Tables laid out to fit a measure: aligned columns, cells wrapped in them, light rules between.

Pure Python (no Textual). A table line is a tuple of pieces: a `(start, end)` slice of its row's
text (so search highlights and copying keep working on the row's own string) or a literal string
(padding, the rules), which the reader draws in the rule style.
"""

from __future__ import annotations

from rich.cells import cell_len

from tui.reading.cells import wrap
from tui.reading.units import TableRows, cell_offsets

Piece = tuple[int, int] | str
COLUMN_RULE = " │ "
HEADER_RULE, HEADER_CROSS = "─", "─┼─"


def column_widths(table: TableRows, width: int) -> list[int]:
    """Each column's width in cells, all of them with their rules fitting in `width` when they can.

    Columns keep their natural width when the table fits; otherwise each keeps its longest word
    and shares what is left in proportion to how much more it would like; when not even the longest
    words fit, the room is shared in proportion to them (and long words are cut).
    """
    columns = len(table.rows[0])
    room = max(columns, width - cell_len(COLUMN_RULE) * (columns - 1))
    natural = [max(1, *(cell_len(row[c]) for row in table.rows)) for c in range(columns)]
    if sum(natural) <= room:
        return natural
    longest = [max(1, *(cell_len(word) for row in table.rows for word in row[c].split())) for c in range(columns)]
    if sum(longest) <= room:
        wants = [n - w for n, w in zip(natural, longest)]
        return _share(longest, room - sum(longest), wants)
    return _share([1] * columns, room - columns, longest)


def _share(base: list[int], extra: int, weights: list[int]) -> list[int]:
    """`base` plus `extra` cells shared in proportion to `weights` (largest remainders first)."""
    total = sum(weights)
    if extra <= 0 or total <= 0:
        return base
    exact = [extra * w / total for w in weights]
    given = [int(x) for x in exact]
    by_remainder = sorted(range(len(base)), key=lambda c: given[c] - exact[c])
    for column in by_remainder[: extra - sum(given)]:
        given[column] += 1
    return [b + g for b, g in zip(base, given)]


def row_lines(
    row: tuple[str, ...], text: str, widths: list[int], align: tuple[str | None, ...]
) -> list[tuple[Piece, ...]]:
    """The lines one row takes: every cell wrapped in its column, aligned, rules between columns."""
    offsets = cell_offsets(row)
    wrapped = [wrap(cell, width) for cell, width in zip(row, widths)]
    lines: list[tuple[Piece, ...]] = []
    for line in range(max(len(spans) for spans in wrapped)):
        pieces: list[Piece] = []
        for column, (spans, width) in enumerate(zip(wrapped, widths)):
            if column:
                pieces.append(COLUMN_RULE)
            if line >= len(spans):
                pieces.append(" " * width)
                continue
            start, end = spans[line]
            start, end = start + offsets[column], end + offsets[column]
            room = width - cell_len(text[start:end])
            before = room if align[column] == "right" else room // 2 if align[column] == "center" else 0
            if before > 0:
                pieces.append(" " * before)
            pieces.append((start, end))
            if room - before > 0:
                pieces.append(" " * (room - before))
        lines.append(tuple(pieces))
    return lines


def header_rule(widths: list[int]) -> tuple[Piece, ...]:
    """The light rule under a table's header row."""
    return (HEADER_CROSS.join(HEADER_RULE * width for width in widths),)
