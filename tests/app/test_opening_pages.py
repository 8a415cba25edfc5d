"""A saved page or an e-book opens at once on a line saying it is being read; the article replaces
it once extracted in the other process (trafilatura and lxml are never imported before the first
frame), and one that cannot be read closes the reader with its one-line error."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from tests.app.helpers import toasts, wait_until
from tests.web.test_epub import build, small_book
from tests.web.test_html import page
from tui.parse import RawInput, read_path
from tui.reading.loading import PendingDocument, open_input
from tui.ui.app import BriefApp
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.insights import Insights


@pytest.fixture
def held(monkeypatch):
    """The whole stays pending until the test sets the event."""
    released = threading.Event()
    result = PendingDocument.result
    monkeypatch.setattr(PendingDocument, "result", lambda self, *widths: released.wait(30) and result(self, *widths))
    yield released
    released.set()


def status(app: BriefApp) -> str:
    return str(app.screen.query_one("#status").render())


def pane_text(app: BriefApp) -> list[str]:
    return [unit.text for unit in app.document.units]


@pytest.mark.parametrize(
    ("name", "data", "note", "title", "first"),
    [
        ("tides.html", page(), "reading the page…", "Tide tables", "The harbour master publishes the tide tables"),
        ("voyages.epub", small_book(), "reading the book…", "Small Voyages", "We left at dawn with the tide."),
    ],
)
async def test_a_page_or_book_shows_what_is_happening_then_the_article(held, name, data, note, title, first):
    opened = open_input(RawInput(data, name, None, name))
    assert opened.pending is not None and opened.pending.in_process  # read in the other process
    app = BriefApp(opened.article, pending=opened.pending)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert status(app) == f"Opening · {note}"  # no share read nor time left of the line saying so
        assert any(text.startswith(("Finding the article in", "Opening the book")) and name in text
                   for text in pane_text(app))  # fmt: skip
        # The panel waits for the article: it neither suggests the line saying what is happening nor
        # says the article has nothing to suggest.
        panel = app.reader_screen.query_one("#insights", Insights)
        assert panel.is_empty and panel.suggesting
        held.set()
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=60)
        await pilot.pause()
        assert app.article.title == title and app.title == title
        assert any(text.startswith(first) for text in pane_text(app))
        assert note not in status(app)


async def test_a_book_that_cannot_be_read_closes_the_reader_with_its_error(tmp_path):
    path = tmp_path / "book.epub"
    path.write_bytes(b"this is not a zip at all")
    opened = open_input(read_path(path))
    app = BriefApp(opened.article, pending=opened.pending)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.return_code is not None, timeout=60)
    assert app.return_code == 2
    assert app.failure == f"{path}: not an EPUB (not a zip file)"


async def test_from_the_library_a_book_that_cannot_be_read_goes_back_with_its_error(tmp_path, held):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "broken.epub").write_bytes(build({"readme.txt": "hello"}, mimetype=b"text/plain"))
    app = BriefApp(library=folder)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        held.set()
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen), timeout=60)
        assert app.return_code is None  # brief is still running, in the library
        await pilot.pause()
        assert any("broken.epub: not an EPUB (no META-INF/container.xml)" in toast for toast in toasts(app))


def test_opening_a_page_or_book_imports_no_extractor_in_the_readers_process(tmp_path):
    """trafilatura and lxml cost 0.4 to 0.9 s to import: the first frame must not wait for them (nor
    for hashlib's OpenSSL: the page's text is hashed where it is extracted)."""
    (tmp_path / "tides.html").write_bytes(page())
    (tmp_path / "voyages.epub").write_bytes(small_book())
    code = (
        "import sys\n"
        "from tui.parse import read_path\n"
        "from tui.reading.loading import open_input\n"
        "for name in sys.argv[1:]:\n"
        "    opened = open_input(read_path(name))\n"
        "    opened.pending.result()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'lxml', 'markdown_it', 'hashlib', '_hashlib')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "tides.html"), str(tmp_path / "voyages.epub")],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert out.stdout.strip() == "[]"
