"""--key-points and --highlights, and the empty-list rule every list option follows (as grep)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEED
from tests.fixture_sentences import NIGHT_TRAIN_SENTENCES, RELEASE_NOTES_SENTENCES
from tests.test_cli import run
from tui.parse import read_path
from tui.platform.state import ArticleState, Highlight, StateStore


@pytest.mark.parametrize(
    ("option", "what"),
    [
        ("--takeaways", "no key takeaways"),
        ("--pros", "no pros"),
        ("--cons", "no cons"),
        ("--highlights", "no highlights"),
    ],
)
def test_an_empty_list_prints_nothing_and_says_why_on_stderr(capsys, option, what):
    path = FIXTURES / "hard-wrapped.txt"
    assert run(capsys, option, str(path)) == (1, "", f"brief: {path}: {what}\n")


def test_key_points_of_an_article_without_takeaways(capsys):
    status, out, err = run(capsys, "--key-points", str(FIXTURES / "hard-wrapped.txt"))
    lines = out.splitlines()
    assert (status, err, len(lines)) == (0, "", 3)
    assert all(line.startswith("- ") and line[2:] in NIGHT_TRAIN_SENTENCES for line in lines)
    assert any(NIGHT_TRAIN_SENTENCES[line[2:]] == "The Border Crossing" for line in lines)


def test_key_points_come_from_half_the_sections_at_least(capsys):
    status, out, _ = run(capsys, "--key-points", str(FIXTURES / "release-notes.md"))
    lines = out.splitlines()
    assert status == 0 and len(lines) == 3
    assert all(line[2:] in RELEASE_NOTES_SENTENCES for line in lines)
    assert len({RELEASE_NOTES_SENTENCES[line[2:]] for line in lines}) >= 2


def test_key_points_are_not_the_takeaways(capsys):
    _, out, _ = run(capsys, "--key-points", str(SEED))
    _, takeaways, _ = run(capsys, "--takeaways", str(SEED))
    assert len(out.splitlines()) == 5  # the sample has about 2,000 words
    assert not set(out.splitlines()) & set(takeaways.splitlines())


def store_highlights(path: Path, marks: list[Highlight]) -> None:
    digest = read_path(path).parse().digest
    assert digest is not None
    StateStore().update(digest, lambda _: ArticleState("t", str(path.resolve()), highlights=marks))


def test_highlights_as_markdown_and_after_an_edit(capsys, tmp_path):
    path = tmp_path / "night.txt"
    shutil.copy(FIXTURES / "hard-wrapped.txt", path)
    store_highlights(path, [
        Highlight(3, 0, 38, "By midnight the dining car had closed.", None),
        Highlight(5, 0, 56, "At the first border the train stopped for forty minutes.", "The Border Crossing"),
    ])  # fmt: skip
    expected = (
        "## Notes From the Night Train\n\n> By midnight the dining car had closed.\n\n"
        "## The Border Crossing\n\n> At the first border the train stopped for forty minutes.\n"
    )
    assert run(capsys, "--highlights", str(path)) == (0, expected, "")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("forty minutes", "an hour").replace("By midnight", "Intro.\n\nBy midnight"), encoding="utf-8"
    )
    status, out, err = run(capsys, "--highlights", str(path))
    assert (status, out) == (0, "## Notes From the Night Train\n\n> By midnight the dining car had closed.\n")
    assert err == f"brief: {path}: 1 highlight no longer found in the text\n"


def test_highlights_of_a_library(capsys, tmp_path):
    shutil.copy(FIXTURES / "hard-wrapped.txt", tmp_path / "a.txt")
    shutil.copy(FIXTURES / "release-notes.md", tmp_path / "release-notes.md")  # titled after its name
    (tmp_path / "b.txt").write_text("Other\n\nNothing highlighted here at all.\n", encoding="utf-8")
    store_highlights(tmp_path / "a.txt", [Highlight(3, 0, 38, "By midnight the dining car had closed.", None)])
    store_highlights(tmp_path / "release-notes.md", [Highlight(6, 0, 15, "Bug fixes only.", "Version 1.1")])
    assert run(capsys, "--highlights", str(tmp_path)) == (
        0,
        "# Notes From the Night Train\n\n## Notes From the Night Train\n\n> By midnight the dining car had closed.\n\n"
        "# Release Notes\n\n## Version 1.1\n\n> Bug fixes only.\n",
        "",
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(capsys, "--highlights", str(empty)) == (1, "", f"brief: {empty}: no highlights in any article\n")
