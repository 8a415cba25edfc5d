"""The layout: units with their inline styles and numbered links, wrapped lines, tables, code,
quotes, verse, anchors, and what `]`/`[` and the word counts pass over."""

from __future__ import annotations

from rich.cells import cell_len

from tests.reading.samples import INLINE, rich_article
from tui.model.article import Article, Paragraph, Section, Span, Verse
from tui.reading.layout import BLANK, Document, Kind, Layout
from tui.reading.units import LinkNumbers


def shown(layout: Layout) -> list[str]:
    """Each line's text as the reader draws it, without margins, markers or bars."""
    units = layout.document.units
    out = []
    for line in range(layout.line_count):
        unit = layout.line_unit[line]
        if unit == BLANK:
            out.append("")
        elif line in layout.pieces:
            text = units[unit].text
            out.append("".join(p if isinstance(p, str) else text[p[0] : p[1]] for p in layout.pieces[line]).rstrip())
        else:
            out.append(units[unit].text[layout.line_start[line] : layout.line_end[line]])
    return out


def unit_with(document: Document, start: str) -> int:
    return next(i for i, unit in enumerate(document.units) if unit.text.startswith(start))


def test_links_get_their_number_after_the_text_and_spans_move_with_it():
    document = Document(rich_article())
    unit = document.units[unit_with(document, "Read the")]
    assert unit.text == INLINE.replace("guide", "guide[1]")
    styled = {unit.text[a:b]: style for a, b, style in unit.styles}
    assert styled == {
        "guide": "link",
        "[1]": "link-number",
        "first": "strong",
        "make": "code",
        "care": "emphasis",
        "old way": "strike",
    }


def test_links_are_numbered_in_reading_order_with_their_sections():
    document = Document(rich_article())
    assert [(link.number, link.text, link.target) for link in document.links] == [
        (1, "guide", "https://example.org/guide"),
        (2, "the minutes", "https://example.org/minutes"),
    ]
    voices = [s.heading for s in document.article.sections].index("Voices")
    assert [link.number for link in document.links_of_section(voices)] == [2]
    assert [link.number for link in document.links_of_section(0)] == [1]  # the text before the first heading
    assert document.links_of_section(None) == []  # the title


def test_two_links_and_a_bold_span_around_one_of_them():
    numbers = LinkNumbers()
    text = "see a and b now"
    spans = (Span(4, 11, "strong"), Span(4, 5, "link", "u1"), Span(10, 11, "link", "u2"))
    shown_text, styles = numbers.apply(text, spans, 0)
    assert shown_text == "see a[1] and b[2] now"
    assert sorted((shown_text[a:b], s) for a, b, s in styles) == [
        ("[1]", "link-number"),
        ("[2]", "link-number"),
        ("a", "link"),
        ("a[1] and b", "strong"),
        ("b", "link"),
    ]


def test_a_paragraph_label_leads_in_bold_like_an_item_label():
    article = Article("T", None, [Section(None, 2, [Paragraph("To be, or not to be.", label="HAMLET")])])
    unit = Document(article).units[-1]
    assert unit.text[: unit.strong] == "HAMLET" and unit.text == "HAMLET To be, or not to be."


def test_a_table_is_laid_out_in_aligned_columns_that_fit_the_measure():
    layout = Document(rich_article()).layout(40)
    lines = shown(layout)
    start = lines.index(next(line for line in lines if line.startswith("Area")))
    assert lines[start : start + 6] == [
        "Area      │ 2024 │ Notes",
        "──────────┼──────┼──────────────────────",
        "Transport │  310 │ Buses and the new",
        "          │      │ tram line to the",
        "          │      │ harbour",
        "Parks     │   45 │ Unchanged",
    ]
    assert all(cell_len(line) <= 40 for line in lines[start : start + 6])


def test_a_narrow_table_shares_the_room_and_never_overflows():
    layout = Document(rich_article()).layout(24)
    table = [line for line in shown(layout) if "│" in line or "┼" in line]
    assert table and all(cell_len(line) <= 24 for line in table)
    # Not even the longest words fit: the room goes to each column by its longest word, and words are cut.
    assert table[:4] == ["Area    │ 2024 │ Notes", "────────┼──────┼────────", "Transpo │  310 │ Buses", "rt      │      │ and the"]


def test_table_lines_slice_the_row_text_so_search_offsets_land_in_cells():
    document = Document(rich_article())
    layout = document.layout(40)
    row = unit_with(document, "Transport")
    assert document.units[row].text == "Transport | 310 | Buses and the new tram line to the harbour"
    harbour = document.units[row].text.index("harbour")
    assert shown(layout)[layout.line_of_anchor((row, harbour))].endswith("harbour")


def test_long_code_wraps_with_every_character_kept_and_the_continuation_narrower():
    document = Document(rich_article())
    layout = document.layout(40)
    unit = unit_with(document, "    return")
    lines = [line for line in range(layout.line_count) if layout.line_unit[line] == unit]
    assert len(lines) > 1
    text = document.units[unit].text
    assert "".join(text[layout.line_start[l] : layout.line_end[l]] for l in lines) == text
    assert layout.line_end[lines[0]] <= 40 - 2  # the block's padding on either side
    assert all(cell_len(text[layout.line_start[l] : layout.line_end[l]]) <= 36 for l in lines[1:])  # and the ↪ mark


def test_a_quote_keeps_its_paragraphs_apart_and_its_list_markers():
    document = Document(rich_article())
    first = unit_with(document, "The first paragraph")
    units = document.units[first : first + 5]
    assert [u.text for u in units] == [
        "The first paragraph of the quote.",
        "",
        "The second, with a link to the minutes[2].",
        "",
        "a listed point",
    ]
    assert all(u.quoted for u in units) and units[4].marker == "• "
    assert [u.gap for u in units] == [True, False, False, False, False]


def test_verse_keeps_its_lines_and_a_wrapped_line_hangs():
    article = Article("T", None, [Section(None, 2, [Verse(("short line", "a much longer line that must wrap here"))])])
    document = Document(article)
    layout = document.layout(20)
    assert shown(layout)[-4:] == ["short line", "a much longer line", "that must wrap", "here"]
    assert document.units[-1].hang == 2  # drawn two cells in on the lines after the first


def test_contents_and_licence_are_skipped_by_next_section_and_word_counts():
    document = Document(rich_article())
    layout = document.layout(60)
    sections = [s.heading for s in document.article.sections]
    visited, top = [], 0
    while (section := layout.next_section(top, 1)) is not None:
        visited.append(sections[section])
        top = layout.line_of_section(section)
    assert visited == ["Numbers", "Code", "Voices"]
    assert sections[layout.next_section(layout.line_count, -1)] == "Voices"
    licence = document.section_units[sections.index("Licence")]
    assert document.words_before(len(document.units)) == document.words_before(licence)  # "Share alike." not counted
    contents = document.section_units[sections.index("Contents")]
    numbers = document.section_units[sections.index("Numbers")]
    assert document.words_before(numbers) == document.words_before(contents)


def test_anchors_survive_a_change_of_width():
    document = Document(rich_article())
    wide, narrow = document.layout(70), document.layout(24)
    for line in range(wide.line_count):
        anchor = wide.anchor(line)
        unit, offset = anchor
        back = narrow.line_of_anchor(anchor)
        assert narrow.line_unit[back] == unit
        assert narrow.line_start[back] <= offset


def test_kinds_of_the_blocks():
    document = Document(rich_article())
    kinds = {unit.kind for unit in document.units}
    assert {Kind.TABLE, Kind.PREFORMATTED, Kind.QUOTE, Kind.VERSE, Kind.ITEM, Kind.PARAGRAPH} <= kinds
    assert [(b.language, b.lines) for b in document.code_blocks] == [("python", 2)]
    first = document.code_blocks[0].first
    assert document.code_block_of(first + 1) is document.code_blocks[0] and document.code_block_of(first + 2) is None


def test_a_pages_author_date_and_site_stand_under_its_title_and_dek():
    page = Article(
        "Ports", "Three harbours.", [Section(None, 2, [Paragraph("Text.")])],
        format="html", author="Ana Swanson", date="2019-11-19", site="Reuters",
    )  # fmt: skip
    units = Document(page).units
    assert [(u.kind, u.text) for u in units[:3]] == [
        (Kind.TITLE, "Ports"),
        (Kind.DEK, "Three harbours."),
        (Kind.BYLINE, "Ana Swanson · 2019-11-19 · Reuters"),
    ]
    # In plain text the byline is a line of the text itself: it is not shown twice.
    copy = Article("Ports", None, [Section(None, 2, [Paragraph("By Ana Swanson")])], author="Ana Swanson")
    assert Kind.BYLINE not in [u.kind for u in Document(copy).units]
