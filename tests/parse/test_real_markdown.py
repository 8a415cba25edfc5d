"""Eight real Markdown documents (../shared/corpus/real/, see its README for each one's traps).

Every expectation here was written by reading the document itself: its title, dek, headings with
their number of `#` (setext `===` is 1, `---` is 2), and a few strings that must survive: a link
target, a table cell, a footnote.
"""

from __future__ import annotations

import re

from tests.conftest import CORPUS, missing
from tests.parse.test_properties import assert_clean
from tui.model.article import Article, BulletList, Item, Paragraph, Preformatted, Quote, Span, Table, block_text
from tui.parse import load_path
from tui.reading.layout import Document

REAL = CORPUS / "real"


def load(name: str) -> Article:
    path = REAL / name
    if not path.is_file():
        missing(f"the real-document corpus is not at {path} (it lives in ../shared/corpus/, outside the repository)")
    article = load_path(path)
    assert article.format == "markdown"
    assert_clean(article)
    return article


def outline(article: Article) -> list[tuple[str | None, int]]:
    return [(section.heading, section.level) for section in article.sections if section.heading is not None]


def all_text(article: Article) -> str:
    return "\n".join(
        [article.title, article.subtitle or ""]
        + [section.heading or "" for section in article.sections]
        + [block_text(block) for section in article.sections for block in section.blocks]
    )


def blocks(article: Article, heading: str) -> list:
    return next(section.blocks for section in article.sections if section.heading == heading)


# --- go-proposal-45713-workspace.md: one `#` title, headings down to `#####` ------------------------


def test_go_proposal_title_and_outline():
    article = load("go-proposal-45713-workspace.md")
    assert article.title == "Proposal: Multi-Module Workspaces in cmd/go"
    assert article.subtitle is None
    # The byline under the title gives the author and date (its lines stay in the text).
    assert (article.author, article.date) == ("Michael Matloob", "2021-04-22")
    assert outline(article) == [
        ("Abstract", 2),
        ("Glossary", 2),
        ("Background", 2),
        ("Scope", 3),
        ("Tagging and releasing new versions of a module", 4),
        ("Building and testing a module with the user's configuration", 4),
        ("Proposal", 2),
        ("The -workfile flag", 3),
        ("The go.work file", 3),
        ("The go Directive", 4),
        ("The use directive", 4),
        ("The replace directive", 4),
        ("Semantics of workspace mode", 3),
        ("Creating and editing go.work files", 3),
        ("Syncing the workspace's buildlist back to workspace modules", 3),
        ("Rationale", 2),
        ("Workflows", 3),
        ("A change in one module that requires a change in another module", 4),
        ("Example", 5),
        ("Multiple modules in the same repository that depend on each other", 4),
        ("Example", 5),
        ("Switching between multiple configurations", 4),
        ("Workspaces in gopls", 4),
        ("A GOPATH-like setup", 4),
        ("The workfile flag", 3),
        ("The go.work file", 3),
        ("Semantics of workspace mode", 3),
        ("go.work.sum files", 3),
        ("Creating and editing go.work files", 3),
        ("Syncing requirements in workspace back to go.mod files", 3),
        ("Compatibility", 2),
        ("Implementation", 2),
        ("Related issues", 2),
        ("#32394 x/tools/gopls: support multi-module workspaces", 3),
        ("#44347 proposal: cmd/go: support local experiments with interdependent modules; then retire GOPATH", 3),
        ("#26640 cmd/go: allow go.mod.local to contain replace/exclude lines", 3),
        ("#39005 proposal: cmd/go: introduce a build configurations file", 3),
        ("Open issues", 2),
        ("Clearing replaces", 3),
        ("Preventing go.work files from being checked in to repositories", 3),
        ("Setting the GOWORK environment variable instead of -workfile", 3),
        ("Patterns and Anti-Patterns", 3),
        ("Future work", 2),
        ("Versioning and releasing dependent modules", 3),
        ("Listing the module versions in the workspace", 3),
    ]
    assert ("Go Modules Reference", "https://golang.org/ref/mod") in article.links
    lead = article.sections[0]
    assert lead.heading is None
    assert Paragraph("Discussion at https://golang.org/issue/45713.") in lead.blocks
    # A heading's link is its text, and its target is one of the article's links.
    assert ("#32394", "https://golang.org/issue/32394") in article.links


# --- rust-rfc-2094-nll.md: no title heading, a metadata list first ---------------------------------


def test_rfc_2094_has_no_title_heading_so_its_title_is_the_file_name():
    article = load("rust-rfc-2094-nll.md")
    assert article.title == "Rust Rfc 2094 Nll"
    levels = [level for _heading, level in outline(article)]
    # 9 `##`, 20 `###`, 14 `####`, 5 `#####` outside code blocks; `#[...]` lines in code are not headings.
    assert [levels.count(level) for level in (1, 2, 3, 4, 5, 6)] == [0, 9, 20, 14, 5, 0]
    assert outline(article)[:4] == [
        ("Summary", 2),
        ("Motivation", 2),
        ("What is a lifetime?", 3),
        (
            "Problem case #1: references assigned into a variable",
            3,
        ),
    ]
    assert outline(article)[-3:] == [
        ("Unresolved questions", 2),
        ("Appendix: What this proposal will not fix", 2),
        ("Endnotes", 2),
    ]
    metadata = article.sections[0].blocks[0]
    assert isinstance(metadata, BulletList)
    assert metadata.items[0] == Item("Feature Name", "nll")
    assert ("RFC 396", "https://github.com/rust-lang/rfcs/pull/396") in article.links


# --- rust-rfc-3498-lifetime-capture-rules-2024.md: tables and footnotes -----------------------------


def test_rfc_3498_tables_and_footnotes():
    article = load("rust-rfc-3498-lifetime-capture-rules-2024.md")
    assert article.title == "Rust Rfc 3498 Lifetime Capture Rules 2024"
    levels = [level for _heading, level in outline(article)]
    assert [levels.count(level) for level in (1, 2, 3, 4, 5)] == [0, 13, 16, 9, 0]
    matrix = [block for block in blocks(article, "Appendix B: Matrix of capturing effects") if isinstance(block, Table)]
    assert len(matrix) == 1
    assert matrix[0].header == ("", "2021: Outer LP", "2021: Item LP", "2024: Outer LP", "2024: Item LP")
    assert matrix[0].rows[0] == ("RPIT", "N", "N", "Y", "Y")
    assert matrix[0].rows[1] == ("async fn", "Y", "Y", "Y", "Y")
    assert matrix[0].rows[3] == ("TAIT", "N/A", "Y", "N/A", "Y")
    assert len(matrix[0].rows) == 7

    # The first footnote: its marker in the text, its note at the end of its section.
    capturing = blocks(article, "Capturing lifetimes")
    assert any(isinstance(block, Paragraph) and block.text.endswith("For example:[1]") for block in capturing), (
        "the reference is marked [1] where it was written"
    )
    assert isinstance(capturing[-1], Paragraph)
    assert capturing[-1].text == '[1] See "The Captures trick" for the definition of Captures.'
    assert ('"The Captures trick"', "#the-captures-trick") in article.links
    in_type_parameters = blocks(article, "Capturing lifetimes in type parameters")
    assert isinstance(in_type_parameters[-1], Paragraph)
    assert in_type_parameters[-1].text.startswith("[2] See ")
    assert "[2]" not in block_text(capturing[-1])


# --- rust-book-ch04-01-what-is-ownership.md: a `##` title, HTML tags and comments -------------------


def test_rust_book_chapter_opens_with_its_title_as_a_level_two_heading():
    article = load("rust-book-ch04-01-what-is-ownership.md")
    assert article.title == "What Is Ownership?"
    assert outline(article) == [
        ("Ownership Rules", 3),
        ("Variable Scope", 3),
        ("The String Type", 3),
        ("Memory and Allocation", 3),
        ("Variables and Data Interacting with Move", 4),
        ("Scope and Assignment", 4),
        ("Variables and Data Interacting with Clone", 4),
        ("Stack-Only Data: Copy", 4),
        ("Ownership and Functions", 3),
        ("Return Values and Scope", 3),
    ]
    text = all_text(article)
    assert "<!--" not in text
    assert "than those we covered in the “Data Types” section" in text  # `<!-- ignore -->` mid-sentence
    # `[Chapter 8][ch8]<!-- ignore -->.`: the comment leaves no space before the full stop, in the
    # text and as the reader shows it, with the link's number.
    assert "non-ownership aspects of String in Chapter 8." in text
    assert "(we’ll talk more about traits in Chapter 10). If a type" in text
    shown = [unit.text for unit in Document(article).units]
    assert any(re.search(r"aspects of String in Chapter 8\[\d+\]\.$", line) for line in shown)
    assert "<Listing" not in text and "</Listing>" not in text
    assert "Listing 4-1: A variable and the scope in which it is valid" in text
    # The sidebar quote keeps its heading as its first, bold line and its paragraphs apart.
    sidebar = next(block for block in article.sections[0].blocks if isinstance(block, Quote))
    assert sidebar.parts[0].text == "The Stack and the Heap"
    assert len([part for part in sidebar.parts if isinstance(part, Paragraph)]) > 3
    assert any(
        isinstance(block, Preformatted) and block.language == "rust" for block in blocks(article, "Variable Scope")
    )


# --- rich-CHANGELOG.md: one `#`, 193 versions, link references at the end ---------------------------


def test_rich_changelog_versions_and_their_kinds_of_change():
    article = load("rich-CHANGELOG.md")
    assert article.title == "Changelog"
    assert article.subtitle is None
    levels = [level for _heading, level in outline(article)]
    assert [levels.count(level) for level in (1, 2, 3, 4)] == [0, 193, 343, 0]
    assert outline(article)[:3] == [("[14.3.3] - 2026-02-19", 2), ("Fixed", 3), ("[14.3.2] - 2026-02-01", 2)]
    # `[0.3.0]` has a link reference definition at the end of the file, so it is a link (its text
    # shown, its target kept); `[14.3.3]` has none and keeps its brackets.
    assert outline(article)[-2:] == [("0.3.0 - 2020-01-19", 2), ("Added", 3)]
    assert ("0.3.0", "https://github.com/textualize/rich/compare/v0.2.0...v0.3.0") in article.links
    assert ("Keep a Changelog", "https://keepachangelog.com/en/1.0.0/") in article.links


# --- rust-blog 2018-12-06: YAML front matter ----------------------------------------------------------


def test_blog_post_title_and_author_come_from_its_front_matter():
    article = load("rust-blog-2018-12-06-rust-1.31-and-rust-2018.md")
    assert article.title == "Announcing Rust 1.31 and Rust 2018"
    assert article.author == "The Rust Core Team"
    assert article.subtitle is None
    front = article.sections[0]
    assert (front.heading, front.role) == ("Front matter", "front-matter")
    assert front.blocks == [BulletList(False, (Item("layout", "post"), Item("release", "true")))]
    assert [(h, level) for h, level in outline(article) if h != "Front matter"] == [
        ("What's in 1.31.0 stable", 2),
        ("Rust 2018", 3),
        ("Non-lexical lifetimes", 4),
        ("Module system changes", 4),
        ("More lifetime elision rules", 3),
        ("const fn", 3),
        ("New tools", 3),
        ("Tool lints", 3),
        ("Documentation", 3),
        ("Domain working groups", 3),
        ("New Website", 3),
        ("Library stabilizations", 3),
        ("Cargo features", 3),
        ("Contributors to 1.31.0", 2),
    ]
    assert ("get rustup", "https://www.rust-lang.org/tools/install") in article.links
    assert all(section.heading != "---" for section in article.sections)


# --- antirez-sds-README.md: setext headings only ------------------------------------------------------


def test_sds_setext_headings_are_levels_one_and_two():
    article = load("antirez-sds-README.md")
    # Several `===` headings: they are sections, so the title is the file name's. A reader takes the
    # first, "Simple Dynamic Strings", for the title; but a changelog whose first `#` is "Version
    # 2.0" looks the same to a parser, and the issue's rule keeps several `#` headings as sections.
    assert article.title == "Antirez Sds README"
    assert outline(article) == [
        ("Simple Dynamic Strings", 1),
        ("How SDS strings work", 1),
        ("Advantages and disadvantages of SDS", 1),
        ("SDS basics", 1),
        ("Creating SDS strings", 2),
        ("Obtaining the string length", 2),
        ("Destroying strings", 2),
        ("Concatenating strings", 2),
        ("Formatting strings", 2),
        ("Fast number to string operations", 2),
        ("Trimming strings and getting ranges", 2),
        ("String copying", 2),
        ("Quoting strings", 2),
        ("Tokenization", 2),
        ("Command line oriented tokenization", 2),
        ("String joining", 2),
        ("Error handling", 2),
        ("SDS internals and advanced usage", 1),
        ("Shrinking strings", 2),
        ("Manual modifications of SDS strings", 2),
        ("Sharing SDS strings", 2),
        ("Interactions with heap checkers", 2),
        ("Zero copy append from syscalls", 2),
        ("Embedding SDS into your project", 1),
        ("Using a different allocator for SDS", 1),
        ("Credits and license", 1),
    ]
    notes = blocks(article, "Simple Dynamic Strings")[0]
    # Unbalanced emphasis (`**NOT* binary compatible**`) keeps every word.
    assert "NOT" in notes.text and "binary compatible" in notes.text


# --- fastapi-README.md: HTML-heavy, no `#` title ------------------------------------------------------


def test_fastapi_readme_html_is_reduced_to_its_text():
    article = load("fastapi-README.md")
    # The document has no `#` and opens with its centred logo, <img alt="FastAPI">, where a reader
    # sees its title; under it, in <em>, the tagline: the dek.
    assert article.title == "FastAPI"
    assert article.subtitle == "FastAPI framework, high performance, easy to learn, fast to code, ready for production"
    assert outline(article)[:5] == [
        ("Sponsors", 2),
        ("Keystone Sponsor", 3),
        ("Gold Sponsors", 3),
        ("Silver Sponsors", 3),
        ("Opinions", 2),
    ]
    assert ("Typer, the FastAPI of CLIs", 2) in outline(article)
    typer = next(section for section in article.sections if section.heading == "Typer, the FastAPI of CLIs")
    assert typer.heading_spans == (Span(0, 5, "strong"),)  # `## **Typer**, the FastAPI of CLIs`
    assert ("About FastAPI Cloud", 4) in outline(article)
    assert outline(article)[-1] == ("License", 2)
    lead = article.sections[0].blocks
    # After the logo and the tagline (the title and the dek), the badges' alt texts, then the links.
    assert lead[0] == Paragraph("Test Coverage Package version Supported Python versions")
    assert block_text(lead[1]) == "Documentation: https://fastapi.tiangolo.com"
    text = all_text(article)
    for tag in ("<p", "<a ", "<img", "<details", "<summary", "<!--", "<div", "<small"):
        assert tag not in text
    # The <details> block's summary is its first line; the Markdown inside it is kept.
    run_it = blocks(article, "Create it")
    summary = next(i for i, block in enumerate(run_it) if block_text(block) == "Or use async def...")
    assert block_text(run_it[summary + 1]) == "If your code uses async / await, use async def:"
    console = [b for b in blocks(article, "Installation") if isinstance(b, Preformatted)]
    assert any("---> 100%" in block.text for block in console)
