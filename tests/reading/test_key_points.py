"""Suggested key points: whole sentences of the article, with their place, spread over its sections."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, FIXTURES, missing
from tui.model.article import Article, BulletList, Item, Paragraph, Section, Verse
from tui.parse import read_path
from tui.reading.key_points import chapters, is_book, markdown, point_count, suggest, suggest_in_chapter
from tui.reading.layout import Document


def document(*sections: Section, title: str = "T") -> Document:
    return Document(Article(title=title, subtitle=None, sections=list(sections)))


@pytest.mark.parametrize(("words", "count"), [(0, 3), (999, 3), (1000, 5), (2999, 5), (3000, 7), (200_000, 7)])
def test_how_many_suggestions(words, count):
    assert point_count(words) == count


# The sentences of tests/fixtures/hard-wrapped.txt, read off the file (hard wraps joined).
NIGHT_TRAIN = {
    "The train left the capital a little after ten, its carriages still warm from the afternoon sun, and the "
    "conductor walked the corridor twice to check that every compartment door was latched before the first tunnel.": 0,
    "By midnight the dining car had closed.": 0,
    "A few passengers stood at the windows, watching the lights of small towns slide past.": 0,
    "Those bound for Old Town Station were told to change at the junction, and most of them slept through it.": 0,
    "At the first border the train stopped for forty minutes.": 1,
    "Officers in long coats collected passports, stamped them under a dim lamp and handed them back without a word.": 1,
}


def test_suggestions_are_whole_sentences_with_their_place():
    doc = Document(read_path(FIXTURES / "hard-wrapped.txt").parse())
    points = suggest(doc)
    assert len(points) == 3  # about 120 words
    for point in points:
        assert point.text in NIGHT_TRAIN
        assert doc.units[point.unit].text[point.start : point.end] == point.text
        assert doc.units[point.unit].section == point.section
    assert [(p.unit, p.start) for p in points] == sorted((p.unit, p.start) for p in points)
    # Half of the one main section, at least: The Border Crossing gives one.
    assert any(doc.article.sections[p.section].heading == "The Border Crossing" for p in points)


def test_sections_are_covered_not_just_the_opening():
    # The first section repeats the article's vocabulary, so centrality alone would take all from it.
    common = "The river flood plan costs money and the river flood plan needs the council"
    sections = [Section(None, 2, [Paragraph(" ".join(f"{common} item {n}." for n in range(8)))])]
    topics = [
        "bridges carry heavy lorries daily",
        "schools open late on fridays now",
        "markets sell fresh fish early",
        "parks close at dusk in winter",
        "buses run every ten minutes",
        "libraries lend tools to residents",
    ]
    for n, topic in enumerate(topics):
        sections.append(
            Section(f"Part {n}", 2, [Paragraph(f"In this part {topic} across town. Also {topic} again here.")])
        )
    doc = document(*sections)
    points = suggest(doc)
    assert len(points) == 3
    headings = {doc.article.sections[p.section].heading for p in points}
    assert len(headings - {None}) >= 3  # half of the six body sections


def test_near_duplicates_are_not_both_suggested():
    sentence = "The committee approved the new harbour budget on Tuesday evening."
    doc = document(
        Section(None, 2, [Paragraph(f"{sentence} {sentence} Rain fell on the quiet harbour town all day long.")])
    )
    texts = [p.text for p in suggest(doc)]
    assert texts.count(sentence) == 1


def test_questions_and_list_lead_ins_give_way_to_sentences_that_make_a_point():
    doc = document(
        Section(
            None,
            2,
            [
                Paragraph(
                    "What will the council decide about the harbour budget next week? "
                    "The harbour budget grew by a third over the last five years."
                ),
                Paragraph("The council has three options for the harbour budget:"),
                BulletList(False, (Item(None, "Cut it."), Item(None, "Keep it."))),
            ],
        )
    )
    assert [p.text for p in suggest(doc)] == ["The harbour budget grew by a third over the last five years."]


def test_an_article_without_prose_has_no_suggestions():
    doc = document(Section(None, 2, [BulletList(False, (Item(None, "Only a list item with several words in it."),))]))
    assert suggest(doc) == []
    assert markdown(doc) == ""


def test_a_book_gets_suggestions_per_chapter():
    def chapter(n: int) -> Section:
        words = " ".join(f"Chapter {n} sentence {k} tells of ships and storms at sea." for k in range(800))
        return Section(f"Chapter {n}", 2, [Paragraph(words)])

    doc = document(*(chapter(n) for n in (1, 2, 3)))
    assert is_book(doc) and [list(c) for c in chapters(doc)] == [[0], [1], [2]]
    opening = Section(None, 2, [Paragraph("An unheaded opening tells of the harbour and its ships at dawn.")])
    assert [list(c) for c in chapters(document(opening, *doc.article.sections))] == [[0], [1], [2], [3]]
    points = suggest(doc, chapters(doc)[1])
    assert len(points) == 7 and {p.section for p in points} == {1}
    printed = markdown(doc)
    assert [line for line in printed.splitlines() if line.startswith("## ")] == [
        "## Chapter 1",
        "## Chapter 2",
        "## Chapter 3",
    ]
    assert sum(line.startswith("- Chapter 2 ") for line in printed.splitlines()) == 7


def test_suggestions_are_in_the_article_s_words_without_the_reader_s_link_numbers():
    from tui.model.article import Span

    text = "The council published the full harbour plan on Tuesday morning."
    link = Span(22, 43, "link", "https://example.org/plan")  # "the full harbour plan"
    doc = document(Section(None, 2, [Paragraph(text, spans=(link,))]))
    (point,) = suggest(doc)
    assert doc.units[point.unit].text == "The council published the full harbour plan[1] on Tuesday morning."
    assert point.text == text


def test_an_unheaded_opening_without_a_sentence_offers_nothing_but_a_headed_section_does():
    # A book's title page: short lines, no heading. A headed section of short lines still offers its best.
    doc = document(
        Section(None, 2, [Paragraph("Middlemarch"), Paragraph("by George Eliot")]),
        Section("Prelude", 2, [Paragraph("The harbour budget grew by a third over the last five years.")]),
        Section("Act One", 2, [Paragraph("Enter Chorus.")]),
    )
    assert [p.text for p in suggest(doc)] == [
        "The harbour budget grew by a third over the last five years.",
        "Enter Chorus.",
    ]


def test_a_headed_section_with_only_a_note_in_brackets_still_offers_it():
    note = "[Illustration: the harbour at dawn, seen from the lighthouse on the northern pier.]"
    doc = document(Section("Plates", 2, [Paragraph(note)]))
    assert [p.text for p in suggest(doc)] == [note]


def test_a_note_in_brackets_gives_way_to_the_author_s_sentences():
    note = "[Transcriber's note: the spelling of the original edition has been kept throughout.]"
    doc = document(
        Section(None, 2, [Paragraph(f"{note} The harbour budget grew by a third over the last five years.")]),
        Section(None, 2, [Paragraph(note)]),
    )
    assert [p.text for p in suggest(doc)] == ["The harbour budget grew by a third over the last five years."]


@pytest.mark.parametrize(
    ("name", "first_heading"),
    [
        ("gutenberg-eliot-middlemarch.txt", "PRELUDE."),
        ("gutenberg-mill-considerations-on-representative-government.txt", "Preface"),
    ],
)
def test_a_book_s_title_page_and_transcriber_s_notes_are_not_suggested(name, first_heading):
    path = CORPUS / "real" / name
    if not path.is_file():
        missing(f"the corpus file {path} is missing (it lives in ../shared/corpus/)")
    printed = markdown(Document(read_path(path).parse())).splitlines()
    # What `brief --key-points` prints: the first group is the book's first chapter, not its front matter.
    assert printed[0] == f"## {first_heading}"
    title_page = {
        "- Middlemarch",
        "- by George Eliot",
        "- George Eliot",
        "- Considerations on Representative Government",
    }
    assert not [line for line in printed if line in title_page or line.startswith("- [")]


def test_before_a_book_s_first_chapter_the_first_chapter_s_suggestions_are_shown():
    def chapter(n: int) -> Section:
        words = " ".join(f"Chapter {n} sentence {k} tells of ships and storms at sea." for k in range(800))
        return Section(f"Chapter {n}", 2, [Paragraph(words)])

    title_page = Section(None, 2, [Paragraph("Middlemarch"), Paragraph("by George Eliot")])
    doc = document(title_page, *(chapter(n) for n in (1, 2, 3)))
    front, first = chapters(doc)[:2]
    assert suggest(doc, front) == []
    assert suggest_in_chapter(doc, front) == suggest(doc, first) != []
    assert suggest_in_chapter(doc, first) == suggest(doc, first)
    # A book without front matter: its first chapter, all verse, has nothing to suggest, and shows none.
    verse_first = document(Section("Chapter 0", 2, [Verse(("Sing, muse,", "of the sea."))]), *doc.article.sections[1:])
    opening = chapters(verse_first)[0]
    assert list(opening) == [0] and suggest_in_chapter(verse_first, opening) == []
