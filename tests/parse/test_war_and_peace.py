"""A real 3.2 MB Windows-1252 book: parts above chapters, the title from the file name, quotes decoded."""

from __future__ import annotations


import pytest

from tests.conftest import CORPUS, missing
from tests.parse.test_properties import assert_clean, assert_no_word_lost
from tui.model.article import Article, BulletList, Paragraph
from tui.parse import load_path

BOOK = CORPUS / "war-and-peace.txt"

PARTS = [
    "BOOK TWO: 1805",
    "BOOK THREE: 1805",
    "BOOK FOUR: 1806",
    "BOOK FIVE: 1806 - 07",
    "BOOK SIX: 1808 - 10",
    "BOOK SEVEN: 1810 - 11",
    "BOOK EIGHT: 1811 - 12",
    "BOOK NINE: 1812",
    "BOOK TEN: 1812",
    "BOOK ELEVEN: 1812",
    "BOOK TWELVE: 1812",
    "BOOK THIRTEEN: 1812",
    "BOOK FOURTEEN: 1812",
    "BOOK FIFTEEN: 1812 - 13",
    "FIRST EPILOGUE: 1813 - 20",
    "SECOND EPILOGUE",
]
# Chapters per part, the leading heading-less chapter of Book One not counted.
CHAPTERS_BEFORE_BOOK_TWO = 27


@pytest.fixture(scope="module")
def book() -> Article:
    if not BOOK.is_file():
        missing(
            f"the War and Peace corpus is not at {BOOK} (it lives in ../shared/corpus/, outside the repository)"
        )
    return load_path(BOOK)


def test_title_comes_from_the_file_name(book: Article):
    assert book.title == "War and Peace"
    assert book.subtitle is None
    assert (book.format, book.encoding) == ("text", "windows-1252")


def test_sixteen_parts_at_level_two(book: Article):
    assert [s.heading for s in book.sections if s.level == 2 and s.heading is not None] == PARTS


def test_364_chapters_at_level_three(book: Article):
    chapters = [s.heading for s in book.sections if s.level == 3]
    assert len(chapters) == 364
    assert all(heading is not None and heading.startswith("CHAPTER ") for heading in chapters)
    assert len(book.sections) == 1 + len(PARTS) + 364
    assert chapters[:3] == ["CHAPTER II", "CHAPTER III", "CHAPTER IV"]
    assert chapters[-1] == "CHAPTER XII"


def test_each_part_is_followed_by_its_first_chapter(book: Article):
    headings = [s.heading for s in book.sections]
    assert headings.index("BOOK TWO: 1805") == 1 + CHAPTERS_BEFORE_BOOK_TWO
    for part in PARTS:
        index = headings.index(part)
        assert book.sections[index].blocks == []
        assert (book.sections[index + 1].heading, book.sections[index + 1].level) == ("CHAPTER I", 3)


def test_the_opening_text_is_the_heading_less_leading_section(book: Article):
    lead = book.sections[0]
    assert (lead.heading, lead.level) == (None, 2)
    first = lead.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("“Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.")
    assert first.text.endswith("I see I have frightened you—sit down and tell me all the news.”")


def test_hard_wrapped_paragraphs_are_joined_with_single_spaces(book: Article):
    assert book.sections[0].blocks[1] == Paragraph(
        "It was in July, 1805, and the speaker was the well-known Anna Pávlovna Schérer, maid of honor and "
        "favorite of the Empress Márya Fëdorovna. With these words she greeted Prince Vasíli Kurágin, a man of "
        "high rank and importance, who was the first to arrive at her reception. Anna Pávlovna had had a cough "
        "for some days. She was, as she said, suffering from la grippe; grippe being then a new word in St. "
        "Petersburg, used only by the elite."
    )
    texts = [b.text for s in book.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert len(texts) > 10_000
    assert not [text for text in texts if "\n" in text or text != text.strip()]


def test_curly_quotes_and_accents_are_decoded(book: Article):
    data = BOOK.read_bytes()
    text = "\n".join(
        item.text if isinstance(block, BulletList) else block.text
        for s in book.sections
        for block in s.blocks
        for item in (block.items if isinstance(block, BulletList) else [block])
    )
    for mojibake in ("\x93", "\x94", "\x92", "â€", "Ã"):
        assert mojibake not in text
    # Every curly quote of the file (bytes 0x91-0x94 in Windows-1252) is in the model as itself.
    for byte, char in ((b"\x91", "‘"), (b"\x92", "’"), (b"\x93", "“"), (b"\x94", "”")):
        assert text.count(char) == data.count(byte) > 100
    assert "Pávlovna" in text and "Fëdorovna" in text


def test_no_takeaways_in_a_novel(book: Article):
    assert (book.takeaways, book.pros, book.cons) == ([], [], [])


def test_no_word_of_the_book_is_lost(book: Article):
    assert_no_word_lost(BOOK.read_bytes().decode("cp1252"), book)
    assert_clean(book)
