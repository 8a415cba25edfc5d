"""Pathological Markdown (issue 14, items 5-8): huge tables, bracket runs, deep nesting.

These check the structure and that no text is lost; their speed and memory are measured in
benchmarks/parse.py, never asserted here.
"""

from __future__ import annotations

import re
from collections import Counter

from tui.model.article import Article, BulletList, Paragraph, Preformatted, Quote, Table, block_text
from tui.parse import parse_text
from tui.parse.long_tables import LONG_TABLE_LINES
from tui.parse.markdown import MAX_INDENT, MAX_QUOTE_DEPTH
from tui.parse.markdown_rules import FLATTEN_LEVEL

WORD = re.compile(r"[^\W_]+")


def model_text(article: Article) -> str:
    parts = [article.title]
    for section in article.sections:
        parts.append(section.heading or "")
        parts += [block_text(block) for block in section.blocks]
    return "\n".join(parts)


def assert_no_text_lost(text: str, article: Article) -> None:
    missing = Counter(WORD.findall(text)) - Counter(WORD.findall(model_text(article)))
    assert not missing, f"lost: {dict(list(missing.items())[:10])} ({sum(missing.values())} words)"


def test_a_long_table_is_one_table_with_every_row():
    rows = LONG_TABLE_LINES * 3
    text = "# T\n\n| n | square |\n|--:|:--|\n" + "".join(f"| {i} | {i * i} |\n" for i in range(rows)) + "\nAfter.\n"
    article = parse_text(text, name="t.md")
    table, after = article.sections[0].blocks
    assert isinstance(table, Table)
    assert table.header == ("n", "square")
    assert table.align == ("right", "left")
    assert len(table.rows) == rows
    assert table.rows[:2] == (("0", "0"), ("1", "1"))
    assert table.rows[-1] == (str(rows - 1), str((rows - 1) ** 2))
    assert after == Paragraph("After.")


def test_long_table_rows_with_markup_are_reduced_and_short_rows_padded():
    body = "".join(f"|r{i}|**b{i}**|\n" if i % 1000 == 0 else f"|r{i}|\n" for i in range(LONG_TABLE_LINES + 10))
    article = parse_text("# T\n\n|a|b|\n|-|-|\n" + body, name="t.md")
    table = article.sections[0].blocks[0]
    assert isinstance(table, Table)
    assert table.rows[1000] == ("r1000", "b1000")
    assert table.rows[1001] == ("r1001", "")
    assert len(table.rows) == LONG_TABLE_LINES + 10


def test_a_long_run_of_pipe_lines_in_a_code_block_stays_code():
    code = "".join(f"|line {i}|\n" for i in range(LONG_TABLE_LINES + 5))
    text = "# T\n\n```\n|a|\n|-|\n" + code + "```\n\nAfter.\n"
    article = parse_text(text, name="t.md")
    preformatted, after = article.sections[0].blocks
    assert preformatted.text == "|a|\n|-|\n" + code.rstrip("\n")
    assert after == Paragraph("After.")


def test_two_thousand_columns_and_rows_longer_than_the_header_keep_every_cell():
    columns = 2000
    header = (
        "|" + "|".join(f"h{i}" for i in range(columns)) + "|\n|" + "|".join("-" * 3 for _ in range(columns)) + "|\n"
    )
    rows = "".join("|" + "|".join(f"c{r}x{c}" for c in range(columns + 2)) + "|\n" for r in range(5))
    text = "# T\n\n" + header + rows
    article = parse_text(text, name="t.md")
    table = article.sections[0].blocks[0]
    assert isinstance(table, Table)
    assert len(table.header) == columns
    assert all(len(row) == columns for row in table.rows)
    # GFM would drop the two extra cells; here they join the last column.
    assert table.rows[0][-1] == f"c0x{columns - 1} | c0x{columns} | c0x{columns + 1}"
    assert_no_text_lost(text, article)


def test_runs_of_image_openers_and_brackets_are_kept_as_written():
    images = "# T\n\n" + "![" * 200_000
    article = parse_text(images, name="t.md")
    assert article.sections[0].blocks == [Paragraph("![" * 200_000)]

    brackets = "[" * 100_000 + "x" + "]" * 100_000
    article = parse_text(brackets, name="t.md")
    assert article.sections[0].blocks == [Paragraph(brackets)]


def test_short_bracket_runs_are_still_links():
    article = parse_text("# T\n\n[[x]](http://a.example/) and ![alt](i.png)\n", name="t.md")
    assert article.sections[0].blocks[0].text == "[x] and alt"
    assert ("[x]", "http://a.example/") in article.links


def test_a_list_nested_past_the_limit_keeps_every_item_flattened():
    levels = 200
    text = "".join("  " * depth + f"- level{depth}\n" for depth in range(levels))
    article = parse_text(text, name="t.md")
    (listing,) = article.sections[0].blocks
    assert isinstance(listing, BulletList)
    depths = [item.depth for item in listing.items]
    assert depths == list(range(len(depths)))
    assert len(depths) == FLATTEN_LEVEL // 2  # a list level is two of markdown-it's nesting levels
    # The deepest item holds the rest of the list, in order, its markers taken off.
    assert listing.items[-1].text == " ".join(f"level{depth}" for depth in range(len(depths) - 1, levels))
    assert_no_text_lost(text, article)


def test_a_quote_nested_twenty_deep_and_more_keeps_its_text():
    for levels in (15, 20, 21, 30):
        text = "# T\n\n" + "".join(">" * depth + f" quoted{depth}\n>{'>' * depth}\n" for depth in range(1, levels + 1))
        article = parse_text(text, name="t.md")
        (quote,) = article.sections[0].blocks
        assert isinstance(quote, Quote)
        assert all(isinstance(part, Paragraph) for part in quote.parts)
        assert_no_text_lost(text, article)
        assert quote.parts[0].text == "quoted1"


def test_lists_nested_fifteen_deep_keep_all_fifteen_items():
    text = "".join("  " * depth + f"- item{depth}\n" for depth in range(15))
    article = parse_text(text, name="t.md")
    assert "\n".join(item.text for item in article.sections[0].blocks[0].items).split() == [
        f"item{depth}" for depth in range(15)
    ]


def test_indentation_past_the_limit_is_cut_but_its_words_stay():
    text = "# T\n\n" + " " * 1000 + "deep words\n\n- a\n" + " " * 600 + "- b\n"
    article = parse_text(text, name="t.md")
    code, listing = article.sections[0].blocks
    assert code == Preformatted(" " * (MAX_INDENT - 4) + "deep words")
    assert_no_text_lost(text, article)
    assert isinstance(listing, BulletList)


def test_quotes_past_the_depth_limit_keep_their_text_in_the_deepest_level_kept():
    text = "# T\n\n> one\n>\n> > two\n>\n" + "> " * (MAX_QUOTE_DEPTH + 3) + "    three\n"
    article = parse_text(text, name="t.md")
    (quote,) = article.sections[0].blocks
    assert quote == Quote.of([Paragraph("one"), Paragraph("two"), Preformatted("three")])


def test_a_short_paragraph_of_unclosed_brackets_is_kept_as_written_and_one_of_links_is_not():
    brackets = "[" * 3000
    assert parse_text(f"# T\n\n{brackets}\n", name="t.md").sections[0].blocks == [Paragraph(brackets)]
    links = " ".join(f"[w{i}](http://e.example/{i})" for i in range(40))
    paragraph = parse_text(f"# T\n\n{links}\n", name="t.md").sections[0].blocks[0]
    assert paragraph.text == " ".join(f"w{i}" for i in range(40))
    assert len(paragraph.spans) == 40
