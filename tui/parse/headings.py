"""What a heading looks like in plain text: article headings, list intros, book divisions."""

from __future__ import annotations

import re

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 12
MAX_INTRO_WORDS = 6

# Words that stay lower case inside a Title Case heading.
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "without",
    ]
)
_SENTENCE_END = (".", "!", "?", ",", ";", ":", "…")

# The names a section commonly has, which are never taken for a dek.
USUAL_SECTION_NAMES = frozenset(
    name.casefold()
    for name in (
        "Introduction", "Overview", "Summary", "Background", "Context", "Context & Background",
        "Context and Background", "Abstract", "Preface", "Foreword", "Contents", "Table of Contents",
        "Analysis", "In-Depth Analysis", "Conclusion", "Key Takeaways", "Takeaways", "TL;DR",
    )
)  # fmt: skip

_NUMBER_WORD = (
    r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)"
)
_NUMBER = rf"(?:[IVXLCDM]+|\d+|{_NUMBER_WORD}(?:[- ]{_NUMBER_WORD})?)"
_PART = re.compile(rf"(?:PART|Part|BOOK|Book|VOLUME|Volume)\s+{_NUMBER}\b[.:]?(?:\s.*)?")
_CHAPTER = re.compile(rf"(?:CHAPTER|Chapter)\s+{_NUMBER}\b[.:]?(?:\s.*)?")
_EPILOGUE = re.compile(
    r"(?:(?:FIRST|SECOND|THIRD|First|Second|Third)\s+)?(?:EPILOGUE|PROLOGUE|Epilogue|Prologue)\b[.:]?(?:\s.*)?"
)


def book_level(line: str) -> int | None:
    """2 for a part-like division (PART, BOOK, EPILOGUE), 3 for a chapter, None for anything else."""
    if len(line) > MAX_HEADING_CHARS:
        return None
    if _CHAPTER.fullmatch(line):
        return 3
    if _PART.fullmatch(line) or _EPILOGUE.fullmatch(line):
        return 2
    return None


def is_heading(line: str) -> bool:
    """A short Title Case or ALL CAPS line without sentence-ending punctuation."""
    if len(line) > MAX_HEADING_CHARS or line.endswith(_SENTENCE_END):
        return False
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if not letters:
        return False
    if all(not ch.islower() for ch in letters):
        return True
    return _is_title_case(words)


def is_list_intro(line: str) -> bool:
    """A short line ending in a colon, such as `Pros:`, that introduces a list."""
    if not line.endswith(":") or line.endswith("::"):
        return False
    words = line[:-1].split()
    return 0 < len(words) <= MAX_INTRO_WORDS and len(line) <= MAX_HEADING_CHARS and _is_title_case(words)


def _is_title_case(words: list[str]) -> bool:
    for index, word in enumerate(words):
        first = next((ch for ch in word if ch.isalpha()), None)
        if first is None or not first.islower():
            continue
        if index > 0 and word.casefold() in _MINOR_WORDS:
            continue
        return False
    return True
