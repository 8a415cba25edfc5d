"""The navigator's outline: numbering, indents, wrapping with hanging lines, lookups."""

from __future__ import annotations

from tests.conftest import CORPUS, SEED, missing
from tui.model.article import Section
from tui.parse import load_path
from tui.reading.layout import PerWidth
from tui.reading.numbering import main_sections
from tui.reading.outline import Outline, OutlineLines, outline_entries


def section(heading: str | None, level: int = 2) -> Section:
    return Section(heading=heading, level=level, blocks=[])


def test_the_seed_outline_numbers_main_sections_and_indents_the_rest():
    outline = Outline(load_path(SEED).sections)
    lines = outline.lines(25)
    shown = [outline.prefix(entry) + entry.heading for entry in outline.entries]
    assert shown == [
        " 1 Introduction",
        " 2 Context & Background",
        " 3 In-Depth Analysis",
        " 4 Pros and Cons",
        "     Pros",
        "     Cons",
        " 5 Key Takeaways",
        " 6 Future Outlook",
        " 7 Call to Action",
    ]
    assert lines.line_count == 9  # every heading fits in 25 cells: marker, number, text, a free cell
    assert outline.lines(24).line_count == 10  # "Context & Background" would touch the edge: it wraps


def shown(outline: Outline, lines: OutlineLines, entry: int) -> list[str]:
    """An entry's lines as the navigator draws their text (the ellipsis where a heading is cut)."""
    heading = outline.entries[entry].heading
    return [heading[lines.line_start[i] : lines.line_end[i]] + ("…" if i in lines.cut_lines else "") for i in lines.lines_of(entry)]  # fmt: skip


def test_a_long_heading_wraps_under_its_first_word():
    outline = Outline([section(None), section("The long and winding road to somewhere"), section("Sub", 3)])
    lines = outline.lines(17)
    assert outline.indent(outline.entries[0]) == 4
    texts = shown(outline, lines, 0)
    assert texts == ["The long and", "winding road", "to somewhere"]
    assert all(len(text) <= 17 - 4 - 1 for text in texts)  # a cell kept free at the right
    assert lines.entry_at(3) == 1 and lines.lines_of(1) == range(3, 4)
    assert lines.entry_at(4) is None and lines.entry_at(-1) is None
    assert not lines.cut_lines


def test_a_heading_longer_than_three_lines_ends_its_third_with_an_ellipsis():
    outline = Outline([section("The long and winding road to somewhere far away"), section("Sub", 3)])
    lines = outline.lines(17)
    assert shown(outline, lines, 0) == ["The long and", "winding road", "to somewher…"]  # 12 cells: the room
    assert lines.cut_lines == {2} and lines.entry_at(3) == 1
    wide = Outline([section("漢字" * 20)]).lines(17)  # two cells a character: cut between characters
    assert shown(Outline([section("漢字" * 20)]), wide, 0) == ["漢字漢字漢字", "漢字漢字漢字", "漢字漢字漢…"]


def test_a_gutenberg_books_long_first_heading_takes_three_lines_at_80_columns():
    """The Project Gutenberg header, named after the book, took six lines of the navigator."""
    path = CORPUS / "real" / "gutenberg-riis-how-the-other-half-lives.txt"
    if not path.exists():
        missing(f"the corpus file {path}")
    outline = Outline(load_path(path).sections)
    lines = outline.lines(25)  # about the navigator's width in an 80-column terminal
    first = shown(outline, lines, 0)
    assert "".join(first).startswith("The Project") and first[-1].endswith("…") and len(first) == 3
    assert shown(outline, lines, 1) == ["PREFACE."]


def test_sections_without_headings_have_no_entry():
    sections = [section(None), section("One"), section("One a", 3), section("Two")]
    outline = Outline(sections)
    assert [entry.section for entry in outline.entries] == [1, 2, 3]
    assert [entry.number for entry in outline.entries] == ["1", "", "2"]
    assert outline.entry_of_section(0) is None
    assert outline.entry_of_section(2) == 1
    assert outline.entry_of_section(3) == 2
    assert main_sections(sections) == [1, 3]


def test_numbers_widen_for_books_with_many_parts():
    outline = Outline([section(f"Part {n}") for n in range(1, 121)])
    assert outline.number_cells == 3
    assert outline.prefix(outline.entries[0]) == "  1 "
    assert outline.prefix(outline.entries[119]) == "120 "


def test_headings_with_newlines_stay_on_their_own_lines():
    assert outline_entries([section("Two\nlines")])[0].heading == "Two lines"


def test_wrapped_outlines_are_kept_per_width():
    outline = Outline([section("Heading")])
    assert outline.lines(20) is outline.lines(20)
    assert outline.lines(20) is not outline.lines(21)


def test_per_width_keeps_the_last_four_widths():
    made: list[int] = []
    cache: PerWidth[str] = PerWidth()

    def make(width: int) -> str:
        made.append(width)
        return f"lines at {width}"

    for width in (20, 21, 22, 23, 24):
        assert cache.get(width, make) == f"lines at {width}"
    assert cache.get(24, make) == "lines at 24" and made == [20, 21, 22, 23, 24]  # kept: not made again
    assert 20 not in cache and all(width in cache for width in (21, 22, 23, 24))
