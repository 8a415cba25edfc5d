"""Ctrl+Z, then `fg` in the shell: brief draws its whole screen again without waiting for a key."""

from __future__ import annotations

import time

import pytest

from tests.e2e.test_terminal import reading_pane_top
from tests.e2e.tmux import Tmux, installed_brief, terminal_env

pytestmark = pytest.mark.slow


@pytest.fixture
def terminal():
    tmux = Tmux(80, 24)
    yield tmux
    tmux.close()


def whole_screen(lines: list[str]) -> bool:
    """The reading pane, the status line and the key bar are all drawn."""
    return (
        reading_pane_top(lines).startswith("The Diplomatic Gauntlet")
        and lines[22].strip().startswith("Opening")
        and "q Quit" in lines[23]
    )


def stopped_in_a_shell(terminal, isolated_state) -> None:
    """brief started from an interactive shell (so that Ctrl+Z stops it and `fg` brings it back), then stopped."""
    terminal.start("bash --norc --noprofile -i", {**terminal_env(str(isolated_state)), "PS1": "$ "})
    terminal.wait_for(lambda lines: any(line.startswith("$") for line in lines))
    terminal.send(f"{installed_brief()}", "Enter")
    terminal.wait_for(whole_screen)
    terminal.send("C-z")
    terminal.wait_for(lambda lines: any("Stopped" in line for line in lines))


def test_fg_after_ctrl_z_redraws_the_whole_screen(terminal, isolated_state):
    stopped_in_a_shell(terminal, isolated_state)
    terminal.send("clear", "Enter")
    terminal.wait_for(lambda lines: not any("Stopped" in line for line in lines))
    terminal.send("fg", "Enter")
    terminal.wait_for(whole_screen, timeout=10)


def test_ctrl_l_redraws_a_screen_another_program_wrote_over(terminal, isolated_state):
    terminal.start(installed_brief(), terminal_env(str(isolated_state)))
    terminal.wait_for(whole_screen)
    # Another program (a `wall` message, a background job) writes to the terminal: here, a clear.
    # Written once brief is still: a frame still on its way (under load) would paint over the clear.
    tty = terminal.tmux("display-message", "-p", "#{pane_tty}").strip()
    for _ in range(5):
        before = terminal.screen()
        time.sleep(1.0)
        if terminal.screen() != before:
            continue
        with open(tty, "w") as stray:
            stray.write("\x1b[2J")
        time.sleep(0.5)
        if not whole_screen(terminal.screen()):
            break
    assert not whole_screen(terminal.screen()), "the stray clear did not reach the screen"
    terminal.send("C-l")
    terminal.wait_for(whole_screen, timeout=10)


def test_a_window_resized_while_stopped_is_drawn_at_its_new_size(terminal, isolated_state):
    """SIGWINCH is taken by a thread of brief's (not a handler): it must still arrive after Ctrl+Z."""
    stopped_in_a_shell(terminal, isolated_state)
    terminal.tmux("resize-window", "-x", "100", "-y", "30")
    terminal.send("fg", "Enter")
    terminal.wait_for(lambda lines: len(lines) >= 30 and "q Quit" in lines[29], timeout=10)
    terminal.tmux("resize-window", "-x", "80", "-y", "24")
    terminal.wait_for(whole_screen, timeout=10)
