"""How to copy text here: first the decision (pure), then the side effects, then what to tell the user.

Over SSH the machine's own clipboard is useless, so text goes to the user's terminal as an OSC 52
escape; inside tmux it is also handed to tmux; inside GNU screen the escape is wrapped so screen
passes it on. Locally pyperclip is tried (and read back), and OSC 52 sent as well.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

Mode = Literal["auto", "system", "osc52", "off"]
MODES: tuple[Mode, ...] = ("auto", "system", "osc52", "off")

MAX_OSC52_BYTES = 100_000
"""Largest OSC 52 sequence sent: terminals drop or truncate longer ones."""
SCREEN_CHUNK = 76
"""GNU screen passes on DCS strings only in pieces of limited length."""

SYSTEM_CLIPBOARD = "system clipboard"
TERMINAL_CLIPBOARD = "terminal clipboard, OSC 52"

# Terminals known to act on OSC 52 (TERM prefixes and TERM_PROGRAM names).
_OSC52_TERMS = ("xterm", "tmux", "screen", "alacritty", "foot", "kitty", "wezterm", "contour", "ghostty", "rio")
_OSC52_PROGRAMS = ("iTerm.app", "WezTerm", "ghostty", "tmux", "vscode", "kitty", "Alacritty", "rio")


class ClipboardError(Exception):
    """Copying could not reach any clipboard; the message says why, in one line."""


@dataclass(frozen=True)
class Environment:
    """The facts about where brief runs that decide how to copy."""

    ssh: bool
    tmux: bool
    screen: bool
    osc52_terminal: bool

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Environment:
        env = os.environ if environ is None else environ
        term = env.get("TERM", "")
        program = env.get("TERM_PROGRAM", "")
        tmux = bool(env.get("TMUX"))
        screen = bool(env.get("STY")) and not tmux
        # These say xterm-256color but ignore OSC 52; inside tmux or screen the multiplexer answers.
        ignores_osc52 = bool(env.get("VTE_VERSION") or env.get("KONSOLE_VERSION")) or program == "Apple_Terminal"
        return cls(
            ssh=bool(env.get("SSH_TTY") or env.get("SSH_CONNECTION")),
            tmux=tmux,
            screen=screen,
            osc52_terminal=tmux or screen or not ignores_osc52 and (
                term.startswith(_OSC52_TERMS) or program in _OSC52_PROGRAMS
                or bool(env.get("WT_SESSION")) or bool(env.get("KITTY_WINDOW_ID"))
            ),
        )  # fmt: skip


@dataclass(frozen=True)
class Plan:
    """Which channels to use for one copy."""

    system: bool = False
    osc52: bool = False
    tmux_buffer: bool = False
    screen_passthrough: bool = False

    @property
    def empty(self) -> bool:
        return not (self.system or self.osc52 or self.tmux_buffer)


def resolve_mode(option: str | None, environ: Mapping[str, str] | None = None) -> Mode:
    """The copy mode: the command-line option, else `BRIEF_CLIPBOARD`, else auto."""
    env = os.environ if environ is None else environ
    value = (option or env.get("BRIEF_CLIPBOARD") or "auto").strip().lower()
    if value not in MODES:
        raise ClipboardError(f"unknown clipboard mode {value!r} (choose from {', '.join(MODES)})")
    return value  # type: ignore[return-value]


def plan_copy(environment: Environment, mode: Mode) -> Plan:
    """Decide the channels for `mode` in `environment`; no side effects."""
    if mode == "off":
        return Plan()
    terminal = {"tmux_buffer": environment.tmux, "screen_passthrough": environment.screen}
    if mode == "system":
        return Plan(system=True)
    if mode == "osc52":
        return Plan(osc52=True, **terminal)
    if environment.ssh:
        return Plan(osc52=True, **terminal)
    # Locally, OSC 52 is harmless where unsupported and helps where pyperclip has no backend.
    return Plan(system=True, osc52=True, **terminal)


def osc52_sequence(text: str, screen: bool = False) -> str:
    """The OSC 52 escape that sets the clipboard to `text`; wrapped in DCS pieces for GNU screen."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    if not screen:
        return f"\x1b]52;c;{payload}\x07"
    pieces = [payload[i : i + SCREEN_CHUNK] for i in range(0, len(payload), SCREEN_CHUNK)] or [""]
    return "\x1bP\x1b]52;c;" + "\x1b\\\x1bP".join(pieces) + "\x07\x1b\\"


TMUX_FIX = "set -g set-clipboard on"
"""The tmux setting that lets a program's OSC 52 through to the terminal outside."""


@dataclass(frozen=True)
class Outcome:
    """What a copy reached: the channel to name to the user, or why nothing was reached.

    `verified` is False when the text was sent where brief cannot see whether it arrived (an
    escape to the terminal, a tmux buffer forwarded outward); `hint` then names what may stop it.
    """

    channel: str | None
    problem: str | None = None
    verified: bool = True
    hint: str | None = None


class Clipboard:
    """Carries out a plan. `write_terminal` sends raw escapes to the user's terminal (the app's driver)."""

    def __init__(
        self,
        mode: Mode = "auto",
        environment: Environment | None = None,
        write_terminal: Callable[[str], None] | None = None,
        send_osc52: Callable[[str], None] | None = None,
        tmux_option: Callable[[str], str | None] | None = None,
    ) -> None:
        """`send_osc52(text)` sends a plain OSC 52 (the app's own `copy_to_clipboard`);
        `write_terminal(sequence)` writes raw escapes, needed only for GNU screen's wrapper (and
        used for plain OSC 52 too when there is no `send_osc52`)."""
        self.mode = mode
        self.environment = environment or Environment.from_environ()
        self.write_terminal = write_terminal
        self.send_osc52 = send_osc52
        self.tmux_option = tmux_option or _tmux_option

    def copy(self, text: str) -> Outcome:
        """Copy `text` by every planned channel; the outcome names the best one that worked."""
        plan = plan_copy(self.environment, self.mode)
        if plan.empty:
            return Outcome(None, "copying is turned off (--clipboard off)")
        problems: list[str] = []
        system = self._copy_system(text, problems) if plan.system else False
        terminal = self._copy_terminal(text, plan, problems) if plan.osc52 else False
        tmux = _load_tmux_buffer(text) if plan.tmux_buffer else False
        if system:
            return Outcome(SYSTEM_CLIPBOARD)
        # From here on the text was sent, and nothing comes back to say it arrived.
        hint = self._tmux_hint() if terminal or tmux else None
        if terminal and (self.environment.osc52_terminal or self.mode == "osc52"):
            return Outcome(f"{TERMINAL_CLIPBOARD}{' and tmux buffer' if tmux else ''}", verified=False, hint=hint)
        if tmux:
            return Outcome("tmux buffer", verified=False, hint=hint)
        if terminal:
            problems.append("this terminal is not known to support OSC 52")
        return Outcome(None, "; ".join(problems) or "no clipboard is available")

    def _copy_system(self, text: str, problems: list[str]) -> bool:
        import pyperclip

        copy, paste = pyperclip.determine_clipboard()
        try:
            copy(text)
        except pyperclip.PyperclipException as error:
            problems.append(f"no system clipboard ({_first_line(error)})")
            return False
        try:
            # xclip with a stale DISPLAY can fail silently: trust only what reads back.
            held = paste()
        except pyperclip.PyperclipException:
            return True
        if held != text:
            problems.append("the system clipboard did not take the text")
            return False
        return True

    def _copy_terminal(self, text: str, plan: Plan, problems: list[str]) -> bool:
        sequence = osc52_sequence(text, screen=plan.screen_passthrough)
        if len(sequence) > MAX_OSC52_BYTES:
            problems.append(
                f"too long for the terminal clipboard ({len(sequence) // 1000} KB; terminals take about "
                f"{MAX_OSC52_BYTES // 1000} KB)"
            )
            return False
        if self.send_osc52 is not None and not plan.screen_passthrough:
            self.send_osc52(text)
            return True
        if self.write_terminal is None:
            return False
        self.write_terminal(sequence)
        return True

    def _tmux_hint(self) -> str | None:
        """Inside tmux, what to set when tmux keeps a program's OSC 52 to itself (its default)."""
        if not self.environment.tmux:
            return None
        return None if self.tmux_option("set-clipboard") == "on" else f"tmux passes it on after {TMUX_FIX}"


def _tmux_option(name: str) -> str | None:
    """A tmux server option's value (None when tmux cannot be asked)."""
    try:
        result = subprocess.run(["tmux", "show-options", "-sv", name], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _load_tmux_buffer(text: str) -> bool:
    """Hand `text` to tmux, which keeps it as a paste buffer and (with -w) forwards it outward."""
    if shutil.which("tmux") is None:
        return False
    for command in (["tmux", "load-buffer", "-w", "-"], ["tmux", "load-buffer", "-"]):
        try:
            result = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            return False
        if result.returncode == 0:
            return True
    return False


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
