"""E-books: an EPUB read with zipfile and lxml, its sections given by its table of contents.

`META-INF/container.xml` names the package (OPF); its spine gives the reading order and its
metadata the title and author. The table of contents is the EPUB 3 navigation document (the manifest
item with `properties="nav"`), else the EPUB 2 NCX the spine names; its nesting gives the levels,
from 2. Entries that point into a file (`story.xhtml#part-2`) split it at that anchor. Chapter
XHTML goes through the same element-to-block walk as web pages (`tui.parse.xhtml`).

Guarded against hostile books: entities are never resolved and nothing is fetched
(`resolve_entities=False`, `no_network=True`), a DTD declaring external entities is refused, the
whole unpacks to at most `max_size`, and DRM-encrypted content is refused with a reason.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urldefrag

from lxml import etree

from tui.model.article import Paragraph, Role, Section, Span
from tui.model.errors import InputError, InputTooLarge
from tui.parse.inline import attribute, inline_text, tag_of
from tui.parse.page_title import words
from tui.parse.sanitize import sanitize
from tui.parse.xhtml import Anchor, Heading, Walker

_CHUNK = 256 * 1024
# Font obfuscation (IDPF and Adobe) only scrambles embedded fonts: the text is readable.
_OBFUSCATION = frozenset({"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"})
_CONTENT_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbncx+xml", "application/xml"})
_ROLES: dict[str, Role] = {
    "titlepage": "front-matter",
    "imprint": "front-matter",
    "colophon": "front-matter",
    "cover": "front-matter",
    "copyright-page": "licence",
    "toc": "contents",
}


class NotAnEpub(InputError):
    """A file named or shaped as an EPUB that is not one."""


@dataclass(frozen=True)
class TocEntry:
    level: int
    label: str
    path: str
    fragment: str


@dataclass
class Book:
    """What an EPUB gives the article."""

    title: str | None
    author: str | None
    date: str | None
    sections: list[Section] = field(default_factory=list)
    subtitle: str | None = None
    toc: list[TocEntry] = field(default_factory=list)


def _parser() -> etree.XMLParser:
    # recover: a stray `&nbsp;` (declared only in the XHTML DTD, which is never loaded) costs that
    # character, not the book.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True, remove_comments=True
    )


class _Zip:
    """The book's zip, read member by member with one budget for everything unpacked."""

    def __init__(self, data: bytes, max_size: int) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise NotAnEpub("not an EPUB (not a zip file)") from None
        self.max_size = max_size
        self.left = max_size
        self.names = set(self.zip.namelist())
        declared = sum(info.file_size for info in self.zip.infolist())
        if declared > max_size:
            raise InputTooLarge(self._too_large())

    def _too_large(self) -> str:
        from tui.parse import human_size

        return f"the book unpacks to more than {human_size(self.max_size)} (the limit; see --max-size)"

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """A member's bytes; sizes in the zip's headers are not trusted, what is unpacked is counted."""
        if name not in self.names:
            raise NotAnEpub(f"not an EPUB ({name} is missing)")
        parts: list[bytes] = []
        try:
            with self.zip.open(name) as member:
                while chunk := member.read(min(_CHUNK, self.left + 1)):
                    self.left -= len(chunk)
                    if self.left < 0:
                        raise InputTooLarge(self._too_large())
                    parts.append(chunk)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
            # RuntimeError: an encrypted zip member; NotImplementedError: an unknown compression.
            raise NotAnEpub(f"not an EPUB ({name} cannot be unpacked)") from None
        return b"".join(parts)

    def xml(self, name: str):  # noqa: ANN201
        data = self.read(name)
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise NotAnEpub(f"not an EPUB ({name} is not XML)")
        _refuse_external_entities(root, name)
        return root


def _refuse_external_entities(root, name: str) -> None:  # noqa: ANN001
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is None:
        return
    for entity in dtd.iterentities():
        if entity.system_url:
            raise InputError(f"{name} declares an external entity ({entity.name}); brief does not read those")


def parse_epub(data: bytes, max_size: int) -> Book:
    """The sections of an EPUB, raising `InputError` for what is not a readable book."""
    book = _Zip(data, max_size)
    if not book.has("META-INF/container.xml"):
        raise NotAnEpub("not an EPUB (no META-INF/container.xml)")
    container = book.xml("META-INF/container.xml")
    rootfile = next((e.get("full-path") for e in container.iter() if tag_of(e) == "rootfile"), None)
    if not rootfile:
        raise NotAnEpub("not an EPUB (its container names no package)")
    opf_path = posixpath.normpath(unquote(rootfile))
    opf = book.xml(opf_path)
    base = posixpath.dirname(opf_path)
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in opf.iter():
        if tag_of(item) == "item" and item.get("id") and item.get("href"):
            path = _join(base, item.get("href"))
            manifest[item.get("id")] = (path, item.get("media-type") or "", item.get("properties") or "")
    spine_element = next((e for e in opf.iter() if tag_of(e) == "spine"), None)
    if spine_element is None:
        raise NotAnEpub("not an EPUB (its package has no spine)")
    spine = [
        manifest[i.get("idref")][0] for i in spine_element if tag_of(i) == "itemref" and i.get("idref") in manifest
    ]
    _refuse_drm(book, set(spine) | {path for path, kind, _ in manifest.values() if kind in _CONTENT_TYPES})
    toc = _toc(book, manifest, spine_element.get("toc"))
    title, author, date = _metadata(opf)
    sections = _without_half_title(_sections(book, spine, toc), title)
    return Book(title, author, date, sections, toc=toc)


def _join(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(href))) if href else base


def _refuse_drm(book: _Zip, content: set[str]) -> None:
    """Encrypted content documents mean DRM; obfuscated fonts alone are fine."""
    if not book.has("META-INF/encryption.xml"):
        return
    encryption = book.xml("META-INF/encryption.xml")
    for data in encryption.iter():
        if tag_of(data) != "encrypteddata":
            continue
        method = next((e.get("Algorithm") for e in data.iter() if tag_of(e) == "encryptionmethod"), None)
        uri = next((e.get("URI") for e in data.iter() if tag_of(e) == "cipherreference"), None)
        if uri is None:
            continue
        path = posixpath.normpath(unquote(uri))
        if method not in _OBFUSCATION or path in content:
            raise InputError("the book is protected by DRM (its content is encrypted)")


def _metadata(opf) -> tuple[str | None, str | None, str | None]:  # noqa: ANN001
    found: dict[str, str] = {}
    for element in opf.iter():
        tag = tag_of(element)
        if tag in ("title", "creator", "date") and tag not in found:
            text = " ".join(sanitize(element.xpath("string()")).split())
            if text:
                found[tag] = text
    return found.get("title"), found.get("creator"), _day(found.get("date"))


def _day(date: str | None) -> str | None:
    """`2019-08-14` from `2019-08-14T18:12:49Z`: a reader wants the day, not the second the file
    was made. Anything that is not an ISO date and time is kept as the book wrote it."""
    if date and len(date) > 10 and date[10] == "T" and date[4] == "-" and date[:4].isdigit():
        return date[:10]
    return date


def _toc(book: _Zip, manifest: dict[str, tuple[str, str, str]], ncx_id: str | None) -> list[TocEntry]:
    nav = next((path for path, _, props in manifest.values() if "nav" in props.split()), None)
    if nav is not None and book.has(nav):
        entries = _nav_entries(book.xml(nav), posixpath.dirname(nav))
        if entries:
            return entries
    ncx = manifest.get(ncx_id or "") or next((m for m in manifest.values() if m[1] == "application/x-dtbncx+xml"), None)
    if ncx is not None and book.has(ncx[0]):
        return _ncx_entries(book.xml(ncx[0]), posixpath.dirname(ncx[0]))
    return []


def _nav_entries(root, base: str) -> list[TocEntry]:  # noqa: ANN001
    navs = [e for e in root.iter() if tag_of(e) == "nav"]
    toc = next((n for n in navs if "toc" in attribute(n, "type").split()), navs[0] if navs else None)
    if toc is None:
        return []
    top = next((e for e in toc.iter() if tag_of(e) == "ol"), None)
    entries: list[TocEntry] = []

    def visit(ol, level: int) -> None:  # noqa: ANN001
        for li in ol:
            if tag_of(li) != "li":
                continue
            link = next((c for c in li if tag_of(c) in ("a", "span")), None)
            if link is not None:
                label = inline_text(link)[0]
                path, fragment = urldefrag(link.get("href") or "")
                if label and path:
                    entries.append(TocEntry(level, label, _join(base, path), unquote(fragment)))
            for child in li:
                if tag_of(child) == "ol":
                    visit(child, level + 1)

    if top is not None:
        visit(top, 2)
    return entries


def _ncx_entries(root, base: str) -> list[TocEntry]:  # noqa: ANN001
    nav_map = next((e for e in root.iter() if tag_of(e) == "navmap"), None)
    entries: list[TocEntry] = []

    def visit(parent, level: int) -> None:  # noqa: ANN001
        for point in parent:
            if tag_of(point) != "navpoint":
                continue
            label_element = next((e for e in point.iter() if tag_of(e) == "text"), None)
            content = next((e for e in point if tag_of(e) == "content"), None)
            label = " ".join(sanitize(label_element.xpath("string()")).split()) if label_element is not None else ""
            path, fragment = urldefrag(content.get("src") or "") if content is not None else ("", "")
            if label and path:
                entries.append(TocEntry(level, label, _join(base, path), unquote(fragment)))
            visit(point, level + 1)

    if nav_map is not None:
        visit(nav_map, 2)
    return entries


def _role(root) -> Role:  # noqa: ANN001
    """A file's role by the epub:type of its body and first section: a title page, an imprint…"""
    body = next((e for e in root.iter() if tag_of(e) == "body"), root)
    first = next((c for c in body if tag_of(c) in ("section", "article", "div")), None)
    for element in (body, first):
        if element is None:
            continue
        for kind in attribute(element, "type").split():
            role = _ROLES.get(kind)
            if role is not None:
                return role
    return "body"


def _sections(book: _Zip, spine: list[str], toc: list[TocEntry]) -> list[Section]:
    sections: list[Section] = [Section(None, 2)]
    fresh = False
    """True while the current section has only its heading: a chapter's own heading repeating it is dropped."""
    by_path: dict[str, list[TocEntry]] = {}
    for entry in toc:
        by_path.setdefault(entry.path, []).append(entry)
    for path in spine:
        if not book.has(path):
            continue
        root = book.xml(path)
        body = next((e for e in root.iter() if tag_of(e) == "body"), root)
        role = _role(root)
        ids = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
        entries = by_path.get(path, [])
        # Entries whose anchor is not in the file (a broken link) start where the file starts.
        at_start = [e for e in entries if not e.fragment or e.fragment not in ids]
        at_anchor: dict[str, list[TocEntry]] = {}
        for entry in entries:
            if entry.fragment and entry.fragment in ids:
                at_anchor.setdefault(entry.fragment, []).append(entry)
        if not toc:
            at_start = [TocEntry(2, _file_heading(root), path, "")]
        for entry in at_start:
            sections.append(Section(entry.label, entry.level, role=role))
            fresh = True
        for event in Walker(marks=at_anchor).walk(body):
            if isinstance(event, Anchor):
                for entry in at_anchor.pop(event.id, []):
                    sections.append(Section(entry.label, entry.level, role=role))
                    fresh = True
            elif isinstance(event, Heading):
                heading = sections[-1].heading
                if fresh and heading is not None and words(event.text) == words(heading):
                    continue  # the chapter's own heading is the one its contents entry gave
                sections[-1].blocks.append(Paragraph(event.text, (Span(0, len(event.text), "strong"),)))
                fresh = False
            else:
                sections[-1].blocks.append(event)
                fresh = False
    if not sections[0].blocks:
        del sections[0]
    if not any(section.blocks or section.heading for section in sections):
        raise InputError("the book has no text")
    return sections


def _without_half_title(sections: list[Section], title: str | None) -> list[Section]:
    """A contents entry that repeats the book's title, has no text of its own and holds every chapter
    after it (the half-title page over *A Tale of Two Cities*' three Books) is the title again, not a
    part of the book: it goes, and what it holds moves up one level, so that its parts are the
    book's main sections and `]` steps through them."""
    said = words(title or "")
    for index, section in enumerate(sections):
        if not said or section.heading is None or section.blocks or words(section.heading) != said:
            continue
        end = index + 1
        while end < len(sections) and sections[end].level > section.level:
            end += 1
        if end > index + 1 and not any(later.role == "body" for later in sections[end:]):
            held = [replace(inner, level=inner.level - 1) for inner in sections[index + 1 : end]]
            return [*sections[:index], *held, *sections[end:]]
    return sections


def _file_heading(root) -> str:  # noqa: ANN001
    """A file's heading when the book has no contents: its first h1–h3, else its <title>."""
    for element in root.iter():
        if tag_of(element) in ("h1", "h2", "h3"):
            text = inline_text(element)[0]
            if text:
                return text
    title = next((e for e in root.iter() if tag_of(e) == "title"), None)
    text = inline_text(title)[0] if title is not None else ""
    return text or "Untitled"
