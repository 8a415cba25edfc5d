"""Writing files the user owns: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, *, replace: bool = False) -> None:
    """Write `text` to `path` through a temporary file renamed into place.

    Raises FileExistsError when `path` exists and `replace` is False, so nothing is ever lost. A
    symbolic link is written through (its target changes, the link stays); the file gets the mode
    a new file would get, or keeps the mode it had.
    """
    path = Path(os.path.realpath(path.expanduser()))
    if path.is_dir():  # first: a folder is never "replaced", so it must not be offered as one
        raise IsADirectoryError(str(path))
    if path.exists() and not replace:
        raise FileExistsError(str(path))
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _new_file_mode()
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if replace:
            os.replace(temporary, path)
        else:
            _place_new(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _place_new(temporary: str, path: Path) -> None:
    """Give `temporary` the name `path`, failing if the name was taken meanwhile."""
    try:
        # link() fails if the name exists, where rename() would silently replace it.
        os.link(temporary, path)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # No hard links here (FAT, some network shares): create the name exclusively, then fill it.
        with open(path, "x", encoding="utf-8") as target, open(temporary, encoding="utf-8") as source:
            target.write(source.read())
    os.unlink(temporary)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
