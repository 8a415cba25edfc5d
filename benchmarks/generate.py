"""Deterministic large articles in the seed's style, for the benchmarks (never committed).

The generated article reads like `seeds/diplomatic-gauntlet.txt` grown to any size: a title line, a
one-line dek, then thousands of Title Case sections with paragraphs, `•` lists with `Label:` leads,
`Pros:`/`Cons:` lists under "Pros and Cons" sections and Key Takeaways lists. The same seed gives the
same bytes on every run and every machine: the only randomness is a seeded `random.Random` drawing from
the fixed word lists below.

Two formats carry the same content:

- ``text``: the seed's plain layout (headings standing alone, ``  • Label: text`` bullets, ``Pros:``).
- ``markdown``: ``# Title``, ``*dek*``, ``## Section``, ``### Pros``, ``- **Label:** text``, with a little
  inline emphasis and a few links so markdown-it's inline parser has real work.

As a script it writes (or reuses) the cached file and prints its path::

    python benchmarks/generate.py 10MB markdown
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

Fmt = Literal["text", "markdown"]
FORMATS: tuple[Fmt, ...] = ("text", "markdown")
SUFFIXES: dict[Fmt, str] = {"text": ".txt", "markdown": ".md"}

MB = 1024 * 1024
GENERATED_DIR = Path(__file__).resolve().parent / ".generated"
# Bump when the output changes, so cached files from an older generator are not reused.
GENERATOR_VERSION = 1

# --- Fixed vocabulary -------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string, so the vocabulary reads as prose rather than 300 lines."""
    return tuple(text.split())


_NOUNS = _words(
    """
    alliance agreement analyst border budget cabinet capital ceasefire coalition committee corridor council
    crisis currency debate delegation deterrent diplomat economy election embargo energy envoy exporter
    frontier grain harbour industry inflation institution investor ledger mandate market minister mission
    negotiator observer parliament pipeline policy port pressure province rapport region reserve resolve
    sanction senate settlement signal summit supply tariff territory treaty tribunal union veto voter
    network railway refinery shipyard strait reactor satellite uprising accord bureau charter consensus
    """
)
_ADJECTIVES = _words(
    """
    allied bilateral brittle candid central coastal collective costly decisive delicate direct distant
    domestic durable eastern economic fragile global gradual hidden immediate informal lasting local
    measured military modest mutual narrow northern open partial pivotal political prolonged public quiet
    rapid regional rigid rising secure shared silent southern stable strategic sudden sustained tense
    uneasy unified urgent volatile western
    """
)
_VERBS = _words(
    """
    affects alters bolsters challenges complicates defines delays demands erodes exposes frames hinders
    informs limits mirrors outlasts reshapes restores reveals shapes signals softens strains sustains
    tests undermines weakens widens
    """
)
_ADVERBS = _words("barely clearly closely deeply directly firmly gradually largely openly quietly rarely sharply")
_CONNECTORS = ("while", "although", "because", "even as", "whereas", "since", "unless", "until", "after")
_POSSESSORS = ("the nation’s", "the region’s", "the council’s", "the market’s", "the alliance’s")
_QUOTED = ("“test”", "“reset”", "“red line”", "“breakthrough”", "“pause”")

_HEADING_NOUNS = _words(
    """
    Accord Alliances Balance Borders Bridges Channels Choices Corridors Costs Currents Deadlines Debts
    Dividends Echoes Faultlines Frontiers Gambits Harbours Horizons Ledgers Levers Limits Margins Mandates
    Markets Pathways Pipelines Pressures Promises Reckonings Reserves Risks Routes Signals Stakes Tensions
    Thresholds Tides Treaties Voices Waters
    """
)
_HEADING_ADJECTIVES = _words(
    """
    Allied Brittle Coastal Distant Eastern Fragile Hidden Lasting Northern Open Quiet Rising Shared Silent
    Southern Steady Uneasy Unfinished Western Widening
    """
)
_HEADING_TOPICS = _words(
    """
    Trade Energy Security Diplomacy Sanctions Grain Shipping Finance Elections Defence Migration Water
    Industry Labour Climate Credit Science Transport
    """
)
_HEADING_PATTERNS = (
    "{adj} {noun}",
    "{topic} and {noun}",
    "The {adj} {noun} of {topic}",
    "{noun} of {topic}",
    "{topic}, {noun} and the {adj} {noun2}",
    "Why {topic} {noun} Matter",
    "{adj} {topic}: {noun} in Question",
    "Beyond the {adj} {noun}",
)
_LABEL_PATTERNS = (
    "{Adj} {Noun}",
    "Testing the {Noun}",
    "Assessing {Topic} {Noun}",
    "Risk of {Adj} {Noun}",
    "Focus on {Topic}",
    "Potential for {Adj} {Noun}",
)

# --- The content model, shared by both formats ------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """Prose; `emphasis` and `link` name a phrase of `text` that Markdown marks up (plain text does not)."""

    text: str
    emphasis: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class Bullets:
    """A list; each item is (label or None, text). `intro` is a `Pros:`-style sub-heading, if any."""

    items: tuple[tuple[str | None, str], ...]
    intro: str | None = None


@dataclass(frozen=True)
class GeneratedSection:
    """One section: a Title Case heading and its blocks, in order."""

    heading: str
    blocks: tuple[Paragraph | Bullets, ...]


class _Writer:
    """Draws words, sentences and blocks from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def sentence(self, words: tuple[int, int] = (10, 22)) -> str:
        """A capitalised run of vocabulary words ending in `.` or `?`, now and then with a comma."""
        rng = self.rng
        length = rng.randint(*words)
        parts = [rng.choice(_ADJECTIVES), rng.choice(_NOUNS), rng.choice(_VERBS)]
        while len(parts) < length:
            roll = rng.random()
            if roll < 0.08:
                parts.append(rng.choice(_CONNECTORS))
            elif roll < 0.12:
                parts.append(rng.choice(_POSSESSORS))
            elif roll < 0.14:
                parts.append(rng.choice(_QUOTED))
            elif roll < 0.24:
                parts.append(rng.choice(_ADVERBS))
            elif roll < 0.30:
                parts.append("the")
            elif roll < 0.55:
                parts.append(rng.choice(_ADJECTIVES))
            elif roll < 0.80:
                parts.append(rng.choice(_NOUNS))
            else:
                parts.append(rng.choice(_VERBS))
            if roll > 0.97:
                parts[-1] += ","
        text = " ".join(parts).rstrip(",")
        return text[0].upper() + text[1:] + rng.choice(".....?")

    def paragraph(self, sentences: tuple[int, int] = (3, 7), intro: bool = False) -> Paragraph:
        """A one-line paragraph; an `intro` ends in a colon, as the seed's sentence before a list does."""
        rng = self.rng
        text = " ".join(self.sentence() for _ in range(rng.randint(*sentences)))
        if intro:  # "The “test” could manifest in several ways:" introduces the list that follows
            text = text[:-1] + ":"
        words = text.split()
        phrase_start = rng.randrange(len(words) - 3)
        phrase = " ".join(words[phrase_start : phrase_start + 2]).strip(",.?:“”")
        roll = rng.random()
        emphasis = phrase if roll < 0.15 and phrase else None
        link = phrase if 0.15 <= roll < 0.20 and phrase else None
        return Paragraph(text, emphasis, link)

    def heading(self) -> str:
        rng = self.rng
        return rng.choice(_HEADING_PATTERNS).format(
            adj=rng.choice(_HEADING_ADJECTIVES),
            noun=rng.choice(_HEADING_NOUNS),
            noun2=rng.choice(_HEADING_NOUNS),
            topic=rng.choice(_HEADING_TOPICS),
        )

    def label(self) -> str:
        rng = self.rng
        return rng.choice(_LABEL_PATTERNS).format(
            Adj=rng.choice(_ADJECTIVES).capitalize(),
            Noun=rng.choice(_NOUNS).capitalize(),
            Topic=rng.choice(_HEADING_TOPICS),
        )

    def labelled_items(self, count: tuple[int, int] = (3, 6)) -> tuple[tuple[str | None, str], ...]:
        return tuple(
            (self.label(), " ".join(self.sentence() for _ in range(self.rng.randint(1, 3))))
            for _ in range(self.rng.randint(*count))
        )

    def plain_items(self, count: tuple[int, int] = (4, 7)) -> tuple[tuple[str | None, str], ...]:
        return tuple((None, self.sentence((12, 24))) for _ in range(self.rng.randint(*count)))

    # Section kinds, in the proportions `section()` draws them.

    def prose_section(self) -> GeneratedSection:
        count = self.rng.randint(2, 5)
        return GeneratedSection(self.heading(), tuple(self.paragraph() for _ in range(count)))

    def analysis_section(self) -> GeneratedSection:
        blocks = (self.paragraph(intro=True), Bullets(self.labelled_items()), self.paragraph())
        return GeneratedSection(self.heading(), blocks)

    def pros_and_cons_section(self) -> GeneratedSection:
        blocks = (
            self.paragraph((1, 2), intro=True),
            Bullets(self.labelled_items((3, 5)), intro="Pros"),
            Bullets(self.labelled_items((3, 5)), intro="Cons"),
        )
        return GeneratedSection("Pros and Cons", blocks)

    def takeaways_section(self) -> GeneratedSection:
        return GeneratedSection("Key Takeaways", (Bullets(self.plain_items()),))

    def section(self) -> GeneratedSection:
        roll = self.rng.random()
        if roll < 0.60:
            return self.prose_section()
        if roll < 0.85:
            return self.analysis_section()
        if roll < 0.95:
            return self.pros_and_cons_section()
        return self.takeaways_section()


def sections(seed: int = 0) -> Iterator[GeneratedSection]:
    """An endless, deterministic run of sections: an Introduction first, then a seeded mix."""
    writer = _Writer(seed)
    yield GeneratedSection("Introduction", tuple(writer.paragraph() for _ in range(2)))
    while True:
        yield writer.section()


def front_matter(seed: int = 0) -> tuple[str, str, Paragraph]:
    """The title, the dek and the lede paragraph (the text between the dek and the first heading)."""
    writer = _Writer(seed + 1_000_003)
    title = f"{writer.heading()}: An Article of Many Sections"
    dek = f"{writer.sentence((8, 12))[:-1]} as {writer.rng.choice(_NOUNS)} talks enter a new phase"
    return title, dek, writer.paragraph()


# --- Rendering ------------------------------------------------------------------------------------------


def render_plain_front(title: str, dek: str, lede: Paragraph) -> str:
    """The seed's opening: the title twice (as in the sample), the dek, the lede."""
    return f"{title}\n\n{title}\n\n{dek}\n\n{lede.text}\n\n"


def render_plain_section(section: GeneratedSection) -> str:
    """A heading alone on its line, paragraphs as single lines, `  • Label: text` bullets, `Pros:` intros."""
    parts = [section.heading]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
            continue
        if block.intro is not None:
            parts.append(f"{block.intro}:")
        parts.append("\n".join(f"  • {label}: {text}" if label else f"  • {text}" for label, text in block.items))
    return "\n\n".join(parts) + "\n\n"


def render_markdown_front(title: str, dek: str, lede: Paragraph) -> str:
    """`# Title`, the dek in italics right under it, then the lede."""
    return f"# {title}\n\n*{dek}*\n\n{markdown_paragraph(lede)}\n\n"


def render_markdown_section(section: GeneratedSection) -> str:
    """`## Heading`, paragraphs, `### Pros`-style sub-headings and `- **Label:** text` items."""
    parts = [f"## {section.heading}"]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(markdown_paragraph(block))
            continue
        if block.intro is not None:
            parts.append(f"### {block.intro}")
        parts.append("\n".join(f"- **{label}:** {text}" if label else f"- {text}" for label, text in block.items))
    return "\n\n".join(parts) + "\n\n"


def markdown_paragraph(paragraph: Paragraph) -> str:
    """The paragraph with its chosen phrase in `*emphasis*` or made a link; the words stay the same."""
    text = paragraph.text
    if paragraph.emphasis:
        text = text.replace(paragraph.emphasis, f"*{paragraph.emphasis}*", 1)
    if paragraph.link:
        slug = re.sub(r"[^a-z0-9]+", "-", paragraph.link.lower()).strip("-")
        text = text.replace(paragraph.link, f"[{paragraph.link}](https://example.org/{slug})", 1)
    return text


_RENDERERS = {
    "text": (render_plain_front, render_plain_section),
    "markdown": (render_markdown_front, render_markdown_section),
}


def generate(size_bytes: int, fmt: Fmt, seed: int = 0) -> str:
    """An article of at least `size_bytes` UTF-8 bytes (overshooting by under one section).

    It ends, like the seed, with a Key Takeaways section and a closing one; the same arguments always
    give the same text.
    """
    render_front, render_section = _RENDERERS[_checked(fmt)]
    closing = _Writer(seed + 2_000_003)
    ending = [closing.takeaways_section(), GeneratedSection("Future Outlook", (closing.paragraph(),))]
    tail = "".join(render_section(section) for section in ending)
    budget = size_bytes - len(tail.encode("utf-8"))

    parts = [render_front(*front_matter(seed))]
    size = len(parts[0].encode("utf-8"))
    for section in sections(seed):
        if size >= budget:
            break
        rendered = render_section(section)
        parts.append(rendered)
        size += len(rendered.encode("utf-8"))
    parts.append(tail)
    return "".join(parts).rstrip("\n") + "\n"


def _checked(fmt: str) -> Fmt:
    """`fmt` itself when it names a format; a ValueError otherwise."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return cast(Fmt, fmt)


def size_label(size_bytes: int) -> str:
    """`10MB`, `512KB` or `1234B`: the size as it appears in file names and tables."""
    if size_bytes % MB == 0:
        return f"{size_bytes // MB}MB"
    if size_bytes % 1024 == 0:
        return f"{size_bytes // 1024}KB"
    return f"{size_bytes}B"


def parse_size(text: str) -> int:
    """`10MB`, `10M`, `512KB` or a plain number of bytes; MB and KB are binary (1 MB = 1,048,576 bytes)."""
    match = re.fullmatch(r"\s*(\d+)\s*([KkMm]?)[Bb]?\s*", text)
    if match is None:
        raise ValueError(f"not a size: {text!r} (try 10MB, 512KB or 1000000)")
    number, unit = int(match.group(1)), match.group(2).upper()
    return number * {"": 1, "K": 1024, "M": MB}[unit]


def cached_path(size_bytes: int, fmt: Fmt, seed: int = 0) -> Path:
    """The generated article's file under benchmarks/.generated/, written only when it is missing."""
    name = f"article-{size_label(size_bytes)}-seed{seed}-v{GENERATOR_VERSION}{SUFFIXES[_checked(fmt)]}"
    path = GENERATED_DIR / name
    if not path.exists():
        GENERATED_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{name}.{os.getpid()}.tmp")
        partial.write_text(generate(size_bytes, fmt, seed), encoding="utf-8", newline="\n")
        partial.replace(path)  # readers never see a half-written file
    return path


def main(argv: list[str] | None = None) -> int:
    """The command line: print the cached file's path, or the article itself with --stdout."""
    parser = argparse.ArgumentParser(description="Write (or reuse) a generated article and print its path.")
    parser.add_argument("size", type=parse_size, help="at least this many bytes: 1MB, 10MB, 512KB, 1000000")
    parser.add_argument("format", choices=FORMATS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stdout", action="store_true", help="print the article instead of caching it")
    args = parser.parse_args(argv)
    if args.stdout:
        sys.stdout.write(generate(args.size, args.format, args.seed))
    else:
        print(cached_path(args.size, args.format, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
