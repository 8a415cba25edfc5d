"""The command palette's fuzzy score, as Textual 8.2 (pinned) computes it, in bounded time.

Textual's `FuzzySearch.match` lists every way the query's letters can sit in order in a candidate,
and scores each: on a heading with many spaces and `e`s, "sev t" took a quarter of a second for 200
headings, and twelve letters against a long heading would take hours (the ways grow as a binomial).
The score depends on an alignment only through two counts, the letters that start a word and the
number of groups of adjacent letters, so the best one is found letter by letter, keeping for each
number of groups the most word starts: time linear in the candidate's places for each letter.

The score is Textual's, bit for bit, so headings rank fairly against the palette's other commands;
among alignments of equal score the one highlighted may differ from Textual's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WORD = re.compile(r"\w+")

Step = tuple[int, int, int]
"""At one letter's place, for one number of groups: (word starts so far, previous place, its groups)."""


def score(letters: int, word_starts: int, groups: int) -> float:
    """Textual's `FuzzySearch.score`: more word starts and fewer groups score higher."""
    value: float = letters + word_starts
    normalized_groups = (letters - (groups - 1)) / letters
    value *= 1 + (normalized_groups * normalized_groups)
    return value


def match(query: str, candidate: str) -> tuple[float, Sequence[int]]:
    """The best (score, places) of `query`'s letters in `candidate`, ignoring case; (0, ()) if none.
    The places are in `candidate` as given, even where lowering a letter lengthens it (`İ`)."""
    found, places = _match(query.lower(), candidate.lower())
    lowered = candidate.lower()
    if len(lowered) != len(candidate):  # Textual's places would run past the heading: IndexError
        origin = [at for at, letter in enumerate(candidate) for _ in letter.lower()]
        places = sorted({origin[place] for place in places})
    return found, places


def _match(query: str, candidate: str) -> tuple[float, Sequence[int]]:
    if not query:
        return 0.0, ()
    starts = {found.start() for found in WORD.finditer(candidate)}
    if query in candidate:  # Textual's shortcut, and its bonus: the query as typed
        at = candidate.find(query)
        places = list(range(at, at + len(query)))
        bonus = 2.0 if candidate == query else 1.5
        return score(len(query), sum(p in starts for p in places), 1) * bonus, places
    places_of = _places(query, candidate)
    if places_of is None:
        return 0.0, ()
    levels: list[dict[int, dict[int, Step]]] = [{p: {1: (int(p in starts), -1, 0)} for p in places_of[0]}]
    for places in places_of[1:]:
        before = levels[-1]
        earlier = sorted(before)
        level: dict[int, dict[int, Step]] = {}
        best_apart: dict[int, Step] = {}  # over the previous places at least two before this one
        taken = 0
        for p in places:
            while taken < len(earlier) and earlier[taken] < p - 1:
                q = earlier[taken]
                for groups, (word_starts, _, _) in before[q].items():
                    if groups + 1 not in best_apart or best_apart[groups + 1][0] < word_starts:
                        best_apart[groups + 1] = (word_starts, q, groups)
                taken += 1
            here = int(p in starts)
            steps = {groups: (word_starts + here, q, was) for groups, (word_starts, q, was) in best_apart.items()}
            for groups, (word_starts, _, _) in before.get(p - 1, {}).items():  # adjacent: same group
                if groups not in steps or steps[groups][0] < word_starts + here:
                    steps[groups] = (word_starts + here, p - 1, groups)
            if steps:
                level[p] = steps
        if not level:
            return 0.0, ()
        levels.append(level)
    letters = len(query)
    best, place, groups = max(
        (score(letters, word_starts, g), p, g) for p, steps in levels[-1].items() for g, (word_starts, _, _) in steps.items()
    )
    found = []
    for level in reversed(levels):
        found.append(place)
        _, place, groups = level[place][groups]
    return best, found[::-1]


def _places(query: str, candidate: str) -> list[list[int]] | None:
    """Where each letter may go, exactly as Textual lists them (which bounds the later letters)."""
    places_of: list[list[int]] = []
    position = 0
    for offset, letter in enumerate(query):
        last_index = len(candidate) - offset
        places: list[int] = []
        index = position
        while (location := candidate.find(letter, index)) != -1:
            places.append(location)
            index = location + 1
            if index >= last_index:
                break
        if not places:
            return None
        places_of.append(places)
        position = places[0] + 1
    return places_of
