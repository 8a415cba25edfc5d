"""The last resort when leaving does not finish: brief ends anyway, its terminal restored.

Once brief is asked to quit (a key, the palette's Quit, SIGTERM, its terminal hanging up), Textual
closes every widget's message pump and waits for each; its timers stop doing anything from the
moment the exit is asked for. Under heavy load a brief was seen never to finish: its terminal gone,
its input thread spinning on the dead terminal at 50% of a core for three quarters of an hour, deaf
to SIGTERM (whose handler asks for the exit already stuck). So a thread of its own gives the exit
`GRACE` seconds, then restores the terminal as Textual would and ends the process with the status
the exit asked for. The position was saved before the exit was asked for (`BriefApp.action_quit`,
`_end_by_signal`), and state files are written whole or not at all, so nothing is lost.

No Textual here: the app arms the watchdog when it asks to exit and says when it has left.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

GRACE = 5.0
"""Seconds an exit may take: a normal one takes a few hundredths, a loaded machine's under a second."""
RESTORE_TIME = 1.0
"""Seconds the restoring may take: a terminal that has stalled (an SSH link frozen, not dropped)
blocks a write for good, which must not keep the process alive either."""

RESTORE = (
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # mouse reporting off
    "\x1b[?2004l"  # bracketed paste off
    "\x1b[?7h"  # lines wrap again
    "\x1b[?2048l"  # in-band resize reports off
    "\x1b[<u"  # the kitty keyboard protocol off (before leaving the alternate screen)
    "\x1b[?1049l"  # back to the main screen
    "\x1b[?25h"  # the cursor shown
    "\x1b[?1004l"  # focus reports off
)
"""What Textual's Linux driver writes when it stops (`stop_application_mode`), in its order."""


class TerminalSettings:
    """The terminal's settings before the app changed them, to put back by hand."""

    def __init__(self) -> None:
        self._descriptor: int | None = None
        self._settings: list[Any] | None = None
        if os.name == "nt":
            return  # no termios; and Textual resets the console's modes itself
        stream = sys.__stdin__
        with contextlib.suppress(Exception):  # no terminal settings to keep: nothing to put back
            import termios

            if stream is not None and stream.isatty():
                self._descriptor = stream.fileno()
                self._settings = termios.tcgetattr(self._descriptor)

    def restore(self) -> None:
        """Leave the app's modes on the stream Textual draws on (standard error) and give the
        terminal its settings back; a terminal that is gone (or a stream pointed elsewhere) is left
        as it is."""
        if os.name == "nt":
            return
        with contextlib.suppress(Exception):
            output = sys.__stderr__
            if output is not None and output.isatty():
                os.write(output.fileno(), RESTORE.encode())
        if self._descriptor is not None and self._settings is not None:
            with contextlib.suppress(Exception):
                import termios

                termios.tcsetattr(self._descriptor, termios.TCSANOW, self._settings)


class ExitWatchdog:
    """Ends the process `grace` seconds after `arm`, unless `left` was called first."""

    def __init__(
        self,
        restore: Callable[[], None],
        *,
        grace: float = GRACE,
        end: Callable[[int], object] = os._exit,
    ) -> None:
        self._restore = restore
        self._end = end
        self.grace = grace
        self._left = threading.Event()
        self._lock = threading.Lock()
        self._armed = False

    @property
    def armed(self) -> bool:
        """Has an exit started the count?"""
        return self._armed

    def arm(self, status: int) -> None:
        """Start counting (once: a second exit, a signal on a stuck one, keeps the first's status).
        Safe from any thread."""
        with self._lock:
            if self._armed or self._left.is_set():
                return
            self._armed = True
        threading.Thread(target=self._wait, args=(status,), name="brief-exit-watchdog", daemon=True).start()

    def left(self) -> None:
        """The app has finished leaving: the watchdog stands down (under the lock, so that it
        never ends the process after this returns)."""
        with self._lock:
            self._left.set()

    def _wait(self, status: int) -> None:
        if self._left.wait(self.grace):
            return
        with self._lock:
            if self._left.is_set():  # the app left as the grace ran out
                return
            # Restoring writes to the terminal, which a stalled one blocks: in a thread of its own,
            # given RESTORE_TIME. Whatever fails there, the process must still end.
            restoring = threading.Thread(target=self._restore_quietly, name="brief-exit-restore", daemon=True)
            restoring.start()
            restoring.join(RESTORE_TIME)
            self._end(status)

    def _restore_quietly(self) -> None:
        with contextlib.suppress(Exception):
            self._restore()
