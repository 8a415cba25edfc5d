"""One small synthetic test per Markdown rule of issue 10: titles, levels, spans, HTML, footnotes,
tables, quotes, code and front matter."""

from __future__ import annotations

import pytest

from tui.model.article import BulletList, Item, Paragraph, Preformatted, Quote, Section, Span, Table
from tui.parse import parse_text


def md(text: str, name: str = "my-notes.md"):
    return parse_text(text, name=name)


def outline(article) -> list[tuple[str | None, int]]:
    return [(section.heading, section.level) for section in article.sections]


# --- levels and titles ------------------------------------------------------------------------------


def test_levels_are_the_number_of_hashes_and_setext_is_one_and_two():
    article = md("# Title\n\nLead.\n\n## Two\n\n### Three\n\n###### Six\n")
    assert article.title == "Title"
    assert outline(article) == [(None, 2), ("Two", 2), ("Three", 3), ("Six", 6)]
    # Two setext `===` headings are two level-1 headings: sections, so the title is the file name's.
    article = md("Part A\n===\n\nText.\n\nPart B\n===\n\nSub\n---\n\nMore.\n")
    assert article.title == "My Notes"
    assert outline(article) == [("Part A", 1), ("Part B", 1), ("Sub", 2)]


def test_one_hash_heading_before_every_other_heading_is_the_title_and_never_a_section():
    article = md("# The Title\n\n*The dek*\n\nText.\n\n## Part\n")
    assert (article.title, article.subtitle) == ("The Title", "The dek")
    assert outline(article) == [(None, 2), ("Part", 2)]


def test_a_hash_heading_after_another_heading_is_a_section_and_the_title_is_the_file_name():
    article = md("## Intro\n\nText.\n\n# Late Top\n\nMore.\n")
    assert article.title == "My Notes"
    assert outline(article) == [("Intro", 2), ("Late Top", 1)]


def test_readme_html_headings_are_headings_of_their_level():
    text = (
        '<h1 align="center">Widget</h1>\n<p align="center"><em>Small and fast.</em></p>\n\n'
        "Intro.\n\n<h2>Install</h2>\n\nRun it.\n\n## Usage\n\nUse it.\n"
    )
    article = md(text)
    assert (article.title, article.subtitle) == ("Widget", "Small and fast.")
    assert outline(article) == [(None, 2), ("Install", 2), ("Usage", 2)]
    assert article.sections[1].blocks == [Paragraph("Run it.")]
    # Two <h1> are two sections, as two `#` are.
    article = md("<h1>One</h1>\n\nA.\n\n# Two\n\nB.\n")
    assert article.title == "My Notes"
    assert outline(article) == [("One", 1), ("Two", 1)]


def test_a_centred_logo_that_opens_a_readme_with_no_hash_heading_is_its_title():
    logo = '<p align="center">\n  <a href="https://w.example"><img src="logo.png" alt="Widget"></a>\n</p>\n'
    article = md(f"<!-- badges -->\n\n{logo}<p align=center><i>Small and fast.</i></p>\n\n## Usage\n\nUse it.\n")
    assert (article.title, article.subtitle) == ("Widget", "Small and fast.")
    assert outline(article) == [("Usage", 2)]
    # Not a logo: an image that is not centred, one beside text, or two images (a row of badges).
    for opening in (
        '<p><img src="b.svg" alt="Build"></p>\n',
        '<p align="center"><img src="b.svg" alt="Widget"> is small</p>\n',
        '<p align="center"><img src="b.svg" alt="Build"><img src="c.svg" alt="Coverage"></p>\n',
    ):
        article = md(f"{opening}\n## Usage\n\nUse it.\n")
        assert article.title == "My Notes", opening
        assert outline(article) == [(None, 2), ("Usage", 2)]
    # A logo under a `#` title is a line of the text.
    article = md(f"# Widget\n\n{logo}\nText.\n")
    assert article.title == "Widget" and article.sections[0].blocks == [Paragraph("Widget"), Paragraph("Text.")]


def test_markdown_wrapped_in_an_html_heading_is_that_heading():
    # urllib3's README: the <h1> and </h1> each a block of their own, a Markdown logo between them.
    opening = '<h1 align="center">\n\n![urllib3](https://e.example/banner.svg)\n\n</h1>\n\n'
    article = md(f"{opening}urllib3 is a client.\n\n## Installing\n\nRun it.\n")
    assert article.title == "urllib3"
    assert outline(article) == [(None, 2), ("Installing", 2)]
    assert article.sections[0].blocks == [Paragraph("urllib3 is a client.")]
    # Lower down, an <h2> written that way is a section of level 2.
    article = md("# T\n\nA.\n\n<h2>\n\nSetup *now*\n\n</h2>\n\nB.\n")
    assert outline(article) == [(None, 2), ("Setup now", 2)]
    # A paragraph after an <h1> that is closed, or not closed after it, stays a paragraph.
    for text in ("<h1>Name</h1>\n\nText.\n\n<p>x</p>\n", '<h1 align="center">\n\nText.\n\n<p>x</p>\n'):
        assert Paragraph("Text.") in md(text).sections[0].blocks, text


def test_a_heading_keeps_its_inline_styles_as_spans_without_its_anchor():
    article = md("# T\n\n## Use `brief` with *care*, see [the docs](https://d.example) {#use}\n\nText.\n")
    assert article.sections == [
        Section(
            "Use brief with care, see the docs",
            2,
            [Paragraph("Text.")],
            heading_spans=(Span(4, 9, "code"), Span(15, 19, "emphasis"), Span(25, 33, "link", "https://d.example")),
        )
    ]


def test_several_hash_headings_are_sections_of_level_one():
    article = md("# One\n\nA.\n\n# Two\n\nB.\n")
    assert article.title == "My Notes"
    assert outline(article) == [("One", 1), ("Two", 1)]


def test_without_any_hash_heading_a_heading_that_opens_the_document_is_the_title():
    article = md("<!-- build: ignore -->\n\n## Chapter Title\n\nText.\n\n### Part\n\nMore.\n")
    assert article.title == "Chapter Title"
    assert outline(article) == [(None, 2), ("Part", 3)]


def test_without_any_hash_heading_a_document_opening_with_text_takes_the_file_name():
    article = md("- Feature: x\n\n## Summary\n\nText.\n")
    assert article.title == "My Notes"
    assert outline(article) == [(None, 2), ("Summary", 2)]


def test_a_byline_under_the_title_gives_author_and_date_and_stays_in_the_text():
    article = md("# Design\n\nAuthor(s): Ada Byron\n\nLast updated: 2021-04-22\n\nText: not a byline.\n")
    assert (article.author, article.date) == ("Ada Byron", "2021-04-22")
    assert [block.text for block in article.sections[0].blocks] == [
        "Author(s): Ada Byron",
        "Last updated: 2021-04-22",
        "Text: not a byline.",
    ]
    assert md("# Design\n\nIntro.\n\nAuthor: Not A Byline\n").author is None


def test_heading_anchors_are_not_part_of_the_heading():
    article = md("# Title {#top}\n\n## Conclusion {#conclusion}\n\nText.\n\n## Sets {a} stay\n")
    assert article.title == "Title"
    assert [heading for heading, _ in outline(article)] == [None, "Conclusion", "Sets {a} stay"][1:]


# --- front matter -----------------------------------------------------------------------------------


def test_yaml_front_matter_gives_title_dek_author_date_and_keeps_other_fields_apart():
    text = '---\ntitle: "From YAML"\ndescription: The dek\nauthor: Ann Lee\ndate: 2024-05-06\ntags: [a, b]\n---\n\n# Body Heading\n\nText.\n'
    article = md(text)
    assert (article.title, article.subtitle, article.author, article.date) == (
        "From YAML",
        "The dek",
        "Ann Lee",
        "2024-05-06",
    )
    assert article.sections == [
        Section("Front matter", 1, [BulletList(False, (Item("tags", "a, b"),))], "front-matter"),
        # With a title from the front matter, the `#` heading is a section.
        Section("Body Heading", 1, [Paragraph("Text.")]),
    ]


def test_an_opening_heading_that_repeats_the_front_matter_title_is_that_title_not_a_section():
    # systemd's docs: `title:` for the site generator, then `# The Same Title` for GitHub's readers.
    text = "---\ntitle: Porting systemd To New Distributions\nlayout: default\n---\n\n# Porting systemd to new  distributions\n\n## HOWTO\n\nText.\n"
    article = md(text)
    assert article.title == "Porting systemd to new  distributions"
    assert outline(article) == [("Front matter", 1), ("HOWTO", 2)]


def test_yaml_front_matter_values_are_the_text_the_author_wrote():
    # Plain YAML reads `00` as 0, `yes` as True and `1.10` as 1.1: words the reader would not see.
    article = md("---\ntitle: 1984\ndescription: 00\nversion: 1.10\ndraft: yes\nnotes: null\n---\n\nText.\n")
    assert (article.title, article.subtitle) == ("1984", "00")
    assert article.sections[0].blocks == [
        BulletList(False, (Item("version", "1.10"), Item("draft", "yes"), Item("notes", "null")))
    ]


def test_a_pandoc_title_block_gives_title_author_and_date():
    # Rust's release notes open with `% Rust Release Notes`; Pandoc reads up to three such lines.
    article = md("% Release Notes\n  of the year\n% Ann Lee; Bo Chen\n% 2020-01-02\n\nVersion 1\n=========\n\nText.\n")
    assert (article.title, article.author, article.date) == ("Release Notes of the year", "Ann Lee; Bo Chen", "2020-01-02")
    assert outline(article) == [("Version 1", 1)]
    article = md("% Only a Title\n\nText.\n")
    assert (article.title, article.author) == ("Only a Title", None)
    assert article.sections == [Section(None, 2, [Paragraph("Text.")])]
    # A percent sign that opens a sentence is text, not a title block.
    assert md("%50 of it is here.\n").title == "My Notes"


def test_toml_front_matter():
    article = md('+++\ntitle = "From TOML"\nsummary = "Short"\n+++\n\nText.\n')
    assert (article.title, article.subtitle) == ("From TOML", "Short")
    assert article.sections == [Section(None, 2, [Paragraph("Text.")])]


def test_dashes_that_are_not_yaml_front_matter_stay_markdown():
    article = md("---\n\nJust a rule, then text.\n")
    assert article.sections == [Section(None, 2, [Paragraph("Just a rule, then text.")])]


# --- inline spans -----------------------------------------------------------------------------------


def test_inline_spans_over_the_text():
    article = md("# T\n\nA **bold** and *em* and `code` and ~~old~~ and [a link](https://x.example/p).\n")
    paragraph = article.sections[0].blocks[0]
    assert paragraph == Paragraph(
        "A bold and em and code and old and a link.",
        (
            Span(2, 6, "strong"),
            Span(11, 13, "emphasis"),
            Span(18, 22, "code"),
            Span(27, 30, "strike"),
            Span(35, 41, "link", "https://x.example/p"),
        ),
    )
    assert article.links == [("a link", "https://x.example/p")]


def test_nested_spans_and_spans_in_items_after_their_label():
    article = md("# T\n\n- **Cost:** a ***big*** [`x`](http://e.example)\n")
    item = article.sections[0].blocks[0].items[0]
    assert (item.label, item.text) == ("Cost", "a big x")
    assert set(item.spans) == {
        Span(2, 5, "emphasis"),
        Span(2, 5, "strong"),
        Span(6, 7, "code"),
        Span(6, 7, "link", "http://e.example"),
    }


def test_an_empty_link_loses_no_word():
    assert md("0[]()0\n").sections[0].blocks == [Paragraph("0 0")]
    article = md("see[](https://e.example/a)now\n")
    text = "see https://e.example/a now"
    assert article.sections[0].blocks == [Paragraph(text, (Span(4, 23, "link", "https://e.example/a"),))]
    assert text[4:23] == "https://e.example/a"
    assert article.links == [("https://e.example/a", "https://e.example/a")]


def test_an_image_gives_its_alt_text_and_its_source_is_a_link():
    article = md("# T\n\nA ![small chart](chart.png) here.\n")
    assert article.sections[0].blocks == [Paragraph("A small chart here.")]
    assert article.links == [("small chart", "chart.png")]


# --- HTML -------------------------------------------------------------------------------------------


def test_inline_html_tags_are_reduced_to_their_text():
    text = '# T\n\nKeep <span class="x">this</span> and<!-- not this --> that <img src="a.png" alt="the alt"> end.\n'
    assert md(text).sections[0].blocks == [Paragraph("Keep this and that the alt end.")]


def test_an_inline_comment_leaves_no_space_behind_and_never_glues_two_words():
    text = "# T\n\nSee [Chapter 8](ch8.md)<!-- ignore -->. Then one<!-- a -->two, three <!-- b --> four.\n"
    assert md(text).sections[0].blocks == [
        Paragraph("See Chapter 8. Then one two, three four.", (Span(4, 13, "link", "ch8.md"),))
    ]
    # The space a comment stands for between two words goes before a span, not inside it.
    assert md("# T\n\nx<!-- c -->**bold** y\n").sections[0].blocks == [Paragraph("x bold y", (Span(2, 6, "strong"),))]


def test_inline_tags_that_only_style_text_glue_as_a_browser_draws_them():
    text = "# T\n\nH<sub>2</sub>O and <kbd>Ctrl</kbd>+<kbd>C</kbd>, a<br>b, x<img src=a.png>y.\n"
    assert md(text).sections[0].blocks == [Paragraph("H2O and Ctrl+C, a b, x y.")]


def test_html_blocks_keep_text_drop_comments_styles_and_scripts_and_put_the_summary_first():
    text = (
        "# T\n\n<!--\na comment\nover lines\n-->\n\n<style>p { color: red }</style>\n\n"
        "<script>alert(1)</script>\n\n"
        '<div align="center"><p>First <b>para</b></p><p>Second</p><img alt="Logo"></div>\n\n'
        "<details><p>Body first in the source</p><summary>The summary</summary></details>\n"
    )
    assert md(text).sections[0].blocks == [
        Paragraph("First para"),
        Paragraph("Second"),
        Paragraph("Logo"),
        Paragraph("The summary"),
        Paragraph("Body first in the source"),
    ]


# --- footnotes --------------------------------------------------------------------------------------


def test_footnotes_are_marked_and_placed_at_the_end_of_their_section_in_order():
    text = (
        "# T\n\n## One\n\nFirst[^b] and second[^a].\n\n[^a]: Note A.\n\nMore text in one.\n\n"
        "## Two\n\nAgain[^b], and[^c].\n\n[^b]: Note B,\n    in two lines.\n\n[^c]: Note C.\n\n    Its second paragraph.\n"
    )
    article = md(text)
    one, two = article.sections
    assert one.blocks == [
        Paragraph("First[1] and second[2]."),
        Paragraph("More text in one."),
        Paragraph("[1] Note B, in two lines."),
        Paragraph("[2] Note A."),
    ]
    assert two.blocks == [
        Paragraph("Again[1], and[3]."),
        Paragraph("[3] Note C."),
        Paragraph("Its second paragraph."),
    ]


def test_inline_notes_are_numbered_with_the_others_and_keep_their_words_and_styles():
    text = "# T\n\nA claim^[Said *twice*, see [the source](https://s.example/).] and[^a] more.\n\n[^a]: Note A.\n"
    article = md(text)
    assert article.sections[0].blocks == [
        Paragraph("A claim[1] and[2] more."),
        Paragraph(
            "[1] Said twice, see the source.",
            (Span(9, 14, "emphasis"), Span(20, 30, "link", "https://s.example/")),
        ),
        Paragraph("[2] Note A."),
    ]
    assert article.links == [("the source", "https://s.example/")]


def test_a_note_nothing_refers_to_stays_where_it_was_written():
    article = md("# T\n\nText.\n\n[^lonely]: Nobody cites me.\n\n## Next\n\nMore.\n")
    assert article.sections[0].blocks == [Paragraph("Text."), Paragraph("[lonely] Nobody cites me.")]


# --- tables, quotes, code ---------------------------------------------------------------------------


def test_tables_with_alignment_inline_markup_escaped_pipes_and_short_rows():
    text = "# T\n\n| Name | Left | Mid | Right |\n|---|:--|:-:|--:|\n| **a** | b \\| c | [d](http://d.example) |\n"
    article = md(text)
    assert article.sections[0].blocks == [
        Table(("Name", "Left", "Mid", "Right"), (("a", "b | c", "d", ""),), (None, "left", "center", "right"))
    ]
    assert article.links == [("d", "http://d.example")]


def test_a_table_in_a_list_item_joins_the_items_line_and_a_table_in_a_quote_stays_a_table():
    article = md("# T\n\n- Item:\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n> | x |\n> |---|\n> | y |\n")
    listing, quote = article.sections[0].blocks
    assert listing.items == (Item("Item", "a | b 1 | 2"),)
    assert quote == Quote.of([Table(("x",), (("y",),), (None,))])


def test_a_quote_keeps_each_paragraph_list_and_code_block_and_flattens_a_nested_quote():
    text = "# T\n\n> One.\n>\n> Two.\n>\n> - a\n> - b\n>\n> ```sh\n> ls\n> ```\n>\n> > Inner.\n>\n> ### Aside\n"
    quote = md(text).sections[0].blocks[0]
    assert quote == Quote.of(
        [
            Paragraph("One."),
            Paragraph("Two."),
            BulletList(False, (Item(None, "a"), Item(None, "b"))),
            Preformatted("ls", "sh"),
            Paragraph("Inner."),
            Paragraph("Aside", (Span(0, 5, "strong"),)),
        ]
    )
    assert quote.text == "One.\n\nTwo.\n\na\nb\n\nls\n\nInner.\n\nAside"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("```python title=x\nprint(1)\n```\n", Preformatted("print(1)", "python")),
        ("~~~\nplain\n~~~\n", Preformatted("plain", None)),
        ("    indented\n    code\n", Preformatted("indented\ncode", None)),
    ],
)
def test_code_blocks_keep_their_language(source: str, expected: Preformatted):
    assert md(f"# T\n\n{source}").sections[0].blocks == [expected]
