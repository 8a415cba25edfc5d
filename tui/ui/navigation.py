"""What the command palette needs of the app, without importing the app."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from tui.model.article import Article


@runtime_checkable
class SectionJumper(Protocol):
    article: Article

    def go_to_section(self, section: int) -> None: ...
