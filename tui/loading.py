"""Parsing a large input in a process of its own, so the reader stays responsive meanwhile.

Pure Python (no Textual): the child process imports only the parser and the layout. The process
is started before the interface takes over the terminal's standard streams, which a new process
needs to inherit.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.pool import AsyncResult, Pool

from tui.errors import BriefError
from tui.layout import MEASURE, Document
from tui.parse import RawInput


class LoadCancelled(Exception):
    """The reader closed before the whole input was parsed."""


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
        self._cancelled = False
        self._pool: Pool | None = None
        self._result: AsyncResult[Document] | None = None

    def start(self) -> PendingDocument:
        """Start parsing in another process (spawned, not forked: a fork copies other threads' locks)."""
        try:
            self._pool = multiprocessing.get_context("spawn").Pool(1)
            self._result = self._pool.apply_async(prepare_document, (self.raw,))
            self._pool.close()  # no more work for it: it exits once the parse is done
        except (OSError, RuntimeError, ValueError):
            self._pool = self._result = None  # no process to be had: result() parses in this thread
        return self

    def result(self) -> Document:
        """The parsed document (blocks until it is ready); raises the input's `BriefError`."""
        if self._result is not None:
            try:
                while True:  # in steps, so that cancel() can end the wait
                    if self._cancelled:
                        raise LoadCancelled(self.raw.where)
                    try:
                        document = self._result.get(timeout=0.1)
                    except multiprocessing.TimeoutError:
                        continue
                    self._reap()
                    return document
            except BriefError as error:
                self._reap()
                error.where = self.raw.where  # lost on the way back from the other process
                raise
            except (OSError, EOFError):
                pass
        return prepare_document(self.raw)

    def _reap(self) -> None:
        """Wait for the finished process to exit, so it does not linger as a zombie until brief quits."""
        if self._pool is not None:
            self._pool.join()
            self._pool = None

    def cancel(self) -> None:
        """Stop the other process, when the reader closes before it is done."""
        self._cancelled = True
        if self._pool is not None:
            self._pool.terminate()
