"""The terminal's side of reliability, in a real terminal: signals that end brief, a flood of
resizes, sizes down to 1x1, and keys that arrive in one burst after `/`."""

from __future__ import annotations

import json
import os
import signal
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import missing
from tests.e2e.pty_terminal import PtySession
from tests.e2e.tmux import Tmux, installed_brief, terminal_env
from tests.tools import require
from tui.ui.watchdog import GRACE

pytestmark = pytest.mark.slow

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


def pty_env(state: Path) -> dict[str, str]:
    return {
        "PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "TERM": "xterm-256color",
        "LANG": "C.UTF-8", "BRIEF_STATE_DIR": str(state),
    }  # fmt: skip


def saved_heading(state: Path) -> str | None:
    articles = json.loads((state / "state.json").read_text())["articles"]
    (record,) = articles.values()
    return record["position"]["heading"]


def reading_the_second_section(argv: list[str], state: Path) -> PtySession:
    """brief on the sample, moved to "Context & Background" (the 2 s save timer has not fired yet)."""
    session = PtySession(argv, pty_env(state))
    session.read_until(b"Quit")
    session.drain()
    session.send(b"]]")
    session.read_until(b"Context & Background")
    session.drain(0.3)
    return session


def assert_restored(output: bytes) -> None:
    """What brief wrote on leaving: the main screen back, the mouse off, no traceback."""
    assert LEAVE_ALTERNATE_SCREEN in output and MOUSE_OFF in output
    assert b"Traceback" not in output


@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_saves_the_position_and_restores_the_terminal(isolated_state, name: str, status: int):
    session = reading_the_second_section([installed_brief()], isolated_state)
    try:
        before = len(session.output)
        os.kill(session.process.pid, getattr(signal, name))
        assert session.wait() == status
        assert_restored(session.output[before:])
    finally:
        session.close()
    assert saved_heading(isolated_state) == "Context & Background"


def test_brief_leaves_when_its_terminal_goes_away(isolated_state):
    """A brief left behind by a closed terminal spun on end-of-file forever. No SIGHUP comes here (the
    pty is not brief's controlling terminal), so brief must see the hang-up itself: it leaves as
    SIGHUP makes it, with 129 and its position saved."""
    session = reading_the_second_section([installed_brief()], isolated_state)
    try:
        session.hang_up()
        assert session.wait(timeout=5) == 129
    finally:
        session.close()
    assert saved_heading(isolated_state) == "Context & Background"


STUCK_EXIT = """
import asyncio, sys
from tui.ui.app import BriefApp

async def never_handled(self):  # the exit's message waits for ever: Textual never leaves its loop
    await asyncio.Event().wait()

BriefApp._on_exit_app = never_handled
from tui.cli import main
sys.argv[0] = "brief"
sys.exit(main())
"""
"""brief whose exit never finishes, as seen under load: the interface stays in its modes, the input
thread reads on, Textual's timers do nothing."""


def stuck_brief(state: Path) -> PtySession:
    return reading_the_second_section([sys.executable, "-c", STUCK_EXIT], state)


def test_an_exit_that_never_finishes_still_ends_brief_with_the_terminal_restored(isolated_state):
    """Textual stops its timers once an exit is asked for, and waits for every widget to close: one
    that never did left brief running for good. The watchdog gives the exit GRACE seconds."""
    session = stuck_brief(isolated_state)
    try:
        before = len(session.output)
        asked = time.monotonic()
        session.send(b"q")
        assert session.wait(timeout=GRACE + 10) == 0
        assert time.monotonic() - asked > GRACE - 1  # the exit was stuck: the watchdog ended it
        assert_restored(session.output[before:])  # Textual never stopped its driver: the watchdog did
        modes = termios.tcgetattr(session.master)[3]
        assert modes & termios.ICANON and modes & termios.ECHO  # the terminal's own settings back
    finally:
        session.close()
    assert saved_heading(isolated_state) == "Context & Background"


def test_a_terminal_gone_ends_brief_even_when_its_exit_never_finishes(isolated_state):
    """The case seen: the terminal closed, and the exit its hang-up asked for never finished."""
    session = stuck_brief(isolated_state)
    try:
        session.hang_up()
        assert session.wait(timeout=GRACE + 10) == 129
    finally:
        session.close()
    assert saved_heading(isolated_state) == "Context & Background"


def test_killing_its_tmux_session_ends_brief(isolated_state):
    """The case seen: the tmux session killed while brief reads in it."""
    require("tmux")
    tmux = Tmux(80, 24)
    try:
        tmux.start(installed_brief(), terminal_env(str(isolated_state)))
        tmux.wait_for(lambda lines: "q Quit" in "\n".join(lines))
        shell = int(tmux.tmux("list-panes", "-F", "#{pane_pid}").split()[0])
        (brief,) = (int(pid) for pid in Path(f"/proc/{shell}/task/{shell}/children").read_text().split())
        tmux.send("]", "]")
        tmux.wait_for(lambda lines: "§ 2/7 Context & Background" in "\n".join(lines))  # the status line
        tmux.tmux("kill-session")
        deadline = time.monotonic() + 5
        while Path(f"/proc/{brief}").exists() and "zombie" not in _state(brief) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not Path(f"/proc/{brief}").exists() or "zombie" in _state(brief), "brief outlived its terminal"
    finally:
        tmux.close()
    assert saved_heading(isolated_state) == "Context & Background"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split("\n", 1)[0]
    except (OSError, IndexError):
        return "gone"


SIGWINCH = 1 << (signal.SIGWINCH - 1)


def threads(pid: int) -> dict[str, tuple[int, str]]:
    """Each thread's mask of blocked signals (`SigBlk`) and where in the kernel it waits (`wchan`)."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        status = dict(line.split(":\t", 1) for line in (task / "status").read_text().splitlines() if ":\t" in line)
        found[task.name] = (int(status["SigBlk"], 16), (task / "wchan").read_text())
    return found


def test_no_thread_takes_sigwinch_in_a_handler(isolated_state):
    """A flood of SIGWINCH through CPython's handler deadlocked brief about 1 run in 25 (its wakeup
    socket full, a warning queued under a lock the handler itself then waited on). Every thread
    blocks it, and one thread takes it with `sigwait` (which unblocks it only while it waits)."""
    if not Path("/proc/self/task").exists():
        missing("no /proc to read the threads' signal masks from")
    session = PtySession([installed_brief()], pty_env(isolated_state))
    try:
        session.read_until(b"Quit")
        session.drain(0.3)
        found = threads(session.process.pid)
        waiting = [tid for tid, (_, wchan) in found.items() if "sigtimedwait" in wchan]
        shown = {tid: (hex(mask), wchan) for tid, (mask, wchan) in found.items()}
        assert len(found) >= 4 and len(waiting) == 1, shown  # main, Textual's input and output, the waiter
        assert all(mask & SIGWINCH for tid, (mask, _) in found.items() if tid not in waiting), shown
        session.send(b"q")
        assert session.wait() == 0
    finally:
        session.close()



def test_a_stray_sigcont_starts_nothing_and_q_still_quits(isolated_state):
    """Textual's driver took the terminal again on any SIGCONT, starting a second input thread that
    kept a quitting brief alive (tmux sends SIGCONT after SIGHUP when it is killed). Only `fg` after
    brief's own Ctrl+Z resumes it (tests/e2e/test_suspend.py)."""
    session = PtySession([installed_brief()], pty_env(isolated_state))
    try:
        session.read_until(b"Quit")
        session.drain(0.3)
        before = len(threads(session.process.pid))
        os.kill(session.process.pid, signal.SIGCONT)
        session.drain(0.5)
        assert len(threads(session.process.pid)) == before
        session.send(b"q")
        assert session.wait(timeout=10) == 0
    finally:
        session.close()

@pytest.mark.parametrize("run", range(10))
def test_a_flood_of_resizes_is_survived(isolated_state, run: int):
    session = PtySession([installed_brief()], pty_env(isolated_state))
    try:
        session.read_until(b"Quit")
        for _ in range(5000):
            os.kill(session.process.pid, signal.SIGWINCH)
        session.drain(0.5)
        assert session.process.poll() is None, session.output[-2000:]
        # The last size wins: the footer is drawn on row 30 of the new size.
        session.resize(100, 30)
        os.kill(session.process.pid, signal.SIGWINCH)  # the pty is not its controlling terminal
        session.read_until(b"\x1b[30;1H")
        session.send(b"q")
        assert session.wait() == 0
        assert b"Traceback" not in session.output and b"RecursionError" not in session.output
    finally:
        session.close()


def everything_shown(tmux: Tmux) -> str:
    return tmux.tmux("capture-pane", "-p", "-S", "-300")


@pytest.fixture
def small_terminal(isolated_state):
    require("tmux")
    terminal = Tmux(100, 30)
    yield terminal
    terminal.close()


def test_every_screen_down_to_1x1(small_terminal: Tmux, isolated_state):
    """The bookmark list opened at 100x30 then shrunk to 6x6 crashed in an OptionList; at each size
    brief draws its screens or one line saying the terminal is too small, and quits with 0."""
    tmux = small_terminal
    tmux.start(installed_brief(), terminal_env(str(isolated_state)))
    tmux.wait_for(lambda lines: "Quit" in "\n".join(lines))
    tmux.send("4", "m", "'")  # a bookmark, and the bookmark list open
    tmux.wait_for(lambda lines: "Bookmarks" in "\n".join(lines))
    for width, height in [(6, 6), (8, 5), (1, 1), (30, 8), (3, 40), (100, 30), (12, 3)]:
        tmux.tmux("resize-window", "-x", str(width), "-y", str(height))
        time.sleep(0.4)
        shown = everything_shown(tmux)
        assert "brief exited" not in shown and "Traceback" not in shown, f"at {width}x{height}:\n{shown}"
        if width >= 20 and height >= 6:
            assert "too small" not in "\n".join(tmux.screen())
    tmux.tmux("resize-window", "-x", "100", "-y", "30")
    tmux.wait_for(lambda lines: "Bookmarks" in "\n".join(lines))
    for keys in (["Escape"], ["?"], ["Escape", "C-p"], ["Escape", "t", "s"]):
        tmux.send(*keys)
        tmux.tmux("resize-window", "-x", "5", "-y", "4")
        time.sleep(0.3)
        tmux.tmux("resize-window", "-x", "100", "-y", "30")
        time.sleep(0.3)
    for key in ("Escape", "Escape", "C-q"):
        tmux.send(key)
        time.sleep(0.3)
    lines = tmux.wait_for(lambda lines: any("brief exited" in line for line in lines))
    assert "Traceback" not in everything_shown(tmux)
    assert any(line.strip() == "brief exited 0" for line in lines)


@pytest.mark.parametrize("size", [(1, 1), (8, 5), (19, 30)], ids=str)
def test_starting_in_a_tiny_terminal(isolated_state, size: tuple[int, int]):
    require("tmux")
    tmux = Tmux(*size)
    try:
        tmux.start(installed_brief(), terminal_env(str(isolated_state)))
        if size[0] >= 18:
            tmux.wait_for(lambda lines: any("terminal too small" in line for line in lines))
        else:
            time.sleep(2)
        tmux.tmux("resize-window", "-x", "80", "-y", "24")
        tmux.wait_for(lambda lines: "q Quit" in "\n".join(lines))  # the reader is back at a usable size
        for key in ("Escape", "Escape", "C-q"):  # one at a time: two Escapes at once read as Alt+Escape
            tmux.send(key)
            time.sleep(0.3)
        # The shell's line may wrap at the old width: read the screen as one string.
        lines = tmux.wait_for(lambda lines: "brief exited" in "".join(lines))
        assert "Traceback" not in everything_shown(tmux)
        assert "brief exited 0" in "".join(lines)
    finally:
        tmux.close()


def test_keys_in_a_burst_after_slash_go_to_the_search_bar(isolated_state):
    """`/quick` sent at once quit brief, and `m` in it added a bookmark (8 of 8 runs before the fix)."""
    require("tmux")
    for _ in range(5):
        tmux = Tmux(80, 24)
        try:
            tmux.start(installed_brief(), terminal_env(str(isolated_state)))
            tmux.wait_for(lambda lines: "q Quit" in "\n".join(lines))
            tmux.send("/", "q", "u", "i", "c", "k", "m")
            tmux.wait_for(lambda lines: any("quickm" in line for line in lines) and "matches" in "\n".join(lines))
            assert "brief exited" not in "\n".join(tmux.screen())
            tmux.send("Escape")
            time.sleep(0.3)
            tmux.send("C-q")
            tmux.wait_for(lambda lines: any("brief exited 0" in line for line in lines))
        finally:
            tmux.close()
        state = isolated_state / "state.json"
        if state.exists():
            assert all(not a["bookmarks"] for a in json.loads(state.read_text())["articles"].values())
