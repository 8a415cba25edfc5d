"""What the reading pane and the navigator share: wrapped lines, drawn from a cache of strips."""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


def fitted_strip(segments: list[Segment], width: int, style: Style) -> Strip:
    """A strip of exactly `width` cells: padded with `style`, or cut when the text is wider.

    Strips are built once and cached, with no offsets for text selection: every Strip operation
    makes a new strip, and offset metadata gives each segment a style of its own, which the
    terminal output then encodes afresh on every frame.
    """
    length = sum(cell_len(segment.text) for segment in segments)
    if length < width:
        segments.append(Segment(" " * (width - length), style))
    elif length > width:
        return Strip(segments, length).crop(0, width)
    return Strip(segments, width)


class LineView(ScrollView):
    """A ScrollView whose content is wrapped for its width and drawn a line at a time.

    Subclasses implement `_relayout` (wrap for `text_width`, set the virtual size) and draw their
    lines with `base_style`, `component_style` and the `_strips` cache, which a change of style
    (focus, theme) empties.
    """

    def __init__(self, *, id: str | None = None, cached_strips: int = 1024) -> None:
        super().__init__(id=id)
        self._strips: LRUCache[Hashable, Strip] = LRUCache(cached_strips)
        self._base_style: Style | None = None
        self._line_component_styles: dict[str, Style] = {}
        self._wrapped_for = 0
        """The text width the content was last wrapped for."""

    @property
    def text_width(self) -> int:
        """Cells available for text: the pane less its scrollbar."""
        return self.scrollable_content_region.width or self.size.width

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Textual tells a widget its size here, while it lays out the screen, and by a Resize event
        # only after drawing the frame. Wrapping now puts the right lines in the first frame, and
        # whatever follows the wrapped content (the status line) is drawn with them.
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.text_width > 0 and self.text_width != self._wrapped_for:
            self._wrapped_for = self.text_width
            self._relayout()
        return changed

    def _relayout(self) -> None:
        raise NotImplementedError

    @property
    def base_style(self) -> Style:
        """The widget's own style, the base of every line (working it out walks the DOM: kept)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def component_style(self, name: str) -> Style:
        """What the component class `name` sets, and only that, to add to a line's style.

        Textual's partial style drops the alpha of a translucent colour (a blurred highlight, a
        search match) and would draw it solid: its colours are taken from the full style instead,
        where they are blended over the widget's background.
        """
        style = self._line_component_styles.get(name)
        if style is None:
            partial = self.get_component_rich_style(name, partial=True)
            full = self.get_component_rich_style(name)
            colours = Style(
                color=full.color if partial.color else None, bgcolor=full.bgcolor if partial.bgcolor else None
            )
            style = self._line_component_styles[name] = partial.without_color + colours
        return style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._line_component_styles.clear()
        self._strips.clear()
