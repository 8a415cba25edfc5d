"""A large input opens on a preview of its start, and the whole replaces it without moving the reader."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from textual import events

from tests.app.helpers import screen_lines, toasts, top_text, wait_until
from tests.conftest import SEED
from tui.parse import PREVIEW_THRESHOLD, RawInput, human_size, parse_preview
from tui.reading.layout import MEASURE
from tui.reading.loading import LAID_OUT, PROCESS_THRESHOLD, PendingDocument, open_input, prepare_document
from tui.ui.app import BriefApp
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.navigator import Navigator


def large_input(size: int = PREVIEW_THRESHOLD * 3 // 2) -> RawInput:
    """The seed's body repeated to `size` (past the preview threshold), each copy under numbered headings."""
    seed = SEED.read_text(encoding="utf-8")
    title, _, body = seed.partition("\n\n")
    copies = []
    number = 0
    while sum(len(c) for c in copies) < size:
        number += 1
        copies.append(f"Round {number} Overview\n\nA paragraph that opens round {number}.\n\n{body}")
    return RawInput(("\n\n".join([title, *copies])).encode("utf-8"), "big.txt", None, "big.txt")


def test_the_preview_is_a_prefix_of_the_whole():
    raw = large_input()
    preview = parse_preview(raw)
    whole = prepare_document(raw).document.article
    assert preview is not None and not preview.complete and whole.complete
    assert preview.digest == whole.digest
    assert preview.title == whole.title
    assert [s.heading for s in preview.sections] == [s.heading for s in whole.sections[: len(preview.sections)]]
    assert len(preview.sections) < len(whole.sections)


def test_preparing_the_whole_reports_its_progress_step_by_step():
    reported: list[float] = []
    prepare_document(large_input(), report=reported.append)
    assert reported == sorted(reported) and len(reported) == 3 and reported[0] > 0 and reported[-1] < 1


def test_the_parse_process_reports_its_progress_to_the_reader():
    pending = PendingDocument(large_input()).start()
    assert pending.progress == 0.0
    pending.result()
    assert pending.progress == LAID_OUT  # the last step the other process reports


def test_the_parse_process_lays_out_at_the_readers_widths():
    """The reader says its measure and the navigator's width; the other process lays out at those,
    so the reader's process has nothing left to wrap when the whole arrives."""
    prepared = PendingDocument(large_input()).start().result(50, 21)
    assert prepared.document.has_layout(50) and not prepared.document.has_layout(MEASURE)
    layout = prepared.document.layout(50)
    assert max(end - start for start, end in zip(layout.line_start, layout.line_end, strict=True)) <= 50


async def test_the_whole_refills_the_panel_once(isolated_state, monkeypatch):
    """The whole's takeaways and the remembered highlights reach the panel in one refill of its
    list (a 10 MB book has thousands of takeaways: each refill wraps every one)."""
    from tui.ui.widgets.insights import ItemList

    raw = large_input()
    pending = HeldDocument(raw)
    app = BriefApp(parse_preview(raw), pending=pending.start())
    refills: list[int] = []
    show_entries = ItemList.show_entries
    monkeypatch.setattr(ItemList, "show_entries", lambda self, entries, *rest: refills.append(len(entries))
                        or show_entries(self, entries, *rest))  # fmt: skip
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        refills.clear()
        pending.release.set()
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=60)
        await pilot.pause()
        assert refills == [len(app.article.takeaways)]


def test_a_medium_input_opens_on_its_preview_and_is_parsed_whole_in_a_thread():
    """Between the two thresholds the whole is parsed in the reader's process, after its first
    frame: a second Python would cost more memory than the 20 times the input allowed."""
    raw = large_input()
    assert PREVIEW_THRESHOLD < len(raw.data) <= PROCESS_THRESHOLD
    opened = open_input(raw)
    assert opened.pending is not None and not opened.pending.in_process and opened.pending.pid is None
    assert not opened.article.complete
    assert opened.pending.result().document.article.complete


def test_above_the_process_threshold_the_parse_process_makes_the_preview_too():
    """The preview shown is the one this process would have made: same digest, same text, not
    complete; the whole then comes from the same process."""
    raw = large_input(PROCESS_THRESHOLD + 1)
    opened = open_input(raw)
    assert opened.article is None and opened.pending is not None and opened.pending.in_process
    ready = opened.ready()
    assert ready.pending is opened.pending and not ready.article.complete
    assert ready.article == parse_preview(raw)
    assert ready.article.digest == raw.digest
    assert ready.pending.result().document.article.complete


def test_the_readers_process_lets_go_of_the_bytes_once_nothing_is_left_to_parse_there():
    """The input's bytes stayed in the reader's process for as long as the article was read (as much
    memory again as the input); they go once the parse process has made the preview, or has the input
    (no preview asked), or once parsed in a thread. The name stays, for the errors that name it."""
    raw = large_input(PROCESS_THRESHOLD + 1)
    opened = open_input(raw)
    assert opened.pending is not None and opened.pending.raw.data == raw.data  # the preview may be made here
    ready = opened.ready()
    assert ready.pending is not None and ready.pending.raw.data == b"" and ready.pending.raw.where == raw.where
    assert ready.pending.result().document.article.digest == raw.digest
    in_process = PendingDocument(large_input()).start()
    assert in_process.result().document.article.complete and in_process.raw.data == b""
    in_thread = open_input(large_input()).pending
    assert in_thread is not None and not in_thread.in_process
    assert in_thread.result().document.article.complete and in_thread.raw.data == b""
    assert in_thread.raw.where == "big.txt"


def test_an_input_that_cannot_be_cut_is_parsed_whole_in_this_process():
    """No paragraph break in the preview's reach: there is no preview, so the whole is shown at once
    and the parse process is not left behind."""
    raw = RawInput(("word " * (PROCESS_THRESHOLD // 4)).encode(), "one.txt", None, "one.txt")
    opened = open_input(raw)
    pending = opened.pending
    assert pending is not None and pending.pid is not None
    ready = opened.ready()
    assert ready.pending is None and ready.article.complete
    assert pending.pid is None  # reaped
    assert ready.article.sections[0].blocks[0].text.split() == ["word"] * (PROCESS_THRESHOLD // 4)


def test_a_large_markdown_file_is_previewed_without_a_parser_in_the_readers_process(tmp_path):
    """Importing markdown-it and brief's rules costs about 0.1 s before the first frame: above the
    process threshold the parse process makes the preview, and this process imports neither the
    Markdown parser nor the plain-text one. (It hashes the input, in the thread that hands it over,
    while the parse process starts: hashlib's OpenSSL is loaded in the reader by Textual anyway, and
    would cost the parse process 3.7 MB; see test_import_hygiene.)"""
    part = "## Part {n}\n\nA paragraph of *part* {n}, with [a link](https://example.org/{n}).\n\n"
    body = "".join(part.format(n=n) for n in range(40000))
    path = tmp_path / "big.md"
    path.write_text(f"# A Big Document\n\n{body}", encoding="utf-8")
    assert path.stat().st_size > PROCESS_THRESHOLD
    code = (
        "import sys\n"
        "from tui.parse import read_path\n"
        "from tui.reading.loading import open_input\n"
        "opened = open_input(read_path(sys.argv[1])).ready()\n"
        "print(opened.article.title, opened.article.format, opened.article.complete)\n"
        "parsers = ('markdown_it', 'tui.parse.markdown', 'tui.parse.plain')\n"
        "print(sorted(m for m in sys.modules if m.startswith(parsers)))\n"
        "opened.pending.cancel()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.splitlines() == ["A Big Document markdown False", "[]"]


def test_small_inputs_have_no_preview():
    assert parse_preview(RawInput(SEED.read_bytes(), "seed.txt", None, "seed.txt")) is None


async def test_the_reader_shows_the_preview_then_the_whole(isolated_state):
    raw = large_input()
    preview = parse_preview(raw)
    app = BriefApp(preview, pending=PendingDocument(raw).start())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")
        heading_before = top_text(app)
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=60)
        await pilot.pause()
        assert top_text(app) == heading_before  # the reader did not move
        assert "loading" not in str(app.screen.query_one("#status").render())
        navigator = app.screen.query_one(Navigator)
        assert len(navigator.entries) == sum(1 for s in app.article.sections if s.heading)
        assert app.article.complete and len(app.article.takeaways) > 6
        await pilot.press("G")
        assert str(app.screen.query_one("#status").render()).endswith("· 100% · at the end")


class HeldDocument(PendingDocument):
    """A pending document that stays pending until the test lets it go."""

    def __init__(self, raw: RawInput) -> None:
        super().__init__(raw)
        self.release = threading.Event()

    def result(self, *widths):
        self.release.wait(30)
        return super().result(*widths)


async def test_bottom_while_loading_goes_to_the_end_of_the_whole_once_it_is_in(isolated_state):
    raw = large_input()
    pending = HeldDocument(raw)
    app = BriefApp(parse_preview(raw), pending=pending)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert f"· loading {human_size(len(raw.data))}… 0%" in str(app.screen.query_one("#status").render())
        await pilot.press("G")
        await pilot.pause()
        assert any("still loading" in toast for toast in toasts(app))
        pending.release.set()
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=60)
        await pilot.pause()
        assert app.reader.position.percent == 100
        assert top_text(app) != "" and app.article.complete


async def test_moving_after_bottom_while_loading_cancels_the_trip_to_the_end(isolated_state):
    raw = large_input()
    pending = HeldDocument(raw)
    app = BriefApp(parse_preview(raw), pending=pending)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("G", "k")
        pending.release.set()
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=60)
        await pilot.pause()
        assert app.reader.position.percent < 50


def _zombie_children() -> list[int]:
    """This process's children that have exited but were never waited for (Linux /proc)."""
    zombies = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == os.getpid():
            zombies.append(int(stat.parent.name))
    return zombies


def test_the_parse_process_is_gone_once_the_document_is_back():
    pending = PendingDocument(large_input()).start()
    assert pending.result().document.article.complete
    for _ in range(15):  # a worker left unwaited-for turns into a zombie as soon as it exits
        assert _zombie_children() == []
        time.sleep(0.1)


async def test_a_large_file_opened_from_the_library_is_parsed_in_a_process_of_its_own(tmp_path, monkeypatch):
    """The library and the command line open a file the same way: a large one on its preview, the
    whole parsed in another process (a thread of the UI process made every key wait for the parse)."""
    released = threading.Event()
    result = PendingDocument.result
    monkeypatch.setattr(PendingDocument, "result", lambda self, *widths: released.wait(30) and result(self, *widths))
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "big.txt").write_bytes(large_input(PROCESS_THRESHOLD + 1).data)
    app = BriefApp(library=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        screen = app.reader_screen
        assert not screen.article.complete and screen.pending is not None and screen.pending.in_process
        released.set()  # the whole may come in now (a few hundred KB could come before the check above)
        await wait_until(pilot, lambda: screen.pending is None, timeout=60)
        assert screen.article.complete
        assert _zombie_children() == []


async def test_a_dead_parse_process_is_said_and_the_preview_keeps_its_place(isolated_state):
    """The OOM killer ending the parse process left `loading… 0%` for ever and no position saved."""
    import json
    import signal

    from tui.reading.loading import PARSE_DIED

    opened = open_input(large_input(PROCESS_THRESHOLD + 1))
    assert opened.pending is not None and opened.pending.pid is not None
    os.kill(opened.pending.pid, signal.SIGKILL)
    opened = opened.ready()  # the preview is then made in this process
    app = BriefApp(opened.article, pending=opened.pending)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = app.reader_screen
        await wait_until(pilot, lambda: any(PARSE_DIED in toast for toast in toasts(app)), timeout=30)
        assert screen.pending is None and not screen.article.complete
        await pilot.press("right_square_bracket", "right_square_bracket")
        heading = top_text(app)
        screen.save_position()
        await pilot.press("q")
    (record,) = json.loads((isolated_state / "state.json").read_text())["articles"].values()
    assert record["position"]["heading"] == heading


async def test_panel_enter_jumps_to_the_item_once_the_whole_has_arrived(isolated_state):
    from tui.ui.widgets.insights import ItemList

    raw = large_input()
    app = BriefApp(parse_preview(raw), pending=PendingDocument(raw).start())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=60)
        await pilot.pause()
        items = app.screen.query_one(ItemList)
        items.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        # The whole came from another process: its items are found by place, not by id().
        assert top_text(app) and app.article.takeaways[1].display.startswith(top_text(app))


def top_place(app: BriefApp) -> tuple[str, str]:
    """The whole unit at the top of the reading pane, and its line there."""
    unit, _ = app.reader.text_layout.anchor(round(app.reader.scroll_y))
    return app.document.units[unit].text, top_text(app)


def two_books_markdown() -> RawInput:
    """Markdown whose second `#` heading is past the preview: the preview takes the first `#` as
    the title, the whole has two top-level parts (so its title, levels and numbering differ)."""
    paragraph = "A line of the story that goes on for a while, so that the chapters are long. " * 12
    chapters = lambda book: "".join(  # noqa: E731
        f"## Chapter {book}.{n}\n\n" + "\n\n".join(f"({book}.{n}.{p}) {paragraph}" for p in range(12)) + "\n\n"
        for n in range(1, 400)
    )
    text = f"# Book One\n\n{chapters(1)}# Book Two\n\n{chapters(2)}"
    assert text.index("# Book Two") > 128 * 1024 and len(text) > PREVIEW_THRESHOLD
    return RawInput(text.encode("utf-8"), "books.md", None, "books.md")


async def test_the_view_stays_when_the_whole_changes_title_levels_and_numbering(isolated_state):
    raw = two_books_markdown()
    preview = parse_preview(raw)
    assert preview is not None and preview.title == "Book One"
    app = BriefApp(preview, pending=PendingDocument(raw).start())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*["right_square_bracket"] * 5, "j", "j")
        assert "(1.5.0)" in app.document.units[app.reader.text_layout.anchor(round(app.reader.scroll_y))[0]].text
        await pilot.press("slash", *"1.5.3", "enter")
        await wait_until(pilot, lambda: app.reader.current_match is not None)
        await pilot.pause()
        before = top_place(app)
        assert before[0].startswith("(1.5.")
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=90)
        await pilot.pause()
        assert app.article.title != preview.title  # the whole is laid out differently…
        assert top_place(app) == before  # …and the reader did not move
        await wait_until(pilot, lambda: app.reader.current_match is not None)
        match = app.reader.search.matches[app.reader.current_match]
        assert "(1.5.3)" in app.document.units[match.unit].text


def test_the_parse_process_lets_go_of_the_input_once_it_is_parsed(monkeypatch):
    """Its bytes (as much memory as the input) are not kept once decoded, while the article, the
    units and lines are made and sent back: no frame of the loading module or the parser holds the
    input or its bytes by then."""
    import io
    import pickle
    from types import SimpleNamespace

    from tui.parse import plain
    from tui.reading import loading
    from tui.reading.layout import Document

    raw = large_input()
    message = pickle.dumps((raw, False, True), protocol=pickle.HIGHEST_PROTOCOL)
    inbox = io.BytesIO(message + pickle.dumps((60, 0)))  # the input, then the reader's widths
    outbox = io.BytesIO()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=inbox))
    monkeypatch.setattr(sys, "stdout", SimpleNamespace(buffer=outbox))
    monkeypatch.setattr(os, "nice", lambda increment: 0)  # not this test process's priority
    held: list[list[str]] = []

    def holders() -> list[str]:
        frame, names = sys._getframe(2), []
        while frame is not None:
            if frame.f_code.co_filename == loading.__file__ or "/tui/parse/" in frame.f_code.co_filename:
                names += [
                    name
                    for name, value in frame.f_locals.items()
                    if isinstance(value, RawInput) or isinstance(value, bytes) and len(value) > len(raw.data) // 2
                ]
            frame = frame.f_back
        return names

    for cls, method in ((plain._Body, "parse"), (Document, "__init__")):
        original = getattr(cls, method)
        monkeypatch.setattr(
            cls, method, lambda self, *args, _original=original: held.append(holders()) or _original(self, *args)
        )
    loading._child()
    outbox.seek(0)
    messages = []
    while outbox.tell() < len(outbox.getvalue()):
        messages.append(pickle.load(outbox))
    # The preview's parse (the input is still needed), then the whole's, then its units.
    assert len(held) == 3 and "raw" in held[0]
    assert held[1:] == [[], []]
    # The preview, the article as soon as it is parsed, then its lines once laid out.
    assert [kind for kind, _ in messages] == ["preview", "article", "progress", "progress", "layout"]
    assert messages[1][1].digest == raw.digest and messages[-1][1].line_count > 0


def panel_state(app: BriefApp) -> tuple[list[str], list[str], list[str], int | None]:
    """The panel as the user finds it: the tab titles, each entry's text as listed, what `c`
    copies of each, and the current entry."""
    from tui.ui.widgets.insights import Insights, ItemList

    items = app.screen.query_one(ItemList)
    listed = [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]
    return app.screen.query_one(Insights)._titles(), listed, [e.text for e in items.entries], items.highlighted


async def test_the_whole_lists_the_same_panel_as_a_direct_parse_and_end_reaches_its_last_entry(
    isolated_state, monkeypatch
):
    """A book's thousands of takeaways are listed in batches once the whole is in (the first at
    once): in the end the panel is the one the whole article opened directly shows, and End
    pressed before the batches are done goes to the last entry."""
    from tui.ui.widgets.insights import ItemList

    monkeypatch.setattr(ItemList, "FIRST", 20)  # this input's 168 takeaways make several batches
    monkeypatch.setattr(ItemList, "BATCH", 30)
    raw = large_input()
    direct = BriefApp(raw.parse())
    async with direct.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: direct.screen.query_one(ItemList).option_count == len(direct.article.takeaways))
        expected = panel_state(direct)
        await pilot.press("G")
        await pilot.pause()
        expected_screen = screen_lines(direct)
    assert len(expected[1]) > 2 * ItemList.FIRST + ItemList.BATCH  # more than the first listing and a batch

    app = BriefApp(parse_preview(raw), pending=PendingDocument(raw).start())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.reader_screen.pending is None, timeout=60)
        items = app.screen.query_one(ItemList)
        await wait_until(pilot, lambda: items.option_count == len(items.entries))
        assert panel_state(app) == expected
        await pilot.press("G")
        await pilot.pause()
        assert screen_lines(app) == expected_screen  # the end of the text, navigator, panel, status
        # Listed anew (as a change of tab does), End before the batches have come: the last entry.
        items.show_entries(items.entries)
        assert items.option_count == ItemList.FIRST < len(items.entries)
        items.action_last()
        assert items.highlighted == len(items.entries) - 1 == items.option_count - 1
        await pilot.pause()
        assert panel_state(app)[1:3] == expected[1:3]


async def test_the_rest_of_a_long_list_is_listed_while_keys_pause(monkeypatch):
    """The rest of a long list is listed in a pause of the keys, a batch at a time: a key pressed
    meanwhile is handled between two batches (not once all of them have run, as with a chain of
    `call_later`: a quarter of a second once 10 MB of text had arrived), and stops the listing until
    the keys pause again."""
    from tests.app.helpers import text_app
    from tui.ui.widgets.insights import ItemList

    monkeypatch.setattr(ItemList, "FIRST", 20)
    monkeypatch.setattr(ItemList, "BATCH", 10)
    lines = ["A Long List", "", "Key Takeaways", ""] + [f"• Point {n}: a takeaway of its own." for n in range(400)]
    app = text_app("\n".join(lines))
    listed_when_key_came: list[int] = []
    handle = BriefApp.on_event

    async def on_event(self, event):
        if isinstance(event, events.Key):
            listed_when_key_came.append(self.screen.query_one(ItemList).option_count)
        await handle(self, event)

    monkeypatch.setattr(BriefApp, "on_event", on_event)
    async with app.run_test(size=(120, 40)) as pilot:
        items = app.screen.query_one(ItemList)
        await wait_until(pilot, lambda: items.option_count == len(items.entries))
        items.show_entries(items.entries)  # listed anew, as a change of tab does
        await pilot.press("j")
        assert set(listed_when_key_came) == {ItemList.FIRST}  # nothing more before a pause
        await wait_until(pilot, lambda: items.option_count > ItemList.FIRST)  # the pause has come
        listed_when_key_came.clear()
        await pilot.press("k")
        assert listed_when_key_came and max(listed_when_key_came) < len(items.entries)
        stopped_at = items.option_count
        await pilot.pause(ItemList.PAUSE / 2)
        assert items.option_count == stopped_at < len(items.entries)  # none while the keys come
        await wait_until(pilot, lambda: items.option_count == len(items.entries))


async def test_up_from_the_first_entry_and_scrolling_to_the_end_list_the_rest_first(monkeypatch):
    """Before the pause that lists the rest, the ways to the end of a long list list it all first:
    Up on the first entry goes round to the very last entry, and the list scrolled (wheel,
    scrollbar) to the end of what is listed goes on."""
    from tests.app.helpers import text_app
    from tui.ui.widgets.insights import ItemList

    monkeypatch.setattr(ItemList, "FIRST", 20)
    lines = ["A Long List", "", "Key Takeaways", ""] + [f"• Point {n}: a takeaway of its own." for n in range(400)]
    app = text_app("\n".join(lines))
    async with app.run_test(size=(120, 40)) as pilot:
        items = app.screen.query_one(ItemList)
        await wait_until(pilot, lambda: items.option_count == len(items.entries))
        items.show_entries(items.entries)
        assert items.highlighted == 0 and items.option_count == ItemList.FIRST
        items.action_cursor_up()
        assert items.highlighted == len(items.entries) - 1 == items.option_count - 1
        items.show_entries(items.entries)
        await pilot.pause()
        items.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert items.option_count == len(items.entries)


def test_a_parse_process_that_dies_after_sending_the_article_still_gives_the_whole(tmp_path):
    """Killed while laying out (out of memory, say), the parse process has sent the article already:
    the reader keeps it and lays it out itself."""
    import pickle

    raw = large_input()
    article = raw.parse()
    sent = tmp_path / "sent"
    sent.write_bytes(pickle.dumps(("article", article), protocol=pickle.HIGHEST_PROTOCOL))
    pending = PendingDocument(raw)
    pending._process = subprocess.Popen(["cat", str(sent)], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    prepared = pending.result(50, 21)
    assert prepared.document.article == article and not prepared.document.has_layout(50)
    assert prepared.document.layout(50).line_count > 0 and prepared.outline.lines(21)
