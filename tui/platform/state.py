"""What brief remembers between runs: where you were in each article, your bookmarks and highlights.

Small versioned JSON in the platform's state directory (`BRIEF_STATE_DIR` overrides it), read and
written under a lock so two brief processes never corrupt it, written atomically (temp file and
rename). A file that cannot be read is moved aside, reported, and replaced by an empty state.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

VERSION = 1
STATE_FILE = "state.json"
MAX_ARTICLES = 500
"""Articles remembered; the least recently opened are forgotten first."""


def state_dir() -> Path:
    override = os.environ.get("BRIEF_STATE_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_state_dir("brief"))


@dataclass(frozen=True)
class Spot:
    """A place in an article that survives re-wrapping: a unit and a character offset in it.

    `heading` is kept so a changed article can still be resumed at the same section.
    """

    unit: int
    offset: int = 0
    heading: str | None = None
    excerpt: str = ""


@dataclass(frozen=True)
class Highlight:
    """Words the reader highlighted: `text` was `units[unit].text[start:end]`, under `heading`.

    The text itself is the anchor: after the file changes, it is looked for again (see
    `tui.reading.highlights`), so a highlight lives as long as its words do."""

    unit: int
    start: int
    end: int
    text: str
    heading: str | None = None


@dataclass
class ArticleState:
    """What is remembered of one article."""

    title: str
    source: str | None = None
    position: Spot | None = None
    bookmarks: list[Spot] = field(default_factory=list)
    opened: float = 0.0
    highlights: list[Highlight] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleState:
        position = data.get("position")
        return cls(
            title=str(data.get("title", "")),
            source=data.get("source"),
            position=_spot(position) if isinstance(position, dict) else None,
            bookmarks=[_spot(spot) for spot in data.get("bookmarks", []) if isinstance(spot, dict)],
            opened=float(data.get("opened", 0.0)),
            highlights=_highlights(data.get("highlights")),
        )


_SPOT_FIELDS = frozenset(Spot.__dataclass_fields__)


def _spot(data: dict[str, Any]) -> Spot:
    """A spot from JSON, ignoring keys a newer brief may have added."""
    return Spot(**{key: value for key, value in data.items() if key in _SPOT_FIELDS})


def _highlights(data: Any) -> list[Highlight]:
    """Highlights from JSON: a file without them (older brief) has none, and a malformed one is
    dropped alone rather than costing the article's whole state."""
    kept: list[Highlight] = []
    for entry in data if isinstance(data, list) else []:
        with contextlib.suppress(AttributeError, KeyError, TypeError, ValueError):
            heading = entry.get("heading")
            kept.append(
                Highlight(
                    int(entry["unit"]),
                    int(entry["start"]),
                    int(entry["end"]),
                    str(entry["text"]),
                    heading if isinstance(heading, str) else None,
                )
            )
    return kept


class StateError(Exception):
    """The state file was unreadable; it has been moved aside (the message says where)."""


class StateStore:
    """The state file: load, update under a lock, forget."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or state_dir()
        self.path = self.directory / STATE_FILE
        self.warning: str | None = None
        """Set when a corrupt file was moved aside, for the app to show once."""

    def get(self, digest: str, source: str | None = None) -> tuple[ArticleState | None, bool]:
        """The state of an article by its text's digest, else by its path (then `exact` is False)."""
        with self._locked():
            articles = self._read()
        if digest in articles:
            return articles[digest], True
        if source is not None:
            same_path = [state for state in articles.values() if state.source == source]
            if same_path:
                return max(same_path, key=lambda state: state.opened), False
        return None, False

    def update(self, digest: str, change: Callable[[ArticleState | None], ArticleState | None]) -> None:
        """Read, change one article's state (None removes it), and write back, all under the lock."""
        with self._locked():
            articles = self._read()
            changed = change(articles.get(digest))
            if changed is None:
                articles.pop(digest, None)
            else:
                articles[digest] = changed
            self._write(articles)

    def forget(self, digest: str | None = None, source: str | None = None) -> int:
        """Forget one article (by digest or path), or everything; returns how many were forgotten."""
        with self._locked():
            articles = self._read()
            if digest is None and source is None:
                doomed = list(articles)
            else:
                doomed = [key for key, kept in articles.items() if key == digest or (source and kept.source == source)]
            for key in doomed:
                del articles[key]
            self._write(articles)
        return len(doomed)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / "state.lock", "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> dict[str, ArticleState]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:
            self._set_aside(f"cannot read it ({error.strerror})")
            return {}
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("version") != VERSION:
                raise ValueError(f"unknown version {data.get('version') if isinstance(data, dict) else None!r}")
            entries = data.get("articles", {})
            if not isinstance(entries, dict):
                raise ValueError("articles is not an object")
        except (ValueError, TypeError, AttributeError) as error:
            self._set_aside(f"it is not valid ({_short(error)})")
            return {}
        articles: dict[str, ArticleState] = {}
        for key, value in entries.items():
            # One unreadable entry costs that article's position, not everyone's.
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                articles[key] = ArticleState.from_json(value)
        return articles

    def _set_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{STATE_FILE}.corrupt-{stamp}")
        number = 1
        while aside.exists():  # never over an earlier copy
            number += 1
            aside = self.path.with_name(f"{STATE_FILE}.corrupt-{stamp}-{number}")
        try:
            os.replace(self.path, aside)
            self.warning = f"Saved state was unreadable: {reason}; moved it to {aside}"
        except OSError:
            self.warning = f"Saved state was unreadable: {reason}"

    def _write(self, articles: dict[str, ArticleState]) -> None:
        if len(articles) > MAX_ARTICLES:
            keep = sorted(articles.items(), key=lambda item: item[1].opened, reverse=True)[:MAX_ARTICLES]
            articles = dict(keep)
        data = {"version": VERSION, "articles": {key: state.to_json() for key, state in articles.items()}}
        descriptor, temporary = tempfile.mkstemp(prefix=".state.", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:80] if str(error) else type(error).__name__
