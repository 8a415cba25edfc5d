"""Outline labels (`I.`, `A.`, `1.`, `a.`, `i.`) and the hierarchy a document shows with them.

A report numbers its parts `I.`, the parts' sections `A.`, theirs `1.`, then `a.` and `i.`: which
kind sits under which is read from the order in which the kinds first appear, as the document
itself shows it (a kind first met under another is deeper; one met again goes back to its depth).
OCR misreads some labels (`Ill.` for `III.`, `11.` for `ii.`, `l.` for `1.`, `C.` for `c.`): each
label may be read several ways, and the reading that carries on the numbering is taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A label opening an entry: a Roman numeral, a letter or a number, a period (OCR doubles it or puts
# a stray one before), then the title.
_LABEL = re.compile(r"(?:\.\s+)?([IVXLCl]{1,6}|[A-Za-z]|[ivxl]{1,5}|\d{1,3}) ?\.{1,2}(?:\s+|$)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_UPPER_ROMAN = re.compile(r"(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")

# A kind of label: upper or lower Roman numerals, capital or small letters, numbers.
Reading = tuple[str, int]


def label_of(line: str) -> str | None:
    """The outline label that opens `line` (`II.  RUSSIAN …` gives `II`), or None."""
    match = _LABEL.match(line)
    return match.group(1) if match is not None else None


def readings(label: str) -> tuple[list[Reading], list[Reading]]:
    """The ways `label` may be read: as written (`C` a capital letter or a hundred), then as OCR
    may have misread it (`C` for `c`, `11` for `ii`, `l` for `1`), most likely first."""
    written: list[Reading] = []
    misread: list[Reading] = []
    if label.isdigit():
        written.append(("1", int(label)))
        if set(label) == {"1"} and len(label) <= 3:
            misread.append(("i", len(label)))  # `11.` for `ii.`
        return written, misread
    if label[:1].isupper():
        upper = label.replace("l", "I")  # `Ill.` for `III.`
        value = _roman_value(upper)
        if value and upper == label:
            written.append(("I", value))
        elif value:
            misread.append(("I", value))
        if len(label) == 1:
            written.append(("A", ord(label) - 64))
            if label == "I":
                misread.append(("1", 1))
            misread.append(("a", ord(label) - 64))
        if value:
            misread.append(("i", value))  # `V.` for `v.`
        return written, misread
    value = _roman_value(label.upper())
    if value:
        written.append(("i", value))
    if len(label) == 1:
        written.append(("a", ord(label) - 96))
        if label == "l":
            misread.extend([("1", 1), ("i", 1)])
        misread.append(("A", ord(label) - 96))
    elif "l" in label and _roman_value(label.replace("l", "i").upper()):
        misread.append(("i", _roman_value(label.replace("l", "i").upper())))  # `lll.` for `iii.`
    return written, misread


def _roman_value(numeral: str) -> int:
    if not numeral or _UPPER_ROMAN.fullmatch(numeral) is None:
        return 0
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN[char]
        following = _ROMAN[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def outline_depths(labels: Sequence[str | None]) -> list[int]:
    """The depth (0 for the top) of each entry of an outline, from its label (None: unlabelled,
    beside the top level, as `INTRODUCTION` stands beside `I.`)."""
    stack: list[list] = []  # [kind, last value] from the top down
    depths = []
    for label in labels:
        written, misread = readings(label) if label is not None else ([], [])
        if not written and not misread:
            depths.append(0)
            continue
        depths.append(_place(stack, written, misread))
    return depths


def _place(stack: list[list], written: list[Reading], misread: list[Reading]) -> int:
    kinds = [kind for kind, _ in stack]
    # Read as written: the next number of a kind already open, or the first of a new kind (one
    # level deeper); then each misreading in turn the same way.
    for kind, value in written:
        if kind in kinds and stack[kinds.index(kind)][1] + 1 == value:
            return _set(stack, kinds.index(kind), kind, value)
    for kind, value in written:
        if value == 1 and kind not in kinds:
            return _set(stack, len(stack), kind, value)
    for kind, value in misread:
        if kind in kinds and stack[kinds.index(kind)][1] + 1 == value:
            return _set(stack, kinds.index(kind), kind, value)
        if value == 1 and kind not in kinds:
            return _set(stack, len(stack), kind, value)
    # A kind already open, out of order (an entry missing or misread): back to its depth.
    for kind, value in written + misread:
        if kind in kinds:
            return _set(stack, kinds.index(kind), kind, value)
    kind, value = (written + misread)[0]
    return _set(stack, len(stack), kind, value)


def _set(stack: list[list], depth: int, kind: str, value: int) -> int:
    del stack[depth:]
    stack.append([kind, value])
    return depth
