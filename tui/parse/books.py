"""The structure of a book in plain text, planned over all its units before any section is made.

A book is told from an article by its divisions (CHAPTER, PART, ACT, SCENE, LETTER…, or Roman
numerals standing alone in order) outnumbering the other heading-like lines. In a book only those
divisions, the named parts beside them (PREFACE, FINALE…) and the titles of the stories or poems of
a collection head sections: a short line of dialogue, a letter's salutation or a stage direction
does not. A contents list is found in any text, and a play's speakers wherever they recur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.parse.headings import (
    MAX_DIVISION_CHARS,
    book_level,
    is_book_matter,
    is_heading,
    lower_case_words,
    roman_heading,
    strip_emphasis,
)
from tui.parse.lines import Chunk
from tui.parse.outline_labels import label_of, outline_depths
from tui.parse.pages import RunningHeader

# Fewer book divisions than this are taken for ordinary headings that happen to say "Part 2"
# (they are headings all the same, if they look like one).
MIN_BOOK_HEADINGS = 3
# Roman numerals alone are chapter numbers when this many of them go up one by one.
MIN_ROMAN_RUN = 3
# A play has at least this many speaker cues (`ROMEO.` alone on a line).
MIN_SPEAKER_CUES = 10
# A division's own title on the next line is at most this long.
MAX_JOINED_TITLE_CHARS = 70
# A collection's titles are at most this many words.
MAX_TITLE_WORDS = 12

# `Contents  hide`: a web page's contents box copied with its toggle.
_CONTENTS_TITLE = re.compile(
    r"(?:(?:table of )?contents|list of (?:contents|illustrations|plates|maps)|illustrations)"
    r"(?:\s+\[?(?:hide|show)\]?|\s*[-—–:]\s*(?:volume|part|book)\s+\w+)?",
    re.I,
)
# A contents line with dot leaders runs as wide as the page.
_LEADERS = re.compile(r"(?:\.\s*){5,}|…{2,}")
_PAGE_NUMBER = re.compile(r"(?:\s*\.){2,}\s*\d+$|[\s,.]\s*\d{1,4}$|\s{2,}[ivxlc]+$")
_DIVISION_NUMBER = re.compile(r"^\S+\.?\s*([IVXLCDM]+|\d+|[A-Za-z]+)\b")
_QUOTES = ("\"", "“", "‘", "'", "«")
_CUE = re.compile(r"[A-Z][A-Z’'. -]{0,30}[A-Z]\.")
# The first letters of a contents list's title (`Contents`, `TABLE OF CONTENTS`, `List of Plates`,
# `_Illustrations_`): the other lines are passed over at once.
_TITLE_INITIALS = frozenset("CcTtLlIi_")
# Abbreviations a title may end with, period and all.
_ABBREVIATIONS = frozenset(["etc.", "jr.", "sr.", "esq.", "st.", "co.", "&c."])
# A contents line that is only an outline label (`l.`), its title left out.
_BARE_LABEL = re.compile(r"[ivxlc\d]{1,4}|[a-z]")

Heading = tuple[str, int, int]


@dataclass
class BookPlan:
    """What was found: whether the text is a book, its headings by unit index (text, level, units
    used), contents lists (first unit index → index after the list), and whether it is a play."""

    is_book: bool = False
    headings: dict[int, Heading] = field(default_factory=dict)
    contents: dict[int, int] = field(default_factory=dict)
    speakers: bool = False
    named: list[str] = field(default_factory=list)
    """What the contents lists name, in order (their entries' keys, see `heading_key`): the headings
    to come."""
    entries: list[str] = field(default_factory=list)
    """The contents entries those keys are of, as written (an entry broken over lines joined)."""
    depths: list[int] = field(default_factory=list)
    """The outline depth of each named entry (0 for the top), as its label shows it (`I.`, `A.`, `1.`)."""
    numbered: bool = False
    """Whether the contents number their entries `1.`, `2.`: numbered lines are headings as named."""


def plan_book(units: list[Chunk], width: int | None, header: RunningHeader | None = None) -> BookPlan:
    """Plan the divisions, contents lists and speakers of `units` (`header`: a page's running header,
    page furniture wherever it recurs)."""
    plan = BookPlan()
    header = header or RunningHeader()
    plan.contents = _contents(units, width, header)
    in_contents = {i for start, end in plan.contents.items() for i in range(start, end)}
    for start, end in plan.contents.items():
        # An entry without words (a page number under a title the page left out) names nothing.
        entries = [entry for entry in _entries(units[start + 1 : end], header) if _keys(entry)[0]]
        labels = [label_of(entry) for entry in entries]
        plan.named.extend(_keys(entry)[0] for entry in entries)
        plan.entries.extend(entries)
        plan.depths.extend(outline_depths(labels))
        plan.numbered = plan.numbered or sum(1 for label in labels if label and label.isdigit()) >= 3
    # Every line weighed below (a division, a speaker, a heading) is at most as long as a division,
    # bar a Roman numeral spaced far from its title: the one-line paragraphs of a soft-wrapped text
    # are passed over at once.
    singles = [
        (i, line)
        for i, unit in enumerate(units)
        if (line := unit.single) is not None
        and (len(line) <= MAX_DIVISION_CHARS or line[0] in "IVXLC")
        and i not in in_contents
    ]
    # Speakers recur: a few names over many speeches (centred table titles are all different).
    cues = [line for _, line in singles if _is_cue(line)] + [
        first
        for unit in units
        if len(unit.lines) > 1 and len(unit.lines[0]) <= 40 and _is_cue(first := unit.lines[0].strip())
    ]
    plan.speakers = len(cues) >= MIN_SPEAKER_CUES and len(set(cues)) * 3 <= len(cues)
    divisions: dict[int, int] = {}
    for index, line in singles:
        level = book_level(line)
        if level is not None:
            divisions[index] = level
        elif is_book_matter(line):
            divisions[index] = 1  # beside the divisions: shown at the top level
    romans = _roman_run(units, singles)
    found = sum(1 for level in divisions.values() if level > 1) + len(romans)
    if found < MIN_BOOK_HEADINGS:
        return plan  # an article: the other lines need not be weighed
    candidates = [
        index
        for index, line in singles
        if index not in divisions
        and is_heading(line)
        and not (plan.speakers and _is_cue(line))
        and not _PAGE_NUMBER.search(line)
    ]
    # Other heading-like lines weigh against a book, but not those set off as far as the divisions
    # are: the titles of the poems or stories inside them.
    min_gap = _title_gap(units, [*divisions, *romans])
    first_division = min([*divisions, *romans], default=len(units))
    heads = {*divisions, *romans}
    others = sum(
        1
        for index in candidates
        if (_over_prose(units, index) if index < first_division else units[index].gap < min_gap)
        and not _opens_division(units, index, heads)
    )
    if found < MIN_BOOK_HEADINGS or found <= 2 * others and len(romans) < MIN_BOOK_HEADINGS:
        return plan
    plan.is_book = True
    levels = set(divisions.values())
    part, chapter = (2, 3) if 2 in levels and 3 in levels else (2, 2)
    deepest = max((part if level == 2 else chapter for level in levels if level > 1), default=1)
    titles = _collection_titles(units, divisions, romans, min_gap)
    roman_level = deepest + 1 if deepest > 1 else (3 if titles else 2)
    title_level = deepest + 1 if deepest > 1 else 2
    for index, level in divisions.items():
        shown = 2 if level == 1 else part if level == 2 else chapter
        plan.headings[index] = _joined(units, index, shown)
    for index in romans:
        plan.headings[index] = _joined(units, index, roman_level)
    for index in titles:
        plan.headings[index] = (units[index].single or "", title_level, 1)
    return plan


def _over_prose(units: list[Chunk], index: int) -> bool:
    """Whether a paragraph follows the unit at `index`, as it follows a heading (a title page's
    lines, a list of the author's other works, a cast list, follow one another)."""
    following = units[index + 1] if index + 1 < len(units) else None
    if following is None:
        return False
    lines = following.lines
    return len(lines[0]) > 100 or (len(lines) >= 2 and sum(map(len, lines)) >= 45 * len(lines))


def _is_cue(line: str) -> bool:
    """`ROMEO.`: a name in capitals alone on its line (tested cheaply before the regex)."""
    return len(line) <= 34 and line.endswith(".") and line[:1].isupper() and _CUE.fullmatch(line) is not None


def _joined(units: list[Chunk], index: int, level: int) -> Heading:
    """A division with its own title on the next line joined to it: `CHAPTER I. Down the
    Rabbit-Hole`, when the division line gives only the number."""
    line = strip_emphasis(units[index].single or "")
    following = units[index + 1] if index + 1 < len(units) else None
    if following is None or following.gap > 1 or following.single is None or _has_title(line):
        return line, level, 1
    title = strip_emphasis(following.single)
    if (
        len(title) > MAX_JOINED_TITLE_CHARS
        or title.startswith(_QUOTES + ("[", "("))
        or not title[:1].isupper()
        or book_level(title) is not None
        or roman_heading(title) is not None
        or not (title == title.upper() or is_heading(title.rstrip(".")))
    ):
        return line, level, 1
    separator = " " if line.endswith((".", ":")) else ". "
    return f"{line}{separator}{title}", level, 2


def _has_title(line: str) -> bool:
    """Whether a division line carries words after its number (`CHAPTER I. LOOMINGS`)."""
    match = _DIVISION_NUMBER.match(line)
    words = line.split()
    if roman_heading(line) is not None:
        return len(words) > 1
    if match is None:
        return len(words) > 2
    return bool(line[match.end() :].strip(" .:-—–"))


def _roman_run(units: list[Chunk], singles: list[tuple[int, str]]) -> list[int]:
    """Indices of Roman numerals standing alone that count up one by one (restarting at I in each
    story of a collection); none when fewer than MIN_ROMAN_RUN of them do."""
    found = [(index, value[0]) for index, line in singles if (value := roman_heading(line)) is not None]
    in_order = []
    previous = 0
    for index, value in found:
        if value == previous + 1 or value == 1:
            in_order.append(index)
            previous = value
    return in_order if len(in_order) >= MIN_ROMAN_RUN and len(in_order) * 5 >= len(found) * 4 else []


def _title_like(line: str) -> bool:
    """A heading, or a short line that may title a poem or story though it asks or exclaims
    (`O Captain! My Captain!`, `What Think You I Take My Pen in Hand?`) or keeps one small word
    in lower case (`The World below the Brine`), perhaps with a note in brackets after it
    (`Roaming in Thought [After reading Hegel]`)."""
    if line.endswith(".") and line[line.rfind(" ") + 1 :].casefold() in _ABBREVIATIONS:
        line = line[:-1]  # `As Consequent, Etc.`: the period is the abbreviation's, not a sentence's
    if is_heading(line):
        return True
    bracket = line.find(" [")
    if bracket > 0:
        line = line[:bracket].rstrip()
    words = line.split()
    if not (len(words) <= MAX_TITLE_WORDS and line[:1].isupper()):
        return False
    if line.endswith(("?", "!")):
        return sum(1 for word in words if word[:1].islower()) * 3 <= len(words)
    lower = lower_case_words(line)
    return lower == 0 or (lower == 1 and len(words) >= 3)


def _opens_division(units: list[Chunk], index: int, heads: set[int]) -> bool:
    """Whether the unit at `index` comes right after a division line, after a blank line or two:
    the first title under `BOOK II`."""
    return index - 1 in heads and 2 <= units[index].gap <= 3


def _title_gap(units: list[Chunk], divisions: list[int]) -> int:
    """The blank lines that set a title off: as many as before most divisions, less one, and three
    at least (a date over a diary entry, after two, is not a title)."""
    gaps = sorted(units[index].gap for index in divisions)
    return max(3, gaps[len(gaps) // 2] - 1) if gaps else 3


def _collection_titles(units: list[Chunk], divisions: dict[int, int], romans: list[int], min_gap: int) -> list[int]:
    """The titles of the stories, essays or poems of a collection: lone Title Case lines set off by
    three blank lines or more, either right above a numbered section `I.` or among the divisions."""
    roman_starts = {index for index in romans if roman_heading(units[index].single or "") == (1, None)}
    first_division = min([*divisions, *romans], default=len(units))
    heads = {*divisions, *romans}
    titles = []
    for index, unit in enumerate(units):
        line = unit.single
        if (
            line is None
            or index in divisions
            or index in romans
            or unit.gap < (2 if _opens_division(units, index, heads) else min_gap)
            or len(unit.lines[0]) - len(unit.lines[0].lstrip()) > 2
            or line.startswith(_QUOTES + ("[", "("))
            or not _title_like(line)
            or _is_cue(line)
        ):
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        if following is None:
            continue
        body_follows = following.single is None or (following.gap <= 2 and index + 1 not in heads)
        if index + 1 in roman_starts or (index > first_division and body_follows):
            titles.append(index)
    return titles


def _contents(units: list[Chunk], width: int | None, header: RunningHeader) -> dict[int, int]:
    """Contents lists: a `Contents` line, then the short lines naming what follows, up to the first
    line that repeats one of them (the text has reached the first entry) or the first prose (a
    heading line over it is the text's own). Page furniture inside the list is passed over."""
    found: dict[int, int] = {}
    index = 0
    while index < len(units):
        line = units[index].single
        if line is None or len(line) > 60 or line[:1] not in _TITLE_INITIALS or not is_contents_title(line):
            index += 1
            continue
        seen: set[str] = set()
        end = index + 1
        while end < len(units):
            unit = units[end]
            if unit.single is not None and header.is_furniture(unit.single):
                end += 1
                continue
            keys = [_keys(text) for text in unit.lines]
            full, number = keys[0]
            line = unit.lines[0].strip()
            # `CHAPTER I.` over `THE MILL.`: the text has reached the entry the next line names.
            after = units[end + 1] if end + 1 < len(units) else None
            if (
                unit.single is not None
                and not _PAGE_NUMBER.search(line)
                and after is not None
                and after.single is not None
                and after.gap <= 1
            ):
                joined = _keys(after.single)[0]
                if joined in seen and not _PAGE_NUMBER.search(after.single):
                    break
            if (
                (unit.single is not None and is_contents_title(unit.single))
                or (
                    unit.single is not None
                    and full
                    and (full in seen or number in seen)
                    and not _PAGE_NUMBER.search(line)
                )
            ):
                break
            if not _listish(unit, width):
                # Back to the paragraph's first line (a soft-wrapped text's lines are units).
                while end - 1 > index + 1 and unit.gap == 0 and units[end - 1].single is not None:
                    end -= 1
                    unit = units[end]
                end = _heading_over_prose(units, index + 1, end, header)
                break
            for full, number in keys:
                if not full or _BARE_LABEL.fullmatch(full):
                    continue  # `l.` whose title the page left out: no name to meet again
                seen.add(full)
                if number is not None and number == full:
                    seen.add(number)
            end += 1
        if end > index + 1:
            found[index] = end
        index = max(end, index + 1)
    return found


def _heading_over_prose(units: list[Chunk], start: int, end: int, header: RunningHeader) -> int:
    """Where a contents list that runs into prose ends: before the heading line over the prose
    (`INTRODUCTION TO VOLUME II`, which OCR read `VOLUME IT` in the list), page furniture aside."""
    above = end - 1
    while above > start and (line := units[above].single) is not None and header.is_furniture(line):
        above -= 1
    line = units[above].single if above > start else None
    if line is not None and not _PAGE_NUMBER.search(line) and not _LEADERS.search(line) and is_heading(line):
        return above
    return end


def _entries(units: list[Chunk], header: RunningHeader) -> list[str]:
    """The entries of a contents list, page furniture aside. When most lines end with a page
    number, an entry broken over lines is joined up to its page number (a line opening with an
    outline label starts a new one); otherwise each line is an entry."""
    lines = [
        text
        for unit in units
        for line in unit.lines
        if (text := line.strip()) and not is_contents_title(text) and not header.is_furniture(text)
    ]
    paged = sum(1 for line in lines if _PAGE_NUMBER.search(line))
    if paged * 2 < len(lines):
        return lines
    entries: list[str] = []
    open_entry = False
    for line in lines:
        if open_entry and label_of(line) is None:
            entries[-1] = f"{entries[-1]} {line}"
        else:
            entries.append(line)
        open_entry = not _PAGE_NUMBER.search(line)
    return entries


def is_contents_title(line: str) -> bool:
    """`Contents`, `TABLE OF CONTENTS.`, `List of Illustrations`: the line over a contents list."""
    lower = line.lower()
    if "contents" not in lower and "illustrations" not in lower and "plates" not in lower and "maps" not in lower:
        return False
    return _CONTENTS_TITLE.fullmatch(strip_emphasis(line).strip(" .:")) is not None


def _listish(unit: Chunk, width: int | None) -> bool:
    """Lines of a list of titles: short, not speech, not prose running to the wrap width."""
    lines = [line.strip() for line in unit.lines]
    if any(line.startswith(_QUOTES) or (len(line) > 90 and not _LEADERS.search(line)) for line in lines):
        return False
    if width is not None and len(lines) >= 3:
        full = sum(1 for line in lines if len(line) >= 0.85 * width and not _PAGE_NUMBER.search(line))
        return full < 2
    return True


def heading_key(line: str) -> str:
    """The words of a heading as a contents list names it, without numbers of pages or punctuation."""
    return _keys(line)[0]


def _keys(line: str) -> tuple[str, str | None]:
    """What a contents line and the heading it names have in common: the words, without page
    numbers and punctuation (`INTRODUCTION, 1` and `_INTRODUCTION._` give `introduction`), and for
    a division its number (`CHAP. I.` and `Chapter I--To What Extent…` both give `3 i`)."""
    text = strip_emphasis(line.strip())
    number = None
    level = book_level(text)
    if level is not None:
        match = _DIVISION_NUMBER.match(text.replace("CHAP.", "CHAPTER").replace("Chap.", "Chapter"))
        if match is not None:
            number = f"{level} {match.group(1).casefold()}"
            if not _has_title(text):
                return number, number
    if text[-1:].isdigit() or text[-1:] in "ivxlc":  # (the test spares most lines the regex)
        text = _PAGE_NUMBER.sub("", text)
    return " ".join(re.findall(r"\w+", text.casefold())), number
