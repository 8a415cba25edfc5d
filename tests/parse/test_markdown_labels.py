"""Bold `**Label:**` leads give the same item whether or not the rest of the item has inline syntax."""

from __future__ import annotations

import pytest

from tui.model.article import Item, Span
from tui.parse import parse_text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- **Cost:** low", Item("Cost", "low")),
        ("- **Cost:** low, *really* low", Item("Cost", "low, really low", spans=(Span(5, 11, "emphasis"),))),
        ("- **Cost**: low", Item("Cost", "low")),
        (
            "- **Cost**: [low](http://example.com)",
            Item("Cost", "low", spans=(Span(0, 3, "link", "http://example.com"),)),
        ),
        ("- **Time: 10:30:** plain rest", Item("Time: 10:30", "plain rest")),
        (
            "- **Time: 10:30:** rest with *emphasis*",
            Item("Time: 10:30", "rest with emphasis", spans=(Span(10, 18, "emphasis"),)),
        ),
        (
            "- **Not a label because it is a whole sentence.** Then text",
            Item(None, "Not a label because it is a whole sentence. Then text", spans=(Span(0, 43, "strong"),)),
        ),
        ("- plain: no bold", Item("plain", "no bold")),
    ],
)
def test_bold_leads(line, expected):
    article = parse_text(f"# Title\n\n## Key Takeaways\n\n{line}\n", name="a.md")
    assert article.takeaways == [expected]
