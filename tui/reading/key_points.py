"""Suggested key points: sentences brief picks from an article that has no takeaways list of its own.

They are brief's selection, never the author's, and each is a sentence in the article's own words
with its place (unit, character span, section), so the reader can jump to it.

The method is centroid scoring with a position prior, chosen for being small, fast and explainable:
- A sentence's centrality is the cosine of its TF-IDF vector with the sum of all sentences' vectors.
  That is LexRank's continuous degree centrality (the sum of its similarities to every other
  sentence) computed in linear time instead of over all pairs, so a long chapter costs milliseconds.
- Writers open a section with its point, so the first sentences of each section get a prior that
  fades with their rank there (news puts its key facts first; a section's first lines state its topic).
- Picks must cover the sections: at least half of the body sections (up to the number of picks) give
  one, so on a report the suggestions are not the first paragraph's sentences. A sentence too like
  one already picked is skipped.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tui.reading.layout import Document, Kind
from tui.reading.sentences import sentence_spans
from tui.reading.units import LINK_NUMBER

BOOK_WORDS = 20_000
"""A text longer than this with several main sections is a book: it gets suggestions per chapter."""
MIN_WORDS, MAX_WORDS = 6, 60
"""Sentences shorter or longer than this are poor key points (a fragment, a run-on list)."""
REDUNDANT = 0.5
"""Cosine above which a sentence repeats one already picked."""
LEAD_WEIGHT = 3.0
"""The position prior is 1 + LEAD_WEIGHT / (1 + rank in the section): 4 for a section's first sentence,
2.5 for its second, 2 for its third, fading towards 1. Measured on the news sample in
benchmarks/key_points.py: 1 scores below Lead-3, 3 above it on ROUGE-1 and ROUGE-2."""

_ENDED = re.compile(r"[.!…][\"'”’)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say one two new also like may might must us""".split()
)


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """One suggested sentence: `text` is `document.units[unit].text[start:end]` without the link
    numbers the reader adds."""

    unit: int
    start: int
    end: int
    section: int
    text: str


def point_count(words: int) -> int:
    """How many suggestions for a text of `words` words: 3 under 1,000, 5 under 3,000, 7 above."""
    return 3 if words < 1_000 else 5 if words < 3_000 else 7


def is_book(document: Document) -> bool:
    """Whether suggestions are made per chapter (main section) rather than for the whole text."""
    return document.word_count > BOOK_WORDS and len(document.numbering) > 1


def chapters(document: Document) -> list[range]:
    """The section indices of each chapter: a main section and the sections below it, and the text
    before the first main section when there is any (a book whose first part the parser left
    unheaded keeps its suggestions)."""
    sections = document.article.sections
    main = document.numbering.main
    before = [range(0, main[0])] if main and main[0] > 0 else []
    return before + [range(first, nxt) for first, nxt in zip(main, [*main[1:], len(sections)], strict=True)]


def chapter_of(document: Document, section: int) -> range | None:
    """The chapter holding `section` (None before the first chapter)."""
    return next((chapter for chapter in chapters(document) if section in chapter), None)


def suggest_in_chapter(document: Document, chapter: range) -> list[KeyPoint]:
    """A book's suggestions for `chapter` (one of `chapters`). The part before its first chapter (a
    licence, a title page, the contents) has no sentence to suggest as a rule: there, the first
    chapter's suggestions, what the book opens with, rather than none."""
    points = suggest(document, chapter)
    parts = chapters(document)
    main = document.numbering.main
    if not points and len(parts) > 1 and chapter == parts[0] and main and main[0] > 0:
        return suggest(document, parts[1])
    return points


def suggest(document: Document, sections: Iterable[int] | None = None) -> list[KeyPoint]:
    """The suggested key points of the body sections in `sections` (default: all), in reading order."""
    article = document.article
    scope = set(range(len(article.sections)) if sections is None else sections)
    scope = {index for index in scope if 0 <= index < len(article.sections) and article.sections[index].role == "body"}
    candidates, words = _candidates(document, scope)
    if not candidates:
        return []
    vectors = _Vectors(_text(document, *candidate[:3]) for candidate in candidates)
    centroid = vectors.centroid()
    scores = [
        vectors.dot_dense(i, centroid) * (1 + LEAD_WEIGHT / (1 + rank)) / (1 + tier)
        for i, (*_, rank, tier) in enumerate(candidates)
    ]
    numbering = document.numbering
    spans_chapters = len({numbering.number_of(c[3]) for c in candidates}) > 1
    groups = [numbering.number_of(c[3]) if spans_chapters else c[3] for c in candidates]
    chosen = _choose(scores, vectors, groups, point_count(words))
    return [KeyPoint(*candidates[i][:4], _text(document, *candidates[i][:3])) for i in sorted(chosen)]


def _candidates(document: Document, scope: set[int]) -> tuple[list[tuple[int, int, int, int, int, int]], int]:
    """(unit, start, end, section, rank in its section, tier) of each sentence fit to suggest, and the
    words of the scope. A sentence of a fit length that makes a point (not a question, not a list's
    lead-in ending in `:`, not a note in brackets) is best; a section with a heading but without one
    offers its next best, so it can be covered. The sentences' texts are not kept (a chapter of a
    book holds thousands): `_text` makes them again."""
    every: list[tuple[int, int, int, int, int]] = []
    tiers: list[int] = []
    rank: Counter[int] = Counter()
    words = 0
    for index, unit in enumerate(document.units):
        if unit.section not in scope or unit.kind != Kind.PARAGRAPH:
            continue
        words += unit.text.count(" ") + 1
        for start, end in sentence_spans(unit.text):
            text = _own_words(unit.text, start, end, unit.styles)
            every.append((index, start, end, unit.section, rank[unit.section]))
            tiers.append(2 if text[-1] in ":?" or _bracketed(text) else 0 if _fit(text) else 1)
            rank[unit.section] += 1
    best: dict[int, int] = {}
    for found, tier in zip(every, tiers, strict=True):
        best[found[3]] = min(tier, best.get(found[3], tier))
    # A section without a heading and without a fit sentence offers nothing: it is a book's title page
    # (`Middlemarch`, `by George Eliot`) or an article's byline, which nothing in the panel names.
    sections = document.article.sections
    # The tier goes along so that a fallback counts for less than any section's fit sentence.
    return [
        (*found, tier)
        for found, tier in zip(every, tiers, strict=True)
        if tier == best[found[3]] and (not tier or sections[found[3]].heading is not None)
    ], words


def _text(document: Document, unit: int, start: int, end: int) -> str:
    """A candidate sentence's own words."""
    found = document.units[unit]
    return _own_words(found.text, start, end, found.styles)


def _own_words(text: str, start: int, end: int, styles: tuple[tuple[int, int, str], ...]) -> str:
    """`text[start:end]` without the link numbers (`[1]`) the reader adds: the article's own words."""
    numbers = [(a, b) for a, b, name in styles if name == LINK_NUMBER and a < end and b > start]
    if not numbers:
        return text[start:end]
    kept, position = [], start
    for a, b in sorted(numbers):
        kept.append(text[position:a])
        position = max(position, b)
    kept.append(text[position:end])
    return "".join(kept)


def _fit(text: str) -> bool:
    """A sentence of a fit length that ends as sentences do (a line without a full stop is more
    likely a dek, a caption or a heading the parser took for prose)."""
    return MIN_WORDS <= text.count(" ") + 1 <= MAX_WORDS and _ENDED.search(text) is not None


def _bracketed(text: str) -> bool:
    """A sentence wholly in brackets: an editor's or a transcriber's note (`[Redactor's note: …]`), a
    stage direction (`[_Exit._]`), not the author's point."""
    return text[0] == "[" and text.rstrip(".")[-1:] == "]"


def _tokens(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if word not in _STOP and len(word) > 1]


class _Vectors:
    """Unit-length TF-IDF vectors of sentences, the IDF taken over these sentences themselves (no
    outside data).

    Stored as two flat arrays per sentence, the words as numbers: the first chapter of War and
    Peace has 1,984 candidate sentences, and a dictionary of floats each, with the counts they came
    from and the sentences' texts, peaked at 3.3 MB traced in the reader (1.9 MB as arrays). Sums
    run in the order a dictionary per sentence gave (words in order of first use), so the scores
    are the same to the last bit."""

    def __init__(self, texts: Iterable[str]) -> None:
        numbers: dict[str, int] = {}
        self.words: list[array[int]] = []
        self.values: list[array[float]] = []
        counts: list[array[int]] = []
        for text in texts:
            count = Counter(numbers.setdefault(word, len(numbers)) for word in _tokens(text))
            self.words.append(array("i", count.keys()))
            counts.append(array("i", count.values()))
        seen = [0] * len(numbers)
        for words in self.words:
            for word in words:
                seen[word] += 1
        total = len(self.words)
        idf = [math.log((1 + total) / (1 + times)) + 1 for times in seen]
        for words, times in zip(self.words, counts, strict=True):
            self.values.append(array("d", _unit([count * idf[word] for word, count in zip(words, times, strict=True)])))
        self.size = len(numbers)

    def centroid(self) -> list[float]:
        """The unit-length sum of all the vectors, by word number."""
        total = [0.0] * self.size
        for words, values in zip(self.words, self.values, strict=True):
            for word, value in zip(words, values, strict=True):
                total[word] += value
        # A word's first use is in order of its number, so this sums in the order a dictionary would.
        return _unit(total)

    def dot_dense(self, i: int, dense: list[float]) -> float:
        """The cosine of vector `i` with a unit-length vector by word number."""
        return sum(value * dense[word] for word, value in zip(self.words[i], self.values[i], strict=True))

    def dot(self, i: int, j: int) -> float:
        """The cosine of vectors `i` and `j`."""
        if len(self.words[i]) > len(self.words[j]):
            i, j = j, i
        other = dict(zip(self.words[j], self.values[j], strict=True))
        return sum(value * other.get(word, 0.0) for word, value in zip(self.words[i], self.values[i], strict=True))


def _unit(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(value * value for value in vector)) or 1.0
    return [value / norm for value in vector]


def _choose(scores: list[float], vectors: _Vectors, groups: list[object], count: int) -> list[int]:
    """The indices of `count` sentences: first the best of the best-scoring groups until half of the
    groups (at most `count`) have one, then the best of the rest; none too like an earlier pick."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    named = {group for group in groups if group is not None}
    needed = min(count, math.ceil(len(named) / 2))
    chosen: list[int] = []

    def fresh(i: int) -> bool:
        return i not in chosen and all(vectors.dot(i, j) <= REDUNDANT for j in chosen)

    covered: set[object] = set()
    for i in order:
        if len(covered) >= needed:
            break
        if groups[i] is not None and groups[i] not in covered and fresh(i):
            chosen.append(i)
            covered.add(groups[i])
    for i in order:
        if len(chosen) >= count:
            break
        if fresh(i):
            chosen.append(i)
    return chosen


def markdown_list(points: Iterable[KeyPoint]) -> str:
    """Suggestions as a Markdown list, one `- sentence` line each (what `brief --key-points` prints)."""
    return "\n".join(f"- {' '.join(point.text.split())}" for point in points)


def markdown(document: Document) -> str:
    """`brief --key-points`: the list, or for a book each chapter as `## heading` and its list."""
    if not is_book(document):
        return markdown_list(suggest(document))
    parts = []
    for chapter in chapters(document):
        listed = markdown_list(suggest(document, chapter))
        if listed:
            heading = document.article.sections[chapter.start].heading or document.article.title
            parts.append(f"## {' '.join(heading.split())}\n\n{listed}")
    return "\n\n".join(parts)
