"""EPUB: the real books' tables of contents (from the corpus README), and small books built here for
EPUB 2, fragments, headings, images and every refusal."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.web.conftest import EPUB, need
from tui.cli import main
from tui.model.article import Paragraph
from tui.parse import parse_bytes
from tui.reading.numbering import Numbering


def readme_toc(book: str) -> list[tuple[int, str]]:
    """The `[level, label]` list the corpus README gives for `book`, read from the book's nav."""
    readme = need(EPUB / "README.md").read_text(encoding="utf-8")
    start = readme.index("```json", readme.index(f"### `{book}`")) + len("```json")
    return [tuple(entry) for entry in json.loads(readme[start : readme.index("```", start)])]


DICKENS = "charles-dickens_a-tale-of-two-cities.epub"


def readme_sections(book: str) -> list[tuple[int, str]]:
    """The sections a reader expects from the README's contents. A Tale of Two Cities' entry
    `A Tale of Two Cities` is its half-title page (the title alone) nesting the three Books and
    every chapter: it is the title again, and the Books under it are the book's main parts."""
    toc = readme_toc(book)
    if book == DICKENS:
        half, colophon = toc.index((2, "A Tale of Two Cities")), toc.index((2, "Colophon"))
        toc = [*toc[:half], *((level - 1, label) for level, label in toc[half + 1 : colophon]), *toc[colophon:]]
    return toc


def test_a_half_title_over_the_whole_book_leaves_its_parts_the_main_sections():
    article = parse_bytes(need(EPUB / DICKENS).read_bytes(), name=DICKENS)
    numbering = Numbering(article.sections)
    main = [s.heading for i, s in enumerate(article.sections) if numbering.depth(i) == 0 and s.role == "body"]
    assert main == [
        "Preface",
        "Book the First: Recalled to Life",
        "Book the Second: The Golden Thread",
        "Book the Third: The Track of a Storm",
    ]


@pytest.mark.parametrize(
    ("book", "title", "author"),
    [
        (
            "arthur-conan-doyle_the-adventures-of-sherlock-holmes.epub",
            "The Adventures of Sherlock Holmes",
            "Arthur Conan Doyle",
        ),
        ("charles-dickens_a-tale-of-two-cities.epub", "A Tale of Two Cities", "Charles Dickens"),
    ],
)
def test_real_books_sections_are_their_table_of_contents(book, title, author):
    article = parse_bytes(need(EPUB / book).read_bytes(), name=book)
    assert (article.format, article.title, article.author) == ("epub", title, author)
    assert [(s.level, s.heading) for s in article.sections] == readme_sections(book)
    assert article.date is not None and len(article.date) == 10  # the day: `2019-08-14T18:12:49Z` is cut


def test_a_story_split_by_fragments_starts_each_part_at_its_anchor():
    book = "arthur-conan-doyle_the-adventures-of-sherlock-holmes.epub"
    article = parse_bytes(need(EPUB / book).read_bytes(), name=book)
    heading = [s.heading for s in article.sections]
    story, one, two = (article.sections[heading.index(h)] for h in ("A Scandal in Bohemia", "I", "II"))
    assert story.blocks == []  # the story's own <h2> is its heading; its text is in parts I–III
    assert one.blocks[0].text.startswith("To Sherlock Holmes she is always the woman.")
    assert two.blocks[0].text.startswith("At three o’clock precisely I was at Baker Street")
    assert not any(b.text == "II" for b in one.blocks)  # the part's own <h3> is not repeated as text
    assert article.sections[heading.index("Uncopyright")].role == "licence"
    assert article.sections[heading.index("Titlepage")].role == "front-matter"


def test_a_chapter_heading_group_repeating_its_entry_is_not_repeated():
    book = "charles-dickens_a-tale-of-two-cities.epub"
    article = parse_bytes(need(EPUB / book).read_bytes(), name=book)
    period = next(s for s in article.sections if s.heading == "I: The Period")
    assert period.blocks[0].text.startswith("It was the best of times, it was the worst of times")


CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

OPF2 = """<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Small Voyages</dc:title>
<dc:creator>Ada Sailor</dc:creator></metadata>
<manifest>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="one" href="text/one.xhtml" media-type="application/xhtml+xml"/>
<item id="two" href="text/two%20part.xhtml" media-type="application/xhtml+xml"/>
<item id="font" href="fonts/serif.otf" media-type="font/otf"/>
</manifest>
<spine toc="ncx"><itemref idref="one"/><itemref idref="two"/></spine>
</package>"""

NCX = """<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="p1"><navLabel><text>Setting Out</text></navLabel><content src="text/one.xhtml"/>
  <navPoint id="p1a"><navLabel><text>The Harbour</text></navLabel><content src="text/one.xhtml#harbour"/></navPoint>
</navPoint>
<navPoint id="p2"><navLabel><text>Coming Home</text></navLabel><content src="text/two%20part.xhtml"/></navPoint>
</navMap></ncx>"""

ONE = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head><body>
<h1>Setting Out</h1>
<p>We left at dawn with the <em>tide</em>.</p>
<img src="../images/map.png" alt="A map of the bay"/>
<h2 id="harbour">The Harbour</h2>
<p>The harbour was quiet.</p>
<h3>A note on knots</h3>
<p>Bowlines hold.</p>
</body></html>"""

TWO = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Two</title></head><body>
<section><h1>Coming Home</h1><p>We came home at dusk.</p></section></body></html>"""


def build(files: dict[str, bytes | str], mimetype: bytes = b"application/epub+zip") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            book.writestr(name, data)
    return buffer.getvalue()


def small_book(**changes: bytes | str | None) -> bytes:
    files = {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": OPF2,
        "OEBPS/toc.ncx": NCX,
        "OEBPS/text/one.xhtml": ONE,
        "OEBPS/text/two part.xhtml": TWO,
        "OEBPS/fonts/serif.otf": b"\x00\x01font",
    }
    files.update(changes)
    return build({name: data for name, data in files.items() if data is not None})


def test_an_epub2_book_with_an_ncx():
    article = parse_bytes(small_book(), name="voyages.epub")
    assert (article.title, article.author) == ("Small Voyages", "Ada Sailor")
    assert [(s.level, s.heading) for s in article.sections] == [
        (2, "Setting Out"),
        (3, "The Harbour"),
        (2, "Coming Home"),
    ]
    setting_out, harbour, home = article.sections
    assert [b.text for b in setting_out.blocks] == ["We left at dawn with the tide.", "A map of the bay"]
    assert setting_out.blocks[0].spans[0].style == "emphasis"
    # A heading that is no entry of the contents stays in the text, in bold.
    assert harbour.blocks == [
        Paragraph("The harbour was quiet."),
        Paragraph("A note on knots", harbour.blocks[1].spans),
        Paragraph("Bowlines hold."),
    ]
    assert harbour.blocks[1].spans[0].style == "strong"
    assert [b.text for b in home.blocks] == ["We came home at dusk."]


def ncx(points: str) -> str:
    return NCX.split("<navMap>")[0] + f"<navMap>{points}</navMap></ncx>"


SETTING_OUT = """<navPoint id="p1"><navLabel><text>Setting Out</text></navLabel><content src="text/one.xhtml"/>
  <navPoint id="p1a"><navLabel><text>The Harbour</text></navLabel><content src="text/one.xhtml#harbour"/></navPoint>
</navPoint>"""
COMING_HOME = """<navPoint id="p2"><navLabel><text>Coming Home</text></navLabel><content src="text/two%20part.xhtml"/></navPoint>"""


def half_title(inside: str, label: str = "Small Voyages") -> str:
    return (
        f'<navPoint id="h"><navLabel><text>{label}</text></navLabel><content src="text/one.xhtml"/>{inside}</navPoint>'
    )


def test_an_entry_repeating_the_title_over_the_whole_book_is_the_title_not_a_part():
    article = parse_bytes(small_book(**{"OEBPS/toc.ncx": ncx(half_title(SETTING_OUT + COMING_HOME))}), name="v.epub")
    assert [(s.level, s.heading) for s in article.sections] == [
        (2, "Setting Out"),
        (3, "The Harbour"),
        (2, "Coming Home"),
    ]


def test_an_entry_repeating_the_title_stays_when_it_is_a_part_of_the_book():
    # A chapter follows outside it: it holds a part of the book, not the whole.
    part = parse_bytes(small_book(**{"OEBPS/toc.ncx": ncx(half_title(SETTING_OUT) + COMING_HOME)}), name="v.epub")
    assert [(s.level, s.heading) for s in part.sections] == [
        (2, "Small Voyages"),
        (3, "Setting Out"),
        (4, "The Harbour"),
        (2, "Coming Home"),
    ]
    # An entry with another name is a part, whatever it holds.
    named = parse_bytes(
        small_book(**{"OEBPS/toc.ncx": ncx(half_title(SETTING_OUT + COMING_HOME, "Log"))}), name="v.epub"
    )
    assert [s.heading for s in named.sections] == ["Log", "Setting Out", "The Harbour", "Coming Home"]
    # An entry with text of its own (a prologue under the book's name) is read as a part too.
    harbour = '<navPoint id="p1"><navLabel><text>The Harbour</text></navLabel><content src="text/one.xhtml#harbour"/></navPoint>'
    prologue = parse_bytes(small_book(**{"OEBPS/toc.ncx": ncx(half_title(harbour + COMING_HOME))}), name="v.epub")
    assert [(s.level, s.heading) for s in prologue.sections] == [
        (2, "Small Voyages"),
        (3, "The Harbour"),
        (3, "Coming Home"),
    ]
    assert [b.text for b in prologue.sections[0].blocks][1:] == ["We left at dawn with the tide.", "A map of the bay"]


def test_the_book_is_recognised_by_its_bytes_without_a_name():
    assert parse_bytes(small_book(), name=None).format == "epub"


def refusal(capsys, tmp_path, data: bytes, *options: str) -> str:
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    code = main([*options, "--plain", str(path)])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert captured.err.count("\n") == 1 and captured.err.startswith(f"brief: {path}: ")
    return captured.err.removeprefix(f"brief: {path}: ").rstrip("\n")


def test_a_file_that_is_not_a_zip(capsys, tmp_path):
    assert refusal(capsys, tmp_path, b"this is not a zip at all") == "not an EPUB (not a zip file)"


def test_a_zip_that_is_not_an_epub(capsys, tmp_path):
    data = build({"readme.txt": "hello"}, mimetype=b"text/plain")
    assert refusal(capsys, tmp_path, data) == "not an EPUB (no META-INF/container.xml)"


ENCRYPTION = """<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/>
<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>
</encryption>"""


def test_drm_protected_content_is_refused(capsys, tmp_path):
    encryption = ENCRYPTION.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/text/one.xhtml")
    data = small_book(**{"META-INF/encryption.xml": encryption})
    assert refusal(capsys, tmp_path, data) == "the book is protected by DRM (its content is encrypted)"


def test_obfuscated_fonts_alone_are_fine():
    encryption = ENCRYPTION.format(algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/fonts/serif.otf")
    article = parse_bytes(small_book(**{"META-INF/encryption.xml": encryption}), name="voyages.epub")
    assert article.sections[0].heading == "Setting Out"


def test_a_zip_bomb_is_stopped_at_the_size_limit(capsys, tmp_path):
    data = small_book(**{"OEBPS/text/one.xhtml": ONE.replace("</body>", "<p>" + "a" * 3_000_000 + "</p></body>")})
    assert len(data) < 100_000  # small on disk…
    # …and larger than the limit once unpacked.
    assert refusal(capsys, tmp_path, data, "--max-size", "1M") == (
        "the book unpacks to more than 1.0 MB (the limit; see --max-size)"
    )


def test_a_zip_whose_headers_lie_about_sizes_is_still_stopped(tmp_path):
    import tui.parse.epub as epub

    data = small_book(**{"OEBPS/text/one.xhtml": ONE.replace("</body>", "<p>" + "a" * 3_000_000 + "</p></body>")})
    reader = epub._Zip(data, max_size=10_000_000)
    reader.left = 1_000_000  # as if the headers had promised little: what is unpacked is what counts
    with pytest.raises(epub.InputTooLarge):
        reader.read("OEBPS/text/one.xhtml")


def test_external_entities_are_refused_and_never_read(capsys, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    hostile = ONE.replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>',
    ).replace("We left at dawn", "&leak; We left at dawn")
    reason = refusal(capsys, tmp_path, small_book(**{"OEBPS/text/one.xhtml": hostile}))
    assert reason == "OEBPS/text/one.xhtml declares an external entity (leak); brief does not read those"


def test_the_library_lists_web_pages_and_books(tmp_path):
    from tui.reading.library import find_articles

    for name in ("a.txt", "b.html", "c.htm", "d.epub", "e.md", "f.png", "g.pdf"):
        (tmp_path / name).write_text("x")
    found, cut = find_articles(tmp_path)
    assert [p.name for p in found] == ["a.txt", "b.html", "c.htm", "d.epub", "e.md"] and not cut
