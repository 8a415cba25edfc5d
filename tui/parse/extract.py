"""Key takeaways, pros and cons: the items of the lists under headings with those names."""

from __future__ import annotations

from collections.abc import Iterable

from tui.model.article import BulletList, Item, Paragraph, Section

TAKEAWAY_HEADINGS = frozenset(
    {"key takeaways", "key takeaway", "takeaways", "key points", "main points", "tl;dr", "tldr"}
)
PROS_HEADINGS = frozenset({"pros", "advantages", "benefits", "strengths"})
CONS_HEADINGS = frozenset({"cons", "disadvantages", "drawbacks", "weaknesses"})


def normalise_heading(heading: str) -> str:
    """Heading text as compared with the names above: case, spacing and a trailing colon ignored."""
    return " ".join(heading.rstrip().rstrip(":").split()).casefold()


def is_extract_name(heading: str) -> bool:
    """Whether `heading` names takeaways, pros or cons (`Key points:` as well as `Key Takeaways`)."""
    name = normalise_heading(heading)
    return name in TAKEAWAY_HEADINGS or name in PROS_HEADINGS or name in CONS_HEADINGS


def extract(sections: Iterable[Section]) -> tuple[list[Item], list[Item], list[Item]]:
    """Return (takeaways, pros, cons): items of lists in sections whose whole heading names them,
    and of a list right under a run-in intro paragraph that does (`Key Points:`)."""
    takeaways: list[Item] = []
    pros: list[Item] = []
    cons: list[Item] = []

    def target_for(name: str) -> list[Item] | None:
        return (
            takeaways if name in TAKEAWAY_HEADINGS
            else pros if name in PROS_HEADINGS
            else cons if name in CONS_HEADINGS
            else None
        )  # fmt: skip

    for section in sections:
        if section.role != "body":
            continue
        whole = target_for(normalise_heading(section.heading)) if section.heading is not None else None
        intro: list[Item] | None = None
        for block in section.blocks:
            if isinstance(block, BulletList):
                target = whole if whole is not None else intro
                if target is not None:
                    target.extend(block.items)
                intro = None
            elif isinstance(block, Paragraph) and block.text.rstrip().endswith(":") and len(block.text) <= 40:
                intro = target_for(normalise_heading(block.text))
            else:
                intro = None
    return takeaways, pros, cons
