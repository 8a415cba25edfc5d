"""Which sections are the main ones, and their numbers: the one rule behind the navigator, `1`–`9`,
the status line's `§ 3/7` and `--outline`.

The main sections are the body headings at the shallowest level present; deeper headings belong to
the main section above them. Sections whose role is not "body" (front matter, contents, a licence)
are neither numbered nor counted.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.model.article import Section


def main_level(sections: Sequence[Section]) -> int | None:
    """The shallowest level among the body headings, or None when there is none."""
    levels = [section.level for section in sections if section.heading is not None and section.role == "body"]
    return min(levels) if levels else None


class Numbering:
    """The main sections of an article, numbered from 1, and each body section's main number."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.level = main_level(sections)
        top = self.level
        self.main: list[int] = [
            index
            for index, section in enumerate(sections)
            if section.heading is not None and section.role == "body" and section.level == top
        ]
        main = set(self.main)
        self._number_of: dict[int, int] = {}
        self._depth: list[int] = []
        number = 0
        for index, section in enumerate(sections):
            if index in main:
                number += 1
            if number and section.role == "body":
                self._number_of[index] = number
            deeper = section.level - top if top is not None and section.heading is not None else 0
            self._depth.append(max(deeper, 0))

    def __len__(self) -> int:
        return len(self.main)

    def number_of(self, section: int) -> int | None:
        """The number of the main section that `section` is part of (None before the first one)."""
        return self._number_of.get(section)

    def number(self, section: int) -> int | None:
        """The number of `section` itself when it is a main section, else None."""
        number = self._number_of.get(section)
        return number if number is not None and self.main[number - 1] == section else None

    def depth(self, section: int) -> int:
        """How many levels `section`'s heading is below the main level (0 for a main section)."""
        return self._depth[section] if 0 <= section < len(self._depth) else 0


def main_sections(sections: Sequence[Section]) -> list[int]:
    """The indices of the main sections: the ones numbered 1, 2, 3…"""
    return Numbering(sections).main
