"""Cell widths and the one wrapping function of the reader, the navigator and --plain."""

from __future__ import annotations

import sys

from rich.cells import cell_len

from tui.reading.cell_table import NOT_ONE_CELL
from tui.reading.cells import is_narrow, wrap, wrap_code


def test_the_width_table_agrees_with_rich_on_every_code_point():
    wrong = [point for point in range(sys.maxunicode + 1) if is_narrow(chr(point)) != (cell_len(chr(point)) == 1)]
    assert wrong == [], f"{len(wrong)} code points differ, first U+{wrong[0]:04X}" if wrong else ""


def test_every_code_point_after_a_narrow_accented_letter_agrees_with_rich_too():
    """The table is searched by parts, the part below U+2100 alone when the text goes no higher:
    text that mixes an accented letter (that part) with any other code point is judged alike (each
    range's first and last code points and their neighbours)."""
    edges = {point for a, b in NOT_ONE_CELL for point in (a - 1, a, b, b + 1) if 0x80 <= point <= sys.maxunicode}
    wrong = [point for point in sorted(edges) if is_narrow(f"é{chr(point)}") != (cell_len(chr(point)) == 1)]
    assert wrong == [], f"{len(wrong)} code points differ, first U+{wrong[0]:04X}" if wrong else ""


def test_code_points_the_old_hand_made_table_missed_are_not_narrow():
    for point in (0x25FD, 0x25FE, 0xA960, 0xA97C, 0xFE10, 0xFE19, 0x17000):  # U+17000: Tangut
        assert not is_narrow(f"a{chr(point)}b"), f"U+{point:04X}"


def test_ascii_control_characters_are_not_one_cell():
    assert is_narrow("plain text, 100% ascii")
    assert not is_narrow("bell\x07")


def test_quotes_and_dashes_are_told_apart_as_the_table_tells_them():
    """Prose that is ASCII but for its quotes and dashes takes a shorter way: the same answers."""
    from tui.reading.cells import _TYPOGRAPHY

    assert all(cell_len(mark) == 1 for mark in _TYPOGRAPHY)
    for point in range(0x3000):
        text = f"“It’s — {chr(point)} — fine…”"
        assert is_narrow(text) == (cell_len(text) == len(text)), f"U+{point:04X}"
    assert is_narrow("“Quoted” – ‘and’ — so on…") and not is_narrow("“Quoted”\x07")


def lines(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_words_wrap_at_spaces_and_spaces_at_a_break_are_dropped():
    text = "the quick brown fox jumps over the lazy dog"
    assert lines(text, wrap(text, 10)) == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]


def test_a_word_longer_than_the_line_is_cut():
    assert lines("abcdefghij kl", wrap("abcdefghij kl", 4)) == ["abcd", "efgh", "ij", "kl"]


def test_continuation_lines_can_be_narrower_for_a_hanging_indent():
    text = "one two three four five six"
    assert lines(text, wrap(text, 9, rest=5)) == ["one two", "three", "four", "five", "six"]


def test_cjk_wraps_by_cells_not_characters():
    text = "日本語のテキストは空白なしで続きます"  # 18 characters, 36 cells
    wrapped = lines(text, wrap(text, 10))
    assert "".join(wrapped) == text
    assert [cell_len(line) for line in wrapped] == [10, 10, 10, 6]


def test_wide_and_narrow_words_mixed_keep_within_the_width():
    text = "café 東京 and 大阪 by night train"
    wrapped = lines(text, wrap(text, 9))
    assert wrapped == ["café 東京", "and 大阪", "by night", "train"]
    assert all(cell_len(line) <= 9 for line in wrapped)


def test_code_keeps_every_character_and_breaks_after_a_space_past_its_indent():
    text = "    return sum(value for value in values)"
    spans = wrap_code(text, 20, rest=18)
    assert "".join(lines(text, spans)) == text
    assert lines(text, spans) == ["    return ", "sum(value for ", "value in values)"]


def test_code_without_spaces_is_cut_between_characters():
    text = "x" * 25
    assert lines(text, wrap_code(text, 10, rest=8)) == ["x" * 10, "x" * 8, "x" * 7]


def test_code_that_fits_is_one_line():
    assert wrap_code("  short", 20) == [(0, 7)]
