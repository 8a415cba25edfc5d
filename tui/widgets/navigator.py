"""The section navigator: every heading, main sections numbered, the current one highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.article import Section

BOOKMARK_MARKER = "◆"


def navigator_entries(sections: list[Section], bookmarked: frozenset[int] = frozenset()) -> list[tuple[int, Content]]:
    """(section index, label) for each heading: `1 Introduction`, sub-headings indented under it,
    and a marker on sections that hold a bookmark."""
    entries: list[tuple[int, Content]] = []
    number = 0
    for index, section in enumerate(sections):
        if section.heading is None:
            continue
        marker = (f"{BOOKMARK_MARKER} ", "$accent") if index in bookmarked else ""
        if section.level <= 2:
            number += 1
            label = Content.assemble((f"{number:>2} ", "$text-muted"), marker, section.heading)
        else:
            label = Content.assemble("     ", marker, section.heading)
        entries.append((index, label))
    return entries


class Navigator(OptionList):
    """Lists the headings; Enter or a click jumps to one. Follows the reader through `current`."""

    current: reactive[int | None] = reactive(None)
    """The section at the top of the reading pane, set by the app."""
    bookmarked: reactive[frozenset[int]] = reactive(frozenset(), init=False)
    """Sections that hold a bookmark, set by the app."""

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
        super().__init__(id=id)
        self.set_sections(sections)

    def set_sections(self, sections: list[Section]) -> None:
        """List these sections' headings (the whole of a book, once it is parsed)."""
        entries = navigator_entries(sections, self.bookmarked)
        self._sections = sections
        self._option_of_section = {section: option for option, (section, _) in enumerate(entries)}
        self._section_of_option = [section for section, _ in entries]
        self.set_options(Option(label, id=str(index)) for index, label in entries)
        self.watch_current(self.current)

    def watch_current(self, section: int | None) -> None:
        option = self._option_of_section.get(section) if section is not None else None
        # Before the first heading there is nothing to highlight; keep the list where it is.
        if option is not None:
            self.highlighted = option

    def watch_bookmarked(self, bookmarked: frozenset[int]) -> None:
        for option, (_, label) in enumerate(navigator_entries(self._sections, bookmarked)):
            self.replace_option_prompt_at_index(option, label)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.SectionSelected(self, self._section_of_option[event.option_index]))
