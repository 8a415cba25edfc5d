"""Key takeaways, pros and cons: the items of the lists under headings with those names."""

from __future__ import annotations

from collections.abc import Iterable

from tui.model.article import BulletList, Item, Section

TAKEAWAY_HEADINGS = frozenset(
    {"key takeaways", "key takeaway", "takeaways", "key points", "main points", "tl;dr", "tldr"}
)
PROS_HEADINGS = frozenset({"pros", "advantages", "benefits", "strengths"})
CONS_HEADINGS = frozenset({"cons", "disadvantages", "drawbacks", "weaknesses"})


def normalise_heading(heading: str) -> str:
    """Heading text as compared with the names above: case, spacing and a trailing colon ignored."""
    return " ".join(heading.rstrip().rstrip(":").split()).casefold()


def extract(sections: Iterable[Section]) -> tuple[list[Item], list[Item], list[Item]]:
    """Return (takeaways, pros, cons): items of lists in sections whose whole heading names them."""
    takeaways: list[Item] = []
    pros: list[Item] = []
    cons: list[Item] = []
    for section in sections:
        if section.heading is None:
            continue
        name = normalise_heading(section.heading)
        target = (
            takeaways if name in TAKEAWAY_HEADINGS
            else pros if name in PROS_HEADINGS
            else cons if name in CONS_HEADINGS
            else None
        )  # fmt: skip
        if target is not None:
            for block in section.blocks:
                if isinstance(block, BulletList):
                    target.extend(block.items)
    return takeaways, pros, cons
