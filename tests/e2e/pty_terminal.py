"""Run the installed `brief` on a pseudo-terminal and keep every byte it writes."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time

import pytest


class PtySession:
    """A child process on a pty of a given size; `output` holds everything it wrote."""

    def __init__(self, argv: list[str], env: dict[str, str], width: int = 80, height: int = 24) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.output = b""

    def read_until(self, needle: bytes, timeout: float = 20.0) -> bytes:
        """Read until `needle` has been written (fail with the tail of the output otherwise)."""
        deadline = time.monotonic() + timeout
        while needle not in self.output:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"timed out waiting for {needle!r}; last output: {self.output[-600:]!r}")
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.2))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk and self.process.poll() is not None:
                    pytest.fail(f"brief exited ({self.process.returncode}) before writing {needle!r}")
                self.output += chunk
        return self.output

    def drain(self, seconds: float = 0.3) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    return

    def resize(self, width: int, height: int) -> None:
        """Give the terminal a new size (the child is told by a SIGWINCH the caller sends)."""
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def hang_up(self) -> None:
        """Close the terminal's side, as a closed window does; the child keeps its side."""
        os.close(self.master)
        self.master = -1

    def wait(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            if self.master < 0:
                time.sleep(0.05)
            else:
                self.drain(0.1)
        if self.process.poll() is None:
            pytest.fail("brief did not exit")
        return self.process.returncode

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        if self.master >= 0:
            os.close(self.master)
