"""The model crosses processes pickled (a large input's whole comes back from its parse process):
every kind of block must come back equal, with no `__dict__` per object (memory, issue 13 item 11)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from tests.reading.samples import rich_article
from tui.model import article as model
from tui.model.article import Article, Item, Section, Span


def every_model_class() -> list[type]:
    return [cls for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)]


def test_every_block_kind_comes_back_equal_from_a_pickle():
    article = rich_article()
    article.takeaways = [Item("Cost", "3 MB less", 1, (Span(0, 1, "strong"),))]
    article.digest, article.complete, article.replaced_bytes = "abc", False, 2
    kinds = {type(block) for section in article.sections for block in section.blocks}
    assert {"Paragraph", "Table", "Preformatted", "Quote", "Verse", "BulletList"} <= {k.__name__ for k in kinds}
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(article, protocol=protocol))
        assert again == article and again is not article
        assert again.sections[0].blocks == article.sections[0].blocks
    assert copy.deepcopy(article) == article


def test_no_model_object_carries_a_dict():
    classes = every_model_class()
    assert {Article, Section, Item, Span} <= set(classes)
    for cls in classes:
        assert "__dict__" not in dir(cls), cls.__name__


def test_a_pickled_section_can_still_be_changed_and_a_block_cannot():
    section = pickle.loads(pickle.dumps(Section("Costs", 2)))
    section.blocks.append(model.Paragraph("more"))
    assert section.blocks == [model.Paragraph("more")]
    paragraph = pickle.loads(pickle.dumps(model.Paragraph("text")))
    with pytest.raises(dataclasses.FrozenInstanceError):
        paragraph.text = "other"  # type: ignore[misc]
