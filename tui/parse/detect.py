"""Whether plain text is Markdown, decided without importing the Markdown parser."""

from __future__ import annotations

import re

_MARKDOWN_HINTS = re.compile(r"^(?:#{1,6}[ \t]+\S|```|\*\*[^*\n]+\*\*|[-*] \*\*|\[[^\]\n]+\]\([^)\n]+\))", re.M)
_ATX_HEADING = re.compile(r"#{1,6}[ \t]+\S")
# A literal "\n#" prefix lets the regex engine skip ahead; `^` with re.M is tried at every position.
_ATX_HEADING_AFTER_NEWLINE = re.compile(r"\n#{1,6}[ \t]+\S")


def looks_like_markdown(text: str) -> bool:
    """True when plain text shows enough Markdown syntax to be read as Markdown."""
    head = text.lstrip()[:4096]
    if head.startswith("# ") or head.startswith("---\n"):
        return True
    atx_headings = len(_ATX_HEADING_AFTER_NEWLINE.findall(text, 0, 200_000)) + bool(_ATX_HEADING.match(text))
    return atx_headings >= 2 or len(_MARKDOWN_HINTS.findall(head)) >= 3
