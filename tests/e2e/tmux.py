"""Drive a real terminal: the installed `brief` in a tmux session of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import missing


def installed_brief() -> str:
    """The `brief` console script installed beside this Python (what a user runs)."""
    candidate = Path(sys.executable).with_name("brief")
    found = str(candidate) if candidate.exists() else shutil.which("brief")
    if found is None:
        pytest.fail("the brief command is not installed: run pip install -e '.[test]'")
    return found


class Tmux:
    """One tmux server on a private socket, with one window running a command."""

    def __init__(self, width: int, height: int) -> None:
        if shutil.which("tmux") is None:
            missing("tmux is not installed (CI installs it: see .ci/run)")
        self.socket = f"brief-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)
        return result.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        self.tmux(
            "new-session", "-d", "-x", str(self.width), "-y", str(self.height),
            # COLUMNS and LINES (pytest sets them) would override the real size of the window.
            f"env -u COLUMNS -u LINES {exports} {command}; echo \"brief exited $?\"; sleep 60",
        )  # fmt: skip

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p").split("\n")

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def wait_for(self, condition, timeout: float = 20.0) -> list[str]:
        """Poll the screen until `condition(lines)` holds; fail with the screen shown otherwise."""
        deadline = time.monotonic() + timeout
        lines = self.screen()
        while time.monotonic() < deadline:
            lines = self.screen()
            if condition(lines):
                return lines
            time.sleep(0.1)
        pytest.fail("timed out; the screen was:\n" + "\n".join(lines))

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


def _quote(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"


def terminal_env(state_dir: str) -> dict[str, str]:
    """A plain 256-colour terminal, brief's state in the test's folder."""
    return {
        "TERM": "xterm-256color",
        "BRIEF_STATE_DIR": state_dir,
        "HOME": os.environ.get("HOME", "/tmp"),
        "PATH": os.environ.get("PATH", ""),
        "LANG": "C.UTF-8",
    }
