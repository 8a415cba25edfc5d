"""The parser: bytes or text in, an `Article` out. Pure Python, no Textual."""

from __future__ import annotations

import codecs
import gc
import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from tui.model.article import Article, Format
from tui.model.errors import EmptyInput, InputError, InputTooLarge
from tui.parse.decode import decode_counting
from tui.parse.detect import EPUB_SUFFIXES, HTML_SUFFIXES, looks_like_epub, looks_like_html, looks_like_markdown
from tui.parse.sanitize import printable, sanitize

DEFAULT_MAX_SIZE = 64 * 1024 * 1024
PREVIEW_THRESHOLD = 256 * 1024
"""Inputs larger than this are shown from a preview of their start while the rest is parsed in
another process. Below it a parse takes under 50 ms (Markdown), little more than the preview's; above
it the first frame would wait for the parse (1 MB of Markdown: 0.2 to 0.4 s, issue 13 item 11)."""
PREVIEW_BYTES = 64 * 1024
"""The preview's size at most: a dozen screens of text, parsed in about 10 ms."""
_CHUNK = 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt", ".text", *MARKDOWN_SUFFIXES})

__all__ = [
    "DEFAULT_MAX_SIZE",
    "RawInput",
    "load_path",
    "load_stream",
    "parse_bytes",
    "parse_preview",
    "parse_text",
    "read_path",
    "read_stream",
    "title_from_name",
]


@dataclass(frozen=True)
class RawInput:
    """An input's bytes and where they came from, read but not yet parsed."""

    data: bytes
    name: str | None
    source: str | None
    where: str
    charset: str | None = None
    """The charset an HTTP response named, if any."""
    url: str | None = None
    format: Format | None = None
    """The format the input declared (a fetched page's content type); None: judged by name and bytes."""
    max_size: int = DEFAULT_MAX_SIZE
    """The most an e-book may decompress to."""
    hashed: str | None = None
    """`digest`, when already known: the reader's process hashes a large text for its parse process."""

    @property
    def digest(self) -> str:
        """The hash by which brief recognises these bytes (the parsed article carries the same)."""
        return self.hashed or sha256_hex(self.data)

    def parse(self) -> Article:
        return parse_bytes(
            self.data,
            digest=self.hashed,
            name=self.name,
            source=self.source,
            where=self.where,
            format=self.format,
            charset=self.charset,
            url=self.url,
            max_size=self.max_size,
        )


def sha256_hex(data: bytes) -> str:
    """The hash by which brief recognises a text. `hashlib` (OpenSSL) is imported when first used:
    the reader's first frame need not wait for the import, and a large text's parse process never
    imports it (3.7 MB there): the reader hashes the text in the thread that hands it over
    (`RawInput.hashed`), a page or a book goes unhashed."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def load_path(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> Article:
    """Read and parse the file at `path`, raising `InputError` with a one-line reason."""
    return read_path(path, max_size).parse()


def read_path(path: str | Path, max_size: int = DEFAULT_MAX_SIZE, *, pipes: bool = True) -> RawInput:
    """Read the file at `path`, raising `InputError` with a one-line reason.

    What `stat` says of the size is not trusted (`/dev/zero`, `/proc` files and pipes say 0): at
    most `max_size + 1` bytes are ever read. A pipe (a FIFO, `/dev/fd/N`) is read as standard input
    is, waiting for its writer, unless `pipes` is False (a library must never wait on one); devices
    and sockets are refused before they are opened.
    """
    path = Path(path)
    where = printable(str(path))
    try:
        info = path.stat()
        kind = info.st_mode
        if stat.S_ISDIR(kind):
            raise InputError("is a directory", where)
        if stat.S_ISFIFO(kind) and pipes:
            with open(path, "rb") as stream:
                return replace(read_stream(stream, max_size, where), name=path.name, max_size=max_size)
        if not stat.S_ISREG(kind):
            raise InputError("not a regular file", where)
        if info.st_size > max_size:
            size = human_size(info.st_size)
            raise InputTooLarge(f"file is too large ({size}; the limit is {human_size(max_size)})", where)
        with open(path, "rb") as file:
            data = _read_at_most(file, max_size + 1)
        if len(data) > max_size:  # it grew since stat, or stat did not know (a /proc file)
            raise InputTooLarge(f"file is too large (over {human_size(max_size)})", where)
        source = str(path.resolve())
    except FileNotFoundError:
        raise InputError("no such file", where) from None
    except PermissionError:
        raise InputError("permission denied", where) from None
    except IsADirectoryError:
        raise InputError("is a directory", where) from None
    except OSError as error:
        raise InputError((error.strerror or "cannot read the file").lower(), where) from None
    return RawInput(data, path.name, source, where, max_size=max_size)


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes, in chunks: one `read(limit)` would allocate `limit` bytes up front."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = stream.read(min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def load_stream(stream: BinaryIO | None = None, max_size: int = DEFAULT_MAX_SIZE, where: str = "-") -> Article:
    """Read and parse everything from `stream` (standard input by default)."""
    return read_stream(stream, max_size, where).parse()


def read_stream(stream: BinaryIO | None = None, max_size: int = DEFAULT_MAX_SIZE, where: str = "-") -> RawInput:
    """Read everything from `stream` (standard input by default)."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = _read_at_most(stream, max_size + 1)
    if len(data) > max_size:
        raise InputTooLarge(f"input is too large (over {human_size(max_size)})", where)
    return RawInput(data, None, None, where)


def parse_preview(raw: RawInput, threshold: int = PREVIEW_THRESHOLD) -> Article | None:
    """For a large input, the article made of its first part only, to show while the rest is parsed.

    None when the input is small enough to parse at once, or cannot be cut safely (UTF-16).
    The preview carries the whole input's digest, so what is remembered is keyed by the whole text.
    """
    data = raw.data
    if len(data) <= threshold or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if format_of(data, raw.name, raw.format) in ("html", "epub"):
        return None  # a cut page or book is not a smaller one
    cut = data.rfind(b"\n\n", 0, PREVIEW_BYTES)
    if cut <= 0:
        return None
    digest = raw.digest
    try:
        text, encoding, replaced = decode_counting(data[:cut])
        with gc_paused():  # as for a whole: it is made before the reader's first frame
            preview = parse_text(text, name=raw.name, source=raw.source, encoding=encoding, digest=digest)
        preview.replaced_bytes = replaced
    except InputError:
        return None  # the whole input will say what is wrong with it
    preview.complete = False
    return preview


def parse_bytes(
    data: bytes,
    name: str | None = None,
    source: str | None = None,
    where: str | None = None,
    format: Format | None = None,
    charset: str | None = None,
    url: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    digest: str | None = None,
) -> Article:
    """Decode, sanitise and parse `data`; `name` (a file name) supplies the format and a fallback title.

    Web pages and e-books are told by their name or their first bytes; `charset` and `url` are what
    an HTTP response said of a page, `max_size` the most an e-book may decompress to; `digest` is a
    text's hash when already known (a page's or a book's is of its text, not of its bytes).
    """
    return _parse_bytes_handed([data], name, source, where, format, charset, url, max_size, digest)


def parse_handed_input(handed: list[RawInput]) -> Article:
    """`RawInput.parse` of the one input in `handed`, taken out of the list: when nothing else holds
    it, its bytes are freed once decoded, and the decoded text once read (`_parse_handed`). A large
    input's parse holds neither while it builds the article (`tui.reading.loading`)."""
    raw = handed.pop()
    data = [raw.data]
    fields = (raw.name, raw.source, raw.where, raw.format, raw.charset, raw.url, raw.max_size, raw.hashed)
    del raw
    return _parse_bytes_handed(data, *fields)


def _parse_bytes_handed(
    handed: list[bytes],
    name: str | None,
    source: str | None,
    where: str | None,
    format: Format | None,
    charset: str | None,
    url: str | None,
    max_size: int,
    digest: str | None,
) -> Article:
    """`parse_bytes` of the bytes in `handed`, taken out of the list (see `parse_handed_input`)."""
    data = handed.pop()
    try:
        kind = format_of(data, name, format)
        if kind == "html":
            return _parse_page(data, name, source, charset, url)
        if kind == "epub":
            from tui.parse.epub import parse_epub  # zipfile and lxml: only a book needs them

            book = parse_epub(data, max_size=max_size)
            return _finish(book, format="epub", name=name, source=source)
        text, encoding, replaced = decode_counting(data)
        # Text of escape sequences only is empty once sanitised: that error names the input too.
        digest = digest or sha256_hex(data)
        del data  # freed here, when the caller handed the bytes over
        texts = [text]
        del text  # handed over: the parse frees it once it has the text's lines (`_parse_handed`)
        with gc_paused():
            article = _parse_handed(texts, name, source, encoding, format, digest)
        article.replaced_bytes = replaced
        return article
    except InputError as error:
        error.where = where or name
        raise


def format_of(data: bytes, name: str | None, declared: Format | None = None) -> Format | None:
    """The format `declared`, else "epub" or "html" when the name or the first bytes say so, else None
    (text or Markdown, which the text itself decides)."""
    suffix = Path(name).suffix.lower() if name else ""
    if declared is not None:
        return declared
    if suffix in EPUB_SUFFIXES or looks_like_epub(data):
        return "epub"
    # A file named as text is read as text, whatever it holds; standard input, a URL without a
    # content type or a file of another name is HTML when it starts as HTML.
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(data)):
        return "html"
    return None


def _parse_page(data: bytes, name: str | None, source: str | None, charset: str | None, url: str | None) -> Article:
    from tui.parse.html import decode_html, parse_html

    text, encoding = decode_html(data, charset)
    with gc_paused():
        page = parse_html(sanitize(text), url=url)  # escape sequences out before anything reads the page
    article = _finish(page, format="html", name=name, source=source)
    article.encoding = encoding
    return article


def _finish(parsed, format: Format, name: str | None, source: str | None) -> Article:
    """An `Article` of a web page or book: its sections, metadata, links and extracted lists.

    Its digest is of the text, not the bytes: a page fetched again with other ads, scripts or
    timestamps is the same article, and keeps its place and bookmarks.
    """
    import hashlib

    from tui.model.article import block_text
    from tui.parse.xhtml import links_of

    text = hashlib.sha256()
    for section in parsed.sections:
        text.update(f"{section.heading}\n".encode())
        for block in section.blocks:
            text.update(block_text(block).encode("utf-8", "surrogatepass") + b"\n")
    title = parsed.title or title_from_name(name)
    return _article(parsed, title, format, source, links_of(parsed.sections), text.hexdigest())


def _article(
    parsed,
    title: str,
    format: Format,
    source: str | None,
    links: list[tuple[str, str]],
    digest: str,
    encoding: str = "utf-8",
) -> Article:
    """The `Article` of what a parser found, every format alike: its lists extracted, its metadata
    carried over (a page's `site` and `url` too)."""
    from tui.parse.extract import extract

    takeaways, pros, cons = extract(parsed.sections)
    return Article(
        title=title,
        subtitle=parsed.subtitle,
        sections=parsed.sections,
        takeaways=takeaways,
        pros=pros,
        cons=cons,
        format=format,
        encoding=encoding,
        source=source,
        links=links,
        digest=digest,
        author=parsed.author,
        date=parsed.date,
        site=getattr(parsed, "site", None),
        url=getattr(parsed, "url", None),
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """The garbage collector off meanwhile. Parsing builds hundreds of thousands of acyclic objects
    (markdown-it's tokens among them), as does unpickling a parsed book (`tui.reading.loading`):
    collecting during either is wasted work, 40% of a large Markdown parse."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_text(
    text: str,
    name: str | None = None,
    source: str | None = None,
    encoding: str = "utf-8",
    format: Format | None = None,
    digest: str | None = None,
) -> Article:
    """Parse already-decoded text into an `Article`; `digest` defaults to a hash of the text."""
    return _parse_handed([text], name, source, encoding, format, digest)


def _parse_handed(
    handed: list[str],
    name: str | None,
    source: str | None,
    encoding: str,
    format: Format | None,
    digest: str | None,
) -> Article:
    """`parse_text` of the one text in `handed`, which it takes out of the list: when the caller
    holds no other reference, the parsers free the text once they have read it into lines (plain
    text) or tokens (Markdown). At the parse's peak that is as much memory again as the text (War
    and Peace: 6 MB of 2-byte characters), in the reader's process or the parse process."""
    text = sanitize(handed.pop().replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise EmptyInput("file is empty", name)
    if format is None:
        is_markdown = (name is not None and Path(name).suffix.lower() in MARKDOWN_SUFFIXES) or (
            looks_like_markdown(text)
        )
        format = "markdown" if is_markdown else "text"
    digest = digest or sha256_hex(text.encode("utf-8"))
    if format == "markdown":
        from tui.parse.markdown import parse_handed  # markdown-it is imported only when needed

        handed.append(text)
        del text
        parsed = parse_handed(handed)
        links = parsed.links
    else:
        # Imported when needed, as Markdown's parser is: above 2 MB the reader's process reads the
        # input but its parse process parses it (`tui.reading.loading`), so the reader need not
        # import either parser before its first frame.
        from tui.parse.plain import parse_handed

        handed.append(text)
        del text
        parsed, links = parse_handed(handed), []
    title = parsed.title if parsed.title is not None else title_from_name(name)
    return _article(parsed, title, format, source, links, digest, encoding)


def title_from_name(name: str | None) -> str:
    """A title made from a file name: `war-and-peace.txt` becomes `War and Peace`."""
    if not name:
        return "Untitled"
    stem = sanitize(Path(name).stem)  # a file name can hold escape sequences too
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
