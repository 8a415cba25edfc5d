"""Selection mode's sentence cursor: it moves sentence by sentence across paragraphs, and extends."""

from __future__ import annotations

from tui.model.article import Article, BulletList, Item, Paragraph, Preformatted, Section
from tui.reading.layout import Document
from tui.reading.selection import SentenceCursor

DOC = Document(Article("T", None, [
    Section(None, 2, [Paragraph("One is here. Two is there."), Preformatted("code. Not. Sentences.")]),
    Section("H", 2, [BulletList(False, (Item(None, "Three."),)), Paragraph("Four, Mr. Five. Six.")]),
]))  # fmt: skip
# Units: 0 title, 1 paragraph, 2 code, 3 heading, 4 item, 5 paragraph.


def test_starts_on_the_first_sentence_at_or_below_the_top():
    assert SentenceCursor(DOC, 0).selected() == [(1, 0, 12)]
    assert SentenceCursor(DOC, 2).selected() == [(4, 0, 6)]  # code and headings are skipped


def test_moves_by_sentence_across_units_and_stops_at_the_ends():
    cursor = SentenceCursor(DOC, 1)
    texts = []
    for _ in range(6):
        ((unit, start, end),) = cursor.selected()
        texts.append(DOC.units[unit].text[start:end])
        cursor.move(1)
    assert texts == ["One is here.", "Two is there.", "Three.", "Four, Mr. Five.", "Six.", "Six."]
    cursor.move(-1)
    cursor.move(-1)
    assert cursor.selected() == [(4, 0, 6)]


def test_extending_covers_every_sentence_between_anchor_and_head():
    cursor = SentenceCursor(DOC, 1)
    cursor.move(1)
    for _ in range(3):
        cursor.move(1, extend=True)
    assert cursor.selected() == [(1, 13, 26), (4, 0, 6), (5, 0, 20)]  # Two … Six
    for _ in range(4):
        cursor.move(-1, extend=True)  # back past the anchor: the selection runs the other way
    assert cursor.selected() == [(1, 0, 26)]
