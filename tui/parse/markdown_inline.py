"""Inline Markdown (markdown-it's inline tokens) reduced to one string and `Span`s over it.

The string is exactly what the reader shows and copies; strong, emphasis, code, strikethrough and
links become spans over it. Links and images also go to the article's list of links. Nothing the
author wrote is dropped: an empty link shows its target. Inline HTML is read as a browser shows it:
`H<sub>2</sub>O` is one word, a comment leaves no space behind, and a comment or an empty element
between two words still keeps them two words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it.token import Token

from tui.model.article import Span, SpanStyle
from tui.parse.html_text import BREAKS, PHRASING, SKIPPED, inline_tag

_BRACKETS = re.compile(r"[\[\]]")
_SPACES = re.compile(r"\s{2,}|^\s+|\s+$")

STYLES: dict[str, SpanStyle] = {"strong_open": "strong", "em_open": "emphasis", "s_open": "strike"}
CLOSES = {"strong_close": "strong_open", "em_close": "em_open", "s_close": "s_open", "link_close": "link_open"}


@dataclass(frozen=True)
class Inline:
    """A run of inline text: the string shown and the spans over it."""

    text: str
    spans: tuple[Span, ...] = ()


def has_inline_syntax(text: str) -> bool:
    """True when `text` needs the inline parser: a character of inline syntax, or a hard break.

    Eleven substring searches: each runs at memory speed, where re tries its character class at
    every character (2.5 times slower on the Markdown of this machine, and prose has none of most).
    """
    return (
        "*" in text
        or "[" in text
        or "`" in text
        or "_" in text
        or "<" in text
        or "&" in text
        or "\\" in text
        or "!" in text
        or "]" in text
        or "~" in text
        or "  \n" in text
    )


def too_costly(text: str) -> bool:
    """True when markdown-it's inline rules would take far longer than the length of `text`.

    Text dense in markup characters (`![![![…`) costs markdown-it some microseconds a character,
    and unmatched brackets make its link rules quadratic. Such text is shown as it was written.
    """
    if text.count("[") < 16:
        return False
    if len(text) >= 4096 and sum(text.count(mark) for mark in "[]!*_`<") * 4 > len(text):
        return True  # long and mostly marks: checked in C, before the loop over brackets below
    return bracket_work(text) > 64 * len(text)


def bracket_work(text: str) -> int:
    """How many characters markdown-it's link and image rules scan in `text`, at worst.

    Every `[` makes them look for its matching `]`, so text like `[[[[…x]]]]` or `![![![…` costs the
    square of its length. The scan here is linear and visits brackets only.
    """
    opened: list[int] = []
    work = 0
    for match in _BRACKETS.finditer(text):
        if match.group() == "[":
            opened.append(match.start())
        elif opened:
            work += match.start() - opened.pop()
    end = len(text)
    return work + sum(end - start for start in opened)


def join_lines(text: str) -> str:
    """Hard-wrapped lines joined with single spaces."""
    if "\n" not in text:
        return text.strip()
    return " ".join(stripped for line in text.split("\n") if (stripped := line.strip()))


class InlineReducer:
    """Turns inline tokens into `Inline`s; `links` collects (text, target) in document order and
    `on_footnote(id)` is called for each footnote reference, which shows as `[n]`."""

    def __init__(self, links: list[tuple[str, str]], on_footnote: Callable[[int], None]) -> None:
        self.links = links
        self.on_footnote = on_footnote

    def reduce(self, children: list[Token]) -> Inline:
        parts: list[str] = []
        size = 0
        spans: list[Span] = []
        opened: list[tuple[str, int, str | None, int]] = []  # (kind, offset, link target, index in parts)
        skipping: str | None = None  # inside an inline <style> or <script>
        apart = False  # a comment or an empty tag was here: the words on either side stay two words

        def add(text: str) -> None:
            nonlocal size, apart
            if not text:
                return
            if apart and parts and parts[-1][-1].isalnum() and text[0].isalnum():
                # Spans opened where the space goes start after it, on the word they style.
                opened[:] = [(k, o + 1 if o == size else o, t, i) for k, o, t, i in opened]
                parts.append(" ")
                size += 1
            apart = False
            parts.append(text)
            size += len(text)

        for child in children:
            kind = child.type
            if skipping is not None:
                if kind == "html_inline":
                    _text, tag, closing = inline_tag(child.content)
                    if closing and tag == skipping:
                        skipping = None
                continue
            if kind in ("text", "text_special"):
                add(child.content)
            elif kind in ("softbreak", "hardbreak"):
                add(" ")
            elif kind == "code_inline":
                start = size
                add(child.content)
                if size > start:
                    spans.append(Span(start, size, "code"))
            elif kind in STYLES:
                opened.append((kind, size, None, len(parts)))
            elif kind == "link_open":
                opened.append((kind, size, str(child.attrs.get("href", "")), len(parts)))
            elif kind in CLOSES:
                match = _pop(opened, CLOSES[kind])
                if match is None:
                    continue
                start, target, index = match
                if kind == "link_close":
                    target = target or ""
                    if size == start:
                        # An empty link shows where it goes, apart from the words around it.
                        add(" ")
                        start, shown = size, target
                        add(target)
                        end = size
                        add(" ")
                    else:
                        shown, end = "".join(parts[index:]).strip(), size
                    self.links.append((shown, target))
                    if target and end > start:
                        spans.append(Span(start, end, "link", target))
                elif size > start:
                    spans.append(Span(start, size, STYLES[CLOSES[kind]]))
            elif kind == "image":
                alt = self.reduce(child.children or []).text if child.children else child.content
                add(alt or " ")
                self.links.append((alt, str(child.attrs.get("src", ""))))
            elif kind == "html_inline":
                text, tag, closing = inline_tag(child.content)
                if tag in SKIPPED and not closing:
                    skipping = tag
                if text:
                    add(text)
                elif tag in BREAKS:
                    add(" ")
                elif tag not in PHRASING:
                    # A comment leaves no trace (`[Chapter 8][ch8]<!-- ignore -->.` reads "Chapter
                    # 8[2]."), yet never glues two words into one.
                    apart = True
            elif kind == "footnote_ref":
                footnote = child.meta["id"]
                add(f"[{footnote + 1}]")
                self.on_footnote(footnote)
            else:
                add(child.content)  # a token kind this reducer does not know: keep its words
        return _squeezed("".join(parts), spans)


def _pop(opened: list[tuple[str, int, str | None, int]], kind: str) -> tuple[int, str | None, int] | None:
    for position in range(len(opened) - 1, -1, -1):
        if opened[position][0] == kind:
            _kind, start, target, index = opened.pop(position)
            return start, target, index
    return None


def _squeezed(text: str, spans: list[Span]) -> Inline:
    """`text` with runs of white space made one space and the ends trimmed, spans moved to match."""
    if "  " not in text and text == text.strip() and "\t" not in text:  # the usual case, without a regex
        return Inline(text, tuple(sorted(spans, key=_span_order)))
    runs: list[tuple[int, int, int, int]] = []  # (start, end, characters removed before it, kept)
    pieces: list[str] = []
    last = 0
    removed = 0
    for match in _SPACES.finditer(text):
        start, end = match.span()
        keep = 0 if start == 0 or end == len(text) else 1
        pieces.append(text[last:start] + " " * keep)
        runs.append((start, end, removed, keep))
        removed += end - start - keep
        last = end
    pieces.append(text[last:])
    squeezed = "".join(pieces)

    def moved(offset: int) -> int:
        shift = 0
        for start, end, before, keep in runs:
            if offset < start:
                break
            if offset < end:
                return start - before + min(offset - start, keep)
            shift = before + end - start - keep
        return offset - shift

    moved_spans = []
    for span in spans:
        start, end = moved(span.start), moved(span.end)
        while start < end and squeezed[start] == " ":
            start += 1
        while end > start and squeezed[end - 1] == " ":
            end -= 1
        if end > start:
            moved_spans.append(Span(start, end, span.style, span.target))
    return Inline(squeezed, tuple(sorted(moved_spans, key=_span_order)))


def _span_order(span: Span) -> tuple[int, int]:
    return span.start, -span.end
