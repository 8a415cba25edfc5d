"""The whole of a large input, arriving while its preview is read: waited for off the UI thread and
handed to the screen in one message, with its outline."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from textual.message import Message
from textual.message_pump import MessagePump

from tui.model.errors import BriefError

if TYPE_CHECKING:  # a process pool costs start-up time; only large inputs need it
    from tui.reading.loading import PendingDocument, Prepared


class WholeArrived(Message):
    """The whole input is parsed, laid out at the reader's measure and its outline wrapped."""

    def __init__(self, prepared: Prepared) -> None:
        super().__init__()
        self.prepared = prepared


class WholeFailed(Message):
    """The whole input could not be parsed; the preview stays."""

    def __init__(self, error: BriefError) -> None:
        super().__init__()
        self.error = error


def wait_for_whole(to: MessagePump, pending: PendingDocument, measure: int, outline_width: int) -> None:
    """Run in a worker thread: wait for `pending`, make what grows with the book (lines for `measure`,
    headings for `outline_width`; 0 when the navigator is hidden), and post it to `to`.

    Only messages cross back: a message to a screen that has closed meanwhile is dropped.
    """
    from tui.reading.loading import LoadCancelled

    try:
        prepared = pending.result(measure, outline_width)
    except LoadCancelled:
        return
    except BriefError as error:
        to.post_message(WholeFailed(error))
        return
    # What was just unpickled and made (with the collector off) is all in the youngest generation: the
    # collections that the UI thread's next allocations set off would walk it all, then again a
    # generation up (a tenth of a second while the whole is shown). It stays; the screen unfreezes
    # when it closes, as it does for what it freezes itself.
    gc.freeze()
    prepared.document.layout(measure)  # made there already (the other process was told the widths) or here
    if outline_width > 0:
        prepared.outline.lines(outline_width)
    to.post_message(WholeArrived(prepared))
