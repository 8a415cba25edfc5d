"""Escape sequences and control characters out: article text must never act on the terminal."""

from __future__ import annotations

import re

# String sequences (OSC, DCS, SOS, PM, APC) end at BEL or ST; an unterminated one loses only its
# introducer, so a stray ESC ] cannot swallow the rest of the article.
_STRING_SEQUENCE = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
_CSI_SEQUENCE = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
_OTHER_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]"
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"

_UNSAFE = re.compile("|".join((_STRING_SEQUENCE, _CSI_SEQUENCE, _OTHER_ESCAPE, _CONTROL)))
# Every sequence above starts with a control character, and most text has none: one fast scan
# for a character class spares the alternation being tried at every position.
_ANY_CONTROL = re.compile(_CONTROL)


def sanitize(text: str) -> str:
    """Remove ANSI/VT escape sequences and every C0/C1 control character but newline and tab."""
    if _ANY_CONTROL.search(text) is None:
        return text
    return _UNSAFE.sub("", text)
