"""What brief remembers between runs: where you were in each article, your bookmarks and highlights.

Small versioned JSON in the platform's state directory (`BRIEF_STATE_DIR` overrides it), read and
written under a lock so two brief processes never corrupt it, written atomically (temp file and
rename). A file that cannot be read is moved aside, reported, and replaced by an empty state; a
record in it that does not fit is dropped and reported once. A folder that cannot be used at all
leaves brief reading without resume.

Version 2 (this one): a place is a unit index of today's model together with the text found there
(`Spot.excerpt`), and the reader checks one against the other. Version 1 had the same fields, but
its unit indexes count the units of an older model: they are read as hints only, and each place is
found again by its excerpt and heading (`tui.reading.spots.resolve`).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tui.platform.locking import exclusive

VERSION = 2
READABLE_VERSIONS = (1, 2)
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
    """A place in an article that survives re-wrapping: a unit and a character offset in it, and
    the text there (`excerpt`), by which the place is found again when the units have moved.

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
    def from_json(cls, data: Any) -> tuple[ArticleState | None, int]:
        """The state in a record of the file, and how many of its parts did not fit and were
        dropped; None (and 1) when the record itself is not one."""
        if not isinstance(data, dict):
            return None, 1
        title, source, opened = data.get("title", ""), data.get("source"), data.get("opened", 0.0)
        if not isinstance(title, str) or not (source is None or isinstance(source, str)) or not _number(opened):
            return None, 1
        dropped = 0
        position = None
        if data.get("position") is not None:
            position = _spot(data["position"])
            dropped += position is None
        bookmarks: list[Spot] = []
        marks = data.get("bookmarks", [])
        for mark in marks if isinstance(marks, list) else [marks]:
            spot = _spot(mark)
            if spot is None:
                dropped += 1
            else:
                bookmarks.append(spot)
        highlights, unfit = _highlights(data.get("highlights"))
        return cls(title, source, position, bookmarks, float(opened), highlights), dropped + unfit


def _spot(data: Any) -> Spot | None:
    """A spot from JSON, or None when a field has the wrong type or range; keys a newer brief may have
    added are ignored. Its text is outside text: the reader sanitises it (`tui.reading.memory`)."""
    if not isinstance(data, dict):
        return None
    unit, offset = data.get("unit"), data.get("offset", 0)
    heading, excerpt = data.get("heading"), data.get("excerpt", "")
    if not (_index(unit) and _index(offset) and isinstance(excerpt, str)):
        return None
    if heading is not None and not isinstance(heading, str):
        return None
    return Spot(unit, offset, heading, excerpt)


def _index(value: Any) -> bool:
    # bool is an int to Python, not to JSON's writer; "5", 6.5 and null are not indexes.
    return type(value) is int and 0 <= value < 2**31


def _highlights(data: Any) -> tuple[list[Highlight], int]:
    """Highlights from JSON, and how many did not fit: a file without them (older brief) has none,
    and a malformed one is dropped alone rather than costing the article's whole state."""
    kept: list[Highlight] = []
    entries = data if isinstance(data, list) else []
    for entry in entries:
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
    return kept, len(entries) - len(kept)



def _number(value: Any) -> bool:
    return type(value) in (int, float) and value == value  # not NaN


class StateUnavailable(OSError):
    """The state folder cannot be used (it is a file, it does not exist and cannot be made, it is not
    writable): brief goes on reading without remembering anything."""


class StateStore:
    """The state file: load, update under a lock, forget."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or state_dir()
        self.path = self.directory / STATE_FILE
        self.warning: str | None = None
        """Something the user should hear about once (a file set aside, records dropped, no state
        folder); the app shows it and sets it back to None."""
        self.unavailable: str | None = None
        """Why the state folder cannot be used, once that has been found; nothing is read or
        written from then on."""
        self._reported_dropped = False

    def get(self, digest: str, source: str | None = None) -> tuple[ArticleState | None, bool]:
        """The state of an article by its text's digest, else by its path (then `exact` is False).
        Nothing (None, False) when the state folder cannot be used: reading goes on without resume."""
        try:
            with self._locked():
                articles = self._read()
        except StateUnavailable:
            return None, False
        if digest in articles:
            return articles[digest], True
        if source is not None:
            same_path = [state for state in articles.values() if state.source == source]
            if same_path:
                return max(same_path, key=lambda state: state.opened), False
        return None, False

    def articles(self) -> dict[str, ArticleState]:
        """Every remembered article by digest, in one read (a library describes many files at once)."""
        with self._locked():
            return self._read()

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
        """Hold the lock; raises StateUnavailable when the folder cannot be used, now or before."""
        if self.unavailable is not None:
            raise StateUnavailable(self.unavailable)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            lock = open(self.directory / "state.lock", "a+b")  # noqa: SIM115 (closed below)
        except OSError as error:
            reason = "not a folder" if isinstance(error, (FileExistsError, NotADirectoryError)) else ""
            reason = reason or (error.strerror or type(error).__name__).lower()
            self.unavailable = f"cannot use the state folder {self.directory} ({reason})"
            self.warning = f"Positions and bookmarks will not be remembered: {self.unavailable}"
            raise StateUnavailable(self.unavailable) from None
        with lock, exclusive(lock):
            yield

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
            if not isinstance(data, dict) or data.get("version") not in READABLE_VERSIONS:
                raise ValueError(f"unknown version {data.get('version') if isinstance(data, dict) else None!r}")
            entries = data.get("articles", {})
            if not isinstance(entries, dict):
                raise ValueError("articles is not an object")
        except (ValueError, TypeError, AttributeError) as error:
            self._set_aside(f"it is not valid ({_short(error)})")
            return {}
        articles: dict[str, ArticleState] = {}
        dropped = 0
        for key, value in entries.items():
            # One unreadable record costs that article's position, not everyone's.
            state, bad = ArticleState.from_json(value)
            dropped += bad
            if state is not None:
                articles[key] = state
        if dropped and not self._reported_dropped:
            self._reported_dropped = True  # the next write leaves them out
            parts = "record that did not fit was" if dropped == 1 else "records that did not fit were"
            self.warning = f"Saved state: {dropped} {parts} dropped"
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
