"""The panel's entries are drawn from the units as the reading pane shows them, control codes out."""

from __future__ import annotations

from textual.content import Content

from tui.reading.units import Kind, Unit
from tui.ui.widgets.insights import _CONTROL_CODES, unit_content


def test_the_control_codes_skipped_are_exactly_those_content_strips():
    # unit_content leaves a text alone when none of these is in it: Content must strip no other.
    for code in range(0x3000):
        character = chr(code)
        assert (Content(character).plain == "") == (_CONTROL_CODES.search(character) is not None), hex(code)


def test_an_item_with_control_codes_is_shown_without_them_and_its_styles_stay_in_place():
    text = "Label: a\rb \x07bold\x08 and [1]"
    unit = Unit(Kind.ITEM, text, 0, strong=6, styles=((14, 18, "strong"), (24, 27, "link-number")))
    content = unit_content(unit)
    assert content.plain == "Label: ab bold and [1]"
    # The spans keep the unit's offsets (as `Content` stylizing did), cut at the shorter text's end.
    assert [(span.start, span.end) for span in content.spans] == [(0, 6), (14, 18)]


def test_an_item_without_control_codes_keeps_its_text_and_spans():
    text = "Lead: the “first” point, with a link[1]"
    unit = Unit(Kind.ITEM, text, 0, strong=5, styles=((35, 36, "link"), (36, 39, "link-number")))
    content = unit_content(unit)
    assert content.plain == text
    assert [(span.start, span.end, str(span.style)) for span in content.spans] == [
        (0, 5, "bold"),
        (35, 36, "underline $text-accent"),
        (36, 39, "$text-muted"),
    ]
