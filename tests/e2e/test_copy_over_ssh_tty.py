"""Over SSH, `y` sends the takeaways to the user's own terminal as an OSC 52 escape."""

from __future__ import annotations

import base64
import os
import re

import pytest

from tests.e2e.pty_terminal import PtySession
from tests.e2e.tmux import installed_brief
from tests.seed_expectations import SEED_TAKEAWAYS_MARKDOWN

pytestmark = pytest.mark.slow

OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07")


def test_y_over_ssh_writes_osc52_with_the_six_takeaways(isolated_state):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "SSH_TTY": "/dev/pts/7",
        "SSH_CONNECTION": "127.0.0.1 50000 127.0.0.1 22",
        "BRIEF_STATE_DIR": str(isolated_state),
    }
    session = PtySession([installed_brief()], env)
    try:
        session.read_until(b"Quit")
        session.drain()
        session.send(b"y")
        output = session.read_until(b"Sent 6 takeaways")
        payloads = [base64.b64decode(p).decode("utf-8") for p in OSC52.findall(output)]
        assert payloads == [SEED_TAKEAWAYS_MARKDOWN]
        session.send(b"q")
        assert session.wait() == 0
    finally:
        session.close()
