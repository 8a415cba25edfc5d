"""The exit watchdog (tui/ui/watchdog.py): an exit that does not finish still ends brief."""

from __future__ import annotations

import threading
from collections.abc import Callable

from tui.ui.watchdog import ExitWatchdog


class Ending:
    """Stands in for `os._exit` and the terminal's restoring: records what happened, in order."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.done = threading.Event()

    def restore(self) -> None:
        self.calls.append("restore")

    def end(self, status: int) -> None:
        self.calls.append(f"end {status}")
        self.done.set()

    def watchdog(self, grace: float, restore: Callable[[], object] | None = None) -> ExitWatchdog:
        """A watchdog that restores (by default) and ends through this stand-in."""
        return ExitWatchdog(restore or self.restore, grace=grace, end=self.end)


def test_an_exit_that_does_not_finish_restores_the_terminal_then_ends_with_its_status():
    ending = Ending()
    watchdog = ending.watchdog(0.05)
    watchdog.arm(129)
    assert ending.done.wait(5)
    assert ending.calls == ["restore", "end 129"]


def test_a_second_exit_keeps_the_first_ones_status():
    ending = Ending()
    watchdog = ending.watchdog(0.1)
    watchdog.arm(0)
    watchdog.arm(143)  # SIGTERM on the exit that is stuck
    assert ending.done.wait(5)
    assert ending.calls == ["restore", "end 0"]


def test_an_exit_that_finishes_ends_nothing():
    ending = Ending()
    watchdog = ending.watchdog(0.1)
    watchdog.arm(0)
    watchdog.left()
    assert not ending.done.wait(0.4)
    assert ending.calls == []


def test_nothing_is_armed_once_the_app_has_left():
    ending = Ending()
    watchdog = ending.watchdog(0.01)
    watchdog.left()
    watchdog.arm(0)  # an exit asked for while Python winds down, after the app's run
    assert not watchdog.armed
    assert not ending.done.wait(0.2)


def test_a_failing_restore_still_ends_the_process():
    ending = Ending()

    def broken() -> None:
        raise OSError("the terminal is gone")

    ending.watchdog(0.01, broken).arm(129)
    assert ending.done.wait(5)
    assert ending.calls == ["end 129"]


def test_a_restore_that_blocks_still_ends_the_process(monkeypatch):
    """A stalled terminal (an SSH link frozen, not dropped) blocks a write for good."""
    from tui.ui import watchdog

    monkeypatch.setattr(watchdog, "RESTORE_TIME", 0.05)
    ending = Ending()
    never = threading.Event()
    ending.watchdog(0.01, never.wait).arm(129)
    assert ending.done.wait(5)
    assert ending.calls == ["end 129"]
    never.set()
