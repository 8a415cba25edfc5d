"""Opening an input for the reader so that its first frame never waits for a parse: a small input
is parsed at once; a larger one opens on a preview of its start, its whole parsed in a thread of the
reader (up to 2 MB) or in a process of its own, which then makes the preview too; a web page or an
e-book opens on a line saying it is being read, its extraction in that process.

Pure Python (no Textual): the child process imports only the parser and the layout. The process
is started before the interface takes over the terminal.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from tui.model.article import Article, Paragraph, Section
from tui.model.errors import BriefError
from tui.parse import RawInput, format_of, gc_paused, parse_handed_input, parse_preview, title_from_name
from tui.reading.layout import MEASURE, Document, Layout
from tui.reading.outline import Outline

if TYPE_CHECKING:  # imported where used: the parse process imports this module too, and needs
    import subprocess  # neither `subprocess` nor `threading` (1 MB of its memory)


class LoadCancelled(Exception):
    """The reader closed before the whole input was parsed."""


# How far the whole is after each step, by what the steps took for the 10 MB article here: about
# 1.6 s in all, of which starting the process and parsing are 0.9 s, then the units 0.3 s and their
# lines 0.3 s (the reader makes its own units meanwhile), and handing the lines over next to nothing.
PARSED, UNITS_MADE, LAID_OUT = 0.55, 0.75, 0.95


@dataclass(frozen=True)
class Prepared:
    """A whole input ready to show: its document, laid out at the usual measure, and its outline."""

    document: Document
    outline: Outline


Widths = tuple[int, int]
"""The reading pane's measure and the navigator's width for its headings (0: hidden)."""


def prepare_document(
    raw: RawInput, report: Callable[[float], None] = lambda fraction: None, widths: Callable[[], Widths] | None = None
) -> Prepared:
    """Parse `raw`, lay it out and wrap its headings: what the reader needs before showing it.

    `report` hears the fraction done after each step; `widths` is asked, once the units are made,
    for the widths to lay out at (by default the usual measure and no headings wrapped).
    """
    handed = [raw]
    del raw  # its bytes are freed once decoded, when the caller keeps no reference (`_child`, `result`)
    article = parse_handed_input(handed)
    report(PARSED)
    document, _, (_, outline_width) = _lay_out(article, report, widths)
    return Prepared(document, _outline(article, outline_width))


def _lay_out(
    article: Article, report: Callable[[float], None], widths: Callable[[], Widths] | None
) -> tuple[Document, Layout, Widths]:
    """The steps after the parse, wherever it ran: the units, then the lines at the widths asked for
    once the units are made; the document, its lines and those widths."""
    document = Document(article)
    report(UNITS_MADE)
    chosen = widths() if widths is not None else (MEASURE, 0)
    layout = document.layout(chosen[0])
    report(LAID_OUT)
    return document, layout, chosen


def _outline(article: Article, outline_width: int) -> Outline:
    """The article's outline, its headings wrapped at `outline_width` (0: not yet)."""
    outline = Outline(article.sections)
    if outline_width > 0:
        outline.lines(outline_width)
    return outline


@dataclass(frozen=True)
class Opened:
    """An input as the reader first shows it: the whole article, or the preview of a large one with
    the whole `pending` (being parsed in a process of its own).

    `article` is None while the parse process makes the preview: `ready()` waits for it."""

    article: Article | None
    pending: PendingDocument | None = None

    def ready(self) -> Opened:
        """This input with its first article to show: the preview the parse process made, or, for an
        input that cannot be cut (UTF-16, no paragraph break early on), its whole parsed here, as
        `open_input` parses a small one. Raises the input's `BriefError`."""
        if self.article is not None or self.pending is None:
            return self
        preview = self.pending.preview()
        if preview is not None:
            return Opened(preview, self.pending)
        self.pending.cancel()
        self.pending._reap()  # not left a zombie: no `result` will be asked of it
        return Opened(self.pending.raw.parse())


def open_input(raw: RawInput) -> Opened:
    """The one way the command line and the library open an input for the reader.

    An input over `PREVIEW_THRESHOLD` opens on a preview of its start; its whole is parsed by the
    reader's worker once the first frame is out (in that thread up to `PROCESS_THRESHOLD`, above it
    in another process, started here, before the reader shows, which makes the preview as well:
    `Opened.ready()` waits for it). A page or a book opens on a
    placeholder, extracted in that process. Raises the input's `BriefError`.
    """
    kind = format_of(raw.data, raw.name, raw.format)
    if kind in PLACEHOLDERS:
        # A page's article is extracted (trafilatura, lxml: 0.4 to 0.9 s to import alone) and a book
        # unzipped in the other process: the reader shows at once, saying what it is doing.
        pending = PendingDocument(raw, status=PLACEHOLDERS[kind][1], fatal=True, after_first_frame=True)
        waiting = Section(None, 2, [Paragraph(PLACEHOLDERS[kind][0].format(where=raw.where))])
        title = title_from_name(raw.name or raw.where)
        return Opened(Article(title=title, subtitle=None, sections=[waiting], complete=False), pending.start())
    if len(raw.data) > PROCESS_THRESHOLD:
        # The parse process makes the preview too, while this one imports the interface: the first
        # frame then waits for neither the Markdown parser's import (about 0.1 s) nor a hash of the
        # whole input, and on a second processor they cost it nothing (`Opened.ready`).
        return Opened(None, PendingDocument(raw, preview=True).start())
    preview = parse_preview(raw)
    if preview is None:
        return Opened(raw.parse())
    return Opened(preview, PendingDocument(raw))


PROCESS_THRESHOLD = 2 * 1024 * 1024
"""Inputs larger than this are parsed whole in a process of its own; smaller ones (with a preview,
from `PREVIEW_THRESHOLD`) in a thread of the reader's once its first frame is out. A parse of 2 MB
takes under half a second, while a second Python costs 25 to 35 MB (the memory target is 20 times
the input) and competes with the first frame for the processor; a 25 MB file parsed in a thread
held keys for 5 s (issue 13 item 13)."""


PLACEHOLDERS = {
    "html": ("Finding the article in {where}… (q quits)", "reading the page…"),
    "epub": ("Opening the book {where}… (q quits)", "reading the book…"),
}
"""What the reader shows of a web page or an e-book until it is read: the text in the reading pane,
and the status line's note."""


PARSE_DIED = "could not finish reading: the parse process died"


# The parse process runs this: it reads `sys.path` and then the input from its standard input.
_CHILD = (
    "import pickle, sys\n"
    "sys.path[:] = pickle.load(sys.stdin.buffer)\n"
    "from tui.reading.loading import _parse_process; _parse_process()"
)


def _parse_process() -> None:
    """The parse process from start to end (`_child` is what it does, which a test runs in its own
    process)."""
    # No garbage collector here: this process makes a book's objects, keeps them all until they are
    # sent, then ends; the collections their number sets off (walking everything already made)
    # were 13% of its time, and a parse leaves next to no cycles to collect (a few hundred objects
    # for the 10 MB articles, an EPUB or a saved page; peak memory the same).
    gc.disable()
    _child()
    # Everything is sent (and flushed); the reader waits for this process to end (`_reap`), and
    # a normal exit would first free the whole book object by object: a tenth of a second or more.
    os._exit(0)


def _child() -> None:
    """The parse process's work: receive the input, make its preview if asked, parse the whole and
    send the article back, then lay it out and send its lines (saying how far it has got on the
    way), or the input's error. Messages are pickles, one after another."""
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer

    def send(message: tuple[str, object]) -> None:
        pickle.dump(message, outbox, protocol=pickle.HIGHEST_PROTOCOL)
        outbox.flush()

    raw, after_first_frame, preview = pickle.load(inbox)
    if preview:  # the reader's first frame waits for this: at the reader's own priority
        send(("preview", parse_preview(raw)))
    # Then the parse gives way to the reader's process (nice 5): on a busy machine the reader's
    # frames come first, and on a quiet one the parse has a processor of its own anyway.
    if hasattr(os, "nice"):
        os.nice(5)
    try:
        widths = pickle.load(inbox) if after_first_frame else None  # sent once the reader has drawn
        handed = [raw]
        del raw  # handed over: its bytes are freed once parsed, not kept while the whole is sent
        article = parse_handed_input(handed)
    except BriefError as error:
        send(("error", error))
        return
    # The article goes back at once, and the reader makes its units while this process makes them
    # too, to lay them out: sending the units (a book's tens of thousands) cost more than making
    # them, and the reader would have waited for both. The lines come back on their own.
    send(("article", article))
    progress = lambda fraction: send(("progress", fraction))  # noqa: E731
    _, layout, _ = _lay_out(article, progress, lambda: widths or pickle.load(inbox))
    send(("layout", layout))


def _receive(stream: IO[bytes]) -> tuple[str, Any]:
    """The parse process's next message. The garbage collector is off meanwhile: unpickling a book
    makes a few hundred thousand objects, and the collections their number sets off (each walking
    all the reader's objects) more than doubled the time it took."""
    with gc_paused():
        return pickle.load(stream)


def _send(process: subprocess.Popen[bytes], pending: PendingDocument) -> None:
    """Hand the input to the parse process, then the widths once the reader knows them; if the
    process died meanwhile, `result` says so."""
    assert process.stdin is not None
    with contextlib.suppress(OSError):
        _write_input(process.stdin, pending)
        if not pending.wants_preview:  # else once the preview is in: until then it may be made here
            pending._let_go_of_the_bytes()
        pending._widths_known.wait()
        process.stdin.write(pickle.dumps(pending._widths))
    with contextlib.suppress(OSError):
        process.stdin.close()


def _write_input(stream: BinaryIO, pending: PendingDocument) -> None:
    """Write `sys.path` and the input to the parse process. Streamed, not pickled to bytes first: that
    held two more copies of the input in this process. A function of its own, so that no frame holds
    the input's bytes while `_send` waits for the widths."""
    pickle.dump(sys.path, stream)
    raw = pending.raw
    if raw.hashed is None and format_of(raw.data, raw.name, raw.format) is None:
        # A text's digest is of its bytes: hashed here, where OpenSSL is loaded already (by Textual),
        # and not in the parse process, which would load it (3.7 MB) and hash twice (preview, whole).
        # hashlib lets go of the GIL while it hashes: the reader's first frame does not wait.
        pending.raw = raw = replace(raw, hashed=raw.digest)
    message = (raw, pending.after_first_frame, pending.wants_preview)
    pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
    stream.flush()


class PendingDocument:
    """The whole of a large input, being parsed while its preview is read."""

    def __init__(
        self,
        raw: RawInput,
        status: str | None = None,
        fatal: bool = False,
        after_first_frame: bool = False,
        preview: bool = False,
    ) -> None:
        """`status` replaces the status line's `loading 3.1 MB… 25%`; `fatal`: nothing of the input
        is shown meanwhile (a page, a book), so when it fails the reader closes with its error;
        `preview`: the other process makes the preview first (`preview()`).

        `after_first_frame`: the other process waits for the reader's first frame before it starts
        (the reader sends its widths then): importing trafilatura and lxml took the processor from
        the first frame on a busy machine. Not for a large text, whose whole would come later by
        as much."""
        self.raw = raw
        self.after_first_frame = after_first_frame
        self.wants_preview = preview
        self.status = status
        self.fatal = fatal
        self.size = len(raw.data)
        self._cancelled = False
        self._progress = 0.0
        self._process: subprocess.Popen[bytes] | None = None
        self._widths: Widths = (MEASURE, 0)
        import threading  # here, not above: see the imports

        self._widths_known = threading.Event()

    def start(self) -> PendingDocument:
        """Start parsing in another process (a new Python, not a fork: a fork copies other threads' locks).

        A plain process with pipes rather than a pool: a pool whose worker is killed (by the OOM
        killer) starts another and waits for the lost task for ever; the end of a pipe says the
        process died. Not `multiprocessing` either: importing it and its semaphores cost tens of
        milliseconds before the first frame, for what one process and two pipes do.
        """
        import subprocess
        import threading

        try:
            process = subprocess.Popen(
                [sys.executable, "-c", _CHILD],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # the reader owns the terminal
                close_fds=True,
            )
        except (OSError, ValueError):
            return self  # no process to be had: result() parses in this thread
        self._process = process
        # The input is written from a thread: the new process reads it only once Python has started
        # and imported the parser, and until then a write of megabytes would hold up the first frame.
        threading.Thread(target=_send, args=(process, self), name="brief-parse-input", daemon=True).start()
        return self

    def _let_go_of_the_bytes(self) -> None:
        """Keep the input's name but not its bytes, once nothing is left to parse here: otherwise
        they stay in the reader's process for as long as the article is read (10 MB for 10 MB)."""
        self.raw = replace(self.raw, data=b"")

    def _take_raw(self) -> RawInput:
        """The input, whose bytes this object lets go of: the caller then holds the only reference."""
        raw = self.raw
        self._let_go_of_the_bytes()
        return raw

    def preview(self) -> Article | None:
        """The preview the other process made (blocks until it is made), None for an input that
        cannot be cut. If that process could not be started or died, it is made here: the reader
        then shows it, and the whole's failure is said when `result` is asked for."""
        process = self._process
        if process is not None and process.stdout is not None:
            with contextlib.suppress(EOFError, OSError, pickle.UnpicklingError, ValueError):
                kind, value = _receive(process.stdout)
                if kind == "preview":
                    if value is not None:  # the whole comes from the other process, which has the bytes
                        self._let_go_of_the_bytes()
                    return value
        return parse_preview(self.raw)

    @property
    def in_process(self) -> bool:
        """Whether the parse runs in a process of its own (else `result` parses in the calling thread)."""
        return self._process is not None

    def result(self, measure: int = MEASURE, outline_width: int = 0) -> Prepared:
        """The parsed document and its outline (blocks until ready), laid out at `measure` and with
        headings wrapped at `outline_width` (0: none); raises the input's `BriefError`, or one
        saying the parse process died (`PARSE_DIED`).

        The widths go to the other process, which lays out there rather than at a guess that the
        reader's process would then redo (0.2 to 0.3 s for 10 MB, holding up the interface).
        """
        self._widths = (measure, outline_width)
        self._widths_known.set()
        process = self._process
        if process is None:
            # Handed over, not kept in a frame here: its bytes are freed once parsed, before the layout.
            return prepare_document(self._take_raw(), report=self._set_progress, widths=lambda: self._widths)
        assert process.stdout is not None
        prepared: Prepared | None = None
        try:
            while True:  # cancel() ends the process, and with it this wait
                kind, value = _receive(process.stdout)
                if kind == "progress":
                    self._progress = value
                elif kind == "article":  # its units are made here while the other process lays them out
                    if self._cancelled:
                        raise LoadCancelled(self.raw.where)
                    self._progress = PARSED
                    with gc_paused():  # tens of thousands of objects: see `_receive`
                        prepared = Prepared(Document(value), _outline(value, outline_width))
                elif kind != "preview":  # a preview nobody asked for is passed over
                    break
        except (EOFError, OSError, pickle.UnpicklingError):
            if self._cancelled:
                raise LoadCancelled(self.raw.where) from None
            if prepared is not None:
                return prepared  # died laying out (out of memory): the lines are made here when asked for
            raise BriefError(PARSE_DIED, self.raw.where) from None
        finally:
            self._reap()
        if kind == "error":
            value.where = self.raw.where  # lost on the way back from the other process
            raise value
        if prepared is None:
            raise BriefError(PARSE_DIED, self.raw.where)
        prepared.document.adopt_layout(value)  # or, when they do not fit, made here when asked for
        return prepared

    def _set_progress(self, fraction: float) -> None:
        self._progress = fraction

    @property
    def progress(self) -> float:
        """How far the parse has got, from 0 to 1 (by steps: it jumps rather than creeps); known
        while `result` waits."""
        return self._progress

    @property
    def pid(self) -> int | None:
        """The parse process's id, while there is one."""
        return self._process.pid if self._process is not None else None

    def _reap(self) -> None:
        """Wait for the process to exit, so it does not linger as a zombie until brief quits."""
        process, self._process = self._process, None
        if process is not None:
            assert process.stdout is not None
            process.stdout.close()
            from subprocess import TimeoutExpired

            with contextlib.suppress(TimeoutExpired):
                process.wait(5)

    def cancel(self) -> None:
        """Stop the other process, when the reader closes before it is done."""
        self._cancelled = True
        self._widths_known.set()  # the thread writing to the process ends too
        process = self._process  # the loading thread may reap it meanwhile
        if process is not None:
            process.terminate()
