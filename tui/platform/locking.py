"""An exclusive lock on an open file, on POSIX and on Windows alike.

Imported modules differ by platform (`fcntl` exists only on POSIX, `msvcrt` only on Windows), so each
is imported where it is used: brief must start on both.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO


@contextmanager
def exclusive(handle: BinaryIO) -> Iterator[None]:
    """Hold an exclusive lock on `handle` (a file opened for writing) for the `with` block; other
    processes wait for it."""
    if os.name == "nt":
        _lock_windows(handle)
        try:
            yield
        finally:
            _unlock_windows(handle)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _lock_windows(handle: BinaryIO) -> None:
    import msvcrt

    while True:
        handle.seek(0)  # msvcrt locks bytes from the current position: always the first one
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            return
        except OSError:
            continue  # LK_LOCK gives up after ten one-second tries; the other brief is still writing


def _unlock_windows(handle: BinaryIO) -> None:
    import msvcrt

    handle.seek(0)
    msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
