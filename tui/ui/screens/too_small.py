"""Shown instead of everything else while the terminal is too small to draw brief in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 20
MIN_HEIGHT = 6
"""Below this size no screen of brief is drawn: lists and dialogs of a few cells either crash inside
Rich (an OptionList at 8x5) or show nothing useful."""


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    """One line, `terminal too small`, until the terminal grows again; keys that quit still work."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen > Static { width: 1fr; height: auto; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content("terminal too small"))
