"""Plain-text articles and books: title, dek, headings, paragraphs and bullet lists from layout alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.model.article import BulletList, Item, Paragraph, Section
from tui.parse.headings import USUAL_SECTION_NAMES, book_level, is_heading, is_list_intro
from tui.parse.items import split_label

MAX_TITLE_CHARS = 150
MAX_DEK_CHARS = 200
# Fewer book divisions than this are taken for ordinary headings that happen to say "Part 2"
# (they are headings all the same, if they look like one).
MIN_BOOK_HEADINGS = 3

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
_MARKER = re.compile(r"([ \t]*)(?:([•◦‣▪*-])|(\d{1,3})[.)])[ \t]+(?=\S)")


@dataclass
class PlainDocument:
    """What the plain parser finds; the caller adds extraction and provenance."""

    title: str | None
    subtitle: str | None
    sections: list[Section] = field(default_factory=list)


def parse_plain(text: str) -> PlainDocument:
    """Parse sanitised plain text; the title is None when the text does not start with one."""
    chunks = [chunk for chunk in _BLANK_LINES.split(text) if chunk.strip()]
    title, subtitle, start = _front_matter(chunks)
    body = chunks[start:]
    book_levels = _book_levels(body)
    sections = [Section(None, 2)]
    current = _SectionBody(sections[0])
    for index, chunk in enumerate(body):
        heading = _heading(chunk, body[index + 1] if index + 1 < len(body) else None, book_levels)
        if heading is not None:
            current.close()
            sections.append(Section(*heading))
            current = _SectionBody(sections[-1])
        else:
            current.add_chunk(chunk)
    current.close()
    if not sections[0].blocks:
        del sections[0]
    return PlainDocument(title, subtitle, sections)


def _single_line(chunk: str) -> str | None:
    """The chunk's text when it is one line, not a list item; otherwise None."""
    line = chunk.strip()
    if "\n" in line or _MARKER.match(chunk.lstrip("\n")):
        return None
    return line


def _front_matter(chunks: list[str]) -> tuple[str | None, str | None, int]:
    """Title and dek by position: the first line, then the line after it (each possibly repeated)."""
    if not chunks:
        return None, None, 0
    title = _single_line(chunks[0])
    if title is None or len(title) > MAX_TITLE_CHARS or book_level(title) is not None:
        return None, None, 0
    start = _skip_repeat(chunks, 1, title)
    if start + 1 >= len(chunks):
        return title, None, start
    dek = _single_line(chunks[start])
    if (
        dek is None
        or len(dek) > MAX_DEK_CHARS
        or dek.casefold() in USUAL_SECTION_NAMES
        or book_level(dek) is not None
        or is_list_intro(dek)
    ):
        return title, None, start
    after = _skip_repeat(chunks, start + 1, dek)
    if after >= len(chunks) or not _is_body_text(chunks[after]):
        return title, None, start
    return title, dek, after


def _skip_repeat(chunks: list[str], index: int, line: str) -> int:
    if index < len(chunks) and chunks[index].strip() == line:
        return index + 1
    return index


def _is_body_text(chunk: str) -> bool:
    line = _single_line(chunk)
    return line is None or not (is_heading(line) or book_level(line) is not None)


def _book_levels(chunks: list[str]) -> dict[int, int] | None:
    """Map of found level to shown level when the text is a book divided into parts and chapters.

    Only when divisions outnumber the other heading-like lines two to one: an article with a
    "Part 1: …" and a "Part 2: …" among its sections is still an article. In a book, the other short
    lines (the signature under a letter, say) are then not headings.
    """
    found: list[int] = []
    others = 0
    for chunk in chunks:
        line = _single_line(chunk)
        if line is None:
            continue
        level = book_level(line)
        if level is not None:
            found.append(level)
        elif is_heading(line):
            others += 1
    if len(found) < MIN_BOOK_HEADINGS or len(found) <= 2 * others:
        return None
    if 2 in found and 3 in found:
        return {2: 2, 3: 3}
    return {2: 2, 3: 2}


def _heading(chunk: str, following: str | None, book_levels: dict[int, int] | None) -> tuple[str, int] | None:
    line = _single_line(chunk)
    if line is None:
        return None
    if book_levels is not None:
        level = book_level(line)
        return (line, book_levels[level]) if level is not None else None
    if following is not None and is_list_intro(line) and _MARKER.match(following.lstrip("\n")):
        return line[:-1].rstrip(), 3
    if is_heading(line):
        return line, 2
    return None


class _SectionBody:
    """The blocks of one section while they are read; a list stays open across blank lines."""

    def __init__(self, section: Section) -> None:
        self.section = section
        self._items: list[Item] = []
        self._ordered = False
        self._indents: list[int] = []

    def add_chunk(self, chunk: str) -> None:
        """Add the paragraphs and list items of one blank-line-separated chunk."""
        lines = chunk.split("\n")
        if not any(map(_MARKER.match, lines)):
            self._add_paragraph(lines)
            return
        prose: list[str] = []
        item: tuple[int, bool, list[str]] | None = None
        for line in lines:
            marker = _MARKER.match(line)
            if marker is not None:
                if prose:
                    self._add_paragraph(prose)
                    prose = []
                if item is not None:
                    self._add_item(*item)
                item = (len(marker.group(1)), marker.group(3) is not None, [line[marker.end() :]])
            elif item is not None:
                item[2].append(line)  # a hard-wrapped item goes on under its marker
            else:
                prose.append(line)
        if item is not None:
            self._add_item(*item)

    def close(self) -> None:
        """Finish the open list, if any."""
        if self._items:
            self.section.blocks.append(BulletList(self._ordered, tuple(self._items)))
            self._items = []
            self._indents = []

    def _add_paragraph(self, lines: list[str]) -> None:
        self.close()
        self.section.blocks.append(Paragraph(_join(lines)))

    def _add_item(self, indent: int, ordered: bool, lines: list[str]) -> None:
        if not self._items:
            self._ordered = ordered
        while self._indents and indent < self._indents[-1]:
            self._indents.pop()
        if not self._indents or indent > self._indents[-1]:
            self._indents.append(indent)
        self._items.append(split_label(_join(lines), len(self._indents) - 1))


def _join(lines: list[str]) -> str:
    """Join hard-wrapped lines into one line with single spaces."""
    return " ".join(filter(None, map(str.strip, lines)))
