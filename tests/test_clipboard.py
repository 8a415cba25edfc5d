"""How brief copies: the decision for each environment, and the side effects through real code paths."""

from __future__ import annotations

import base64
import os
import re
import stat

import pyperclip
import pytest

from tests.conftest import SEED
from tests.seed_expectations import SEED_TAKEAWAYS_MARKDOWN
from tui.reading import export
from tui.platform.clipboard import (
    MAX_OSC52_BYTES,
    SYSTEM_CLIPBOARD,
    TERMINAL_CLIPBOARD,
    Clipboard,
    ClipboardError,
    Environment,
    Plan,
    osc52_sequence,
    plan_copy,
    resolve_mode,
)
from tui.parse import load_path

DESKTOP = {"TERM": "xterm-256color", "DISPLAY": ":0"}
SSH = {"TERM": "xterm-256color", "SSH_TTY": "/dev/pts/3", "SSH_CONNECTION": "10.0.0.2 5000 10.0.0.1 22"}
SSH_IN_TMUX = {**SSH, "TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"}
SSH_IN_SCREEN = {**SSH, "TERM": "screen.xterm-256color", "STY": "1234.pts-0.host"}
UNKNOWN_TERMINAL = {"TERM": "dumb"}


def decide(environ: dict[str, str], mode: str = "auto") -> Plan:
    return plan_copy(Environment.from_environ(environ), resolve_mode(mode, {}))


# The decision ---------------------------------------------------------------------------------


def test_desktop_uses_the_system_clipboard_and_osc52():
    assert decide(DESKTOP) == Plan(system=True, osc52=True)


def test_ssh_sends_osc52_and_not_the_remote_clipboard():
    assert decide(SSH) == Plan(osc52=True)


def test_ssh_inside_tmux_also_loads_the_tmux_buffer():
    assert decide(SSH_IN_TMUX) == Plan(osc52=True, tmux_buffer=True)


def test_ssh_inside_screen_wraps_osc52_for_screen():
    assert decide(SSH_IN_SCREEN) == Plan(osc52=True, screen_passthrough=True)


def test_modes_override_the_environment():
    assert decide(SSH, "system") == Plan(system=True)
    assert decide(DESKTOP, "osc52") == Plan(osc52=True)
    assert decide(DESKTOP, "off") == Plan()
    assert decide(SSH_IN_TMUX, "off").empty


def test_mode_comes_from_the_option_then_the_environment():
    assert resolve_mode(None, {}) == "auto"
    assert resolve_mode(None, {"BRIEF_CLIPBOARD": "OSC52"}) == "osc52"
    assert resolve_mode("system", {"BRIEF_CLIPBOARD": "off"}) == "system"
    with pytest.raises(ClipboardError, match="unknown clipboard mode 'pigeon'"):
        resolve_mode(None, {"BRIEF_CLIPBOARD": "pigeon"})


def test_terminals_known_to_support_osc52():
    assert Environment.from_environ({"TERM": "xterm-kitty"}).osc52_terminal
    assert Environment.from_environ({"TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"}).osc52_terminal
    assert Environment.from_environ({"TERM": "linux", "WT_SESSION": "x"}).osc52_terminal
    assert not Environment.from_environ(UNKNOWN_TERMINAL).osc52_terminal
    # They say xterm-256color but ignore OSC 52: the dialog is the honest answer there.
    assert not Environment.from_environ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}).osc52_terminal
    assert not Environment.from_environ({"TERM": "xterm-256color", "KONSOLE_VERSION": "230800"}).osc52_terminal
    assert not Environment.from_environ({"TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"}).osc52_terminal
    assert Environment.from_environ({"TERM": "tmux-256color", "TMUX": "x", "VTE_VERSION": "7600"}).osc52_terminal


# The escape sequences -------------------------------------------------------------------------


def test_osc52_sequence_is_base64_of_the_utf8_text():
    sequence = osc52_sequence("Label: “quoted” text")
    assert sequence == "\x1b]52;c;" + base64.b64encode("Label: “quoted” text".encode()).decode() + "\x07"


def test_screen_passthrough_wraps_osc52_in_dcs_pieces():
    text = "x" * 500
    sequence = osc52_sequence(text, screen=True)
    assert sequence.startswith("\x1bP\x1b]52;c;") and sequence.endswith("\x07\x1b\\")
    pieces = re.findall(r"\x1bP(.*?)\x1b\\", sequence, re.S)
    assert all(len(piece.replace("\x1b]52;c;", "").replace("\x07", "")) <= 76 for piece in pieces)
    payload = "".join(pieces).replace("\x1b]52;c;", "").replace("\x07", "")
    assert base64.b64decode(payload).decode() == text


# Carrying out a copy --------------------------------------------------------------------------


class FakeSystemClipboard:
    """Stands in for pyperclip's backend: works, has no backend, or drops the text (stale DISPLAY)."""

    def __init__(self, behaviour: str = "works") -> None:
        self.behaviour = behaviour
        self.held = ""

    def functions(self):
        def copy(text):
            if self.behaviour == "missing":
                raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism")
            if self.behaviour == "works":
                self.held = text

        def paste():
            if self.behaviour == "missing":
                raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism")
            return self.held

        return copy, paste


@pytest.fixture
def system(monkeypatch):
    fake = FakeSystemClipboard()
    monkeypatch.setattr(pyperclip, "determine_clipboard", fake.functions)
    return fake


def make_clipboard(environ, mode="auto"):
    sent: list[str] = []
    clipboard = Clipboard(resolve_mode(mode, {}), Environment.from_environ(environ), write_terminal=sent.append)
    return clipboard, sent


def test_desktop_copy_reports_the_system_clipboard(system):
    clipboard, sent = make_clipboard(DESKTOP)
    outcome = clipboard.copy("hello")
    assert outcome.channel == SYSTEM_CLIPBOARD
    assert system.held == "hello"
    assert sent == [osc52_sequence("hello")]


def test_desktop_without_backend_falls_back_to_osc52(system):
    system.behaviour = "missing"
    clipboard, sent = make_clipboard(DESKTOP)
    assert clipboard.copy("hello").channel == TERMINAL_CLIPBOARD
    assert sent == [osc52_sequence("hello")]


def test_stale_display_is_not_reported_as_the_system_clipboard(system):
    system.behaviour = "drops"
    clipboard, _ = make_clipboard(DESKTOP)
    assert clipboard.copy("hello").channel == TERMINAL_CLIPBOARD
    clipboard, _ = make_clipboard(DESKTOP, "system")
    outcome = clipboard.copy("hello")
    assert outcome.channel is None
    assert outcome.problem == "the system clipboard did not take the text"


def test_no_backend_and_unknown_terminal_says_why(system):
    system.behaviour = "missing"
    clipboard, _ = make_clipboard(UNKNOWN_TERMINAL)
    outcome = clipboard.copy("hello")
    assert outcome.channel is None
    assert "no system clipboard (Pyperclip could not find a copy/paste mechanism)" in outcome.problem
    assert "this terminal is not known to support OSC 52" in outcome.problem


def test_ssh_copy_goes_to_the_terminal_only(system):
    clipboard, sent = make_clipboard(SSH)
    assert clipboard.copy("over ssh").channel == TERMINAL_CLIPBOARD
    assert sent == [osc52_sequence("over ssh")]
    assert system.held == ""


def test_oversized_payload_is_refused_not_truncated(system):
    clipboard, sent = make_clipboard(SSH)
    outcome = clipboard.copy("x" * MAX_OSC52_BYTES)
    assert outcome.channel is None
    assert outcome.problem.startswith("too long for the terminal clipboard (133 KB")
    assert sent == []


def test_off_copies_nothing(system):
    clipboard, sent = make_clipboard(DESKTOP, "off")
    outcome = clipboard.copy("hello")
    assert outcome.channel is None and "turned off" in outcome.problem
    assert sent == [] and system.held == ""


# pyperclip's real code path, with a stand-in xclip on PATH ------------------------------------

FAKE_XCLIP = """#!/bin/sh
# Records what brief copies; prints it back for -o, as xclip does.
store="$(dirname "$0")/clipboard.txt"
for argument in "$@"; do
    if [ "$argument" = "-o" ]; then cat "$store"; exit 0; fi
done
echo "$*" >> "$(dirname "$0")/calls.txt"
cat > "$store"
"""


def test_copy_through_pyperclip_and_a_real_xclip_program(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    xclip = bin_dir / "xclip"
    xclip.write_text(FAKE_XCLIP)
    xclip.chmod(xclip.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    clipboard, _ = make_clipboard(DESKTOP)
    text = export.markdown_list(load_path(SEED).takeaways)
    assert clipboard.copy(text).channel == SYSTEM_CLIPBOARD
    assert (bin_dir / "clipboard.txt").read_text(encoding="utf-8") == text
    assert (bin_dir / "calls.txt").read_text().split() == ["-selection", "c"]  # pyperclip's xclip call


# What is copied -------------------------------------------------------------------------------


def test_seed_takeaways_markdown_is_exact():
    assert export.markdown_list(load_path(SEED).takeaways) == SEED_TAKEAWAYS_MARKDOWN


def test_seed_pros_and_cons_markdown_is_exact():
    markdown = export.pros_cons_markdown(load_path(SEED))
    lines = markdown.split("\n")
    assert lines[0] == "## Pros" and lines[1] == ""
    assert lines[2].startswith("- **Direct Dialogue and Potential Breakthroughs:** Trump’s willingness")
    assert lines[8] == "## Cons"
    assert lines[10].startswith("- **Risk of Undermining Allied Cohesion:** If Trump’s approach")
    assert len(lines) == 15
    assert lines[-1].startswith("- **Potential for Deal-Making at Ukraine’s Expense:** There is a concern")


def test_copied_item_is_exactly_the_text_shown():
    article = load_path(SEED)
    item = article.pros[1]
    assert item.display == f"{item.label}: {item.text}"
    assert item.display.startswith("Leveraging Personal Rapport: If Trump has cultivated")
    assert article.takeaways[0].display == article.takeaways[0].text


def test_markdown_of_items_with_labels_and_nesting():
    from tui.model.article import Item

    items = [Item("Cost", "low"), Item(None, "plain"), Item(None, "nested", 1), Item("Only", "")]
    assert export.markdown_list(items) == "- **Cost:** low\n- plain\n  - nested\n- **Only:**"


def test_text_files_write_atomically_and_never_replace_without_asking(tmp_path):
    from tui.platform.files import write_atomically

    target = tmp_path / "notes.md"
    write_atomically(target, "first")
    with pytest.raises(FileExistsError):
        write_atomically(target, "second")
    assert target.read_text() == "first"
    write_atomically(target, "second", replace=True)
    assert target.read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


@pytest.mark.parametrize(("setting", "hint"), [("external", True), ("off", True), ("on", False)])
def test_inside_tmux_a_copy_is_sent_not_known_to_arrive(monkeypatch, system, setting, hint):
    monkeypatch.setattr("tui.platform.clipboard._load_tmux_buffer", lambda text: True)
    asked: list[str] = []

    def tmux_option(name: str) -> str:
        asked.append(name)
        return setting

    environment = Environment.from_environ(SSH_IN_TMUX)
    clipboard = Clipboard("auto", environment, write_terminal=[].append, tmux_option=tmux_option)
    outcome = clipboard.copy("over ssh in tmux")
    assert outcome.channel == f"{TERMINAL_CLIPBOARD} and tmux buffer"
    assert outcome.verified is False  # nothing comes back from the terminal to say it arrived
    assert asked == ["set-clipboard"]
    assert (outcome.hint == "tmux passes it on after set -g set-clipboard on") is hint


def test_a_system_clipboard_read_back_is_verified(system):
    clipboard, _ = make_clipboard(DESKTOP)
    assert clipboard.copy("hello").verified is True


def test_plain_osc52_goes_through_send_osc52_and_screen_keeps_its_wrapper(system):
    texts: list[str] = []
    raw: list[str] = []
    clipboard = Clipboard("auto", Environment.from_environ(SSH), write_terminal=raw.append, send_osc52=texts.append)
    clipboard.copy("plain")
    assert texts == ["plain"] and raw == []
    screen = Environment.from_environ(SSH_IN_SCREEN)
    clipboard = Clipboard("auto", screen, write_terminal=raw.append, send_osc52=texts.append)
    clipboard.copy("wrapped")
    assert texts == ["plain"] and raw == [osc52_sequence("wrapped", screen=True)]
