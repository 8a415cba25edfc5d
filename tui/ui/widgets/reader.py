"""The reading pane: draws only the lines on screen, from a layout computed per width."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.worker import get_current_worker

from tui.reading.carry import carry_anchor
from tui.reading.layout import BLANK, CODE_PADDING, MEASURE, QUOTE_PREFIX, Document, Kind, Layout, text_width
from tui.reading.position import ReadingPosition, measure_position
from tui.reading.search import SearchCancelled, SearchResults, find_matches
from tui.reading.units import CodeBlock, Styles
from tui.ui.widgets.line_view import LineView, fitted_strip

BACKGROUND_WRAP = 1_000_000
"""Characters of text from which wrapping for a new width (about 50 ms of work and more) runs off
the UI thread, while the pane keeps showing the lines it has."""
CONTEXT_LINES = 3
"""Lines shown above a search match that had to be scrolled to."""
MARGIN = 2
"""Least space between the pane's edges and the text."""
HIGHLIGHT_MARK = "┃"
"""Drawn in the right margin beside a highlighted line: it shows without colour (NO_COLOR), where the
tint does not, and is not the focus marker `▌`."""
_KIND_COMPONENTS = {
    Kind.TITLE: "reader--title",
    Kind.DEK: "reader--dek",
    Kind.BYLINE: "reader--byline",
    Kind.HEADING: "reader--heading",
    Kind.SUBHEADING: "reader--subheading",
    Kind.QUOTE: "reader--quote",
    Kind.PREFORMATTED: "reader--preformatted",
    Kind.VERSE: "reader--verse",
}
_INLINE_COMPONENTS = {
    "strong": "reader--strong",
    "emphasis": "reader--emphasis",
    "code": "reader--code",
    "strike": "reader--strike",
    "link": "reader--link",
    "link-number": "reader--link-number",
}
CONTINUATION = "↪ "
"""Drawn where a line of code too long for the measure goes on: a break is never silent."""
Run = tuple[int, int, Style]


# The app owns every reading key (one list for footer, help and README), so none are inherited.
class Reader(LineView, can_focus=True, inherit_bindings=False):
    """The article text, laid out at a comfortable measure and centred in the pane."""

    COMPONENT_CLASSES = {
        "reader--title",
        "reader--dek",
        "reader--byline",
        "reader--heading",
        "reader--subheading",
        "reader--label",
        "reader--marker",
        "reader--quote",
        "reader--quote-bar",
        "reader--preformatted",
        "reader--code-block",
        "reader--continuation",
        "reader--verse",
        "reader--rule",
        "reader--strong",
        "reader--emphasis",
        "reader--code",
        "reader--strike",
        "reader--link",
        "reader--link-number",
        "reader--match",
        "reader--match-current",
        "reader--highlight",
        "reader--highlight-mark",
        "reader--selection",
    }

    position: var[ReadingPosition | None] = var(None)
    """The section at the top, the percentage read and the time left (None until the pane has a
    size), kept up to date as the reader moves. Watch it rather than wait for a message, so the
    status line and the navigator change in the same frame as the text."""

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self._layout: Layout | None = None
        self._wrapping: int | None = None
        """The measure a worker is wrapping the text for, if one is."""
        self.search: SearchResults | None = None
        self.current_match: int | None = None
        self._query = ""
        self._search_generation = 0
        self._syntax: dict[int, list[list[Run]]] = {}
        """Syntax colours of the code blocks drawn so far, by first unit: runs for each line."""
        self._syntax_wanted: set[int] = set()
        self._syntax_dark: bool | None = None
        """Whether the colours were made for a dark theme (a light one needs others)."""
        self.marks: dict[int, list[tuple[int, int]]] = {}
        """The reader's highlights: spans of text per unit."""
        self.selection: dict[int, list[tuple[int, int]]] = {}
        """Selection mode's sentences, per unit."""
        self._marks_generation = 0

    # Layout ---------------------------------------------------------------------------------

    @property
    def text_layout(self) -> Layout:
        """The lines on show: wrapped for the pane's width, made when first needed (by then the pane
        knows its width, so no layout is made for a width it never has)."""
        if self._layout is None:
            self._layout = self.document.layout(self._measure())
        return self._layout

    def _measure(self) -> int:
        width = self.text_width
        return min(MEASURE, max(width - 2 * MARGIN, 1)) if width > 0 else MEASURE

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        """Re-wrap for the current width, keeping the same text at the top of the pane."""
        if self.text_width <= 0:
            return
        measure = self._measure()
        if self._layout is not None and not self.document.has_layout(measure) and self.document.size >= BACKGROUND_WRAP:
            if measure != self._wrapping:
                self._wrapping = measure
                self._wrap_off_thread(measure)
            self._strips.clear()  # meanwhile the lines on show are centred again for the new width
            self.refresh()
            return
        layout = self.document.layout(measure)
        # The Resize event after a change of width finds the lines made already: then only the
        # height (the room at the end, the percentage read) is news, and the strips drawn stay good.
        anchor = self.text_layout.anchor(round(self.scroll_y)) if layout is not self.text_layout else None
        self._layout = layout
        self.virtual_size = Size(self.text_width, self._virtual_height())  # before scrolling: it bounds it
        if anchor is not None:
            self.scroll_to(y=layout.line_of_anchor(anchor), animate=False, immediate=True)
            self._strips.clear()
            self.refresh()
        self._update_position()

    def _wrap_off_thread(self, measure: int) -> None:
        document = self.document

        def wrap() -> None:
            document.layout(measure)
            self.app.call_from_thread(self._wrapped, document)

        self.run_worker(wrap, thread=True, group="wrap", exclusive=True)

    def _wrapped(self, document: Document) -> None:
        self._wrapping = None
        if document is self.document:
            self._relayout()  # the layout is ready now (or the width changed again: wrap for that one)

    def set_document(self, document: Document) -> None:
        """Show `document` instead (the whole of a book whose preview was shown), keeping the top line."""
        # Found again by its words: the whole's units may be numbered differently from the preview's.
        anchor = carry_anchor(self.document, document, self.text_layout.anchor(round(self.scroll_y)))
        self._layout = document.layout(self.text_layout.measure)
        self.document = document
        self._syntax.clear()
        self._syntax_wanted.clear()
        self.set_search(None)
        self._strips.clear()
        self.virtual_size = Size(self.virtual_size.width, self._virtual_height())
        self.scroll_to_line(self.text_layout.line_of_anchor(anchor))
        self.refresh()

    def _virtual_height(self) -> int:
        """Room for the last heading to reach the top of the pane, so every jump lands there."""
        lines = self.text_layout.section_lines
        last_heading = lines[-1] if lines else 0
        return max(self.text_layout.line_count, last_heading + self.scrollable_content_region.height)

    # Movement -------------------------------------------------------------------------------

    def scroll_to_line(self, line: int) -> None:
        """Put `line` at the top of the pane, at once (jumps never animate)."""
        self.scroll_to(y=line, animate=False, immediate=True)
        self._update_position()

    def scroll_to_end(self) -> None:
        """Show the last screenful of text, its last line at the bottom of the pane."""
        self.scroll_to_line(max(0, self.text_layout.line_count - self.scrollable_content_region.height))

    def jump_to_section(self, section: int) -> None:
        self.scroll_to_line(self.text_layout.line_of_section(section))

    def jump_to_unit(self, unit: int) -> None:
        self.scroll_to_line(self.text_layout.line_of_unit(unit))

    def move_lines(self, lines: int) -> None:
        self.scroll_to_line(round(self.scroll_y) + lines)

    def move_pages(self, pages: int) -> None:
        self.move_lines(pages * max(1, self.scrollable_content_region.height - 1))

    def next_section(self, step: int) -> int | None:
        """The body heading after (step > 0) or before (step < 0) the top of the pane: front matter,
        a contents list or a licence is passed over."""
        return self.text_layout.next_section(round(self.scroll_y), step)

    # Highlights and the selection ----------------------------------------------------------

    def set_highlights(self, spans: list[tuple[int, int, int]]) -> None:
        """Draw these (unit, start, end) as highlights (in place of those drawn before)."""
        self.marks = _by_unit(spans)
        self._marks_generation += 1
        self.refresh()

    def set_selection(self, spans: list[tuple[int, int, int]] | None) -> None:
        """Draw selection mode's sentences (None: selection mode is over)."""
        self.selection = _by_unit(spans or [])
        self._marks_generation += 1
        self.refresh()

    def show_unit(self, unit: int) -> None:
        """Scroll only as far as needed for the start of `unit` to be on screen."""
        line = self.text_layout.line_of_unit(unit)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if not top <= line < top + height:
            self.scroll_to_line(max(0, line - CONTEXT_LINES))

    # Search ---------------------------------------------------------------------------------

    class SearchChanged(Message):
        """The matches, or which one is current, changed: the status line tells."""

    class SearchDone(Message):
        """A search worker finished `results` (None: the query was empty)."""

        def __init__(self, query: str, results: SearchResults | None) -> None:
            super().__init__()
            self.query = query
            self.results = results

    def search_for(self, query: str) -> None:
        """Search off the UI thread, so typing stays responsive in a long book; the newest query wins,
        and its first match at or after the top of the pane becomes current."""
        self._query = query
        units = self.document.units

        def search() -> None:
            worker = get_current_worker()
            try:
                matches = find_matches(units, query, cancelled=lambda: worker.is_cancelled)
            except SearchCancelled:
                return
            # A message, not a call into the UI thread: it is dropped if the pane is gone by then.
            self.post_message(self.SearchDone(query, SearchResults(query, matches) if query else None))

        self.run_worker(search, thread=True, group="search", exclusive=True)

    def on_reader_search_done(self, message: SearchDone) -> None:
        message.stop()
        if message.query != self._query:
            return  # a newer query is on its way
        self.set_search(message.results)
        if message.results is not None and message.results.matches:
            self.go_to_match(1)
        self.post_message(self.SearchChanged())

    def clear_search(self) -> None:
        """Forget the search, and any search still running."""
        self._query = ""
        self.workers.cancel_group(self, "search")
        self.set_search(None)

    def search_status(self) -> str | None:
        """`3/17`, `17 matches`, `no matches`, or None when nothing is searched."""
        if self.search is None:
            return None
        total = len(self.search)
        if total == 0:
            return "no matches"
        more = "+" if self.search.truncated else ""
        if self.current_match is None:
            return f"{total}{more} matches"
        return f"{self.current_match + 1}/{total}{more}"

    def set_search(self, results: SearchResults | None) -> None:
        """Highlight `results` (None clears); the current match is unset until `go_to_match`."""
        self.search = results
        self.current_match = None
        self._search_generation += 1
        self.refresh()

    def go_to_match(self, step: int) -> int | None:
        """Make the next (step > 0) or previous match current and show it; returns its index."""
        results = self.search
        if results is None or not results.matches:
            return None
        if self.current_match is not None:
            index = (self.current_match + step) % len(results.matches)
        else:
            unit, offset = self.text_layout.anchor(round(self.scroll_y))
            index = results.after(unit, offset) if step > 0 else results.before(unit, offset)
        assert index is not None
        self.current_match = index
        self.refresh()
        match = results.matches[index]
        line = self.text_layout.line_of_anchor((match.unit, match.start))
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if not top <= line < top + height:
            self.scroll_to_line(max(0, line - CONTEXT_LINES))
        else:
            self._update_position()
        return index

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._update_position()

    def _update_position(self) -> None:
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        # Watchers run only when it differs.
        self.position = measure_position(self.document, self.text_layout, top, height)

    # Drawing --------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y  # never scrolled sideways: the text is wrapped to fit
        width = self.size.width
        base = self.base_style
        if index >= self.text_layout.line_count:
            return Strip.blank(width, base)
        key = (
            index,
            self.text_layout.measure,
            width,
            self._search_generation,
            -1 if self.current_match is None else self.current_match,
            self._marks_generation,
        )
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_text_line(index, width, base)
        return strip

    def _render_text_line(self, index: int, width: int, base: Style) -> Strip:
        layout: Layout = self.text_layout
        unit_index = layout.line_unit[index]
        if unit_index == BLANK:
            return Strip.blank(width, base)
        unit = self.document.units[unit_index]
        start, end = layout.line_start[index], layout.line_end[index]
        margin = max(MARGIN, (self.text_width - layout.measure) // 2)
        segments = [Segment(" " * margin, base)]
        if unit.quoted:
            segments.append(Segment(QUOTE_PREFIX, base + self.component_style("reader--quote-bar")))
        if unit.indent:
            segments.append(Segment(" " * unit.indent, base))
        if unit.marker:
            marker = unit.marker if start == 0 else " " * len(unit.marker)
            segments.append(Segment(marker, base + self.component_style("reader--marker")))
        component = _KIND_COMPONENTS.get(unit.kind)
        style = base + self.component_style(component) if component else base
        pieces = layout.pieces.get(index)
        if pieces is not None:  # a table line: slices of the row and the rules between them
            rule = base + self.component_style("reader--rule")
            for piece in pieces:
                if isinstance(piece, str):
                    segments.append(Segment(piece, rule))
                else:
                    segments.extend(self._text_segments(unit_index, piece[0], piece[1], style))
            return fitted_strip(segments, width, base)
        if unit.kind == Kind.PREFORMATTED:
            return self._code_line(segments, unit_index, start, end, width, base, style)
        if start and unit.hang and unit.kind == Kind.VERSE:
            segments.append(Segment(" " * unit.hang, base))
        segments.extend(self._text_segments(unit_index, start, end, style))
        if any(a < end and b > start for a, b in self.marks.get(unit_index, ())):
            column = margin + layout.measure + 1
            used = sum(segment.cell_length for segment in segments)
            if used < column < width:
                segments.append(Segment(" " * (column - used), base))
                segments.append(Segment(HIGHLIGHT_MARK, base + self.component_style("reader--highlight-mark")))
        return fitted_strip(segments, width, base)

    def _code_line(
        self, segments: list[Segment], unit_index: int, start: int, end: int, width: int, base: Style, style: Style
    ) -> Strip:
        """A line of code on the block's own background, `↪` where a long line goes on."""
        unit = self.document.units[unit_index]
        box = style + self.component_style("reader--code-block")
        room = text_width(unit, self.text_layout.measure) + 2 * CODE_PADDING
        line: list[Segment] = [Segment(" " * CODE_PADDING, box)]
        if start:
            line.append(Segment(CONTINUATION, box + self.component_style("reader--continuation")))
        syntax = self._syntax_runs(unit_index)
        line.extend(self._text_segments(unit_index, start, end, box, syntax))
        used = sum(segment.cell_length for segment in line)
        if used < room:
            line.append(Segment(" " * (room - used), box))
        segments.extend(line)
        return fitted_strip(segments, width, base)

    def _text_segments(
        self, unit_index: int, start: int, end: int, style: Style, extra: list[Run] | None = None
    ) -> list[Segment]:
        """`text[start:end]` of a unit in its styles: label, inline spans, syntax colours, matches."""
        unit = self.document.units[unit_index]
        text = unit.text
        if not unit.styles and unit.strong <= start and not extra:
            runs: list[Run] = [(start, end, style)]
        else:
            runs = self._styled_runs(unit.strong, unit.styles, extra or [], start, end, style)
        if self.search is not None and unit_index in self.search.by_unit:
            runs = self._highlight(runs, unit_index)
        if unit_index in self.marks:
            runs = _cut(runs, self.marks[unit_index], self.component_style("reader--highlight"))
        if unit_index in self.selection:
            runs = _cut(runs, self.selection[unit_index], self.component_style("reader--selection"))
        return [Segment(text[a:b], run_style) for a, b, run_style in runs if b > a]

    def _styled_runs(
        self, strong: int, styles: Styles, extra: list[Run], start: int, end: int, style: Style
    ) -> list[Run]:
        """Cut `start:end` wherever a style begins or ends, each piece with every style over it."""
        layers: list[Run] = list(extra)
        if strong > start:
            layers.append((0, strong, self.component_style("reader--label")))
        for a, b, name in styles:
            if name in _INLINE_COMPONENTS:
                layers.append((a, b, self.component_style(_INLINE_COMPONENTS[name])))
        cuts = {start, end}
        for a, b, _ in layers:
            if a < end and b > start:
                cuts.update((max(a, start), min(b, end)))
        edges = sorted(cuts)
        runs: list[Run] = []
        for a, b in zip(edges, edges[1:]):
            run_style = style
            for layer_start, layer_end, layer_style in layers:
                if layer_start <= a and b <= layer_end:
                    run_style += layer_style
            runs.append((a, b, run_style))
        return runs

    # Syntax colours: worked out off the UI thread for the code blocks drawn, never before the first
    # frame (Pygments takes a tenth of a second to import).

    def _syntax_runs(self, unit_index: int) -> list[Run] | None:
        block = self.document.code_block_of(unit_index)
        if block is None:
            return None
        runs = self._syntax.get(block.first)
        if runs is None:
            if block.first not in self._syntax_wanted:
                self._syntax_wanted.add(block.first)
                self.call_after_refresh(self._colour_code, block, self.document)
            return None
        return runs[unit_index - block.first]

    def _colour_code(self, block: CodeBlock, document: Document) -> None:
        code = "\n".join(document.units[u].text for u in range(block.first, block.first + block.lines))
        dark = self._syntax_dark = self.app.current_theme.dark

        def colour() -> None:
            runs = syntax_runs(code, block.language, block.lines, dark)
            self.app.call_from_thread(self._coloured, document, block.first, runs)

        self.run_worker(colour, thread=True, group="syntax")

    def _coloured(self, document: Document, first: int, runs: list[list[Run]]) -> None:
        if document is self.document:
            self._syntax[first] = runs
            self._strips.clear()
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Focus changes restyle too; only a change between dark and light themes needs new colours.
        if self._syntax_dark is not None and self._syntax_dark != self.app.current_theme.dark:
            self._syntax.clear()
            self._syntax_wanted.clear()
            self._syntax_dark = None

    @property
    def syntax_ready(self) -> bool:
        """Whether every code block asked for so far has its colours (for tests and snapshots)."""
        return self._syntax_wanted <= set(self._syntax)

    def _highlight(self, runs: list[tuple[int, int, Style]], unit_index: int) -> list[tuple[int, int, Style]]:
        """Cut the runs of one line where search matches fall, styling the matched parts."""
        assert self.search is not None
        current = self.search.matches[self.current_match] if self.current_match is not None else None
        match_style = self.component_style("reader--match")
        current_style = self.component_style("reader--match-current")
        spans = self.search.by_unit[unit_index]
        result: list[tuple[int, int, Style]] = []
        for run_start, run_end, run_style in runs:
            position = run_start
            for span_start, span_end in spans:
                if span_end <= position or span_start >= run_end:
                    continue
                if span_start > position:
                    result.append((position, span_start, run_style))
                is_current = current is not None and current.unit == unit_index and current.start == span_start
                cut_end = min(span_end, run_end)
                result.append(
                    (max(span_start, position), cut_end, run_style + (current_style if is_current else match_style))
                )
                position = cut_end
            if position < run_end:
                result.append((position, run_end, run_style))
        return result


def syntax_runs(code: str, language: str, lines: int, dark: bool) -> list[list[Run]]:
    """Pygments' colours for `code` through Rich, as runs for each of its `lines` lines.

    The ANSI themes use the terminal's own palette (mapped onto the Textual theme's), and only
    foreground colours are kept: the block's background is the stylesheet's.
    """
    from rich.syntax import Syntax

    theme = "ansi_dark" if dark else "ansi_light"
    highlighted = Syntax(code, language.split()[0] if language.split() else "text", theme=theme).highlight(code)
    runs: list[list[Run]] = []
    for line in highlighted.split("\n", allow_blank=True)[:lines]:
        line_runs: list[Run] = []
        for span in line.spans:
            style = span.style if isinstance(span.style, Style) else Style.parse(span.style)
            line_runs.append((span.start, span.end, Style(color=style.color, bold=style.bold, italic=style.italic)))
        runs.append(line_runs)
    runs += [[] for _ in range(lines - len(runs))]
    return runs


def _by_unit(spans: list[tuple[int, int, int]]) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    for unit, start, end in spans:
        found.setdefault(unit, []).append((start, end))
    return found


def _cut(runs: list[Run], spans: list[tuple[int, int]], added: Style) -> list[Run]:
    """Cut `runs` where `spans` begin and end, adding `added` to the style of what they cover."""
    result: list[Run] = []
    for run_start, run_end, run_style in runs:
        position = run_start
        for span_start, span_end in sorted(spans):
            if span_end <= position or span_start >= run_end:
                continue
            if span_start > position:
                result.append((position, span_start, run_style))
            cut_end = min(span_end, run_end)
            result.append((max(span_start, position), cut_end, run_style + added))
            position = cut_end
        if position < run_end:
            result.append((position, run_end, run_style))
    return result
