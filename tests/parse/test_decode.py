"""Bytes to text: every encoding people save articles in, and what is not text at all."""

from __future__ import annotations

import codecs

import pytest

from tui.model.errors import BinaryInput, EmptyInput, InputError
from tui.parse.decode import decode

PROSE = "“Quoted” café — naïve, 5 €, ‘single’ and …"


def test_plain_utf8_is_returned_as_is():
    assert decode(b"Plain ASCII text.\n") == ("Plain ASCII text.\n", "utf-8")
    assert decode(PROSE.encode("utf-8")) == (PROSE, "utf-8")


def test_utf8_bom_is_removed_and_recorded():
    assert decode(codecs.BOM_UTF8 + PROSE.encode("utf-8")) == (PROSE, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_in_either_byte_order(codec: str):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + f"{PROSE}\nSecond line\n".encode(codec)) == (f"{PROSE}\nSecond line\n", "utf-16")


def test_windows_1252_curly_quotes_dashes_and_euro():
    data = b"\x93Quoted\x94 caf\xe9 \x97 it\x92s \x91single\x92, 5 \x80 \x85"
    assert decode(data) == ("“Quoted” café — it’s ‘single’, 5 € …", "windows-1252")


def test_latin1_when_windows_1252_cannot_decode():
    # 0x81 has no meaning in Windows-1252; in Latin-1 it is a C1 control (which sanitize removes later).
    data = b"Caf\xe9 au lait, \xbfs\xed? One odd byte \x81 in a long enough line of prose."
    assert decode(data) == ("Café au lait, ¿sí? One odd byte \x81 in a long enough line of prose.", "latin-1")


def test_invalid_utf8_after_a_bom_falls_back_without_the_bom():
    assert decode(codecs.BOM_UTF8 + b"Caf\xe9 cr\xe8me") == ("Café crème", "windows-1252")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
        (b"one\r\r\ntwo", "one\n\ntwo"),
    ],
)
def test_line_endings_are_normalised(data: bytes, text: str):
    assert decode(data) == (text, "utf-8")


def test_crlf_is_normalised_in_utf16_too():
    assert decode("a\r\nb\rc".encode("utf-16")) == ("a\nb\nc", "utf-16")


def test_tabs_are_expanded_to_four_column_stops():
    assert decode(b"\tindented\nab\tc\n") == ("    indented\nab  c\n", "utf-8")


def test_escape_sequences_are_left_for_sanitize():
    assert decode(b"\x1b[31mred\x1b[0m") == ("\x1b[31mred\x1b[0m", "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" ",
        b"\n\n\n",
        b" \t\r\n \r\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"  \r\n",
        codecs.BOM_UTF16_LE,
        " \n\t ".encode("utf-16"),
        "\u00a0\u2003\n".encode(),
    ],
)
def test_empty_and_whitespace_only_input(data: bytes):
    with pytest.raises(EmptyInput) as raised:
        decode(data)
    assert "empty" in raised.value.reason


@pytest.mark.parametrize(
    "data",
    [
        b"\x00",
        b"text with a NUL\x00 in it",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "UTF-16 without a byte-order mark".encode("utf-16-le"),
        b"\xff\xfeA",  # a UTF-16 BOM over an odd number of bytes
        bytes(range(1, 32)) * 4,
        b"\x01\x02\x03\x04\x05\x06\x0e\x0f ab",
        "nul\x00inside".encode("utf-16"),
        b"a" * 70_000 + b"\x00",  # a NUL near the end of a large file
    ],
)
def test_binary_input(data: bytes):
    with pytest.raises(BinaryInput) as raised:
        decode(data)
    assert "binary" in raised.value.reason


def test_errors_are_input_errors_without_a_place_yet():
    with pytest.raises(InputError) as raised:
        decode(b"\x00\x01")
    assert raised.value.where is None
    assert str(raised.value) == raised.value.reason


def test_a_few_control_characters_in_prose_are_not_binary():
    text = "A line of ordinary prose with a bell\x07 and a form feed\x0c in it.\n" * 3
    assert decode(text.encode()) == (text, "utf-8")
