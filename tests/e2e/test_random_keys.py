"""Random keys in a real terminal never end in a traceback.

Every key brief binds (but those that quit or suspend: q, Ctrl+C, Ctrl+Q, Ctrl+Z) and noise keys are
sent in bursts, seeded so a failure can be replayed, at several sizes down to 40x12, to the bundled
sample and to a hostile file. At the end brief must still be running and must quit with status 0. The
command palette's Quit is the one way random keys may end brief early: it is started again and the keys go on.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, installed_brief, terminal_env
from tests.tools import require

pytestmark = pytest.mark.slow

KEYS_PER_RUN = 400
QUITTING = {"q", "ctrl+c", "ctrl+q", "ctrl+z"}
TMUX_NAMES = {
    "apostrophe": "'", "backspace": "BSpace", "ctrl+p": "C-p", "down": "Down", "end": "End", "enter": "Enter",
    "escape": "Escape", "home": "Home", "left": "Left", "left_square_bracket": "[", "pagedown": "NPage",
    "pageup": "PPage", "question_mark": "?", "right": "Right", "right_square_bracket": "]", "shift+tab": "BTab",
    "slash": "/", "space": "Space", "tab": "Tab", "up": "Up", "ctrl+l": "C-l", "ctrl+n": "C-n",
    "shift+down": "S-Down", "shift+up": "S-Up",
}  # fmt: skip
PALETTE_MARK = "🔎"  # the command palette's search line
# Keys reach brief a little after tmux sends them: the burst that quit may be one or two before the check.
QUIT_LAG_BURSTS = 3
NOISE = ["Escape", "Tab", "BTab", "C-p", "Up", "Down", "Left", "Right", "Enter", "x", "0", "é", "C-l"]

HOSTILE = (
    "# Evil \x1b]0;PWNED\x07 title \u202eesrever\u202c\n\n"
    "A paragraph with \x1b[2J escapes, \u2066isolates\u2069, tabs\there, wide 漢字漢字 and 🙂 emoji. " * 20 + "\n\n"
    + "".join(f"## Heading {n} [bold]not markup[/bold]\n\n{'word ' * 50}\n\n" for n in range(60))
    + "> " * 25 + "deep quote\n\n"
    + "".join("  " * d + "- nested item\n" for d in range(15))
    + "\n| a | b |\n|---|---|\n" + "| cell | " + "x" * 300 + " |\n" * 5
    + "\n```\n" + "code " * 200 + "\n```\n\n" + "y" * 5000 + "\n"
).encode("utf-8") + b"\n\nbad byte \xff here, " + "ünïcödé ".encode() * 200 + b"\n"


def binding_keys() -> list[str]:
    """Every key of every binding brief lists, as tmux names it (a new binding must be named here)."""
    from tui.ui.app import help_bindings

    keys = {key.strip() for binding in help_bindings() for key in binding.key.split(",")} - QUITTING
    unnamed = sorted(key for key in keys if len(key) > 1 and key not in TMUX_NAMES)
    assert not unnamed, f"give these keys their tmux names: {unnamed}"
    return sorted(TMUX_NAMES.get(key, key) for key in keys)


def everything_shown(tmux: Tmux) -> str:
    """The screen and its scrollback: a traceback is printed after the interface leaves the screen."""
    return tmux.tmux("capture-pane", "-p", "-S", "-500")


def run_random_keys(tmux: Tmux, argv: str, state: Path, seed: int) -> None:
    rng = random.Random(seed)
    keys = binding_keys()
    start_brief(tmux, argv, state)
    sent = 0
    recent: list[tuple[bool, list[str]]] = []  # (palette on screen before the burst, the burst)
    while sent < KEYS_PER_RUN:
        burst = [rng.choice(keys if rng.random() < 0.8 else NOISE) for _ in range(rng.randint(1, 6))]
        shown = tmux.screen()
        recent = [*recent[-(QUIT_LAG_BURSTS - 1) :], (PALETTE_MARK in "\n".join(shown), burst)]
        tmux.send(*burst)
        sent += len(burst)
        time.sleep(rng.choice([0, 0.01, 0.03, 0.08]))
        if "brief exited" in "\n".join(tmux.screen()):
            time.sleep(0.5)
            shown = everything_shown(tmux)
            assert "brief exited 0" in shown and palette_quit(recent), (
                f"brief ended during random keys (seed {seed}), not by the palette's Quit:\n{shown}"
            )
            assert "Traceback" not in shown and "Error" not in shown, f"seed {seed}:\n{shown}"
            tmux.tmux("kill-session")
            start_brief(tmux, argv, state)
            recent = []
    time.sleep(0.5)
    shown = everything_shown(tmux)
    assert "brief exited" not in shown, f"brief ended during random keys (seed {seed}):\n{shown}"
    tmux.send("C-q")
    lines = tmux.wait_for(lambda lines: any("brief exited" in line for line in lines), timeout=20)
    shown = everything_shown(tmux)
    assert "Traceback" not in shown and "Error" not in shown, f"seed {seed}:\n{shown}"
    assert any(line.strip() == "brief exited 0" for line in lines), "\n".join(lines)


def start_brief(tmux: Tmux, argv: str, state: Path) -> None:
    tmux.start(argv, terminal_env(str(state)))
    tmux.wait_for(lambda lines: any(line.strip() for line in lines[1:]))
    time.sleep(0.5)


def palette_quit(recent: list[tuple[bool, list[str]]]) -> bool:
    """Whether the last bursts could have chosen the command palette's Quit: a palette open, then Enter.

    Quit is one of Textual's system commands, which a user of the palette expects; random Down and Enter
    reach it. Any other way of ending stays a failure.
    """
    palette_open = False
    for shown_before, burst in recent:
        palette_open = palette_open or shown_before
        for key in burst:
            if key == "C-p":
                palette_open = True
            elif key == "Enter" and palette_open:
                return True
    return False


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("document", ["sample", "hostile"])
def test_random_keys_never_raise(tmp_path: Path, isolated_state: Path, size: tuple[int, int], document: str):
    require("tmux")
    argv = installed_brief()
    if document == "hostile":
        path = tmp_path / "hostile.md"
        path.write_bytes(HOSTILE)
        argv = f"{argv} '{path}'"
    # Fixed, so a failure replays; BRIEF_KEYS_SEED shifts every run's seed to explore further.
    seed = {"sample": 1, "hostile": 2}[document] * 100 + size[0] + int(os.environ.get("BRIEF_KEYS_SEED", "0"))
    tmux = Tmux(*size)
    try:
        run_random_keys(tmux, argv, isolated_state, seed)
    finally:
        tmux.close()
