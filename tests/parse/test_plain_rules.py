"""Each rule of the plain-text parser on a small text of its own (none drawn from the corpus)."""

from __future__ import annotations

from tests.parse.test_properties import assert_no_word_lost
from tui.model.article import Article, BulletList, Item, Paragraph, Quote, Verse, block_text
from tui.parse import parse_text

PARAGRAPH = (
    "The morning was grey and the river ran high under the old stone bridge, carrying\n"
    "branches and leaves down towards the mill where the miller stood watching it.\n"
)


def parse(text: str, name: str = "doc.txt") -> Article:
    article = parse_text(text, name=name)
    assert_no_word_lost(text, article)
    return article


def outline(article: Article) -> list[tuple[str | None, int, str]]:
    return [(s.heading, s.level, s.role) for s in article.sections]


def body(article: Article) -> list[tuple[str | None, int]]:
    return [(s.heading, s.level) for s in article.sections if s.role == "body" and s.heading is not None]


def book(*parts: str, gap: str = "\n\n\n") -> str:
    return gap.join(parts) + "\n"


# --- e-text licence ----------------------------------------------------------------------------

HEADER = (
    "The Project Gutenberg eBook of The Quiet Mill\n\n"
    "Title: The Quiet Mill\n\nAuthor: Ann Example\n\nLanguage: English\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK THE QUIET MILL ***"
)
FOOTER = (
    "*** END OF THE PROJECT GUTENBERG EBOOK THE QUIET MILL ***\n\n"
    "Updated editions will replace the previous one.\n\nSTART: FULL LICENSE"
)


def test_gutenberg_header_and_footer_are_licence_sections_with_the_books_title_and_author():
    article = parse(book(HEADER, "CHAPTER I.", PARAGRAPH, "CHAPTER II.", PARAGRAPH, "CHAPTER III.", PARAGRAPH, FOOTER))
    assert (article.title, article.author, article.subtitle) == ("The Quiet Mill", "Ann Example", None)
    assert outline(article) == [
        ("The Project Gutenberg eBook of The Quiet Mill", 2, "licence"),
        ("CHAPTER I.", 2, "body"),
        ("CHAPTER II.", 2, "body"),
        ("CHAPTER III.", 2, "body"),
        ("*** END OF THE PROJECT GUTENBERG EBOOK THE QUIET MILL ***", 2, "licence"),
    ]
    header = article.sections[0]
    assert header.blocks[-1] == Paragraph("*** START OF THE PROJECT GUTENBERG EBOOK THE QUIET MILL ***")
    assert article.sections[-1].blocks[-1] == Paragraph("START: FULL LICENSE")


def test_a_start_marker_split_over_two_lines_and_an_end_line_before_the_end_marker():
    header = HEADER.replace("EBOOK THE QUIET MILL ***", "EBOOK THE QUIET\nMILL ***")
    footer = "End of Project Gutenberg's The Quiet Mill, by Ann Example\n\n" + FOOTER
    article = parse(book(header, "The mill stood by the river.", footer))
    assert [s.role for s in article.sections] == ["licence", "body", "licence"]
    assert article.sections[1].blocks == [Paragraph("The mill stood by the river.")]
    assert article.sections[2].heading == "End of Project Gutenberg's The Quiet Mill, by Ann Example"


def test_an_older_header_closed_by_the_small_print_marker():
    header = "The Project Gutenberg Etext of Old Roads\n\nTitle: Old Roads\n\n*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*"
    article = parse(book(header, "Roads were few and poor.", "They went on foot."))
    assert article.title == "Old Roads"
    assert [s.role for s in article.sections] == ["licence", "body"]


# --- contents ----------------------------------------------------------------------------------


def test_a_contents_list_is_one_contents_section_that_ends_where_the_text_reaches_its_first_entry():
    contents = "CONTENTS\n\n    THE MILL, . . . . . . . 1\n    THE RIVER, . . . . . . 9\n    THE BRIDGE, . . . . . 17"
    text = book(contents, "CHAPTER I.\nTHE MILL.", PARAGRAPH, "CHAPTER II.\nTHE RIVER.", PARAGRAPH, "CHAPTER III.\nTHE BRIDGE.", PARAGRAPH)
    article = parse(text)
    assert outline(article) == [
        ("CONTENTS", 2, "contents"),
        ("CHAPTER I. THE MILL.", 2, "body"),
        ("CHAPTER II. THE RIVER.", 2, "body"),
        ("CHAPTER III. THE BRIDGE.", 2, "body"),
    ]
    assert article.sections[0].blocks == [
        Verse(("THE MILL, . . . . . . . 1", "THE RIVER, . . . . . . 9", "THE BRIDGE, . . . . . 17"))
    ]


def test_a_contents_list_of_chapter_numbers_ends_at_the_first_chapter_whatever_its_form():
    contents = "Contents\n\nCHAP. I.\n  Of Mills.\n\nCHAP. II.\n  Of Rivers.\n\nCHAP. III.\n  Of Bridges."
    text = book(contents, "Chapter I--Of Mills.", PARAGRAPH, "Chapter II--Of Rivers.", PARAGRAPH, "Chapter III--Of Bridges.", PARAGRAPH)
    assert body(parse(text)) == [("Chapter I--Of Mills.", 2), ("Chapter II--Of Rivers.", 2), ("Chapter III--Of Bridges.", 2)]


# --- book headings -----------------------------------------------------------------------------


def test_chapter_headings_in_their_many_forms():
    for first, second, third in (
        ("CHAPTER I.", "CHAPTER II.", "CHAPTER III."),
        ("Chapter 1", "Chapter 2", "Chapter 3"),
        ("CHAPTER ONE", "CHAPTER TWO", "CHAPTER THREE"),
        ("Chapter I--The Mill.", "Chapter II--The River.", "Chapter III--The Bridge."),
        ("CHAPTER I: THE MILL", "CHAPTER II: THE RIVER", "CHAPTER III: THE BRIDGE"),
        ("                CHAPTER I.", "               CHAPTER II.", "              CHAPTER III."),
        ("LETTER 1", "LETTER 2", "LETTER 3"),
        ("STAVE I.", "STAVE II.", "STAVE III."),
        ("CANTO I", "CANTO II", "CANTO III"),
        ("ADVENTURE I. THE MILL", "ADVENTURE II. THE RIVER", "ADVENTURE III. THE BRIDGE"),
    ):
        article = parse(book(first, PARAGRAPH, second, PARAGRAPH, third, PARAGRAPH))
        assert body(article) == [(first.strip(), 2), (second.strip(), 2), (third.strip(), 2)], first


def test_a_chapters_own_title_on_the_next_line_is_joined_to_it():
    text = book("CHAPTER I.\nDown the Rabbit-Hole", PARAGRAPH, "CHAPTER II.\n\nTHE POOL OF TEARS.", PARAGRAPH, "CHAPTER III", PARAGRAPH)
    assert body(parse(text)) == [
        ("CHAPTER I. Down the Rabbit-Hole", 2),
        ("CHAPTER II. THE POOL OF TEARS.", 2),
        ("CHAPTER III", 2),
    ]


def test_parts_above_chapters_and_named_parts_beside_them():
    text = book("PRELUDE.", PARAGRAPH, "BOOK I.\nMISS BROOKE.", "CHAPTER I.", PARAGRAPH, "CHAPTER II.", PARAGRAPH, "BOOK II.", "CHAPTER III.", PARAGRAPH, "FINALE.", PARAGRAPH)
    assert body(parse(text)) == [
        ("PRELUDE.", 2), ("BOOK I. MISS BROOKE.", 2), ("CHAPTER I.", 3), ("CHAPTER II.", 3),
        ("BOOK II.", 2), ("CHAPTER III.", 3), ("FINALE.", 2),
    ]  # fmt: skip


def test_a_transcribers_note_after_the_last_chapter_stands_beside_the_chapters():
    text = book("CHAPTER I.", PARAGRAPH, "CHAPTER II.", PARAGRAPH, "CHAPTER III.", PARAGRAPH, "Transcriber's Note", PARAGRAPH)
    assert body(parse(text))[-2:] == [("CHAPTER III.", 2), ("Transcriber's Note", 2)]
    text = book("PART I.", "CHAPTER I.", PARAGRAPH, "CHAPTER II.", PARAGRAPH, "PART II.", "CHAPTER III.", PARAGRAPH, "EDITOR’S NOTES.", PARAGRAPH)
    assert body(parse(text))[-2:] == [("CHAPTER III.", 3), ("EDITOR’S NOTES.", 2)]
    # `Editor's note: …` opening a web article is its title, not a division.
    assert parse("Editor's Note: We Are Changing Our Comment Policy\n\n" + PARAGRAPH).title == (
        "Editor's Note: We Are Changing Our Comment Policy"
    )


def test_acts_hold_scenes_and_ordinal_acts_are_acts():
    text = book("ACT I", "SCENE I. A street.", PARAGRAPH, "SCENE II. A hall.", PARAGRAPH, "ACT II", "SCENE I. A garden.", PARAGRAPH)
    assert body(parse(text)) == [("ACT I", 2), ("SCENE I. A street.", 3), ("SCENE II. A hall.", 3), ("ACT II", 2), ("SCENE I. A garden.", 3)]
    text = book("THE FIRST ACT", PARAGRAPH, "THE SECOND ACT", PARAGRAPH, "THE THIRD ACT", PARAGRAPH)
    assert body(parse(text)) == [("THE FIRST ACT", 2), ("THE SECOND ACT", 2), ("THE THIRD ACT", 2)]


def test_roman_numerals_alone_are_headings_when_they_count_up():
    text = book("I.", PARAGRAPH, "II.", PARAGRAPH, "III.", PARAGRAPH, "IV.", PARAGRAPH)
    assert body(parse(text)) == [("I.", 2), ("II.", 2), ("III.", 2), ("IV.", 2)]
    essays = book("I. HISTORY.", PARAGRAPH, "II. SELF-RELIANCE.", PARAGRAPH, "III. ART.", PARAGRAPH)
    assert body(parse(essays)) == [("I. HISTORY.", 2), ("II. SELF-RELIANCE.", 2), ("III. ART.", 2)]
    # Out of order, they are only numbered paragraphs' leftovers.
    assert body(parse(book("Some text here.", "IV.", PARAGRAPH, "II.", PARAGRAPH))) == []


def test_the_stories_of_a_collection_head_their_numbered_parts():
    story = lambda title: book(title, "I.", PARAGRAPH, "II.", PARAGRAPH, gap="\n\n\n\n")  # noqa: E731
    text = "\n\n\n\n".join(["TALES OF THE MILL", story("A Scandal in the Mill"), story("The Red River League"), story("The Last Bridge")])
    assert body(parse(text)) == [
        ("A Scandal in the Mill", 2), ("I.", 3), ("II.", 3),
        ("The Red River League", 2), ("I.", 3), ("II.", 3),
        ("The Last Bridge", 2), ("I.", 3), ("II.", 3),
    ]  # fmt: skip


def test_poem_titles_under_the_books_of_a_collection():
    poem = "  Come, said my soul,\n  Such verses for my body let us write,\n  That should I after return"
    text = book("BOOK I.  INSCRIPTIONS", "One's-Self I Sing", poem, "As I Ponder'd in Silence", poem, "BOOK II", "O Captain! My Captain!", poem, "BOOK III", "Starting Out", poem, gap="\n\n\n\n")
    assert body(parse(text)) == [
        ("BOOK I.  INSCRIPTIONS", 2), ("One's-Self I Sing", 3), ("As I Ponder'd in Silence", 3),
        ("BOOK II", 2), ("O Captain! My Captain!", 3), ("BOOK III", 2), ("Starting Out", 3),
    ]  # fmt: skip


def test_poem_titles_with_a_small_word_in_lower_case_or_a_note_in_brackets():
    poem = "  Come, said my soul,\n  Such verses for my body let us write,\n  That should I after return"
    text = book(
        "BOOK I.  INSCRIPTIONS", "The Mill below the Bridge", poem, "Roaming in Thought [After reading Hegel]", poem,
        "BOOK II", "Weave in, My Hardy Life", poem, "What Best I See in Thee\n  [To the miller, return'd from his tour]", poem,
        "BOOK III", "The miller went home", poem,
        gap="\n\n\n\n",
    )  # fmt: skip
    article = parse(text)
    assert body(article) == [
        ("BOOK I.  INSCRIPTIONS", 2), ("The Mill below the Bridge", 3), ("Roaming in Thought [After reading Hegel]", 3),
        ("BOOK II", 2), ("Weave in, My Hardy Life", 3), ("What Best I See in Thee", 3), ("BOOK III", 2),
    ]  # fmt: skip
    # The note under a title stays in the text, above the poem.
    note = next(s for s in article.sections if s.heading == "What Best I See in Thee").blocks[0]
    assert note == Paragraph("[To the miller, return'd from his tour]")


# --- not headings ------------------------------------------------------------------------------


def test_notes_dialogue_salutations_signatures_and_stage_directions_are_not_headings():
    text = book(
        "CHAPTER I.", "[Illustration: THE OLD MILL.]", "“Well?”", "“Oh!”", PARAGRAPH,
        "CHAPTER II.", "My Dear Sister,", PARAGRAPH, "Yours Ever,", "Robert Walton", "[Footnote 1: See above.]",
        "CHAPTER III.", " Enter Sampson and Gregory.", PARAGRAPH,
    )  # fmt: skip
    assert body(parse(text)) == [("CHAPTER I.", 2), ("CHAPTER II.", 2), ("CHAPTER III.", 2)]


def test_in_an_article_bracketed_and_quoted_lines_are_not_headings():
    text = "The Mill\n\nAll about the mill and its river.\n\n" + PARAGRAPH + "\n[Illustration: The Mill]\n\n“Why Not”\n\n" + PARAGRAPH
    assert body(parse(text)) == []


# --- plays -------------------------------------------------------------------------------------


def test_speakers_are_the_labels_of_their_speeches():
    cues = "\n\n".join(f"{name}.\nThis is what {name.lower()} says, and says again." for name in ["ROMEO", "JULIET"] * 6)
    text = book("ACT I", "SCENE I. A street.", cues, "SCENE II. A hall.", "MRS. UPJOHN.\n\nI think not, sir.", "ACT II", "SCENE I. A garden.", "ROMEO.\nHe jests at scars that never felt a wound.")
    article = parse(text)
    labelled = [(b.label, b.text) for s in article.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert labelled[:2] == [("ROMEO", "This is what romeo says, and says again."), ("JULIET", "This is what juliet says, and says again.")]
    assert ("MRS. UPJOHN", "I think not, sir.") in labelled
    assert body(article) == [("ACT I", 2), ("SCENE I. A street.", 3), ("SCENE II. A hall.", 3), ("ACT II", 2), ("SCENE I. A garden.", 3)]


# --- verse -------------------------------------------------------------------------------------

PROSE = "\n\n".join([PARAGRAPH.strip()] * 12)


def test_verse_keeps_its_lines_and_prose_is_joined():
    poem = "With gates of silver and bars of gold\nYe have fenced my sheep from their Father's fold;\nI have heard the dropping of their tears"
    article = parse(book("The Fold", "A poem and its story.", PROSE, poem, PARAGRAPH))
    blocks = [b for s in article.sections for b in s.blocks]
    assert Verse(tuple(poem.split("\n"))) in blocks
    assert Paragraph(" ".join(PARAGRAPH.split())) in blocks


def test_indented_verse_loses_only_its_common_indentation():
    poem = "     There is no great and no small\n     To the Soul that maketh all:\n       And where it cometh, all things are"
    article = parse(book("Essays", "By Someone Here", PROSE, poem))
    assert Verse(("There is no great and no small", "To the Soul that maketh all:", "  And where it cometh, all things are")) in article.sections[-1].blocks


# --- web copies --------------------------------------------------------------------------------

LONG = (
    "The council voted on Tuesday to close the old bridge to traffic for the whole of next year, "
    "after engineers found cracks in two of its arches and warned that repairs could take months."
)


def test_title_and_dek_on_consecutive_lines_then_byline_and_dateline():
    text = f"Bridge to Close for a Year\nEngineers found cracks in two arches.\nBy Ana Swanson\nNov. 19, 2019 8:03 am ET\n{LONG}\n\n{LONG}\n"
    article = parse(text)
    assert (article.title, article.subtitle) == ("Bridge to Close for a Year", "Engineers found cracks in two arches.")
    assert (article.author, article.date) == ("Ana Swanson", "Nov. 19, 2019 8:03 am ET")
    assert body(article) == []
    # The byline and dateline stay in the text.
    assert article.sections[0].blocks[:2] == [Paragraph("By Ana Swanson"), Paragraph("Nov. 19, 2019 8:03 am ET")]


def test_a_byline_with_its_date_on_one_line_is_neither_dek_nor_heading():
    for line, author in (
        ("Chris Davies - Nov 19, 2019, 8:15 pm CST", "Chris Davies"),
        ("LinkNaija October 06, 2018", None),
        ("Catherine Shu @catherineshu / 2 days", "Catherine Shu"),
    ):
        article = parse(f"Bridge to Close\n{line}\n\n{LONG}\n")
        assert (article.title, article.subtitle, article.author) == ("Bridge to Close", None, author), line
        assert body(article) == []


def test_page_furniture_is_never_a_heading_and_stays_in_the_text():
    furniture = ["Share", "Facebook", "Twitter", "Advertisement", "SUBSCRIBE", "Photo: Damian Dovarganes, AP", "0", "LinkedInFacebookTwitterEmailMore"]
    lines = ["Bridge to Close", LONG]
    for item in furniture:
        lines += ["", item, "", LONG]
    lines += ["", "(Reporting by Al Smith; Editing by Jo Lee)"]
    article = parse("\n".join(lines) + "\n")
    assert body(article) == []


def test_a_subheading_sticks_to_its_paragraph_and_a_caption_credit_does_not():
    text = (
        f"Bridge to Close\n\n{LONG}\n\nWhy the arches cracked after a century of traffic\n{LONG}\n\n"
        f"The old bridge in 1920.\nCity Archives/Getty Images\n{LONG}\n\nWhat Happens Next\n\n{LONG}\n"
    )
    assert body(parse(text)) == [("Why the arches cracked after a century of traffic", 2), ("What Happens Next", 2)]


def test_names_sitting_as_the_texts_headings_do_head_their_sections():
    """A deals page: each name right under the last line above, a blank line below, then prose; a
    coupon note after a blank line or a sponsor's sentence right under the name may come first.
    A long line naming an offer is no call to subscribe."""
    text = (
        f"Daily Deals for the Mill\n\n{LONG}\n"
        f"Kettle in Copper for $39.99\n\n{LONG}\nGet it at the mill shop for $39.99\n"
        f"Oak Bread Board for $12\n\n{LONG}\nGet it at the market for $12\n"
        f"Stone Flour Grinder with Two Wheels for $99\n\nUse code \"MILL10\"\n\n{LONG}\nGet it at the shop\n"
        f"Get River Maps for Free (Upgrade to the Atlas for $4.99/mo)\nThis sponsored deal is brought to you by Atlas.\n\n\n{LONG}\n"
        f"Get it at Atlas\n"
        f"The Valley Radio is Now Live, Sign up for the Valley, River and Hill Package and Save $5/Month\n\n{LONG}\n"
    )
    assert [h for h, _ in body(parse(text))] == [
        "Kettle in Copper for $39.99", "Oak Bread Board for $12", "Stone Flour Grinder with Two Wheels for $99",
        "Get River Maps for Free (Upgrade to the Atlas for $4.99/mo)",
        "The Valley Radio is Now Live, Sign up for the Valley, River and Hill Package and Save $5/Month",
    ]  # fmt: skip
    assert parse(f"Bridge to Close\n\n{LONG}\n\nSign up for our newsletter\n\n{LONG}\n").sections[0].blocks[1] == (
        Paragraph("Sign up for our newsletter")
    )


def test_a_lone_name_the_text_names_again_is_a_caption_not_a_heading():
    table = "Pos.    Name    Points\n1   Ann Miller  5040\n2   Tom Reed    5035\n3   Joe Stone   5033"
    text = f"River Race Standings\n\n{LONG}\n\n\nAnn Miller\n\nThe standings after 36 races:\n\n{table}\n"
    article = parse(text)
    assert body(article) == []
    assert article.sections[0].blocks[1] == Paragraph("Ann Miller")
    # A name the text does not name again, or one of several names heading sections, is a heading.
    assert body(parse(f"River Race Standings\n\n{LONG}\n\n\nAnn Miller\n\nThe standings after 36 races:\n")) == [("Ann Miller", 2)]
    text = f"River Race Standings\n\n{LONG}\n\nAnn Miller\n\n{LONG}\n\nTom Reed\n\n{LONG} Ann Miller and Tom Reed.\n"
    assert body(parse(text)) == [("Ann Miller", 2), ("Tom Reed", 2)]


def test_a_running_header_stays_text_and_a_title_broken_over_lines_is_joined():
    """A scanned report: the page header (read a little differently on each page by OCR) opens the
    text, then the cover's title over three lines, each but the last ending on `Of`, `And`."""
    header = "Confidential Draft // Do Not Copy // Mill Council Records"
    pages = [
        "Confidentia1 Draft // D0 Not C0py // Mill Counci1 Records",
        "Conficlential Draft // Do N0t Copy // Mi1l Council Recorcls",
        "Confidential Drafl // Do Not Copy // Mill Councii Records",
    ]
    text = f"{header}\n\nReport On The Closing Of\n\nThe Old Mill And\nIts River Bridge\n\n" + "".join(
        f"{page}\n\n{LONG}\n\n{LONG}\n\n" for page in pages
    )
    article = parse(text)
    assert article.title == "Report On The Closing Of The Old Mill And Its River Bridge"
    # The header stays in the text, where it opens the file and where it recurs.
    assert article.sections[0].blocks[:2] == [Paragraph(header), Paragraph(pages[0])]
    assert body(article) == []
    # A title line ending on another word stands alone.
    assert parse(f"How to Turn the Mill On\nThe Old Mill And Its River\n\n{LONG}\n").title == "How to Turn the Mill On"


def test_a_paragraph_opening_with_a_volumes_name_and_a_contents_entry_are_not_headings():
    para = f"{LONG} {LONG}"
    text = (
        f"Bridge Report\n\n{para}\n\nVolume I describes the cracks found in the two arches of the bridge\n"
        f"after the flood of the spring, and the repairs the engineers proposed.\n\n{para}\n\n"
        f"Events at the Council Meeting .................................... 123\n\n{para}\n\n"
        f"VOLUME II Repairs and Costs\n\n{para}\n"
    )
    assert body(parse(text)) == [("VOLUME II Repairs and Costs", 2)]


def test_a_dek_directly_followed_by_the_first_heading():
    text = f"Bridge to Close\n\nWhat the council decided and why it matters\n\nThe Decision\n\n{LONG}\n\nThe Cost\n\n{LONG}\n"
    article = parse(text)
    assert article.subtitle == "What the council decided and why it matters"
    assert body(article) == [("The Decision", 2), ("The Cost", 2)]


def test_paragraphs_one_per_line_without_blank_lines():
    """A short line between paragraphs heads a section; one over a short caption line is a photo's
    alt text; a pointer line under a heading belongs to the section."""
    para = f"{LONG} {LONG}"
    text = (
        f"Bridge to Close\n{para}\n{para}\nWhat Happens Next\n{para}\n"
        f"The old bridge seen from the river\nThe bridge in 1920, before the second arch was rebuilt.\n{para}\n"
        f"Later years\nFurther information: History of the bridge\n{para}\n"
    )
    article = parse(text)
    assert body(article) == [("What Happens Next", 2), ("Later years", 2)]
    assert article.sections[0].blocks == [Paragraph(para), Paragraph(para)]


def test_a_subheading_over_a_run_of_references_in_text_without_blank_lines():
    """At the margin over entries too long for a caption: a subheading; an indented entry of a list
    that happens to be short is an entry."""
    para = f"{LONG} {LONG}"
    entry = " Smith, Ann (2016). The Quiet Mill and Its River: A History of the Valley. Valley Press. Retrieved May 2, 2020."
    short = " See the Valley Press list of mill histories"
    wide = entry.strip()
    text = (
        "Bridge to Close\n" + f"{para}\n" * 12 + f"References\n{entry}\n{entry}\n{entry}\n{short}\n{entry}\n{entry}\n{entry}\n"
        f"Further reading\n{wide}\n{wide}\n{wide}\n"
    )
    assert body(parse(text)) == [("References", 2), ("Further reading", 2)]


def test_a_contents_box_names_the_headings_met_later_in_its_order():
    para = f"{LONG} {LONG}"
    text = (
        f"Old Bridge\nContents  hide\n(Top)\nHistory\nToggle History subsection\nDesign\nSee also\n\n{para}\n"
        f"History\n{para}\nEarly years\n{para}\nDesign\n{para}\nSee also\nOther bridges\n"
    )
    article = parse(text)
    assert article.title == "Old Bridge"
    assert (article.sections[0].heading, article.sections[0].role) == ("Contents  hide", "contents")
    assert body(article) == [("History", 2), ("Early years", 3), ("Design", 2), ("See also", 2)]


def test_numbered_headings_are_headings_not_lists_of_one():
    text = (
        f"Picking a Player\n\nA short guide in three questions.\n\n{LONG}\n\n1. Does the Player Fit the System?\n\n{LONG}\n\n"
        f"2. Can He Stay Healthy?\n\n{LONG}\n\n3. What Does He Cost?\n\n{LONG}\n"
    )
    assert body(parse(text)) == [("1. Does the Player Fit the System?", 2), ("2. Can He Stay Healthy?", 2), ("3. What Does He Cost?", 2)]


def test_key_points_intro_with_bullets_gives_the_takeaways():
    for intro in ("Key Points:", "Key points:", "KEY POINTS:"):
        text = f"Bridge to Close\n\n{LONG}\n\n{intro}\n- The bridge closes in May.\n- Repairs take a year.\n\n{LONG}\n"
        article = parse(text)
        assert article.takeaways == [Item(None, "The bridge closes in May."), Item(None, "Repairs take a year.")], intro


def test_key_points_intro_paragraph_in_a_section_gives_the_takeaways():
    from tui.model.article import Section
    from tui.parse.extract import extract

    section = Section("Summary", 2, [Paragraph("Key points:"), BulletList(False, (Item(None, "One."),)), Paragraph("Then prose.")])
    assert extract([section]) == ([Item(None, "One.")], [], [])


def test_wiki_headings_with_their_levels():
    text = f"Bridge\n\n{LONG}\n\n== History ==\n\n{LONG}\n\n=== Early years ===\n\n{LONG}\n\n==== The first arch ====\n\n{LONG}\n"
    assert body(parse(text)) == [("History", 2), ("Early years", 3), ("The first arch", 4)]


def test_title_case_questions_and_headings_set_off_by_two_blank_lines():
    text = (
        "Why Free Software\n\n\n" + PARAGRAPH + "\n\nWhat Is a Free Program?\n\n" + PARAGRAPH
        + "\n\n\nWho Am I?\n\n" + PARAGRAPH + "\n\nDid it rain?\n\n" + PARAGRAPH
    )  # fmt: skip
    assert body(parse(text)) == [("What Is a Free Program?", 2), ("Who Am I?", 2)]


def test_an_indented_passage_in_quotation_marks_is_a_quotation():
    quoted = '  "Nobody will use it if it is free, because that means\n   they can\'t rely on any support."\n  "You have to pay."'
    article = parse(book("Objections", "Some answers to them.", PARAGRAPH, quoted, PARAGRAPH))
    quote = next(b for s in article.sections for b in s.blocks if isinstance(b, Quote))
    assert quote == Quote.of(
        [
            Paragraph('"Nobody will use it if it is free, because that means they can\'t rely on any support."'),
            Paragraph('"You have to pay."'),
        ]
    )


def test_a_speech_in_verse_keeps_its_lines_under_the_speakers_label():
    speech = "CHORUS.\nTwo households, both alike in dignity,\nIn fair Verona, where we lay our scene,\nFrom ancient grudge break to new mutiny,"
    cues = "\n\n".join(f"{name}.\nThis is what {name.lower()} says, and says again." for name in ["ROMEO", "JULIET"] * 6)
    article = parse(book("ACT I", PROSE, speech, "SCENE I. A street.", cues, "ACT II", PARAGRAPH))
    blocks = article.sections[0].blocks
    index = blocks.index(Paragraph("", label="CHORUS"))
    assert blocks[index + 1] == Verse(tuple(speech.split("\n")[1:]))


# --- a report's contents and outline labels ----------------------------------------------------

REPORT_PROSE = (
    "The committee met on four occasions during the spring and heard evidence from officials of the\n"
    "harbour board, the water company and the county council, whose accounts are summarised here in\n"
    "the order in which they were given, with the documents they produced at each of the hearings.\n"
)


def report(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_a_reports_outline_labels_give_its_headings_levels():
    """Parts `I.`, sections `A.`, subsections `1.` and `a.`: the contents show which kind sits under
    which; the headings in the text take those depths, whatever the page furniture between the
    list's entries, a label misread (`Il.`), a heading broken over two lines or a label on the line
    above its title."""
    text = report(
        "Harbour Board Internal // Draft For Comment",
        "Harbour Board Inquiry Report",
        "Volume I of II",
        "Harbour Bcard Internal // Draft For Comment",
        "CONTENTS",
        "INTRODUCTION ........................................... 1",
        "I.  THE HEARINGS ....................................... 2",
        "A.  Evidence of the Harbour Board ..................... 3",
        "1.  The Dredging Contract and the Accounts Kept of It by the",
        "Board's Clerk ......................................... 4",
        "a.  Payments ........................................... 5",
        "b.  Receipts ........................................... 6",
        "ii",
        "Harbour Bcard Internal // Draft Fcr Comment",
        "2.  The Lighthouse ..................................... 7",
        "B.  Evidence of the Water Company ...................... 8",
        "Il.  FINDINGS .......................................... 9",
        "INTRODUCTION",
        REPORT_PROSE,
        "I.  THE HEARINGS",
        REPORT_PROSE,
        "A.  Evidence of the Harbour Board",
        REPORT_PROSE,
        "1.  The Dredging Contract and the Accounts Kept of It by the",
        "Board's Clerk",
        REPORT_PROSE,
        "a.  Payments",
        REPORT_PROSE,
        "b.  Receipts",
        REPORT_PROSE,
        "2.  The Lighthouse",
        REPORT_PROSE,
        "Harbour Board Internal // Draft Fcr Comrnent",
        "B.",
        "Evidence of the Water Company",
        REPORT_PROSE,
        "II.  FINDINGS",
        REPORT_PROSE,
    )
    article = parse(text)
    assert article.title == "Harbour Board Inquiry Report"
    assert [(s.heading, s.level) for s in article.sections if s.role == "contents"] == [("CONTENTS", 3)]
    assert body(article) == [
        ("Volume I of II", 2),
        ("INTRODUCTION", 3),
        ("I.  THE HEARINGS", 3),
        ("A.  Evidence of the Harbour Board", 4),
        ("1.  The Dredging Contract and the Accounts Kept of It by the Board's Clerk", 5),
        ("a.  Payments", 6),
        ("b.  Receipts", 6),
        ("2.  The Lighthouse", 5),
        ("B. Evidence of the Water Company", 4),
        ("II.  FINDINGS", 3),
    ]


def test_outline_depths_follow_the_order_the_kinds_appear_in():
    from tui.parse.outline_labels import outline_depths

    labels = [None, "I", "A", "1", "a", "i", "ii", "b", "2", "B", "II", "A", "1"]
    assert outline_depths(labels) == [0, 0, 1, 2, 3, 4, 4, 3, 2, 1, 0, 1, 2]
    # OCR's misreadings carry the numbering on: `11` for `ii`, `l` for `1`, `C` for `c`, `V` for `v`.
    assert outline_depths(["A", "1", "a", "b", "C", "i", "11", "iii", "iv", "V", "2"]) == [0, 1, 2, 2, 2, 3, 3, 3, 3, 3, 1]
    assert outline_depths(["A", "l", "a", "B", "I"]) == [0, 1, 2, 0, 1]


def test_a_title_ending_with_an_abbreviation_and_a_division_run_into_its_number():
    """`Songs of the Road, Etc.` titles a poem (the period is the abbreviation's); `BOOKIII.` is a
    book whose number the typist ran into the word."""
    verse = "  Over the hills the carts went slowly,\n  And the dust rose after them,\n  Into the evening air.\n"
    poem = lambda title: f"{title}\n\n{verse}"  # noqa: E731
    text = book(
        "BOOK I.  THE ROAD", poem("Morning Carts"), poem("Songs of the Road, Etc."),
        "BOOK II.  THE RIVER", poem("The Ferry"), poem("Low Water"),
        "BOOKIII.  THE HILLS", poem("Shepherds"), poem("Evening, Etc."),
        gap="\n\n\n\n",
    )  # fmt: skip
    assert body(parse(text)) == [
        ("BOOK I.  THE ROAD", 2), ("Morning Carts", 3), ("Songs of the Road, Etc.", 3),
        ("BOOK II.  THE RIVER", 2), ("The Ferry", 3), ("Low Water", 3),
        ("BOOKIII.  THE HILLS", 2), ("Shepherds", 3), ("Evening, Etc.", 3),
    ]  # fmt: skip


def test_an_emphasised_numbered_subheading_over_its_own_lettered_subheading():
    text = book(
        "1. TOOLS", PARAGRAPH, "(1) _Saws_", PARAGRAPH, "(2) _Files and Rasps_", "(a) Flat files", PARAGRAPH,
        "(3) _Drills_", PARAGRAPH, "2. MATERIALS", PARAGRAPH, "3. METHODS", PARAGRAPH, gap="\n\n",
    )  # fmt: skip
    assert body(parse(text)) == [
        ("1. TOOLS", 2), ("(1) _Saws_", 3), ("(2) _Files and Rasps_", 3), ("(3) _Drills_", 3),
        ("2. MATERIALS", 2), ("3. METHODS", 2),
    ]  # fmt: skip


def test_a_plays_title_page_and_errata_are_no_headings():
    """The lines of a title page and a cast list follow one another, never a paragraph: they do
    not weigh against the acts being the play's divisions. `Second Act:` over the notes it
    introduces is a run-in label."""
    speech = "MARY.\n\nI have waited here since morning, and the coach has not come, nor any word of it.\n"
    act = lambda name: book(name, speech, speech)  # noqa: E731
    text = book(
        "  THE\n\n  LONG\n\n             ROAD", "_A Comedy in Three Acts_", "_The Persons of the Play_\n\n  MARY\n  JOHN",
        act("THE FIRST ACT"), act("THE SECOND ACT"), act("THE THIRD ACT"),
        "ERRATA (noted by the editor)\n\nSecond Act:\n  the coach has not come\n    _text has no comma_", gap="\n\n\n\n",
    )  # fmt: skip
    assert body(parse(text)) == [("THE FIRST ACT", 2), ("THE SECOND ACT", 2), ("THE THIRD ACT", 2)]


def test_a_copyright_line_under_the_title_names_the_writer():
    text = "The Quiet Mill\n\nCopyright (C) 1998 Ann B. Example\n\n" + PARAGRAPH
    article = parse(text)
    assert (article.title, article.author, article.date) == ("The Quiet Mill", "Ann B. Example", "1998")
    # A firm holds the copyright of a wire story: no writer is named.
    firm = parse("The Quiet Mill\n\n© 1998 The Example Press\n\n" + PARAGRAPH)
    assert firm.author is None


def test_a_text_hard_wrapped_wide_keeps_its_paragraphs():
    """Lines of about 105 characters, each going on on the next: a PDF saved as text, hard-wrapped
    wider than usual, not a paragraph per line."""
    sentence = (
        "the harbour board heard evidence from the water company and the county council on the "
        "dredging of the channel and the accounts kept of it by the clerk"
    )
    words = sentence.split(" ")
    lines, line = [], ""
    for word in words * 6:
        if len(line) + len(word) + 1 > 106:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    lines.append(line + ".")
    paragraph = "\n".join(lines)
    text = f"Harbour Board Inquiry\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
    article = parse(text)
    blocks = [b for s in article.sections for b in s.blocks]
    assert len(blocks) == 4 and all(isinstance(b, Paragraph) for b in blocks)
    assert blocks[0].text == " ".join(lines)


def test_a_contents_named_heading_with_a_date_or_broken_in_lower_case():
    """A labelled heading the contents name is one even when it names a date; one broken over two
    lines, the second in lower case, is joined; a label whose title the page left out (`1.`) over
    the next labelled heading stays text."""
    text = report(
        "Harbour Board Inquiry Report",
        "CONTENTS",
        "I.  THE HEARINGS ....................................... 2",
        "A.  The Meeting of June 9, 2016 ........................ 3",
        "1.  ............................................ 4",
        "a.  Payments Made to the Dredging Company under the Contract of",
        "the Previous Year ....................................... 5",
        "b.  Receipts ........................................... 6",
        "II.  FINDINGS .......................................... 9",
        "I.  THE HEARINGS",
        REPORT_PROSE,
        "A.  The Meeting of June 9, 2016",
        REPORT_PROSE,
        "1.",
        "a.  Payments Made to the Dredging Company under the Contract of",
        "the Previous Year",
        REPORT_PROSE,
        "b.  Receipts",
        REPORT_PROSE,
        "II.  FINDINGS",
        REPORT_PROSE,
    )
    assert body(parse(text)) == [
        ("I.  THE HEARINGS", 2),
        ("A.  The Meeting of June 9, 2016", 3),
        ("a.  Payments Made to the Dredging Company under the Contract of the Previous Year", 5),
        ("b.  Receipts", 5),
        ("II.  FINDINGS", 2),
    ]


def test_a_rule_of_underscores_between_words_is_text_not_a_crash():
    """pytest's session lines (`_____ _____`) in a saved log: underscores around a line mark italics,
    and taking them off left no word to test as a division's first (IndexError)."""
    text = "A Log\n\n" + "".join(f"CHAPTER {n}\n\nSome words here.\n\n" for n in (1, 2, 3))
    article = parse_text(text + "_____ _____ _____\n\nMore words after the rule.\n", name="log.txt")
    assert [section.heading for section in article.sections] == ["CHAPTER 1", "CHAPTER 2", "CHAPTER 3"]
    assert "More words after the rule." in [block_text(block) for block in article.sections[-1].blocks]
