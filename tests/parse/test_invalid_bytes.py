"""A UTF-8 text with a few damaged bytes is still UTF-8: every word kept, each bad byte shown as U+FFFD
and counted, never a whole text read as Windows-1252 or refused as binary."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.parse.test_properties import WORD, SETTINGS, assert_clean, assert_no_word_lost, markdown_article, plain_article
from tui.model.errors import BinaryInput
from tui.parse import parse_bytes, parse_preview, RawInput
from tui.parse.decode import decode, decode_counting
from tui.reading.export import to_json

FRENCH = "Le français se parle ici, à côté du café où l’on lit. " * 2000
RUSSIAN = "Война и мир — роман-эпопея Льва Николаевича Толстого. " * 2000
FILLER = "\n\nÇa résiste, même là où ça casse. " + "Mots sûrs et entiers. " * 60


def words_of(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def damaged(text: str, bad: bytes = b"\xff") -> bytes:
    data = text.encode("utf-8")
    middle = data.index(b" ", len(data) // 2)
    return data[:middle] + bad + data[middle:]


@pytest.mark.parametrize("text", [FRENCH, RUSSIAN], ids=["french", "russian"])
def test_one_bad_byte_halfway_keeps_the_text_utf8(text: str):
    decoded = decode_counting(damaged(text))
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.replace("\ufffd", "") == text


def test_the_count_reaches_json_version_2():
    article = parse_bytes(damaged("Titre\n\n" + FRENCH), name="fr.txt")
    document = json.loads(to_json(article))
    assert (document["encoding"], document["replaced_bytes"]) == ("utf-8", 1)
    assert "franÃ§ais" not in to_json(article)


def test_a_truncated_sequence_counts_each_of_its_bytes():
    # The first two bytes of a three-byte character, then a space: two invalid bytes, two U+FFFD.
    decoded = decode_counting(damaged(FRENCH, b"\xe2\x82"))
    assert (decoded.encoding, decoded.replaced, decoded.text.count("\ufffd")) == ("utf-8", 2, 2)


def test_more_than_one_bad_byte_in_a_thousand_is_not_utf8():
    data = ("é " * 500).encode("utf-8")  # 1,500 bytes
    two_bad = data[:700] + b"\xff" + data[700:1200] + b"\xfe" + data[1200:]
    assert decode_counting(two_bad).encoding == "windows-1252"


def test_a_windows_1252_text_with_one_accent_keeps_it():
    # No valid multi-byte character anywhere: this is Windows-1252, not damaged UTF-8.
    data = b"An English text, plain ASCII for the most part. " * 40 + b"Caf\xe9 at the end."
    assert decode(data) == (data.decode("cp1252"), "windows-1252")


def test_binary_data_is_still_binary():
    with pytest.raises(BinaryInput):
        parse_bytes(bytes(range(1, 32)) * 200 + "é".encode() * 10)


def test_the_preview_counts_what_it_replaced():
    text = "Titre\n\n" + ("Un paragraphe en français, là.\n\n" * 100_000)
    raw = RawInput(damaged(text[:60_000]) + text[60_000:].encode(), "fr.txt", None, "fr.txt")
    preview = parse_preview(raw)
    assert preview is not None and (preview.encoding, preview.replaced_bytes) == ("utf-8", 1)


@st.composite
def with_bad_bytes(draw: st.DrawFn, article: st.SearchStrategy[str]) -> tuple[str, bytes, int]:
    """An article, and its UTF-8 with up to one invalid byte a thousand put at ends of lines."""
    text = draw(article) + FILLER
    data = text.encode("utf-8")
    ends = [index for index, byte in enumerate(data) if byte == 0x0A]
    count = draw(st.integers(1, max(1, min(len(ends), len(data) // 1000))))
    # Each at a line end of its own: `\xc3` and `\x80` put at the same place make a valid `À`.
    places = sorted(draw(st.lists(st.sampled_from(ends), min_size=count, max_size=count, unique=True)), reverse=True)
    for place in places:
        data = data[:place] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x80", b"\xed"])) + data[place:]
    return text, data, count


@settings(SETTINGS, max_examples=100)
@given(case=with_bad_bytes(plain_article()))
def test_no_word_of_a_plain_article_with_bad_bytes_is_lost(case: tuple[str, bytes, int]) -> None:
    text, data, count = case
    article = parse_bytes(data, name="article.txt")
    assert (article.encoding, article.replaced_bytes) == ("utf-8", count)
    # Words are those of the text as written; what the parser drops by design (a repeated title line)
    # is found in the text as it reads it, U+FFFD and all.
    assert_no_word_lost(data.decode("utf-8", "replace"), article)
    assert not words_of(text) - words_of(data.decode("utf-8", "replace"))
    assert_clean(article)


@settings(SETTINGS, max_examples=100)
@given(case=with_bad_bytes(markdown_article()))
def test_no_word_of_a_markdown_article_with_bad_bytes_is_lost(case: tuple[str, bytes, int]) -> None:
    text, data, count = case
    article = parse_bytes(data, name="article.md")
    assert (article.encoding, article.replaced_bytes) == ("utf-8", count)
    # Words are those of the text as written; what the parser drops by design (a repeated title line)
    # is found in the text as it reads it, U+FFFD and all.
    assert_no_word_lost(data.decode("utf-8", "replace"), article)
    assert not words_of(text) - words_of(data.decode("utf-8", "replace"))
    assert_clean(article)
