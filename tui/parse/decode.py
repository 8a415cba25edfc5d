"""Bytes to text: byte-order marks, UTF-8, the Windows-1252 and Latin-1 fallbacks, binary detection."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from tui.model.errors import BinaryInput, EmptyInput

# Share of control characters above which decoded bytes are taken for binary data.
_BINARY_CONTROL_SHARE = 0.10
_SAMPLE_SIZE = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
MAX_INVALID_SHARE = 1 / 1000
"""Invalid bytes a UTF-8 text may hold and still be read as UTF-8 (each one shown as U+FFFD): one
damaged byte in a large file must not turn a whole French text into mojibake or refuse a Russian one."""
# Undecodable bytes, as `surrogateescape` keeps them: U+DC80 to U+DCFF.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0
    """Invalid bytes of a mostly UTF-8 input, each decoded as U+FFFD."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode `data` and return (text, encoding name); raise for empty or binary input.

    Line endings come back as `\\n` and tabs are expanded, so later stages see one kind of text.
    """
    text, encoding, _ = decode_counting(data)
    return text, encoding


def decode_counting(data: bytes) -> Decoded:
    """`decode`, also saying how many invalid bytes of a mostly UTF-8 input were replaced."""
    text, encoding, replaced = _decode(data)
    if not text.strip():
        raise EmptyInput("file is empty")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.expandtabs(4)
    return Decoded(text, encoding, replaced)


def _decode(data: bytes) -> Decoded:
    bom = ""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            data = data[len(codecs.BOM_UTF8) :]
            bom = "-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(_reject_binary(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError:
            raise BinaryInput("binary file (invalid UTF-16)") from None
    if not data.strip():
        raise EmptyInput("file is empty")
    if b"\x00" in data[:_SAMPLE_SIZE] or b"\x00" in data[-_SAMPLE_SIZE:]:
        raise BinaryInput("binary file (contains NUL bytes)")
    try:
        return Decoded(_reject_binary(data.decode("utf-8")), "utf-8" + bom)
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return Decoded(_reject_binary(mostly[0]), "utf-8" + bom, mostly[1])
    try:
        return Decoded(_reject_binary(data.decode("cp1252")), "windows-1252")
    except UnicodeDecodeError:
        return Decoded(_reject_binary(data.decode("latin-1")), "latin-1")


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """The text with its few invalid bytes as U+FFFD, and how many, when `data` is UTF-8 but for at
    most one byte in a thousand; None otherwise.

    The text must also hold valid multi-byte characters: an English text in Windows-1252 with one
    curly quote is not UTF-8 with an error, and keeps its quote.
    """
    text = data.decode("utf-8", "surrogateescape")
    # Each valid multi-byte character is one character for two to four bytes; each invalid byte
    # is one character for one byte: fewer characters than bytes means some valid ones are there.
    if len(data) <= len(text):
        return None  # told before the text is scanned: a Latin-1 or Windows-1252 text stops here
    replaced, invalid = _ESCAPED_BYTE.subn("\ufffd", text)
    if invalid > len(data) * MAX_INVALID_SHARE:
        return None
    return replaced, invalid


def _reject_binary(text: str) -> str:
    """Return `text`, or raise when it is mostly control characters (so not prose)."""
    sample = text[:_SAMPLE_SIZE]
    if "\x00" in sample:
        raise BinaryInput("binary file (contains NUL bytes)")
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise BinaryInput("binary file (mostly undecodable bytes)")
    return text
