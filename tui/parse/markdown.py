"""Markdown articles: markdown-it-py tokens reduced to the article model's blocks.

The title comes, in this order, from the front matter's `title:`; from one `#` heading before every
other heading; when there is no `#` heading at all, from a heading that opens the document; else
from the file name (the caller's). Several `#` headings are sections. Section levels are the number
of `#`. READMEs write headings in HTML too: `<h1>` counts as `#`, and a centred logo that opens the
document (an image alone, its alt text "FastAPI") as a heading that opens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

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
    block_text,
)
from tui.parse.front_matter import FrontMatter, split_front_matter
from tui.parse.html_text import HtmlParagraph, html_blocks, open_heading
from tui.parse.items import is_label, split_label
from tui.parse.long_tables import cut_long_tables, read_rows
from tui.parse.markdown_blocks import use_fast_rules
from tui.parse.markdown_inline import Inline, InlineReducer, has_inline_syntax, join_lines, too_costly
from tui.parse.markdown_rules import add_rules

# `**Label:**` then white space (or the end), or `**Label**:` after a letter: exactly where CommonMark
# sees strong emphasis, for a label with no inline syntax in it.
_PLAIN = r"[^\s*\\`\[\]<&_~!]"
_SIMPLE_BOLD_LEAD = re.compile(rf"\*\*({_PLAIN}(?:[^*\n\\`\[\]<&_~!]*{_PLAIN})?)\*\*((?:\s.*)?|(?<=\w\*\*):.*)", re.S)
BYLINE_AUTHOR = frozenset({"author", "authors", "author(s)", "by"})
BYLINE_DATE = frozenset({"date", "last updated", "updated", "published"})
MAX_INDENT = 256
"""Leading white space past this is cut to it: markdown-it reads indentation a character at a time
in Python (a 5,000-level list is 24 MB of spaces), and no structure lies that deep: lists are
flattened at 10 levels, and a code block is still one at 256 spaces (its lines keep 256)."""
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1},}}", re.M)
MAX_QUOTE_DEPTH = 4
"""Quote markers past this many on a line are dropped: markdown-it reads a line once for each quote
around it, and the model flattens nested quotes anyway. Deeper text stays, in the fourth level."""
# The markers that open a line, from the first to the last, when more than MAX_QUOTE_DEPTH (character
# classes and a bounded group: re keeps no backtracking stack however long the run).
_DEEPER_MARKERS = re.compile(rf"^[ ]{{0,3}}>(?:[ \t]*>){{{MAX_QUOTE_DEPTH - 1}}}[> \t]*>", re.M)
_DEEP_QUOTE = re.compile(rf"^[ ]{{0,3}}(?:>[ ]?){{{MAX_QUOTE_DEPTH + 1}}}", re.M)
# _DEEP_INDENT and _DEEP_QUOTE, to find whether any line starts so: Python's regex engine tries `^` at every
# character of the text (0.17 s for 10 MB), but finds a pattern's leading "\n" at C speed (0.02 s).
_DEEP_INDENT_AFTER = re.compile(rf"\n[ \t]{{{MAX_INDENT + 1}}}")
_DEEP_QUOTE_AFTER = re.compile(rf"\n[ ]{{0,3}}(?:>[ ]?){{{MAX_QUOTE_DEPTH + 1}}}")
_MARKS_ONLY = frozenset({"paragraph_open", "paragraph_close", "list_item_close", "hr"})
"""Tokens that add nothing to the model (a paragraph is its inline token; a rule shows nothing): two
of every three tokens of most documents, skipped before the walk asks what each is."""
LEAD_LEVEL = 2
"""The level of the untitled section before the first heading (it has no heading to count)."""
FRONT_MATTER_HEADING = "Front matter"


@dataclass
class MarkdownDocument:
    """What the Markdown parser finds; the caller adds extraction and provenance."""

    title: str | None
    subtitle: str | None
    sections: list[Section] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    author: str | None = None
    date: str | None = None


def _markdown_it() -> MarkdownIt:
    # Inline parsing is the slow part of markdown-it; it is done per inline token, and only where
    # the text has inline syntax at all (see _Reducer.inline).
    # Normalising is done already (line endings in decode, NULs in sanitize).
    # text_join only joins inline children, which this instance never makes.
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "normalize", "text_join"])
    # Notes stay where they are written (not moved to the end): the reducer places each at the end
    # of the section that refers to it.
    md.use(footnote_plugin, inline=False, move_to_end=False)
    return use_fast_rules(add_rules(md))


_MD = _markdown_it()
# Inline parsing keeps markdown-it's own nesting limit (the block parser's is raised by add_rules).
# Inline notes (`text^[the note]`) are read here, where inline text is parsed.
_INLINE = MarkdownIt("commonmark").enable("strikethrough").use(footnote_plugin, inline=True, move_to_end=False)


def parse_markdown(text: str) -> MarkdownDocument:
    """Parse sanitised Markdown text; the title is None when no rule above finds one."""
    return parse_handed([text])


def parse_handed(handed: list[str]) -> MarkdownDocument:
    """`parse_markdown` of the one text in `handed`, taken out of the list: when nothing else holds
    it, the text is freed once it is read into tokens, which hold copies of what they need, before
    the blocks are made from them (`tui.parse._parse_handed`; 10 MB of Markdown: 7 MB less at the
    parse process's peak)."""
    matter, body = split_front_matter(handed.pop())
    env: dict = {}
    if _DEEP_INDENT.match(body) or _DEEP_INDENT_AFTER.search(body):
        body = _DEEP_INDENT.sub(" " * MAX_INDENT, body)
    if _DEEP_QUOTE.match(body) or _DEEP_QUOTE_AFTER.search(body):
        body = _DEEPER_MARKERS.sub(">" * MAX_QUOTE_DEPTH, body)  # what follows the last marker stays
    short, cuts = cut_long_tables(body)
    tokens = _MD.parse(short, env)
    if cuts and not _put_back(tokens, cuts):
        env = {}
        tokens = _MD.parse(body, env)  # a cut was not a whole table's rows: parse the text as it is
    del body, short
    _headings_around_markdown(tokens)
    reducer = _Reducer(env)
    document = reducer.walk(tokens, matter)
    for label, reference in env.get("references", {}).items():
        document.links.append((label, reference.get("href", "")))
    return document


def _headings_around_markdown(tokens: list[Token]) -> None:
    """Make a paragraph a heading where HTML wraps it in one: `<h1 align="center">`, a blank line,
    Markdown (often a logo, `![urllib3](banner.svg)`), a blank line, `</h1>`. CommonMark reads three
    blocks there, but what a reader sees (on GitHub, on PyPI) is a heading."""
    for index in range(len(tokens) - 4):
        token = tokens[index]
        if token.type != "html_block" or token.level != 0 or "<h" not in token.content.lower():
            continue
        opened, closing = tokens[index + 1], tokens[index + 4]
        if opened.type != "paragraph_open" or opened.level != 0 or closing.type != "html_block":
            continue
        level = open_heading(token.content)
        if level is not None and closing.content.lstrip().lower().startswith(f"</h{level}"):
            tag = f"h{level}"
            opened.type, opened.tag, opened.markup = "heading_open", tag, "#" * level
            shut = tokens[index + 3]
            shut.type, shut.tag, shut.markup = "heading_close", tag, "#" * level


def _put_back(tokens: list[Token], cuts: dict[int, str]) -> bool:
    """Give each table the rows cut from its end (see long_tables); False if a cut fits no table."""
    tables = {
        token.map[1]: token
        for token in tokens
        if token.type == "brief_table" and token.level == 0 and token.map and token.map[1] in cuts
    }
    if set(tables) != set(cuts):
        return False
    for line, token in tables.items():
        meta = token.meta
        if not read_rows(cuts[line], len(meta["header"]), meta["rows"], meta["marked"]):
            return False
    return True


@dataclass
class _OpenItem:
    depth: int
    parts: list[Inline] = field(default_factory=list)
    label: str | None = None


@dataclass
class _List:
    """An open list; a nested list adds its items to its outermost list, one depth further in."""

    ordered: bool
    items: list[_OpenItem]
    depth: int


@dataclass
class _Blocks:
    """An open quote or footnote: the blocks it holds."""

    kind: str
    blocks: list[Block] = field(default_factory=list)
    label: str | None = None


class _Reducer:
    """Walks the block tokens once, building sections; one instance per document."""

    def __init__(self, env: dict) -> None:
        self.env = env
        self.links: list[tuple[str, str]] = []
        self.inline_reducer = InlineReducer(self.links, self._footnote_referenced)
        self.sections: list[Section] = []
        self.blocks: list[Block] = []
        self.open: list[_List | _Blocks] = []
        self.notes: dict[str, list[Block]] = {}  # footnote label -> its blocks
        self.noted: dict[int, int] = {}  # footnote id -> the section it is first referenced in
        self.inline_notes: dict[int, Inline] = {}  # an inline note's id -> its text
        self.unreferenced: list[tuple[int, str]] = []

    # --- the walk --------------------------------------------------------------------------------

    def walk(self, tokens: list[Token], matter: FrontMatter | None) -> MarkdownDocument:
        title_at = _title_heading(tokens)
        if matter is not None and matter.title and not _repeats(tokens, title_at, matter.title):
            title_at = None  # the front matter names the title; the heading is a section
        title = matter.title if matter is not None else None
        subtitle = matter.dek if matter is not None else None
        author = matter.author if matter is not None else None
        date = matter.date if matter is not None else None
        self.sections = [Section(None, LEAD_LEVEL)]
        if matter is not None and matter.fields:
            items = tuple(Item(key, value) for key, value in matter.fields)
            self.sections.insert(0, Section(FRONT_MATTER_HEADING, 1, [BulletList(False, items)], "front-matter"))
        self.blocks = self.sections[-1].blocks

        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind in _MARKS_ONLY:
                index += 1
                continue
            if kind == "heading_open":
                inline = self.inline(tokens[index + 1])
                index += 3
                if (index - 3, None) == title_at:
                    title = _heading_text(inline.text)
                    dek, index = self._dek(tokens, index)
                    subtitle = subtitle or dek
                    byline_author, byline_date = _byline(tokens, index)
                    author, date = author or byline_author, date or byline_date
                elif not self.open:
                    heading = _heading_text(inline.text)
                    spans = _within(inline.spans, len(heading))
                    self.sections.append(Section(heading, int(token.tag[1]), heading_spans=spans))
                    self.blocks = self.sections[-1].blocks
                else:
                    # A heading inside a quote, list or note is a bold line of it.
                    spans = (Span(0, len(inline.text), "strong"), *inline.spans) if inline.text else ()
                    self._add_inline(Inline(inline.text, spans))
                continue
            if kind == "html_block" and not self.open:
                index, found, dek = self._html_block(tokens, index, title_at)
                title, subtitle = found or title, subtitle or dek
                continue
            self._block_token(token)
            index += 1
        self._place_notes()
        self.sections = [s for s in self.sections if s.heading is not None or s.blocks]
        return MarkdownDocument(
            title,
            subtitle,
            self.sections,
            self.links,
            author=author,
            date=date,
        )

    def _html_block(
        self, tokens: list[Token], index: int, title_at: tuple[int, int | None] | None
    ) -> tuple[int, str | None, str | None]:
        """An HTML block outside any list or quote: its paragraphs, its heading elements as
        sections (`<h2>` is level 2), or the title and dek a README shows in HTML. Returns the
        index to go on from, and the title and dek when they are here."""
        title = dek = None
        paragraphs = _html(tokens[index])
        skip = None
        for place, paragraph in enumerate(paragraphs):
            if place == skip:
                continue
            if (index, place) == title_at:
                title = paragraph.text
                if place + 1 < len(paragraphs):
                    if paragraphs[place + 1].italic:  # a tagline under a logo or an <h1>
                        dek, skip = paragraphs[place + 1].text, place + 1
                else:
                    dek, after = self._dek(tokens, index + 1)
                    if dek is not None:
                        return after, title, dek
            elif paragraph.level is not None:
                self.sections.append(Section(paragraph.text, paragraph.level))
                self.blocks = self.sections[-1].blocks
            else:
                self._add_inline(Inline(paragraph.text))
        return index + 1, title, dek

    def _block_token(self, token: Token) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            outer = self.open[-1] if self.open and isinstance(self.open[-1], _List) else None
            if outer is not None:
                self.open.append(_List(outer.ordered, outer.items, outer.depth + 1))
            else:
                self.open.append(_List(kind == "ordered_list_open", [], 0))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            closed = self.open.pop()
            assert isinstance(closed, _List)
            if closed.depth == 0:
                self._add(BulletList(closed.ordered, _items(closed.items)))
        elif kind == "list_item_open":
            top = self.open[-1]
            if isinstance(top, _List):
                top.items.append(_OpenItem(top.depth))
        elif kind == "blockquote_open":
            self.open.append(_Blocks("quote"))
        elif kind == "footnote_reference_open":
            self.open.append(_Blocks("note", label=token.meta["label"]))
        elif kind in ("blockquote_close", "footnote_reference_close"):
            closed = self.open.pop()
            assert isinstance(closed, _Blocks)
            if closed.kind == "quote":
                parent = self.open[-1] if self.open else None
                if isinstance(parent, _Blocks) and parent.kind == "quote":
                    parent.blocks.extend(closed.blocks)  # flattened once, when the outermost quote closes
                elif closed.blocks:
                    self._add(Quote.of(_quoted(closed.blocks)))
            else:
                self._note_defined(str(closed.label), closed.blocks)
        elif kind == "inline":
            top = self.open[-1] if self.open else None
            if isinstance(top, _List) and top.items and not top.items[-1].parts:
                lead = _simple_lead(token.content)
                if lead is not None:  # `**Label:** plain text`, the common item, without the inline parser
                    top.items[-1].label = lead[0]
                    top.items[-1].parts.append(lead[1])
                    return
            self._add_inline(self.inline(token))
        elif kind == "brief_table":
            self._add(self._table(token))
        elif kind in ("fence", "code_block"):
            language = token.info.split(maxsplit=1)[0] if kind == "fence" and token.info.strip() else None
            self._add(Preformatted(token.content.rstrip("\n"), language))
        elif kind == "html_block":  # inside a list, quote or note: its text, headings included
            for paragraph in _html(token):
                self._add_inline(Inline(paragraph.text))

    def _add_inline(self, inline: Inline) -> None:
        """A paragraph's text: an item's text inside a list, else a paragraph where the walk is."""
        top = self.open[-1] if self.open else None
        if isinstance(top, _List):
            if not top.items:
                top.items.append(_OpenItem(top.depth))
            item = top.items[-1]
            if not item.parts:
                item.label, inline = _lead(inline)
            item.parts.append(inline)
        elif inline.text:
            self._add(Paragraph(inline.text, inline.spans))

    def _add(self, block: Block) -> None:
        """Place a finished block where the walk is: in a quote or note, a list item, or the section."""
        top = self.open[-1] if self.open else None
        if isinstance(top, _Blocks):
            top.blocks.append(block)
        elif isinstance(top, _List) and not isinstance(block, BulletList):
            # An item is one line of text: a code block, table or quote inside it joins it with spaces.
            if not top.items:
                top.items.append(_OpenItem(top.depth))
            top.items[-1].parts.append(Inline(join_lines(block_text(block))))
        else:
            self.blocks.append(block)

    def _dek(self, tokens: list[Token], index: int) -> tuple[str | None, int]:
        """An all-italic paragraph right under the title is its dek."""
        if index + 2 < len(tokens) and tokens[index].type == "paragraph_open" and tokens[index].level == 0:
            inline = self.inline(tokens[index + 1])
            spans = inline.spans
            if (
                inline.text
                and len(spans) >= 1
                and spans[0].style == "emphasis"
                and (spans[0].start, spans[0].end) == (0, len(inline.text))
            ):
                return inline.text, index + 3
            # Not a dek: the paragraph stays, with its inline text already reduced.
            tokens[index + 1].meta = {**(tokens[index + 1].meta or {}), "brief_inline": inline}
        return None, index

    # --- inline text ------------------------------------------------------------------------------

    def inline(self, token: Token) -> Inline:
        """The text and spans of an inline token."""
        reduced = (token.meta or {}).get("brief_inline")
        if reduced is not None:
            return reduced
        return self.reduce(token.content)

    def reduce(self, content: str) -> Inline:
        """Inline Markdown source to text and spans; text markdown-it would choke on stays as written."""
        if not has_inline_syntax(content) or too_costly(content):
            return Inline(join_lines(content))
        return self.inline_reducer.reduce(_INLINE.inline.parse(content, _INLINE, self.env, []))

    def _table(self, token: Token) -> Table:
        meta = token.meta

        def cells(raw: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(self.reduce(cell).text if cell else "" for cell in raw)

        rows = meta["rows"]
        for index in meta["marked"]:
            rows[index] = cells(rows[index])
        return Table(cells(meta["header"]), tuple(rows), meta["align"])

    # --- footnotes --------------------------------------------------------------------------------

    def _footnote_referenced(self, footnote: int) -> None:
        self.noted.setdefault(footnote, len(self.sections) - 1)
        entry = self.env.get("footnotes", {}).get("list", {}).get(footnote, {})
        if "label" not in entry and "tokens" in entry and footnote not in self.inline_notes:
            # An inline note: its text is read where it is written (its links listed there), and
            # placed with the other notes of the section.
            self.inline_notes[footnote] = Inline("")  # a note that refers to itself is read once
            self.inline_notes[footnote] = self.inline_reducer.reduce(entry["tokens"])

    def _note_defined(self, label: str, blocks: list[Block]) -> None:
        self.notes[label] = blocks
        self.unreferenced.append((len(self.sections) - 1, label))

    def _place_notes(self) -> None:
        """Each note at the end of the section that first refers to it, in the order of reference;
        a note nothing refers to stays at the end of the section it was written in."""
        footnotes = self.env.get("footnotes", {}).get("list", {})
        placed: set[str] = set()
        for footnote, section in sorted(self.noted.items()):
            entry = footnotes.get(footnote, {})
            label = entry.get("label")
            note = self.inline_notes.get(footnote)
            if note is not None:
                self.sections[section].blocks.extend(_marked(f"[{footnote + 1}]", [Paragraph(note.text, note.spans)]))
            elif label is not None and label in self.notes:
                placed.add(label)
                self.sections[section].blocks.extend(_marked(f"[{footnote + 1}]", self.notes[label]))
        for section, label in self.unreferenced:
            if label not in placed:
                self.sections[section].blocks.extend(_marked(f"[{label}]", self.notes[label]))


def _byline(tokens: list[Token], index: int) -> tuple[str | None, str | None]:
    """`Author(s): …` and `Last updated: …` lines right under the title, as design documents have.

    They give the article's author and date; the lines stay in the text, where the author put them.
    """
    author = date = None
    while index + 2 < len(tokens) and tokens[index].type == "paragraph_open" and tokens[index].level == 0:
        name, _colon, value = tokens[index + 1].content.partition(":")
        key = name.strip().casefold()
        if "\n" in value.strip() or not value.strip():
            break
        if key in BYLINE_AUTHOR and author is None:
            author = value.strip()
        elif key in BYLINE_DATE and date is None:
            date = value.strip()
        else:
            break
        index += 3
    return author, date


def _marked(marker: str, blocks: list[Block]) -> list[Block]:
    """A note's blocks with its marker leading the first paragraph."""
    if blocks and isinstance(blocks[0], Paragraph):
        first = blocks[0]
        shift = len(marker) + 1
        spans = tuple(Span(s.start + shift, s.end + shift, s.style, s.target) for s in first.spans)
        return [Paragraph(f"{marker} {first.text}", spans), *blocks[1:]]
    return [Paragraph(marker), *blocks]


def _quoted(blocks: list[Block]) -> list[QuotedBlock]:
    """A quote's blocks, a quote nested in it flattened into it (the model's quotes hold no quotes)."""
    flat: list[QuotedBlock] = []
    for block in blocks:
        if isinstance(block, Quote):
            flat.extend(block.parts)
        else:
            flat.append(block)
    return flat


def _title_heading(tokens: list[Token]) -> tuple[int, int | None] | None:
    """Where the title is, by the rules in the module's docstring: a heading token's index and
    None, or an HTML block's index and the place of the paragraph in it; None when no rule finds one.

    A heading element in an HTML block (`<h1 align="center">Name</h1>`) counts as a heading of its
    level, and a README's centred logo (an image alone, its alt text its only text) as a heading
    that can open the document: that is what their readers see.
    """
    headings: list[tuple[int, int | None, int]] = []
    first: tuple[int, int | None] | None = None
    first_is_heading = False
    for index, token in enumerate(tokens):
        if token.level != 0:
            continue
        if token.type == "heading_open":
            headings.append((index, None, int(token.tag[1])))
            if first is None:
                first, first_is_heading = (index, None), True
        elif token.type == "html_block":
            for place, paragraph in enumerate(_html(token)):
                if paragraph.level is not None:
                    headings.append((index, place, paragraph.level))
                if first is None:  # a block with no text (a comment) is not the first content
                    first, first_is_heading = (index, place), paragraph.level is not None or paragraph.logo
        elif first is None and token.nesting >= 0:
            first = (index, None)
    ones = [heading[:2] for heading in headings if heading[2] == 1]
    if ones:
        return ones[0] if len(ones) == 1 and ones[0] == headings[0][:2] else None
    return first if first_is_heading else None


def _repeats(tokens: list[Token], title_at: tuple[int, int | None] | None, title: str) -> bool:
    """Whether the heading the title rules found says the front matter's title again (a static
    site's page that opens with `# Its Title`): then it is that title as shown, not a section."""
    if title_at is None or title_at[1] is not None:
        return False
    shown = _heading_text(tokens[title_at[0] + 1].content)
    return " ".join(shown.casefold().split()) == " ".join(title.casefold().split())


def _html(token: Token) -> list[HtmlParagraph]:
    """An HTML block's paragraphs, read once (the title rule reads them before the walk)."""
    meta = token.meta if token.meta is not None else {}
    paragraphs = meta.get("brief_html")
    if paragraphs is None:
        paragraphs = meta["brief_html"] = html_blocks(token.content)
        token.meta = meta
    return paragraphs


def _within(spans: tuple[Span, ...], size: int) -> tuple[Span, ...]:
    """The spans that lie in the first `size` characters (a heading without its `{#anchor}`)."""
    return tuple(
        span if span.end <= size else Span(span.start, size, span.style, span.target)
        for span in spans
        if span.start < size
    )


def _heading_text(text: str) -> str:
    """A heading without a trailing `{#anchor}` (Pandoc, kramdown and mdBook heading ids)."""
    if text.endswith("}"):
        start = text.rfind("{#")
        if start >= 0 and " " not in text[start:] and (start == 0 or text[start - 1] == " "):
            return text[:start].rstrip() or text
    return text


def _simple_lead(content: str) -> tuple[str, Inline] | None:
    """`**Label:** text` (or `**Label**: text`) with no other inline syntax: its label and text."""
    simple = _SIMPLE_BOLD_LEAD.fullmatch(content)
    if simple is None or has_inline_syntax(simple.group(2)):
        return None
    label, rest = simple.group(1), join_lines(simple.group(2))
    if label.endswith(":") and is_label(label[:-1].rstrip()):
        return label[:-1].rstrip(), Inline(rest)
    if rest.startswith(":") and is_label(label):
        return label, Inline(rest[1:].strip())
    return None


def _lead(inline: Inline) -> tuple[str | None, Inline]:
    """Split a list item's `**Label:**` (or `**Label**:`, or plain `Label:`) lead from its text."""
    text, spans = inline.text, inline.spans
    if spans and spans[0].style == "strong" and spans[0].start == 0:
        bold, rest = text[: spans[0].end].strip(), text[spans[0].end :]
        if bold.endswith(":") and is_label(bold[:-1].rstrip()):
            return bold[:-1].rstrip(), _after(inline, spans[0].end)
        if rest.startswith(":") and is_label(bold):
            return bold, _after(inline, spans[0].end + 1)
    item = split_label(text)
    if item.label is None:
        return None, inline
    return item.label, _after(inline, len(text) - len(item.text))


def _after(inline: Inline, cut: int) -> Inline:
    """The text after `cut`, stripped, with the spans that lie after it moved to match."""
    rest = inline.text[cut:]
    stripped = rest.lstrip()
    shift = cut + len(rest) - len(stripped)
    stripped = stripped.rstrip()
    spans = tuple(
        Span(s.start - shift, min(s.end - shift, len(stripped)), s.style, s.target)
        for s in inline.spans
        if s.start >= shift and s.start - shift < len(stripped)
    )
    return Inline(stripped, spans)


def _items(open_items: list[_OpenItem]) -> tuple[Item, ...]:
    items = []
    for item in open_items:
        text_parts: list[str] = []
        spans: list[Span] = []
        size = 0
        for part in item.parts:
            if not part.text:
                continue
            if text_parts:
                size += 1
            spans.extend(Span(s.start + size, s.end + size, s.style, s.target) for s in part.spans)
            text_parts.append(part.text)
            size += len(part.text)
        items.append(Item(item.label, " ".join(text_parts), item.depth, tuple(spans)))
    return tuple(items)
