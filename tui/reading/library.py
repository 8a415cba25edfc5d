"""A folder of articles: which files, and what each one is (title, length, progress, or why it failed)."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tui.model.errors import failure_reason
from tui.parse import DEFAULT_MAX_SIZE, read_path
from tui.parse.sanitize import printable
from tui.platform.state import ArticleState
from tui.reading.layout import Document
from tui.reading.position import minutes_for, percent_read

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub"})
MAX_FILES = 1000
"""Files listed at most; a larger folder says how many were left out."""


@dataclass(frozen=True)
class Entry:
    """One file of the library: what it holds, or the one-line reason it could not be read."""

    path: Path
    relative: str
    title: str | None = None
    words: int = 0
    percent: int | None = None
    error: str | None = None

    @property
    def minutes(self) -> int:
        return max(1, minutes_for(self.words)) if self.words else 0


def display_path(path: Path, folder: Path) -> str:
    """`path` below `folder`, as shown: file names are outside text, so escape sequences are removed."""
    return printable(str(path.relative_to(folder)))


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, every symbolic link followed, is within `folder` (also resolved)."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def find_articles(folder: Path, limit: int = MAX_FILES, *, confined: bool = False) -> tuple[list[Path], bool]:
    """The articles (`.txt`, `.md`, `.html`, `.epub`…) under `folder`, sorted, skipping hidden folders;
    True if cut at `limit`.

    Linked folders are never entered; `confined` also leaves out linked files that point outside `folder`.
    Only regular files (after following symbolic links): a pipe would make the library wait for a
    writer that never comes, and a device such as `/dev/zero` never ends.
    """
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if confined and not inside(path, folder):
                continue
            if not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES and _is_regular(path):
                found.append(path)
                if len(found) >= limit:
                    return found, True
    return found, False


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:  # a broken link, or a name too long to look up: nothing to read
        return False


def describe(
    path: Path, folder: Path, remembered: Mapping[str, ArticleState], max_size: int = DEFAULT_MAX_SIZE
) -> Entry:
    """Parse one file for its library line; never raises for a bad file. `remembered` is the state
    file read once for the whole listing (`StateStore.articles`), not once a file."""
    relative = display_path(path, folder)
    try:
        # A file replaced by a pipe since it was listed is refused, not waited on.
        article = read_path(path, max_size=max_size, pipes=False).parse()
        document = Document(article)
        percent = None
        if article.digest is not None:
            state = remembered.get(article.digest)
            if state is not None and state.position is not None:
                percent = percent_read(document, state.position.unit)
    except Exception as error:
        # The one broad catch outside the command line (STYLE.md 9), for the same reason: a folder
        # is an edge. A bug of brief's on one file is that file's line; the others are still listed.
        return Entry(path, relative, error=failure_reason(error))
    return Entry(path, relative, article.title, document.word_count, percent)
