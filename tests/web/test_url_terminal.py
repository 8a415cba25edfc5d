"""`brief URL` in a real terminal (tmux), against the local test server: the reader shows that it
is fetching, then the article; `q` quits even while a slow server keeps it waiting."""

from __future__ import annotations

import pytest

from tests.e2e.test_terminal import reading_pane_top
from tests.e2e.tmux import Tmux, installed_brief, terminal_env

pytestmark = pytest.mark.slow

VOX = "16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56.html"


@pytest.fixture
def terminal(isolated_state):
    tmux = Tmux(100, 30)
    yield tmux
    tmux.close()


def env(state) -> dict[str, str]:
    return {**terminal_env(str(state)), "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"}


def test_brief_url_reads_the_page_and_quits(terminal, server, isolated_state):
    terminal.start(f"{installed_brief()} {server.url('/corpus/' + VOX)}", env(isolated_state))
    title = "The law that’s helping fuel Delhi’s deadly air pollution"
    lines = terminal.wait_for(
        # No title bar: the title is the reading pane's first line (wrapped at its measure).
        lambda lines: reading_pane_top(lines).startswith(title[:30]) and any("q Quit" in line for line in lines),
        30,
    )
    assert any("1 Why Delhi’s air" in line for line in lines)  # the navigator lists its first heading
    terminal.send("q")
    lines = terminal.wait_for(lambda lines: any("brief exited" in line for line in lines))
    assert any(line.strip() == "brief exited 0" for line in lines)


def test_q_quits_while_a_slow_server_keeps_brief_waiting(terminal, server, isolated_state):
    url = server.url("/slow")
    terminal.start(f"{installed_brief()} --timeout 30 {url}", env(isolated_state))
    terminal.wait_for(lambda lines: any("fetching…" in line for line in lines), 30)
    terminal.send("q")
    # /slow answers after 3 s: brief must be gone well before the page would have come.
    lines = terminal.wait_for(lambda lines: any("brief exited" in line for line in lines), 2.5)
    assert any(line.strip() == "brief exited 0" for line in lines)


def test_a_page_that_cannot_be_fetched_closes_the_reader_with_one_line(terminal, server, isolated_state):
    url = server.url("/missing.html")
    terminal.start(f"{installed_brief()} {url}", env(isolated_state))
    lines = terminal.wait_for(lambda lines: any("brief exited" in line for line in lines), 30)
    shown = [line.strip() for line in lines if line.strip()]
    assert shown[-2:] == [f"brief: {url}: HTTP 404", "brief exited 2"]
