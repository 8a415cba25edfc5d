"""`brief DIR`: the library of a folder's articles, filtering, opening, and coming back."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import Input, OptionList

from tests.app.helpers import toasts, wait_until
from tests.conftest import FIXTURES, SEED
from tui.reading.library import find_articles
from tui.ui.app import BriefApp
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen


@pytest.fixture
def folder(tmp_path):
    library = tmp_path / "reading"
    (library / "policy").mkdir(parents=True)
    (library / ".hidden").mkdir()
    shutil.copy(SEED, library / "diplomatic-gauntlet.txt")
    shutil.copy(FIXTURES / "city-budget.md", library / "policy" / "city-budget.md")
    shutil.copy(FIXTURES / "remote-work.txt", library / "remote-work.txt")
    (library / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (library / "empty.md").write_text("   \n")
    (library / ".hidden" / "secret.txt").write_text("Not listed\n\nBody text.\n")
    (library / "notes.pdf").write_bytes(b"%PDF-1.4")
    return library


def labels(screen: LibraryScreen) -> list[str]:
    options = screen.query_one("#library-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def open_library(app: BriefApp, pilot) -> LibraryScreen:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    await app.workers.wait_for_complete()
    await wait_until(pilot, lambda: all(entry.title or entry.error for entry in screen.entries))
    return screen


def test_only_text_and_markdown_files_outside_hidden_folders(folder):
    paths, truncated = find_articles(folder)
    assert [p.relative_to(folder).as_posix() for p in paths] == [
        "broken.txt", "diplomatic-gauntlet.txt", "empty.md", "remote-work.txt", "policy/city-budget.md",
    ]  # fmt: skip
    assert not truncated
    assert len(find_articles(folder, limit=2)[0]) == 2 and find_articles(folder, limit=2)[1]


async def test_the_library_is_styled_when_it_is_the_first_screen(folder):
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        title = screen.query_one("#library-title")
        assert title.region.height == 1 and title.styles.background.a > 0  # from styles/library.tcss


async def test_library_lists_titles_words_time_progress_and_failures(folder):
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        shown = labels(screen)
        assert shown[0] == "broken.txt\ncannot read: binary file (contains NUL bytes)"
        assert shown[1].startswith(
            "The Diplomatic Gauntlet: Will Trump’s Meeting with Putin Yield a Ukrainian Ceasefire?\n"
        )
        assert shown[1].endswith("diplomatic-gauntlet.txt · 2,054 words · 9 min · unread")
        assert shown[2] == "empty.md\ncannot read: file is empty"
        assert str(screen.query_one("#library-status").render()) == "5 of 5 articles · 2 could not be read"


async def test_typing_filters_and_enter_opens_escape_returns(folder):
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        assert app.focused is screen.query_one(Input)
        await pilot.press(*"budget")
        assert [label.split("\n")[0] for label in labels(screen)] == ["The City Budget, Explained"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.article.title == "The City Budget, Explained"
        await pilot.press("right_square_bracket", "j")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "% read" in labels(screen)[0]  # progress of the article just read


async def test_backspace_in_the_reader_returns_and_q_in_the_filter_types(folder):
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        await pilot.press("q")  # typed into the filter, not quitting
        assert app.is_running and screen.query_one(Input).value == "q"
        await pilot.press("escape")  # clears the filter
        assert screen.query_one(Input).value == ""
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.article.title.startswith("The Diplomatic Gauntlet")
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is screen


async def test_a_file_that_fails_says_why_instead_of_opening(folder):
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_library(app, pilot)
        await pilot.press("enter")  # broken.txt is first
        await pilot.pause()
        assert app.screen is screen
        assert any("broken.txt: binary file" in str(t.render()) for t in screen.query("Toast"))


async def test_file_names_with_escape_sequences_are_shown_without_them(tmp_path):
    library = tmp_path / "downloads"
    library.mkdir()
    hostile = "a\x1b]52;c;aGVsbG8=\x1b\\b.txt"
    (library / hostile).write_text("Harmless Title\n\nSome body text that is long enough to be a paragraph.\n")
    app = BriefApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        shown = labels(screen)
        assert shown == ["Harmless Title\nab.txt · 13 words · 1 min · unread"]
        assert not any("\x1b" in label for label in shown)


async def test_the_folder_is_walked_and_the_state_read_once_off_the_ui_thread(folder, monkeypatch):
    import threading

    from tui.platform.state import StateStore
    from tui.ui.screens import library as library_screen

    walked_on: list[threading.Thread] = []
    reads_on: list[threading.Thread] = []
    real_find, real_read = library_screen.find_articles, StateStore._read

    def find(*args, **kwargs):
        walked_on.append(threading.current_thread())
        return real_find(*args, **kwargs)

    def read(self):
        reads_on.append(threading.current_thread())
        return real_read(self)

    monkeypatch.setattr(library_screen, "find_articles", find)
    monkeypatch.setattr(StateStore, "_read", read)
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        assert len(screen.entries) == 5
        assert walked_on and all(thread is not threading.main_thread() for thread in walked_on)
        # Five files described, and the state file read once for all of them, not in the UI thread.
        assert len(reads_on) == 1 and reads_on[0] is not threading.main_thread()


async def test_a_file_brief_fails_on_is_listed_with_the_failure_and_the_rest_still_work(folder, monkeypatch):
    """A parser bug on one file (an IndexError, not a BriefError) lists that file as failed and
    leaves the library up: the others are listed, and Enter on it says why instead of ending brief."""
    from tui.reading import library as library_logic
    from tui.ui.screens import library as library_screen

    real_read = library_logic.read_path

    def read(path, *args, **kwargs):
        if path.name == "remote-work.txt":
            raise IndexError("string index out of range")
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(library_logic, "read_path", read)
    monkeypatch.setattr(library_screen, "read_path", read)
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_library(app, pilot)
        failed = "remote-work.txt\ncannot read: brief failed on this file (IndexError): please report it"
        assert failed in labels(screen)
        assert "Diplomatic" in "".join(labels(screen))
        assert "3 could not be read" in str(screen.query_one("#library-status").render())
        await pilot.press(*"remote-work", "enter")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        assert any("remote-work.txt: brief failed on this file (IndexError)" in t for t in toasts(app))


async def test_a_folder_without_articles_says_which_files_would_be(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    app = BriefApp(library=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#library-status").render())
        assert status == "No articles here (.txt, .md, .html or .epub files)."
