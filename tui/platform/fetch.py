"""Fetching an article by URL: one GET, with a deadline, a redirect limit and a size limit.

Standard library only (urllib). What is sent is the request and nothing else: no cookies are kept
or sent, no JavaScript is run, nothing but the page itself is fetched (no images, styles or scripts).
Every failure is an `InputError` with a one-line reason, named by the URL as given.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from tui import __version__
from tui.model.article import Format
from tui.model.errors import InputError, InputTooLarge

DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = f"brief/{__version__} (terminal article reader; +https://pypi.org/project/brief/)"
_CHUNK = 64 * 1024

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
TEXT_TYPES = frozenset({"text/plain"})
EPUB_TYPES = frozenset({"application/epub+zip"})


def _printable(text: str) -> str:
    """A URL or header as shown in a one-line error: control characters out (this room cannot
    import the parser's sanitiser)."""
    return "".join(ch for ch in text if ch.isprintable())


def _size(size: int) -> str:
    return f"{size} bytes" if size < 1024 else f"{size / 1024:.1f} KB" if size < 1024**2 else f"{size / 1024**2:.1f} MB"


class FetchError(InputError):
    """The page could not be fetched, or is not an article."""


@dataclass(frozen=True)
class Fetched:
    """A fetched body and what the response said of it; the command line makes an input of it."""

    data: bytes
    url: str
    """Where the body came from, after redirects."""
    content_type: str
    charset: str | None
    where: str = ""
    """The URL as given, for error messages."""

    @property
    def name(self) -> str | None:
        """The last part of the URL's path (`notes.md`): a file name's hint to the parser."""
        return PurePosixPath(urlsplit(self.url).path).name or None

    @property
    def format(self) -> Format | None:
        """What the content type says the body is; None lets the parser judge by name and bytes."""
        kind = self.content_type
        if kind in HTML_TYPES or kind.endswith("+xml"):
            return "html"
        if kind in EPUB_TYPES:
            return "epub"
        if kind in MARKDOWN_TYPES:
            return "markdown"
        return None


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and says so (or names the loop) when there are more."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        seen: list[str] = getattr(req, "brief_seen", [req.full_url])
        if newurl in seen:
            raise FetchError(f"redirect loop ({code} back to {_printable(newurl)})")
        if len(seen) > MAX_REDIRECTS:
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.brief_seen = [*seen, newurl]
        return new


def _opener() -> urllib.request.OpenerDirector:
    # No HTTPCookieProcessor: cookies are neither kept nor sent. Proxies from the environment are used.
    return urllib.request.build_opener(_Redirects())


def fetch(url: str, timeout: float, max_size: int) -> Fetched:
    """GET `url`: its body (at most `max_size` bytes once unzipped) and what the response said of it."""
    where = _printable(url)
    try:
        response = _get(url, timeout, max_size)
    except InputError as error:
        error.where = where
        raise
    return Fetched(response.data, response.url, response.content_type, response.charset, where)


def _get(url: str, timeout: float, max_size: int) -> Fetched:
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip",
        },
    )
    try:
        with _opener().open(request, timeout=timeout) as reply:
            content_type = reply.headers.get_content_type() if reply.headers.get("Content-Type") else ""
            if content_type and not _readable(content_type):
                raise FetchError(f"not an article ({content_type})")
            length = reply.headers.get("Content-Length")
            gzipped = (reply.headers.get("Content-Encoding") or "").strip().lower() in ("gzip", "x-gzip")
            if length and length.isdigit() and int(length) > max_size and not gzipped:
                raise InputTooLarge(f"page is too large ({_size(int(length))}; the limit is {_size(max_size)})")
            data = _read(reply, gzipped, max_size, deadline, timeout)
            return Fetched(data, reply.geturl(), content_type, reply.headers.get_content_charset())
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code}") from None
    except urllib.error.URLError as error:
        raise FetchError(_reason(error.reason, timeout)) from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except ValueError as error:  # urllib's word for an address it cannot use
        raise FetchError(str(error) or "not a URL") from None
    except http.client.HTTPException:
        raise FetchError("the server closed the connection before the page was complete") from None
    except (OSError, EOFError) as error:
        raise FetchError(_reason(error, timeout)) from None


def _read(reply, gzipped: bool, max_size: int, deadline: float, timeout: float) -> bytes:  # noqa: ANN001
    """The body, unzipped as it arrives; the size limit counts what it unzips to, the deadline the whole."""
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} s")
        chunk = reply.read1(_CHUNK) if hasattr(reply, "read1") else reply.read(_CHUNK)
        if not chunk:
            break
        if inflate is not None:
            try:
                # At most what is still allowed (plus one byte to notice more): a zip bomb stops here.
                chunk = inflate.decompress(chunk, max_size - size + 1)
            except zlib.error:
                raise FetchError("the page's gzip encoding is broken") from None
            if inflate.unconsumed_tail:
                size = max_size + 1
        size += len(chunk)
        if size > max_size:
            raise InputTooLarge(f"page is too large (over {_size(max_size)})")
        parts.append(chunk)
    return b"".join(parts)


def _readable(content_type: str) -> bool:
    return content_type in HTML_TYPES | MARKDOWN_TYPES | TEXT_TYPES | EPUB_TYPES or content_type.endswith("+xml")


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return "could not resolve host"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return "TLS error"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[:1].lower() + reason.strerror[1:]
    return _printable(str(reason)) or "cannot fetch the page"
