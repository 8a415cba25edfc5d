"""Parsing a large input in a process of its own, so the reader stays responsive meanwhile.

Pure Python (no Textual): the child process imports only the parser and the layout. The process
is started before the interface takes over the terminal's standard streams, which a new process
needs to inherit.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tui.errors import BriefError
from tui.layout import MEASURE, Document
from tui.parse import RawInput


def prepare_document(raw: RawInput) -> Document:
    """Parse `raw` and lay it out at the usual measure: what the reader needs before showing it."""
    document = Document(raw.parse())
    document.layout(MEASURE)
    return document


class PendingDocument:
    """The whole of a large input, being parsed while its preview is read."""

    def __init__(self, raw: RawInput) -> None:
        self.raw = raw
        self.size = len(raw.data)
        self._future: Future[Document] | None = None

    def start(self) -> PendingDocument:
        """Start parsing in another process (spawned, not forked: a fork copies other threads' locks)."""
        try:
            pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self._future = pool.submit(prepare_document, self.raw)
            pool.shutdown(wait=False)  # the submitted parse still runs; the pool goes once it is done
        except (OSError, RuntimeError, ValueError):
            self._future = None  # no process to be had: result() parses in the caller's thread
        return self

    def result(self) -> Document:
        """The parsed document (blocks until it is ready); raises the input's `BriefError`."""
        if self._future is not None:
            try:
                return self._future.result()
            except BriefError as error:
                error.where = self.raw.where  # lost on the way back from the other process
                raise
            except (BrokenProcessPool, OSError, EOFError):
                pass
        return prepare_document(self.raw)
