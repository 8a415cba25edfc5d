"""Signals from outside: a flood of resizes coalesced into one, and SIGTERM/SIGHUP ending brief as a
quit would (position saved, terminal restored), with the shell's statuses 143 and 129.

SIGWINCH never reaches a signal handler. `resizes_blocked_while_running` blocks it in the main thread before Textual
starts its own threads, so every thread inherits the block, and one daemon thread takes it with
`sigwait` and posts one resize to the loop. Why not a handler: with a handler, each SIGWINCH runs
CPython's C handler, which writes a byte to asyncio's wakeup socket; in a flood that socket fills,
and each further signal then queues a warning with `_PyEval_AddPendingCall`, which takes a lock that
is not signal-safe. A signal landing while the main thread holds that lock (popping the previous
warning) waits on it forever: the deadlock of issue 14 (every thread in futex_wait, `q` never read).
A blocked signal stays pending in the kernel as one flag however many are sent, so a flood costs
one `sigwait` per turn of the thread, and nothing runs inside an interrupted frame.

SIGTERM and SIGHUP come once: they keep the event loop's `add_signal_handler`, whose work runs as a
callback of the loop, never nested inside itself.

A terminal that goes away (its window closed, its tmux session killed) does not always send SIGHUP:
not to a process that is not in its foreground, nor when nothing holds it as a controlling terminal.
Textual's input thread then reads end-of-file from it forever, spinning. So the terminal is also
watched for a hang-up, and one is handled as SIGHUP is.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import os
import select
import signal
import sys
import threading
from collections.abc import Callable, Iterator

from textual import events
from textual.app import App
from textual.driver import Driver
from textual.geometry import Size

EXIT_STATUS = {"SIGTERM": 128 + 15, "SIGHUP": 128 + 1}
"""What a shell reports for a process those signals ended: scripts and service managers read it."""

WINCH = getattr(signal, "SIGWINCH", None)  # Windows has no SIGWINCH (nor pthread_sigmask)


@contextlib.contextmanager
def resizes_blocked_while_running() -> Iterator[None]:
    """Around the app's run, in the main thread: SIGWINCH blocked before Textual starts a thread, so
    every thread inherits the block and only `install`'s waiting thread takes the signal; the mask is
    given back afterwards. Where the platform cannot (no SIGWINCH, no sigwait, not the main thread)
    nothing is blocked and the driver's own handler stays, as in Textual."""
    if WINCH is None or not hasattr(signal, "sigwait") or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {WINCH})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def resizes_blocked() -> bool:
    """Is SIGWINCH blocked in this thread (so a waiting thread, not a handler, must take it)?"""
    return WINCH is not None and hasattr(signal, "sigwait") and WINCH in signal.pthread_sigmask(signal.SIG_BLOCK, ())


def install(app: App, on_signal: Callable[[int], None], on_gone: Callable[[int], None]) -> None:
    """Call `on_signal(status)` on SIGTERM or SIGHUP, and deliver SIGWINCH as coalesced resizes;
    the exit handlers are re-added after each resume from Ctrl+Z, as the driver re-installs its own.

    A terminal that goes away is handled as SIGHUP, and also reported to `on_gone(status)` at once
    from the thread that watches it: the loop that would run `on_signal` may be what is stuck."""
    if app.is_headless:
        return  # tests drive the size themselves; there is no terminal to listen to

    def add_exit_handlers(_: object = None) -> None:
        loop = asyncio.get_running_loop()
        for name, status in EXIT_STATUS.items():
            number = getattr(signal, name, None)  # Windows has neither
            if number is not None:
                _add(loop, number, lambda status=status: on_signal(status))

    add_exit_handlers()
    app.app_resume_signal.subscribe(app, add_exit_handlers)
    _watch_the_terminal(on_signal, on_gone)
    if resizes_blocked():
        _start_resize_thread(app, asyncio.get_running_loop())


def _add(loop: asyncio.AbstractEventLoop, number: int, callback: Callable[[], None]) -> None:
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no support
        loop.add_signal_handler(number, callback)


def _watch_the_terminal(on_signal: Callable[[int], None], on_gone: Callable[[int], None]) -> None:
    """Once the terminal goes away: `on_gone(129)` from the watching thread, then `on_signal(129)`
    in the loop, as SIGHUP would.

    A thread waits on the terminal rather than a timer looking at it: Textual's timers stop once an
    exit is asked for, and an exit that never finished left a brief running after its terminal had
    gone (see `tui/ui/watchdog.py`, which then ends it)."""
    streams = (sys.__stdin__, sys.__stdout__, sys.__stderr__)
    terminal = [stream.fileno() for stream in streams if stream is not None and stream.isatty()]
    if not terminal or not hasattr(select, "poll"):
        return
    loop = asyncio.get_running_loop()
    context = contextvars.copy_context()  # the app's: Textual finds the active app through it
    status = EXIT_STATUS["SIGHUP"]

    def watch() -> None:
        _wait_for_hang_up(terminal)
        _write_nowhere(terminal)
        on_gone(status)
        with contextlib.suppress(RuntimeError):  # the loop has closed: brief has left already
            loop.call_soon_threadsafe(on_signal, status, context=context)

    threading.Thread(target=watch, name="brief-terminal-hang-up", daemon=True).start()


def _wait_for_hang_up(descriptors: list[int]) -> None:
    """Return once any of these terminals has hung up (its other side closed), without reading from it."""
    poller = select.poll()
    for descriptor in descriptors:
        poller.register(descriptor, 0)  # no events asked for: a hang-up or an error is always reported
    gone = select.POLLHUP | select.POLLERR | select.POLLNVAL
    while not any(events & gone for _, events in poller.poll()):
        pass  # woken by nothing the terminal did: wait again


def _write_nowhere(descriptors: list[int]) -> None:
    """Point the dead terminal's descriptors at /dev/null: restoring the screen, and the flush of
    standard output at exit, would fail on it (and Python would exit with 120, not 129)."""
    nowhere = os.open(os.devnull, os.O_RDWR)
    try:
        for descriptor in descriptors:
            os.dup2(nowhere, descriptor)
    finally:
        os.close(nowhere)


@functools.cache
def driver_for(driver: type[Driver]) -> type[Driver]:
    """`driver`, unless it is Textual's Linux driver: then one that takes the terminal back on
    SIGCONT only after its own suspend (Ctrl+Z).

    Textual 8.2's Linux driver (pinned) resumes on every SIGCONT, suspended or not, starting a second
    output thread and a second, non-daemon, input thread. tmux sends SIGCONT after SIGHUP when it is
    killed: a brief quitting then waited for ever on that second input thread, which spun on the
    dead terminal. The two private names used, here only: `_sigcont_application`, the handler the
    driver installs, and `_must_signal_resume`, which its SIGTSTP handler sets when it suspends.
    """
    if WINCH is None:  # Windows: no Linux driver, and no SIGCONT
        return driver
    from textual.drivers.linux_driver import LinuxDriver

    if driver is not LinuxDriver:
        return driver

    class ResumingOnlyAfterSuspend(LinuxDriver):
        def _sigcont_application(self, *args: object) -> None:
            if self._must_signal_resume:  # the driver suspended itself: this SIGCONT is `fg`
                super()._sigcont_application(*args)

    return ResumingOnlyAfterSuspend


def _start_resize_thread(app: App, loop: asyncio.AbstractEventLoop) -> None:
    """One daemon thread that waits for SIGWINCH and asks the loop for one resize per turn of it."""
    deliver = _resize_delivery(app)
    pending = threading.Event()

    def on_loop() -> None:
        pending.clear()  # before reading the size: a signal from now on asks for another read
        deliver()

    def wait_for_resizes() -> None:
        while True:
            signal.sigwait({WINCH})
            if pending.is_set():
                continue  # a resize is already on its way, and it reads the size when it runs
            pending.set()
            try:
                loop.call_soon_threadsafe(on_loop)
            except RuntimeError:  # the loop has closed: brief is leaving
                return

    threading.Thread(target=wait_for_resizes, name="brief-resizes", daemon=True).start()


def _resize_delivery(app: App) -> Callable[[], None]:
    """Send the app one Resize with the terminal's size now, as Textual's Linux driver does.

    Textual 8.2 (pinned) has no public way to ask the driver for the size or to replace its resize
    handler, so these two private names are used, here only: `_get_terminal_size` reads the size as
    the driver does, and a terminal reporting resizes in band (`_in_band_window_resize`, mode 2048)
    is left to that report, as the driver leaves it.
    """

    def deliver() -> None:
        driver = app._driver
        if driver is None or getattr(driver, "_in_band_window_resize", False):
            return
        get_size = getattr(driver, "_get_terminal_size", None)
        if get_size is None:
            return
        size = Size(*get_size())
        app.post_message(events.Resize(size, size))

    return deliver
