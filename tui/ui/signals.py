"""Signals from outside: a flood of resizes coalesced into one, and SIGTERM/SIGHUP ending brief as a
quit would (position saved, terminal restored), with the shell's statuses 143 and 129.

Both are installed with the event loop's `add_signal_handler`: the signal's Python-level handler is
then asyncio's no-op, and the work runs as a callback of the loop, never nested inside itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.geometry import Size

EXIT_STATUS = {"SIGTERM": 128 + 15, "SIGHUP": 128 + 1}
"""What a shell reports for a process those signals ended: scripts and service managers read it."""


def install(app: App, on_signal: Callable[[int], None]) -> None:
    """Call `on_signal(status)` on SIGTERM or SIGHUP, and coalesce SIGWINCH; re-done after each
    resume from Ctrl+Z, since the driver installs its own resize handler again then."""
    if app.is_headless:
        return  # tests drive the size themselves; there is no terminal to listen to

    def add_all(_: object = None) -> None:
        loop = asyncio.get_running_loop()
        for name, status in EXIT_STATUS.items():
            number = getattr(signal, name, None)  # Windows has neither
            if number is not None:
                _add(loop, number, lambda status=status: on_signal(status))
        winch = getattr(signal, "SIGWINCH", None)
        if winch is not None:
            _add(loop, winch, _coalescing_resizes(app))

    add_all()
    app.app_resume_signal.subscribe(app, add_all)


def _add(loop: asyncio.AbstractEventLoop, number: int, callback: Callable[[], None]) -> None:
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no support
        loop.add_signal_handler(number, callback)


def _coalescing_resizes(app: App) -> Callable[[], None]:
    """A SIGWINCH callback that sends the app one Resize per turn of the loop, however many came.

    Why this replaces Textual's own handler (8.2, pinned): the Linux driver's handler reads the size
    and schedules a coroutine inside the signal handler itself; a flood of SIGWINCH (a window being
    dragged, `kill -WINCH` in a loop) re-enters it before it returns, until RecursionError. The size
    is read and the event sent exactly as the driver does (`_get_terminal_size`, `Resize(size,
    size)`); a terminal that reports resizes in band (`_in_band_window_resize`) is left to that, as
    the driver does. These two private names are the only ones used, and only here.
    """
    pending = False

    def deliver() -> None:
        nonlocal pending
        pending = False
        driver = app._driver
        if driver is None or getattr(driver, "_in_band_window_resize", False):
            return
        get_size = getattr(driver, "_get_terminal_size", None)
        if get_size is None:
            return
        size = Size(*get_size())
        app.post_message(events.Resize(size, size))

    def on_resize_signal() -> None:
        nonlocal pending
        if not pending:
            pending = True
            asyncio.get_running_loop().call_soon(deliver)

    return on_resize_signal
