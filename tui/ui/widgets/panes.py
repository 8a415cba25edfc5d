"""The three panes side by side, and which of them show: by the terminal's width and the user's toggles."""

from __future__ import annotations

from typing import Literal

from textual.containers import Horizontal
from textual.reactive import reactive

WIDE = 120
"""From this width all three panes show; below it the takeaways panel is on demand."""
MEDIUM = 80
"""From this width the navigator shows; below it the reader is alone."""

# Classes named once: the stylesheet shows and hides the side panes by them.
SHOW_NAVIGATOR = "-show-navigator"
SHOW_INSIGHTS = "-show-insights"
NARROW = "-narrow"
"""Under 80 columns a side pane, when shown, takes the whole width in place of the reader."""

WidthClass = Literal["wide", "medium", "narrow"]


def width_class(width: int) -> WidthClass:
    return "wide" if width >= WIDE else "medium" if width >= MEDIUM else "narrow"


class Panes(Horizontal):
    """Navigator, reading pane and panel. Holds which side panes show; the screen composes the panes."""

    show_navigator: reactive[bool] = reactive(True, init=False)
    show_insights: reactive[bool] = reactive(True, init=False)
    panel_empty: reactive[bool] = reactive(False, init=False)
    """Nothing for the panel to show: then it stays hidden and the reading pane has its width."""
    outline_empty: reactive[bool] = reactive(False, init=False)
    """No heading to list (a web page or a note in one run of text): the navigator stays hidden too,
    rather than a blank column taking a third of an 80-column terminal."""

    def __init__(self, *children, width: int, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.width_class: WidthClass | None = None
        self._navigator_gave_way = False
        """The navigator was hidden to make room for the panel, and comes back when the panel goes."""
        # Classes set before the first layout, not after it: a change of classes restyles and lays out
        # the whole screen again, and the first frame would show the wrong panes.
        self.fit(width)

    @property
    def narrow(self) -> bool:
        return self.width_class == "narrow"

    def fit(self, width: int) -> None:
        """Show the side panes that fit in `width` columns, when it crosses a threshold."""
        new_class = width_class(width)
        if new_class != self.width_class:
            self.width_class = new_class
            self._navigator_gave_way = False
            self.set_reactive(Panes.show_navigator, new_class != "narrow")
            self.set_reactive(Panes.show_insights, new_class == "wide")
            self.set_class(new_class == "narrow", NARROW)
            self._apply()

    def toggle_navigator(self) -> None:
        self.show_navigator = not self.show_navigator
        self._navigator_gave_way = False
        if self.show_navigator and self.width_class != "wide":
            self.show_insights = False  # one side pane at a time where space is short

    def toggle_insights(self) -> None:
        self.show_insights = not self.show_insights
        if self.show_insights and self.width_class != "wide" and self.show_navigator:
            self.show_navigator = False  # one side pane at a time where space is short
            self._navigator_gave_way = True
        elif not self.show_insights and self._navigator_gave_way:
            # Hiding the panel brings back the navigator it replaced: `t` twice changes nothing.
            self.show_navigator = True
            self._navigator_gave_way = False

    def watch_show_navigator(self) -> None:
        self._apply()

    def watch_show_insights(self) -> None:
        self._apply()

    def watch_panel_empty(self) -> None:
        self._apply()

    def watch_outline_empty(self) -> None:
        self._apply()

    @property
    def navigator_shown(self) -> bool:
        return self.show_navigator and not self.outline_empty

    def _apply(self) -> None:
        self.set_class(self.navigator_shown, SHOW_NAVIGATOR)
        self.set_class(self.show_insights and not self.panel_empty, SHOW_INSIGHTS)
        if not self.is_mounted:
            return
        if self.narrow and (self.navigator_shown or self.show_insights):
            pane = "#navigator" if self.navigator_shown else "#insights"
            self.call_after_refresh(self._focus_first_in, pane)
        else:
            focused = self.screen.focused
            if focused is not None and any(not node.display for node in focused.ancestors_with_self):
                self.query_one("#reader").focus()

    def _focus_first_in(self, selector: str) -> None:
        still_shown = self.navigator_shown if selector == "#navigator" else self.show_insights
        if not still_shown:
            return  # the pane was hidden again before this ran (both flags change on a resize)
        pane = self.query_one(selector)
        target = pane if pane.can_focus else next((w for w in pane.query("*") if w.can_focus and w.display), None)
        if target is not None:
            target.focus()
