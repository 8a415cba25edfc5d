"""A web page's headline and site name, from what trafilatura found and the page's <title>."""

from __future__ import annotations

import re

from tui.model.article import Section, block_text
from tui.parse.sanitize import sanitize

_WORD = re.compile(r"\w+")  # over extracted text, to compare a title with a heading or a description


def words(text: str) -> list[str]:
    """The words of `text`, case folded: how two titles or a title and a heading are compared."""
    return [word.casefold() for word in _WORD.findall(text)]


def site_name(name: str | None) -> str | None:
    """`Autoracing | F1 | Indy | MotoGP | StockCar` is the site Autoracing and the topics it covers:
    the byline names the site alone."""
    return name.split(" | ")[0].strip() or name if name else None


def title_element(tree) -> str | None:
    """The text of the page's <title>, what a browser shows on its tab."""
    found = tree.find(".//title") if tree is not None else None
    return " ".join(sanitize(found.text_content()).split()) or None if found is not None else None


def headline_of_title_element(
    title: str | None, document: str | None, description: str | None, sections: list[Section]
) -> str | None:
    """The page's headline when the title found is not it.

    A page without a headline in its metadata gets its only <h1> as its title, and on some sites
    that <h1> is the site's logo (`엔터 미디어` over an article whose <title> is `Headline -
    Entermedia`). When the title found is nowhere in the <title> nor at the article's opening, the
    <title>'s headline (the whole, else cut before a separator, the longest first) is taken if the
    page says it again: its description opens with it, or its article does.
    """
    opening = next((section for section in sections if section.heading or section.blocks), None)
    shown = [words(opening.heading or "")] if opening is not None else []
    if opening is not None and opening.blocks:
        shown.append(words(block_text(opening.blocks[0])))
    if title is None or document is None or _holds(words(document), words(title)) or words(title) in shown:
        return title
    said = words(description or "")
    for candidate in _cut_before_separators(document):
        headline = words(candidate)
        if len(headline) >= 2 and (said[: len(headline)] == headline or headline in shown):
            return candidate
    return title


def site_after(title: str | None, document: str | None) -> str | None:
    """`Entermedia` from the <title> `Headline - Entermedia`, for a page that names its site nowhere
    else (no metadata, no address)."""
    if not title or not document or not document.startswith(title):
        return None
    rest = document[len(title) :]
    separator = next((sep for sep in _SEPARATORS if rest.startswith(sep)), None)
    return site_name(rest[len(separator) :].strip()) or None if separator else None


def _holds(words: list[str], run: list[str]) -> bool:
    """Whether `run` stands in `words`, word for word."""
    return any(words[start : start + len(run)] == run for start in range(len(words) - len(run) + 1))


_SEPARATORS = (" – ", " — ", " - ", " | ", " :: ")


def _cut_before_separators(title: str) -> list[str]:
    """`A - B | C`, then `A - B`, then `A`: a title and what stands before each separator in it."""
    starts = sorted({start for sep in _SEPARATORS for start in _all_places(title, sep)}, reverse=True)
    return [title, *(title[:start] for start in starts)]


def _all_places(text: str, part: str) -> list[int]:
    places, start = [], text.find(part)
    while start > 0:
        places.append(start)
        start = text.find(part, start + 1)
    return places


def without_site(title: str | None, site: str | None) -> str | None:
    """`Headline – TechCrunch` is the headline: the site is shown apart, in the byline. A site's
    name may hold the separator itself (`Remember 80/90 - Memorabilia anni 80/90`), so every place
    the separator stands is tried, the leftmost first; and the title may carry only the name's first
    part (`Headline - Remember 80/90`)."""
    if not title or not site:
        return title
    site_words = words(site)
    for separator in _SEPARATORS:
        for start in _all_places(title, separator):
            tail = words(title[start + len(separator) :])
            if tail and tail == site_words[: len(tail)]:
                return title[:start]
    return title
