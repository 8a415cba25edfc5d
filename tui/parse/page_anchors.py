"""Documentation pages (Sphinx, MkDocs, docutils) as trafilatura should see them.

Such a page names each `<section>` after its heading (`<section id="menus"><h2>Menus`) and puts a
permalink beside the heading (`<a class="headerlink" href="#menus">¶</a>`). trafilatura takes an
element whose id says "menu" or "navigation" for page furniture and drops it, so a manual's
"Menus" and "Editing and Navigation" chapters vanished, half of Python's IDLE help. An id that
spells its own heading names the text, not the furniture: it is taken off. A permalink's `¶` is
not a word of the heading: it goes too.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

PERMALINK_SIGNS = frozenset({"¶", "#", "§", "🔗", "⚓", "link"})
"""The whole text of a link that only points at its own heading."""
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """`editing-and-navigation` for "Editing and Navigation" (how Sphinx and MkDocs name ids)."""
    return _NOT_WORD.sub("-", text.casefold()).strip("-")


def readable_sections(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """Take permalinks out of headings, and off each section the id its heading gives it. In place."""
    for heading in tree.iter(*_HEADINGS):
        for link in list(heading.iter("a")):
            if (link.get("href") or "").startswith("#") and link.text_content().strip() in PERMALINK_SIGNS:
                link.drop_tree()
        named = slug(heading.text_content())
        # Only the sections holding the heading: one walk up, never a search down every <div>.
        for section in heading.iterancestors("section", "div"):
            if section.get("id") and slug(section.get("id")) == named:
                del section.attrib["id"]
    return tree
