"""A throwaway OpenSSH server on 127.0.0.1, for reading brief over a real SSH connection."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import missing

SSHD = "/usr/sbin/sshd"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SshServer:
    """sshd -D with its own config, host key and authorised user key; listens on loopback only."""

    def __init__(self, directory: Path) -> None:
        if not Path(SSHD).exists() or shutil.which("ssh") is None:
            missing("OpenSSH server or client is not installed (CI installs them: see .ci/run)")
        self.directory = directory
        self.port = free_port()
        self.user = getpass.getuser()
        self.host_key = directory / "host_key"
        self.user_key = directory / "user_key"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        for key in (self.host_key, self.user_key):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
        (self.directory / "authorized_keys").write_text(self.user_key.with_suffix(".pub").read_text())
        config = self.directory / "sshd_config"
        config.write_text(
            f"Port {self.port}\n"
            "ListenAddress 127.0.0.1\n"
            f"HostKey {self.host_key}\n"
            f"AuthorizedKeysFile {self.directory / 'authorized_keys'}\n"
            f"PidFile {self.directory / 'sshd.pid'}\n"
            "UsePAM no\n"
            "StrictModes no\n"
            "PasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\n"
            "PubkeyAuthentication yes\n"
            "PermitRootLogin prohibit-password\n"
            "PrintMotd no\n"
        )
        if os.geteuid() == 0:
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        self.process = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"sshd exited: {self.process.stderr.read().decode(errors='replace') if self.process.stderr else ''}"
                )
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        pytest.fail("sshd did not start listening")

    def client_command(self, remote_command: str) -> str:
        """The ssh command line (with a terminal forced, as a user's interactive login has)."""
        options = [
            "-tt", "-F", "/dev/null", "-p", str(self.port), "-i", str(self.user_key),
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
            "-o", f"UserKnownHostsFile={self.directory / 'known_hosts'}", "-o", "LogLevel=ERROR",
        ]  # fmt: skip
        quoted = "'" + remote_command.replace("'", "'\\''") + "'"
        return " ".join(["ssh", *options, f"{self.user}@127.0.0.1", quoted])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
