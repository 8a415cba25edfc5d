"""Hand-built articles with every kind of block, for the layout, drawing and export tests."""

from __future__ import annotations

from tui.model.article import Article, BulletList, Item, Paragraph, Preformatted, Quote, Section, Span, Table, Verse

INLINE = "Read the guide first, then run make with care, not the old way."
#         0123456789012345678901234567890123456789012345678901234567890123


def rich_article() -> Article:
    """A short article with inline styles, links, a table, code, a quote and verse."""
    intro = Paragraph(
        INLINE,
        (
            Span(9, 14, "link", "https://example.org/guide"),
            Span(15, 20, "strong"),
            Span(31, 35, "code"),
            Span(41, 45, "emphasis"),
            Span(55, 62, "strike"),
        ),
    )
    table = Table(
        ("Area", "2024", "Notes"),
        (
            ("Transport", "310", "Buses and the new tram line to the harbour"),
            ("Parks", "45", "Unchanged"),
        ),
        ("left", "right", None),
    )
    code = Preformatted(
        'def total(budget):\n    return sum(value for value in budget.values() if value is not None and value > 0)  # only the positive ones\n',
        "python",
    )
    quote = Quote.of(
        [
            Paragraph("The first paragraph of the quote."),
            Paragraph("The second, with a link to the minutes.", (Span(27, 38, "link", "https://example.org/minutes"),)),
            BulletList(False, (Item(None, "a listed point"), Item(None, "another point"))),
        ]
    )
    verse = Verse(("So much depends", "upon a red wheel barrow glazed with rain water beside the white chickens"))
    return Article(
        "Styles and Blocks",
        None,
        [
            Section(None, 2, [intro]),
            Section("Contents", 2, [BulletList(False, (Item(None, "Numbers"), Item(None, "Code")))], role="contents"),
            Section("Numbers", 2, [table]),
            Section("Code", 2, [code, Paragraph("To be, or not to be.", label="HAMLET")]),
            Section("Voices", 3, [quote, verse]),
            Section("Licence", 2, [Paragraph("Share alike.")], role="licence"),
        ],
        format="markdown",
    )
