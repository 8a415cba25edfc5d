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
_NOT_HEADING_OPENERS = ("[", "\"", "“", "‘", "„", "«")

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
# Divisions above chapters, and chapter-like ones; acts hold scenes as parts hold chapters.
_PART_WORDS = r"PART|Part|BOOK|Book|VOLUME|Volume|ACT|Act"
_CHAPTER_WORDS = (
    r"CHAPTER|Chapter|CHAP\.|Chap\.|SCENE|Scene|LETTER|Letter|STAVE|Stave|CANTO|Canto|ADVENTURE|Adventure"
)
# What may follow the number: nothing, a period or colon, then the division's own title after
# `.`, `:`, `--` or a dash, or after a space.
# Without a separator, the title starts as a title does: `Volume I describes the factual results…`
# is a sentence that happens to open with a volume's name.
_TITLE = r"(?:\s*(?:[.:]|--|[—–-])(?:\s+\S.*|\S.*)?|\s+(?![a-zß-ÿ])\S.*)?"
# `Volume I of II`: a part of a work published in several.
# `BOOKXXXV.`: a Roman numeral in capitals run into the word by a slip of the typist.
_PART = re.compile(
    rf"(?:(?:{_PART_WORDS})\s+{_NUMBER}|(?:PART|BOOK|VOLUME)[IVXLC]+(?=\.))\b(?:\s+of\s+{_NUMBER}\b)?{_TITLE}"
)
_CHAPTER = re.compile(rf"(?:{_CHAPTER_WORDS})\s*{_NUMBER}\b{_TITLE}")
# `THE FIRST ACT`, `Second Part`: the number before the word.
_ORDINAL_PART = re.compile(rf"(?:(?:THE|The)\s+)?{_NUMBER_WORD}\s+(?:{_PART_WORDS})\b[.:]?")
_EPILOGUE = re.compile(
    r"(?:THE\s+|The\s+)?(?:(?:FIRST|SECOND|THIRD|First|Second|Third)\s+)?(?:EPILOGUE|PROLOGUE|Epilogue|Prologue)\b[.:]?(?:\s*[:.—-]\s*.*|\s+[\dIVX].*)?"
)
# Named parts of a book that stand beside its chapters, never inside one.
_MATTER = re.compile(
    r"(?:THE\s+|The\s+)?(?:PRELUDE|Prelude|FINALE|Finale|PREFACE|Preface|INTRODUCTION|Introduction"
    r"|APPENDIX|Appendix|AFTERWORD|Afterword|FOREWORD|Foreword|CONCLUSION|Conclusion|PROEM|Proem"
    r"|INDUCTION|Induction)\b[.:]?(?:\s+[A-Z0-9IVX][^.!?]{0,40})?"
    # A note the transcriber, editor or translator added, alone on its line (`Editor's note: …`
    # opening an article is no division).
    r"|(?:TRANSCRIBER|TRANSLATOR|EDITOR|PUBLISHER|AUTHOR)[’']S\s+NOTES?[.:]?"
    r"|(?:Transcriber|Translator|Editor|Publisher|Author)[’']s\s+[Nn]otes?[.:]?"
)
MAX_DIVISION_CHARS = 120
# The first three letters of a named part of a book (`PRELUDE`, `The Preface`), in capitals.
_MATTER_PREFIXES = frozenset(
    ["THE", "PRE", "FIN", "INT", "APP", "AFT", "FOR", "CON", "PRO", "IND", "TRA", "EDI", "PUB", "AUT"]
)
# The first word of every division line, in capitals.
_DIVISION_OPENERS = frozenset(
    [
        "PART", "BOOK", "VOLUME", "ACT", "CHAPTER", "CHAP.", "SCENE", "LETTER", "STAVE", "CANTO", "ADVENTURE",
        "THE", "EPILOGUE", "PROLOGUE", "EPILOGUE.", "PROLOGUE.", "EPILOGUE:", "PROLOGUE:",
        "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH", "TENTH",
        "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
        "LAST", "FINAL",
    ]
)  # fmt: skip
# Roman numerals standing alone (`IV.`), perhaps with a title (`IV. SPIRITUAL LAWS.`).
_ROMAN_LINE = re.compile(r"([IVXLC]{1,7})\.?(?:\s+(\S.*))?")
_ROMAN_STEPS = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def book_level(line: str) -> int | None:
    """2 for a part-like division (PART, BOOK, ACT, EPILOGUE), 3 for a chapter-like one (CHAPTER,
    SCENE, LETTER, STAVE, CANTO, ADVENTURE), None for anything else. `line` is stripped."""
    if len(line) > MAX_DIVISION_CHARS:
        return None
    line = strip_emphasis(line)
    words = line.split(None, 1)  # none in a rule of underscores (`____ ____`, as pytest prints)
    first = words[0].upper() if words else ""
    if first not in _DIVISION_OPENERS and not first.startswith(("CHAP", "PART", "BOOK", "VOLUME")):
        return None  # most lines: no regex needed
    if _CHAPTER.fullmatch(line):
        return 3
    if _PART.fullmatch(line) or _ORDINAL_PART.fullmatch(line) or _EPILOGUE.fullmatch(line):
        return 2
    return None


def is_book_matter(line: str) -> bool:
    """A named part of a book standing alone: PRELUDE, PREFACE, INTRODUCTION, FINALE, APPENDIX…"""
    if len(line) > MAX_HEADING_CHARS or line.lstrip("_")[:3].upper() not in _MATTER_PREFIXES:
        return False
    return _MATTER.fullmatch(strip_emphasis(line)) is not None


def strip_emphasis(line: str) -> str:
    """`_INTRODUCTION._` as `INTRODUCTION.`: underscores around a heading mark italics, not words."""
    if line.startswith("_") and "_" in line[1:]:
        return line.replace("_", "")
    return line


def roman_heading(line: str) -> tuple[int, str | None] | None:
    """(value, title) of a line that is a Roman numeral alone (`II.`) or with a short title in
    capitals (`II. SELF-RELIANCE.`); None otherwise."""
    if line[:1] not in "IVXLC":
        return None
    match = _ROMAN_LINE.fullmatch(line)
    if match is None:
        return None
    numeral, title = match.groups()
    if len(line) == len(numeral) or line[len(numeral)] != ".":
        return None  # a letter alone (`I`, `V`) is a word or a stray mark, not a number
    if title is not None and (len(title) > 60 or not _mostly_capitals(title)):
        return None
    value = roman_value(numeral)
    return (value, title) if value else None


def _mostly_capitals(text: str) -> bool:
    """Capitals but for a stray small word (`LINKS To AND CONTACTS`, as OCR reads them)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)


def roman_value(numeral: str) -> int:
    """The value of a well-formed Roman numeral; 0 when `numeral` is not one (`IIII`, `VX`)."""
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if total > 0 and _to_roman(total) == numeral else 0


def _to_roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN_STEPS:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def is_heading(line: str) -> bool:
    """A short Title Case or ALL CAPS line without sentence-ending punctuation."""
    return lower_case_words(line) == 0


def lower_case_words(line: str) -> int | None:
    """How many words of a heading-shaped line (short, no sentence-ending punctuation, no
    opening bracket or quotation mark) break Title Case, 2 standing for more than one; None when
    the line has not that shape."""
    if len(line) > MAX_HEADING_CHARS or line.rstrip("”’\"')]_").endswith(_SENTENCE_END + ("--", "—", "}")):
        return None
    if line.startswith(_NOT_HEADING_OPENERS):  # bracketed notes, quoted speech
        return None
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    if line.isupper():
        return 0  # ALL CAPS (the common test first: no list of letters is made)
    if not any(map(str.isalpha, line)):
        return None
    if not any(map(str.islower, line)):
        return 0  # letters without case
    return _lower_words(words, stop=1)


def is_list_intro(line: str) -> bool:
    """A short line ending in a colon, such as `Pros:`, that introduces a list."""
    if not line.endswith(":") or line.endswith("::"):
        return False
    words = line[:-1].split()
    return 0 < len(words) <= MAX_INTRO_WORDS and len(line) <= MAX_HEADING_CHARS and _is_title_case(words)


def _is_title_case(words: list[str]) -> bool:
    return _lower_words(words, 0) == 0


def _lower_words(words: list[str], stop: int = 0) -> int:
    """The words that break Title Case (a small word inside it does not), counted until there are
    more than `stop` of them."""
    count = 0
    for index, word in enumerate(words):
        first = word[0] if word[0].isalpha() else next((ch for ch in word if ch.isalpha()), None)
        if first is None or not first.islower() or word[0].isdigit():
            continue
        if index > 0 and word.casefold().rstrip(",;") in _MINOR_WORDS:  # `Weave in, My Hardy Life`
            continue
        count += 1
        if count > stop:
            break
    return count
