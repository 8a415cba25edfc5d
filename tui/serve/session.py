"""One visitor's session: a reader in a pseudo-terminal of its own, joined to the SSH channel.

The reader is `python -m tui.serve.reader`, executed directly (never through a shell) in a new session
and process group, with the pty as its controlling terminal, so that the window size the client sends
reaches it as SIGWINCH, and so that ending the group ends every process it started.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import re
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import asyncssh

from tui.serve.limits import FULL, limit_reader

if TYPE_CHECKING:
    from tui.serve.server import Visit

KILL_AFTER = 1.0
"""Seconds a reader has to go after SIGHUP before the whole group is killed."""
MAX_PENDING_INPUT = 64 * 1024
"""Keys waiting for a reader that does not read them are dropped beyond this."""
MAX_COLUMNS, MAX_ROWS = 500, 200
"""The largest window drawn; a larger one is drawn at this size (the client's terminal crops it)."""
_TERM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")
_LANG = re.compile(r"[A-Za-z0-9_.@-]{1,64}")
# What a reader ended from outside leaves behind in the visitor's terminal, undone: mouse reports,
# bracketed paste, focus events, the kitty keyboard mode, a hidden cursor, the alternate screen.
TERMINAL_RESET = (
    b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?2004l\x1b[?1004l\x1b[<u"
    b"\x1b[0m\x1b[?25h\x1b[?1049l\r"
)  # fmt: skip


def reader_command(paths: tuple[Path, ...]) -> list[str]:
    """The served reader, by this Python: argument list only, no shell to interpret anything."""
    return [sys.executable, "-m", "tui.serve.reader", *map(str, paths)]


def reader_environment(term: str | None, lang: str | None, state: Path) -> dict[str, str]:
    """Only what a reader needs: the visitor's TERM and LANG (when well formed) and brief's own variables."""
    import tui

    return {
        "TERM": term if term and _TERM.fullmatch(term) else "xterm-256color",
        "LANG": lang if lang and _LANG.fullmatch(lang) else "C.UTF-8",
        "BRIEF_SERVED": "1",
        "BRIEF_STATE_DIR": str(state),
        "BRIEF_CLIPBOARD": "osc52",
        "HOME": str(state),
        # The same brief as the server's, whatever the reader's working folder holds.
        "PYTHONPATH": str(Path(tui.__file__).resolve().parent.parent),
    }


def set_window_size(descriptor: int, columns: int, rows: int) -> None:
    fcntl.ioctl(descriptor, termios.TIOCSWINSZ, struct.pack("HHHH", max(rows, 1), max(columns, 1), 0, 0))


class ReaderSession(asyncssh.SSHServerSession):
    """The channel side of one visit: a shell request gets the reader; anything else is refused."""

    def __init__(self, visit: Visit) -> None:
        self.visit = visit
        self.channel: asyncssh.SSHServerChannel | None = None
        self.term: str | None = None
        self.size = (80, 24)
        self.pty = False
        self.process: asyncio.subprocess.Process | None = None
        self.master: int | None = None
        self.pending_input = bytearray()
        self.started = time.monotonic()
        self.last_input = self.started
        self.ended: str | None = None
        """How the session ended, for the log line; None while it runs."""
        self.finished = asyncio.Event()
        self._idle_timer: asyncio.TimerHandle | None = None
        self._admitted = False
        self._spawning = False
        self._task: asyncio.Task[None] | None = None

    # Requests from the client -----------------------------------------------------------------

    def connection_made(self, chan: asyncssh.SSHServerChannel) -> None:
        self.channel = chan

    def pty_requested(self, term_type: str, term_size: tuple[int, int, int, int], term_modes) -> bool:
        self.pty, self.term, self.size = True, term_type, _window(term_size[0], term_size[1], (80, 24))
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        self.ended = "refused a command"
        return False

    def subsystem_requested(self, subsystem: str) -> bool:
        self.ended = f"refused the {subsystem[:20]!r} subsystem"
        return False

    def break_received(self, msec: int) -> bool:
        return True  # keys are the reader's; a break means nothing to it

    def signal_received(self, signal: str) -> None:
        pass  # the visitor does not signal the server's processes

    def terminal_size_changed(self, width: int, height: int, pixwidth: int, pixheight: int) -> None:
        self.size = _window(width, height, self.size)
        if self.master is not None:
            # The kernel sends SIGWINCH to the reader, the pty's foreground group.
            set_window_size(self.master, *self.size)

    def data_received(self, data: bytes, datatype) -> None:
        self.last_input = time.monotonic()
        # Keys typed while the reader starts wait for it; beyond a limit they are dropped.
        if self.ended is not None or len(self.pending_input) + len(data) > MAX_PENDING_INPUT:
            return
        self.pending_input += data
        self._flush_input()

    def eof_received(self) -> bool:
        self.end("disconnected")  # the visitor's side is closed: so is the session
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.end("disconnected" if exc is None else "disconnected (connection lost)")

    # The reader ---------------------------------------------------------------------------------

    def session_started(self) -> None:
        assert self.channel is not None
        if not self.pty:
            self.ended = "refused: no terminal"
            self._close_with(b"brief: this server shows a reader: connect from a terminal (ssh -t)\r\n", 1)
            return
        if not self.visit.hub.admission.start_session():
            self.ended = "refused: full"
            self._close_with(FULL.encode() + b"\r\n", 1)
            return
        self._admitted = True
        self._task = asyncio.get_running_loop().create_task(self._run())  # held: a task is only weakly kept

    async def _run(self) -> None:
        assert self.channel is not None
        hub = self.visit.hub
        state = self.visit.state_folder()
        master, slave = os.openpty()
        set_window_size(slave, *self.size)
        lang = self.channel.get_environment().get("LANG")
        self._spawning = True
        try:
            self.process = await asyncio.create_subprocess_exec(
                *reader_command(hub.options.paths),
                stdin=slave, stdout=slave, stderr=slave,
                env=reader_environment(self.term, lang, state),
                cwd=state,
                start_new_session=True,
                preexec_fn=_in_reader(hub.options.memory_limit),
            )  # fmt: skip
        except OSError as error:
            os.close(master)
            self.ended = self.ended or f"reader did not start ({error.strerror or error})"
            self._close_with(b"brief: the reader could not start\r\n", 1)
            self._release()
            return
        finally:
            os.close(slave)
            self._spawning = False
        self.master = master
        os.set_blocking(master, False)
        if self.ended is None:
            asyncio.get_running_loop().add_reader(master, self._forward_output)
            self._flush_input()
            self._arm_idle_timer()
        else:  # the visitor left while the reader was starting
            self._stop_reader()
        status = await self.process.wait()
        self._end_group()
        if self.ended is None:  # the reader quit: its last frame, then its status, reach the visitor
            self._drain_output()
            self.ended = "quit" if status == 0 else f"reader exited with status {status}"
            self.channel.exit(status if status >= 0 else 1)
        self._release()

    def _forward_output(self) -> None:
        assert self.master is not None and self.channel is not None
        try:
            data = os.read(self.master, 65536)
        except BlockingIOError:
            return
        except OSError:  # EIO: every process holding the terminal has gone
            data = b""
        if not data:
            asyncio.get_running_loop().remove_reader(self.master)
            return
        try:
            self.channel.write(data)
        except (asyncssh.Error, OSError):  # the channel closed under the reader
            self.end("disconnected")

    def _drain_output(self) -> None:
        """The last frame the reader wrote before it quit (its goodbye restores the terminal)."""
        assert self.master is not None
        with contextlib.suppress(OSError):
            asyncio.get_running_loop().remove_reader(self.master)
            while data := os.read(self.master, 65536):
                assert self.channel is not None
                self.channel.write(data)

    def pause_writing(self) -> None:
        # The visitor's connection is slow: stop reading the reader, whose writes then wait.
        if self.master is not None and self.ended is None:
            asyncio.get_running_loop().remove_reader(self.master)

    def resume_writing(self) -> None:
        if self.master is not None and self.ended is None:
            asyncio.get_running_loop().add_reader(self.master, self._forward_output)

    def _flush_input(self) -> None:
        if self.master is None or not self.pending_input:
            return
        loop = asyncio.get_running_loop()
        try:
            written = os.write(self.master, self.pending_input)
        except BlockingIOError:
            written = 0
        except OSError:
            self.pending_input.clear()
            return
        del self.pending_input[:written]
        if self.pending_input:
            loop.add_writer(self.master, self._retry_input)

    def _retry_input(self) -> None:
        assert self.master is not None
        asyncio.get_running_loop().remove_writer(self.master)
        self._flush_input()

    # Ending ---------------------------------------------------------------------------------------

    def _arm_idle_timer(self) -> None:
        timeout = self.visit.hub.options.idle_timeout
        if timeout > 0 and self.ended is None:
            delay = self.last_input + timeout - time.monotonic()
            self._idle_timer = asyncio.get_running_loop().call_later(max(delay, 0.05), self._check_idle)

    def _check_idle(self) -> None:
        timeout = self.visit.hub.options.idle_timeout
        if time.monotonic() - self.last_input >= timeout:
            minutes = f"{timeout / 60:g} min" if timeout >= 60 else f"{timeout:g} s"
            self.close(f"idle for {minutes}", f"brief: closed after {minutes} without a key")
        else:
            self._arm_idle_timer()

    def close(self, how: str, message: str) -> None:
        """End the session from the server's side (idle, shutdown): the reader goes, the visitor is told."""
        if self.ended is not None:
            return
        self.end(how)
        self._close_with(TERMINAL_RESET + message.encode() + b"\r\n", 0)

    def end(self, how: str) -> None:
        """Stop the reader, keeping the first reason given."""
        if self.ended is None:
            self.ended = how
        self._stop_reader()
        if self.process is None and not self._spawning:
            self._release()

    def _close_with(self, data: bytes, status: int) -> None:
        assert self.channel is not None
        with contextlib.suppress(asyncssh.Error, OSError):
            self.channel.write(data)
            self.channel.exit(status)

    def _detach(self) -> None:
        """Stop watching the clock and the terminal: nothing more goes between reader and visitor."""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        if self.master is not None:
            with contextlib.suppress(ValueError, OSError):
                asyncio.get_running_loop().remove_reader(self.master)
                asyncio.get_running_loop().remove_writer(self.master)

    def _stop_reader(self) -> None:
        self._detach()
        if self.process is not None and self.process.returncode is None:
            _signal_group(self.process.pid, signal.SIGHUP)
            asyncio.get_running_loop().call_later(KILL_AFTER, self._kill_if_running)

    def _kill_if_running(self) -> None:
        # Once the reader is reaped its number may be reused: only a running reader is signalled.
        if self.process is not None and self.process.returncode is None:
            self._end_group()

    def _end_group(self) -> None:
        """Whatever is left of the reader's process group (a worker it started) is killed."""
        if self.process is not None:
            _signal_group(self.process.pid, signal.SIGKILL)

    def _release(self) -> None:
        """Once: close the terminal, give back the place, forget an `--open` visitor, log the line."""
        if self.finished.is_set():
            return
        self.finished.set()
        self._detach()
        if self.master is not None:
            os.close(self.master)
            self.master = None
        if self._admitted:
            self.visit.hub.admission.end_session()
        self.visit.session_ended(self, time.monotonic() - self.started)


def _window(columns: int, rows: int, default: tuple[int, int]) -> tuple[int, int]:
    """The window a client asks for, within reason: a reader draws every cell of it."""
    return (min(columns, MAX_COLUMNS) or default[0], min(rows, MAX_ROWS) or default[1])


def _signal_group(group: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, number)


def _in_reader(memory_limit: int) -> Callable[[], None]:
    """What the reader's process does before brief starts (after setsid: it leads a new session)."""

    # Runs between fork and exec, so it only calls what is imported already (no import, no lock).
    def prepare() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # the pty becomes its controlling terminal
        limit_reader(memory_limit)

    return prepare
