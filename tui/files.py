"""Writing files the user owns: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, *, replace: bool = False) -> None:
    """Write `text` to `path` through a temporary file renamed into place.

    Raises FileExistsError when `path` exists and `replace` is False, so nothing is ever lost.
    """
    path = path.expanduser()
    if path.exists() and not replace:
        raise FileExistsError(str(path))
    if path.is_dir():
        raise IsADirectoryError(str(path))
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            # link() fails if the name was taken meanwhile, where rename() would silently replace it.
            os.link(temporary, path)
            os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
