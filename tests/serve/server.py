"""`brief serve` as a test runs it: a subprocess on 127.0.0.1 and a free port, with its state, its
log and its reader processes in view, and the ssh command lines a visitor would type."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import missing
from tests.e2e.sshd import free_port
from tests.e2e.tmux import installed_brief

READY = "Ctrl+C stops"
FINGERPRINT = re.compile(r"host key (SHA256:\S+)")


def require(*tools: str) -> None:
    """Skip without the tools, except under CI, where a missing tool is a failure (.ci/run installs them)."""
    absent = [tool for tool in tools if shutil.which(tool) is None]
    if absent:
        missing(f"{', '.join(absent)} not installed (CI installs them: see .ci/run)")


def make_key(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)
    return path


class Served:
    """One `brief serve` process; `log` holds its stderr lines as they arrive."""

    def __init__(
        self, directory: Path, served: list[Path], *options: str, state: Path | None = None, env: dict | None = None
    ) -> None:
        self.directory = directory
        self.env = env or {}
        self.state = state or directory / "server-state"
        self.port = free_port()
        self.command = [
            installed_brief(), "serve", *map(str, served), "--port", str(self.port), *options,
        ]  # fmt: skip
        self.log: list[str] = []
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> Served:
        env = {**os.environ, "BRIEF_STATE_DIR": str(self.state), **self.env}
        self.process = subprocess.Popen(self.command, env=env, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._collect, daemon=True).start()
        self.wait_for_log(lambda line: READY in line, timeout=20)
        return self

    def _collect(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line.rstrip("\n"))

    def wait_for_log(self, condition, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.log):
                if condition(line):
                    return line
            if self.process is not None and self.process.poll() is not None and not self.log:
                break
            time.sleep(0.05)
        pytest.fail("brief serve did not log it; its log:\n" + "\n".join(self.log))

    @property
    def fingerprint(self) -> str:
        match = FINGERPRINT.search(self.wait_for_log(lambda line: FINGERPRINT.search(line) is not None))
        assert match is not None
        return match.group(1)

    def readers(self) -> list[int]:
        """Every process descended from the server (readers and anything they started)."""
        assert self.process is not None
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                fields = stat.rpartition(")")[2].split()
                if fields[0] != "Z":  # a reaped-to-be zombie holds nothing
                    parents[int(entry.name)] = int(fields[1])
        found, frontier = [], [self.process.pid]
        while frontier:
            parent = frontier.pop()
            children = [pid for pid, ppid in parents.items() if ppid == parent]
            found += children
            frontier += children
        return found

    def open_terminals(self) -> int:
        """Pseudo-terminal masters the server holds open."""
        assert self.process is not None
        fds = Path(f"/proc/{self.process.pid}/fd")
        count = 0
        for fd in fds.iterdir():
            try:
                count += os.readlink(fd) == "/dev/ptmx"
            except OSError:
                continue
        return count

    def ssh(self, key: Path, *arguments: str) -> list[str]:
        """The ssh command line of a visitor with `key` (a fresh known_hosts, no user config)."""
        return [
            "ssh", "-F", "/dev/null", "-p", str(self.port), "-i", str(key),
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "IdentitiesOnly=yes",
            "-o", f"UserKnownHostsFile={self.directory / 'known_hosts'}", "-o", "LogLevel=ERROR",
            *arguments, "visitor@127.0.0.1",
        ]  # fmt: skip

    def stop(self) -> int:
        """Ctrl+C, as the person serving would; the exit status."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode


def wait_until(condition, timeout: float, what: str) -> float:
    """Poll `condition` until it holds; the seconds it took. Fails with `what` otherwise."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.02)
    pytest.fail(f"{what} within {timeout} s")
