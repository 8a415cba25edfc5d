"""Web pages: the article of real pages (titles and headings pinned by reading them), and the
element-to-model mapping on small pages written here."""

from __future__ import annotations

import gzip
import subprocess

import pytest
from lxml import html as lxml_html

from tests.e2e.tmux import installed_brief
from tests.web.conftest import HTML, need
from tui.model.article import BulletList, Paragraph, Quote, Span, Table, block_text
from tui.parse import parse_bytes
from tui.parse.page_anchors import readable_sections

# Read from each page: its headline, and the headings inside its article body.
PAGES = {
    "16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56": (
        "The law that’s helping fuel Delhi’s deadly air pollution",
        [
            "Why Delhi’s air pollution gets so bad this time of year",
            "Delhi’s air wasn’t always so bad. A water conservation law helped fuel the rise in pollution.",
            "Delhi officials are responding to the air pollution, but they are reluctant to take aggressive action",
            "Air pollution can be solved. Some cities have made great progress.",
        ],
    ),
    "1ace8c85aaee21b9d4505eca506d50c4721c29db62848b567a9703bfe0583892": (
        "New York State Attorney General reportedly investigating WeWork",
        [],
    ),
    "264dc3ae31249cb1f50c50986e0952a4708c2e705d18a2d8bf0e525da6e2b485": (
        "Zach Parise heating up, scores twice as Wild beat Sabres 4-1",
        [],
    ),
    "20b2b64916b00b25203c9f1bf14248922f4d522f18328e9f876cce116df0083e": (
        "Black Friday per nostalgici: le occasioni da non perdere",  # the <h1>, without the site's name
        [],
    ),
    "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f": (
        "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa",
        [],
    ),
    # Its only <h1> is the site's logo (엔터 미디어); the <title> names the article, before "- Entermedia".
    "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2": (
        "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유",
        [],
    ),
    # After the article: a promotion heading a list of the site's other stories.
    "08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56": (
        "Browns player on Mason Rudolph's role in fight with Myles Garrett: He asked for it",
        [],
    ),
    # After the article: a call to subscribe, then "Comments" over the comment counter.
    "0dd1357045727799a447563fd8851f4ebe79f042073ea16991a9b67aa595f81a": (
        "BREAKING: Lawan moves motion for Senate’s adjournment over Nzeribe, Adedoyin’s deaths",
        [],
    ),
    # After the review: "Tell us what YOU think..." over the comment counter.
    "30b771a40a4e96156d398716c877deef54b05d091770d2717c98e4c6b670010c": (
        "Bike & Style book with soundtrack review",
        [],
    ),
}


def corpus_page(name: str) -> bytes:
    return gzip.decompress(need(HTML / f"{name}.html.gz").read_bytes())


@pytest.mark.parametrize("name", PAGES)
def test_real_pages_title_and_headings(name):
    article = parse_bytes(corpus_page(name), name=f"{name}.html")
    title, headings = PAGES[name]
    assert article.format == "html"
    assert article.title == title
    assert [s.heading for s in article.sections if s.heading is not None] == headings


def test_a_real_page_keeps_its_metadata_levels_and_links():
    article = parse_bytes(
        corpus_page("16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56"), name="p.html"
    )
    assert article.author == "Umair Irfan"
    assert article.site == "Vox"
    assert article.date == "2019-11-08"
    # The page's description is its dek: it is not the article's opening repeated.
    assert article.subtitle == (
        "A policy to conserve water led to the rise of a major source of air pollution, making breathing "
        "Delhi’s air as bad as smoking 50 cigarettes."
    )
    assert {s.level for s in article.sections if s.heading} == {3}  # <h3>s, as the page wrote them
    assert ("canceled flights", "https://www.business-standard.com/article/current-affairs/"
            "delhi-pollution-37-flights-diverted-100-delayed-and-19-cancelled-119110300695_1.html") in article.links  # fmt: skip
    assert "Follow Vox online" not in str(article.sections)  # the site's navigation is not the article


def test_plain_page_html_piped_to_head_gives_the_article_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(corpus_page("16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56"))
    result = subprocess.run(
        f"{installed_brief()} --plain {page} | head -6", shell=True, capture_output=True, text=True, timeout=120
    )
    assert result.stderr == ""
    assert result.stdout.split("\n")[:4] == [
        "The law that’s helping fuel Delhi’s deadly air pollution",
        "========================================================",
        "",
        "A policy to conserve water led to the rise of a major source of air pollution,",
    ]


ARTICLE = """<!DOCTYPE html>
<html><head><title>Tide tables – Harbour News</title>
<meta name="description" content="{description}">
<meta property="og:site_name" content="Harbour News">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Tide tables</h1>
<p>The harbour master publishes the <a href="https://example.org/tides">tide tables</a> every
spring, and the fishermen read them <em>closely</em> before the season opens in April.</p>
<p>This year the tables show unusually high tides in <strong>March</strong> and again in September,
when the moon is nearest to the earth and the winds blow from the west.</p>
<h2>Why tides matter</h2>
<p>Boats leave at high water and return before the ebb; a wrong table strands a crew on the mud flats
for half a day, and the catch spoils in the sun while they wait.</p>
<ul><li>Check the table each morning</li><li>Listen to the forecast at noon</li></ul>
<blockquote><p>The sea does not wait for anybody, least of all for a late boat.</p></blockquote>
<h3>The old tables</h3>
<table><tr><th>Month</th><th>High tide</th></tr><tr><td>March</td><td>6.1 m</td></tr>
<tr><td>September</td><td>5.9 m</td></tr></table>
<p>The old tables were printed by hand in the harbour office until the printing press closed down
for good, and the fishermen kept them pinned inside the wheelhouse door.</p>
</article>
<footer>Copyright Harbour News. All rights reserved.</footer>
</body></html>
"""


def page(description: str = "Why this spring's tides are higher than usual.") -> bytes:
    return ARTICLE.format(description=description).encode("utf-8")


def test_a_page_becomes_sections_with_levels_and_blocks():
    article = parse_bytes(page(), name="tides.html")
    assert article.title == "Tide tables"  # the site's name is shown apart, not in the title
    assert article.site == "Harbour News"
    assert article.subtitle == "Why this spring's tides are higher than usual."
    assert [(s.heading, s.level) for s in article.sections] == [
        (None, 2),
        ("Why tides matter", 2),
        ("The old tables", 3),
    ]
    first = article.sections[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("The harbour master publishes the tide tables every spring, and")
    assert Span(33, 44, "link", "https://example.org/tides") in first.spans
    assert first.text[33:44] == "tide tables"
    assert any(s.style == "emphasis" and first.text[s.start : s.end] == "closely" for s in first.spans)
    kinds = [type(b) for b in article.sections[1].blocks]
    assert kinds == [Paragraph, BulletList, Quote]
    assert [i.text for i in article.sections[1].blocks[1].items] == [
        "Check the table each morning",
        "Listen to the forecast at noon",
    ]
    table = article.sections[2].blocks[0]
    assert isinstance(table, Table)
    assert table.header == ("Month", "High tide") and table.rows == (("March", "6.1 m"), ("September", "5.9 m"))
    assert article.links == [("tide tables", "https://example.org/tides")]
    assert "Copyright Harbour News" not in str(article.sections)


def test_a_description_repeating_the_opening_is_not_a_dek():
    repeated = "The harbour master publishes the tide tables every spring, and the fishermen read them…"
    assert parse_bytes(page(repeated), name="tides.html").subtitle is None


def test_html_is_sniffed_without_a_suffix_and_a_text_file_is_not():
    assert parse_bytes(page(), name=None).format == "html"
    assert parse_bytes(b"<b>bold</b> is how you write bold in HTML.\n", name="notes.txt").format == "text"


def test_a_tiny_page_is_read_whole_with_its_title():
    tiny = b"<html><head><title>Note</title></head><body><nav>Menu</nav><p>Back at five.</p></body></html>"
    article = parse_bytes(tiny, name="note.htm")
    assert article.title == "Note"
    assert "Back at five." in [b.text for s in article.sections for b in s.blocks][-1]


def test_escape_sequences_in_a_page_never_reach_the_terminal():
    hostile = page().replace(b"unusually high", b"unusually \x1b]52;c;aGk=\x07\x1b[31mhigh")
    article = parse_bytes(hostile, name="tides.html")
    text = "\n".join(block_text(b) for s in article.sections for b in s.blocks)
    assert "\x1b" not in text and "\x07" not in text and "unusually high" in text
    assert [s.heading for s in article.sections] == [None, "Why tides matter", "The old tables"]


def test_a_subheading_saying_what_the_description_says_is_the_dek():
    dek = "Why this spring's tides are higher than usual, and what the fishermen do about it."
    subheaded = page().replace(b"<h1>Tide tables</h1>", f"<h1>Tide tables</h1>\n<h2>{dek}</h2>".encode())
    article = parse_bytes(subheaded, name="tides.html")
    assert article.subtitle == dek  # the whole subheading, not the description cut short
    assert [s.heading for s in article.sections] == [None, "Why tides matter", "The old tables"]


def test_headings_that_head_no_text_are_the_pages_widgets_not_sections():
    widgets = b"<h2>Newsletter</h2>\n<h3>Thanks for signing up!</h3>\n<h3>Sorry!</h3>\n<h2>Why tides matter</h2>"
    article = parse_bytes(page().replace(b"<h2>Why tides matter</h2>", widgets), name="tides.html")
    assert [s.heading for s in article.sections] == [None, "Why tides matter", "The old tables"]


def test_a_site_name_holding_the_separator_is_still_taken_off_the_title():
    renamed = page().replace(
        b"<title>Tide tables \xe2\x80\x93 Harbour News</title>",
        b"<title>Tide tables - Harbour News - Stories of the coast</title>",
    )
    renamed = renamed.replace(b'content="Harbour News"', b'content="Harbour News - Stories of the coast"')
    article = parse_bytes(renamed.replace(b"<h1>Tide tables</h1>", b""), name="tides.html")
    assert article.title == "Tide tables"
    assert article.site == "Harbour News - Stories of the coast"


def test_real_pages_subheadings_become_the_dek_and_widget_headings_go():
    wsj = parse_bytes(corpus_page("042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856"), name="p.html")
    assert wsj.subtitle == (
        "There are more devices, platforms and services to choose from than ever before. "
        "Here’s how to figure out what’s best for your play habits and your wallet."
    )
    assert [s.heading for s in wsj.sections] == [None]
    cbs = parse_bytes(corpus_page("08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56"), name="p.html")
    assert (
        cbs.subtitle
        == "One member of the Browns' defense didn't hold back on Monday when asked about Thursday night's fight"
    )
    headings = [s.heading for s in cbs.sections]
    assert not {"Pick Six Newsletter", "Thanks for signing up!", "Sorry!"} & set(headings)
    assert cbs.sections[0].blocks[0].text.startswith("The Steelers spent Monday trying to distance themselves")


MANUAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Editor — Tool manual</title></head>
<body><div class="related" role="navigation"><ul><li><a href="../index.html">Tool manual</a></li></ul></div>
<div class="body" role="main"><section id="editor">
<h1>Editor<a class="headerlink" href="#editor" title="Permalink to this heading">¶</a></h1>
<p>The editor is where you write your programs, with colours, indentation and completion.</p>
<section id="menus"><h2>Menus<a class="headerlink" href="#menus" title="Permalink to this heading">¶</a></h2>
<p>The editor has two main window types, each with its own top menu, described below in turn.</p>
<section id="file-menu-shell-and-editor"><h3>File menu (Shell and Editor)<a class="headerlink" href="#file-menu-shell-and-editor">¶</a></h3>
<dl><dt>New File</dt><dd><p>Create a new file editing window, empty, titled untitled.</p></dd>
<dt>Open…</dt><dd><p>Open an existing file with an Open dialog, in a window of its own.</p></dd></dl>
</section></section>
<section id="editing-and-navigation"><h2>Editing and Navigation<a class="headerlink" href="#editing-and-navigation">¶</a></h2>
<p>Editing keeps a history of changes, so that every change can be undone and done again.</p>
</section></section></div>
<div class="sphinxsidebar" role="navigation"><h3>Navigation</h3><ul><li><a href="#">Index</a></li></ul></div>
</body></html>"""


def test_a_manual_keeps_its_menus_and_navigation_chapters_and_drops_the_permalink_signs():
    # Python's IDLE help lost "Menus" and "Editing and Navigation" (half the page): trafilatura
    # drops an element whose id says "menu" or "navigation", and Sphinx names sections by heading.
    article = parse_bytes(MANUAL.encode("utf-8"), name="editor.html")
    assert article.title == "Editor"
    assert [(s.heading, s.level) for s in article.sections if s.heading] == [
        ("Menus", 2),
        ("File menu (Shell and Editor)", 3),
        ("Editing and Navigation", 2),
    ]
    text = "\n".join(block_text(b) for s in article.sections for b in s.blocks)
    assert "Create a new file editing window, empty, titled untitled." in text
    assert "every change can be undone" in text and "¶" not in text
    # A link in a heading that says something stays, and an id that is not the heading's stays.
    tree = lxml_html.fromstring(
        '<div><section id="nav"><h2>Menus <a href="#menus">and keys</a><a href="#menus">#</a></h2></section></div>'
    )
    readable_sections(tree)
    assert tree.find("section").get("id") == "nav"
    assert tree.find("section/h2").text_content() == "Menus and keys"


def last_block_text(article) -> str:
    return block_text(article.sections[-1].blocks[-1])


def test_real_pages_end_with_their_article_not_the_widgets_after_it():
    cbs = parse_bytes(corpus_page("08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56"), name="p.html")
    assert last_block_text(cbs).endswith('so our focus has got to be on Cincinnati right now."')
    paradigm = parse_bytes(
        corpus_page("0dd1357045727799a447563fd8851f4ebe79f042073ea16991a9b67aa595f81a"), name="p.html"
    )
    assert last_block_text(paradigm).endswith("— The Nigerian Senate (@NGRSenate) October 9, 2018")  # the last tweet
    bikes = parse_bytes(corpus_page("30b771a40a4e96156d398716c877deef54b05d091770d2717c98e4c6b670010c"), name="p.html")
    assert "comments" not in [block_text(b) for s in bikes.sections for b in s.blocks]


def test_a_rule_drawn_as_a_heading_stays_in_the_text_and_is_no_section():
    ign = parse_bytes(corpus_page("287e4d9f4af31733aad6534aefb2bd00fb344ec8d6ebf1ac99dbc4d762da0ca4"), name="p.html")
    assert not [s.heading for s in ign.sections if s.heading and not any(c.isalnum() for c in s.heading)]
    blocks = [block_text(b) for s in ign.sections for b in s.blocks]
    rule = blocks.index("______________________________")
    assert blocks[rule + 1] == "Eric Song is IGN's deal curator and spends 25% of his pay on stuff he posts."


AFTER_THE_ARTICLE = b"""<h2><a href="https://harbour.example/newsletter">Sign up for the Harbour newsletter</a></h2>
<h3>More from the harbour</h3>
<ul><li><a href="https://www.harbour.example/boats">New boats this year</a> A look at the fleet</li>
<li><a href="/nets">Mending nets</a> How the old hands do it</li></ul>
<h3>Comments</h3><p><span class="count"></span> comments</p>
</article>"""


def with_tail(tail: bytes) -> bytes:
    canonical = b'<link rel="canonical" href="https://harbour.example/tides">\n<meta property="og:site_name"'
    return page().replace(b"</article>", tail).replace(b'<meta property="og:site_name"', canonical)


def test_promotions_story_lists_and_comment_counters_after_the_article_are_not_sections():
    article = parse_bytes(with_tail(AFTER_THE_ARTICLE), name="tides.html")
    assert [s.heading for s in article.sections] == [None, "Why tides matter", "The old tables"]
    assert last_block_text(article).startswith("The old tables were printed by hand")


def test_text_after_the_article_that_says_something_stays():
    sources = b"""<h3>Sources</h3>
<ul><li><a href="https://tides.example.org/2024">Tide tables 2024</a>, the national tide service</li>
<li><a href="https://almanac.example.com/">The fishermen's almanac</a></li></ul>
<h3>Is the harbour open in winter?</h3><p>Yes.</p>
<h3>Comments</h3><p><span class="count"></span> comments</p>
</article>"""
    article = parse_bytes(with_tail(sources), name="tides.html")
    # A list of other sites is the article's sources, and a one-word answer is a sentence: both
    # stay; only the comment counter after them goes.
    assert [s.heading for s in article.sections][-2:] == ["Sources", "Is the harbour open in winter?"]
    assert last_block_text(article) == "Yes."


ON_WALKING = """<html><head><title>On Walking - The Walker</title></head><body><article>
<h1>On Walking</h1>
<p>Walking is the oldest way to travel, and it remains the most honest one: every step is a small
negotiation with the ground, the weather and the body, and this essay is about what it teaches.</p>
<h2>The first day</h2>
<p>The first day was long and hot, and the path climbed more than the map had promised. By noon we
had finished the water, and by evening we had learnt to ration it.</p>
<h2>Epilogue</h2>
<p>We never returned</p>
<h2>Further reading</h2>
<ul><li><a href="https://thewalker.example/walking-in-winter">Walking in winter</a> by the same author</li>
<li><a href="https://thewalker.example/boots">Choosing boots</a>, a guide</li></ul>
<p>Source: <a href="https://news.example/story/1">News Example</a></p>
</article></body></html>"""


def test_a_saved_page_without_its_address_keeps_its_closing_sections():
    # Without the page's address no link is known to stay on its site, and a short closing line
    # with a capital is the article's: the reviewer's page lost all three of these.
    article = parse_bytes(ON_WALKING.encode("utf-8"), name="walking.html")
    assert [s.heading for s in article.sections][-3:] == ["The first day", "Epilogue", "Further reading"]
    assert [block_text(b) for b in article.sections[-2].blocks] == ["We never returned"]
    assert last_block_text(article) == "Source: News Example"


def test_a_logo_in_the_only_h1_is_not_the_title_the_title_element_names():
    logo = (
        page("Spring tides run higher this year, and the fishermen plan their season around them.")
        .replace("<title>Tide tables – Harbour News</title>".encode(), b"<title>Spring tides run higher this year - Harbour News</title>")
        .replace(b'<meta property="og:site_name" content="Harbour News">', b"")
        .replace(b"<nav>", b"<header><h1>The Harbour Gazette</h1></header><nav>")
        .replace(b"<h1>Tide tables</h1>", b"<dl><dt>Spring tides run higher this year</dt></dl>")
    )  # fmt: skip
    article = parse_bytes(logo, name="tides.html")
    assert article.title == "Spring tides run higher this year"
    # The headline repeated over the text is the title, not the article's first words.
    assert article.sections[0].blocks[0].text.startswith("The harbour master publishes the tide tables")


def test_a_title_the_page_shows_over_its_article_is_kept_whatever_the_title_element_says():
    seo = page("Spring tides run higher this year, and the fishermen plan their season around them.").replace(
        "<title>Tide tables – Harbour News</title>".encode(),
        b"<title>Spring tides run higher this year - Harbour News</title>",
    )
    assert parse_bytes(seo, name="tides.html").title == "Tide tables"


def test_tag_lines_after_the_text_go_and_the_articles_own_last_lines_stay():
    rumors = parse_bytes(corpus_page("232a43fb15abde807427b2a7bf4f772e27b8760554370956d8291df4e8166dbf"), name="p.html")
    # After it: "Related Roundup: MacBook Pro", "Tag: digitimes.com", "Buyer's Guide: MacBook Pro (Buy Now)".
    assert last_block_text(rumors) == (
        "The entry-level 13-inch MacBook Pro was last updated in July, while higher-end 13-inch models were "
        "refreshed in May."
    )
    kabar = parse_bytes(corpus_page("21486419bb109c5a62a68957f528e6ff29c92f58d8d3c1f2837c86ff3f3e11f9"), name="p.html")
    assert last_block_text(kabar) == "[Ni’matul Ukhuwah hal. 41]"  # not "Filed under: Khawarij |"


def test_a_tag_line_goes_but_a_source_or_a_copyright_line_stays():
    tags = b"""<p>Related: <a href="https://www.harbour.example/nets">Mending nets</a></p>
<p>Filed under: <a href="/tags/tides">tides</a> |</p>
</article>"""
    article = parse_bytes(with_tail(tags), name="tides.html")
    assert last_block_text(article).startswith("The old tables were printed by hand")
    # A source on another site, and a copyright line naming the site's home page, are the article's.
    source = b'<p>Source: <a href="https://tides.example.org/2024">the national tide service</a></p></article>'
    assert last_block_text(parse_bytes(with_tail(source), name="tides.html")) == "Source: the national tide service"
    copyright = b'<p>Copyright <a href="https://harbour.example/">harbour.example</a></p></article>'
    assert last_block_text(parse_bytes(with_tail(copyright), name="tides.html")) == "Copyright harbour.example"


def test_a_site_name_listing_its_topics_is_the_site_alone():
    racing = parse_bytes(corpus_page("11ea381ad92b5448cf66eae62f52ac565361a244c8881615fc6a7bb523cc0c32"), name="p.html")
    # Its <title>: "Classificação NASCAR | Autoracing | F1 | Indy | MotoGP | StockCar".
    assert (racing.title, racing.site) == ("Classificação NASCAR", "Autoracing")


def test_a_page_naming_its_site_only_in_its_title_element_has_that_site():
    korean = parse_bytes(corpus_page("0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2"), name="p.html")
    # <title>엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유 - Entermedia</title>, and no other name.
    assert (korean.site, korean.date) == ("Entermedia", "2018-08-25")
    assert korean.sections[0].blocks[0].text == "기사입력 :[ 2018-08-25 15:24 ]"  # the title's repeat is gone
