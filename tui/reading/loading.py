"""Parsing a large input in a process of its own, so the reader stays responsive meanwhile.

Pure Python (no Textual): the child process imports only the parser and the layout. The process
is started before the interface takes over the terminal's standard streams, which a new process
needs to inherit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.model.article import Article
from tui.model.errors import BriefError
from tui.parse import RawInput, parse_preview
from tui.reading.layout import MEASURE, Document
from tui.reading.outline import Outline

if TYPE_CHECKING:  # multiprocessing costs start-up time; only large inputs need it
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess
    from multiprocessing.sharedctypes import Synchronized


class LoadCancelled(Exception):
    """The reader closed before the whole input was parsed."""


_progress: Synchronized | None = None
"""In the parse process: where `prepare_document` says how far it has got."""


def _share_progress(progress: Synchronized) -> None:
    global _progress
    _progress = progress


def _report_progress(fraction: float) -> None:
    if _progress is not None:
        _progress.value = fraction


# How far the whole is after each step, by what the steps took for the 10 MB article here: about
# 3 s in all, of which starting the process and parsing are 0.8 s, the units and lines 0.7 s, and
# handing the document back to the reader's process (pickled) the last 1.5 s.
PARSED, UNITS_MADE, LAID_OUT = 0.25, 0.35, 0.5


@dataclass(frozen=True)
class Prepared:
    """A whole input ready to show: its document, laid out at the usual measure, and its outline."""

    document: Document
    outline: Outline


def prepare_document(raw: RawInput, report: Callable[[float], None] = _report_progress) -> Prepared:
    """Parse `raw`, lay it out at the usual measure and number its headings: what the reader needs
    before showing it. `report` hears the fraction done after each step."""
    article = raw.parse()
    report(PARSED)
    document = Document(article)
    report(UNITS_MADE)
    document.layout(MEASURE)
    report(LAID_OUT)
    return Prepared(document, Outline(article.sections))


@dataclass(frozen=True)
class Opened:
    """An input as the reader first shows it: the whole article, or the preview of a large one with
    the whole `pending` (being parsed in a process of its own)."""

    article: Article
    pending: PendingDocument | None = None


def open_input(raw: RawInput) -> Opened:
    """The one way the command line and the library open an input for the reader.

    A large input opens on a preview of its start, and the whole is parsed in another process; the
    process is started here, before the reader shows. Raises the input's `BriefError`.
    """
    preview = parse_preview(raw)
    if preview is None:
        return Opened(raw.parse())
    return Opened(preview, PendingDocument(raw).start())


PARSE_DIED = "could not finish reading: the parse process died"


def _parse_in_child(raw: RawInput, progress: Synchronized, connection: Connection) -> None:
    """The parse process: prepare the whole and send it back, or the input's error."""
    _share_progress(progress)
    try:
        connection.send(("done", prepare_document(raw)))
    except BriefError as error:
        connection.send(("error", error))
    finally:
        connection.close()


class PendingDocument:
    """The whole of a large input, being parsed while its preview is read."""

    def __init__(self, raw: RawInput) -> None:
        self.raw = raw
        self.size = len(raw.data)
        self._cancelled = False
        self._progress: Synchronized | None = None
        self._fallback_progress = 0.0
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def start(self) -> PendingDocument:
        """Start parsing in another process (spawned, not forked: a fork copies other threads' locks).

        One process and a pipe rather than a pool: a pool whose worker is killed (by the OOM killer)
        starts another and waits for the lost task for ever; the end of a pipe says the process died.
        """
        import multiprocessing

        try:
            context = multiprocessing.get_context("spawn")
            self._progress = context.Value("d", 0.0)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_parse_in_child, args=(self.raw, self._progress, sender), name="brief-parse", daemon=True
            )
            process.start()
            sender.close()  # the child holds the only writing end: its death is the pipe's end
            self._process, self._connection = process, receiver
        except (OSError, RuntimeError, ValueError):
            self._process = self._connection = None  # no process to be had: result() parses in this thread
        return self

    @property
    def in_process(self) -> bool:
        """Whether the parse runs in a process of its own (else `result` parses in the calling thread)."""
        return self._connection is not None

    def result(self) -> Prepared:
        """The parsed document and its outline (blocks until ready); raises the input's `BriefError`,
        or one saying the parse process died (`PARSE_DIED`)."""
        connection = self._connection
        if connection is None:
            return prepare_document(self.raw, report=self._set_fallback_progress)
        try:
            while not connection.poll(0.1):  # in steps, so that cancel() can end the wait
                if self._cancelled:
                    raise LoadCancelled(self.raw.where)
            kind, value = connection.recv()
        except (EOFError, OSError):
            if self._cancelled:
                raise LoadCancelled(self.raw.where) from None
            raise BriefError(PARSE_DIED, self.raw.where) from None
        finally:
            self._reap()
        if kind == "error":
            value.where = self.raw.where  # lost on the way back from the other process
            raise value
        return value

    def _set_fallback_progress(self, fraction: float) -> None:
        self._fallback_progress = fraction

    @property
    def progress(self) -> float:
        """How far the parse has got, from 0 to 1 (by steps: it jumps rather than creeps)."""
        if self._progress is not None:
            return max(self._progress.value, self._fallback_progress)
        return self._fallback_progress

    @property
    def pid(self) -> int | None:
        """The parse process's id, while there is one."""
        return self._process.pid if self._process is not None else None

    def _reap(self) -> None:
        """Wait for the process to exit, so it does not linger as a zombie until brief quits."""
        process, self._process = self._process, None
        if process is not None:
            process.join(5)

    def cancel(self) -> None:
        """Stop the other process, when the reader closes before it is done."""
        self._cancelled = True
        process = self._process  # the loading thread may reap it meanwhile
        if process is not None:
            process.terminate()
