"""A URL opened in the reader: fetched and parsed in a thread while the reader already shows, so the
status line says what is happening and `q` quits at once.

Pure Python (no Textual). `PendingFetch` answers as `PendingDocument` does (`result`, `cancel`,
`status`), so the reader waits for both the same way.
"""

from __future__ import annotations

import threading

from tui.model.article import Article, Paragraph, Section
from tui.model.errors import BriefError
from tui.parse import RawInput
from tui.reading.layout import MEASURE
from tui.reading.loading import LoadCancelled, Opened, Prepared, prepare_document


def read_url(url: str, timeout: float | None, max_size: int) -> RawInput:
    """Fetch `url` into an input to parse; raises `InputError` with a one-line reason."""
    from tui.platform.fetch import DEFAULT_TIMEOUT, fetch  # urllib: only a URL needs it

    page = fetch(url, timeout=timeout or DEFAULT_TIMEOUT, max_size=max_size)
    # `source` is the URL as typed: where resume looks when the page's text has changed.
    return RawInput(page.data, page.name, url, page.where, page.charset, page.url, page.format, max_size=max_size)


def open_url(url: str, timeout: float | None, max_size: int) -> Opened:
    """The reader's first screen for a URL, a line saying it is being fetched, and the fetch started."""
    pending = PendingFetch(url, timeout, max_size).start()
    waiting = Section(None, 2, [Paragraph(f"Fetching {pending.where}… (q quits)")])
    return Opened(Article(title=pending.where, subtitle=None, sections=[waiting], complete=False), pending)


class PendingFetch:
    """A page being fetched and parsed in a daemon thread: quitting never waits for the network."""

    fatal = True
    """Nothing but the page is to be shown: when it fails, the reader closes with its error."""

    def __init__(self, url: str, timeout: float | None, max_size: int) -> None:
        from tui.parse.sanitize import sanitize

        self.url = url
        self.where = sanitize(url)
        self.timeout, self.max_size = timeout, max_size
        self.size = 0
        self.progress = 0.0
        self._done = threading.Event()
        self._cancelled = False
        self._prepared: Prepared | None = None
        self._error: BriefError | None = None

    @property
    def status(self) -> str:
        return "fetching…" if self.size == 0 else "reading the page…"

    def start(self) -> PendingFetch:
        threading.Thread(target=self._run, name="brief-fetch", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            raw = read_url(self.url, self.timeout, self.max_size)
            self.size = len(raw.data)
            self._prepared = prepare_document(raw, report=self._report)
        except BriefError as error:
            self._error = error
        finally:
            self._done.set()

    def _report(self, fraction: float) -> None:
        self.progress = fraction

    def result(self, measure: int = MEASURE, outline_width: int = 0) -> Prepared:
        """The page, parsed and laid out (blocks until it is); raises its `BriefError`. The widths
        are the reader's (see `PendingDocument.result`): here the page is laid out where it is
        fetched, at the usual measure, and the reader lays it out again if its own differs."""
        while not self._done.wait(0.1):  # in steps, so that cancel() can end the wait
            if self._cancelled:
                raise LoadCancelled(self.where)
        if self._error is not None:
            raise self._error
        assert self._prepared is not None
        return self._prepared

    def cancel(self) -> None:
        self._cancelled = True
