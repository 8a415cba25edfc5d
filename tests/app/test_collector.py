"""Full garbage collections wait for a moment without input (tui/ui/collector.py): under a key they
cost a book's reader 30 to 60 ms."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.app.helpers import text_app, top_line, wait_until
from tui.ui import collector
from tui.ui.collector import FULL_AFTER, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def thresholds() -> Iterator[None]:
    """Whatever a test does to the collector's thresholds is undone."""
    kept = gc.get_threshold()
    yield
    gc.set_threshold(*kept)


def something_reached_the_oldest_generation() -> None:
    gc.collect()
    gc.collect(1)  # a young collection counts towards the next full one
    assert gc.get_count()[2] == 1


def test_start_defers_full_collections_and_stop_gives_pythons_thresholds_back(thresholds):
    young, middle, oldest = gc.get_threshold()
    idle = IdleCollector()
    idle.start()
    assert gc.get_threshold() == (young, middle, FULL_AFTER)
    idle.stop()
    assert gc.get_threshold() == (young, middle, oldest)


def test_a_full_collection_runs_only_once_the_reader_is_still():
    clock = Clock()
    idle = IdleCollector(clock)
    something_reached_the_oldest_generation()
    assert not idle.collect_if_still()  # just made: as if a key had come
    clock.now += collector.STILL / 2
    idle.input_seen()
    clock.now += collector.STILL * 0.9
    assert not idle.collect_if_still() and gc.get_count()[2] == 1
    clock.now += collector.STILL * 0.2
    assert idle.collect_if_still()
    assert gc.get_count()[2] == 0
    assert not idle.collect_if_still()  # nothing new since: no second walk of everything
    something_reached_the_oldest_generation()  # a book loading meanwhile, say
    clock.now += collector.STILL * 3
    assert not idle.collect_if_still()  # once a pause
    idle.input_seen()
    clock.now += collector.STILL * 1.1
    assert idle.collect_if_still()  # the next pause


def test_quiet_for_counts_from_the_last_input():
    clock = Clock()
    idle = IdleCollector(clock)
    clock.now += 0.3
    assert idle.quiet_for(0.25) and not idle.quiet_for(0.35)
    idle.input_seen()
    assert not idle.quiet_for(0.25)
    clock.now += 0.25
    assert idle.quiet_for(0.25)


def test_no_collection_while_the_collector_is_off():
    clock = Clock()
    idle = IdleCollector(clock)
    something_reached_the_oldest_generation()
    clock.now += collector.STILL * 2
    gc.disable()
    try:
        assert not idle.collect_if_still()
    finally:
        gc.enable()
    assert idle.collect_if_still()


def book(chapters: int = 60) -> str:
    paragraph = " ".join(f"word{n} of a sentence that goes on." for n in range(40))
    body = "\n\n".join(f"Chapter {c}\n\n" + "\n\n".join([paragraph] * 12) for c in range(1, chapters + 1))
    return f"A Long Book\n\n{body}\n"


async def test_page_down_held_runs_no_full_collection_and_a_pause_runs_one(thresholds):
    """A reader paging through a book: no full collection under the keys (Python's own rule ran
    several in the same presses), one when the keys stop."""
    gc.set_threshold(100, 10, 10)  # young collections ten times as often: more presses in less time
    full: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(info["generation"])

    clock = Clock()  # still only when the test says so: a loaded machine's slow presses are not a pause
    app = text_app(book())
    app.collector = IdleCollector(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: gc.isenabled())  # on once the first frame is out
        gc.callbacks.append(note)
        try:
            for _ in range(30):
                await pilot.press("pagedown")
            assert top_line(app) > 30 * 15
            assert full == []
            gc.collect(1)  # whatever the presses left, the pause below collects it
            clock.now += collector.STILL
            await wait_until(pilot, lambda: bool(full), timeout=collector.STILL * 4)
        finally:
            gc.callbacks.remove(note)
    assert gc.get_threshold() == (100, 10, 10)  # the app gave Python's thresholds back
