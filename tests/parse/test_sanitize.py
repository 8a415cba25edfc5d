"""Escape sequences and control characters out; everything else, markup-like text included, stays."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.parse.sanitize import sanitize

CONTROLS = [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in "\n\t"]


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\x1b[1;31mred\x1b[0m text", "red text"),
        ("\x1b[38;5;196mindexed\x1b[m", "indexed"),
        ("\x1b[38:2:255:0:0mtrue colour\x1b[39m", "true colour"),
        ("\x1b[?25lhidden cursor\x1b[?25h", "hidden cursor"),
        ("\x1b[2J\x1b[Hcleared", "cleared"),
        ("\x1b[1 qblock cursor", "block cursor"),  # a CSI with an intermediate byte
        ("\x9b31mC1 CSI\x9b0m", "C1 CSI"),
    ],
)
def test_csi_sequences_are_removed(dirty: str, clean: str):
    assert sanitize(dirty) == clean


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("copy\x1b]52;c;cm0gLXJmIH4=\x07 me", "copy me"),  # OSC 52 clipboard, ended by BEL
        ("copy\x1b]52;c;cm0gLXJmIH4=\x1b\\ me", "copy me"),  # ... ended by ST
        ("\x1b]8;;http://e.vil\x1b\\click here\x1b]8;;\x1b\\ now", "click here now"),  # OSC 8 hyperlink
        ("\x1b]0;window title\x07text", "text"),
        ("\x9d0;C1 OSC\x9ctext", "text"),
        ("\x1bPq#0;2;0;0;0\x1b\\sixel", "sixel"),  # DCS
        ("\x1bXstart of string\x1b\\sos", "sos"),
        ("\x1b^privacy message\x07pm", "pm"),
        ("\x1b_application command\x1b\\apc", "apc"),
        ("\x90C1 DCS\x9cdcs", "dcs"),
    ],
)
def test_string_sequences_are_removed_with_their_payload(dirty: str, clean: str):
    assert sanitize(dirty) == clean


def test_an_unterminated_string_sequence_loses_only_its_introducer():
    assert sanitize("before \x1b]8;;http://e.vil\nthe rest of the article") == (
        "before 8;;http://e.vil\nthe rest of the article"
    )
    assert sanitize("a \x9d stray C1 OSC") == "a  stray C1 OSC"


def test_an_escape_then_a_space_is_not_a_string_sequence():
    # ESC SP is not OSC/DCS/SOS/PM/APC: it must not swallow the text up to the next BEL.
    assert sanitize("a lone \x1b\n escape, a bell\x07 and more") == "a lone \n escape, a bell and more"
    assert "a bell and more" in sanitize("x\x1b escape, a bell\x07 and more")


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\x1b(Bcharset", "charset"),
        ("\x1b=keypad\x1b>", "keypad"),
        ("\x1b7saved\x1b8", "saved"),
        ("\x1bcreset", "reset"),
        ("\x1b#8align", "align"),
        ("end\x1b", "end"),
        ("\x1b\x1b[31mdouble", "double"),
    ],
)
def test_other_escape_sequences_and_lone_escapes_are_removed(dirty: str, clean: str):
    assert sanitize(dirty) == clean


@pytest.mark.parametrize("control", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_every_control_character_but_newline_and_tab_is_removed(control: str):
    assert sanitize(f"a{control}") == "a"
    if control not in "\x1b\x9b":  # these two start sequences that take the next character
        assert sanitize(f"a{control}b") == "ab"


def test_newline_and_tab_are_kept():
    assert sanitize("a\tb\nc\n\n\td") == "a\tb\nc\n\n\td"


@pytest.mark.parametrize(
    "text",
    [
        "[bold red]x[/]",
        "[link=http://e.vil]y[/link]",
        "[b]not bold[/b] and [i]not italic[/i]",
        "\\[escaped] and [@click=app.quit]quit[/]",
        "“Curly” quotes, naïve café, em — dash, € and 中文 and emoji 🎉",
        "\u200bzero width and \u00a0no-break space",
    ],
)
def test_printable_text_and_markup_lookalikes_stay_exactly(text: str):
    assert sanitize(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sanitized_text_has_no_controls_and_sanitizing_again_changes_nothing(text: str):
    clean = sanitize(text)
    assert re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", clean) is None
    assert sanitize(clean) == clean


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs"])))
def test_text_without_controls_is_unchanged(text: str):
    assert sanitize(text) == text


# --- bidirectional controls ("Trojan Source") ---------------------------------------------------

BIDI_CONTROLS = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


@pytest.mark.parametrize("control", BIDI_CONTROLS)
def test_bidi_embeddings_overrides_and_isolates_are_removed(control: str):
    assert sanitize(f"access{control} level: user{control}") == "access level: user"


def test_right_to_left_text_and_the_plain_marks_stay():
    # Arabic and Hebrew need no controls to show right to left; LRM/RLM/ALM only nudge punctuation.
    text = "שלום عربي \u200e\u200f\u061c end"
    assert sanitize(text) == text


def test_bidi_controls_never_reach_json_or_plain_output():
    from tui.parse import parse_bytes
    from tui.reading.export import plain_text, to_json

    data = "Title \u202eevil\u202c\n\nThe \u2066admin\u2069 text, \u202dforced\u202c.\n".encode()
    article = parse_bytes(data, name="a.txt")
    for output in (to_json(article), plain_text(article, 80)):
        assert not any(control in output for control in BIDI_CONTROLS)
        assert "admin" in output and "forced" in output


def test_printable_keeps_a_file_name_on_one_line():
    from tui.parse.sanitize import printable

    assert printable("a\x1b[2J\nb\tc\u202e\udcff.txt") == "a?b?c?.txt"
