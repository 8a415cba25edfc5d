"""Copying from the reader: y, Y and c, what reaches the clipboard, what the user is told."""

from __future__ import annotations

import base64
import re

import pyperclip
from textual.widgets import Input, TextArea

from tests.app.helpers import seed_app, wait_until
from tests.conftest import SEED
from tests.seed_expectations import SEED_TAKEAWAYS_MARKDOWN
from tests.test_clipboard import FakeSystemClipboard
from tui.parse import load_path
from tui.platform.clipboard import Clipboard, Environment, osc52_sequence
from tui.reading import export
from tui.ui.app import BriefApp
from tui.ui.screens.copy_dialog import CopyDialog
from tui.ui.widgets.insights import Insights, ItemList

SSH = {"TERM": "xterm-256color", "SSH_TTY": "/dev/pts/1"}
NOWHERE = {"TERM": "dumb"}


def app_copying_to(environ: dict[str, str], mode: str = "auto") -> tuple[BriefApp, list[str]]:
    sent: list[str] = []
    clipboard = Clipboard(mode, Environment.from_environ(environ), write_terminal=sent.append)
    return BriefApp(load_path(SEED), clipboard=clipboard), sent


def notifications(app: BriefApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def settle(app: BriefApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def decoded(sequence: str) -> str:
    match = re.fullmatch(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", sequence)
    assert match is not None, repr(sequence)
    return base64.b64decode(match.group(1)).decode("utf-8")


async def test_y_copies_all_takeaways_as_markdown_over_ssh():
    app, sent = app_copying_to(SSH)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert [decoded(s) for s in sent] == [SEED_TAKEAWAYS_MARKDOWN]
        assert "Sent 6 takeaways (terminal clipboard, OSC 52)" in notifications(app)


async def test_shift_y_copies_pros_and_cons():
    app, sent = app_copying_to(SSH)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("Y")
        await settle(app, pilot)
        assert [decoded(s) for s in sent] == [export.pros_cons_markdown(app.article)]
        assert "Sent 5 pros and 5 cons (terminal clipboard, OSC 52)" in notifications(app)


async def test_c_in_the_panel_copies_the_selected_item_as_shown():
    app, sent = app_copying_to(SSH)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")  # move away, then work in the panel
        pros = app.query_one(ItemList)
        pros.focus()
        await pilot.press("right")  # the Pros tab
        await pilot.pause()
        assert app.query_one(Insights).active_group == "pros"
        await pilot.press("down", "c")
        await settle(app, pilot)
        shown = str(pros.get_option_at_index(pros.highlighted).prompt)
        assert [decoded(s) for s in sent] == [shown]
        assert shown == app.article.pros[pros.highlighted].display
        assert "Sent 1 item (terminal clipboard, OSC 52)" in notifications(app)


async def test_c_after_t_copies_the_panels_selected_item_and_without_the_panel_says_how(isolated_state):
    """At 80 columns `t` shows the panel beside the text, the focus staying in the text: `c` copies
    the panel's selected entry from there too. With the panel hidden, `c` says what to press."""
    from tui.ui.screens.reader import COPY_ITEM_HINT

    app, sent = app_copying_to(SSH)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not app.query_one(Insights).display
        await pilot.press("c")
        await settle(app, pilot)
        assert sent == [] and COPY_ITEM_HINT in notifications(app)
        await pilot.press("t")
        await pilot.pause()
        assert app.query_one(Insights).display and app.focused is app.reader
        await pilot.press("c")
        await settle(app, pilot)
        assert [decoded(s) for s in sent] == [app.article.takeaways[0].display]
        assert "Sent 1 item (terminal clipboard, OSC 52)" in notifications(app)


async def test_with_no_clipboard_a_dialog_shows_the_text_and_saves_it(tmp_path, monkeypatch):
    no_backend = FakeSystemClipboard("missing")
    monkeypatch.setattr(pyperclip, "determine_clipboard", no_backend.functions)
    app, sent = app_copying_to(NOWHERE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, CopyDialog)
        assert app.screen.query_one(TextArea).text == SEED_TAKEAWAYS_MARKDOWN
        target = tmp_path / "takeaways.md"
        target.write_text("precious notes")
        app.screen.query_one(Input).value = str(target)
        app.screen.query_one(Input).focus()
        await pilot.press("enter")
        assert target.read_text() == "precious notes"  # never overwritten without asking
        assert "exists" in str(app.screen.query_one("#copy-status").render())
        await pilot.press("enter")  # asked again: replace
        await pilot.pause()
        assert target.read_text() == SEED_TAKEAWAYS_MARKDOWN + "\n"
        assert not isinstance(app.screen, CopyDialog)


async def test_without_takeaways_y_copies_the_suggested_key_points_as_the_option_prints_them():
    from tests.app.test_snapshots import NO_INSIGHTS_ARTICLE
    from tui.cli import render
    from tui.parse import parse_text

    sent: list[str] = []
    clipboard = Clipboard("osc52", Environment.from_environ(SSH), write_terminal=sent.append)
    article = parse_text(NO_INSIGHTS_ARTICLE, name="q.txt")
    app = BriefApp(article, clipboard=clipboard)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_until(pilot, lambda: bool(app.query_one(Insights).suggestions))
        assert app.query_one(Insights).active_group == "key-points"
        await pilot.press("y")
        await settle(app, pilot)
        assert [decoded(s) for s in sent] == [render(article, "key-points", None)]
        assert "Sent 3 suggested key points (terminal clipboard, OSC 52)" in notifications(app)


def test_osc52_helper_round_trips():
    assert decoded(osc52_sequence("a “b”")) == "a “b”"


async def test_seed_app_helper_opens_the_seed_with_an_auto_clipboard():
    app = seed_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert app.article.title.startswith("The Diplomatic Gauntlet")
        assert len(app.article.takeaways) == 6
        assert isinstance(app.clipboard_writer, Clipboard) and app.clipboard_writer.mode == "auto"


async def test_osc52_goes_through_textuals_copy_to_clipboard(monkeypatch):
    for name in ("TMUX", "STY", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSH_TTY", "/dev/pts/1")
    app = BriefApp(load_path(SEED), clipboard_mode="osc52")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert app.clipboard == SEED_TAKEAWAYS_MARKDOWN


async def test_inside_tmux_the_fix_is_named_once(monkeypatch):
    monkeypatch.setattr("tui.platform.clipboard._load_tmux_buffer", lambda text: True)
    environment = Environment.from_environ({**SSH, "TMUX": "/tmp/tmux-0/default,1,0"})
    clipboard = Clipboard("auto", environment, write_terminal=[].append, tmux_option=lambda name: "external")
    app = BriefApp(load_path(SEED), clipboard=clipboard)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        first = "Sent 6 takeaways (terminal clipboard, OSC 52 and tmux buffer)"
        assert f"{first}\nNot arriving? tmux passes it on after set -g set-clipboard on." in notifications(app)
        app.clear_notifications()
        await pilot.press("y")
        await settle(app, pilot)
        assert notifications(app) == [first]
        assert not any(n.startswith("Copied") for n in notifications(app))
