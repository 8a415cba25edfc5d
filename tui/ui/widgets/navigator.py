"""The section navigator: every heading, main sections numbered, the current one highlighted.

It draws only the lines on screen from `tui.reading.outline`, like the reading pane, so a book with
thousands of headings opens, follows the reader and moves as fast as a short article.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from tui.model.article import Section
from tui.reading.outline import ELLIPSIS, MARKER_CELLS, Entry, Outline, OutlineLines
from tui.ui.widgets.line_view import LineView, fitted_strip

BOOKMARK_MARKER = "◆"
CURRENT_MARKER = "▌"
"""At the left edge of the current section's lines: seen without colour (NO_COLOR, monochrome)."""


class Navigator(LineView, can_focus=True):
    """Lists the headings; Enter or a click jumps to one. Follows the reader through `current`."""

    BINDINGS = [
        Binding("k,up", "move(-1)", "Previous heading", show=False),
        Binding("j,down", "move(1)", "Next heading", show=False),
        Binding("pageup", "move_page(-1)", "Headings a page up", show=False),
        Binding("pagedown", "move_page(1)", "Headings a page down", show=False),
        Binding("g,home", "move_to(0)", "First heading", show=False),
        Binding("G,end", "move_to(-1)", "Last heading", show=False),
        Binding("enter", "select", "Go", key_display="Enter", tooltip="Jump to the heading"),
    ]

    COMPONENT_CLASSES = {"navigator--highlighted", "navigator--number", "navigator--marker", "navigator--aside"}

    current: reactive[int | None] = reactive(None)
    """The section at the top of the reading pane, set by the screen."""
    bookmarked: reactive[frozenset[int]] = reactive(frozenset(), init=False)
    """Sections that hold a bookmark, set by the screen."""

    class SectionSelected(Message):
        """The user chose a section to jump to."""

        def __init__(self, navigator: Navigator, section: int) -> None:
            super().__init__()
            self.navigator = navigator
            self.section = section

        @property
        def control(self) -> Navigator:
            return self.navigator

    def __init__(self, sections: list[Section], *, id: str | None = None) -> None:
        super().__init__(id=id, cached_strips=256)
        self.outline = Outline(sections)
        self.highlighted: int | None = None
        """The entry under the cursor: the current section's, until the keys move it."""
        self._lines: OutlineLines | None = None
        self._generation = 0
        """Changes with the outline and the width: part of each strip's key, beside the line's
        highlight and bookmark."""

    # What is listed -------------------------------------------------------------------------

    def set_outline(self, outline: Outline) -> None:
        """List these headings instead (the whole of a book, once it is parsed)."""
        self.outline = outline
        self.highlighted = None
        self._lines = None
        self._relayout()
        self.watch_current(self.current)

    @property
    def entries(self) -> list[Entry]:
        return self.outline.entries

    @property
    def highlighted_section(self) -> int | None:
        return self.entries[self.highlighted].section if self.highlighted is not None else None

    # Layout ---------------------------------------------------------------------------------

    def _relayout(self) -> None:
        width = self.text_width
        if width <= 0:
            return
        self._lines = self.outline.lines(width)
        self._generation += 1
        self.virtual_size = Size(width, self._lines.line_count)
        self._show_highlight()
        self.refresh()

    # Following the reader and the keys --------------------------------------------------------

    def watch_current(self, section: int | None) -> None:
        entry = self.outline.entry_of_section(section) if section is not None else None
        if entry is not None:
            self._highlight(entry)
        elif self.highlighted is not None:
            # Before the first heading no section is being read: none is highlighted (the list
            # stays where it is).
            self._refresh_entry(self.highlighted)
            self.highlighted = None

    def watch_bookmarked(self) -> None:
        self.refresh()  # a line's bookmark is part of its strip's key

    def _highlight(self, entry: int) -> None:
        if entry != self.highlighted:
            self._refresh_entry(self.highlighted)
            self.highlighted = entry
            self._refresh_entry(entry)
        self._show_highlight()

    def _refresh_entry(self, entry: int | None) -> None:
        """Draw entry `entry`'s lines again (and only them: the rest of the list is unchanged)."""
        if entry is not None and self._lines is not None:
            lines = self._lines.lines_of(entry)
            self.refresh_lines(lines.start, len(lines))

    def _show_highlight(self) -> None:
        """Scroll as little as it takes to show the highlighted entry whole."""
        if self._lines is None or self.highlighted is None:
            return
        lines = self._lines.lines_of(self.highlighted)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if lines.start < top:
            self.scroll_to(y=lines.start, animate=False, immediate=True)
        elif lines.stop > top + height:
            self.scroll_to(y=max(lines.start, lines.stop - height), animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        if not self.entries:
            return
        if self.highlighted is None:
            self._highlight(0 if step > 0 else len(self.entries) - 1)
        else:
            self._highlight(max(0, min(self.highlighted + step, len(self.entries) - 1)))

    def action_move_page(self, step: int) -> None:
        if self._lines is None or not self.entries:
            return
        start = self._lines.lines_of(self.highlighted).start if self.highlighted is not None else round(self.scroll_y)
        line = max(0, min(start + step * max(1, self.scrollable_content_region.height - 1), self._lines.line_count - 1))
        entry = self._lines.entry_at(line)
        if entry is not None:
            self._highlight(entry)

    def action_move_to(self, entry: int) -> None:
        if self.entries:
            self._highlight(entry % len(self.entries))

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.SectionSelected(self, self.entries[self.highlighted].section))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._lines is None:
            return
        entry = self._lines.entry_at(round(self.scroll_y) + offset.y)
        if entry is not None:
            self._highlight(entry)
            self.action_select()

    # Drawing --------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.size.width
        base = self.base_style
        lines = self._lines
        entry = lines.entry_at(line) if lines is not None else None
        if lines is None or entry is None:
            return Strip.blank(width, base)
        key = (line, width, entry == self.highlighted, self.entries[entry].section in self.bookmarked, self._generation)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_entry_line(lines, line, entry, width)
        return strip

    def _render_entry_line(self, lines: OutlineLines, line: int, entry: int, width: int) -> Strip:
        item = self.entries[entry]
        style = self.base_style
        if item.aside:  # front matter, a contents list, a licence: listed, but not the text proper
            style += self.component_style("navigator--aside")
        if entry == self.highlighted:
            style += self.component_style("navigator--highlighted")
        first = line == lines.entry_lines[entry]
        if first and item.section in self.bookmarked:
            marker = Segment(BOOKMARK_MARKER, style + self.component_style("navigator--marker"))
        elif entry == self.highlighted:
            marker = Segment(CURRENT_MARKER, style)
        else:
            marker = Segment(" ", style)
        if first:
            prefix = Segment(self.outline.prefix(item), style + self.component_style("navigator--number"))
        else:
            prefix = Segment(" " * (self.outline.indent(item) - MARKER_CELLS), style)
        shown = item.heading[lines.line_start[line] : lines.line_end[line]]
        if line in lines.cut_lines:
            shown += ELLIPSIS
        return fitted_strip([marker, prefix, Segment(shown, style)], width, style)
