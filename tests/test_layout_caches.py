"""The layout's caches: items found again after a pickle (an article crosses processes), widths kept by use."""

from __future__ import annotations

import pickle

from tests.conftest import CORPUS, SEED
from tui.parse import load_path
from tui.reading.layout import Document, PerWidth
from tui.reading.units import Kind, Unit


def test_panel_items_find_their_units_after_a_pickle_round_trip():
    # A large input's article comes back pickled from the parse process: every id changes.
    document = pickle.loads(pickle.dumps(Document(load_path(SEED))))
    takeaways = document.article.takeaways
    assert len(takeaways) == 6
    for item in takeaways:
        unit = document.unit_of_item(item)
        assert unit is not None
        assert document.units[unit].text == item.display


def test_an_item_of_another_document_has_no_unit():
    document = Document(load_path(SEED))
    other = load_path(SEED).takeaways[0]
    assert document.unit_of_item(other) is None


def made_for(cache: PerWidth[str], widths: list[int]) -> list[int]:
    made: list[int] = []
    for width in widths:
        cache.get(width, lambda w: made.append(w) or f"lines at {w}")
    return made


def test_per_width_keeps_the_widths_used_last():
    cache: PerWidth[str] = PerWidth(keep=2)
    # 80 is used again after 100, so 100 is the one let go when 120 comes.
    assert made_for(cache, [80, 100, 80, 120]) == [80, 100, 120]
    assert 80 in cache and 120 in cache and 100 not in cache
    assert made_for(cache, [80, 120]) == []
    assert made_for(cache, [100]) == [100]


def test_per_width_keep_one_holds_only_the_last():
    cache: PerWidth[str] = PerWidth(keep=1)
    assert made_for(cache, [80, 100]) == [80, 100]
    assert 80 not in cache and 100 in cache
    assert cache.get(100, lambda w: "made again") == "lines at 100"


def test_a_layout_costs_four_bytes_a_number_and_keeps_blank_lines():
    # A 10 MB book has hundreds of thousands of lines, in each of brief's processes (issue 13 item 11).
    from tui.reading.layout import BLANK

    document = Document(load_path(SEED))
    layout = document.layout(60)
    arrays = (layout.line_unit, layout.line_start, layout.line_end, layout.unit_lines, layout.section_lines)
    assert all(numbers.itemsize == 4 for numbers in arrays)
    assert BLANK in layout.line_unit and layout.line_count > 100
    assert pickle.loads(pickle.dumps(document)).layout(60).line_unit == layout.line_unit


def lines_of(layout):
    return layout.line_unit, layout.line_start, layout.line_end, layout.pieces


def test_lines_cross_processes_without_their_document_and_are_adopted_by_an_equal_one():
    """The parse process sends a layout alone (`Layout.__getstate__`); the reader's own document,
    made from the same article, adopts it and then has those lines at that measure."""
    document = Document(load_path(SEED))
    sent = pickle.loads(pickle.dumps(document.layout(60)))
    assert "document" not in sent.__dict__
    reader = Document(pickle.loads(pickle.dumps(document.article)))
    reader.adopt_layout(sent)
    assert reader.has_layout(60) and reader.layout(60) is sent and sent.document is reader
    made_here = Document(document.article).layout(60)
    assert lines_of(sent) == lines_of(made_here)
    copied = pickle.loads(pickle.dumps(document))  # a document pickled whole takes its lines along
    assert copied.layout(60).document is copied
    other = Document(load_path(CORPUS / "real" / "fastapi-README.md"))
    assert not other.adopt_layout(sent) and not other.has_layout(60)  # lines for other units: not kept


def test_a_document_comes_back_from_a_pickle_as_it_went():
    """A Document pickled whole comes back as it went: the same units, of the same types, and its
    lines, which pickle without their document (`Layout.__getstate__`)."""
    kinds: set[Kind] = set()
    for path in (SEED, CORPUS / "real" / "fastapi-README.md", CORPUS / "real" / "go-proposal-45713-workspace.md"):
        document = Document(load_path(path))
        document.layout(60)
        back = pickle.loads(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
        assert back.units == document.units and len(back.units) > 40
        assert all(type(unit) is Unit and type(unit.kind) is Kind for unit in back.units)
        assert [unit.kind for unit in back.units] == [unit.kind for unit in document.units]
        kinds |= {unit.kind for unit in back.units}
        assert back.tables == document.tables and back.code_blocks == document.code_blocks
        assert back.links == document.links and back.word_count == document.word_count
        assert back.has_layout(60)  # the lines made there are not made again here
        lines, before = back.layout(60), document.layout(60)
        assert (lines.line_unit, lines.line_start, lines.line_end) == (
            before.line_unit,
            before.line_start,
            before.line_end,
        )
    assert {Kind.TABLE, Kind.PREFORMATTED, Kind.ITEM, Kind.QUOTE, Kind.SUBHEADING} <= kinds
