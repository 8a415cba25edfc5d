"""Properties of the layout over any text and any spans: nothing lost, nothing out of bounds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.model.article import SPAN_STYLES, Article, Paragraph, Section, Span, Table
from tui.reading.cells import wrap
from tui.reading.layout import BLANK, Document
from tui.reading.units import LINK_NUMBER, LinkNumbers

TEXT = st.text(st.sampled_from("ab cd  東京é\u0301🙂-"), max_size=60)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, tuple[Span, ...]]:
    text = draw(TEXT)
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, max(0, len(text) - 1)))
        end = draw(st.integers(start, len(text)))
        style = draw(st.sampled_from(SPAN_STYLES))
        spans.append(Span(start, end, style, "https://x.example/" if style == "link" else None))
    return text, tuple(spans)


@given(text_and_spans())
def test_link_numbers_only_add_their_marks_and_styles_stay_in_bounds(case):
    text, spans = case
    shown, styles = LinkNumbers().apply(text, spans, 0)
    marks = [shown[a:b] for a, b, style in styles if style == LINK_NUMBER]
    assert all(re.fullmatch(r"\[\d+\]", mark) for mark in marks)
    stripped = shown
    for mark in marks:
        stripped = stripped.replace(mark, "", 1)
    assert stripped == text
    assert all(0 <= a <= b <= len(shown) for a, b, _ in styles)


@given(TEXT, st.integers(1, 12), st.integers(1, 12))
def test_wrap_loses_no_word_and_keeps_to_its_widths(text, width, rest):
    spans = wrap(text, width, rest=rest)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")  # only spaces go
    assert all(a <= b for a, b in spans) and all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    for number, (a, b) in enumerate(spans):
        limit = width if number == 0 else rest
        assert cell_len(text[a:b]) <= limit or b - a == 1


@settings(max_examples=50)
@given(st.lists(text_and_spans(), min_size=1, max_size=4), st.integers(10, 40))
def test_every_word_of_paragraphs_and_tables_is_on_some_line(paragraphs, measure):
    blocks = [Paragraph(text, spans) for text, spans in paragraphs]
    blocks.append(Table(("h1", "h2"), tuple((text[:10], text[10:]) for text, _ in paragraphs)))
    document = Document(Article("T", None, [Section(None, 2, blocks)]))
    layout = document.layout(measure)
    shown = []
    for line in range(layout.line_count):
        unit = layout.line_unit[line]
        if unit == BLANK:
            continue
        text = document.units[unit].text
        if line in layout.pieces:
            shown += [text[p[0] : p[1]] for p in layout.pieces[line] if not isinstance(p, str)]
        else:
            shown.append(text[layout.line_start[line] : layout.line_end[line]])
    # A table's wrapped cells interleave on its lines, so compare the characters, not their order.
    expected = "".join("".join(unit.text.split()) for unit in document.units).replace("|", "")
    assert sorted("".join("".join(piece.split()) for piece in shown)) == sorted(expected)
