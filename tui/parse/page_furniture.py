"""What a web page sets in and after its article that the extractor kept, and is no part of it.

trafilatura keeps, now and then, a page's widgets: headings over nothing (`Thanks for signing
up!`), a rule drawn as a heading (`______`), and after the article a promotion over the site's other
stories, `Comments` over a comment counter, tag lines. These rules take them off the sections read
from its output; each is general (no site is named) and leaves every sentence of the article.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from tui.model.article import Block, BulletList, Item, Paragraph, Section

_WORD = re.compile(r"\w+")  # over extracted text: how many words a line holds


def wordless_headings_joined(sections: list[Section]) -> list[Section]:
    """A heading without a letter or a digit (`______`, `* * *`) is a rule the page drew, not a
    section: it stays where it is, as a line of the text before it, with the text under it."""
    joined: list[Section] = []
    for section in sections:
        if section.heading is None or any(char.isalnum() for char in section.heading):
            joined.append(section)
            continue
        blocks = [Paragraph(section.heading), *section.blocks]
        if joined:
            joined[-1] = replace(joined[-1], blocks=[*joined[-1].blocks, *blocks])
        else:
            joined.append(Section(None, 2, blocks))
    return joined


# How a sentence ends, in the scripts of the pages brief reads; a widget's label ends otherwise.
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", '"', "”", "’", ")")


def without_trailing_widgets(sections: list[Section], host: str | None) -> list[Section]:
    """What a page sets after its article and the extractor kept: a comment counter under
    `Comments` (`comments`, its number left to a script), a promotion over a list of the site's other
    stories, a call to subscribe heading nothing, the tags under the text. Headed sections at the
    end holding no text of their own (nothing, a counter's lower-case label, lists of links into
    the site) go, and so do the tag lines that end the last one: the article ends with its text."""
    end = len(sections)
    while end > 0 and sections[end - 1].heading is not None:
        if not all(_is_widget(block, host) for block in sections[end - 1].blocks):
            break
        end -= 1
    kept = sections[:end] if any(section.blocks for section in sections[:end]) else sections
    blocks = list(kept[-1].blocks) if kept else []
    while len(blocks) > 1 and _is_tag_line(blocks[-1], host):
        blocks.pop()
    return [*kept[:-1], replace(kept[-1], blocks=blocks)] if kept and len(blocks) < len(kept[-1].blocks) else kept


def _is_widget(block: Block, host: str | None) -> bool:
    if isinstance(block, Paragraph):
        # A counter's label a script was to fill (`comments`, `0 comments`): a closing line of the
        # article ("We never returned", "The End") has a capital, or more words, or a full stop.
        text = block.text.rstrip()
        return len(_WORD.findall(text)) < 3 and text == text.lower() and not text.endswith(_SENTENCE_END)
    if isinstance(block, BulletList):
        return all(_opens_with_link_into(item, host) for item in block.items)
    return False


def _is_tag_line(block: Block, host: str | None) -> bool:
    """`Filed under: Khawarij |`, `Tag: digitimes.com`, `Related Roundup: MacBook Pro`: a label of
    fewer than four words and links to other pages of the site (not its home page, which a
    copyright line names)."""
    if not isinstance(block, Paragraph):
        return False
    links = [span for span in block.spans if span.style == "link" and span.target]
    if not links or not all(_into_site(span.target or "", host) and _below_home(span.target or "") for span in links):
        return False
    outside, at = [], 0
    for span in sorted(links, key=lambda span: span.start):
        outside.append(block.text[at : span.start])
        at = max(at, span.end)
    outside.append(block.text[at:])
    return len(_WORD.findall(" ".join(outside))) < 4


def _opens_with_link_into(item: Item, host: str | None) -> bool:
    """Whether the item starts with a link to another page of the site."""
    link = next((s for s in item.display_spans if s.style == "link" and s.start == 0 and s.target), None)
    return link is not None and _into_site(link.target or "", host)


def _into_site(target: str, host: str | None) -> bool:
    """Whether a link stays on the site: a relative link, or one to `host` (when the page's address
    is unknown, a link to any site may be a source's: it is not taken for the site's own)."""
    parts = urlsplit(target)
    if parts.scheme not in ("", "http", "https"):
        return False  # mailto:, tel:, javascript:
    if parts.hostname is None:
        return True
    return host is not None and _same_site(parts.hostname, host)


def _below_home(target: str) -> bool:
    parts = urlsplit(target)
    return bool(parts.path.strip("/") or parts.query or parts.fragment)


def _same_site(one: str, other: str) -> bool:
    """`www.cbssports.com` and `cbssports.com`; `edition.cnn.com` and `www.cnn.com`."""
    one, other = one.removeprefix("www."), other.removeprefix("www.")
    return one == other or one.endswith("." + other) or other.endswith("." + one)


def without_empty_headings(sections: list[Section]) -> list[Section]:
    """Headings that head no text are the page's widgets left in the article by the extractor
    (`Pick Six Newsletter`, `Thanks for signing up!`, `Sorry!`): a heading with nothing under it,
    not even a deeper heading with text, is not a section anyone can read."""
    keep: list[Section] = []
    for index, section in enumerate(sections):
        if section.heading is None or section.blocks or _heads_text(sections, index):
            keep.append(section)
    return keep if any(section.blocks for section in keep) else sections


def _heads_text(sections: list[Section], index: int) -> bool:
    level = sections[index].level
    for later in sections[index + 1 :]:
        if later.level <= level:
            return False
        if later.blocks:
            return True
    return False
