"""Web pages: the main article found by trafilatura, its XML turned into brief's model.

trafilatura (imported here only, so a text file never pays for it) finds the article among the
navigation, ads and comments, and writes it as XML (`head`, `p`, `list`, `quote`, `table`, `hi`,
`ref`…) with the page's metadata on its root. That XML is renamed into HTML's vocabulary and read by
the walk the EPUB reader uses too (`tui.parse.xhtml`). No regular expression ever reads the HTML.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from tui.model.article import Section, block_text
from tui.model.errors import EmptyInput
from tui.parse.page_anchors import readable_sections
from tui.parse.page_furniture import without_empty_headings, without_trailing_widgets, wordless_headings_joined
from tui.parse.page_title import headline_of_title_element, site_after, site_name, title_element, without_site, words
from tui.parse.sanitize import sanitize
from tui.parse.xhtml import Walker, sections_by_headings

_SNIFF_BYTES = 4096

# trafilatura's XML elements in HTML's words; `head`, `list`, `hi` and `cell` need their attributes.
_RENAMED = {"p": "p", "item": "li", "quote": "blockquote", "table": "table", "row": "tr", "lb": "br", "del": "s"}
_HI = {"#b": "strong", "#i": "em", "#t": "code", "#u": "u", "#sub": "sub", "#sup": "sup"}
# What a page outside its article holds: left out when trafilatura finds no article and the page
# is read whole.
_NOT_ARTICLE = ("nav", "header", "footer", "aside", "form", "menu")


@dataclass
class WebPage:
    """What a web page gives the article: its text and its metadata."""

    title: str | None
    subtitle: str | None
    sections: list[Section] = field(default_factory=list)
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Bytes of a page to text: the byte-order mark, else `charset` (from the HTTP header), else the
    page's <meta> charset, else UTF-8, else Windows-1252. Returns (text, encoding)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    for candidate in (charset, meta_charset(data)):
        name = _codec(candidate)
        if name is not None:
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # As browsers do: a page that says Latin-1 or ASCII is read as Windows-1252, its superset.
    return "cp1252" if found in ("latin-1", "iso8859-1", "ascii") else found


def meta_charset(data: bytes) -> str | None:
    """The charset a page's <meta charset> or <meta http-equiv content="…; charset=…"> names."""
    # Read as Latin-1 so that no byte can fail; a charset's name is ASCII whatever the page is in.
    parser = etree.HTMLParser(encoding="iso-8859-1", no_network=True)
    root = etree.fromstring(data[:_SNIFF_BYTES], parser)
    if root is None:
        return None
    for meta in root.iter("meta"):
        if meta.get("charset"):
            return meta.get("charset")
        if (meta.get("http-equiv") or "").lower() == "content-type":
            return charset_parameter(meta.get("content") or "")
    return None


def charset_parameter(content_type: str) -> str | None:
    """`utf-8` from `text/html; charset=utf-8`."""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def parse_html(text: str, url: str | None = None) -> WebPage:
    """The article of a web page. Raises `EmptyInput` when the page holds no text at all."""
    import trafilatura  # about 0.3 s of imports: only a web page pays for them

    # trafilatura logs what it finds odd in a page; unconfigured, Python would print that over
    # brief's output or screen. brief reports what matters itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL + 1)

    # Parsed once here, so that the page's <title> can be read beside what trafilatura makes of it.
    tree = trafilatura.load_html(text)
    xml = trafilatura.extract(
        readable_sections(tree) if tree is not None else text,
        url=url,
        output_format="xml",
        include_comments=False,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        with_metadata=True,
    )
    if xml is None:
        return _whole_page(text, url)
    doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    main = doc.find("main")
    if main is None:
        raise EmptyInput("no article text on the page")
    _to_html_names(main)
    meta = {key: " ".join(sanitize(value).split()) or None for key, value in doc.attrib.items()}
    url = meta.get("url") or url
    sections = without_empty_headings(sections_by_headings(Walker(trimmed=True).walk(main)))
    sections = without_trailing_widgets(wordless_headings_joined(sections), urlsplit(url).hostname if url else None)
    site = site_name(meta.get("sitename")) or meta.get("hostname") or (urlsplit(url).hostname if url else None)
    title = without_site(meta.get("title"), site)
    document = title_element(tree)
    title = headline_of_title_element(title, document, meta.get("description"), sections)
    site = site or site_after(title, document)
    sections = _without_title_heading(sections, title)
    if title is None:
        title = _first_heading(sections)
    sections, dek = _dek_heading(sections, meta.get("description"))
    return WebPage(
        title=title,
        subtitle=dek or _dek(meta.get("description"), sections, title),
        sections=sections,
        author=meta.get("author"),
        date=meta.get("date"),
        site=site,
        url=url,
    )


def _to_html_names(main) -> None:
    """Rename trafilatura's elements in place to the HTML ones they stand for."""
    for element in main.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        rend = element.get("rend") or ""
        if tag == "head":
            element.tag = rend if rend in ("h1", "h2", "h3", "h4", "h5", "h6") else "h2"
        elif tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        elif tag == "hi":
            element.tag = _HI.get(rend, "span")
        elif tag == "ref":
            element.tag = "a"
            if element.get("target"):
                element.set("href", element.get("target"))
        elif tag == "cell":
            element.tag = "th" if element.get("role") == "head" else "td"
        elif tag == "code":
            # A code element on its own line is a code block; inside a paragraph it is inline code.
            parent = element.getparent()
            element.tag = "pre" if parent is None or parent.tag in ("main", "blockquote", "quote") else "code"
        elif tag == "graphic":
            element.tag = "img"
        elif tag in _RENAMED:
            element.tag = _RENAMED[tag]
        elif tag != "main":
            element.tag = "div"  # anything else (ab, div, note…) holds text and blocks


def _whole_page(text: str, url: str | None) -> WebPage:
    """A page too short or too plain for trafilatura to call it an article: read all of its body."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise EmptyInput("no article text on the page") from None
    for element in list(root.iter(*_NOT_ARTICLE)):
        element.drop_tree()
    body = root.find("body")
    sections = sections_by_headings(Walker().walk(body if body is not None else root))
    if not sections:
        raise EmptyInput("no article text on the page")
    titles = root.xpath("//title/text()")
    title = " ".join(sanitize(titles[0]).split()) or None if titles else None
    sections = _without_title_heading(sections, title)
    return WebPage(title or _first_heading(sections), None, sections, url=url)


def _without_title_heading(sections: list[Section], title: str | None) -> list[Section]:
    """The headline repeated where the article opens is the title shown above it, not a first
    section: the page's own <h1>, or a first block saying the title (a list of one `<dt>`). Headings
    before it that head nothing are the labels a site sets over its headlines (`Main news`)."""
    said = words(title or "")
    for index, section in enumerate(sections if said else ()):
        if section.heading is not None and words(section.heading) == said:
            return _heading_taken_off(sections, index, level=2)
        if section.blocks:
            if words(block_text(section.blocks[0])) != said:
                break
            rest = section.blocks[1:]
            return [Section(None, 2, rest), *sections[index + 1 :]] if rest else sections[index + 1 :]
    return sections


def _opening_heading(sections: list[Section]) -> int | None:
    """Where the heading that opens the article stands: first, or after an empty untitled start."""
    first = 1 if sections and sections[0].heading is None and not sections[0].blocks else 0
    return first if first < len(sections) and sections[first].heading is not None else None


def _heading_taken_off(sections: list[Section], index: int, level: int) -> list[Section]:
    """`sections` without the opening heading at `index` (it is the title or the dek shown above the
    text): what it headed is the untitled opening, and the empty start before it goes."""
    section, rest = sections[index], sections[index + 1 :]
    return [Section(None, level, section.blocks), *rest] if section.blocks else rest


def _dek_heading(sections: list[Section], description: str | None) -> tuple[list[Section], str | None]:
    """A heading that opens the article and says what the page's description says is the dek the
    page set as a subheading (`<h2>` under the headline), not the article's first section."""
    index = _opening_heading(sections) if description else None
    if index is None:
        return sections, None
    heading = sections[index].heading or ""
    said, shown = words(description or ""), words(heading)
    common = min(len(said), len(shown))
    if common < 4 or said[:common] != shown[:common]:
        return sections, None
    return _heading_taken_off(sections, index, level=sections[index].level), heading


def _first_heading(sections: list[Section]) -> str | None:
    first = next((section for section in sections if section.heading), None)
    return first.heading if first is not None else None


def _dek(description: str | None, sections: list[Section], title: str | None) -> str | None:
    """The page's description, unless it repeats the title or the article's opening.

    Descriptions are often the first paragraph cut short, or a sentence or two of the opening
    with a reading time, a byline or a "continue reading" around them: when a third of the
    description's runs of four words are in the opening, it is the text repeated, not a dek.
    """
    if not description:
        return None
    said = words(description)
    if not said or (title is not None and said == words(title)):
        return None
    opening: list[str] = []
    for section in sections:
        opening += words(section.heading or "")
        for block in section.blocks:
            opening += words(block_text(block))
            if len(opening) > 3 * len(said) + 100:
                break
        else:
            continue
        break
    if len(said) < 4:
        return None if " ".join(said) in " ".join(opening) else description
    runs = {tuple(said[i : i + 4]) for i in range(len(said) - 3)}
    found = {tuple(opening[i : i + 4]) for i in range(len(opening) - 3)}
    return None if len(runs & found) >= len(runs) / 3 else description
