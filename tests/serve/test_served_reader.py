"""The reader as `brief serve` runs it: it opens only what is served and lets a visitor do nothing on
the server but read (no suspend, no file saved, no screenshot, no link out of the folder)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pyperclip
import pytest
from textual.widgets import Button, Input, TextArea

from tests.app.test_copying import NOWHERE, notifications, settle
from tests.app.test_library import labels, open_library
from tests.conftest import FIXTURES, REPO, SEED
from tests.seed_expectations import SEED_TAKEAWAYS_MARKDOWN
from tests.test_clipboard import FakeSystemClipboard
from tui.parse import load_path
from tui.platform.clipboard import Clipboard, Environment
from tui.reading.library import find_articles
from tui.ui.app import BriefApp
from tui.ui.screens.copy_dialog import CopyDialog
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.reader import ReaderScreen


@pytest.fixture
def linked_folder(tmp_path):
    """A served folder holding one article, a link to an article outside it, and a linked folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(FIXTURES / "remote-work.txt", outside / "remote-work.txt")
    folder = tmp_path / "served"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "remote-work.txt").symlink_to(outside / "remote-work.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    return folder


def test_a_confined_library_leaves_out_links_that_leave_the_folder(linked_folder):
    assert find_articles(linked_folder, confined=True) == ([linked_folder / SEED.name], False)
    # Unserved, a linked file is listed as before (a linked folder is never entered).
    assert find_articles(linked_folder)[0] == [linked_folder / SEED.name, linked_folder / "remote-work.txt"]


async def test_the_served_library_lists_and_opens_only_the_served_articles(linked_folder):
    app = BriefApp(library=linked_folder, served=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        assert len(labels(screen)) == 1 and SEED.name in labels(screen)[0]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_served_files_are_a_library_of_those_files(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    shutil.copy(FIXTURES / "remote-work.txt", tmp_path / "remote-work.txt")
    (tmp_path / "not-served.txt").write_text("Not served\n\nA paragraph.\n")
    files = [tmp_path / SEED.name, tmp_path / "remote-work.txt"]
    app = BriefApp(library=tmp_path, library_files=files, served=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_library(app, pilot)
        assert [entry.path for entry in screen.entries] == files


async def test_ctrl_z_does_not_suspend_a_served_reader_nor_is_it_in_the_help(monkeypatch):
    suspended = []
    monkeypatch.setattr(os, "kill", lambda pid, number: suspended.append(number))
    app = BriefApp(load_path(SEED), served=True)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert suspended == []
        assert any("Suspending is off" in text for text in notifications(app))
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Suspend" not in str(app.screen.query_one("#help-keys").render())


async def test_a_served_reader_offers_no_screenshot_and_opens_no_url(monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda *args, **kwargs: opened.append(args))
    served, local = BriefApp(load_path(SEED), served=True), BriefApp(load_path(SEED))
    for app, expected in ((served, False), (local, True)):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            titles = [command.title for command in app.get_system_commands(app.screen)]
            assert ("Screenshot" in titles) is expected
    served.open_url("https://example.org/")
    assert opened == []


async def test_the_served_copy_dialog_shows_the_text_and_no_save(monkeypatch):
    monkeypatch.setattr(pyperclip, "determine_clipboard", FakeSystemClipboard("missing").functions)
    clipboard = Clipboard("off", Environment.from_environ(NOWHERE))
    app = BriefApp(load_path(SEED), clipboard=clipboard, served=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, CopyDialog)
        assert app.screen.query_one(TextArea).text == SEED_TAKEAWAYS_MARKDOWN
        assert not app.screen.query(Input) and not app.screen.query(Button)
        assert "save" not in str(app.screen.query_one("#copy-reason").render()).lower()


def test_the_served_reader_runs_only_when_the_server_starts_it(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "BRIEF_SERVED"}
    result = subprocess.run(
        [sys.executable, "-m", "tui.serve.reader", str(SEED)], capture_output=True, text=True, env=env, cwd=REPO
    )
    assert result.returncode == 2
    assert result.stderr == "brief: the served reader is started by `brief serve`\n"


def test_a_served_file_over_2_mb_opens_on_its_preview(tmp_path, monkeypatch):
    # The parse process makes the preview above 2 MB; the served reader gave BriefApp no article.
    from tui.reading.loading import PROCESS_THRESHOLD
    from tui.serve import reader

    big = tmp_path / "big.txt"
    paragraph = "The harbour master reads the tide tables every morning before the boats go out. " * 8
    big.write_text("Tides\n\n" + f"{paragraph}\n\n" * (PROCESS_THRESHOLD // len(paragraph) + 10))
    started: dict = {}

    class Started:
        return_code = 0

        def __init__(self, article, **options):
            started.update(article=article, **options)

        def run(self):
            started["pending"].cancel()

    monkeypatch.setenv("BRIEF_SERVED", "1")
    monkeypatch.setattr("tui.ui.app.BriefApp", Started)
    assert reader.main([str(big)]) == 0
    assert started["article"] is not None and started["article"].title == "Tides"
    assert started["article"].complete is False and started["served"] is True
