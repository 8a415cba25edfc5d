"""Markdown articles: markdown-it-py tokens reduced to the article model's blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.model.article import Block, BulletList, Item, Paragraph, Preformatted, Quote, Section
from tui.parse.items import is_label, split_label

_INLINE_CHARS = re.compile(r"[\\`*_\[\]!<&~]")
# `**Label:**` then white space (or the end), or `**Label**:` after a letter: exactly where CommonMark
# sees strong emphasis, for a label with no inline syntax in it.
_PLAIN = r"[^\s*\\`\[\]<&_~!]"
_SIMPLE_BOLD_LEAD = re.compile(rf"\*\*({_PLAIN}(?:[^*\n\\`\[\]<&_~!]*{_PLAIN})?)\*\*((?:\s.*)?|(?<=\w\*\*):.*)", re.S)


@dataclass
class MarkdownDocument:
    """What the Markdown parser finds; the caller adds extraction and provenance."""

    title: str | None
    subtitle: str | None
    sections: list[Section] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


def _markdown_it() -> MarkdownIt:
    # Inline parsing is the slow part of markdown-it; it is done per inline token, and only where
    # the text has inline syntax at all (see _Reducer.inline).
    # Normalising is done already (line endings in decode, NULs in sanitize).
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "normalize"])


_MD = _markdown_it()


def parse_markdown(text: str) -> MarkdownDocument:
    """Parse sanitised Markdown text; the title is None when there is not exactly one `#` heading."""
    env: dict = {}
    tokens = _MD.parse(text, env)
    reducer = _Reducer(env, text.split("\n"))
    document = reducer.walk(tokens)
    for label, reference in env.get("references", {}).items():
        document.links.append((label, reference.get("href", "")))
    return document


@dataclass
class _OpenItem:
    depth: int
    parts: list[str] = field(default_factory=list)
    label: str | None = None


class _Reducer:
    """Walks the block tokens once, building sections; one instance per document."""

    def __init__(self, env: dict, source_lines: list[str]) -> None:
        self.env = env
        self.source_lines = source_lines
        self.links: list[tuple[str, str]] = []
        self.blocks: list[Block] = []
        self.list_items: list[_OpenItem] | None = None
        self.list_ordered = False
        self.list_depth = -1
        self.quote_depth = 0
        self.quote_parts: list[str] = []

    def walk(self, tokens: list[Token]) -> MarkdownDocument:
        headings = [t for t in tokens if t.type == "heading_open"]
        h1_count = sum(1 for t in headings if t.tag == "h1")
        title_token = next((t for t in headings if t.tag == "h1"), None) if h1_count == 1 else None
        section_levels = sorted({int(t.tag[1]) for t in headings if t is not title_token})
        top = section_levels[0] if section_levels else 2

        title: str | None = None
        subtitle: str | None = None
        sections = [Section(None, 2)]
        self.blocks = sections[0].blocks
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open" and self.quote_depth == 0 and self.list_items is None:
                text = self.inline(tokens[index + 1])
                index += 3
                if token is title_token:
                    title = text
                    subtitle, index = self._dek(tokens, index)
                    continue
                sections.append(Section(text, 2 if int(token.tag[1]) == top else 3))
                self.blocks = sections[-1].blocks
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.list_depth += 1
                if self.list_items is None:
                    self.list_items = []
                    self.list_ordered = kind == "ordered_list_open"
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_depth -= 1
                if self.list_depth < 0 and self.list_items is not None:
                    items = _items(self.list_items)
                    self.list_items = None
                    self._add(BulletList(self.list_ordered, items))
            elif kind == "list_item_open" and self.list_items is not None:
                self.list_items.append(_OpenItem(self.list_depth))
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth -= 1
                if self.quote_depth == 0 and self.quote_parts:
                    quote = Quote("\n".join(self.quote_parts))
                    self.quote_parts = []
                    self._add(quote)
            elif kind == "table_open":
                start, end = token.map or (0, 0)
                self._add(Preformatted(_verbatim(self.source_lines[start:end])))
                index = _find_close(tokens, index, "table_close") + 1
                continue
            elif kind in ("fence", "code_block", "html_block"):
                self._add(Preformatted(token.content.rstrip("\n")))
            elif kind == "inline":
                self._add_inline(token)
            index += 1
        if not sections[0].blocks:
            del sections[0]
        return MarkdownDocument(title, subtitle, sections, self.links)

    def _add_inline(self, token: Token) -> None:
        if self.list_items is not None and self.quote_depth == 0:
            item = self.list_items[-1]
            if not item.parts:
                item.label, text = self._lead(token)
                item.parts.append(text)
            else:
                item.parts.append(self.inline(token))
        elif self.quote_depth:
            self.quote_parts.append(self.inline(token))
        else:
            self.blocks.append(Paragraph(self.inline(token)))

    def _add(self, block: Block) -> None:
        """Place a finished block where the walk is: in a quote, in a list item, or in the section."""
        if self.quote_depth:
            if isinstance(block, BulletList):
                # A list inside a quote gave its text to the quote already, line by line.
                self.quote_parts.extend(shown for item in block.items if (shown := item.display))
            else:
                self.quote_parts.append(block.text)
        elif self.list_items and not isinstance(block, BulletList):
            # An item is one line of text: a code block or table inside it joins it with spaces.
            self.list_items[-1].parts.append(_join_lines(block.text))
        else:
            self.blocks.append(block)

    def _dek(self, tokens: list[Token], index: int) -> tuple[str | None, int]:
        """An all-italic paragraph right under the title is its dek."""
        if index + 2 < len(tokens) and tokens[index].type == "paragraph_open":
            children = self._children(tokens[index + 1])
            if (
                len(children) >= 3
                and children[0].type == "em_open"
                and children[-1].type == "em_close"
                and all(child.level > 0 for child in children[1:-1])
            ):
                return self._text(children), index + 3
        return None, index

    def _lead(self, token: Token) -> tuple[str | None, str]:
        """Split a list item's `**Label:**` (or `**Label**:`) lead from its text."""
        simple = _SIMPLE_BOLD_LEAD.fullmatch(token.content)
        if simple is not None and not _has_inline_syntax(simple.group(2)):
            # The common case, `**Label:** plain text`, without running the inline parser.
            label, rest = simple.group(1), _join_lines(simple.group(2))
            if label.endswith(":") and is_label(label[:-1].rstrip()):
                return label[:-1].rstrip(), rest
            if rest.startswith(":") and is_label(label):
                return label, rest[1:].strip()
        # markdown-it may open the children with an empty text token before `strong_open`.
        children = [child for child in self._children(token) if child.type != "text" or child.content]
        if len(children) >= 3 and children[0].type == "strong_open":
            close = next((i for i, c in enumerate(children) if c.type == "strong_close" and c.level == 0), None)
            if close is not None:
                label = self._text(children[1:close]).strip()
                rest = self._text(children[close + 1 :])
                if label.endswith(":") and is_label(label[:-1].rstrip()):
                    return label[:-1].rstrip(), rest.strip()
                if rest.startswith(":") and is_label(label):
                    return label, rest[1:].strip()
        item = split_label(self._text(children))
        return item.label, item.text

    def inline(self, token: Token) -> str:
        """The text of an inline token with emphasis and links reduced to their words."""
        content = token.content
        if not _has_inline_syntax(content):
            return _join_lines(content)
        return self._text(self._children(token))

    def _children(self, token: Token) -> list[Token]:
        if not token.children:
            token.children = _MD.inline.parse(token.content, _MD, self.env, [])
        return token.children

    def _text(self, children: list[Token]) -> str:
        parts: list[str] = []
        href: str | None = None
        link_start = 0
        for child in children:
            kind = child.type
            if kind in ("text", "text_special", "code_inline", "html_inline"):
                parts.append(child.content)
            elif kind in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif kind == "image":
                parts.append(self._text(child.children or []) or child.content)
                self.links.append((child.content, str(child.attrs.get("src", ""))))
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                link_start = len(parts)
            elif kind == "link_close" and href is not None:
                self.links.append(("".join(parts[link_start:]), href))
                href = None
        return _join_lines("".join(parts))


def _has_inline_syntax(text: str) -> bool:
    """True when `text` needs the inline parser: one character class (fast to scan), then a hard break."""
    return _INLINE_CHARS.search(text) is not None or "  \n" in text


def _items(open_items: list[_OpenItem]) -> tuple[Item, ...]:
    return tuple(Item(item.label, " ".join(part for part in item.parts if part), item.depth) for item in open_items)


def _find_close(tokens: list[Token], index: int, kind: str) -> int:
    while tokens[index].type != kind:
        index += 1
    return index


def _verbatim(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def _join_lines(text: str) -> str:
    if "\n" not in text:
        return text.strip()
    return " ".join(stripped for line in text.split("\n") if (stripped := line.strip()))
