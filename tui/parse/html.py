"""Web pages: the main article found by trafilatura, its XML turned into brief's model.

trafilatura (imported here only, so a text file never pays for it) finds the article among the
navigation, ads and comments, and writes it as XML (`head`, `p`, `list`, `quote`, `table`, `hi`,
`ref`…) with the page's metadata on its root. That XML is renamed into HTML's vocabulary and read by
the walk the EPUB reader uses too (`tui.parse.xhtml`). No regular expression ever reads the HTML.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from lxml import etree

from tui.model.article import Block, BulletList, Item, Paragraph, Section, block_text
from tui.model.errors import EmptyInput
from tui.parse.page_anchors import readable_sections
from tui.parse.sanitize import sanitize
from tui.parse.xhtml import Walker, sections_by_headings

_SNIFF_BYTES = 4096
_WORD = re.compile(r"\w+")  # over extracted text, to compare a description with a paragraph

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
    sections = _without_empty_headings(sections_by_headings(Walker(trimmed=True).walk(main)))
    sections = _without_trailing_widgets(_wordless_headings_joined(sections), urlsplit(url).hostname if url else None)
    site = _site_name(meta.get("sitename")) or meta.get("hostname") or (urlsplit(url).hostname if url else None)
    title = _without_site(meta.get("title"), site)
    document = _title_element(tree)
    title = _headline_of_title_element(title, document, meta.get("description"), sections)
    site = site or _site_after(title, document)
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


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def _without_title_heading(sections: list[Section], title: str | None) -> list[Section]:
    """The headline repeated where the article opens is the title shown above it, not a first
    section: the page's own <h1>, or a first block saying the title (a list of one `<dt>`). Headings
    before it that head nothing are the labels a site sets over its headlines (`Main news`)."""
    said = _words(title or "")
    for index, section in enumerate(sections if said else ()):
        if section.heading is not None and _words(section.heading) == said:
            return _heading_taken_off(sections, index, level=2)
        if section.blocks:
            if _words(block_text(section.blocks[0])) != said:
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


def _site_name(name: str | None) -> str | None:
    """`Autoracing | F1 | Indy | MotoGP | StockCar` is the site Autoracing and the topics it covers:
    the byline names the site alone."""
    return name.split(" | ")[0].strip() or name if name else None


def _title_element(tree) -> str | None:
    """The text of the page's <title>, what a browser shows on its tab."""
    found = tree.find(".//title") if tree is not None else None
    return " ".join(sanitize(found.text_content()).split()) or None if found is not None else None


def _headline_of_title_element(
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
    shown = [_words(opening.heading or "")] if opening is not None else []
    if opening is not None and opening.blocks:
        shown.append(_words(block_text(opening.blocks[0])))
    if title is None or document is None or _holds(_words(document), _words(title)) or _words(title) in shown:
        return title
    said = _words(description or "")
    for candidate in _cut_before_separators(document):
        words = _words(candidate)
        if len(words) >= 2 and (said[: len(words)] == words or words in shown):
            return candidate
    return title


def _site_after(title: str | None, document: str | None) -> str | None:
    """`Entermedia` from the <title> `Headline - Entermedia`, for a page that names its site nowhere
    else (no metadata, no address)."""
    if not title or not document or not document.startswith(title):
        return None
    rest = document[len(title) :]
    separator = next((sep for sep in _SEPARATORS if rest.startswith(sep)), None)
    return _site_name(rest[len(separator) :].strip()) or None if separator else None


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


def _without_site(title: str | None, site: str | None) -> str | None:
    """`Headline – TechCrunch` is the headline: the site is shown apart, in the byline. A site's
    name may hold the separator itself (`Remember 80/90 - Memorabilia anni 80/90`), so every place
    the separator stands is tried, the leftmost first; and the title may carry only the name's first
    part (`Headline - Remember 80/90`)."""
    if not title or not site:
        return title
    site_words = _words(site)
    for separator in _SEPARATORS:
        for start in _all_places(title, separator):
            tail = _words(title[start + len(separator) :])
            if tail and tail == site_words[: len(tail)]:
                return title[:start]
    return title


def _wordless_headings_joined(sections: list[Section]) -> list[Section]:
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


def _without_trailing_widgets(sections: list[Section], host: str | None) -> list[Section]:
    """What a page sets after its article and the extractor kept: a comment counter under
    `Comments` (`comments`, its number left to a script), a promotion over a list of the site's other
    stories, a call to subscribe heading nothing, the tags under the text. Headed sections at the
    end holding no text of their own (nothing, a label of fewer than four words, lists of links into
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
        return len(_WORD.findall(block.text)) < 4 and not block.text.rstrip().endswith(_SENTENCE_END)
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
    """Whether a link stays on the site (`host`; when it is unknown, any web link may)."""
    parts = urlsplit(target)
    if parts.scheme not in ("", "http", "https"):
        return False  # mailto:, tel:, javascript:
    return host is None or parts.hostname is None or _same_site(parts.hostname, host)


def _below_home(target: str) -> bool:
    parts = urlsplit(target)
    return bool(parts.path.strip("/") or parts.query or parts.fragment)


def _same_site(one: str, other: str) -> bool:
    """`www.cbssports.com` and `cbssports.com`; `edition.cnn.com` and `www.cnn.com`."""
    one, other = one.removeprefix("www."), other.removeprefix("www.")
    return one == other or one.endswith("." + other) or other.endswith("." + one)


def _without_empty_headings(sections: list[Section]) -> list[Section]:
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


def _dek_heading(sections: list[Section], description: str | None) -> tuple[list[Section], str | None]:
    """A heading that opens the article and says what the page's description says is the dek the
    page set as a subheading (`<h2>` under the headline), not the article's first section."""
    index = _opening_heading(sections) if description else None
    if index is None:
        return sections, None
    heading = sections[index].heading or ""
    said, shown = _words(description or ""), _words(heading)
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
    said = _words(description)
    if not said or (title is not None and said == _words(title)):
        return None
    opening: list[str] = []
    for section in sections:
        opening += _words(section.heading or "")
        for block in section.blocks:
            opening += _words(block_text(block))
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
