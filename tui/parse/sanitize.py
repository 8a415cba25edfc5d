"""Escape sequences and control characters out: article text must never act on the terminal."""

from __future__ import annotations

import re

# String sequences (OSC, DCS, SOS, PM, APC) end at BEL or ST; an unterminated one loses only its
# introducer, so a stray ESC ] cannot swallow the rest of the article.
_STRING_SEQUENCE = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
_CSI_SEQUENCE = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
_OTHER_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]"
# Bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069) reorder what follows
# them on screen, so a text can show something other than what it holds ("Trojan Source").
# The marks U+200E/200F and U+061C only nudge neutral characters and stay.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROL = rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]"

_UNSAFE = re.compile("|".join((_STRING_SEQUENCE, _CSI_SEQUENCE, _OTHER_ESCAPE, _CONTROL)))
# Every sequence above starts with a control character, and most text has none: one fast scan
# for a character class spares the alternation being tried at every position.
_ANY_CONTROL = re.compile(_CONTROL)
# Line breaks and tabs, and the lone surrogates that stand for undecodable bytes in a POSIX file
# name (no terminal or UTF-8 stream can take those).
_NOT_ON_ONE_LINE = re.compile(r"[\n\t\u2028\u2029\ud800-\udfff]")


def sanitize(text: str) -> str:
    """Remove ANSI/VT escape sequences, bidirectional controls and every C0/C1 control character
    but newline and tab."""
    if _ANY_CONTROL.search(text) is None:
        return text
    return _UNSAFE.sub("", text)


def printable(name: str) -> str:
    """A file name or other outside text made safe for one line of a message: sanitised, and its
    line breaks, tabs and undecodable bytes shown as `?`, as `ls` does."""
    return _NOT_ON_ONE_LINE.sub("?", sanitize(name))
