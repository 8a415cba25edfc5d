"""The article model: plain data that the parser produces and every view reads.

Nothing here imports Textual, so the model can be built and tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["text", "markdown"]


@dataclass(frozen=True)
class Item:
    """One list item: an optional bold `Label:` lead, its text and its nesting depth."""

    label: str | None
    text: str
    depth: int = 0

    @property
    def display(self) -> str:
        """The item as a reader sees it, and exactly what is copied: `Label: text` or the text alone."""
        if self.label is None:
            return self.text
        return f"{self.label}: {self.text}" if self.text else f"{self.label}:"


@dataclass(frozen=True)
class Paragraph:
    """A run of prose, hard wraps joined."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A list of items; nested items follow their parent with a greater depth."""

    ordered: bool
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Quote:
    """A block quotation."""

    text: str


@dataclass(frozen=True)
class Preformatted:
    """Text kept verbatim: Markdown code blocks and tables."""

    text: str


Block = Paragraph | BulletList | Quote | Preformatted


@dataclass
class Section:
    """A heading and the blocks under it; `heading` is None for text before the first heading."""

    heading: str | None
    level: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Article:
    """A parsed article: the one source every pane of brief reads from."""

    title: str
    subtitle: str | None
    sections: list[Section]
    takeaways: list[Item] = field(default_factory=list)
    pros: list[Item] = field(default_factory=list)
    cons: list[Item] = field(default_factory=list)
    format: Format = "text"
    encoding: str = "utf-8"
    source: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)
    """(text, target) of every Markdown link, in document order."""
    digest: str | None = None
    """Hash of the input's bytes: how brief recognises an article it has seen, wherever the file is."""
    complete: bool = True
    """False for the preview of a large input, shown while the whole of it is parsed."""
