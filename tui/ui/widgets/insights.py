"""The panel: the author's takeaways, pros and cons, or brief's suggested key points, and the
reader's highlights, one tab at a time, each entry selectable."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial

from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.model.article import Item
from tui.platform.state import Highlight
from tui.reading.key_points import KeyPoint
from tui.reading.layout import Document
from tui.reading.units import LINK_NUMBER, Unit
from tui.ui.collector import STILL
from tui.ui.widgets.lists import KeyedList
from tui.ui.widgets.navigator import CURRENT_MARKER
from tui.ui.widgets.parts_line import PartsLine

NO_INSIGHTS = "This article has no key takeaways, pros or cons, no sentences to suggest, and no highlights."
SUGGESTED = "Key points (suggested)"
SUGGESTED_NOTE = "Chosen by brief from the text: not the author's."
CHOOSING = "Choosing key points…"


SPAN_STYLES = {
    "strong": "bold",
    "emphasis": "italic",
    "strike": "strike",
    "code": "$text-warning",
    "link": "underline $text-accent",
    LINK_NUMBER: "$text-muted",
}
"""Inline styles as the reading pane draws them (styles/brief.tcss, `reader--*`), in theme colours."""


def item_content(item: Item) -> Content:
    """An item as the panel shows it: the label in bold, then the text; never parsed as markup."""
    if item.label is None:
        return Content(item.text)
    return Content.assemble((f"{item.label}:", "bold"), f" {item.text}" if item.text else "")


_CONTROL_CODES = re.compile("[\x07\x08\x0b\x0c\r]")
"""What `Content` strips from a text (bell, backspace, vertical tab, form feed, carriage return)."""


def unit_content(unit: Unit) -> Content:
    """An item as the reading pane shows it, its label bold, its spans styled, each link followed
    by its number: styles laid over ranges of the text, which is never parsed as markup."""
    # Control codes out, once, as `Content` takes them out; most texts have none, and its
    # `str.translate` costs a tenth of a second over a book's thousands of takeaways.
    text = unit.text if _CONTROL_CODES.search(unit.text) is None else Content(unit.text).plain
    length = len(text)
    wanted = [(0, unit.strong, "bold")] if unit.strong else []
    wanted += [(start, end, SPAN_STYLES[style]) for start, end, style in unit.styles if style in SPAN_STYLES]
    # One Content with every span, as `stylize` would lay them one by one (a span past the text is
    # cut at its end, an empty one dropped): stylizing copies the text each time, and a Markdown
    # book's 4,782 takeaways spent a second there.
    spans = [Span(start, min(end, length), style) for start, end, style in wanted if start < length and start < end]
    return Content(text, spans, strip_control_codes=False)


@dataclass(frozen=True)
class Entry:
    """One line of a tab: how it is shown, the text `c` copies (as shown), and where Enter jumps:
    the author's `item`, or a `unit` of the text (a suggestion, a highlight).

    `shown` is the Content, or what makes it when the entry is first listed (`content`): a book's
    thousands of takeaways are listed in batches, most of them after the whole is on screen."""

    shown: Content | Callable[[], Content] = field(repr=False, compare=False)
    text: str
    item: Item | None = None
    unit: int | None = None
    highlight: Highlight | None = None

    @cached_property
    def content(self) -> Content:
        """How the entry is shown, made once."""
        return self.shown if isinstance(self.shown, Content) else self.shown()


@dataclass(frozen=True)
class Group:
    """One tab: `key` names it for the code (`takeaways`, `key-points`, `pros`, `cons`, `highlights`)."""

    key: str
    title: str
    entries: list[Entry]


def item_entry(item: Item) -> Entry:
    return Entry(item_content(item), item.display, item=item)


def item_entries(document: Document, items: Sequence[Item]) -> list[Entry]:
    """The author's items as the reading pane shows them (what `c` copies, `[n]` after each link);
    one that is not in the text is shown from the model, its label bold."""
    units = document.units_of_items(items)
    return [
        item_entry(item)
        if unit is None
        else Entry(partial(unit_content, document.units[unit]), document.units[unit].text, item=item)
        for item, unit in zip(items, units, strict=True)
    ]


def point_entry(point: KeyPoint) -> Entry:
    text = " ".join(point.text.split())
    return Entry(Content(text), text, unit=point.unit)


def highlight_entry(highlight: Highlight, title: str) -> Entry:
    """A highlight under its section's heading (the title before the first heading); `c` copies
    both lines, as shown."""
    text = " ".join(highlight.text.split())
    where = f"§ {' '.join((highlight.heading or title).split())}"
    shown = Content.assemble(Content.styled(where, "dim italic"), "\n", text)
    return Entry(shown, f"{where}\n{text}", unit=highlight.unit, highlight=highlight)


def authored_entries(document: Document) -> dict[str, list[Entry]]:
    """The author's takeaways, pros and cons as the panel lists them."""
    article = document.article
    # Found in one walk of the text, not one per list: a book's walk takes a tenth of a second.
    entries = item_entries(document, [*article.takeaways, *article.pros, *article.cons])
    takeaways, pros = len(article.takeaways), len(article.takeaways) + len(article.pros)
    return {"takeaways": entries[:takeaways], "pros": entries[takeaways:pros], "cons": entries[pros:]}


def insight_groups(
    document: Document,
    suggestions: Sequence[KeyPoint] = (),
    highlights: Sequence[Highlight] = (),
    authored: dict[str, list[Entry]] | None = None,
) -> list[Group]:
    """The non-empty tabs in the order they are shown: the author's takeaways, or else brief's
    suggestions (never both: they are not to be mixed), then pros, cons and highlights.
    `authored` is what `authored_entries` made for this document already."""
    article = document.article
    authored = authored if authored is not None else authored_entries(document)
    groups = [
        Group("takeaways", "Takeaways", authored["takeaways"]),
        Group("key-points", SUGGESTED, [] if article.takeaways else [point_entry(p) for p in suggestions]),
        Group("pros", "Pros", authored["pros"]),
        Group("cons", "Cons", authored["cons"]),
        Group("highlights", "Highlights", [highlight_entry(h, article.title) for h in highlights]),
    ]
    return [group for group in groups if group.entries]


class ItemList(KeyedList):
    """The entries of the tab on show."""

    FIRST = 100
    """Entries listed at once; more than a screen shows. The rest follow in batches (`_fill`)."""
    PAUSE = STILL
    """Seconds without a key before the rest is listed, and before each batch: a pause in reading,
    the same the garbage collector waits for. Keys pressed less than a second apart never wait for a
    batch or the frame it costs; a key pressed while the batches run waits for one of each."""
    BETWEEN = 0.001
    """Seconds between batches: the frames and keys of the moment come first."""
    BATCH = 50
    """Entries added to the list at a time after the first: about 8 ms each (Textual wraps each
    entry's text in 0.15 ms), the most a key pressed meanwhile waits for."""

    def __init__(self, entries: list[Entry], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self._listed = 0
        """How many of `entries` the list has been given."""
        self._fill_timer: Timer | None = None
        self.show_entries(entries)

    def show_entries(self, entries: list[Entry], highlighted: int | None = None) -> None:
        """List `entries`, the `highlighted` one current: the first at once, the rest in batches.

        OptionList wraps every option's text as it is added, to know its height: a book's
        thousands of takeaways took a quarter of a second of the UI thread, all of it below the
        fold. The rest is listed while keys pause, frames and keys coming between the batches; a key
        that goes past what is listed (End, Page Down, Down on the last) lists the rest first.
        """
        self.entries = entries
        current = min(highlighted, len(entries) - 1) if highlighted is not None and entries else 0
        self._listed = min(len(entries), current + self.FIRST)
        self._stop_filling()
        self.set_options(self._options_for(0, self._listed))
        if self._listed < len(entries):
            self._fill_later(entries, self.PAUSE)
        if entries:
            self.highlighted = current

    def _options_for(self, start: int, end: int) -> list[Option | None]:
        """Options for entries `start` to `end`, a rule (None) after each but the very last entry,
        so that wrapped entries stay apart and every batch starts with an entry."""
        options: list[Option | None] = []
        for entry in self.entries[start:end]:
            options += [Option(entry.content), None]
        if options and end >= len(self.entries):
            options.pop()
        return options

    def _fill_later(self, entries: list[Entry], delay: float) -> None:
        # A batch per tick of a timer, which waits in a task of its own and then has the batch run
        # next in this widget's task: a chain of `call_later` ran back to back there (a widget's task
        # never gives way to the event loop while its queue has messages) and held back every key
        # and frame until the last batch (25 batches, 235 ms, once 10 MB of text had arrived).
        self._stop_filling()
        self._fill_timer = self.set_timer(delay, partial(self._fill, entries), name="list entries")

    def _stop_filling(self) -> None:
        if self._fill_timer is not None:
            self._fill_timer.stop()  # one listing at a time: the last one asked for
            self._fill_timer = None

    def _fill(self, entries: list[Entry]) -> None:
        """Add the next batch of entries once keys have paused, and ask for the one after (unless the
        list changed)."""
        if entries is not self.entries or self._listed >= len(entries):
            return
        # Only in a pause: every batch makes the screen be laid out again (the list's height
        # changes), and a key that came meanwhile waited for those frames (`]` 115-141 ms while 10 MB
        # of text listed its takeaways, against 31-43 ms).
        if not self.app.collector.quiet_for(self.PAUSE):
            self._fill_later(entries, self.PAUSE / 2)
            return
        self._list(min(len(entries), self._listed + self.BATCH))
        if self._listed < len(entries):
            self._fill_later(entries, self.BETWEEN)

    def _list(self, end: int) -> None:
        self.add_options(self._options_for(self._listed, end))
        self._listed = end

    def list_all(self) -> None:
        """Add every entry not yet listed, now."""
        if self._listed < len(self.entries):
            self._list(len(self.entries))

    def action_last(self) -> None:
        self.list_all()
        super().action_last()

    def action_page_down(self) -> None:
        self.list_all()
        super().action_page_down()

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self.list_all()
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self.highlighted:  # Up on the first entry goes round to the very last
            self.list_all()
        super().action_cursor_up()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value >= self.max_scroll_y and self._listed < len(self.entries):
            self.list_all()  # scrolled (by the wheel, the scrollbar) to the end of what is listed

    def render_line(self, y: int) -> Strip:
        """OptionList's line, with the current entry's first cell (its padding) made the marker
        `▌`, as in the navigator: the current entry shows without colour (NO_COLOR). Highlights
        have their own mark, `┃`, in the reading pane's right margin."""
        strip = super().render_line(y)
        first = next(iter(strip), None)
        if first is None or first.style is None:
            return strip
        if first.text.startswith("─") and "option" not in first.style.meta:
            glyph = " "  # a rule between entries starts under the entries' text, not at the edge
        elif first.style.meta.get("option") == self.highlighted and first.text.startswith(" "):
            glyph = CURRENT_MARKER
        else:
            return strip
        return Strip.join([Strip([Segment(glyph, first.style)], 1), strip.crop(1, strip.cell_length)])

    @property
    def items(self) -> list[Item | None]:
        """The author's items on show (None for an entry that is not one)."""
        return [entry.item for entry in self.entries]

    @property
    def selected_entry(self) -> Entry | None:
        return self.entries[self.highlighted] if self.highlighted is not None else None


class TabStrip(PartsLine[int]):
    """One line naming the groups, the one on show picked out: `Takeaways 6  Pros 5  Cons 5`."""

    COMPONENT_CLASSES = {"tab-strip--active"}

    active: reactive[int] = reactive(0)

    class Chosen(Message):
        """A tab was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, titles: list[str]) -> None:
        super().__init__()
        self.titles = titles

    def parts(self) -> list[tuple[Content, int]]:
        active = self.get_visual_style("tab-strip--active", partial=True)
        return [
            (Content.styled(f" {title} ", active) if index == self.active else Content(f" {title} "), index)
            for index, title in enumerate(self.titles)
        ]

    def part_clicked(self, target: int) -> None:
        self.post_message(self.Chosen(target))


class Insights(Vertical):
    """The tabs (Takeaways or Key points (suggested), Pros, Cons, Highlights) with their counts, one
    at a time; Enter jumps to the entry in the text, left and right change the tab.

    One tab line and one list, refilled on a change of tab: a TabbedContent took three lists and
    a dozen more widgets, a tenth of a second of start-up."""

    BINDINGS = [
        Binding("c", "copy_item", "Copy item", tooltip="Panel: copy the selected item as shown"),
        Binding("d", "delete_item", "Delete", show=False, tooltip="Panel: delete the selected highlight"),
        Binding("left", "switch_tab(-1)", "Previous tab", show=False, tooltip="Panel: previous tab"),
        Binding("right", "switch_tab(1)", "Next tab", show=False, tooltip="Panel: next tab"),
    ]

    class EntryMessage(Message):
        """Something the user did to one entry."""

        def __init__(self, insights: Insights, entry: Entry) -> None:
            super().__init__()
            self.insights = insights
            self.entry = entry

        @property
        def item(self) -> Item | None:
            return self.entry.item

        @property
        def control(self) -> Insights:
            return self.insights

    class CopyRequested(EntryMessage):
        """The user asked to copy one entry."""

    class ItemChosen(EntryMessage):
        """The user chose an entry to see in the article."""

    class DeleteRequested(EntryMessage):
        """The user asked to delete a highlight."""

    def __init__(
        self,
        document: Document,
        *,
        suggestions: list[KeyPoint] | None = None,
        suggesting: bool = False,
        id: str | None = None,
    ) -> None:
        """`suggestions` made already, or `suggesting`: brief is choosing them (no takeaways)."""
        super().__init__(id=id)
        self.document = document
        self.article = document.article
        self.suggesting = suggesting and suggestions is None
        self.suggestions: list[KeyPoint] = suggestions or []
        self.highlights: list[Highlight] = []
        self.authored = authored_entries(document)
        """The author's lists, made once per document (the tabs are made anew at every change)."""
        self.groups = insight_groups(document, self.suggestions, authored=self.authored)
        self._batched = 0
        self._regroup_due: bool | None = None
        self.active = 0
        """The index of the group on show."""
        self._highlighted: dict[str, int | None] = {}

    def compose(self) -> ComposeResult:
        if not self.groups:
            yield Static(Content(CHOOSING if self.suggesting else NO_INSIGHTS), classes="insights--empty")
            return
        yield TabStrip(self._titles())
        note = Static(Content(SUGGESTED_NOTE), classes="insights--note")
        note.display = self.active_group == "key-points"
        yield note
        yield ItemList(self.groups[self.active].entries)

    def _titles(self) -> list[str]:
        return [f"{group.title} {len(group.entries)}" for group in self.groups]

    def _show_note(self) -> None:
        for note in self.query(".insights--note"):
            note.display = self.active_group == "key-points"

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def active_group(self) -> str | None:
        """`takeaways`, `key-points`, `pros`, `cons` or `highlights`: the tab on show (None when none)."""
        return self.groups[self.active].key if self.groups else None

    def action_switch_tab(self, step: int) -> None:
        if len(self.groups) < 2:
            return
        self.show_group((self.active + step) % len(self.groups))
        self.query_one(ItemList).focus()

    def show_group(self, index: int) -> None:
        """Show group `index`, with the entry that was highlighted when it was last on show."""
        items = self.query_one(ItemList)
        self._highlighted[self.groups[self.active].key] = items.highlighted
        self.active = index
        items.show_entries(self.groups[index].entries, self._highlighted.get(self.groups[index].key))
        self.query_one(TabStrip).active = index
        self._show_note()

    def on_tab_strip_chosen(self, event: TabStrip.Chosen) -> None:
        self.show_group(event.index)

    @contextmanager
    def refill_once(self) -> Iterator[None]:
        """Changes made within are shown once, at the end: refilling the list of a book's thousands
        of takeaways is the costly part, and the whole of a book changes the article and then the
        highlights."""
        self._batched += 1
        try:
            yield
        finally:
            self._batched -= 1
            due, self._regroup_due = self._regroup_due, None
            if not self._batched and due is not None:
                self._regroup(keep=due)

    def show(self, document: Document) -> None:
        """Show another document's items (the whole of a book, once it is parsed)."""
        self.document = document
        self.article = article = document.article
        self.authored = authored_entries(document)
        self.suggestions = []
        self.suggesting = self.suggesting or not article.takeaways  # the screen asks for them anew
        self._regroup(keep=False)

    def set_suggestions(self, points: list[KeyPoint]) -> None:
        """Show brief's suggestions (for a book, those of the chapter being read)."""
        self.suggestions = points
        self.suggesting = False
        self._regroup()

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self.highlights = highlights
        self._regroup()

    def _regroup(self, keep: bool = True) -> None:
        """Make the tabs anew, on the same tab and entry when it is still there."""
        if self._batched:
            self._regroup_due = keep and self._regroup_due is not False  # a new article keeps nothing
            return
        key = self.active_group if keep else None
        if self.groups and self.is_mounted and self.query(ItemList):
            self._highlighted[self.groups[self.active].key] = self.query_one(ItemList).highlighted
        had = bool(self.groups)
        self.groups = insight_groups(self.document, self.suggestions, self.highlights, self.authored)
        keys = [group.key for group in self.groups]
        self.active = keys.index(key) if key in keys else 0
        if not keep:
            self._highlighted.clear()
        # Composed anew when there is nothing to show, or something where there was nothing (a list
        # of an earlier compose may still be in the DOM until the new one is mounted).
        if not self.groups or not self.is_mounted or not had or not self.query(ItemList):
            self.refresh(recompose=True)
            return
        self.query_one(TabStrip).titles = self._titles()
        self.query_one(TabStrip).active = self.active
        self.query_one(TabStrip).refresh()
        group = self.groups[self.active]
        self.query_one(ItemList).show_entries(group.entries, self._highlighted.get(group.key))
        self._show_note()

    @property
    def active_list(self) -> ItemList | None:
        """The list of the tab on show, if there is any."""
        return self.query_one(ItemList) if self.groups else None

    @property
    def selected_entry(self) -> Entry | None:
        items = self.active_list
        return items.selected_entry if items is not None else None

    @property
    def selected_item(self) -> Item | None:
        entry = self.selected_entry
        return entry.item if entry is not None else None

    def action_copy_item(self) -> None:
        entry = self.selected_entry
        if entry is not None:
            self.post_message(self.CopyRequested(self, entry))

    def action_delete_item(self) -> None:
        entry = self.selected_entry
        if entry is not None and entry.highlight is not None:
            self.post_message(self.DeleteRequested(self, entry))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        shown = event.option_list
        if not isinstance(shown, ItemList):
            return
        # The list may be refilled (a tab change, suggestions arriving) between Enter and this
        # message: an option no longer on show chooses nothing.
        index = event.option_index
        if index < shown.option_count and shown.get_option_at_index(index) is event.option:  # an entry per option
            self.post_message(self.ItemChosen(self, shown.entries[index]))
