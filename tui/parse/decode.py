"""Bytes to text: byte-order marks, UTF-8, the Windows-1252 and Latin-1 fallbacks, binary detection."""

from __future__ import annotations

import codecs
import re

from tui.model.errors import BinaryInput, EmptyInput

# Share of control characters above which decoded bytes are taken for binary data.
_BINARY_CONTROL_SHARE = 0.10
_SAMPLE_SIZE = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode `data` and return (text, encoding name); raise for empty or binary input.

    Line endings come back as `\\n` and tabs are expanded, so later stages see one kind of text.
    """
    text, encoding = _decode(data)
    if not text.strip():
        raise EmptyInput("file is empty")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.expandtabs(4)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _reject_binary(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            raise BinaryInput("binary file (invalid UTF-16)") from None
    if not data.strip():
        raise EmptyInput("file is empty")
    if b"\x00" in data[:_SAMPLE_SIZE] or b"\x00" in data[-_SAMPLE_SIZE:]:
        raise BinaryInput("binary file (contains NUL bytes)")
    try:
        return _reject_binary(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _reject_binary(data.decode("cp1252")), "windows-1252"
    except UnicodeDecodeError:
        return _reject_binary(data.decode("latin-1")), "latin-1"


def _reject_binary(text: str) -> str:
    """Return `text`, or raise when it is mostly control characters (so not prose)."""
    sample = text[:_SAMPLE_SIZE]
    if "\x00" in sample:
        raise BinaryInput("binary file (contains NUL bytes)")
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise BinaryInput("binary file (mostly undecodable bytes)")
    return text
