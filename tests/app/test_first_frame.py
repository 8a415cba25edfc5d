"""What waits for the first frame: nothing competes with it for the interpreter."""

from __future__ import annotations

from textual.screen import Screen

from tests.app.helpers import wait_until
from tui.parse import parse_text
from tui.reading import key_points
from tui.reading.layout import Document
from tui.ui import screens
from tui.ui.app import BriefApp
from tui.ui.screens.reader import ReaderScreen


async def test_a_books_suggestions_and_the_full_collection_wait_for_the_first_frame(isolated_state, monkeypatch):
    """A book's suggestions are made by a worker thread and the collector's full pass holds the
    interpreter for tens of milliseconds: started while the first frame was being made, they took
    the processor from it (and from the thread that writes it to the terminal)."""
    sentence = "The {n}th day of the voyage brought rain, wind and a long talk about the charts. "
    chapters = (f"## Chapter {n}\n\n" + "\n\n".join(sentence.format(n=n) * 8 for _ in range(12)) for n in range(1, 30))
    book = parse_text("# A Long Voyage\n\n" + "\n\n".join(chapters), name="voyage.md")
    assert key_points.is_book(Document(book))  # suggestions per chapter, made on a worker
    events: list[str] = []
    drawn = Screen._compositor_refresh
    settle = screens.reader._settle_memory

    def compositor_refresh(screen: Screen) -> None:
        drawn(screen)
        if isinstance(screen, ReaderScreen) and "frame" not in events:
            events.append("frame")

    def run_worker(screen: ReaderScreen, work, *args, **kwargs):
        events.append(f"worker {kwargs.get('group')}")
        return Screen.run_worker(screen, work, *args, **kwargs)

    monkeypatch.setattr(Screen, "_compositor_refresh", compositor_refresh)
    monkeypatch.setattr(ReaderScreen, "run_worker", run_worker)
    monkeypatch.setattr(screens.reader, "_settle_memory", lambda: (events.append("full collection"), settle()))
    app = BriefApp(book, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: "worker suggest" in events)
        assert events[0] == "frame"
        assert events.index("full collection") < events.index("worker suggest")
