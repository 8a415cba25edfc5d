"""The takeaways / pros-cons panel: the items the parser pulled out, each selectable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.model.article import Article, Item
from tui.ui.widgets.lists import KeyedList
from tui.ui.widgets.parts_line import PartsLine

NO_INSIGHTS = "This article has no key takeaways, pros or cons."


def item_content(item: Item) -> Content:
    """An item as the panel shows it: the label in bold, then the text; never parsed as markup."""
    if item.label is None:
        return Content(item.text)
    return Content.assemble((f"{item.label}:", "bold"), f" {item.text}" if item.text else "")


def insight_groups(article: Article) -> list[tuple[str, str, list[Item]]]:
    """(id, title, items) for each non-empty group, in the order they are shown."""
    groups = [
        ("takeaways", "Takeaways", article.takeaways),
        ("pros", "Pros", article.pros),
        ("cons", "Cons", article.cons),
    ]
    return [(key, title, items) for key, title, items in groups if items]


class ItemList(KeyedList):
    """The items of the group on show."""

    def __init__(self, items: list[Item], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Item] = []
        self.show_items(items)

    def show_items(self, items: list[Item], highlighted: int | None = None) -> None:
        options: list[Option | None] = []
        for item in items:
            if options:
                options.append(None)  # a rule between items, so wrapped ones stay apart
            options.append(Option(item_content(item)))
        self.items = items
        self.set_options(options)
        if items:
            self.highlighted = highlighted if highlighted is not None else 0

    @property
    def selected_item(self) -> Item | None:
        return self.items[self.highlighted] if self.highlighted is not None else None


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
    """The groups (Key Takeaways, Pros, Cons) with their counts, one at a time; Enter jumps to the
    item in the text, left and right change the group.

    One tab line and one list, refilled on a change of group: a TabbedContent took three lists and
    a dozen more widgets, a tenth of a second of start-up."""

    BINDINGS = [
        Binding("c", "copy_item", "Copy item", tooltip="Panel: copy the selected item as shown"),
        Binding("left", "switch_tab(-1)", "Previous tab", show=False, tooltip="Panel: previous tab"),
        Binding("right", "switch_tab(1)", "Next tab", show=False, tooltip="Panel: next tab"),
    ]

    class ItemMessage(Message):
        """Something the user did to one item."""

        def __init__(self, insights: Insights, item: Item) -> None:
            super().__init__()
            self.insights = insights
            self.item = item

        @property
        def control(self) -> Insights:
            return self.insights

    class CopyRequested(ItemMessage):
        """The user asked to copy one item."""

    class ItemChosen(ItemMessage):
        """The user chose an item to see in the article."""

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.groups = insight_groups(article)
        self.active = 0
        """The index of the group on show."""
        self._highlighted: dict[int, int | None] = {}

    def compose(self) -> ComposeResult:
        if not self.groups:
            yield Static(Content(NO_INSIGHTS), classes="insights--empty")
            return
        yield TabStrip([f"{title} {len(items)}" for _, title, items in self.groups])
        yield ItemList(self.groups[0][2])

    @property
    def active_group(self) -> str | None:
        """`takeaways`, `pros` or `cons`: the group on show (None when there are none)."""
        return self.groups[self.active][0] if self.groups else None

    def action_switch_tab(self, step: int) -> None:
        if len(self.groups) < 2:
            return
        self.show_group((self.active + step) % len(self.groups))
        self.query_one(ItemList).focus()

    def show_group(self, index: int) -> None:
        """Show group `index`, with the item that was highlighted when it was last on show."""
        items = self.query_one(ItemList)
        self._highlighted[self.active] = items.highlighted
        self.active = index
        items.show_items(self.groups[index][2], self._highlighted.get(index))
        self.query_one(TabStrip).active = index

    def on_tab_strip_chosen(self, event: TabStrip.Chosen) -> None:
        self.show_group(event.index)

    def show(self, article: Article) -> None:
        """Show another article's items (the whole of a book, once it is parsed)."""
        self.groups = insight_groups(article)
        self.active = 0
        self._highlighted.clear()
        self.refresh(recompose=True)

    @property
    def active_list(self) -> ItemList | None:
        """The list of the group on show, if the article has any items."""
        return self.query_one(ItemList) if self.groups else None

    @property
    def selected_item(self) -> Item | None:
        items = self.active_list
        return items.selected_item if items is not None else None

    def action_copy_item(self) -> None:
        item = self.selected_item
        if item is not None:
            self.post_message(self.CopyRequested(self, item))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option_list, ItemList):
            self.post_message(self.ItemChosen(self, event.option_list.items[event.option_index]))
