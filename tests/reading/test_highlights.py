"""Highlights: a second press removes, a changed file keeps the words it still has, Markdown out."""

from __future__ import annotations

from tui.model.article import Article, Paragraph, Section
from tui.platform.state import ArticleState, Highlight, StateStore
from tui.reading.highlights import make, resolve, to_markdown, toggle
from tui.reading.layout import Document


def doc(*paragraphs_by_heading: tuple[str | None, list[str]]) -> Document:
    sections = [Section(heading, 2, [Paragraph(text) for text in texts]) for heading, texts in paragraphs_by_heading]
    return Document(Article(title="Harbour", subtitle=None, sections=sections))


DOC = doc((None, ["The docks were empty. Now they are busy."]), ("Next", ["The vote is in May. It may pass."]))
# Units: 0 title, 1 first paragraph, 2 heading "Next", 3 its paragraph.


def test_make_keeps_the_words_and_the_heading():
    assert make(DOC, 3, 0, 19) == Highlight(3, 0, 19, "The vote is in May.", "Next")
    assert make(DOC, 1, 22, 40) == Highlight(1, 22, 40, "Now they are busy.", None)


def test_a_second_press_removes():
    first = make(DOC, 3, 0, 19)
    kept, added = toggle([], [first])
    assert (kept, added) == ([first], True)
    earlier = make(DOC, 1, 0, 21)
    kept, added = toggle(kept, [earlier])
    assert (kept, added) == ([earlier, first], True)  # reading order
    kept, added = toggle(kept, [make(DOC, 3, 4, 8)])  # any overlap with "The vote is in May."
    assert (kept, added) == ([earlier], False)


def test_markdown_has_a_heading_per_section_and_quotes():
    marks = [make(DOC, 3, 20, 32), make(DOC, 1, 0, 21), make(DOC, 3, 0, 19)]
    assert to_markdown(DOC, marks) == (
        "## Harbour\n\n> The docks were empty.\n\n## Next\n\n> The vote is in May.\n\n> It may pass."
    )


def test_a_changed_file_keeps_what_it_still_contains_and_counts_the_rest():
    marks = [make(DOC, 1, 22, 40), make(DOC, 3, 0, 19), make(DOC, 3, 20, 32)]
    edited = doc(
        (None, ["A new opening paragraph.", "The docks were empty. Now they are busy."]),
        ("Next", ["The vote is in June. It may pass."]),
    )
    placed, lost = resolve(edited, marks)
    assert lost == 1  # "The vote is in May." is gone
    assert placed == [Highlight(2, 22, 40, "Now they are busy.", None), Highlight(4, 21, 33, "It may pass.", "Next")]


def test_the_state_file_keeps_highlights_and_tolerates_odd_entries(tmp_path):
    store = StateStore(tmp_path)
    mark = Highlight(3, 0, 19, "The vote is in May.", "Next")
    store.update("d", lambda _: ArticleState("Harbour", highlights=[mark]))
    assert store.get("d")[0].highlights == [mark]
    stored = {"unit": 3, "start": 0, "end": 19, "text": "The vote is in May.", "heading": "Next", "later": 1}
    state, dropped = ArticleState.from_json({"title": "x", "highlights": [{"unit": 1}, "junk", stored]})
    assert (state.highlights, dropped) == ([mark], 2)  # the odd entries are dropped, and counted
    assert ArticleState.from_json({"title": "older brief"})[0].highlights == []
