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
from tui.parse import DEFAULT_MAX_SIZE, MARKDOWN_SUFFIXES, RawInput, human_size
from tui.parse.detect import looks_like_epub, looks_like_html
from tui.parse.sanitize import sanitize

DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = f"brief/{__version__} (terminal article reader; +https://pypi.org/project/brief/)"
_CHUNK = 64 * 1024

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
TEXT_TYPES = frozenset({"text/plain"})
EPUB_TYPES = frozenset({"application/epub+zip"})


class FetchError(InputError):
    """The page could not be fetched, or is not an article."""


@dataclass(frozen=True)
class _Response:
    data: bytes
    url: str
    content_type: str
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and says so (or names the loop) when there are more."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        seen: list[str] = getattr(req, "brief_seen", [req.full_url])
        if newurl in seen:
            raise FetchError(f"redirect loop ({code} back to {sanitize(newurl)})")
        if len(seen) > MAX_REDIRECTS:
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.brief_seen = [*seen, newurl]
        return new


def _opener() -> urllib.request.OpenerDirector:
    # No HTTPCookieProcessor: cookies are neither kept nor sent. Proxies from the environment are used.
    return urllib.request.build_opener(_Redirects())


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_size: int = DEFAULT_MAX_SIZE) -> RawInput:
    """GET `url` and return its body as an input to parse, with the format its content type names."""
    where = sanitize(url)
    try:
        response = _get(url, timeout, max_size)
    except InputError as error:
        error.where = where
        raise
    return RawInput(
        response.data,
        name=PurePosixPath(urlsplit(response.url).path).name or None,
        source=url,
        where=where,
        charset=response.charset,
        url=response.url,
        format=_format(response),
        max_size=max_size,
    )


def _get(url: str, timeout: float, max_size: int) -> _Response:
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
                raise InputTooLarge(
                    f"page is too large ({human_size(int(length))}; the limit is {human_size(max_size)})"
                )
            data = _read(reply, gzipped, max_size, deadline, timeout)
            return _Response(data, reply.geturl(), content_type, reply.headers.get_content_charset())
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
            raise InputTooLarge(f"page is too large (over {human_size(max_size)})")
        parts.append(chunk)
    return b"".join(parts)


def _readable(content_type: str) -> bool:
    return content_type in HTML_TYPES | MARKDOWN_TYPES | TEXT_TYPES | EPUB_TYPES or content_type.endswith("+xml")


def _format(response: _Response) -> Format | None:
    """What the content type says the body is; when it says nothing, the body's first bytes."""
    kind = response.content_type
    if kind in HTML_TYPES or (not kind and looks_like_html(response.data)):
        return "html"
    if kind in EPUB_TYPES or (not kind and looks_like_epub(response.data)):
        return "epub"
    if kind in MARKDOWN_TYPES or PurePosixPath(urlsplit(response.url).path).suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    if kind.endswith("+xml"):
        return "html"
    return None  # plain text; the parser tells Markdown from it as it does for standard input


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
    return sanitize(str(reason)) or "cannot fetch the page"
