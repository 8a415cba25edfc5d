"""While the plain-text parser reads a body's lines, no caller still holds the whole decoded text: it
would cost as much memory again as the text at the parse's peak (War and Peace: 6 MB of 2-byte
characters), in the reader's process or the parse process (issue 13 item 11)."""

from __future__ import annotations

import sys

import pytest

from tui.parse import RawInput, parse_bytes
from tui.parse import plain as plain_parser

GUTENBERG = (
    "The Project Gutenberg eBook of Long Days, by Ann Writer\n\n"
    "Title: Long Days\n\nAuthor: Ann Writer\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK LONG DAYS ***\n\n"
    "{body}\n"
    "*** END OF THE PROJECT GUTENBERG EBOOK LONG DAYS ***\n\n"
    "Updated editions will replace the previous one.\n"
)
BODY = "CHAPTER {n}\n\nIt was a long day in the valley, and the river ran “high” under the bridge.\n"


def texts_held_by_callers(longer_than: int) -> list[str]:
    """Names of the parser's variables, in the callers of `_Body.parse`, that hold a string longer
    than `longer_than` characters (the test's own frames hold the text, as a caller may)."""
    held = []
    frame = sys._getframe(2)
    while frame is not None:
        if "/tui/parse/" in frame.f_code.co_filename.replace("\\", "/"):
            for name, value in frame.f_locals.items():
                if isinstance(value, str) and len(value) > longer_than:
                    held.append(f"{frame.f_code.co_name}.{name}")
        frame = frame.f_back
    return held


@pytest.mark.parametrize("framed", [True, False], ids=["licence frame", "no frame"])
def test_no_caller_holds_the_decoded_text_while_the_body_is_parsed(monkeypatch, framed):
    body = "\n".join(BODY.format(n=n) for n in range(1, 400))
    text = GUTENBERG.format(body=body) if framed else body
    data = text.encode("utf-8")
    seen: list[list[str]] = []
    parse = plain_parser._Body.parse

    def watched(self):  # type: ignore[no-untyped-def]
        seen.append(texts_held_by_callers(len(body) // 2))
        return parse(self)

    monkeypatch.setattr(plain_parser._Body, "parse", watched)
    article = parse_bytes(data, name="long-days.txt")
    assert seen == [[]]
    assert article.sections[-1 if not framed else -2].heading == "CHAPTER 399"
    if framed:
        assert article.title == "Long Days" and article.author == "Ann Writer"
        assert article.sections[0].role == article.sections[-1].role == "licence"
    assert article.digest == RawInput(data, None, None, "-").digest


def test_no_caller_holds_the_markdown_text_while_its_blocks_are_made(monkeypatch):
    from tui.parse import markdown as markdown_parser

    body = "\n".join(
        f"## Part {n}\n\nA paragraph of *part* {n}, “quoted”, with [a link](https://example.org/{n}).\n"
        for n in range(400)
    )
    data = f"# The Parts\n\n{body}".encode()
    seen: list[list[str]] = []
    walk = markdown_parser._Reducer.walk

    def watched(self, tokens, matter):  # type: ignore[no-untyped-def]
        seen.append(texts_held_by_callers(len(body) // 2))
        return walk(self, tokens, matter)

    monkeypatch.setattr(markdown_parser._Reducer, "walk", watched)
    article = parse_bytes(data, name="parts.md")
    assert seen == [[]]
    assert article.title == "The Parts" and article.sections[-1].heading == "Part 399"
    assert article.links[-1] == ("a link", "https://example.org/399")
