"""The article as text for scripts and clipboards: JSON, an outline, Markdown lists, plain wrapped text."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from typing import Any

from tui.model.article import Article, Block, BulletList, Item, Paragraph, Preformatted, Quote, Spans, Table, Verse
from tui.reading.numbering import Numbering


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
    """The title and every heading, sub-headings indented under their section."""
    lines = [article.title]
    numbering = Numbering(article.sections)
    for index, section in enumerate(article.sections):
        if section.heading is None:
            continue
        number = numbering.number(index)
        if number is not None:
            lines.append(f"  {number}. {section.heading}")
        else:
            lines.append(f"      {section.heading}")
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


def _wrap(text: str, width: int, **options: str) -> list[str]:
    # Hyphenated words (De-escalation) stay whole: a break there reads as a different word.
    return textwrap.wrap(text, width, break_on_hyphens=False, **options)


def plain_text(article: Article, width: int = 72) -> str:
    """The whole article as wrapped plain text, for a pipe or `--plain`."""
    width = max(width, 20)
    title = _wrap(article.title, width)
    out: list[str] = [*title, "=" * max(len(line) for line in title)]
    if article.subtitle:
        out += [""] + _wrap(article.subtitle, width)
    numbering = Numbering(article.sections)
    for index, section in enumerate(article.sections):
        if section.heading is not None:
            rule = "-" if numbering.depth(index) == 0 else ""
            out += ["", section.heading] + ([rule * min(len(section.heading), width)] if rule else [])
        for block in section.blocks:
            out.append("")
            out += _wrap_block(block, width)
    return "\n".join(out) + "\n"


def _wrap_block(block: Block, width: int) -> list[str]:
    if isinstance(block, Paragraph):
        return _wrap(block.text, width) or [""]
    if isinstance(block, Preformatted):
        return block.text.split("\n")
    if isinstance(block, Verse):
        return list(block.lines)
    if isinstance(block, Table):
        return [" | ".join(row) for row in (block.header, *block.rows)]
    if isinstance(block, Quote):
        quoted: list[str] = []
        for number, part in enumerate(block.parts):
            if number:
                quoted.append(">")
            quoted += [f"> {line}" if line else ">" for line in _wrap_block(part, width - 2)]
        return quoted
    lines: list[str] = []
    for number, item in enumerate(block.items, 1):
        indent = "  " * item.depth
        marker = f"{number}. " if block.ordered and item.depth == 0 else "• "
        lines += _wrap(
            item.display, width, initial_indent=indent + marker, subsequent_indent=indent + " " * len(marker)
        ) or [indent + marker]
    return lines
