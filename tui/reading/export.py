"""The article as text for scripts and clipboards: JSON, an outline, Markdown lists, plain wrapped text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len

from tui.model.article import Article, Block, BulletList, Item, Paragraph, Preformatted, Quote, Spans, Table, Verse
from tui.reading.cells import wrap
from tui.reading.numbering import Numbering
from tui.reading.tables import column_widths, header_rule, row_lines
from tui.reading.units import LinkNumbers, Styles, TableRows, one_line, shifted

JSON_VERSION = 2


def spans_to_list(spans: Spans) -> list[list[Any]]:
    """Spans as `[start, end, style, target|null]`, offsets into the string they belong to."""
    return [[span.start, span.end, span.style, span.target] for span in spans]


def item_to_dict(item: Item) -> dict[str, Any]:
    return {"label": item.label, "text": item.text, "depth": item.depth, "spans": spans_to_list(item.spans)}


def block_to_dict(block: Block) -> dict[str, Any]:
    if isinstance(block, BulletList):
        return {"kind": "list", "ordered": block.ordered, "items": [item_to_dict(i) for i in block.items]}
    if isinstance(block, Paragraph):
        shown: dict[str, Any] = {"kind": "paragraph", "text": block.text, "spans": spans_to_list(block.spans)}
        if block.label is not None:
            shown["label"] = block.label
        return shown
    if isinstance(block, Quote):
        return {"kind": "quote", "text": block.text, "blocks": [block_to_dict(part) for part in block.parts]}
    if isinstance(block, Preformatted):
        return {"kind": "preformatted", "text": block.text, "language": block.language}
    if isinstance(block, Verse):
        return {"kind": "verse", "lines": list(block.lines)}
    return {
        "kind": "table",
        "header": list(block.header),
        "rows": [list(row) for row in block.rows],
        "align": list(block.align),
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """The `brief --json` shape, version 2 (README, "JSON output"): keys keep their meaning within a
    version; new keys may be added, never changed."""
    return {
        "version": JSON_VERSION,
        "title": article.title,
        "subtitle": article.subtitle,
        "author": article.author,
        "date": article.date,
        "site": article.site,
        "url": article.url,
        "format": article.format,
        "encoding": article.encoding,
        "replaced_bytes": article.replaced_bytes,
        "sections": [
            {
                "heading": s.heading,
                "level": s.level,
                "role": s.role,
                "blocks": [block_to_dict(b) for b in s.blocks],
            }
            for s in article.sections
        ],
        "takeaways": [item_to_dict(i) for i in article.takeaways],
        "pros": [item_to_dict(i) for i in article.pros],
        "cons": [item_to_dict(i) for i in article.cons],
    }


def to_json(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, indent=2)


def outline(article: Article) -> str:
    """The title and every heading: main sections numbered, each level below them indented one
    step (two spaces) further than the level above, as the navigator shows them."""
    lines = [article.title]
    numbering = Numbering(article.sections)
    for index, section in enumerate(article.sections):
        if section.heading is None:
            continue
        heading = section.heading.replace("\n", " ")
        number = numbering.number(index)
        if number is not None:
            lines.append(f"  {number}. {heading}")
        else:
            lines.append(" " * (4 + 2 * max(numbering.depth(index), 1)) + heading)
    return "\n".join(lines)


def markdown_item(item: Item) -> str:
    """One item as a Markdown list line: `- **Label:** text`, or `- text` without a label."""
    indent = "  " * item.depth
    if item.label is None:
        return f"{indent}- {item.text}"
    return f"{indent}- **{item.label}:** {item.text}".rstrip()


def markdown_list(items: Iterable[Item]) -> str:
    return "\n".join(markdown_item(item) for item in items)


def pros_cons_markdown(article: Article) -> str:
    """Pros and cons as Markdown: `## Pros`, its list, `## Cons`, its list."""
    return f"## Pros\n\n{markdown_list(article.pros)}\n\n## Cons\n\n{markdown_list(article.cons)}"


def plain_text(article: Article, width: int = 72, references: bool = True) -> str:
    """The whole article as wrapped plain text, for a pipe or `--plain`.

    Links read `text[3]`, numbered as the reader numbers them, and a numbered "References" list of
    their targets ends the text (as `lynx -dump` does). Without `references`, the text alone: no
    list, and so no `[3]` pointing into one (a pipe or an extraction score reads words). Lines are
    wrapped by terminal cells with the reader's own function, so CJK text breaks alike in both.
    """
    width = max(width, 20)
    numbers = LinkNumbers() if references else _Unnumbered()
    title = _wrap(article.title, width)
    out: list[str] = [*title, "=" * max((cell_len(line) for line in title), default=0)]
    if article.subtitle:
        out += [""] + _wrap(article.subtitle, width)
    # As the reader shows it: a page's or a book's author, date and site under the title and dek
    # (a text file's byline is a line of its text, printed there).
    if article.byline and article.format in ("html", "epub"):
        out += ([] if article.subtitle else [""]) + _wrap(article.byline, width)
    numbering = Numbering(article.sections)
    for index, section in enumerate(article.sections):
        if section.heading is not None:
            heading = _wrap(numbers.apply(section.heading, section.heading_spans, index)[0], width)
            out += ["", *heading]
            if numbering.depth(index) == 0:  # main headings are underlined
                rule = "-" * min(max((cell_len(line) for line in heading), default=0), width)
                out += [rule] if rule else []
        for block in section.blocks:
            out.append("")
            out += _plain_block(block, width, numbers, index)
    if numbers.links:
        digits = len(str(len(numbers.links)))
        out += ["", "References", ""]
        out += [f"{link.number:>{digits + 2}}. {link.target}" for link in numbers.links]
    return "\n".join(out) + "\n"


class _Unnumbered(LinkNumbers):
    """Links left as their text, for `--no-references`."""

    def apply(self, text: str, spans: Spans, section: int) -> tuple[str, Styles]:
        return text, ()


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """`text` wrapped in `width` cells, `first` before its first line and `rest` before the others."""
    text = text.replace("\n", " ")
    spans = wrap(text, width - cell_len(first), rest=width - cell_len(rest))
    if spans == [(0, 0)]:
        return [first.rstrip()] if first.strip() else []
    return [(first if number == 0 else rest) + text[a:b] for number, (a, b) in enumerate(spans)]


def _plain_block(block: Block, width: int, numbers: LinkNumbers, section: int) -> list[str]:
    if isinstance(block, Paragraph):
        text, spans = block.text, block.spans
        if block.label:
            text, spans = f"{block.label} {text}", shifted(spans, len(block.label) + 1)
        return _wrap(numbers.apply(one_line(text), spans, section)[0], width) or [""]
    if isinstance(block, Preformatted):
        # Code is kept as written, not wrapped: a pipe's reader copies it, and a terminal shows it.
        return ["    " + line if line else "" for line in block.text.rstrip("\n").split("\n")]
    if isinstance(block, Verse):
        return [line for verse_line in block.lines for line in (_wrap(verse_line, width, "", "  ") or [""])]
    if isinstance(block, Table):
        return _plain_table(block, width)
    if isinstance(block, Quote):
        quoted: list[str] = []
        for number, part in enumerate(block.parts):
            if number:
                quoted.append(">")
            quoted += [f"> {line}" if line else ">" for line in _plain_block(part, width - 2, numbers, section)]
        return quoted
    lines: list[str] = []
    for number, item in enumerate(block.items, 1):
        indent = "  " * item.depth
        marker = f"{number}. " if block.ordered and item.depth == 0 else "• "
        text = numbers.apply(one_line(item.display), item.display_spans, section)[0]
        lines += _wrap(text, width, indent + marker, indent + " " * len(marker)) or [indent + marker.rstrip()]
    return lines


def _plain_table(table: Table, width: int) -> list[str]:
    """A table as the reader draws it: aligned columns, wrapped cells, a rule under the header."""
    rows = tuple(tuple(one_line(cell) for cell in row) for row in (table.header, *table.rows) if row)
    if not rows:
        return [""]
    columns = max(len(row) for row in rows)
    rows = tuple(row + ("",) * (columns - len(row)) for row in rows)
    shape = TableRows(0, rows, (tuple(table.align) + (None,) * columns)[:columns])
    widths = column_widths(shape, width)
    lines: list[str] = []
    for number, row in enumerate(rows):
        text = " | ".join(row)
        for pieces in row_lines(row, text, widths, shape.align):
            lines.append("".join(p if isinstance(p, str) else text[p[0] : p[1]] for p in pieces).rstrip())
        if number == 0:
            lines.append("".join(header_rule(widths)))
    return lines
