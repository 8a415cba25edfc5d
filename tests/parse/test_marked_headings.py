"""Headings a plain text marks by its layout (`tui/parse/marked.py`): underlines, centring, numbered
run-in names, and the nesting they imply.

Each rule on a small text of its own, then three fixtures in the shapes of documents brief had never
seen (Git's release notes, the GNU GPL, the Apache License), written for these tests in tests/fixtures/
layout/: the real files live under /usr/share on some machines only.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from tests.parse.test_properties import assert_clean, assert_no_word_lost, normalised
from tui.model.article import Article, BulletList, Item, Paragraph
from tui.model.errors import EmptyInput
from tui.parse import load_path, parse_text
from tui.parse.marked import is_edition

LAYOUT = FIXTURES / "layout"

PROSE = (
    "The morning was grey and the river ran high under the old stone bridge, carrying\n"
    "branches and leaves down towards the mill where the miller stood watching it.\n"
)
MORE = (
    "By noon the water had come over the lower path, and the children who crossed it\n"
    "every day to school were sent round by the road, which added a mile to the walk.\n"
)


def parse(text: str, name: str = "notes.txt") -> Article:
    article = parse_text(text, name=name)
    assert_no_word_lost(text, article)
    assert_clean(article)
    return article


def headings(article: Article) -> list[tuple[str | None, int]]:
    return [(section.heading, section.level) for section in article.sections if section.heading is not None]


def load(name: str) -> Article:
    path = LAYOUT / name
    article = load_path(path)
    assert_no_word_lost(path.read_text(encoding="utf-8"), article)
    assert_clean(article)
    return article


# --- underlines -------------------------------------------------------------------------------


def test_underlined_headings_rank_by_the_order_their_underlines_are_first_met():
    text = "\n".join(
        ["Mill Notes", "==========", "", "Spring", "------", "", PROSE, "Floods", "~~~~~~", "", MORE,
         "Summer", "------", "", PROSE]
    )  # fmt: skip
    article = parse(text)
    assert article.title == "Mill Notes"
    assert headings(article) == [("Spring", 2), ("Floods", 3), ("Summer", 2)]
    assert article.sections[0].blocks == [Paragraph(" ".join(PROSE.split()))]


def test_the_first_kind_of_underline_met_is_the_higher_whatever_its_character():
    # reStructuredText fixes no order of characters: here `~` is met first and ranks above `=`.
    text = "\n".join(["Notes", "#####", "", "Spring", "~~~~~~", "", PROSE, "Floods", "======", "", MORE])
    assert headings(parse(text)) == [("Spring", 2), ("Floods", 3)]


def test_a_first_line_underlined_as_others_are_is_a_section_and_the_text_has_no_title_line():
    # A NEWS file: each release underlined alike, the first no title of the whole (as in
    # reStructuredText), nor a running page header for being much like the lines under it.
    text = "\n".join(
        ["mill 1.4 (2024-05-01)", "=====================", "", "Fixes:", "", " * The gate shuts again.", "",
         "mill 1.3 (2024-02-01)", "=====================", "", PROSE, "Spring", "------", "", MORE,
         "mill 1.2 (2023-11-01)", "=====================", "", PROSE,
         "mill 1.1 (2023-08-01)", "=====================", "", MORE]
    )  # fmt: skip
    article = parse(text, name="NEWS")
    assert article.title == "NEWS"
    assert headings(article) == [
        ("mill 1.4 (2024-05-01)", 2),
        ("Fixes", 3),  # a list's intro, as anywhere
        ("mill 1.3 (2024-02-01)", 2),
        ("Spring", 3),
        ("mill 1.2 (2023-11-01)", 2),
        ("mill 1.1 (2023-08-01)", 2),
    ]
    assert article.sections[1].blocks == [BulletList(False, (Item(None, "The gate shuts again."),))]


def test_text_right_under_its_underline_as_asciidoc_writes_it():
    text = "\n".join(
        ["mill-grind(1)", "=============", "", "NAME", "----", "mill-grind - grind the grain in the hopper", "",
         "SYNOPSIS", "--------", "mill grind [--coarse] <hopper>", ""]
    )  # fmt: skip
    article = parse(text)
    assert article.title == "mill-grind(1)"
    assert headings(article) == [("NAME", 2), ("SYNOPSIS", 2)]
    assert article.sections[0].blocks == [Paragraph("mill-grind - grind the grain in the hopper")]


def test_a_heading_over_and_underlined_is_a_kind_of_its_own():
    text = "\n".join(["======", "Spring", "======", "", PROSE, "Floods", "======", "", MORE])
    article = parse(text)
    assert article.title == "Spring"  # the text opens with it
    assert headings(article) == [("Floods", 2)]


def test_a_title_over_and_underlined_by_rules_of_an_odd_length_is_the_title():
    # (eleven `=` read as a `== … ==` wiki heading of one `=` before)
    text = "\n".join(["===========", "Development", "===========", "", PROSE, "Setup", "-----", "", MORE])
    article = parse(text)
    assert article.title == "Development"
    assert headings(article) == [("Setup", 2)]


def test_a_title_over_and_underlined_in_a_text_with_a_paragraph_a_line():
    long_line = " ".join(PROSE.split()) + " " + " ".join(MORE.split())
    text = "\n".join(
        ["====================", "Mill Research & Plan", "====================", "",
         "Over the course of the year, the mill's committee has been working on its",  # broken off
         "accounts.", "", long_line, "", "How to help", "-----------", "", long_line]
    )  # fmt: skip
    article = parse(text)
    assert (article.title, article.subtitle) == ("Mill Research & Plan", None)
    assert headings(article) == [("How to help", 2)]


def test_underlines_in_a_text_with_a_paragraph_a_line():
    long_line = " ".join(PROSE.split()) + " " + " ".join(MORE.split())
    text = "\n".join(
        ["Mill Notes", "==========", "", "Spring", "------", "", long_line, "", "Summer", "------", "", long_line]
    )
    article = parse(text)
    assert article.title == "Mill Notes"
    assert headings(article) == [("Spring", 2), ("Summer", 2)]
    assert [block for section in article.sections for block in section.blocks] == [Paragraph(long_line)] * 2


def test_a_heading_underlined_right_under_a_paragraph_in_a_text_that_underlines_its_headings():
    # e2fsprogs' NEWS: a release's notes end, and the next release's heading follows with no blank line.
    text = "\n".join(
        ["Mill 1.2 (May 2, 2023)", "======================", "", "The hopper no longer jams on wet grain, and",
         "the millstone turns at half speed when empty.", "Mill 1.1 (March 1, 2023)", "========================",
         "", "The first release with a hopper.", "It ends a line short of its rule.",
         "-------------------------------------", ""]
    )  # fmt: skip
    article = parse(text)
    assert headings(article) == [("Mill 1.2 (May 2, 2023)", 2), ("Mill 1.1 (March 1, 2023)", 2)]
    assert article.sections[0].blocks == [
        Paragraph("The hopper no longer jams on wet grain, and the millstone turns at half speed when empty.")
    ]
    # A last line ending its sentence over a rule of its length is the paragraph's, the rule a rule.
    assert "It ends a line short of its rule." in article.sections[1].blocks[0].text


def test_rules_tables_and_odd_lengths_underline_nothing():
    text = "\n".join(
        [
            PROSE,
            "----------------------------------------",  # a rule alone between paragraphs
            "",
            MORE,
            "Name        Height",  # a table's header, its columns underlined apart
            "----------  ------",
            "Willow      12 m",
            "",
            "Tree      Height   Age",  # its columns apart, over one unbroken rule
            "----------------------",
            "Oak       20 m     300",
            "",
            "A short line over a long rule",  # a rule far longer than the line
            "----------------------------------------------------------------------",
            "",
            PROSE.rstrip("\n"),  # a rule under a paragraph of several lines
            "--------------------------------------------------------------------------------",
            "",
            MORE,
        ]
    )
    article = parse(text)
    assert headings(article) == []


def test_a_line_the_text_does_not_underline_ranks_under_the_underlined_headings():
    text = "\n".join(["Notes", "=====", "", "Updates", "-------", "", "New Features", "", " * The mill grinds rye.", "",
                      "Fixes", "-----", "", " * The gate shuts again.", ""])  # fmt: skip
    article = parse(text)
    assert headings(article) == [("Updates", 2), ("New Features", 3), ("Fixes", 2)]
    assert article.sections[1].blocks == [BulletList(False, (Item(None, "The mill grinds rye."),))]


def test_in_a_text_that_underlines_its_headings_a_heading_left_bare_under_the_title_is_no_dek():
    text = "\n".join(
        [
            "Notes",
            "=====",
            "",
            "New Features",
            "",
            " * The mill grinds rye.",
            "",
            "Fixes",
            "-----",
            "",
            " * The gate shuts.",
        ]
    )
    article = parse(text)
    assert (article.title, article.subtitle) == ("Notes", None)
    assert headings(article) == [("New Features", 3), ("Fixes", 2)]


def test_an_underlined_title_that_reads_as_a_date_is_the_title():
    text = "\n".join(
        ["Trowel 1.7.12.1 Release Notes", "=============================", "", "Fixes", "-----", "", PROSE]
    )
    article = parse(text)
    assert article.title == "Trowel 1.7.12.1 Release Notes"
    assert headings(article) == [("Fixes", 2)]


# --- centred lines ----------------------------------------------------------------------------

# A hard-wrapped text 72 characters wide (its width is measured from its paragraphs).
WIDE = (
    "  The river rose through the night and by morning it had covered the lower\n"
    "path, the footbridge and the bottom of the orchard, where the oldest trees\n"
    "stood in water to their knees and the fallen apples floated out towards\n"
    "the mill race, bobbing in the brown current like a crowd of small heads.\n"
)


def centred(line: str, width: int = 72) -> str:
    return " " * ((width - len(line)) // 2) + line


def test_centred_lines_are_headings_and_the_centred_title_block_gives_title_and_dek():
    text = "\n\n".join(
        [
            centred("THE MILLER'S RULES") + "\n" + centred("Version 3, 1 May 1921"),
            WIDE,
            centred("Preamble"),
            WIDE,
            WIDE,
            centred("How to Keep These Rules"),
            WIDE,
        ]
    )
    article = parse(text)
    assert (article.title, article.subtitle) == ("THE MILLER'S RULES", "Version 3, 1 May 1921")
    assert headings(article) == [("Preamble", 2), ("How to Keep These Rules", 2)]


def test_a_heading_centred_on_two_lines_is_one_heading():
    text = "\n\n".join(
        [WIDE, centred("THE MILLER'S RULES") + "\n" + centred("TERMS FOR GRINDING, STORING AND SELLING"), WIDE, WIDE]
    )
    assert headings(parse(text)) == [("THE MILLER'S RULES TERMS FOR GRINDING, STORING AND SELLING", 2)]


def test_two_centred_lines_in_small_type_under_the_title_are_no_heading():
    text = "\n\n".join(
        [centred("The Miller's Rules"), centred("Release Notes") + "\n" + centred("The Mill Committee"), WIDE, WIDE]
    )
    article = parse(text)
    assert article.title == "The Miller's Rules"
    assert headings(article) == []


def test_centred_lines_that_name_nothing_are_not_headings():
    text = "\n\n".join(
        [WIDE, centred("* * *"), WIDE, centred("[a drawing of the mill]"), WIDE, centred("and so,"), WIDE]
    )
    assert headings(parse(text)) == []


def test_a_line_indented_off_centre_is_not_centred():
    # With numbered headings through the text, other short lines are headings only when marked.
    text = "\n\n".join(
        [
            "1. Stones", WIDE, centred("Grinding Stones"), WIDE, "2. Water", WIDE,
            "        Mill Race Gates", WIDE,  # indented, but far left of the middle
            "3. Flour", WIDE,
        ]
    )  # fmt: skip
    assert headings(parse(text)) == [("1. Stones", 2), ("Grinding Stones", 2), ("2. Water", 2), ("3. Flour", 2)]


def test_an_edition_line_is_a_dek_not_a_dateline():
    assert is_edition("Version 3, 29 June 2007")
    assert is_edition("Version 2.0, January 2004")
    assert is_edition("Revision 4")
    assert not is_edition("Versions of this story differ, as tellers do")
    assert not is_edition("June 29, 2007")


# --- numbered run-in headings and nesting -----------------------------------------------------


def numbered(number: int, name: str, text: str) -> str:
    return f"{number}. {name} {text}\n" + WIDE.replace("  The", "The", 1)


def test_numbered_run_in_names_head_sections_and_their_text_follows():
    text = "\n\n".join(
        [
            "RULES OF THE MILL",
            numbered(1, "Grinding.", "Grain is ground on Tuesdays."),
            numbered(2, "Storing of Flour.", "Flour is kept dry."),
            numbered(3, "Selling.", "Flour is sold at the gate."),
            "END OF RULES",
        ]
    )
    article = parse(text)
    assert article.title == "RULES OF THE MILL"
    assert headings(article) == [
        ("1. Grinding.", 2),
        ("2. Storing of Flour.", 2),
        ("3. Selling.", 2),
        ("END OF RULES", 2),
    ]
    first = article.sections[0].blocks[0]
    assert isinstance(first, Paragraph) and first.text.startswith("Grain is ground on Tuesdays. The river rose")


def test_a_numbered_list_of_sentences_is_a_list_not_headings():
    text = "\n\n".join(
        [
            PROSE,
            "1. Open the sluice. It sticks in frost.",
            "2. Check the stones. Cracks spread.",
            "3. Sweep up. Mice come.",
        ]
    )
    article = parse(text)
    assert headings(article) == []
    assert [len(b.items) for s in article.sections for b in s.blocks if isinstance(b, BulletList)] == [3]


def test_two_numbered_names_are_no_run():
    text = "\n\n".join([PROSE, numbered(1, "Grinding.", "Grain is ground."), numbered(2, "Selling.", "Flour is sold.")])
    assert headings(parse(text)) == []


def test_a_heading_over_nothing_but_a_numbered_run_holds_it_a_level_down():
    text = "\n\n".join(
        [
            "The Mill",
            PROSE,
            "TERMS AND CONDITIONS",
            "0. Meanings.",
            MORE,
            "1. Grinding.",
            PROSE,
            "2. Selling.",
            MORE,
            "HOW TO APPLY THESE TERMS",
            PROSE,
        ]
    )
    assert headings(parse(text)) == [
        ("TERMS AND CONDITIONS", 2),
        ("0. Meanings.", 3),
        ("1. Grinding.", 3),
        ("2. Selling.", 3),
        ("HOW TO APPLY THESE TERMS", 2),
    ]


def test_an_appendix_line_is_a_heading():
    text = "\n\n".join(["The Mill", PROSE, "APPENDIX: How to apply these rules to your mill.", MORE])
    assert headings(parse(text)) == [("APPENDIX: How to apply these rules to your mill.", 2)]


# --- fixtures in the shapes of real documents ------------------------------------------------


def test_release_notes_in_gits_shape():
    """Title over `=`, sections over `-`, a section's own subheadings not underlined, ` * ` items;
    the rule before the closing words is no heading."""
    article = load("release-notes.txt")
    assert (article.title, article.subtitle) == ("Trowel v3.4 Release Notes", None)
    assert headings(article) == [
        ("Backward compatibility notes", 2),
        ("Updates since v3.3", 2),
        ("UI, Workflows & Features", 3),
        ("Performance, Internals & Support", 3),
        ("Fixes since v3.3", 2),
    ]
    notes = article.sections
    assert [len(block.items) for block in notes[0].blocks if isinstance(block, BulletList)] == [2]
    assert notes[0].blocks[0].items[1] == Item(None, 'The "plot.width" setting is now read in centimetres.')
    assert notes[1].blocks == []
    assert [len(block.items) for block in notes[2].blocks if isinstance(block, BulletList)] == [2]
    fixes = notes[4].blocks
    assert fixes[0] == BulletList(
        False,
        (
            Item(None, '"trowel water" watered the same row twice when two beds shared a name. '
                 "(merge 1a2b3c4 gw/twice-watered later to maint)."),
            Item(None, "Other code cleanup, docfix, build fix, etc."),
        ),
    )  # fmt: skip
    assert fixes[1] == Paragraph("-" * 64)
    assert isinstance(fixes[2], Paragraph) and fixes[2].text.startswith("Thanks to everyone")


def test_a_licence_with_centred_headings_over_numbered_terms():
    """The GPL's shape: a centred title and version, centred Foreword and terms, the terms' numbered
    headings under them (a numbered item inside a term is no heading), centred closing lines."""
    article = load("centred-licence.txt")
    assert (article.title, article.subtitle) == ("GREEN STREET COMMUNITY GARDEN LICENCE", "Version 2, 14 March 2019")
    assert article.date == "14 March 2019"
    assert headings(article) == [
        ("Foreword", 2),
        ("RULES AND CONDITIONS", 2),
        ("0. Meanings.", 3),
        ("1. Plots and Seasons.", 3),
        ("2. Water and Tools.", 3),
        ("3. Ending a Plot.", 3),
        ("END OF RULES AND CONDITIONS", 2),
        ("How to Use These Rules in Your Own Garden", 2),
    ]
    water = next(section for section in article.sections if section.heading == "2. Water and Tools.")
    assert water.blocks[1] == BulletList(
        True, (Item(None, "A hose left running overnight costs its grower the next week's turn at the tap."),)
    )
    assert len(article.sections[1].blocks) == 2  # the Foreword's two paragraphs


def test_a_licence_with_numbered_run_in_terms():
    """The Apache License's shape: a centred title, version and address; the terms' heading at the
    margin; `1. Meanings.` alone, then names run in with their text."""
    article = load("run-in-licence.txt")
    assert (article.title, article.subtitle) == ("Orchard Licence", "Version 1.2, March 2011")
    assert article.sections[0].blocks == [Paragraph("https://example.org/orchard/")]
    assert headings(article) == [
        ("RULES FOR PICKING, SHARING, AND PLANTING", 2),
        ("1. Meanings.", 3),
        ("2. Grant of Picking.", 3),
        ("3. Sharing of Fruit.", 3),
        ("4. Planting.", 3),
        ("END OF RULES", 2),
        ("APPENDIX: How to apply these rules to your orchard.", 2),
    ]
    meanings = next(section for section in article.sections if section.heading == "1. Meanings.")
    assert [block.text[:10] for block in meanings.blocks] == ['"Orchard" ', '"Picker" s', '"Keeper" s']
    grant = next(section for section in article.sections if section.heading == "2. Grant of Picking.")
    assert grant.blocks == [
        Paragraph(
            "Subject to these rules, every Picker may take fruit from any tree in the Orchard, as much as "
            "can be carried in two hands, once a day."
        )
    ]


def test_layout_fixtures_are_small_lf_utf8():
    for path in LAYOUT.iterdir():
        data = path.read_bytes()
        assert len(data) < 4096 and b"\r" not in data
        data.decode("utf-8")


# --- properties -------------------------------------------------------------------------------

LAYOUT_LINES = st.sampled_from(
    [
        "", "", "Spring", "Mill Notes", "======", "------", "~~~~", "^^^^^^^^^^", "#####", "**", "=",
        centred("Preamble"), centred("TERMS AND CONDITIONS"), centred("Version 2, 1 May 1921"), "\tPreamble",
        "  0. Meanings.", "1. Grinding. Grain is ground.", "2. Storing of Flour.", "  3. Selling. Flour",
        "APPENDIX: How to apply it.", "Name    Height", "------  ------", " * an item", WIDE, PROSE,
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.one_of(LAYOUT_LINES, st.text(max_size=12)), max_size=40))
def test_layout_marks_lose_no_word_and_raise_nothing(lines: list[str]):
    text = "\n".join(lines)
    try:
        parse(text)  # no word lost, no control character left
    except EmptyInput:
        assert not normalised(text).strip()
