"""Inline XHTML: an element's words as one string, its styles as spans over it.

White space is collapsed as a browser collapses it; `<br>` breaks are kept apart, so that a
paragraph broken line by line can be read as verse. Pure Python over lxml elements.
"""

from __future__ import annotations

from tui.model.article import Paragraph, Span, SpanStyle, Verse
from tui.parse.sanitize import sanitize

INLINE_STYLES: dict[str, SpanStyle] = {
    "strong": "strong",
    "b": "strong",
    "em": "emphasis",
    "i": "emphasis",
    "cite": "emphasis",
    "var": "emphasis",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
    "s": "strike",
    "del": "strike",
    "strike": "strike",
}
SKIPPED = frozenset(
    {"script", "style", "head", "template", "noscript", "iframe", "object", "button", "select", "textarea", "svg"}
)
# Inline elements that never hold blocks in markup worth reading: no need to look inside them.
_VERSE_BREAKS = 2
"""A paragraph with this many line breaks or more is line-structured text (a poem, an address)."""


def tag_of(element) -> str:
    """The element's local name in lower case ('' for comments, entities and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].lower()


def attribute(element, name: str) -> str:
    """An attribute by local name, whatever its namespace (`epub:type` is `type` here)."""
    for key, value in element.attrib.items():
        if key.rpartition("}")[2] == name:
            return value
    return ""


class Run:
    """Inline text being gathered: white space collapsed as a browser does, styles kept as spans."""

    def __init__(self, trimmed: bool = False) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.space = False
        self.trimmed = trimmed
        """The tree lost the white space at inline elements' edges (trafilatura trims it): a word
        that meets another at such an edge is taken to be a word of its own."""
        self.edge = False
        self.spans: list[Span] = []
        self.lines: list[str] = []
        """Text before each line break, for verse."""
        self._line_start = 0

    def text(self, text: str | None) -> None:
        if not text:
            return
        words = sanitize(text).split()
        if not words:
            self.space = self.space or self.length > 0
            return
        joined = self.edge and self.length and self.parts[-1][-1].isalnum() and words[0][0].isalnum()
        if (self.space or text[0].isspace() or joined) and self.length:
            self._put(" ")
        self._put(" ".join(words))
        self.space = text[-1].isspace()
        self.edge = False

    def _put(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def element(self, element) -> None:
        """An inline element with its content, not its tail."""
        tag = tag_of(element)
        if tag in SKIPPED or not tag:
            return
        if tag == "br":
            self.lines.append("".join(self.parts)[self._line_start :].strip())
            self._line_start = self.length
            self.space = True
            return
        if tag == "img":
            self.text(attribute(element, "alt"))
            return
        style = INLINE_STYLES.get(tag)
        target = element.get("href") if tag == "a" else None
        if target is not None:
            style = "link"
        before, first = self.length, len(self.parts)
        self.edge = self.trimmed
        self.text(element.text)
        for child in element:
            self.element(child)
            self.text(child.tail)
        self.edge = self.trimmed
        # The space that separates this element from the words before it is not part of its span.
        start = before + 1 if len(self.parts) > first and self.parts[first] == " " else before
        if style is not None and self.length > start:
            self.spans.append(Span(start, self.length, style, target.strip() if target else None))

    def take(self) -> tuple[str, tuple[Span, ...]]:
        """The text gathered (ends trimmed) and its spans, in order of their start."""
        text = "".join(self.parts)
        stripped = text.lstrip()
        shift = len(text) - len(stripped)
        text = stripped.rstrip()
        spans = tuple(
            sorted(
                (Span(max(0, s.start - shift), min(len(text), s.end - shift), s.style, s.target) for s in self.spans),
                key=lambda s: s.start,
            )
        )
        return text, tuple(s for s in spans if s.end > s.start)

    def block(self) -> Paragraph | Verse | None:
        """The run as a paragraph, or as verse when its lines were broken by hand."""
        if len(self.lines) >= _VERSE_BREAKS:
            last = "".join(self.parts)[self._line_start :].strip()
            lines = tuple(line for line in (*self.lines, last) if line)
            if len(lines) > 1:
                return Verse(lines)
        text, spans = self.take()
        return Paragraph(text, spans) if text else None


def inline_text(element, trimmed: bool = False) -> tuple[str, tuple[Span, ...]]:
    """An element's words as one string and its inline styles, line breaks as spaces."""
    run = Run(trimmed)
    run.text(element.text)
    for child in element:
        run.element(child)
        run.text(child.tail)
    return run.take()
