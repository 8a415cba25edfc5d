"""What a test needs from the machine (a program, not being root): missing, it skips locally and
fails under CI=true, where the environment is expected to provide it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import missing

NOBODY = 65534


def require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        missing(f"{program} is not installed")
    return found


def as_unprivileged(argv: list[str]) -> list[str]:
    """`argv` run as a user without root's power to read anything: setpriv to nobody when root."""
    if os.geteuid() != 0:
        return argv
    setpriv = require("setpriv")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *argv]


@contextmanager
def open_folder() -> Iterator[Path]:
    """A temporary folder another user can enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="brief-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for root, folders, _ in os.walk(folder):
            for name in folders:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder, ignore_errors=True)
