"""The takeaways / pros-cons panel: the items the parser pulled out, each selectable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static, TabbedContent, TabPane, Tabs
from textual.widgets.option_list import Option

from tui.article import Article, Item

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


class ItemList(OptionList):
    """The items of one group."""

    def __init__(self, items: list[Item], *, id: str | None = None) -> None:
        options: list[Option | None] = []
        for item in items:
            if options:
                options.append(None)  # a rule between items, so wrapped ones stay apart
            options.append(Option(item_content(item)))
        super().__init__(*options, id=id)
        self.items = items

    @property
    def selected_item(self) -> Item | None:
        return self.items[self.highlighted] if self.highlighted is not None else None


class Insights(Vertical):
    """Tabs for Key Takeaways, Pros and Cons with their counts; Enter jumps to the item in the text."""

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

    def compose(self) -> ComposeResult:
        if not self.groups:
            yield Static(Content(NO_INSIGHTS), classes="insights--empty")
            return
        with TabbedContent():
            for key, title, items in self.groups:
                with TabPane(Content(f"{title} {len(items)}"), id=f"tab-{key}"):
                    yield ItemList(items, id=f"items-{key}")

    def on_mount(self) -> None:
        self._items_only_in_focus_chain()

    def _items_only_in_focus_chain(self) -> None:
        # Tab moves between panes: it should land in the items, not on the tab strip above them.
        for tabs in self.query(Tabs):
            tabs.can_focus = False

    def action_switch_tab(self, step: int) -> None:
        if len(self.groups) < 2:
            return
        tabbed = self.query_one(TabbedContent)
        keys = [f"tab-{key}" for key, _, _ in self.groups]
        index = keys.index(tabbed.active) if tabbed.active in keys else 0
        tabbed.active = keys[(index + step) % len(keys)]
        active = self.active_list
        if active is not None:
            active.focus()

    def show(self, article: Article) -> None:
        """Show another article's items (the whole of a book, once it is parsed)."""
        self.groups = insight_groups(article)
        self.refresh(recompose=True)
        self.call_after_refresh(self._items_only_in_focus_chain)

    @property
    def active_list(self) -> ItemList | None:
        """The list in the visible tab, if the article has any items."""
        if not self.groups:
            return None
        active = self.query_one(TabbedContent).active
        return self.query_one(f"#items-{active.removeprefix('tab-')}", ItemList) if active else None

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
