"""`--plain`: links as `text[3]` with a References list, tables, code, quotes and verse as text."""

from __future__ import annotations

from rich.cells import cell_len

from tests.reading.samples import rich_article
from tui.model.article import Article, Paragraph, Section, Span
from tui.reading.export import plain_text
from tui.reading.layout import Document


def test_links_read_text_and_number_with_the_references_at_the_end():
    out = plain_text(rich_article(), 50).splitlines()
    assert out[3:5] == ["Read the guide[1] first, then run make with care,", "not the old way."]
    assert "> The second, with a link to the minutes[2]." in out
    assert out[-4:] == ["References", "", "  1. https://example.org/guide", "  2. https://example.org/minutes"]


def test_the_references_follow_the_readers_numbering():
    article = rich_article()
    listed = [line.split(". ", 1) for line in plain_text(article, 60).split("References\n\n")[1].splitlines()]
    assert [(int(n), target) for n, target in listed] == [(l.number, l.target) for l in Document(article).links]


def test_no_references_prints_the_text_alone():
    out = plain_text(rich_article(), 50, references=False)
    assert "References" not in out and "https://" not in out
    # No number points into a list that is not there: the link reads as its words.
    assert "Read the guide first" in out and "[1]" not in out and "[2]" not in out


def test_tables_code_quotes_and_verse_as_text():
    out = plain_text(rich_article(), 50).splitlines()
    start = out.index("Area      │ 2024 │ Notes")
    assert out[start + 1 : start + 5] == [
        "──────────┼──────┼────────────────────────────────",
        "Transport │  310 │ Buses and the new tram line to",
        "          │      │ the harbour",
        "Parks     │   45 │ Unchanged",
    ]
    code = out.index("    def total(budget):")
    assert out[code + 1].startswith("        return sum(value") and out[code + 1].endswith("positive ones")
    quote = out.index("> The first paragraph of the quote.")
    assert out[quote : quote + 6] == [
        "> The first paragraph of the quote.",
        ">",
        "> The second, with a link to the minutes[2].",
        ">",
        "> • a listed point",
        "> • another point",
    ]
    verse = out.index("So much depends")
    assert out[verse + 1 : verse + 3] == ["upon a red wheel barrow glazed with rain water", "  beside the white chickens"]


def test_cjk_is_wrapped_by_cells_like_the_reader():
    text = "東京の夜行列車は三つの国境を越えて朝の港町に着いた。" * 3
    article = Article("東京", None, [Section(None, 2, [Paragraph(text)])])
    lines = plain_text(article, 30, references=False).splitlines()[3:]
    assert "".join(lines) == text
    assert all(cell_len(line) <= 30 for line in lines) and cell_len(lines[0]) == 30
    layout = Document(article).layout(30)
    unit = len(Document(article).units) - 1
    reader = [layout.document.units[unit].text[layout.line_start[l] : layout.line_end[l]] for l in range(layout.line_count) if layout.line_unit[l] == unit]
    assert reader == lines


def test_the_command_line_passes_no_references_through():
    from tui.cli import build_parser, render

    assert build_parser().parse_args(["--plain"]).references is True
    args = build_parser().parse_args(["--plain", "--no-references"])
    assert args.references is False
    with_list = render(rich_article(), "plain", 50, True)
    without = render(rich_article(), "plain", 50, args.references)
    assert "guide[1]" in with_list and "guide[1]" not in without
    assert with_list.split("References")[1].split() == ["1.", "https://example.org/guide", "2.", "https://example.org/minutes"]


def test_an_empty_title_or_heading_does_not_break_plain_text():
    article = Article("", None, [Section("", 2, [Paragraph("Body text.")])])
    assert plain_text(article, 40).splitlines()[-1] == "Body text."  # and no ValueError from max() of nothing


def test_a_link_in_a_heading_is_numbered_as_the_reader_numbers_it():
    article = Article(
        "T",
        None,
        [
            Section("See the manual", 2, [Paragraph("Read the docs.", (Span(9, 13, "link", "https://d/docs"),))],
                    heading_spans=(Span(4, 14, "link", "https://d/manual"),)),
        ],
    )
    out = plain_text(article, 60).splitlines()
    assert out[3:5] == ["See the manual[1]", "-----------------"]
    assert "Read the docs[2]." in out
    assert out[-3:] == ["", "  1. https://d/manual", "  2. https://d/docs"]
    assert [unit.text for unit in Document(article).units[1:]] == ["See the manual[1]", "Read the docs[2]."]
    assert "See the manual\n" in plain_text(article, 60, references=False)


def test_a_pages_byline_is_printed_under_its_title_and_dek_as_the_reader_shows_it():
    body = [Section(None, 2, [Paragraph("The harbour master publishes the tables.")])]
    page = Article("Tide tables", "Why the tides are high.", body, format="html", author="Ana Swanson",
                   date="2019-11-19", site="Harbour News")  # fmt: skip
    assert plain_text(page, 60).splitlines()[:6] == [
        "Tide tables",
        "===========",
        "",
        "Why the tides are high.",
        "Ana Swanson · 2019-11-19 · Harbour News",
        "",
    ]
    undekked = Article("Tide tables", None, body, format="epub", author="Ana Swanson")
    assert plain_text(undekked, 60).splitlines()[:5] == ["Tide tables", "===========", "", "Ana Swanson", ""]
    # A text file's byline is a line of its own text: it is printed there, not twice.
    text = Article("Tide tables", None, body, format="text", author="Ana Swanson")
    assert "Ana Swanson" not in plain_text(text, 60)
