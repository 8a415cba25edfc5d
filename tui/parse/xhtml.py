"""XHTML elements to the article model: the one element-to-block mapping for web pages and e-books.

`walk` reads an lxml tree in HTML's vocabulary (namespaced XHTML is fine) and yields, in document
order, the headings, the blocks and the anchors it passes. Each format then makes its sections its own
way: a web page by its headings (`sections_by_headings`), a book by its table of contents.
Pure Python over lxml, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tui.model.article import (
    Block,
    BulletList,
    Item,
    Paragraph,
    Preformatted,
    Quote,
    QuotedBlock,
    Section,
    Span,
    Table,
    Verse,
)
from tui.parse.inline import INLINE_STYLES, SKIPPED, Run, attribute, inline_text, tag_of
from tui.parse.sanitize import sanitize


@dataclass(frozen=True)
class Heading:
    """A heading met on the walk: `level` is its h-number (1–6)."""

    level: int
    text: str


@dataclass(frozen=True)
class Anchor:
    """An element whose id was asked for: where a book's table of contents points into a file."""

    id: str


Event = Heading | Anchor | Block

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCKS = frozenset(
    {
        *HEADINGS, "p", "ul", "ol", "dl", "dt", "dd", "li", "blockquote", "pre", "table", "hr", "figure",
        "figcaption", "div", "section", "article", "main", "header", "footer", "aside", "nav", "body", "html",
        "hgroup", "address", "details", "summary", "center", "caption", "fieldset", "legend",
    }
)  # fmt: skip
_LEAF_INLINE = frozenset({*INLINE_STYLES, "br", "img", "sub", "sup", "small", "abbr", "mark", "q", "u", "wbr"})


def is_block(element) -> bool:
    tag = tag_of(element)
    if tag in BLOCKS:
        return True
    if tag in _LEAF_INLINE or not tag:
        return False
    # A span or link wrapping paragraphs (it happens) is a container, not a run of words.
    return any(tag_of(inner) in BLOCKS for inner in element.iterdescendants())


class Walker:
    """One walk over a tree; `marks` are the element ids to report as `Anchor`s when passed.

    `trimmed`: the tree lost the white space around its inline elements (see `_Run`)."""

    def __init__(self, marks: Iterable[str] = (), trimmed: bool = False) -> None:
        self.marks = frozenset(marks)
        self.trimmed = trimmed

    def walk(self, element) -> Iterator[Event]:
        """The events of `element` and everything in it."""
        yield from self._block(element)

    def _anchors(self, element, deep: bool = False) -> Iterator[Anchor]:
        if not self.marks:
            return
        elements = element.iter() if deep else (element,)
        for inner in elements:
            ident = inner.get("id") if isinstance(inner.tag, str) else None
            if ident in self.marks:
                yield Anchor(ident)

    def _block(self, element) -> Iterator[Event]:
        tag = tag_of(element)
        if tag in SKIPPED or not tag:
            return
        if tag in HEADINGS or tag == "hgroup":
            yield from self._anchors(element, deep=True)
            heading = self._heading(element)
            if heading is not None:
                yield heading
            return
        if tag == "p" or tag == "summary" or tag == "dt" or tag == "caption" or tag == "legend":
            yield from self._anchors(element, deep=True)
            run = Run(self.trimmed)
            run.text(element.text)
            for child in element:
                if is_block(child):  # a list inside a paragraph, as some pages have it
                    yield from self._flush(run)
                    run = Run(self.trimmed)
                    yield from self._block(child)
                else:
                    run.element(child)
                run.text(child.tail)
            yield from self._flush(run)
            return
        yield from self._anchors(element)
        if tag in ("ul", "ol"):
            items = list(self._items(element, 0))
            if items:
                yield BulletList(tag == "ol", tuple(items))
        elif tag == "pre":
            text = sanitize(element.xpath("string()")).strip("\n")
            if text.strip():
                yield Preformatted(text.rstrip(), _language(element))
        elif tag == "table":
            table = _table(element, self.trimmed)
            if table is not None:
                yield table
        elif tag == "blockquote":
            parts: list[QuotedBlock] = []
            for event in self._container(element):
                if isinstance(event, Quote):
                    parts.extend(event.parts)
                elif isinstance(event, Heading):
                    parts.append(Paragraph(event.text, (Span(0, len(event.text), "strong"),)))
                elif not isinstance(event, Anchor):
                    parts.append(event)
            if parts:
                yield Quote.of(parts)
        elif tag == "hr":
            return
        elif tag == "img":
            alt = sanitize(attribute(element, "alt")).strip()
            if alt:
                yield Paragraph(" ".join(alt.split()))
        else:
            yield from self._container(element)

    def _container(self, element) -> Iterator[Event]:
        """A container's children: blocks as they come, loose words between them as paragraphs."""
        run = Run(self.trimmed)
        run.text(element.text)
        for child in element:
            if is_block(child):
                yield from self._flush(run)
                run = Run(self.trimmed)
                yield from self._block(child)
            else:
                yield from self._anchors(child, deep=True)
                run.element(child)
            run.text(child.tail)
        yield from self._flush(run)

    @staticmethod
    def _flush(run: Run) -> Iterator[Block]:
        block = run.block()
        if block is not None:
            yield block

    def _heading(self, element) -> Heading | None:
        if tag_of(element) == "hgroup":
            # <hgroup><h3>I</h3><p>The Period</p></hgroup> is one heading, "I: The Period", as a
            # contents list writes it.
            levels = [HEADINGS[tag_of(e)] for e in element.iterdescendants() if tag_of(e) in HEADINGS]
            parts = [text for child in element if (text := inline_text(child, self.trimmed)[0])]
            text = ""
            for part in parts:
                text = f"{text}: {part}" if text and text[-1].isalnum() else f"{text} {part}".strip()
            return Heading(min(levels, default=2), text) if text else None
        text = inline_text(element, self.trimmed)[0]
        return Heading(HEADINGS[tag_of(element)], text) if text else None

    def _items(self, element, depth: int) -> Iterator[Item]:
        """The items of a list, nested lists as deeper items after their parent."""
        for child in element:
            if tag_of(child) != "li":
                if tag_of(child) in ("ul", "ol"):  # a list straight inside a list, as some pages write it
                    yield from self._items(child, depth + 1)
                continue
            run = Run(self.trimmed)
            nested: list[Item] = []
            run.text(child.text)
            for inner in child:
                tag = tag_of(inner)
                if tag in ("ul", "ol"):
                    nested.extend(self._items(inner, depth + 1))
                elif is_block(inner):
                    for event in self._block(inner):
                        if isinstance(event, BulletList):
                            nested.extend(Item(i.label, i.text, i.depth + depth + 1, i.spans) for i in event.items)
                        elif not isinstance(event, Anchor):
                            words = event.text if isinstance(event, Heading) else _block_words(event)
                            run.text(" ")
                            start = run.length + (1 if run.length else 0)
                            run.text(words)
                            if isinstance(event, Paragraph):
                                run.spans.extend(
                                    Span(s.start + start, s.end + start, s.style, s.target) for s in event.spans
                                )
                else:
                    run.element(inner)
                run.text(inner.tail)
            text, spans = run.take()
            if text or nested:
                yield Item(None, text, depth, spans)
            yield from nested


def _block_words(block: Block) -> str:
    if isinstance(block, Verse | Preformatted | Table | Quote):
        return " ".join(block.text.split())
    if isinstance(block, BulletList):
        return " ".join(item.display for item in block.items)
    return block.text


def _language(element) -> str | None:
    """`language-python` on a <pre> or its <code>: the language a code block names."""
    for candidate in (element, *element.iterchildren()):
        for name in attribute(candidate, "class").split():
            if name.startswith(("language-", "lang-")):
                return name.partition("-")[2] or None
    return None


def _table(element, trimmed: bool) -> Table | None:
    rows: list[tuple[str, ...]] = []
    header: tuple[str, ...] | None = None
    for row in element.iter():
        if tag_of(row) != "tr":
            continue
        cells = [cell for cell in row if tag_of(cell) in ("td", "th")]
        texts = tuple(inline_text(cell, trimmed)[0] for cell in cells)
        if not any(texts):
            continue
        heads = all(tag_of(cell) == "th" for cell in cells) or tag_of(row.getparent()) == "thead"
        if header is None and not rows and heads:
            header = texts
        else:
            rows.append(texts)
    if header is None:
        if not rows:
            return None
        header, rows = rows[0], rows[1:]  # a table without a header row shows its first row as one
    width = max(len(row) for row in (header, *rows))
    pad = lambda row: row + ("",) * (width - len(row))  # noqa: E731
    return Table(pad(header), tuple(pad(row) for row in rows))


def sections_by_headings(events: Iterable[Event]) -> list[Section]:
    """Sections for a web page: each heading opens one at its own level; text before any heading
    is a section without a heading."""
    sections = [Section(None, 2)]
    for event in events:
        if isinstance(event, Heading):
            sections.append(Section(event.text, event.level))
        elif not isinstance(event, Anchor):
            sections[-1].blocks.append(event)
    if not sections[0].blocks:
        del sections[0]
    return sections


def links_of(sections: Iterable[Section]) -> list[tuple[str, str]]:
    """(text, target) of every link in the sections' paragraphs, items and quotes, in order."""
    found: list[tuple[str, str]] = []

    def visit(text: str, spans: tuple[Span, ...]) -> None:
        found.extend((text[s.start : s.end], s.target) for s in spans if s.style == "link" and s.target)

    def block(b: Block) -> None:
        if isinstance(b, Paragraph):
            visit(b.text, b.spans)
        elif isinstance(b, BulletList):
            for item in b.items:
                visit(item.text, item.spans)
        elif isinstance(b, Quote):
            for part in b.parts:
                block(part)

    for section in sections:
        for b in section.blocks:
            block(b)
    return found
