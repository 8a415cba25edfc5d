"""The plain-text documents of ../shared/corpus/real/ and ../shared/corpus/webcopy/, each pinned to
the title and outline a reader sees in it (expectations written by reading the files, not from
brief's output). Under CI=true a missing corpus fails these tests instead of skipping them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS, missing
from tests.parse.test_properties import assert_clean, assert_no_word_lost
from tui.model.article import Article, Paragraph, Quote, Verse, block_text
from tui.parse import load_path

REAL = CORPUS / "real"
WEBCOPY = CORPUS / "webcopy"


def load(path: Path) -> Article:
    if not path.is_file():
        missing(f"the corpus file {path} is missing (it lives in ../shared/corpus/)")
    return load_path(path)


def body(article: Article) -> list[tuple[str | None, int]]:
    return [(s.heading, s.level) for s in article.sections if s.role == "body" and s.heading is not None]


def roles(article: Article) -> list[str]:
    """The roles in order, runs of the same role shown once."""
    out: list[str] = []
    for section in article.sections:
        if not out or out[-1] != section.role:
            out.append(section.role)
    return out


# (file, title, author, first body headings, last body heading, body heading count, levels used)
BOOKS = [
    (
        "gutenberg-riis-how-the-other-half-lives.txt",
        "How the Other Half Lives: Studies Among the Tenements of New York",
        "Jacob A. Riis",
        [("PREFACE.", 2), ("INTRODUCTION.", 2), ("CHAPTER I. GENESIS OF THE TENEMENT.", 2), ("CHAPTER II. THE AWAKENING.", 2)],
        ("CHAPTER XXV. HOW THE CASE STANDS.", 2),
        25,
    ),
    (
        "gutenberg-mill-considerations-on-representative-government.txt",
        "Considerations on Representative Government",
        "John Stuart Mill",
        [("Preface", 2), ("Chapter I--To What Extent Forms of Government are a Matter of Choice.", 2)],
        ("Chapter XVIII--Of the Government of Dependencies by a Free State.", 2),
        18,
    ),
    (
        "gutenberg-doyle-a-study-in-scarlet.txt",
        "A Study in Scarlet",
        "Arthur Conan Doyle",
        [("PART I.", 2), ("CHAPTER I. MR. SHERLOCK HOLMES.", 3), ("CHAPTER II. THE SCIENCE OF DEDUCTION.", 3)],
        ("CHAPTER VII. THE CONCLUSION.", 3),
        14,
    ),
    (
        "gutenberg-eliot-middlemarch.txt",
        "Middlemarch",
        "George Eliot",
        [("PRELUDE.", 2), ("BOOK I. MISS BROOKE.", 2), ("CHAPTER I.", 3), ("CHAPTER II.", 3)],
        ("FINALE.", 2),
        86,
    ),
    (
        "gutenberg-shakespeare-romeo-and-juliet.txt",
        "Romeo and Juliet",
        "William Shakespeare",
        [("THE PROLOGUE", 2), ("ACT I", 2), ("SCENE I. A public place.", 3), ("SCENE II. A Street.", 3)],
        ("SCENE III. A churchyard; in it a Monument belonging to the Capulets.", 3),
        24,
    ),
    (
        "gutenberg-emerson-essays-first-series.txt",
        "Essays, First Series",
        "Ralph Waldo Emerson",
        [("I. HISTORY.", 2), ("II. SELF-RELIANCE.", 2), ("III. COMPENSATION.", 2)],
        ("XII. ART.", 2),
        12,
    ),
]


def chapter_count(article: Article, first: str) -> int:
    """Headings of the same kind as `first` (`CHAPTER …`, `Chapter …`, `SCENE …`, Roman numerals)."""
    word = first.split()[0]
    if word.rstrip(".") in {"I", "II"}:
        return sum(1 for heading, _ in body(article) if heading and heading.split()[0].rstrip(".").strip("IVXLC") == "")
    return sum(1 for heading, _ in body(article) if heading and heading.split()[0] == word)


@pytest.mark.parametrize(("name", "title", "author", "first", "last", "chapters"), BOOKS, ids=[b[0][:30] for b in BOOKS])
def test_gutenberg_book(name, title, author, first, last, chapters):
    book = load(REAL / name)
    assert (book.title, book.author, book.subtitle) == (title, author, None)
    # The licence header and footer stay in place, first and last; nothing else is a licence.
    assert book.sections[0].role == book.sections[-1].role == "licence"
    assert [s.role for s in book.sections[1:-1]].count("licence") == 0
    headings = body(book)
    assert headings[: len(first)] == first
    word = last[0].split()[0]
    assert [h for h in headings if h[0].split()[0] == word][-1] == last
    chapter_word = next(h for h, _ in first if h.split()[0].rstrip(".") in {"CHAPTER", "Chapter", "SCENE", "I"})
    assert chapter_count(book, chapter_word) == chapters
    # No bracketed note, quoted line or speaker heads a section.
    assert not [h for h, _ in headings if h.startswith(("[", "“", '"'))]


def test_contents_lists_are_one_section_each():
    for name, entries in (
        ("gutenberg-doyle-a-study-in-scarlet.txt", ["CONTENTS"]),
        ("gutenberg-riis-how-the-other-half-lives.txt", ["CONTENTS.", "LIST OF ILLUSTRATIONS."]),
        ("gutenberg-mill-considerations-on-representative-government.txt", ["LIST OF CONTENTS"]),
        ("gutenberg-eliot-middlemarch.txt", ["Contents"]),
        ("gutenberg-shakespeare-romeo-and-juliet.txt", ["Contents"]),
        ("gutenberg-doyle-adventures-of-sherlock-holmes.txt", ["Contents"]),
        ("oss-simple-sabotage-field-manual-1944.txt", ["CONTENTS"]),
    ):
        book = load(REAL / name)
        assert [s.heading for s in book.sections if s.role == "contents"] == entries, name
        assert roles(book)[:2] == ["licence", "body"] and "contents" in roles(book)


def test_riis_transcribers_note_stands_beside_the_chapters():
    headings = body(load(REAL / "gutenberg-riis-how-the-other-half-lives.txt"))
    assert headings[-2:] == [("APPENDIX. STATISTICS BEARING ON THE TENEMENT PROBLEM.", 2), ("Transcriber's Note", 2)]


def test_sherlock_holmes_stories_are_the_main_sections():
    book = load(REAL / "gutenberg-doyle-adventures-of-sherlock-holmes.txt")
    assert (book.title, book.author) == ("The Adventures of Sherlock Holmes", "Arthur Conan Doyle")
    stories = [h for h, level in body(book) if level == 2]
    assert stories == [
        "A Scandal in Bohemia", "The Red-headed League", "A Case of Identity", "The Boscombe Valley Mystery",
        "The Five Orange Pips", "The Man with the Twisted Lip", "The Adventure of the Blue Carbuncle",
        "The Adventure of the Speckled Band", "The Adventure of the Engineer’s Thumb",
        "The Adventure of the Noble Bachelor", "The Adventure of the Beryl Coronet",
        "The Adventure of the Copper Beeches",
    ]  # fmt: skip
    # `I.`, `II.`, `III.` stand alone under the first story: its parts, one level down.
    assert body(book)[:4] == [("A Scandal in Bohemia", 2), ("I.", 3), ("II.", 3), ("III.", 3)]
    # The start marker split over two lines belongs to the licence header.
    assert book.sections[0].role == "licence"
    assert "HOLMES ***" in " ".join(b.text for b in book.sections[0].blocks)


def test_pinero_acts_and_speakers():
    play = load(REAL / "gutenberg-pinero-mind-the-paint-girl-latin1.txt")
    assert (play.title, play.author) == ("The 'Mind the Paint' Girl", "Arthur Pinero")
    assert "Maître" in " ".join(block_text(b) for s in play.sections for b in s.blocks)
    # The title page (its title centred over three lines: `THE` / `"MIND THE PAINT"` / `GIRL`), the
    # list of the author's plays, the cast list and the errata's `First Act:` are no headings.
    assert body(play) == [("THE FIRST ACT", 2), ("THE SECOND ACT", 2), ("THE THIRD ACT", 2), ("THE FOURTH ACT", 2)]
    labels = [b.label for s in play.sections for b in s.blocks if isinstance(b, Paragraph) and b.label]
    assert labels.count("LILY") > 300 and "MRS. UPJOHN" in labels


def test_romeo_speakers_are_labels_and_verse_keeps_its_lines():
    play = load(REAL / "gutenberg-shakespeare-romeo-and-juliet.txt")
    prologue = next(s for s in play.sections if s.heading == "THE PROLOGUE")
    label = next(b for b in prologue.blocks if isinstance(b, Paragraph) and b.label == "CHORUS")
    verse = prologue.blocks[prologue.blocks.index(label) + 1]
    assert isinstance(verse, Verse)
    assert verse.lines[:2] == ("Two households, both alike in dignity,", "In fair Verona, where we lay our scene,")
    assert len(verse.lines) == 14
    assert [h for h, level in body(play) if level == 2] == ["THE PROLOGUE", "ACT I", "ACT II", "ACT III", "ACT IV", "ACT V"]


def test_whitman_books_and_poems():
    book = load(REAL / "gutenberg-whitman-leaves-of-grass.txt")
    assert (book.title, book.author) == ("Leaves of Grass", "Walt Whitman")
    parts = [h for h, level in body(book) if level == 2]
    # 35 books; the last is written `BOOKXXXV.`, a division misspelt without its space.
    assert len(parts) == 35
    assert parts[0] == "BOOK I.  INSCRIPTIONS" and parts[-2:] == ["BOOK XXXIV.  SANDS AT SEVENTY", "BOOKXXXV.  GOOD-BYE MY FANCY"]
    poems = [h for h, level in body(book) if level == 3]
    assert poems[:2] == ["One's-Self I Sing", "As I Ponder'd in Silence"]
    assert poems[-2:] == ["Unseen Buds", "Good-Bye My Fancy!"]
    # 382 poem titles stand at the left margin (the verse is indented). Two, in quotation marks
    # (`"Going Somewhere"`), are read as text, as every line opening with a quotation mark is;
    # `As Consequent, Etc.` ends with an abbreviation's period, not a sentence's.
    assert len(poems) == 380
    assert "Song of Myself" in poems and "O Captain! My Captain!" in poems
    assert "As Consequent, Etc." in poems and "Sail out for Good, Eidolon Yacht!" in poems
    for title in (
        "What Best I See in Thee", "The World below the Brine", "Weave in, My Hardy Life",
        "Roaming in Thought [After reading Hegel]", "France [the 18th Year of these States",
    ):
        assert title in poems, title  # fmt: skip
    verse = [b for s in book.sections for b in s.blocks if isinstance(b, Verse)]
    assert len(verse) > 300


def test_field_manual_numbered_headings():
    manual = load(REAL / "oss-simple-sabotage-field-manual-1944.txt")
    assert manual.title == "Simple Sabotage Field Manual"
    main = [h for h, level in body(manual) if level == 2]
    assert main == [
        "1. INTRODUCTION", "2. POSSIBLE EFFECTS", "3. MOTIVATING THE SABOTEUR", "4. TOOLS, TARGETS, AND TIMING",
        "5. SPECIFIC SUGGESTIONS FOR SIMPLE SABOTAGE",
    ]  # fmt: skip
    subheads = [h for h, level in body(manual) if level == 3]
    assert subheads[0] == "(1) _Personal Motives_"
    # Section 5's twelve subheads, in italics, some directly over their own `(a) Tools`.
    headings = [h for h, _ in body(manual)]
    assert headings[headings.index("5. SPECIFIC SUGGESTIONS FOR SIMPLE SABOTAGE") + 1 :] == [
        "(1) _Buildings_", "(2) _Industrial Production: Manufacturing_", "(3) _Production. Metals_",
        "(4) _Production: Mining and Mineral Extraction_", "(5) _Production: Agriculture_",
        "(6) _Transportation: Railways_", "(7) _Transportation: Automotive_", "(8) _Transportation: Water_",
        "(9) _Communications_", "(10) _Electric Power_", "(11) _General Interference with Organizations and Production_",
        "(12) _General Devices for Lowering Morale and Creating Confusion_",
    ]  # fmt: skip


def test_essay_with_tab_centred_title():
    essay = load(REAL / "gnu-manifesto-1985.txt")
    assert essay.title == "The GNU Manifesto"
    assert body(essay) == [
        ("What's GNU?  Gnu's Not Unix!", 2), ("Who Am I?", 2), ("Why I Must Write GNU", 2),
        ("Why GNU Will Be Compatible with Unix", 2), ("How GNU Will Be Available", 2),
        ("Why Many Other Programmers Want to Help", 2), ("How You Can Contribute", 2),
        ("Why All Computer Users Will Benefit", 2), ("Some Easily Rebutted Objections to GNU's Goals", 2),
    ]  # fmt: skip
    # The copyright line under the title names the writer and the year, as a byline does; it and
    # the notice at the end stay text, not headings.
    assert (essay.author, essay.date) == ("Richard M. Stallman", "1985")
    assert essay.sections[0].blocks[0] == Verse(("Copyright (C) 1985 Richard M. Stallman", "  (Copying permission notice at the end.)"))
    # The objections, indented and in quotation marks, are quotations.
    objections = next(s for s in essay.sections if s.heading == "Some Easily Rebutted Objections to GNU's Goals")
    assert objections.blocks[0] == Quote.of(
        [
            Paragraph('"Nobody will use it if it is free, because that means they can\'t rely on any support."'),
            Paragraph('"You have to charge for the program to pay for providing the support."'),
        ]
    )


def test_speech_without_headings():
    speech = load(REAL / "state-of-the-union-2012.txt")
    assert body(speech) == []
    assert speech.title == "State of the Union 2012"


WIKIPEDIA_OUTLINE = [
    ("Life and career", 2), ("Early life", 3), ("2004–2008: Career beginnings and first album", 3),
    ("2008–2010: Fearless", 3), ("2010–2014: Speak Now and Red", 3), ("2014–2018: 1989 and Reputation", 3),
    ("2018–2020: Lover, Folklore, and Evermore", 3), ("2020–2023: Re-recordings and Midnights", 3),
    ("2023–present: The Eras Tour and The Tortured Poets Department", 3),
    ("Artistry", 2), ("Influences", 3), ("Genres", 3), ("Voice", 3), ("Songwriting", 3), ("Performances", 3),
    ("Video and film", 3),
    ("Accolades and achievements", 2),
    ("Cultural status", 2), ("Legacy", 3), ("Entrepreneurship", 3), ("Social activism", 3),
    ("Wealth", 2), ("Philanthropy", 3),
    ("Discography", 2), ("Filmography", 2), ("Tours", 2), ("See also", 2), ("Footnotes", 2), ("References", 2),
]  # fmt: skip


def test_wikipedia_copy_outline_follows_its_contents_box():
    page = load(REAL / "wikipedia-taylor-swift-web-copy.txt")
    # The copier's note is the file's first line, and so its title.
    assert page.title == "Copy paste of the Wikipedia article on Taylor Swift, as of Feb 16, 2024."
    assert [s.heading for s in page.sections if s.role == "contents"] == ["Contents  hide"]
    headings = body(page)
    assert headings[: len(WIKIPEDIA_OUTLINE)] == WIKIPEDIA_OUTLINE
    assert headings[-1] == ("External links", 2)
    # Captions and alt text between paragraphs are text, not headings.
    assert "Taylor Swift in 2009" not in [h for h, _ in headings]
    assert "Swift on the Red Tour (2013)" not in [h for h, _ in headings]


def test_wikipedia_copy_references_subsection():
    headings = body(load(REAL / "wikipedia-taylor-swift-web-copy.txt"))
    assert headings[-3:] == [("References", 2), ("Cited literature", 3), ("External links", 2)]


def test_ocr_report_contents_and_first_parts():
    """The Mueller report as OCR gives it: contents with dot leaders are contents; the report's
    Roman-numbered parts and its introduction head sections."""
    report = load(REAL / "mueller-report-2019-vol1-2-ocr.txt")
    assert [s.heading for s in report.sections if s.role == "contents"][0] == "TABLE OF CONTENTS - VOLUME I"
    headings = [h for h, _ in body(report)]
    for heading in ("INTRODUCTION TO VOLUME I", "I.  THE SPECIAL COUNSEL'S INVESTIGATION", 'II.  RUSSIAN "ACTIVE MEASURES" SOCIAL MEDIA CAMPAIGN'):
        assert heading in headings
    assert headings.index("INTRODUCTION TO VOLUME I") < headings.index("I.  THE SPECIAL COUNSEL'S INVESTIGATION")


def test_ocr_report_title():
    report = load(REAL / "mueller-report-2019-vol1-2-ocr.txt")
    assert report.title == "Report On The Investigation Into Russian Interference In The 2016 Presidential Election"


def test_ocr_report_false_headings():
    """Contents entries with dot leaders and a page number, wherever they stand, the running page
    header, and paragraphs that open with a volume's name (`Volume I  describes the factual
    results of …`) are text."""
    report = load(REAL / "mueller-report-2019-vol1-2-ocr.txt")
    headings = [h for h, _ in body(report)]
    assert not [h for h in headings if "....." in h]
    assert not [h for h in headings if h.startswith(("Volume I  describes", "Volume  II addresses", "Volume II of the"))]
    assert not [h for h in headings if "//" in h or h == "U.S. Department of Justice"]
    # The header stays in the text, where the file opens with it.
    assert [b.text for b in report.sections[0].blocks[:2]] == [
        "AttarAe:,c \\\\'erlc Predtiet // Mtt;  CeA1:ttiA Ma1:ertal Prn1:eeted UAder Fed. R.  Crhtt. P. 6(e)",
        "U.S. Department of Justice",
    ]


def test_ocr_report_contents_entries_stay_in_the_contents():
    """Each volume's contents is one contents section, page headers, page numbers and entries
    broken over two lines included, up to the volume's introduction (OCR read the second one's
    `VOLUME II` as `VOLUME IT` in the list, so the list ends where its prose begins)."""
    report = load(REAL / "mueller-report-2019-vol1-2-ocr.txt")
    contents = [s for s in report.sections if s.role == "contents"]
    assert [(s.heading, s.level) for s in contents] == [
        ("TABLE OF CONTENTS - VOLUME I", 3),
        ("TABLE OF CONTENTS - VOLUME II", 3),
    ]
    first = [line for block in contents[0].blocks for line in block_text(block).split("\n")]
    assert first[0].startswith("INTRODUCTION TO VOLUME I ....")
    assert "3.  Ambassador Kislyak's Meeting with Jared Kushner and Michael Flynn in" in first
    assert any(line.startswith("vii.  Others Interviewed During the Investigation") for line in first)
    assert first[-1] == "U.S. Department of Justice"  # the next page's header, over the introduction
    second = [line for block in contents[1].blocks for line in block_text(block).split("\n")]
    assert second[0].startswith("INTRODUCTION TO VOLUME IT ....")
    assert not [line for line in second if line.startswith("INTRODUCTION TO VOLUME II")]
    headings = [h for h, _ in body(report)]
    assert "3.  Ambassador Kislyak's Meeting with Jared Kushner and Michael Flynn in" not in headings
    assert "INTRODUCTION TO VOLUME II" in headings


# The report's own outline, read from the file: each volume (its title page's `Volume I of II`),
# then the parts `I.`, `II.` with the introduction and summary beside them, their sections `A.`,
# theirs `1.`, then `a.`; headings as the text writes them (`2..` is OCR's).
MUELLER_OUTLINE = [
    ("Volume I of II", 2),
    ("INTRODUCTION TO VOLUME I", 3),
    ("EXECUTIVE SUMMARY TO VOLUME I", 3),
    ("I.  THE SPECIAL COUNSEL'S INVESTIGATION", 3),
    ('II.  RUSSIAN "ACTIVE MEASURES" SOCIAL MEDIA CAMPAIGN', 3),
    ("A.  Structure of the Internet Research Agency", 4),
    ("B.  Funding and Oversight from Concord and Prigozhin", 4),
    ("C.  The IRA Targets U.S. Elections", 4),
    ("1.  The IRA Ramps Up U.S. Operations As Early As 2014", 5),
    ("2..  U.S. Operations Through IRA-Controlled Social Media Accounts", 5),
    ("3.  U.S. Operations Through Facebook", 5),
    ("4.  U.S. Operations Through Twitter", 5),
    ("a.  Individualized Accounts", 6),
    ("b.  IRA Botnet Activities", 6),
    ("5.  U.S. Operations Involving Political Rallies", 5),
    ("6.  Targeting and Recruitment of U.S. Persons", 5),
    ("7.  Interactions and Contacts with the Trump Campaign", 5),
    ("a.  Trump Campaign Promotion of IRA Political Materials", 6),
    ("b.  Contact with  Trump Campaign Officials in  Connection to Rallies", 6),
    ("III.  RUSSIAN HACKING AND DUMPING OPERATIONS", 3),
    ("A.  GRU Hacking Directed at the Clinton Campaign", 4),
]


def test_ocr_report_outline_has_the_reports_hierarchy():
    report = load(REAL / "mueller-report-2019-vol1-2-ocr.txt")
    headings = body(report)
    assert headings[: len(MUELLER_OUTLINE)] == MUELLER_OUTLINE
    # The second volume, its sections with their labels on the line above them (`A.` over `The
    # Campaign's Response…`), and its last part.
    assert ("Volume II of II", 2) in headings
    assert headings.index(("Volume II of II", 2)) < headings.index(("INTRODUCTION TO VOLUME II", 3))
    assert ("A. The Campaign's Response to Reports About Russian Support for Trump", 4) in headings
    # A heading broken over two lines is one heading.
    assert ("c.  Letter of Intent and Contacts to Russian Government (October 2015-January 2016)", 6) in headings
    assert ("D. Events Leading Up  To and  Surrounding  the  Termination  of FBI  Director Corney", 4) in headings
    # Headings that name a date are headings all the same; one whose second line opens in lower
    # case is joined to it.
    assert ("A.  Campaign Period (September 2015 - November 8, 2016)", 4) in headings
    assert ("5.  June 9, 2016 Meeting at Trump Tower", 5) in headings
    assert ("1.  Section 1030 Computer-Intrusion Conspiracy", 5) in headings
    assert (
        "5.  McGahn has a Follow-Up Meeting About Flynn with Yates; President Trump has Dinner with FBI Director Corney",
        5,
    ) in headings
    # Volume II ends with its part IV; the appendix the text heads after it stands beside the volumes.
    assert headings[headings.index(("IV.  CONCLUSION", 3)) + 1 :] == [("APPENDIX B:  GLOSSARY", 2)]


def test_ocr_report_paragraphs_are_joined_from_their_lines():
    """The report is hard-wrapped wide (lines of about 105 characters, as the PDF set them): a
    paragraph's lines are one paragraph, not a paragraph each."""
    report = load(REAL / "mueller-report-2019-vol1-2-ocr.txt")
    introduction = next(s for s in report.sections if s.heading == "INTRODUCTION TO VOLUME I")
    assert introduction.blocks[0] == Paragraph(
        "This report is submitted to the Attorney General pursuant to 28 C.F.R.  § 600.8(c), which states that, "
        "\"[a]t the conclusion of the Special Counsel' s work, he ... shall  provide the Attorney General  a  "
        "confidential  report explaining  the  prosecution  or  declination  decisions  [the  Special Counsel] "
        "reached.\""
    )


@pytest.mark.parametrize(
    "name",
    [
        "mueller-report-2019-vol1-2-ocr.txt",
        "oss-simple-sabotage-field-manual-1944.txt",
        "gnu-manifesto-1985.txt",
        "gutenberg-riis-how-the-other-half-lives.txt",
        "gutenberg-shakespeare-romeo-and-juliet.txt",
        "gutenberg-whitman-leaves-of-grass.txt",
        "wikipedia-taylor-swift-web-copy.txt",
        "state-of-the-union-2012.txt",
    ],
)
def test_no_word_of_a_real_document_is_lost(name):
    path = REAL / name
    article = load(path)
    text = path.read_bytes().decode(article.encoding.replace("windows-", "cp")).lstrip("\ufeff")
    assert_no_word_lost(text, article)
    assert_clean(article)


# Web copies: (file, title, dek, author, headings). Titles are the page's h1; headings are the
# article's own subheadings as a reader sees them (share boxes and related links are not).
WEB = [
    ("01-042bb7b5feda.txt", "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay",
     "There are more devices, platforms and services to choose from than ever before. Here’s how to figure out what’s best for your play habits and your wallet.",
     "Sarah E. Needleman", []),
    ("02-04a6711caa7c.txt", "Republicans Are Following Trump to Nowhere",
     "There’s an impeachment lesson hiding in the president’s failure to produce the political results he wants.",
     "Jamelle Bouie", []),
    ("03-05844573ca7e.txt", "New SUVs and electric vehicles highlight L.A. Auto Show", None, "Tom Krisher",
     ["NISSAN SENTRA", "VOLKSWAGEN ID. SPACE VIZZION CONCEPT", "FORD MUSTANG MACH E", "TOYOTA RAV4 PRIME"]),
    ("04-06e5123e4ef7.txt", "New York State Attorney General investigating WeWork and former CEO", None, None, []),
    ("05-06ee193de4bd.txt", "The VW ID. SPACE VIZZION is a weird EV sports wagon with a secret message", None,
     "Chris Davies", []),
    ("06-076f4f33bf75.txt", "Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?",
     "The brain behind this well-timed startup is said to be Aryavir Kumar and Margarita Kuritsyna.", None, []),
    ("07-08f793762792.txt", "Browns player on Mason Rudolph's role in fight with Myles Garrett: He asked for it",
     "One member of the Browns' defense didn't hold back on Monday when asked about Thursday night's fight",
     "Bryan DeArdo", []),
    ("08-098bb3e96c0a.txt", "‘We had some issues,’ exec says on Disney+ glitches", None, "Meg James", []),
    ("09-0d46122928b6.txt", "Nadal keeps Spain alive against Russia in Davis Cup Finals", None, None,
     ["US FALLS", "FRANCE WINS", "ARGENTINA CRUISES", "KAZAKHSTAN WINS AGAIN", "AUSTRALIA AHEAD"]),
    ("10-0dd135704572.txt", "BREAKING: Lawan moves motion for Senate’s adjournment over Nzeribe, Adedoyin’s deaths",
     None, None, []),
    ("11-0e014df693f1.txt", "HIKING THE BOULDER FLAT IRONS", None, "Regan", []),
    ("12-11ea381ad92b.txt", "Classificação NASCAR", None, None, []),
    ("13-14cc2a0ca59c.txt", "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa",
     None, "VICTOR TANGERMANN", []),
    ("14-156770d676ce.txt", "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign", None,
     "Tess Bonn", []),
    ("15-16c30add7e96.txt", "The law that’s helping fuel Delhi’s deadly air pollution",
     "A policy to conserve water led to the rise of a major source of air pollution, making breathing Delhi’s air as bad as smoking 50 cigarettes.",
     "Umair Irfan",
     ["Why Delhi’s air pollution gets so bad this time of year",
      "Delhi’s air wasn’t always so bad. A water conservation law helped fuel the rise in pollution.",
      "Delhi officials are responding to the air pollution, but they are reluctant to take aggressive action",
      "Air pollution can be solved. Some cities have made great progress."]),
    ("16-1ace8c85aaee.txt", "New York State Attorney General reportedly investigating WeWork", None, "Catherine Shu", []),
    ("17-1ee91d1fce65.txt", "Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return", None, None,
     ["The Russian and Syrian defense ministries", "The al-Tanf base", "The Rukban camp",
      "“U.S.-controlled bandit formations”",
      "“… prevent the evacuation of the Syrian civilians from the Rubkan camp”"]),
    ("18-1f765c487806.txt", "Royal Self-Indicting Arrogance", None, "Finian Cunningham", []),
    ("19-20b2b64916b0.txt", "Black Friday per nostalgici: le occasioni da non perdere", None, None, []),
    ("20-232a43fb15ab.txt", "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020", None,
     "Joe Rossignol", []),
    ("21-23aaecd14171.txt", "Uma palinha das brincadeiras musicais do grupo Serelepe", None, "Carlos Nadalim", []),
    ("22-264dc3ae3124.txt", "Zach Parise heating up, scores twice as Wild beat Sabres 4-1", None, "BILL HOPPE", []),
    ("24-291a8bf33ee4.txt", "Tim Cook On Apple Being ‘Pulled Into The Enterprise’",
     "The CEOs of Apple and Salesforce talk enterprise mobility, environmental sustainability, and remember Steve Jobs unveiling products on the same stage.",
     "Joseph Tsidulko", []),
    ("25-2c46804d9db4.txt", "Video shows dramatic rescue of 8-year-old kidnapping victim: \"We got her!\"", None, None, []),
    ("26-2f42ef1d3ea0.txt", "The Future of Banking Is … You're Broke",
     "Our present financial ruin is being turned into a business model.", None, []),
    ("27-30b771a40a4e.txt", "Bike & Style book with soundtrack review", None, None, []),
    ("28-3252222e61fe.txt", "A Fantástica Loja dos Materiais Educativos", None, "Carlos Nadalim", []),
]  # fmt: skip


@pytest.mark.parametrize(("name", "title", "dek", "author", "headings"), WEB)
def test_web_copy(name, title, dek, author, headings):
    path = WEBCOPY / name
    article = load(path)
    assert (article.title, article.subtitle) == (title, dek)
    assert article.author == author
    assert [h for h, _ in body(article)] == headings
    assert all(level == 2 for _, level in body(article))
    assert_no_word_lost(path.read_text(encoding="utf-8"), article)


def test_web_copy_of_deals_heads_each_deal():
    """The IGN deals page: a dek, then one heading per deal, 17 of them (lines 12 to 88 of the file),
    whether prose, a coupon note or a sponsor's line comes under the name."""
    article = load(WEBCOPY / "23-287e4d9f4af3.txt")
    assert article.subtitle == "Black Friday is Next Week, But Several Deals Go Live Today"
    headings = [h for h, _ in body(article)]
    assert headings == DEALS
    assert "Get it on Amazon for 39.99" not in headings and "Also at Walmart" not in headings


DEALS = [
    'PS4 DualShock Controller in Crystal for $39.99',
    'Nintendo Switch Lite with Pokemon Sword or Shield and Case for $238.99',
    'King of Monitors: 35% Off Dell Alienware AW3418DW 34" 3440x1440 1900R Curved 4ms 120Hz GSYNC IPS Panel Gaming Monitor with RGB, Now $649.99',
    'New Price Drop: Apple Watch Series 3 38mm Smart Watch for $169.99 (Originally $200)',
    'New Price Drop: 2019 Apple AirPods 2 Wireless Earphones for $139 (Originally $159)',
    '45% Off 65" LG 65UM7300 4K Smart HDTV, Now $549 Plus $50 Dell eGift Card',
    'Dell G3 15 Intel Core i5-9300H 15" 1080p GTX 1660 Ti Laptop with 512GB SSD for $799.99',
    'Netgear Nighthawk R6700 AC1700 Router for $67.77',
    'Get Dashlane Password Manager for Free (Upgrade to Premium for $4.99/mo)',
    '4 Month of Amazon Music Unlimited for $0.99',
    '$10 Off Nintendo Switch Lite and Pokemon Bundle',
    'New Release: Nintendo Switch Lite Pokemon Zacian and Zamazenta Edition with Bonus Case (Exclusively at Walmart) for $199',
    'New Release: Last Chance to Buy Pokemon Sword or Shield and Get $10 Amazon Credit',
    '70" Element 4K UHD Smart HDTV with Roku for $499.99 (Originally $800)',
    '$15 Off Apple AirPods Pro on Amazon',
    '30% Off LEGO Star Wars Ultimate Collector Series Betrayal at Cloud City 2,812-Piece Set, Now $243.97',
    'Disney Plus is Now Live, Sign up for the Disney +, Hulu, and ESPN+ Package and Save $5/Month',
]


def test_web_copy_dates():
    assert load(WEBCOPY / "05-06ee193de4bd.txt").date == "Nov 19, 2019, 10:31 pm CST"
    assert load(WEBCOPY / "17-1ee91d1fce65.txt").date == "November 18, 2019"
    assert load(WEBCOPY / "14-156770d676ce.txt").date == "11/19/19 06:56 AM EST"
