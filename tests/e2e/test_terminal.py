"""The installed `brief` in a real 80x24 terminal: opens, moves by section, quits with status 0."""

from __future__ import annotations

import pytest

from tests.e2e.tmux import Tmux, installed_brief, terminal_env

pytestmark = pytest.mark.slow


def reading_pane_top(lines: list[str]) -> str:
    """The first row of the reading pane: the screen's first row, right of the navigator's edge and
    of the pane's own mark of focus (▌)."""
    row = lines[0]
    edge = row.find("▕")
    return (row[edge + 1 :] if edge >= 0 else row).strip().removeprefix("▌").strip()


@pytest.fixture
def terminal(isolated_state):
    tmux = Tmux(80, 24)
    yield tmux
    tmux.close()


def test_installed_brief_reads_moves_and_quits(terminal, isolated_state):
    terminal.start(installed_brief(), terminal_env(str(isolated_state)))
    # The footer is drawn last: once it shows, brief is taking keys.
    terminal.wait_for(
        lambda lines: reading_pane_top(lines).startswith("The Diplomatic Gauntlet") and "q Quit" in lines[23]
    )
    assert reading_pane_top(terminal.screen()).startswith("The Diplomatic Gauntlet")
    terminal.send("]")
    terminal.wait_for(lambda lines: reading_pane_top(lines) == "Introduction")
    terminal.send("]")
    terminal.wait_for(lambda lines: reading_pane_top(lines) == "Context & Background")
    terminal.send("q")
    lines = terminal.wait_for(lambda lines: any("brief exited" in line for line in lines))
    assert any(line.strip() == "brief exited 0" for line in lines)
