"""Sentences of a paragraph, as character spans into it, so that one can be highlighted and jumped to.

A rule-based splitter (no data to download): a sentence ends at `.`, `!`, `?` or `…` (and any
closing quotes or brackets after it) followed by space and a capital, a digit or an opening quote.
It does not end after a title (Mr., Dr.), an abbreviation before a number (No. 5, p. 12), an
initial (J. K. Rowling), a dotted abbreviation such as e.g. or U.S. unless a word that opens
sentences follows it (`… in the U.S. The …`), nor inside a decimal (3.14, no space follows).
"""

from __future__ import annotations

import re

# Titles and the like: always followed by a name, never the end of a sentence.
_TITLES = frozenset(
    "mr mrs ms mx dr prof sr sra st mt ft gen gov sen rep col capt cmdr lt sgt maj adm rev hon pres supt "
    "messrs mme mlle msgr fr".split()
)
# Abbreviations that stand before a number: `No. 5`, `Fig. 3`, `p. 12`.
_BEFORE_NUMBERS = frozenset("no nos vol vols fig figs p pp art sec ch chap eq ed op approx ca".split())
# Abbreviations that introduce what follows: `e.g. No. 5`.
_LEADING = frozenset({"e.g", "i.e", "viz", "cf"})
# Abbreviations that are seldom the last word of a sentence.
_INNER = frozenset("vs etc al approx ca incl esp jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words that open a sentence: after `U.S.` or `etc.` one of them means the sentence did end.
_OPENERS = frozenset(
    "a an the he she it they we i you his her its their our my this that these those there here but and "
    "or so yet in on at as by for from to of if when while after before since although though because "
    "however meanwhile still now then what who why how where which one some many most all no not".split()
)

# A candidate end: terminal punctuation, closing quotes/brackets, space, then what comes next.
_END = re.compile(r"""([.!?…]+)(["'”’»)\]]*)(\s+)(?=(["'“‘«(\[]*)(\S))""")
_WORD_BEFORE = re.compile(r"""([\w.'’-]*)$""")
_WORD_AFTER = re.compile(r"""[\w'’-]+""")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, in order, without the space between them.

    Every character that is not space belongs to exactly one span, so nothing is lost."""
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _END.finditer(text):
        if match.start() < start:
            continue
        if _ends_sentence(text, match):
            end = match.start(3)
            if end > start:
                spans.append((start, end))
            start = match.end(3)
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[start:end] for start, end in sentence_spans(text)]


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = match.group(5)
    if following.islower():
        return False  # `"Stop!" he said.`, `etc. and so on`
    if not following.isalnum():
        return False  # a dash, a bracket or a symbol goes on the same sentence
    if match.group(1) != ".":
        return True  # `!`, `?`, `…`, `?!`, `...`: the punctuation says so
    if match.group(2):
        return True  # `."`: a quoted sentence ended
    # Only the last few characters: a search from the paragraph's start would make long ones quadratic.
    end = match.start(1)
    word = _WORD_BEFORE.search(text, max(0, end - 40), end).group(1)  # type: ignore[union-attr]
    bare = word.rstrip(".").lower()
    if bare in _TITLES or bare in _LEADING:
        return False
    if bare in _BEFORE_NUMBERS and following.isdigit():
        return False
    next_word = _WORD_AFTER.match(text, match.start(5))
    opens = next_word is not None and next_word.group(0).lower() in _OPENERS
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        # An initial (`J. K. Rowling`, `George W. Bush`), unless a real word that opens sentences
        # follows (`plan B. The`); `J. A. Smith` shows why that word must be longer than one letter.
        return opens and len(next_word.group(0)) > 1  # type: ignore[union-attr]
    if _DOTTED.search(word + "."):
        return opens  # `e.g. The`… rarely; `in the U.S. The` ends; `U.S. Army` does not
    if bare in _INNER:
        return opens
    return True
