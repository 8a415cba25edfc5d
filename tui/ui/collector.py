"""When the garbage collector walks everything: while the reader is still, never under a key.

A full collection walks every object that is not frozen. With a book's whole text in memory and the
panel listing its thousands of entries, that is 30 to 60 ms, and Python starts one whenever enough
objects have survived two younger collections: in the middle of a Page Down, which then took 80 to
110 ms instead of 45 (benchmarks/terminal.py, 10 MB of text). Young collections stay automatic
(they are short); full ones are left for a moment without input, with Python's own rule kept only
as a bound for a reader who never pauses.

No Textual here: the app tells the collector when input arrives and asks it, now and then, to
collect if the reader has been still long enough.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

STILL = 1.0
"""Seconds without a key, a click or a scroll before a full collection may run."""
FULL_AFTER = 1000
"""Young collections after which Python runs a full one by itself even without a pause (its
default is 10): about seven million allocations, minutes of continuous scrolling."""


class IdleCollector:
    """Defers full collections to moments without input."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = clock()
        self._collected_in_pause = False
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Raise Python's threshold for full collections (the young ones keep theirs)."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, FULL_AFTER)

    def stop(self) -> None:
        """Python's own thresholds again."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input_seen(self) -> None:
        """A key, a click, a scroll or a paste: the next pause may collect again."""
        self._last_input = self._clock()
        self._collected_in_pause = False

    @property
    def is_still(self) -> bool:
        """No input for `STILL` seconds."""
        return self.quiet_for(STILL)

    def quiet_for(self, seconds: float) -> bool:
        """No input for `seconds`."""
        return self._clock() - self._last_input >= seconds

    def collect_if_still(self) -> bool:
        """A full collection, once a pause: if the reader is still, none ran since the last input,
        and the middle generation has been collected since the last full one (moving what survived
        into the oldest). True when it ran. Once a pause: a book loading while the reader waits
        makes objects all along, and a walk of everything twice a second would slow it."""
        if not gc.isenabled() or self._collected_in_pause or not self.is_still or gc.get_count()[2] == 0:
            return False
        gc.collect()
        self._collected_in_pause = True
        return True
