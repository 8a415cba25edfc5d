"""Sentence splitting on the cases that break naive splitters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.reading.sentences import sentence_spans, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to Washington. He met Dr. Jones and Mrs. Lee there.",
            ["Mr. Smith went to Washington.", "He met Dr. Jones and Mrs. Lee there."],
        ),
        (
            "The U.S. economy grew. The U.K. did not, according to the U.N. Security Council.",
            ["The U.S. economy grew.", "The U.K. did not, according to the U.N. Security Council."],
        ),
        ("He lives in the U.S. He likes it there.", ["He lives in the U.S.", "He likes it there."]),
        (
            "Some fruit, e.g. Apples, keep well. Others, i.e. Berries, do not.",
            ["Some fruit, e.g. Apples, keep well.", "Others, i.e. Berries, do not."],
        ),
        ("See item No. 5 on the list. It is on p. 12 today.", ["See item No. 5 on the list.", "It is on p. 12 today."]),
        ("It cost $1.5 billion. Inflation was 3.2 percent.", ["It cost $1.5 billion.", "Inflation was 3.2 percent."]),
        (
            "J. K. Rowling wrote it. George W. Bush read it. Plan B. The end came.",
            ["J. K. Rowling wrote it.", "George W. Bush read it.", "Plan B.", "The end came."],
        ),
        (
            '"We are done." Then she left. "Really?" he asked. "Yes!" She smiled.',
            ['"We are done."', "Then she left.", '"Really?" he asked.', '"Yes!"', "She smiled."],
        ),
        ("“It’s over.” The crowd left.", ["“It’s over.”", "The crowd left."]),
        ("Wait... What? No way! (Truly.) Done.", ["Wait...", "What?", "No way!", "(Truly.)", "Done."]),
        ("They arrived at 5 p.m. The sun had set.", ["They arrived at 5 p.m.", "The sun had set."]),
        (
            "Apples, pears, etc. are fruit. Done, etc. The end.",
            ["Apples, pears, etc. are fruit.", "Done, etc.", "The end."],
        ),
        ("He won in 2019. 2020 was harder.", ["He won in 2019.", "2020 was harder."]),
        ("Version 3.14.1 shipped.", ["Version 3.14.1 shipped."]),
        ("A sentence without an end", ["A sentence without an end"]),
        ("   ", []),
        ("One.  Two.\tThree. ", ["One.", "Two.", "Three."]),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_point_into_the_paragraph() -> None:
    text = "  Dr. No ran. Then he hid.  "
    assert sentence_spans(text) == [(2, 13), (14, 26)]
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Dr. No ran.", "Then he hid."]


@given(st.text(alphabet=st.sampled_from(list("ab AB.!?\"'”)(1 \t\n…")), max_size=80))
def test_no_character_is_lost_and_spans_are_ordered(text: str) -> None:
    spans = sentence_spans(text)
    assert all(start < end for start, end in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    kept = "".join(text[start:end] for start, end in spans)
    assert "".join(kept.split()) == "".join(text.split())
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
