"""Hypothesis: the XHTML walk loses no word, and no page or book raises anything but InputError."""

from __future__ import annotations

import io
import re
import zipfile
from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.parse.test_properties import assert_clean
from tui.model.article import block_text
from tui.model.errors import InputError
from tui.parse import parse_bytes
from tui.parse.xhtml import Walker, sections_by_headings

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéß0123456789", min_size=1, max_size=8)
WORDS = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
INLINE = st.sampled_from(
    ["{}", "<em>{}</em>", "<strong>{}</strong>", '<a href="x">{}</a>', "<code>{}</code>", "<span>{}</span>"]
)
BLOCK = st.one_of(
    st.tuples(st.just("<p>{}</p>"), st.lists(st.tuples(INLINE, WORDS), min_size=1, max_size=4)),
    st.tuples(st.sampled_from(["<h2>{}</h2>", "<h3>{}</h3>", "<blockquote><p>{}</p></blockquote>", "<pre>{}</pre>"]),
              st.lists(st.tuples(st.just("{}"), WORDS), min_size=1, max_size=1)),
    st.tuples(st.just("<ul><li>{}</li></ul>"), st.lists(st.tuples(INLINE, WORDS), min_size=1, max_size=3)),
    st.tuples(st.just("<div>{} <p>tail words</p></div>"), st.lists(st.tuples(INLINE, WORDS), min_size=1, max_size=2)),
)  # fmt: skip


def fill(block: tuple[str, list[tuple[str, str]]]) -> str:
    shell, parts = block
    return shell.format(" ".join(inline.format(escape(words)) for inline, words in parts))


@SETTINGS
@given(st.lists(BLOCK, min_size=1, max_size=8))
def test_the_walk_loses_no_word(blocks):
    # White space between blocks, so that the text of the tree (what is expected) has it too.
    body = " ".join(fill(block) for block in blocks)
    root = etree.fromstring(f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'.encode())
    sections = sections_by_headings(Walker().walk(root))
    shown = " ".join(f"{s.heading or ''} " + " ".join(block_text(b) for b in s.blocks) for s in sections)
    expected = re.findall(r"\w+", etree.tostring(root, method="text", encoding="unicode"))
    assert re.findall(r"\w+", shown) == expected


@FEW
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: f"<html><body>{t}</body></html>".encode()))
def test_any_page_is_an_article_or_an_input_error(data):
    try:
        article = parse_bytes(data, name="page.html")
    except InputError as error:
        assert error.reason and error.where == "page.html"
        return
    assert_clean(article)


@FEW
@given(st.dictionaries(st.sampled_from(["META-INF/container.xml", "OEBPS/content.opf", "OEBPS/a.xhtml", "x"]),
                       st.binary(max_size=200), max_size=4))  # fmt: skip
def test_any_zip_is_a_book_or_an_input_error(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        for name, data in files.items():
            book.writestr(name, data)
    try:
        article = parse_bytes(buffer.getvalue(), name="book.epub")
    except InputError as error:
        assert error.reason and error.where == "book.epub"
        return
    assert_clean(article)
