"""Headings a plain text marks by its layout, as release notes, specifications and licences do.

- **Underlined** (`Fixes since v2.38` over `-----------------`, perhaps with the same line over it
  too): the kinds of underline rank as reStructuredText ranks them, the first kind met the highest.
  The first line is the title when its kind of underline is used nowhere else; when it is used
  again, the text has no title line (a NEWS file's releases). A line the text leaves bare but
  takes for a heading ranks under the underlined ones. A rule alone, a rule under the last line of
  a paragraph, and a table's header row (its columns apart) underline nothing.
- **Centred** in a hard-wrapped text (`Preamble` alone in the middle of the line, or two lines in
  capitals), and the block of centred lines a text opens with (title, version, address) read a
  line at a time.
- **Numbered run-in** (`2. Grant of Copyright License. Subject to…`): a Title Case name after
  the number, ending at its period, the numbers counting up through the text from 0 or 1; the
  name heads a section and the text after it is that section's first paragraph.
- **Nesting**: a heading with nothing under it but the first of a run of numbered headings (`TERMS
  AND CONDITIONS` over `0. Definitions.`) holds that run a level below it.
- `APPENDIX: …` or `ADDENDUM: …` alone on a line heads a section, whatever the rest of its line.

`mark_headings` is called once per text; the plain parser takes the marked units as headings
before any other rule (the marks are the strongest evidence a plain text gives).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from operator import add, attrgetter, itemgetter

from tui.model.article import Section
from tui.parse.headings import is_heading
from tui.parse.lines import Chunk

UNDERLINE_CHARS = "=-~*#^"
MIN_UNDERLINE = 3
MAX_MARKED_HEADING = 100
# An underline is about as long as its line: within a quarter of it, or a few characters.
UNDERLINE_SLACK = 0.25
UNDERLINE_SLACK_CHARS = 3
# A centred line: indented by this much at least, its middle this near the middle of the text's
# lines (a share of their width), with room to its right.
MIN_CENTRED_INDENT = 6
CENTRED_SLACK = 0.125
MAX_CENTRED_CHARS = 80
MAX_CENTRED_LINES = 2
# A run of numbered run-in headings: at least this many, names at most this long.
MIN_NUMBERED_RUN = 3
MAX_RUN_IN_NAME = 70
DEEPEST = 6
# Words set apart by this many spaces are a table's columns or a diagram's, never a heading's.
_COLUMNS = "   "
# What the first line of a unit that may carry a mark opens with, and its second line.
_OPENERS = re.compile(r"[ \tA0-9=\-~*#^]")
_SOFT_OPENERS = re.compile(r"[A=\-~*#^]")
_RULE_START = re.compile(r"[=\-~*#^]")
# A line opening with a rule of three characters: without one, no block's second line underlines.
_RULE_LINE = re.compile(r"\n[ \t]*(?:===|---|~~~|\*\*\*|###|\^\^\^)")
_LINES = attrgetter("lines")
_FIRST = itemgetter(0)
_SECOND = itemgetter(slice(1, 2))

_RUN_IN = re.compile(rf"(\d{{1,2}})\.[ \t]+([A-Z][^.!?:;]{{0,{MAX_RUN_IN_NAME}}}\.)(?:[ \t]+(\S.*))?")
_NUMBERED_HEADING = re.compile(r"(\d{1,2})[.)][ \t]")
# `Version 2.0, January 2004`, `Revision 3`: the edition line under a title, a dek and not a dateline.
_EDITION = re.compile(
    r"(?:Version|VERSION|Revision|REVISION|Release|RELEASE|Edition|EDITION)\s+v?\d[\w.-]*(?:,.{0,40})?"
)
# `APPENDIX: How to apply the Apache License to your work.`, `Annex B. Tables`, `ADDENDUM: …`.
_APPENDIX = re.compile(
    r"(?:APPENDIX|Appendix|ANNEX|Annex|ADDENDUM|Addendum)(?:\s+[A-Z0-9]{1,3})?[.:]\s+[A-Z0-9]\S.{0,80}"
)


def is_edition(line: str) -> bool:
    """A version or edition line (`Version 3, 29 June 2007`), which reads as a dek under a title."""
    return len(line) <= 60 and _EDITION.fullmatch(line) is not None


@dataclass
class Marks:
    """The units with underlines taken off their headings and run-in headings split from their
    text; the `levels` of the units the layout marks as headings; and `below`, the level of a
    heading found otherwise in a text that underlines its headings (one level under the deepest
    underlined), None in other texts."""

    units: list[Chunk]
    levels: dict[Chunk, int]
    below: int | None = None
    # The text opens with a heading underlined as others are: a section, and the text has no
    # title line (a NEWS file's first release, as reStructuredText reads it).
    untitled: bool = False

    def heading(self, unit: Chunk) -> tuple[str, int, int]:
        """(heading, level, units used) of a marked unit, its lines joined."""
        text = unit.single if unit.single is not None else " ".join(line.strip() for line in unit.lines)
        return text, self.levels[unit], 1


def mark_headings(units: list[Chunk], text: str, width: int | None, soft: bool, front: bool) -> Marks:
    """The headings the layout of `units` (the units of `text`) marks. `front`: the text opens
    with its title (a centred title block is then read a line at a time)."""
    candidates = _candidates(units, soft, _RULE_LINE.search(text) is not None)
    if not candidates:
        return Marks(units, {})
    # What each marked unit becomes (the same unit, or a heading and the text after it), by index.
    replaced: dict[int, list[Chunk]] = {}
    marked: dict[Chunk, int] = {}
    below, untitled = _underlined(units, candidates, soft, replaced, marked)
    if not soft and width is not None:
        _centred(units, candidates, width, front, replaced, marked)
    if not soft:
        _run_in(units, candidates, replaced, marked)
    for index in candidates:
        unit = units[index]
        line = unit.single
        appendix = line is not None and line[:1] == "A" and _APPENDIX.fullmatch(line) is not None
        if appendix and index not in replaced and unit not in marked:
            marked[unit] = 2
    if replaced:
        units = [new for index, unit in enumerate(units) for new in replaced.get(index, (unit,))]
    return Marks(units, marked, below, untitled)


def _candidates(units: list[Chunk], soft: bool, rules: bool) -> list[int]:
    """The indexes of the units that may carry a mark: their first line opens with a rule
    character or an `A` (in a hard-wrapped text also an indent or a digit), or, when the text
    has lines that open with a rule (`rules`), their second line does (an underline).

    A book has tens of thousands of units and marks of few kinds or none: the first characters
    are gathered by C-level maps into strings a regular expression scans, as a Python loop over
    the units would cost more than all the rules."""
    lines_of = list(map(_LINES, units))
    heads = "".join(map(_FIRST, map(_FIRST, lines_of)))
    found = [match.start() for match in (_SOFT_OPENERS if soft else _OPENERS).finditer(heads)]
    if soft or not rules:
        return found
    # The second line's first character, or "." for a unit of one line.
    seconds = "".join(map(_FIRST, map(add, map("".join, map(_SECOND, lines_of)), repeat("."))))
    underlined = [match.start() for match in _RULE_START.finditer(seconds)]
    return sorted({*found, *underlined}) if underlined else found


def nest_numbered_runs(sections: list[Section]) -> list[Section]:
    """A heading over nothing but the first of a run of numbered headings (three or more, counting
    up from 0 or 1 at its own level) holds the run: the run, and what is under its headings, go a
    level down."""
    index = 0
    while index + 1 < len(sections):
        holder = sections[index]
        index += 1
        if holder.heading is None or holder.blocks or holder.role != "body":
            continue
        run = _numbered_run(sections, index, holder.level)
        if run < MIN_NUMBERED_RUN:
            continue
        for section in sections[index:]:
            if section.level == holder.level:
                if run == 0:
                    break
                run -= 1
            section.level = min(section.level + 1, DEEPEST)
            index += 1
    return sections


def _numbered_run(sections: list[Section], start: int, level: int) -> int:
    """How many headings at `level` from `start` on are numbered 0 or 1, then up by one (deeper
    sections between them aside)."""
    count = 0
    expected: int | None = None
    for section in sections[start:]:
        if section.level > level:
            continue
        match = _NUMBERED_HEADING.match(section.heading or "") if section.level == level else None
        if match is None or section.role != "body":
            break
        number = int(match.group(1))
        if (expected is None and number not in (0, 1)) or (expected is not None and number != expected):
            break
        expected = number + 1
        count += 1
    return count


def _underline_of(line: str, title: str) -> str | None:
    """The character `line` repeats when it underlines `title` (about its length), else None."""
    mark = line.strip()
    if len(mark) < MIN_UNDERLINE or mark[0] not in UNDERLINE_CHARS or mark.count(mark[0]) != len(mark):
        return None
    text = title.strip()
    if not text or len(text) > MAX_MARKED_HEADING or text[0] in UNDERLINE_CHARS or not any(map(str.isalpha, text)):
        return None
    if _COLUMNS in text or "\t" in text:
        return None  # a table's header row: its columns are set apart by runs of spaces
    slack = max(UNDERLINE_SLACK_CHARS, len(text) * UNDERLINE_SLACK)
    if text.endswith((",", ";")) or abs(len(mark) - len(text)) > slack:
        return None
    return mark[0]


def _underlined(
    units: list[Chunk], candidates: list[int], soft: bool, replaced: dict[int, list[Chunk]], marked: dict[Chunk, int]
) -> tuple[int | None, bool]:
    """Headings underlined (or over- and underlined) at the top of a block, the rules taken off,
    ranked. Returned: the level of a heading the text does not underline (None when it underlines
    none), and whether the first line is such a heading of a kind used again (no title then)."""
    kinds: dict[Chunk, object] = {}
    for index in candidates:
        unit = units[index]
        lines = unit.lines
        over = len(lines) > 2 and lines[0].lstrip()[:1] in UNDERLINE_CHARS and lines[0].strip() == lines[2].strip()
        if over:
            mark = _underline_of(lines[2], lines[1])
            if mark is not None:
                heading = Chunk([lines[1]], unit.gap)
                kinds[heading] = ("over", mark)
                replaced[index] = [heading, Chunk(lines[3:], 0)] if len(lines) > 3 else [heading]
                continue
        if len(lines) > 1 and lines[1].lstrip()[:1] in UNDERLINE_CHARS:
            # (the text may go on right under the underline, as AsciiDoc and Markdown write it)
            mark = _underline_of(lines[1], lines[0])
            if mark is not None:
                heading = Chunk([lines[0]], unit.gap)
                kinds[heading] = mark
                replaced[index] = [heading, Chunk(lines[2:], 0)] if len(lines) > 2 else [heading]
        elif soft and index not in replaced:
            # A text of a paragraph a line: each rule is a unit of its own, around or under its line.
            mark = _soft_overlined(units, index)
            if mark is not None:
                kinds[units[index + 1]] = ("over", mark)
                replaced[index] = replaced[index + 2] = []
                continue
            above = units[index - 1] if index > 0 else None
            if above is not None and unit.gap == 0 and (above.gap > 0 or index == 1) and above not in kinds:
                mark = _underline_of(lines[0], above.lines[0])
                if mark is not None:
                    kinds[above] = mark
                    replaced[index] = []
    if not kinds:
        return None, False
    _glued_underlines(units, replaced, kinds)
    # The first line, underlined by a kind used nowhere else, is the title: the others rank below
    # it from level 2, each kind under the kinds met before it.
    first = next((new for index, unit in enumerate(units) for new in replaced.get(index, (unit,))), None)
    title = first if first is not None and first in kinds else None
    untitled = title is not None and list(kinds.values()).count(kinds[title]) > 1
    if untitled:
        title = None
    ranked: list[object] = []
    for unit, kind in kinds.items():
        if unit is not title and kind not in ranked:
            ranked.append(kind)
    for unit, kind in kinds.items():
        marked[unit] = min(2 + ranked.index(kind), DEEPEST) if kind in ranked else 2
    return min(2 + len(ranked), DEEPEST), untitled


def _glued_underlines(units: list[Chunk], replaced: dict[int, list[Chunk]], kinds: dict[Chunk, object]) -> None:
    """Headings underlined by a kind the text already uses, written right under a paragraph with
    no blank line (e2fsprogs' NEWS: a release's last line, then `E2fsprogs 1.46.6 (February 1,
    2023)` and its `=====`): the paragraph ends there, and the heading is one of the others. Looked
    for only once the text is known to underline its headings."""
    known = {kind for kind in kinds.values() if isinstance(kind, str)}
    if not known:
        return
    for index, unit in enumerate(units):
        lines = unit.lines
        if index in replaced or len(lines) < 3:
            continue
        for at in range(2, len(lines)):
            title = lines[at - 1].rstrip()
            if (
                lines[at].lstrip()[:1] in known
                and not title.endswith((".", ":"))  # a paragraph's last line over a rule of its length
                and (mark := _underline_of(lines[at], title)) in known
            ):
                heading = Chunk([lines[at - 1]], 0)
                kinds[heading] = mark
                after = [Chunk(lines[at + 1 :], 0)] if at + 1 < len(lines) else []
                replaced[index] = [Chunk(lines[: at - 1], unit.gap), heading, *after]
                break


def _soft_overlined(units: list[Chunk], index: int) -> str | None:
    """The rule character when the unit at `index` is a rule, the next a line and the one after
    the same rule again, each right under the other."""
    if index + 2 >= len(units) or units[index + 1].gap or units[index + 2].gap:
        return None
    rule = units[index].lines[0].strip()
    if units[index + 2].lines[0].strip() != rule:
        return None
    return _underline_of(rule, units[index + 1].lines[0])


def _is_centred(line: str, width: int, least: int = MIN_CENTRED_INDENT) -> bool:
    line = line.expandtabs()  # centred with tabs, as older texts are
    indent = len(line) - len(line.lstrip())
    text = line.strip()
    if indent < least or len(text) > MAX_CENTRED_CHARS or indent + len(text) > width:
        return False
    return abs(indent + len(text) / 2 - width / 2) <= width * CENTRED_SLACK


def _centred(
    units: list[Chunk],
    candidates: list[int],
    width: int,
    front: bool,
    replaced: dict[int, list[Chunk]],
    marked: dict[Chunk, int],
) -> None:
    """Lines centred alone between blank lines are headings; a centred block opening the text is
    its title block, read a line at a time."""
    for index in candidates:
        unit = units[index]
        lines = unit.lines
        if lines[0][:1] not in " \t" or index in replaced:
            continue
        if index == 0 and front and len(lines) > 1 and all(_is_centred(line, width) for line in lines):
            replaced[0] = [Chunk([line], unit.gap if offset == 0 else 0) for offset, line in enumerate(lines)]
        elif (
            index > 0
            and unit.gap > 0
            and len(lines) <= MAX_CENTRED_LINES
            and _is_centred(lines[0], width)
            # (the second line of a heading may be long, nearly from margin to margin; a heading on
            # two lines is in capitals, as a title page's lines in smaller type are not)
            and all(_is_centred(line, width, 1) and _heading_like(line.strip()) for line in lines)
            and (len(lines) == 1 or all(line.isupper() for line in lines))
        ):
            # A heading set on two lines (`GNU GENERAL PUBLIC LICENSE` over `TERMS AND CONDITIONS
            # FOR COPYING, …`) is one heading (joined where it is taken as one: a book's plan
            # may read the two lines as its title page).
            marked[unit] = 2


def _heading_like(line: str) -> bool:
    """A centred line that names something: letters, no sentence's comma, no bracket or quote."""
    return (
        any(map(str.isalpha, line))
        and not line.endswith((",", ";", ":"))
        and line[:1] not in "[(\"“‘'<*"
        and _COLUMNS not in line
        and is_heading(line)
    )


def _run_in(
    units: list[Chunk], candidates: list[int], replaced: dict[int, list[Chunk]], marked: dict[Chunk, int]
) -> None:
    """Numbered headings counting up from 0 or 1, alone on their line or run in with the text."""
    found: list[tuple[int, int, re.Match[str]]] = []  # (unit index, number, match)
    for index in candidates:
        text = units[index].lines[0].lstrip()
        if text[:1].isdigit() and index not in replaced and units[index] not in marked:
            match = _RUN_IN.fullmatch(text.rstrip())
            if match is not None and is_heading(match.group(2)[:-1]):
                found.append((index, int(match.group(1)), match))
    run = _counting_run(found)
    if len(run) < MIN_NUMBERED_RUN:
        return
    for index, _number, match in run:
        unit = units[index]
        first = unit.lines[0]
        indent = first[: len(first) - len(first.lstrip())]
        heading = Chunk([f"{indent}{match.group(1)}. {match.group(2)}"], unit.gap)
        marked[heading] = 2
        rest = ([indent + match.group(3)] if match.group(3) else []) + unit.lines[1:]
        replaced[index] = [heading, Chunk(rest, 0)] if rest else [heading]


def _counting_run(found: list[tuple[int, int, re.Match[str]]]) -> list[tuple[int, int, re.Match[str]]]:
    """The longest run of candidates whose numbers go 0 or 1, then up by one, in the text's order."""
    best: list[tuple[int, int, re.Match[str]]] = []
    run: list[tuple[int, int, re.Match[str]]] = []
    for candidate in found:
        number = candidate[1]
        if run and number == run[-1][1] + 1:
            run.append(candidate)
        elif number in (0, 1):
            run = [candidate]
        else:
            continue  # a numbered line inside a section (`7.  This requirement…`): not the run's
        if len(run) > len(best):
            best = run
    return best
