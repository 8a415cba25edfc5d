"""The parser: bytes or text in, an `Article` out. Pure Python, no Textual."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import BinaryIO

from tui.article import Article, Format
from tui.errors import EmptyInput, InputError, InputTooLarge
from tui.parse.decode import decode
from tui.parse.extract import extract
from tui.parse.markdown import looks_like_markdown, parse_markdown
from tui.parse.plain import parse_plain
from tui.parse.sanitize import sanitize

DEFAULT_MAX_SIZE = 64 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

__all__ = ["DEFAULT_MAX_SIZE", "load_path", "load_stream", "parse_bytes", "parse_text", "title_from_name"]


def load_path(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> Article:
    """Read and parse the file at `path`, raising `InputError` with a one-line reason."""
    path = Path(path)
    where = str(path)
    try:
        if path.is_dir():
            raise InputError("is a directory", where)
        size = path.stat().st_size
        if size > max_size:
            raise InputTooLarge(f"file is too large ({human_size(size)}; the limit is {human_size(max_size)})", where)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", where) from None
    except PermissionError:
        raise InputError("permission denied", where) from None
    except IsADirectoryError:
        raise InputError("is a directory", where) from None
    except OSError as error:
        raise InputError(error.strerror or "cannot read the file", where) from None
    return parse_bytes(data, name=path.name, source=str(path.resolve()), where=where)


def load_stream(stream: BinaryIO | None = None, max_size: int = DEFAULT_MAX_SIZE, where: str = "-") -> Article:
    """Read and parse everything from `stream` (standard input by default)."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        raise InputTooLarge(f"input is too large (over {human_size(max_size)})", where)
    return parse_bytes(data, name=None, source=None, where=where)


def parse_bytes(
    data: bytes,
    name: str | None = None,
    source: str | None = None,
    where: str | None = None,
    format: Format | None = None,
) -> Article:
    """Decode, sanitise and parse `data`; `name` (a file name) supplies the format and a fallback title."""
    try:
        text, encoding = decode(data)
        # Text of escape sequences only is empty once sanitised: that error names the input too.
        digest = hashlib.sha256(data).hexdigest()
        return parse_text(text, name=name, source=source, encoding=encoding, format=format, digest=digest)
    except InputError as error:
        error.where = where or name
        raise


def parse_text(
    text: str,
    name: str | None = None,
    source: str | None = None,
    encoding: str = "utf-8",
    format: Format | None = None,
    digest: str | None = None,
) -> Article:
    """Parse already-decoded text into an `Article`; `digest` defaults to a hash of the text."""
    text = sanitize(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise EmptyInput("file is empty", name)
    if format is None:
        is_markdown = (name is not None and Path(name).suffix.lower() in MARKDOWN_SUFFIXES) or (
            looks_like_markdown(text)
        )
        format = "markdown" if is_markdown else "text"
    links: list[tuple[str, str]] = []
    if format == "markdown":
        markdown = parse_markdown(text)
        title, subtitle, sections, links = markdown.title, markdown.subtitle, markdown.sections, markdown.links
    else:
        plain = parse_plain(text)
        title, subtitle, sections = plain.title, plain.subtitle, plain.sections
    takeaways, pros, cons = extract(sections)
    return Article(
        title=title if title is not None else title_from_name(name),
        subtitle=subtitle,
        sections=sections,
        takeaways=takeaways,
        pros=pros,
        cons=cons,
        format=format,
        encoding=encoding,
        source=source,
        links=links,
        digest=digest or hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def title_from_name(name: str | None) -> str:
    """A title made from a file name: `war-and-peace.txt` becomes `War and Peace`."""
    if not name:
        return "Untitled"
    stem = Path(name).stem
    words = re.split(r"[-_\s.]+", stem)
    minor = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
    titled = [
        word if word.isupper() or index and word.lower() in minor else word[:1].upper() + word[1:]
        for index, word in enumerate(w for w in words if w)
    ]
    return " ".join(titled) or "Untitled"


def human_size(size: int) -> str:
    """A size as people read it: `812 bytes`, `14.2 KB`, `3.1 MB`."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
