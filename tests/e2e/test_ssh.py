"""brief over a real SSH connection, in tmux at 80x24: readable, moves, and `y` reaches the
user's terminal as OSC 52 (tmux, with set-clipboard on, takes it into its paste buffer)."""

from __future__ import annotations

import pytest

from tests.e2e.sshd import SshServer
from tests.e2e.test_terminal import reading_pane_top
from tests.e2e.tmux import Tmux, installed_brief, terminal_env
from tests.seed_expectations import SEED_TAKEAWAYS_MARKDOWN

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path):
    ssh_server = SshServer(tmp_path)
    ssh_server.start()
    yield ssh_server
    ssh_server.stop()


@pytest.fixture
def terminal():
    tmux = Tmux(80, 24)
    yield tmux
    tmux.close()


def test_brief_over_ssh_reads_moves_and_copies(server, terminal, isolated_state):
    remote = f"env TERM=xterm-256color LANG=C.UTF-8 BRIEF_STATE_DIR={isolated_state} {installed_brief()}"
    terminal.start(server.client_command(remote), terminal_env(str(isolated_state)))
    terminal.tmux("set-option", "-s", "set-clipboard", "on")
    terminal.wait_for(
        lambda lines: reading_pane_top(lines).startswith("The Diplomatic Gauntlet") and "q Quit" in lines[23]
    )
    assert "As the world watches" in "\n".join(terminal.screen())
    terminal.send("]")
    terminal.wait_for(lambda lines: reading_pane_top(lines) == "Introduction")
    terminal.send("y")
    # The notice wraps in its box ("Sent 6 takeaways (terminal" / "clipboard, OSC 52)"): its start is enough.
    terminal.wait_for(lambda lines: any("Sent 6 takeaways (terminal" in line for line in lines))
    assert terminal.tmux("show-buffer") == SEED_TAKEAWAYS_MARKDOWN
    terminal.send("q")
    lines = terminal.wait_for(lambda lines: any("brief exited" in line for line in lines))
    assert any(line.strip() == "brief exited 0" for line in lines)
