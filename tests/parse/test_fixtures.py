"""Each fixture article parses to exactly the structure a reader of it expects.

Readable fixtures live in tests/fixtures/; byte-exact ones (BOM, CRLF, Windows-1252, UTF-16, escape
sequences, binary) are written into a temporary folder from the byte literals below, so that git
and editors cannot change a byte of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.parse.test_properties import assert_clean, assert_no_word_lost
from tui.model.article import Article, BulletList, Item, Paragraph, Preformatted, Quote, Section, Span, Table
from tui.model.errors import BinaryInput, EmptyInput
from tui.parse import load_path


def bullets(*items: Item, ordered: bool = False) -> BulletList:
    return BulletList(ordered, items)


def outline(article: Article) -> list[tuple[str | None, int]]:
    return [(section.heading, section.level) for section in article.sections]


def check_words(path: Path, article: Article) -> None:
    """No word of the fixture is missing from the model, and no control character is in it."""
    raw = path.read_bytes()
    text = raw.decode(article.encoding.replace("windows-", "cp"))
    assert_no_word_lost(text.lstrip("\ufeff"), article)
    assert_clean(article)


# --- byte-exact fixtures --------------------------------------------------------------------------

CRLF_BOM = (
    b"\xef\xbb\xbfBudget Day\r\n\r\nBudget Day\r\n\r\n"
    b"What the chancellor announced, and what it costs\r\n\r\n"
    b"Taxes rise for the first time\r\nin five years,\rthe chancellor said.\r\n\r\n"
    b"The Measures\r\n\r\n1) Fuel: Duty frozen again.\r\n2) Pensions rise by 4.1%.\r\n\r\n"
    b"Pros:\r\n\r\n  \xe2\x80\xa2 Growth: Investment allowances stay.\r\n    \xe2\x97\xa6 Made permanent\r\n\r\n"
    b"Cons:\r\n\r\n  \xe2\x80\xa2 Tax burden: Highest since 1948.\r\n"
)

WINDOWS_1252 = (
    b"Caf\xe9 Society\r\n\r\nA \x93short\x94 history of the caf\xe9 \x96 and its regulars\r\n\r\n"
    b"It\x92s the \x91third place\x92, they say\x85 somewhere between home\r\nand work \x97 at \x802 a cup.\r\n\r\n"
    b"The \x93Third Place\x94\r\n\r\n"
    b"\x95 Espresso: Strong and short.\r\n\x95 Caf\xe9 cr\xe8me: Milder, and na\xefve about it.\r\n"
)

UTF16_TEXT = (
    "Tea Notes\n\nA short guide — in UTF-16\n\nGreen tea wants cooler water than black tea.\n\n"
    "Key Takeaways\n\n- Green: 80 °C.\n- Black: 95 °C.\n"
)

ESCAPES = (
    b"\x1b[1;31mAlert\x1b[0m Bulletin\n\n"
    b"Markup like [bold red]x[/] stays as typed\n\n"
    b"Copy this\x1b]52;c;cm0gLXJmIH4=\x07 now. Visit \x1b]8;;http://e.vil\x1b\\the site\x1b]8;;\x1b\\ today.\n"
    b"A lone escape\x1b\nends this line, a C1 \xc2\x9b31mCSI\xc2\x9b0m, a bell\x07 and a back\x08space.\n\n"
    b"Links\n\n"
    b"- [link=http://e.vil]y[/link] is not a link\n"
    b"- Alarm\x07: Rings\x1b[5m twice.\n"
)

BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


@pytest.fixture
def write(tmp_path: Path):
    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


def test_crlf_with_a_utf8_bom(write):
    path = write("budget-day.txt", CRLF_BOM)
    article = load_path(path)
    assert article.title == "Budget Day"  # the repeated title line is dropped
    assert article.subtitle == "What the chancellor announced, and what it costs"
    assert (article.format, article.encoding, article.source) == ("text", "utf-8-sig", str(path.resolve()))
    assert article.sections == [
        Section(None, 2, [Paragraph("Taxes rise for the first time in five years, the chancellor said.")]),
        Section(
            "The Measures",
            2,
            [bullets(Item("Fuel", "Duty frozen again."), Item(None, "Pensions rise by 4.1%."), ordered=True)],
        ),
        Section("Pros", 3, [bullets(Item("Growth", "Investment allowances stay."), Item(None, "Made permanent", 1))]),
        Section("Cons", 3, [bullets(Item("Tax burden", "Highest since 1948."))]),
    ]
    assert article.pros == [Item("Growth", "Investment allowances stay."), Item(None, "Made permanent", 1)]
    assert article.cons == [Item("Tax burden", "Highest since 1948.")]
    assert article.takeaways == []
    check_words(path, article)


def test_windows_1252(write):
    path = write("cafe-society.txt", WINDOWS_1252)
    article = load_path(path)
    assert article.title == "Café Society"
    assert article.subtitle == "A “short” history of the café – and its regulars"
    assert (article.format, article.encoding) == ("text", "windows-1252")
    assert article.sections == [
        Section(
            None, 2, [Paragraph("It’s the ‘third place’, they say… somewhere between home and work — at €2 a cup.")]
        ),
        Section(
            "The “Third Place”",
            2,
            [bullets(Item("Espresso", "Strong and short."), Item("Café crème", "Milder, and naïve about it."))],
        ),
    ]
    assert (article.takeaways, article.pros, article.cons) == ([], [], [])
    check_words(path, article)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom(write, codec: str):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    path = write("tea.txt", bom + UTF16_TEXT.encode(codec))
    article = load_path(path)
    assert (article.title, article.subtitle) == ("Tea Notes", "A short guide — in UTF-16")
    assert (article.format, article.encoding) == ("text", "utf-16")
    takeaways = [Item("Green", "80 °C."), Item("Black", "95 °C.")]
    assert article.sections == [
        Section(None, 2, [Paragraph("Green tea wants cooler water than black tea.")]),
        Section("Key Takeaways", 2, [bullets(*takeaways)]),
    ]
    assert article.takeaways == takeaways
    assert_no_word_lost(UTF16_TEXT, article)


def test_escape_sequences_go_and_markup_lookalikes_stay(write):
    path = write("alert.txt", ESCAPES)
    article = load_path(path)
    assert article.title == "Alert Bulletin"
    assert article.subtitle == "Markup like [bold red]x[/] stays as typed"
    assert article.sections == [
        Section(
            None,
            2,
            [
                Paragraph(
                    "Copy this now. Visit the site today. "
                    "A lone escape ends this line, a C1 CSI, a bell and a backspace."
                )
            ],
        ),
        Section(
            "Links",
            2,
            [bullets(Item(None, "[link=http://e.vil]y[/link] is not a link"), Item("Alarm", "Rings twice."))],
        ),
    ]
    check_words(path, article)


def test_markup_lookalikes_stay_in_markdown_too(write):
    path = write("markup.md", b"# [bold]Loud[/] \x1b[5mNews\n\nSee [link=http://e.vil]y[/link]\x07 here.\n")
    article = load_path(path)
    assert article.title == "[bold]Loud[/] News"
    assert article.sections == [Section(None, 2, [Paragraph("See [link=http://e.vil]y[/link] here.")])]
    assert article.links == []


@pytest.mark.parametrize("data", [b"", b"\n", b"   \n\t\n  \r\n", b"\xef\xbb\xbf\r\n", " \n".encode("utf-16")])
def test_empty_and_whitespace_only_files(write, data: bytes):
    path = write("notes.txt", data)
    with pytest.raises(EmptyInput) as raised:
        load_path(path)
    assert raised.value.where == str(path)
    assert raised.value.reason == "file is empty"


def test_a_file_of_escape_sequences_only_is_empty(write):
    path = write("codes.txt", b"\x1b[31m\x1b[0m\n\x1b]0;title\x07\n")
    with pytest.raises(EmptyInput) as raised:
        load_path(path)
    assert raised.value.where == str(path)
    assert "empty" in raised.value.reason


def test_binary_file(write):
    path = write("image.txt", BINARY)
    with pytest.raises(BinaryInput) as raised:
        load_path(path)
    assert raised.value.where == str(path)
    assert raised.value.reason == "binary file (contains NUL bytes)"


# --- readable fixtures ----------------------------------------------------------------------------


def over(text: str, part: str, style: str, target: str | None = None) -> Span:
    """The span of `style` over the first `part` of `text`."""
    start = text.index(part)
    return Span(start, start + len(part), style, target)  # type: ignore[arg-type]


def test_markdown_article():
    path = FIXTURES / "city-budget.md"
    article = load_path(path)
    assert article.title == "The City Budget, Explained"
    assert article.subtitle == "What the council's new spending plan means for residents"
    assert (article.format, article.encoding) == ("markdown", "utf-8")
    key_points = [
        Item("Transport", "The biggest rise, paid for by the new levy."),
        Item(None, "Parks stay flat for a second year."),
    ]
    changed = "Spending on transport rises by a fifth, while the parks budget is frozen."
    both = "Both sides made their case; see the full report."
    lead = "The council approved a £2.4 billion budget on Tuesday after a long debate that ran past midnight."
    assert article.sections == [
        Section(
            None,
            2,
            [
                Paragraph(
                    lead,
                    (
                        over(lead, "£2.4 billion", "strong"),
                        over(lead, "long debate", "link", "https://example.org/debate"),
                    ),
                )
            ],
        ),
        Section(
            "What Changed",
            2,
            [Paragraph(changed, (over(changed, "parks", "emphasis"),))],
        ),
        Section(
            "Transport",
            3,
            [
                bullets(
                    Item(
                        "Buses",
                        "Twelve new routes start in April.",
                        spans=(over("Twelve new routes start in April.", "April", "code"),),
                    ),
                    Item("Cycling", "Protected lanes on three main roads."),
                    Item(None, "Riverside Road first", 1),
                    Item(None, "Then the ring road", 1),
                    Item(None, "Tram fares stay the same."),
                )
            ],
        ),
        Section(
            "Housing",
            3,
            [
                bullets(
                    Item("Repairs", "A fund for damp and mould."),
                    Item(None, "New homes on council land."),
                    ordered=True,
                )
            ],
        ),
        Section(
            "The Numbers",
            2,
            [
                # Rule change (issue 10): a GFM table is a table block, no longer its raw source.
                Table(
                    ("Area", "2024", "2025"), (("Transport", "310", "372"), ("Parks", "45", "45")), (None, None, None)
                ),
                Preformatted("total = sum(budget.values())", "python"),
            ],
        ),
        Section(
            "What People Said",
            2,
            [Quote.of([Paragraph("It is a budget for the next ten years, not the next election.")])],
        ),
        Section("Key Points", 2, [bullets(*key_points)]),
        Section(
            "Pros and Cons",
            2,
            [Paragraph(both, (over(both, "full report", "link", "https://example.org/report"),))],
        ),
        Section("Pros", 3, [bullets(Item("Cheaper travel", "Fares are frozen."))]),
        Section("Cons", 3, [bullets(Item("Higher levy", "Businesses pay more."))]),
    ]
    assert article.takeaways == key_points
    assert article.pros == [Item("Cheaper travel", "Fares are frozen.")]
    assert article.cons == [Item("Higher levy", "Businesses pay more.")]
    assert article.links[:2] == [
        ("long debate", "https://example.org/debate"),
        ("full report", "https://example.org/report"),
    ]
    check_words(path, article)


def test_markdown_is_recognised_by_content_without_the_extension(write):
    path = write("city-budget.txt", (FIXTURES / "city-budget.md").read_bytes())
    article = load_path(path)
    assert article.format == "markdown"
    assert article.title == "The City Budget, Explained"
    assert outline(article) == outline(load_path(FIXTURES / "city-budget.md"))


def test_markdown_with_several_top_headings_takes_its_title_from_the_file_name():
    # Rule change (issue 10): a Markdown section's level is its number of `#`, so 1/2/1, not 2/3/2.
    path = FIXTURES / "release-notes.md"
    article = load_path(path)
    assert (article.title, article.subtitle) == ("Release Notes", None)
    assert (article.format, article.encoding) == ("markdown", "utf-8")
    assert article.sections == [
        Section(
            "Version 2.0",
            1,
            [
                Paragraph("The sync engine was rewritten from scratch."),
                bullets(Item(None, "Faster first sync"), Item(None, "Fewer conflicts")),
            ],
        ),
        Section("Version 1.1", 1, [Paragraph("Bug fixes only.")]),
        Section("Known Issues", 2, [Paragraph("Large folders still load slowly.")]),
        Section("Version 1.0", 1, [Paragraph("The first public release.")]),
    ]
    assert (article.takeaways, article.pros, article.cons, article.links) == ([], [], [], [])
    check_words(path, article)


def test_all_caps_headings():
    path = FIXTURES / "harbour-report.txt"
    article = load_path(path)
    assert (article.title, article.subtitle) == ("HARBOUR REPORT", "Why the old docks are coming back to life")
    assert (article.format, article.encoding) == ("text", "utf-8")
    strengths = [Item("Jobs", "About 400 new posts since 2020."), Item("Transport", "A ferry every 20 minutes.")]
    tldr = [Item(None, "The docks are busy again."), Item(None, "The last phase is up for a vote in May.")]
    assert article.sections == [
        Section(
            None,
            2,
            [
                Paragraph(
                    "Ten years ago the docks were empty. Today they hold a market, two schools and a ferry terminal."
                )
            ],
        ),
        Section("THE BACKGROUND", 2, [Paragraph("The port closed in 1998 when container ships moved downriver.")]),
        Section("WHAT HAPPENS NEXT", 2, [Paragraph("The council will vote on the final phase in May.")]),
        Section("STRENGTHS", 3, [bullets(*strengths)]),
        Section("WEAKNESSES", 3, [bullets(Item("Flooding", "The quay floods at spring tides."))]),
        Section("TL;DR", 2, [bullets(*tldr)]),
    ]
    assert article.pros == strengths
    assert article.cons == [Item("Flooding", "The quay floods at spring tides.")]
    assert article.takeaways == tldr
    check_words(path, article)


def test_hard_wrapped_paragraphs_are_joined():
    path = FIXTURES / "hard-wrapped.txt"
    article = load_path(path)
    assert (article.title, article.subtitle) == (
        "Notes From the Night Train",
        "A journey across three borders in one sleepless night",
    )
    assert (article.format, article.encoding) == ("text", "utf-8")
    assert article.sections == [
        Section(
            None,
            2,
            [
                Paragraph(
                    "The train left the capital a little after ten, its carriages still warm from the afternoon "
                    "sun, and the conductor walked the corridor twice to check that every compartment door was "
                    "latched before the first tunnel."
                ),
                # "Old Town Station" looks like a heading but does not stand alone: it is part of the paragraph.
                Paragraph(
                    "By midnight the dining car had closed. A few passengers stood at the windows, watching the "
                    "lights of small towns slide past. Those bound for Old Town Station were told to change at "
                    "the junction, and most of them slept through it."
                ),
            ],
        ),
        Section(
            "The Border Crossing",
            2,
            [
                Paragraph(
                    "At the first border the train stopped for forty minutes. Officers in long coats collected "
                    "passports, stamped them under a dim lamp and handed them back without a word."
                )
            ],
        ),
        Section(
            "What to Pack",
            3,
            [
                bullets(
                    Item(
                        "Water",
                        "The dining car closes at midnight and does not open again until the train has crossed "
                        "the second border.",
                    ),
                    Item(None, "A torch, because the corridor lights go out at one."),
                )
            ],
        ),
    ]
    check_words(path, article)


def test_synonyms_of_takeaways_pros_and_cons():
    path = FIXTURES / "remote-work.txt"
    article = load_path(path)
    assert (article.title, article.subtitle) == (
        "Remote Work, Two Years On",
        "What the data says about working from home",
    )
    assert (article.format, article.encoding) == ("text", "utf-8")
    assert outline(article) == [
        (None, 2),
        ("Pros and Cons", 2),
        ("Advantages", 2),
        ("Disadvantages", 2),
        ("Key Points", 2),
    ]
    lead, pros_and_cons = article.sections[0], article.sections[1]
    # Mentioning "key takeaways" in prose makes nothing a takeaway, even with a list right under it.
    assert lead.blocks == [
        Paragraph(
            "Two years after offices reopened, the debate has not settled. This piece sums up what the surveys "
            "found, and the key takeaways may surprise you."
        ),
        Paragraph("The key takeaways, in short, before the detail:"),
        bullets(Item(None, "Nobody wants five office days."), Item(None, "Nobody wants zero either.")),
    ]
    # A section called "Pros and Cons" is not itself a list of pros.
    assert pros_and_cons.blocks == [
        Paragraph("Both camps have a point, and each side can list its arguments:"),
        bullets(Item(None, "Flexibility cuts both ways."), Item(None, "Commutes are only part of the story.")),
    ]
    assert article.pros == [
        Item("No commute", "Workers save about an hour a day."),
        Item("Focus", "Fewer interruptions for deep work."),
        Item(None, "Especially for engineers", 1),
        Item(None, "Less so for managers", 1),
    ]
    assert article.cons == [
        Item("Isolation", "Juniors learn less by watching others."),
        Item(None, "Meetings at 10:30 pile up across time zones."),  # a time is not a label
    ]
    assert article.takeaways == [
        Item("Hybrid", "Most firms settled on two or three office days."),
        Item(None, "See https://example.org/survey for the full survey."),  # nor is a URL
    ]
    assert article.sections[4].blocks == [bullets(*article.takeaways, ordered=True)]
    check_words(path, article)


@pytest.mark.parametrize(
    "name", ["city-budget.md", "release-notes.md", "harbour-report.txt", "hard-wrapped.txt", "remote-work.txt"]
)
def test_readable_fixtures_are_small_lf_utf8(name: str):
    data = (FIXTURES / name).read_bytes()
    assert len(data) < 4096
    assert b"\r" not in data
    data.decode("utf-8")
