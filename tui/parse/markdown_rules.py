"""Two block rules brief adds to markdown-it, for input its own rules turn slow or lossy.

- `table`: a GFM table as one token holding its cells, where markdown-it's rule makes about three
  tokens a cell (a million-row table took 73 s and 2.8 GB). The rows' extra cells are kept too
  (GFM drops them): no word of the table is lost.
- `deep_nesting`: past `FLATTEN_LEVEL` nested containers, markdown-it drops the rest of the
  container's text without a word (its `maxNesting`); this rule takes over one level before that
  and keeps the text as one flattened paragraph.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from tui.model.article import Align
from tui.parse.markdown_inline import has_inline_syntax

FLATTEN_LEVEL = 20
"""Token nesting at which containers are flattened: markdown-it's own limit (20 nested quotes, or 10
list levels). Each level costs markdown-it a pass over the container's lines, so deeper is slower."""
MAX_PADDED_CELLS = 0x10000
"""Empty cells added to short rows, at most, before the table ends (as markdown-it limits them)."""

BLOCK_STARTS = frozenset("`~>*-_+#<[0123456789=")
"""The first characters of the blocks that end a table (fence, quote, rule, list, HTML, heading, note):
a row starting otherwise is not tried against their rules, which would cost a million calls a table."""

_ALIGNS: dict[tuple[bool, bool], Align] = {
    (False, False): None,
    (True, False): "left",
    (False, True): "right",
    (True, True): "center",
}


def add_rules(md: MarkdownIt) -> MarkdownIt:
    """Put brief's table rule in place of markdown-it's, and the flattening rule before every rule."""
    md.block.ruler.disable("table", ignoreInvalid=True)
    md.block.ruler.before("code", "brief_table", table, {"alt": ["paragraph", "reference"]})
    md.block.ruler.before("brief_table", "brief_deep_nesting", deep_nesting)
    md.options["maxNesting"] = FLATTEN_LEVEL + 1
    return md


def deep_nesting(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """At `FLATTEN_LEVEL`, the rest of the container is one paragraph, its markers taken off."""
    if state.level < FLATTEN_LEVEL or silent:
        return False
    lines = []
    for line in range(start_line, end_line):
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        lines.append(_without_markers(text))
    token = state.push("paragraph_open", "p", 1)
    token.map = [start_line, end_line]
    token = state.push("inline", "", 0)
    token.content = "\n".join(line for line in lines if line)
    token.map = [start_line, end_line]
    token.children = []
    state.push("paragraph_close", "p", -1)
    state.line = end_line
    return True


def _without_markers(line: str) -> str:
    """A line with the quote and list markers that open it taken off."""
    while True:
        stripped = line.lstrip()
        if stripped[:1] == ">" or stripped[:2] in ("- ", "* ", "+ ") or stripped in ("-", "*", "+"):
            line = stripped[1:]
            continue
        digits = len(stripped) - len(stripped.lstrip("0123456789"))
        after = stripped[digits + 1 : digits + 2]
        if 0 < digits < 10 and stripped[digits : digits + 1] in (".", ")") and after in (" ", ""):
            line = stripped[digits + 1 :]
            continue
        return stripped


def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A GFM table (https://github.github.com/gfm/#tables-extension-), after markdown-it's own rule,
    as one `brief_table` token whose meta holds `header`, `rows` (tuples of raw cell text) and `align`."""
    if start_line + 2 > end_line:
        return False
    delimiter_line = start_line + 1
    first = state.bMarks[delimiter_line] + state.tShift[delimiter_line]
    if first >= state.eMarks[delimiter_line] or state.src[first] not in "|-:":
        return False  # the common case, decided before anything else
    if state.sCount[delimiter_line] < state.blkIndent or state.is_code_block(delimiter_line):
        return False
    aligns = _aligns(_line(state, delimiter_line))
    if aligns is None:
        return False
    header_text = _line(state, start_line).strip()
    if "|" not in header_text or state.is_code_block(start_line):
        return False
    header = _cells(header_text)
    width = len(header)
    if width == 0 or width != len(aligns):
        return False
    if silent:
        return True

    old_parent = state.parentType
    state.parentType = "table"
    terminators = state.md.block.ruler.getRules("blockquote")
    rows: list[tuple[str, ...]] = []
    marked: list[int] = []  # the rows with inline syntax in them, to be reduced to their text
    padded = 0
    line = start_line + 2
    while line < end_line:
        if state.sCount[line] < state.blkIndent:
            break
        text = _line(state, line).strip()
        if text[:1] in BLOCK_STARTS and any(rule(state, line, end_line, True) for rule in terminators):
            break
        if not text or state.is_code_block(line):
            break
        cells, padding = row_cells(text, width)
        padded += padding
        if padded > MAX_PADDED_CELLS:
            break  # the rest is paragraphs: no table of mostly empty cells
        if has_inline_syntax(text):
            marked.append(len(rows))
        rows.append(cells)
        line += 1

    token = state.push("brief_table", "table", 0)
    token.map = [start_line, line]
    token.meta = {"header": header, "rows": rows, "align": aligns, "marked": marked}
    state.parentType = old_parent
    state.line = line
    return True


def row_cells(text: str, width: int) -> tuple[tuple[str, ...], int]:
    """A body row's cells made `width` wide, and how many empty cells that added.

    GFM ignores a row's extra cells; here their words go to the last column instead.
    """
    cells = _cells(text)
    if len(cells) < width:
        return cells + ("",) * (width - len(cells)), width - len(cells)
    if len(cells) > width:
        return (*cells[: width - 1], " | ".join(cells[width - 1 :])), 0
    return cells, 0


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _aligns(text: str) -> tuple[Align, ...] | None:
    """The columns' alignment from a delimiter row such as `|:--|--:|`, or None when it is not one."""
    if not text or text[0] not in "|-:" or text[0] == "-" and text[1:2] in (" ", "\t"):
        return None
    if text.strip(" \t|-:"):
        return None
    columns = text.split("|")
    aligns: list[Align] = []
    for index, column in enumerate(columns):
        column = column.strip()
        if not column:
            if index in (0, len(columns) - 1):
                continue
            return None
        if column.strip(":").strip("-") or not column.strip(":") or ":" in column[1:-1]:
            return None
        aligns.append(_ALIGNS[column.startswith(":"), column.endswith(":")])
    return tuple(aligns)


def _cells(text: str) -> tuple[str, ...]:
    """A row's cells, split at pipes that are not escaped, without the outer pipes (`text` is stripped)."""
    if "\\|" in text:
        cells = _escaped_split(text)
    else:
        cells = text[text[:1] == "|" : len(text) - (text[-1:] == "|")].split("|")
        return tuple([cell.strip() for cell in cells]) if text != "|" else ()
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return tuple(cell.strip() for cell in cells)


def _escaped_split(text: str) -> list[str]:
    """Split at `|` but not at `\\|`, which stands for a pipe in the cell (the backslash goes)."""
    cells: list[str] = []
    current: list[str] = []
    start = 0
    while True:
        pipe = text.find("|", start)
        if pipe < 0:
            current.append(text[start:])
            cells.append("".join(current))
            return cells
        if pipe > 0 and text[pipe - 1] == "\\":
            current.append(text[start : pipe - 1] + "|")
        else:
            current.append(text[start:pipe])
            cells.append("".join(current))
            current = []
        start = pipe + 1
