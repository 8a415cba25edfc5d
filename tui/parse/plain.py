"""Plain-text articles and books: structure from layout alone.

The text is read as units (blank-line blocks of a hard-wrapped text, lines of a soft-wrapped one,
see `lines.py`), and each unit is weighed by its shape and its neighbours: its length against the
text's usual length, capitals, closing punctuation, the blank lines around it, whether the next unit
is prose, and patterns that recur through the document (numbered divisions, Roman numerals in order).
E-text licences (`gutenberg.py`), contents lists, page furniture of web copies (`web.py`), verse and
the speakers of a play are recognised on the way. Every word of the input ends up in the model.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from tui.model.article import Block, BulletList, Item, Paragraph, Quote, Section, Verse, block_text
from tui.parse.books import BookPlan, is_contents_title, plan_book
from tui.parse.extract import is_extract_name
from tui.parse.gutenberg import find_frame
from tui.parse.headings import (
    USUAL_SECTION_NAMES,
    book_level,
    is_book_matter,
    is_heading,
    is_list_intro,
    roman_heading,
    strip_emphasis,
)
from tui.parse.items import split_label
from tui.parse.lines import (
    Chunk,
    Shape,
    chunks_of,
    chunks_of_lines,
    explode,
    is_soft,
    is_verse,
    measure,
    units_of_lines,
)
from tui.parse.marked import Marks, is_edition, mark_headings, nest_numbered_runs
from tui.parse.named import MAX_HEADING_LINE, NamedHeadings, short
from tui.parse.outline_labels import label_of
from tui.parse.pages import RunningHeader, near_same, running_header
from tui.parse.web import (
    byline_author,
    copyright_holder,
    find_date,
    is_caption,
    is_credit,
    is_dateline,
    is_interface,
    is_name_line,
)

MAX_TITLE_CHARS = 150
MAX_DEK_CHARS = 180
# A dek with no text under it, only the first heading, is a sentence of this many words at least.
MIN_DEK_WORDS = 6
# A soft-wrapped line this long is prose for certain; a heading glued to one is at most this long.
LONG_LINE_CHARS = 100
MAX_GLUED_HEADING_CHARS = 120
# A heading recognised by the way the text's other headings sit is at most this long.
MAX_PATTERN_HEADING_CHARS = 160
# In text without blank lines between its paragraphs: a heading's longest line and most words, and
# the length from which a line is a paragraph rather than a caption.
MAX_UNSPACED_HEADING_WORDS = 10
UNSPACED_PARAGRAPH_CHARS = 200
# Lines after the title where a byline or dateline is looked for.
METADATA_LINES = 12

_MARKER = re.compile(r"([ \t]*)(?:([•◦‣▪*-])|(\d{1,3})[.)])[ \t]+(?=\S)")
_WIKI = re.compile(r"(={2,6})[ \t]*([^=\n]*?[^=\s])[ \t]*\1")  # (a rule of `=` alone is none)
_NUMBERED = re.compile(r"(\d{1,2})[.)][ \t]+(\S.{0,98})")
_PAREN_NUMBERED = re.compile(r"\((\d{1,2})\)[ \t]+(\S.{0,60})")
_QUOTE_OPENERS = ("\"", "“", "‘", "'", "„", "«", "»", "”")
_SENTENCE_END = (".", "!", "?", ";", ",", ":", "…")
# The first four letters of a division line (`CHAPTER I.`), in capitals: a cheap first test.
_DIVISION_PREFIXES = frozenset(
    ["PART", "BOOK", "VOLU", "ACT ", "ACT", "CHAP", "SCEN", "LETT", "STAV", "CANT", "ADVE", "THE ", "FIRS",
     "SECO", "THIR", "EPIL", "PROL", "_CHA", "_PAR", "_BOO"]
)  # fmt: skip
_NEVER_OPENING = ("\"", "“", "‘", "'", "„", "«", "»", "”", "[", "—", "–", "- ", "(Reporting", "http", "www.")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\.?|[A-Z]\.")
# Words a title never ends with: a line ending with one goes on on the next.
_DANGLING = frozenset(["a", "an", "the", "of", "and", "or", "nor", "into"])
_LEADER_PAGE = re.compile(r"(?:\.\s*){5,}\S*\s*\d{1,4}\s*$")
# A line that carries on the sentence above it: a word in lower case first (an address is not one).
_GOES_ON = re.compile(r"[a-z][a-z'’-]*(?:[ .,;]|$)")
_CITATION = re.compile(r"(?:\[(?:\d+|[a-z]|note \d+)\])+$")
# `Further information: …`, `Main article: …`: an encyclopedia's pointer under a heading.
_POINTER = re.compile(r"(?:Further information|Main articles?|See also|For more information)\s*:", re.I)


@dataclass
class PlainDocument:
    """What the plain parser finds; the caller adds extraction and provenance."""

    title: str | None
    subtitle: str | None
    sections: list[Section] = field(default_factory=list)
    author: str | None = None
    date: str | None = None


def parse_plain(text: str) -> PlainDocument:
    """Parse sanitised plain text; the title is None when the text does not start with one."""
    return parse_handed([text])


def parse_handed(handed: list[str]) -> PlainDocument:
    """`parse_plain` of the one text in `handed`, taken out of the list so that, when nothing else
    holds it, it is freed once its body is split into lines (`tui.parse._parse_handed`)."""
    text = handed.pop()
    frame = find_frame(text)
    if frame is None:
        body = _Body(text, front=True)
        del text  # the body has the lines: the text is not needed while they are read
        return body.parse()
    header = _licence(text[: frame.body_start])
    footer = _licence(text[frame.body_end :])
    body = _Body(text[frame.body_start : frame.body_end], front=False)
    del text
    document = body.parse()
    document.sections = [*header, *document.sections, *footer]
    document.title = frame.title
    document.author = frame.author
    return document


def _licence(text: str) -> list[Section]:
    """A licence header or footer as one section headed by its first line, its text as paragraphs."""
    chunks = chunks_of(text)
    if not chunks:
        return []
    first, *rest = chunks
    section = Section(first.first, 2, role="licence")
    if len(first.lines) > 1:
        section.blocks.append(Paragraph(_join(first.lines[1:])))
    section.blocks.extend(Paragraph(_join(chunk.lines)) for chunk in rest)
    return [section]


class _Body:
    """The text between the licence header and footer (or the whole text), read into sections."""

    def __init__(self, text: str, front: bool) -> None:
        lines = text.split("\n")  # split once: the tests of wrapping and the units share them
        if is_soft(lines):
            self.shape = Shape(True, None)
            self.units: list[Chunk] = units_of_lines(lines)
        else:
            chunks = chunks_of_lines(lines)
            self.shape = measure(chunks)
            self.units = _split_heads(chunks)
        self.front = front
        # Whether a soft-wrapped text puts blank lines between its paragraphs (a heading then
        # stands out by sticking to the paragraph under it).
        self.spaced = self.shape.soft and _spaced(self.units)
        # The numbers of lone `1. Title` and `(1) Title` lines, which count up through a text whose
        # headings are numbered.
        self._numbers: tuple[set[int], set[int]] = (set(), set())
        for unit in self.units:
            line = unit.single
            if line is not None and line[:1] in "(0123456789":
                paren = line.startswith("(")
                found = (_PAREN_NUMBERED if paren else _NUMBERED).fullmatch(line)
                if found is not None:
                    self._numbers[paren].add(int(found.group(1)))
        # With three numbered headings or more, the numbering is the outline: the other short lines
        # (a title page, a signature) are not headings.
        numbered = self._numbers[0]
        self.numbered_outline = {1, 2, 3} <= numbered
        # Headings the layout marks (underlined, centred, numbered run-in) come first; marked after
        # the count above, as a run-in heading split from its text is no lone numbered line.
        self.marks = mark_headings(self.units, text, self.shape.width, self.shape.soft, front)
        self.units = self.marks.units
        self.under_previous = self.spaced and _headings_sit_under_previous(self.units)
        self.page_headers: list[str] = []

    def parse(self) -> PlainDocument:
        units = self.units
        title = subtitle = author = date = None
        start = 0
        self.quiet_until = 0
        lead: list[Chunk] = []
        if self.front and not self.marks.untitled:
            # A running header recurring at the top of every page stays in the text, under the
            # title, and is never a heading where it recurs (a line the layout marks is none:
            # `dbus 1.14.8 (2023-06-06)` underlined in a NEWS file is much like the line above).
            skip = 0 if units and units[0] in self.marks.levels else running_header(units)
            lead, units = units[:skip], units[skip:]
            self.page_headers = [unit.single or "" for unit in lead]
            title, subtitle, start = _front_matter(units, self.page_headers, self.marks)
            if title is not None:
                author, date, end = _metadata(units, start)
                self.quiet_until = skip + end - start
                if date is None and subtitle is not None and is_edition(subtitle) and is_dateline(subtitle):
                    date = find_date(subtitle)  # `Version 3, 29 June 2007`: the dek, and the date
        body = lead + units[start:] if lead else units[start:]
        self.header = RunningHeader(self.page_headers)
        plan = plan_book(body, self.shape.width, self.header)
        self.named = NamedHeadings(plan.named, plan.entries, plan.depths)
        self.contents_numbered = plan.numbered
        # The level of the contents' top entries: 2, or 3 under a part-like division (`Volume I`).
        self.base_level = 2
        builder = _Builder(self.shape.width, plan.speakers)
        index = 0
        contents = plan.contents
        while index < len(body):
            unit = body[index]
            contents_end = contents.get(index) if contents else None
            if contents_end is not None:
                builder.start(Section(unit.first, self.base_level, role="contents"))
                for inner in body[index + 1 : contents_end]:
                    builder.add_lines(inner)
                index = contents_end
                continue
            line = unit.single
            if plan.is_book:
                heading = plan.headings.get(index)
            elif unit in self.marks.levels:
                heading = self.marks.heading(unit)
            elif line is None:
                # A heading the contents named, broken over two lines of one block.
                text = short(unit) if self.named and len(unit.lines) == 2 else None
                heading = self._named(body, index, text) if text is not None and index >= self.quiet_until else None
            elif len(line) > MAX_PATTERN_HEADING_CHARS and line[:2] != "==":
                heading = None  # a paragraph (the test `_heading` starts with, spared a call per unit)
            else:
                heading = self._heading(body, index)
            if heading is not None:
                text, level, used = heading
                if not plan.is_book and level == 2 and book_level(text) == 2:
                    self.base_level = 3
                builder.start(Section(text, level))
                index += used
                continue
            builder.add(unit)
            index += 1
        sections = builder.finish()
        if not plan.is_book:
            sections = nest_numbered_runs(_lone_caption_as_text(sections))
        return PlainDocument(title, subtitle, sections, author, date)

    def _heading(self, units: list[Chunk], index: int) -> tuple[str, int, int] | None:
        """(heading, level, units used) when the unit at `index` heads a section of an article."""
        unit = units[index]
        line = unit.single
        if line is None or index < self.quiet_until:
            return None
        following = units[index + 1] if index + 1 < len(units) else None
        wiki = _WIKI.fullmatch(line) if line[:2] == "==" else None
        if wiki is not None:
            return wiki.group(2), min(len(wiki.group(1)), 6), 1
        if len(line) > MAX_PATTERN_HEADING_CHARS:
            return None  # a paragraph written on one line (every kind of heading is shorter)
        if _LEADER_PAGE.search(line):
            return None  # a contents entry (`Events at the Convention ........ 123`), wherever it is
        if following is not None and _is_intro(line) and _MARKER.match(following.lines[0]):
            return line[:-1].rstrip(), 3, 1
        if line.startswith(_NEVER_OPENING) and not (self.spaced and _is_quoted_claim(line)):
            return None
        if self.named and len(line) <= MAX_HEADING_LINE:
            named = self._named(units, index, line)
            if named is not None:
                return named
        found = self._shaped(units, index)
        # Furniture, credits and bylines are weighed last: they take the longest to check.
        if found is None or (_not_a_heading(line) and not (self.spaced and _is_quoted_claim(line))):
            return None
        if self.header.matches(line):
            return None
        if self.marks.below is not None:
            return found[0], max(found[1], self.marks.below), found[2]  # under the underlined ones
        return found

    def _named(self, units: list[Chunk], index: int, line: str) -> tuple[str, int, int] | None:
        """A line the contents list named, met in the text in the list's order (a few entries may
        be skipped: one the text leaves out, one OCR garbled), at the depth its label has in the
        list. The label may be read differently (`Ill.` in the list, `III.` in the text); a heading
        broken over two lines is joined; one OCR read a little differently from the list
        (`Ma/ware`, `ofIRA`) is its entry when most of its letters are the same."""
        if line.startswith(_NEVER_OPENING):
            return None
        found = self.named.find(units, index, line)
        # Furniture and bylines are weighed last (they take the longest to check); a line with an
        # outline label is an entry of the outline even when it names a date (`5.  June 9, 2016 …`).
        if found is None or (label_of(line) is None and _not_a_heading(line)):
            return None
        position, text, used = found
        return text, min(6, self.base_level + self.named.take(position)), used

    def _shaped(self, units: list[Chunk], index: int) -> tuple[str, int, int] | None:
        """A heading by the shape of the line and its neighbours (before the furniture is ruled out)."""
        unit = units[index]
        line = unit.single or ""
        following = units[index + 1] if index + 1 < len(units) else None
        numbered = self._numbered(units, index)
        if numbered is not None:
            return numbered, (3 if line.startswith("(") else 2), 1
        if _MARKER.match(unit.lines[0]):
            return None
        level = book_level(line)
        if level is not None:
            return line, 2, 1
        if self.numbered_outline:
            return None
        if not self.shape.soft:
            return (line, 2, 1) if is_heading(line) or self._asks(units, index) else None
        if self.shape.soft and not self.spaced:
            return self._unspaced(units, index)
        if following is None:
            return None
        previous = units[index - 1] if index > 0 else None
        if self.spaced and unit.gap == 0 and previous is not None and _is_caption_line(previous):
            return None  # the credit under a photo caption
        if self.under_previous and unit.gap == 0 and self._sits_as_headings_do(units, index):
            return line, 2, 1
        if not _is_prose(following.lines[0]):
            return None
        if is_heading(line) or _is_quoted_claim(line):
            return line, 2, 1
        # A short line standing alone between paragraphs, as a web page's subheading does.
        if (
            self.spaced
            and unit.gap > 0
            and following.gap > 0
            and len(line.split()) <= 8
            and line[:1].isupper()
            and not line.endswith(_SENTENCE_END)
            and previous is not None
            and _is_prose(previous.lines[-1])
        ):
            return line, 2, 1
        # A short line that sticks to the long paragraph under it, in a text that otherwise puts
        # blank lines between paragraphs: a subheading written as a sentence.
        if (
            self.spaced
            and unit.gap > 0
            and following.gap == 0
            and len(line) <= MAX_GLUED_HEADING_CHARS
            and len(following.lines[0]) > LONG_LINE_CHARS
            and not line.endswith((":", ",", ";"))
            and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "“\"")
            and not following.lines[0].lstrip()[:1].islower()  # the sentence goes on: a broken line
            and not is_caption(line, following.lines[0])
        ):
            return line, 2, 1
        return None

    def _sits_as_headings_do(self, units: list[Chunk], index: int) -> bool:
        """The way this text's clear headings sit (right under the last line above, a blank line
        below, then prose), recurring: a longer line sitting so is one too, and so is one over a
        short note (a coupon code, a sponsor's line) that stands before the prose."""
        line = units[index].single or ""
        if line.endswith(_SENTENCE_END) or not (line[:1].isupper() or line[:1].isdigit() or line[:1] in "$€£"):
            return False
        following = units[index + 1]
        if following.gap > 0 and len(following.lines[0]) > LONG_LINE_CHARS:
            return True
        after = units[index + 2] if index + 2 < len(units) else None
        if after is None or after.gap == 0 or len(after.lines[0]) <= LONG_LINE_CHARS or following.single is None:
            return False
        note = following.single
        # A note apart from the name (`Use code "50OFF699"`), or a sentence right under it.
        return len(note) <= MAX_HEADING_LINE and (following.gap > 0 or note.endswith((".", "!")))

    def _unspaced(self, units: list[Chunk], index: int) -> tuple[str, int, int] | None:
        """A heading among paragraphs written one per line with no blank lines between them: a short
        line after the end of a paragraph (or under a heading), over the next paragraph, a blank
        line, a pointer to a main article, or a photo's two caption lines and then the paragraph.
        One line over a paragraph is a caption (alt text over its caption, when two short lines)."""
        unit = units[index]
        line = unit.single or ""
        if (
            unit.gap > 0
            or len(line) > MAX_HEADING_LINE
            or len(line.split()) > MAX_UNSPACED_HEADING_WORDS
            or _uncited(line).endswith(_SENTENCE_END)
            or not (line[:1].isupper() or line[:1].isdigit())
            or _POINTER.match(line)
        ):
            return None
        previous = units[index - 1] if index > 0 else None
        if previous is None or not (self._ends_paragraph(previous) or self._was_heading(units, index - 1)):
            return None
        after = units[index + 1 : index + 4]
        if not after:
            return None
        level = 3 if self.named.seen else 2
        first = after[0]
        if first.gap > 0 or len(first.lines[0]) >= UNSPACED_PARAGRAPH_CHARS or _POINTER.match(first.lines[0]):
            return line, level, 1
        if (
            len(after) == 3
            and all(unit.gap == 0 for unit in after)
            and len(after[1].lines[0]) < UNSPACED_PARAGRAPH_CHARS
            and len(after[2].lines[0]) >= UNSPACED_PARAGRAPH_CHARS
        ):
            return line, level, 1
        # At the margin over a run of entries (references, notes), each too long for a caption and
        # too short for a paragraph: a subheading (a short entry of the run is indented as the
        # others are; a photo's long caption is followed by paragraphs).
        if (
            len(after) == 3
            and not unit.lines[0][:1].isspace()
            and all(
                unit.gap == 0 and self._ends_paragraph(unit) and len(unit.lines[0]) < UNSPACED_PARAGRAPH_CHARS
                for unit in after
            )
        ):
            return line, level, 1
        return None

    def _ends_paragraph(self, unit: Chunk) -> bool:
        text = _uncited(unit.lines[-1].strip())
        return len(text) > LONG_LINE_CHARS and text.endswith((".", "!", "?", "”", '"', ")"))

    def _was_heading(self, units: list[Chunk], index: int) -> bool:
        line = units[index].single
        return line is not None and self.named.passed(line)

    def _asks(self, units: list[Chunk], index: int) -> bool:
        """A Title Case question or exclamation standing alone over prose (`Who Am I?`), or any
        short one set off by two blank lines as the text's headings are."""
        line = units[index].single or ""
        following = units[index + 1] if index + 1 < len(units) else None
        if not line.endswith(("?", "!")) or following is None:
            return False
        if len(following.lines) == 1 and not _is_prose(following.lines[0]):
            return False
        words = line.split()
        if not 2 <= len(words) <= 10 or not line[:1].isupper():
            return False
        return is_heading(line.rstrip("?!")) and (len(words) >= 3 or units[index].gap >= 2)

    def _numbered(self, units: list[Chunk], index: int) -> str | None:
        """`1. Does the Player Fit the System?` standing alone over prose, when the numbers of such
        lines go 1, 2, 3 through the text: a numbered heading, not a list of one item."""
        line = units[index].lines[0].strip()
        if line[:1] not in "(0123456789":
            return None
        pattern = _PAREN_NUMBERED if line.startswith("(") else _NUMBERED
        if pattern is _NUMBERED and self.contents_numbered:
            return None  # the contents number the headings: the numbered lines it names are
        match = pattern.fullmatch(line)
        if match is None or not _capitalised(match.group(2)) or match.group(2).endswith((",", ";", ":")):
            return None
        # `(1) _Personal Motives_` is a subheading; `(1) Use materials which…` is a numbered paragraph.
        if pattern is _PAREN_NUMBERED and not (match.group(2).startswith("_") or is_heading(match.group(2))):
            return None
        following = units[index + 1] if index + 1 < len(units) else None
        if following is None or _MARKER.match(following.lines[0]):
            return None
        if following.single is not None and pattern.fullmatch(following.single):
            return None  # a list of numbered lines
        # An emphasised title (`(2) _Industrial Production_`) is a subheading over anything, even
        # over the first of its own subheadings (`(a) Tools`).
        emphasised = match.group(2).startswith("_") and match.group(2).endswith("_")
        if not _is_prose(following.lines[0]) and len(following.lines) == 1 and not emphasised:
            return None
        number = int(match.group(1))
        # The same kind of line with the number before or after it, elsewhere in the text.
        numbers = self._numbers[pattern is _PAREN_NUMBERED]
        return line if number - 1 in numbers or number + 1 in numbers else None


def _lone_caption_as_text(sections: list[Section]) -> list[Section]:
    """An article's only heading, when it is a bare name that its text names again (`Kyle Busch`
    over a table of results), is a photo's caption: its line goes back into the text above."""
    headed = [index for index, section in enumerate(sections) if section.heading is not None]
    if len(headed) != 1:
        return sections
    index = headed[0]
    section = sections[index]
    name = section.heading or ""
    if section.role != "body" or not _is_bare_name(name) or not any(name in block_text(b) for b in section.blocks):
        return sections
    caption = Paragraph(name)
    if index == 0:
        return [Section(None, section.level, [caption, *section.blocks], section.role), *sections[1:]]
    above = sections[index - 1]
    above.blocks.extend([caption, *section.blocks])
    return sections[:index] + sections[index + 1 :]


def _is_bare_name(line: str) -> bool:
    """Two or three capitalised words and nothing else (`Kyle Busch`, `Martin Truex Jr.`)."""
    words = line.split()
    return 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(word) for word in words)


def _split_heads(chunks: list[Chunk]) -> list[Chunk]:
    """Hard-wrapped blocks, with a division line (`CHAPTER I.`) at the top of one set apart."""
    units: list[Chunk] = []
    for number, chunk in enumerate(chunks):
        # A title line with a byline or dateline directly under it, as web pages are copied.
        if (
            number == 0
            and len(chunk.lines) > 1
            and len(chunk.lines[0]) <= MAX_TITLE_CHARS
            and _is_metadata(chunk.lines[1].strip(), chunk.lines[2].strip() if len(chunk.lines) > 2 else None)
        ):
            units.append(Chunk([chunk.lines[0]], chunk.gap))
            units.extend(explode([Chunk(chunk.lines[1:], 0)]))
            continue
        # A title at the margin with a note in brackets indented under it (`What Best I See in
        # Thee` over `  [To U. S. G. return'd from his World's Tour]`): the title stands alone.
        if (
            len(chunk.lines) == 2
            and len(chunk.lines[0]) <= MAX_HEADING_LINE
            and chunk.lines[0][:1] not in " ["
            and chunk.lines[1][:2] == "  "
            and chunk.lines[1].strip().startswith("[")
            and chunk.lines[1].rstrip().endswith("]")
        ):
            units.append(Chunk([chunk.lines[0]], chunk.gap))
            units.append(Chunk([chunk.lines[1]], 0))
            continue
        if len(chunk.lines) > 1 and len(chunk.lines[0]) <= 80:
            first = chunk.lines[0].strip()
            # (`First Act:` over the lines it introduces is a run-in label, not a division.)
            if (first[:4].upper() in _DIVISION_PREFIXES and book_level(first) is not None and first[-1:] != ":") or (
                first[:2] == "==" and _WIKI.fullmatch(first)
            ):
                units.append(Chunk([chunk.lines[0]], chunk.gap))
                units.append(Chunk(chunk.lines[1:], 0))
                continue
        units.append(chunk)
    return units


def _headings_sit_under_previous(units: list[Chunk]) -> bool:
    """Whether two clear headings (short, Title Case, over prose) or more sit right under the line
    above them with a blank line below, as a deals page sets its product names."""
    found = 0
    for index in range(len(units) - 1):
        unit, following = units[index], units[index + 1]
        line = unit.single
        if (
            line is not None
            and unit.gap == 0
            and following.gap > 0
            and len(line) <= MAX_HEADING_LINE
            and is_heading(line)
            and _is_prose(following.lines[0])
            and not _not_a_heading(line)
        ):
            found += 1
            if found >= 2:
                return True
    return False


def _spaced(units: list[Chunk]) -> bool:
    long_units = [unit for unit in units if len(unit.lines[0]) > LONG_LINE_CHARS]
    return bool(long_units) and sum(unit.gap > 0 for unit in long_units) * 2 >= len(long_units)


def _front_matter(
    units: list[Chunk], page_headers: Sequence[str] = (), marks: Marks | None = None
) -> tuple[str | None, str | None, int]:
    """Title and dek by position: the first line, then the line after it (each possibly repeated).

    A byline, dateline or piece of page furniture is neither; a caption (a line over a photo
    credit) is not a dek, nor is a line the layout marks as a heading (`marks`), nor one shaped as a
    heading in a text that underlines its headings; an edition line (`Version 3, 29 June 2007`) is
    a dek though it carries a date."""
    headings: Container[Chunk] = marks.levels if marks is not None else ()
    if not units:
        return None, None, 0
    title = units[0].single
    if (
        title is None
        or not any(character.isalnum() for character in title)  # a rule drawn over the text
        or len(title) > MAX_TITLE_CHARS
        or book_level(title) is not None
        or is_book_matter(title)
        or roman_heading(title) is not None
        or is_contents_title(title)
        or _MARKER.match(units[0].lines[0])
        or is_interface(title)
        or is_credit(title)
        or byline_author(title) is not None
        or (is_dateline(title) and len(title) <= 40 and units[0] not in headings)
    ):
        return None, None, 0
    # A title broken over lines, each ending on a word no title ends with (`Report On The
    # Investigation Into` / `Russian Interference In The` / `2016 Presidential Election`).
    start = 1
    while (
        start < len(units)
        and title.rsplit(None, 1)[-1].casefold() in _DANGLING
        and (following := short(units[start])) is not None
        and units[start].gap <= 1
        and len(title) + len(following) < MAX_TITLE_CHARS
        and is_heading(following)
    ):
        title = f"{title} {following}"
        start += 1
    start = _skip_repeat(units, start, title)
    if start + 1 >= len(units):
        return title, None, start
    dek = units[start].single
    # A credit right under the line makes it a caption; one after a blank line is the photo's.
    following = units[start + 1].lines[0].strip()
    glued = following if units[start + 1].gap == 0 else None
    if (
        dek is None
        or len(dek) > MAX_DEK_CHARS
        or dek.casefold() in USUAL_SECTION_NAMES
        or book_level(dek) is not None
        or _is_intro(dek)
        or _MARKER.match(units[start].lines[0])
        or _WIKI.fullmatch(dek)
        or (_is_metadata(dek, following) and not is_edition(dek))
        or units[start] in headings
        or (marks is not None and marks.below is not None and is_heading(dek))  # (one not underlined)
        or dek.startswith(".. ")  # a reStructuredText directive (`.. image:: …`)
        or (glued is not None and _GOES_ON.match(glued) is not None)  # a line broken off its sentence
        or is_caption(dek, glued)
        or len(dek.split()) < 3 and not is_heading(dek)
        or any(near_same(header, dek) for header in page_headers)
    ):
        return title, None, start
    after = _skip_repeat(units, start + 1, dek)
    # A dek is followed by the text, or straight by the first heading when it reads as a sentence
    # (a few words alone over a heading, `How we get there`, are the text's first line instead).
    sentence = not is_heading(dek) and (len(dek.split()) >= MIN_DEK_WORDS or dek.endswith((".", "!", "?")))
    if after >= len(units) or not (_is_body_text(units[after]) or sentence):
        return title, None, start
    return title, dek, after


def _skip_repeat(units: list[Chunk], index: int, line: str) -> int:
    if index < len(units) and units[index].single == line:
        return index + 1
    return index


def _is_body_text(unit: Chunk) -> bool:
    line = unit.single
    if line is None:
        return True
    division = book_level(line) is not None or is_book_matter(line) or roman_heading(line) is not None
    return not (is_heading(line) or division) or _is_metadata(line, None)


def _is_metadata(line: str, following: str | None) -> bool:
    """A byline, dateline, credit or piece of page furniture."""
    return (
        is_interface(line)
        or is_credit(line)
        or is_dateline(line)
        or byline_author(line) is not None
        or (following is not None and is_name_line(line) and is_dateline(following))
    )


def _metadata(units: list[Chunk], start: int) -> tuple[str | None, str | None, int]:
    """Author and date from the bylines and datelines right under the title, and the index after
    the last of them (a role under a byline, `Opinion Columnist`, is no heading either)."""
    author = date = None
    end = start
    long_lines = 0
    quiet = True
    for index in range(start, min(len(units), start + METADATA_LINES)):
        line = units[index].lines[0].strip()
        if len(line) > MAX_DEK_CHARS or len(units[index].lines) > 2:
            long_lines += 1
            if long_lines > 1:
                break  # the text has begun
            if index > start:
                quiet = False  # the first paragraph: headings may follow it
            continue  # a caption under the title, or the first paragraph
        following = units[index + 1].lines[0].strip() if index + 1 < len(units) else None
        if author is None:
            author = byline_author(line)
            if author is None and following is not None and is_name_line(line) and is_dateline(following):
                author = line.split(",")[0].strip()
            holder = copyright_holder(line)
            if author is None and holder is not None:
                author, year = holder
                date = date or year
        if date is None and is_dateline(line):
            date = find_date(line)
        if not quiet:
            pass
        elif byline_author(line) is not None:
            end = index + 2  # with the writer's role under the byline
        elif _is_metadata(line, following):
            end = index + 1
    return author, date, end


def _is_intro(line: str) -> bool:
    """A list intro (`Pros:`), or a run-in `Key points:` whatever its capitals."""
    return line.endswith(":") and (is_list_intro(line) or is_extract_name(line))


def _not_a_heading(line: str) -> bool:
    """Lines that never head a section: quoted speech, bracketed notes, furniture and bylines."""
    return (
        line.startswith(_NEVER_OPENING)
        or is_interface(line)
        or is_credit(line)
        or is_dateline(line)
        or byline_author(line) is not None
    )


def _uncited(line: str) -> str:
    """The line without the citation marks at its end (`…in 2009.[12][13]`)."""
    return line[:-40] + _CITATION.sub("", line[-40:]) if line.endswith("]") else line


def _is_caption_line(unit: Chunk) -> bool:
    """A line of one or two sentences standing after a blank line, under which a credit may stand."""
    line = unit.lines[-1].strip()
    return unit.gap > 0 and line.endswith((".", "!", "?", ")")) and len(line) <= MAX_DEK_CHARS


def _is_quoted_claim(line: str) -> bool:
    """A short line quoted whole (`“U.S.-controlled bandit formations”`), as fact checks head claims."""
    return (
        line.startswith(("“", "\""))
        and line.endswith(("”", "\""))
        and len(line) <= MAX_GLUED_HEADING_CHARS
        and line.count("“") + line.count("”") + line.count("\"") == 2
    )


def _is_prose(line: str) -> bool:
    """A line of running text: long, or a sentence."""
    text = line.strip()
    return len(text) > LONG_LINE_CHARS or (text.endswith(_SENTENCE_END) and len(text.split()) >= 4)


def _capitalised(text: str) -> bool:
    text = strip_emphasis(text)
    return text[:1].isupper() or text[:1].isdigit()


class _Builder:
    """Sections while they are read: blocks go to the open section; a list stays open across units."""

    def __init__(self, width: int | None, speakers: bool) -> None:
        self.sections = [Section(None, 2)]
        self.width = width
        self.speakers = speakers
        self._items: list[Item] = []
        self._ordered = False
        self._indents: list[int] = []
        self._label: str | None = None

    @property
    def blocks(self) -> list[Block]:
        return self.sections[-1].blocks

    def start(self, section: Section) -> None:
        self._close()
        self._flush_label()
        self.sections.append(section)

    def finish(self) -> list[Section]:
        self._close()
        self._flush_label()
        if not self.sections[0].blocks:
            del self.sections[0]
        return self.sections

    def add_lines(self, unit: Chunk) -> None:
        """A unit whose lines are kept as they are (a contents list); a line right under the last
        one joins its block."""
        self._close()
        blocks = self.blocks
        if unit.gap == 0 and blocks and isinstance(blocks[-1], Verse):
            blocks[-1] = Verse(blocks[-1].lines + _dedent(unit.lines))
        else:
            blocks.append(Verse(_dedent(unit.lines)))

    def add(self, unit: Chunk) -> None:
        """Add the paragraphs, list items, verse or speech of one unit."""
        lines = unit.lines
        if self.speakers:
            cue = speaker_cue(lines[0])
            if cue is not None:
                self._flush_label()
                if len(lines) == 1:
                    self._label = cue  # the speech follows after a blank line
                    return
                lines = lines[1:]
                self._label = cue
        if not any(map(_MARKER.match, lines)):
            self._add_text(lines)
            return
        prose: list[str] = []
        item: tuple[int, bool, list[str]] | None = None
        for line in lines:
            marker = _MARKER.match(line)
            if marker is not None:
                if prose:
                    self._add_text(prose)
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

    def _add_text(self, lines: list[str]) -> None:
        # Called once for nearly every paragraph of a book: the common case takes the fewest steps.
        if self._items:
            self._close()
        label, self._label = self._label, None
        if len(lines) == 1 and lines[0][:2] != "  ":  # neither verse nor an indented quotation
            self.sections[-1].blocks.append(Paragraph(lines[0].strip(), label=label))
        elif label is None and _is_quotation(lines):
            # Each quoted passage of the block (a line opening a quotation starts one) apart.
            passages: list[list[str]] = []
            for line in lines:
                if not passages or line.lstrip().startswith(("\"", "“")):
                    passages.append([])
                passages[-1].append(line)
            self.blocks.append(Quote.of([Paragraph(_join(passage)) for passage in passages]))
        elif is_verse(lines, self.width):
            if label is not None:
                self.blocks.append(Paragraph("", label=label))
            self.blocks.append(Verse(_dedent(lines)))
        else:
            self.blocks.append(Paragraph(_join(lines), label=label))

    def _flush_label(self) -> None:
        """A speaker's name with no speech after it stays in the text."""
        if self._label is not None:
            self.blocks.append(Paragraph("", label=self._label))
            self._label = None

    def _close(self) -> None:
        if self._items:
            self.blocks.append(BulletList(self._ordered, tuple(self._items)))
            self._items = []
            self._indents = []

    def _add_item(self, indent: int, ordered: bool, lines: list[str]) -> None:
        self._flush_label()
        if not self._items:
            self._ordered = ordered
        while self._indents and indent < self._indents[-1]:
            self._indents.pop()
        if not self._indents or indent > self._indents[-1]:
            self._indents.append(indent)
        self._items.append(split_label(_join(lines), len(self._indents) - 1))


_CUE = re.compile(r"([A-Z][A-Z’'. -]{0,30}[A-Z])\.")


def speaker_cue(line: str) -> str | None:
    """`SAMPSON.` or `MRS. UPJOHN.` alone on a line: the speaker of a play, without the period."""
    match = _CUE.fullmatch(line.strip())
    if match is None or len(match.group(1).split()) > 4:
        return None
    return match.group(1)


def _is_quotation(lines: list[str]) -> bool:
    """An indented block in quotation marks from its first word to its last: words quoted at length."""
    first = lines[0]
    if first[:2] != "  ":
        return False
    last = lines[-1].rstrip()
    return first.startswith("  ") and first.lstrip().startswith(("\"", "“")) and last.endswith(("\"", "”"))


def _dedent(lines: list[str]) -> tuple[str, ...]:
    """Lines without their trailing spaces and the indentation they all share."""
    stripped = [line.rstrip() for line in lines]
    indent = min((len(line) - len(line.lstrip()) for line in stripped if line), default=0)
    return tuple(line[indent:] for line in stripped)


def _join(lines: list[str]) -> str:
    """Join hard-wrapped lines into one line with single spaces."""
    return " ".join(filter(None, map(str.strip, lines)))


__all__ = ["BookPlan", "PlainDocument", "parse_plain", "speaker_cue"]
