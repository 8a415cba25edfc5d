"""Splitting a list item's short `Label:` lead from its text, shared by both parsers."""

from __future__ import annotations

import re

from tui.model.article import Item

MAX_LABEL_WORDS = 8
MAX_LABEL_CHARS = 60

# The colon must be followed by white space or the end: that rules out URLs and times like 10:30.
_LEAD = re.compile(rf"([^:\n]{{1,{MAX_LABEL_CHARS}}}):(?:\s+|$)")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?;]")


def split_label(text: str, depth: int = 0) -> Item:
    """Make an item of `text`, taking a short `Label:` lead as its label when it has one."""
    match = _LEAD.match(text)
    if match is not None:
        label = match.group(1).strip()
        if is_label(label):
            return Item(label, text[match.end() :].strip(), depth)
    return Item(None, text, depth)


def is_label(label: str) -> bool:
    """True when `label` reads like a lead (a few words, no sentence punctuation), not a sentence."""
    return (
        bool(label)
        and len(label.split()) <= MAX_LABEL_WORDS
        and _SENTENCE_PUNCTUATION.search(label) is None
        and any(ch.isalnum() for ch in label)
    )
