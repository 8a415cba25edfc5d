"""Articles at the edges of the rules: parts inside an article, code inside a list, hostile file names."""

from __future__ import annotations

from tui.model.article import BulletList, Item, Paragraph, Quote
from tui.parse import parse_bytes, parse_text, title_from_name
from tui.reading.layout import Document

PARTS_ARTICLE = """\
A Plan in Parts

How we get there

Part 1: The Problem

Text one.

Part 2: The Solutions

Text two.

Key Takeaways

- First point.
- Second point.
"""


def test_an_article_with_two_parts_keeps_its_other_headings():
    article = parse_text(PARTS_ARTICLE, name="plan.txt")
    # The line under the title is followed by a heading, not body text: it is not a dek.
    assert article.subtitle is None
    assert [(s.heading, s.level) for s in article.sections] == [
        (None, 2),
        ("Part 1: The Problem", 2),
        ("Part 2: The Solutions", 2),
        ("Key Takeaways", 2),
    ]
    assert [item.text for item in article.takeaways] == ["First point.", "Second point."]


def test_a_code_block_inside_a_list_item_stays_on_the_items_line():
    text = "# Setup\n\n## Key Takeaways\n\n- **Install:** run this\n\n  ```\n  pip install brief\n  brief --help\n  ```\n- Done.\n"
    article = parse_text(text, name="setup.md")
    assert article.takeaways[0].label == "Install"
    assert article.takeaways[0].text == "run this pip install brief brief --help"
    assert all("\n" not in unit.text for unit in Document(article).units)


def test_escape_sequences_in_a_file_name_never_reach_the_title():
    name = "a\x1b]52;c;aGVsbG8=\x1b\\b\x1b[31mred.txt"
    assert title_from_name(name) == "Abred"  # "a" + "b" + "red", the sequences between them gone
    article = parse_bytes(b"\xe2\x80\x9cA quote with no title line.\xe2\x80\x9d Then more text here.\n", name=name)
    assert "\x1b" not in article.title


def test_a_list_inside_a_quote_stays_a_list_of_the_quote():
    article = parse_text("# T\n\n> Said:\n>\n> - one\n> - two\n\nAfter.\n", name="q.md")
    quote = article.sections[0].blocks[0]
    assert quote == Quote.of([Paragraph("Said:"), BulletList(False, (Item(None, "one"), Item(None, "two")))])
    assert quote.text == "Said:\n\none\ntwo"  # the model's quote text: its blocks joined by blank lines
