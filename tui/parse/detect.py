"""Whether plain text is Markdown, and bytes a web page or an e-book, decided without importing their parsers."""

from __future__ import annotations

import re

_MARKDOWN_HINTS = re.compile(r"^(?:#{1,6}[ \t]+\S[^\n]*\n(?!#)|```|\*\*[^*\n]+\*\*|[-*] \*\*|\[[^\]\n]+\]\([^)\n]+\))", re.M)
# A heading stands apart: a blank line before it, and no `#` line after it. Runs of `# ` lines are
# comments quoted in a text file (a README's shell or C++ excerpt), not Markdown headings.
_ATX_HEADING = re.compile(r"#{1,6}[ \t]+\S[^\n]*(?:\n(?!#)|$)")
# A literal "\n\n#" prefix lets the regex engine skip ahead; `^` with re.M is tried at every position.
_ATX_HEADING_AFTER_BLANK = re.compile(r"\n\n#{1,6}[ \t]+\S[^\n]*(?:\n(?!#)|$)")


def looks_like_markdown(text: str) -> bool:
    """True when plain text shows enough Markdown syntax to be read as Markdown."""
    head = text.lstrip()[:4096]
    if head.startswith("# ") or head.startswith("---\n"):
        return True
    atx_headings = len(_ATX_HEADING_AFTER_BLANK.findall(text, 0, 200_000)) + bool(_ATX_HEADING.match(text))
    return atx_headings >= 2 or len(_MARKDOWN_HINTS.findall(head)) >= 3


HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
EPUB_SUFFIXES = frozenset({".epub"})


def looks_like_html(data: bytes) -> bool:
    """True when bytes start as an HTML document does (a doctype, an <html>, a <head> or a <body>)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    return head.startswith(b"<") and any(tag in head for tag in (b"<html", b"<head", b"<body"))


def looks_like_epub(data: bytes) -> bool:
    """True for a zip whose first entry is the EPUB `mimetype` file, as the format requires."""
    return data.startswith(b"PK\x03\x04") and data[30:58] == b"mimetypeapplication/epub+zip"


def looks_like_url(text: str | None) -> bool:
    """True for an http:// or https:// address, which brief fetches rather than opens."""
    return text is not None and text[:8].lower().startswith(("http://", "https://"))
