"""The state file: versioned JSON, atomic, locked, and never fatal when corrupt."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.platform.state import STATE_FILE, ArticleState, Spot, StateStore


def test_state_dir_comes_from_the_environment(isolated_state):
    store = StateStore()
    assert store.path == isolated_state / STATE_FILE


def test_update_and_get_round_trip(tmp_path):
    store = StateStore(tmp_path)
    spot = Spot(12, 40, "Pros and Cons", "The potential outcomes…")
    store.update("abc", lambda _: ArticleState("Title", "/a/b.txt", spot, [spot], 5.0))
    state, exact = store.get("abc")
    assert exact and state == ArticleState("Title", "/a/b.txt", spot, [spot], 5.0)
    data = json.loads((tmp_path / STATE_FILE).read_text())
    assert data["version"] == 2 and list(data["articles"]) == ["abc"]


def test_a_changed_file_is_found_by_its_path(tmp_path):
    store = StateStore(tmp_path)
    store.update("old", lambda _: ArticleState("T", "/docs/a.txt", Spot(3, 0, "Intro"), [], 1.0))
    state, exact = store.get("new", "/docs/a.txt")
    assert state is not None and not exact and state.position.heading == "Intro"
    assert store.get("new", "/docs/other.txt") == (None, False)


def test_corrupt_state_is_set_aside_and_reported(tmp_path):
    (tmp_path / STATE_FILE).write_text("{ not json")
    store = StateStore(tmp_path)
    assert store.get("abc") == (None, False)
    assert store.warning is not None and "moved it to" in store.warning
    set_aside = list(tmp_path.glob(f"{STATE_FILE}.corrupt-*"))
    assert len(set_aside) == 1 and set_aside[0].read_text() == "{ not json"  # the user's data is kept
    store.update("abc", lambda _: ArticleState("T"))
    assert json.loads((tmp_path / STATE_FILE).read_text())["articles"]["abc"]["title"] == "T"


def test_unknown_version_is_set_aside_too(tmp_path):
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 99, "articles": {}}))
    store = StateStore(tmp_path)
    store.get("x")
    assert "unknown version 99" in store.warning


def test_forget_one_by_digest_or_path_and_all(tmp_path):
    store = StateStore(tmp_path)
    for key, source in (("a", "/x/a.txt"), ("b", "/x/b.txt"), ("c", "/x/c.txt")):
        store.update(key, lambda _, key=key, source=source: ArticleState(key, source))
    assert store.forget("a") == 1
    assert store.forget(None, source="/x/b.txt") == 1
    assert store.forget() == 1
    assert json.loads((tmp_path / STATE_FILE).read_text())["articles"] == {}


def _writer(directory: str, key: str, count: int) -> None:
    store = StateStore(Path(directory))
    for number in range(count):
        store.update(key, lambda _, n=number: ArticleState(key, position=Spot(n)))


def test_two_processes_at_once_never_corrupt_or_lose_each_other(tmp_path):
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_writer, args=(str(tmp_path), key, 40)) for key in ("first", "second")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    articles = json.loads((tmp_path / STATE_FILE).read_text())["articles"]
    assert articles["first"]["position"]["unit"] == 39
    assert articles["second"]["position"]["unit"] == 39
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


operation = st.one_of(
    st.tuples(st.just("scroll"), st.sampled_from(["one", "two"]), st.integers(0, 500)),
    st.tuples(st.just("bookmark"), st.sampled_from(["one", "two"]), st.integers(0, 500)),
    st.tuples(st.just("quit"), st.sampled_from(["one", "two"]), st.just(0)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(operation, max_size=25))
def test_any_sequence_of_operations_leaves_valid_json_with_the_last_positions(tmp_path_factory, operations):
    directory = tmp_path_factory.mktemp("state")
    store = StateStore(directory)
    expected: dict[str, int] = {}
    marks: dict[str, set[int]] = {}
    for kind, article, value in operations:
        if kind == "scroll":

            def move(state, value=value, article=article):
                state = state or ArticleState(article)
                state.position = Spot(value)
                return state

            store.update(article, move)
            expected[article] = value
        elif kind == "bookmark":

            def mark(state, value=value, article=article):
                state = state or ArticleState(article)
                if all(b.unit != value for b in state.bookmarks):
                    state.bookmarks.append(Spot(value))
                return state

            store.update(article, mark)
            marks.setdefault(article, set()).add(value)
        else:
            # Quit: brief exits and starts again, and reads back only what reached the disk.
            store = StateStore(directory)
        if (directory / STATE_FILE).exists():
            data = json.loads((directory / STATE_FILE).read_text())  # valid JSON after every step
            assert data["version"] == 2
    for article, unit in expected.items():
        state, exact = store.get(article)
        assert exact and state.position == Spot(unit)
    for article, units in marks.items():
        assert {b.unit for b in store.get(article)[0].bookmarks} == units


def test_keys_from_a_newer_brief_are_ignored_not_fatal(tmp_path):
    spot = {"unit": 3, "offset": 0, "heading": "Intro", "excerpt": "x", "section": 2}
    article = {"title": "T", "source": None, "position": spot, "bookmarks": [spot], "opened": 1.0}
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 1, "articles": {"abc": article, "bad": {"position": 7}}}))
    store = StateStore(tmp_path)
    state, exact = store.get("abc")
    assert exact and state.position == Spot(3, 0, "Intro", "x") and state.bookmarks == [Spot(3, 0, "Intro", "x")]
    # The record whose position is a number is kept without it, and that is said once.
    assert store.get("bad") == (ArticleState(""), True)
    assert store.warning == "Saved state: 1 record that did not fit was dropped"


def test_each_corrupt_file_is_kept_under_its_own_name(tmp_path):
    for attempt in range(3):
        (tmp_path / STATE_FILE).write_text(f"broken {attempt}")
        StateStore(tmp_path).get("x")
    kept = sorted(p.read_text() for p in tmp_path.glob(f"{STATE_FILE}.corrupt-*"))
    assert kept == ["broken 0", "broken 1", "broken 2"]


def test_bookmarks_from_two_readers_of_one_article_are_both_kept(tmp_path):
    from tests.conftest import SEED
    from tui.reading.layout import Document
    from tui.reading.memory import ArticleMemory
    from tui.parse import load_path

    document = Document(load_path(SEED))
    first, second = ArticleMemory(StateStore(tmp_path), document), ArticleMemory(StateStore(tmp_path), document)
    first.restore(resume=True)
    second.restore(resume=True)
    assert first.add_bookmark(Spot(5, 0, "Introduction"))
    assert second.add_bookmark(Spot(9, 0, "Context & Background"))  # second never saw the first's
    assert not second.add_bookmark(Spot(5, 0, "Introduction"))  # already there, on disk
    state, _ = StateStore(tmp_path).get(document.article.digest)
    assert [b.unit for b in state.bookmarks] == [5, 9]
    second.delete_bookmark(Spot(5, 0, "Introduction"))
    assert [b.unit for b in StateStore(tmp_path).get(document.article.digest)[0].bookmarks] == [9]
