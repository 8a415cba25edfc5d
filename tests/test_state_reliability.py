"""Saved state that is old, damaged or out of reach never stops brief from reading.

- a version-1 file (tests/fixtures/state/state-v1.json, written by brief's version-1 code at
  2a6d64e through `ArticleMemory`, as the reader writes it) is read as hints: each place is found
  again by its excerpt and heading, never by its unit index alone;
- a record whose fields have the wrong types is dropped, and that is said once;
- a state folder that cannot be used leaves brief reading without resume; `--forget` says why;
- a full disk while bookmarking is a warning;
- the lock needs no `fcntl`, so the module imports on Windows.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.app.helpers import seed_app, toasts, wait_until
from tests.conftest import FIXTURES, REPO, SEED
from tests.tools import as_unprivileged, open_folder
from tui.parse import load_path, parse_text
from tui.platform.state import STATE_FILE, StateStore
from tui.reading.layout import Document
from tui.reading.memory import ArticleMemory

STATE = FIXTURES / "state"
ARTICLE = STATE / "moved-units.md"


def install_v1(directory: Path) -> dict:
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(STATE / "state-v1.json", directory / STATE_FILE)
    return json.loads((STATE / "state-v1.json").read_text())


def text_at(document: Document, place: tuple[int, int]) -> str:
    unit, offset = place
    return document.units[unit].text[offset:]


# --- version 1 ------------------------------------------------------------------------------------


def test_a_version_1_file_resumes_at_the_same_words(isolated_state):
    install_v1(isolated_state)
    document = Document(load_path(ARTICLE))
    memory = ArticleMemory(StateStore(), document)
    resumption = memory.restore(resume=True)
    assert resumption is not None and resumption.heading == "The Objections"
    assert text_at(document, resumption.place) == "two seasons at least, and that the council never asked them."
    assert [document.units[b.unit].text[b.offset :][:20] for b in memory.bookmarks] == [
        "It agreed to dredge ",
        "A second meeting is ",
    ]


def renumbered(extra: str) -> Document:
    """The same bytes as the fixture, as a model that numbers units differently would lay them out:
    one more unit before everything (the digest is of the bytes, so the file's records apply)."""
    original = load_path(ARTICLE)
    text = ARTICLE.read_text().replace("## The Plan\n", f"## The Plan\n\n{extra}\n", 1)
    article = parse_text(text, name=ARTICLE.name)
    article.digest, article.source = original.digest, original.source
    return Document(article)


def test_version_1_unit_indexes_are_never_trusted_blindly(isolated_state):
    install_v1(isolated_state)
    document = renumbered("A paragraph this model makes of what the old one drew as part of the heading.")
    memory = ArticleMemory(StateStore(), document)
    resumption = memory.restore(resume=True)
    assert resumption is not None
    assert text_at(document, resumption.place) == "two seasons at least, and that the council never asked them."
    assert [document.units[b.unit].text[b.offset :][:20] for b in memory.bookmarks] == [
        "It agreed to dredge ",
        "A second meeting is ",
    ]


def test_a_place_whose_text_is_gone_falls_back_to_its_heading(isolated_state):
    data = install_v1(isolated_state)
    record = next(iter(data["articles"].values()))
    record["position"]["excerpt"] = "words that are nowhere in the article"
    (isolated_state / STATE_FILE).write_text(json.dumps(data))
    document = renumbered("One more paragraph.")
    resumption = ArticleMemory(StateStore(), document).restore(resume=True)
    assert resumption is not None and text_at(document, resumption.place) == "The Objections"


def test_the_next_write_is_version_2_with_the_places_found(isolated_state):
    install_v1(isolated_state)
    document = renumbered("One more paragraph.")
    memory = ArticleMemory(StateStore(), document)
    memory.restore(resume=True)
    stored = json.loads((isolated_state / STATE_FILE).read_text())
    assert stored["version"] == 2
    (record,) = stored["articles"].values()
    for mark in record["bookmarks"]:
        assert document.units[mark["unit"]].text[mark["offset"] :].startswith(mark["excerpt"].rstrip("…"))


# --- records that do not fit -----------------------------------------------------------------------

BAD_SPOTS = [
    {"unit": "5", "offset": 0, "heading": None, "excerpt": ""},
    {"unit": None, "offset": 0},
    {"unit": 6.5, "offset": 0},
    {"unit": 3, "offset": "x"},
    {"unit": True, "offset": 0},
    {"unit": -4, "offset": 0},
    {"unit": 3, "offset": 0, "heading": 7},
    {"unit": 3, "offset": 0, "excerpt": ["x"]},
    "a string",
    None,
]


def write_state(directory: Path, articles: dict) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / STATE_FILE).write_text(json.dumps({"version": 2, "articles": articles}))


@pytest.mark.parametrize("bad", BAD_SPOTS, ids=[json.dumps(b) for b in BAD_SPOTS])
def test_a_position_of_the_wrong_type_is_dropped_and_reported_once(isolated_state, bad):
    document = Document(load_path(SEED))
    good = {"unit": 5, "offset": 0, "heading": "Introduction", "excerpt": ""}
    record = {"title": "T", "source": None, "position": bad, "bookmarks": [bad, good, bad], "opened": 1.0}
    write_state(isolated_state, {document.article.digest: record})
    store = StateStore()
    memory = ArticleMemory(store, document)
    assert memory.restore(resume=True) is None  # the position was dropped: the top
    assert [b.heading for b in memory.bookmarks] == ["Introduction"]
    dropped = 2 if bad is None else 3  # a null position is no position, which is fine
    assert store.warning == f"Saved state: {dropped} records that did not fit were dropped"
    store.warning = None
    ArticleMemory(store, document).restore(resume=True)
    assert store.warning is None  # once


@pytest.mark.parametrize(
    "record",
    [{"title": 5}, {"title": "T", "source": 3}, {"title": "T", "opened": "yesterday"}, [], "x", None],
    ids=str,
)
def test_a_record_that_is_not_one_is_dropped(isolated_state, record):
    write_state(isolated_state, {"abc": record, "kept": {"title": "Kept"}})
    store = StateStore()
    assert store.get("abc") == (None, False)
    assert store.get("kept")[0].title == "Kept"
    assert store.warning == "Saved state: 1 record that did not fit was dropped"


async def test_the_reader_opens_an_article_whose_state_has_wrong_types(isolated_state):
    digest = load_path(SEED).digest
    bad = {"unit": "5", "offset": "x", "heading": None, "excerpt": ""}
    write_state(isolated_state, {digest: {"title": "T", "position": bad, "bookmarks": [bad, {"unit": 6.5}]}})
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: any("did not fit" in t for t in toasts(app)))
        await pilot.press("4", "m", "apostrophe")
        await pilot.press("escape", "q")
    assert app.return_code == 0


# --- a state folder that cannot be used ------------------------------------------------------------


def unusable_folders(tmp_path: Path) -> list[Path]:
    (tmp_path / "a-file").write_text("not a folder")
    return [tmp_path / "a-file", tmp_path / "a-file" / "below", Path("/proc/brief-cannot-make-this")]


def test_an_unusable_state_folder_means_no_resume_said_once(tmp_path):
    document = Document(load_path(SEED))
    for folder in unusable_folders(tmp_path):
        store = StateStore(folder)
        memory = ArticleMemory(store, document)
        assert memory.restore(resume=True) is None
        assert store.warning is not None and "will not be remembered" in store.warning and str(folder) in store.warning
        store.warning = None
        memory.save_position(memory.bookmarks and memory.bookmarks[0] or _spot(document))
        assert memory.add_bookmark(_spot(document))  # kept in memory for this session
        assert [b.unit for b in memory.bookmarks] == [_spot(document).unit]
        assert store.warning is None


def _spot(document: Document):
    from tui.reading import spots

    return spots.spot_at(document, document.layout(60), 12)


async def test_the_reader_reads_on_without_a_state_folder(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("BRIEF_STATE_DIR", str(tmp_path / "a-file"))
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: any("will not be remembered" in t for t in toasts(app)))
        await pilot.press("4", "m")
        await wait_until(pilot, lambda: any("Bookmarked" in t for t in toasts(app)))
        await pilot.press("q")
    assert app.return_code == 0


def run_brief(*args: str, env: dict[str, str], prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "tui", *args],
        env={**os.environ, "PYTHONPATH": str(REPO), **env}, capture_output=True, timeout=60, check=False, cwd=REPO,
    )  # fmt: skip


def test_forget_with_an_unusable_state_folder_is_one_line(tmp_path):
    for folder in unusable_folders(tmp_path):
        for args in (["--forget"], ["--forget", str(SEED)]):
            result = run_brief(*args, env={"BRIEF_STATE_DIR": str(folder)})
            lines = result.stderr.decode().splitlines()
            assert result.returncode == 2 and len(lines) == 1, result.stderr.decode()
            assert lines[0].startswith(f"brief: --forget: cannot use the state folder {folder} (")


def test_a_folder_the_user_cannot_write_as_a_user():
    with open_folder() as folder:
        locked = folder / "state"
        locked.mkdir(mode=0o555)
        locked.chmod(0o555)
        result = run_brief("--forget", env={"BRIEF_STATE_DIR": str(locked)}, prefix=as_unprivileged([]))
        printed = run_brief("--plain", str(SEED), env={"BRIEF_STATE_DIR": str(locked)}, prefix=as_unprivileged([]))
    assert result.returncode == 2
    assert result.stderr.decode() == f"brief: --forget: cannot use the state folder {locked} (permission denied)\n"
    assert printed.returncode == 0  # reading never needed the state


# --- a full disk ------------------------------------------------------------------------------------


async def test_a_full_disk_when_bookmarking_is_a_warning(isolated_state, monkeypatch):
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(StateStore, "_write", full)
        await pilot.press("4", "m")
        await wait_until(pilot, lambda: any("Could not save the bookmark" in t for t in toasts(app)))
        await pilot.press("q")
    assert app.return_code == 0


# --- the lock ----------------------------------------------------------------------------------------


def test_the_state_module_imports_and_locks_without_fcntl(tmp_path):
    """Windows has no fcntl: brief must still start there. Here fcntl is made unimportable, and the
    Windows lock (msvcrt) is stood in for by one that records its calls."""
    script = f"""
import sys, types
sys.modules["fcntl"] = None  # import fcntl now raises ImportError
calls = []
msvcrt = types.SimpleNamespace(LK_LOCK=1, LK_UNLCK=0, locking=lambda fd, mode, n: calls.append((mode, n)))
sys.modules["msvcrt"] = msvcrt
from pathlib import Path
from tui.platform import locking, state
locking.os = types.SimpleNamespace(name="nt")  # the lock module alone believes it is on Windows
store = state.StateStore(Path({str(tmp_path)!r}))
store.update("a", lambda _: state.ArticleState("T"))
print(calls)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[(1, 1), (0, 1)]"
    assert json.loads((tmp_path / STATE_FILE).read_text())["articles"]["a"]["title"] == "T"
