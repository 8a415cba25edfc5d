"""The command palette over a book of 100,000 headings: the time a keystroke costs.

For each keystroke of a few queries typed letter by letter, the time `SectionCommands` takes to find
and score its hits (what the palette waits for before it can show them), as the median and the worst
of the keystrokes; then the whole palette in a headless app: Ctrl+P until its list shows. The floor
is the same run over the seed article's 9 headings.
The target (issue 14, item 22): under 100 ms a keystroke.

    python benchmarks/palette.py [--headings N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.command import CommandList  # noqa: E402

from tui.model.article import Article, Paragraph, Section  # noqa: E402
from tui.parse import load_path  # noqa: E402
from tui.platform.resources import seed_path  # noqa: E402
from tui.ui import fuzzy  # noqa: E402
from tui.ui.commands import HeadingIndex, highlight  # noqa: E402

QUERIES = ["chapter 9", "sev thou", "the last", "xq", "eeeeeeee"]
WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "thousand", "last"]


def book(headings: int) -> Article:
    sections = [
        Section(f"Chapter {n}: The {WORDS[n % 12]} {WORDS[(n // 12) % 12]} of {WORDS[(n // 144) % 12]}", 2,
                [Paragraph(f"Text of chapter {n}.")])
        for n in range(headings)
    ]  # fmt: skip
    return Article("A Long Book", None, sections)


class Jumper:
    def __init__(self, article: Article) -> None:
        self.article = article

    def go_to_section(self, section: int) -> None:
        pass


def keystroke_times(article: Article) -> list[float]:
    """Seconds for each keystroke of each query: find candidates, score and highlight them."""
    index = HeadingIndex(Jumper(article))
    times = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            typed = query[:end]
            start = time.perf_counter()
            for position in index.candidates(typed):
                title = index.titles[position]
                score, places = fuzzy.match(typed, title)
                if score > 0:
                    highlight(title, places)
            times.append(time.perf_counter() - start)
    return times


async def palette_opening(article: Article) -> float:
    """The palette in a headless app: seconds from Ctrl+P to its first list."""
    from tui.ui.app import BriefApp

    app = BriefApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("ctrl+p")
        await _until(pilot, lambda: _listed(app) > 0)
        return time.perf_counter() - start


def _listed(app) -> int:
    try:
        return app.screen.query_one(CommandList).option_count
    except Exception:  # noqa: BLE001 (not open yet)
        return 0


async def _until(pilot, condition, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition() and time.perf_counter() < deadline:
        await pilot.pause(0.005)


def report(name: str, times: list[float]) -> None:
    ms = [t * 1000 for t in times]
    print(f"{name:<34} median {statistics.median(ms):7.1f} ms   worst {max(ms):7.1f} ms   ({len(ms)} keystrokes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--headings", type=int, default=100_000)
    args = parser.parse_args()
    large, seed = book(args.headings), load_path(seed_path())
    print(f"headings: {args.headings:,} (floor: the seed's {sum(s.heading is not None for s in seed.sections)})")
    report("provider, floor (seed)", keystroke_times(seed))
    report(f"provider, {args.headings:,} headings", keystroke_times(large))
    for name, article in (("palette, floor (seed)", seed), (f"palette, {args.headings:,} headings", large)):
        opened = asyncio.run(palette_opening(article))
        print(f"{name:<34} opened with its list in {opened * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
