"""brief's fast block rules (tui/parse/markdown_blocks.py) make exactly markdown-it's tokens.

Two kinds of test: what CommonMark says of the cases the rules touch (paragraph continuation, each
block start that ends a paragraph, lazy lines in quotes and lists, setext underlines, lines starting
with `<`), written from the spec; and the token stream of brief's parser against the same parser
without the fast rules, on those cases and on documents hypothesis builds from the same pieces.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.footnote import footnote_plugin

from tui.model.article import BulletList, Item, Paragraph, Preformatted, Quote, Span, Table
from tui.parse import markdown as brief_markdown
from tui.parse import markdown_blocks
from tui.parse.markdown import parse_markdown
from tui.parse.markdown_blocks import use_fast_rules
from tui.parse.markdown_rules import add_rules


def _stock() -> MarkdownIt:
    """brief's block parser without the fast rules: markdown-it's own lheading, paragraph and chain."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "normalize"])
    md.use(footnote_plugin, inline=False, move_to_end=False)
    return add_rules(md)


STOCK = _stock()


def _whole(fast: bool) -> MarkdownIt:
    """A parser that renders HTML, inline rule and all, with brief's rules and with or without the fast ones."""
    md = add_rules(MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin))
    return use_fast_rules(md) if fast else md


WHOLE, WHOLE_STOCK = _whole(True), _whole(False)


def tree(tokens: list | None) -> list[tuple]:
    """Every token with its children, for comparing two parsers' output whole."""
    return [
        (t.type, t.tag, t.nesting, t.map, t.level, t.content, t.markup, t.info, t.hidden, dict(t.meta),
         dict(t.attrs), tree(t.children))
        for t in tokens or ()
    ]  # fmt: skip


def tokens(md: MarkdownIt, text: str) -> list[tuple]:
    env: dict = {}
    found = [
        (t.type, t.tag, t.nesting, t.map, t.level, t.content, t.markup, t.info, t.hidden, dict(t.meta), dict(t.attrs))
        for t in md.parse(text, env)
    ]
    return [*found, repr(env)]


def blocks(text: str) -> list:
    """The blocks of a document without headings (one untitled section)."""
    sections = parse_markdown(text).sections
    assert len(sections) == 1 and sections[0].heading is None, sections
    return sections[0].blocks


def headings(text: str) -> list[tuple[str | None, int]]:
    return [(section.heading, section.level) for section in parse_markdown(text).sections]


def test_the_fast_rules_are_in_place():
    names = brief_markdown._MD.block.ruler.get_active_rules()
    assert names[0] == "brief_dispatch" and names[-2:] == ["lheading", "paragraph"]
    assert brief_markdown._MD.block.ruler.getRules("")[-2:] == [
        markdown_blocks.setext_heading,
        markdown_blocks.paragraph,
    ]


# --- what CommonMark says ---------------------------------------------------------------------------


def test_lines_of_words_are_one_paragraph_and_an_indented_line_continues_it():
    assert blocks("one\ntwo\n    four spaces\n\t tab\n\nnext\n") == [
        Paragraph("one two four spaces tab"),
        Paragraph("next"),
    ]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("```\ncode\n```", Preformatted("code")),
        ("~~~\ncode\n~~~", Preformatted("code")),
        ("> quoted", Quote.of([Paragraph("quoted")])),
        ("- item", BulletList(False, (Item(None, "item"),))),
        ("* item", BulletList(False, (Item(None, "item"),))),
        ("+ item", BulletList(False, (Item(None, "item"),))),
        ("1. item", BulletList(True, (Item(None, "item"),))),
        ("1) item", BulletList(True, (Item(None, "item"),))),
        ("<div>\nblock\n</div>", Paragraph("block")),
        ("<!-- a comment -->\n<p>after</p>", Paragraph("after")),
        ("| a | b |\n|---|---|\n| 1 | 2 |", Table(("a", "b"), (("1", "2"),), (None, None))),
    ],
)
def test_each_kind_of_block_start_ends_a_paragraph(start, expected):
    assert blocks(f"A paragraph\nof two lines\n{start}\n") == [Paragraph("A paragraph of two lines"), expected]


@pytest.mark.parametrize("rule", ["***", "___", "- - -"])
def test_a_thematic_break_ends_a_paragraph(rule):
    assert blocks(f"Before the rule\n{rule}\nafter it\n") == [Paragraph("Before the rule"), Paragraph("after it")]


def test_a_hash_heading_ends_a_paragraph_and_a_footnote_definition_too():
    article = parse_markdown("Intro line\n## Part\nText[^n]\n[^n]: The note.\n")
    assert [(s.heading, s.level) for s in article.sections] == [(None, 2), ("Part", 2)]
    assert article.sections[0].blocks == [Paragraph("Intro line")]
    assert article.sections[1].blocks == [Paragraph("Text[1]"), Paragraph("[1] The note.")]


@pytest.mark.parametrize(
    "line",
    [
        "2. two",  # only a list starting at 1 may interrupt a paragraph
        "*",  # nor an empty item
        "#hashtag",  # no space after the hashes: not a heading
        "-not a list",
        "1.5 percent",
        "<span>inline</span>",  # an inline element cannot interrupt a paragraph
        "<custom-tag>",
        "``not a fence",
        "[^note] is not defined here",
        "a | b",  # a header row without a delimiter row under it
    ],
)
def test_lines_that_do_not_start_a_block_continue_the_paragraph(line):
    found = blocks(f"Words before\n{line}\nwords after\n")
    assert len(found) == 1 and isinstance(found[0], Paragraph), found
    assert found[0].text.startswith("Words before") and found[0].text.endswith("words after")


def test_a_run_of_lines_of_words_is_one_paragraph_up_to_the_header_row_of_a_table():
    """Lines of words, indented or not, continue the paragraph; the last of them, over a delimiter
    row, is a table's header row and starts the table."""
    text = "Words\nmore words\n  indented\n      deeper\nc | d\n|---|---|\n| 1 | 2 |\n"
    assert blocks(text) == [
        Paragraph("Words more words indented deeper"),
        Table(("c", "d"), (("1", "2"),), (None, None)),
    ]
    assert blocks("a\nb\nc\n- item\n") == [Paragraph("a b c"), BulletList(False, (Item(None, "item"),))]


def test_a_line_starting_with_less_than_is_an_html_block_only_for_block_tags():
    assert blocks("Text\n<div>inside</div>\n") == [Paragraph("Text"), Paragraph("inside")]
    inline = blocks("Text\n<b>bold</b> more\n")
    assert [block.text for block in inline] == ["Text bold more"]
    assert blocks("Text\n< 5 is less\n") == [Paragraph("Text < 5 is less")]


def test_setext_underlines_make_headings_of_every_line_above_them():
    article = parse_markdown("Title over\ntwo lines\n===\n\nSub over\ntwo lines\n---\n\ntext\n")
    assert article.title == "Title over two lines"  # the one `#`-level heading, before every other
    assert [(s.heading, s.level) for s in article.sections] == [("Sub over two lines", 2)]
    # Spaces after the underline are allowed, a space inside it is not, nor four spaces before it.
    article = parse_markdown("Head\n==  \t\n\nA\nB\n\n= =\n\ntext\n")
    assert article.title == "Head"
    assert article.sections[0].blocks == [Paragraph("A B"), Paragraph("= ="), Paragraph("text")]
    assert blocks("Not a head\n    ===\n") == [Paragraph("Not a head ===")]
    assert blocks("Not a head\n= =\n") == [Paragraph("Not a head = =")]
    # `---` under a paragraph is an underline, not a rule; `- - -` is a rule.
    assert headings("Text.\n\nHeading\n---\n") == [(None, 2), ("Heading", 2)]


def test_lazy_lines_continue_the_paragraph_of_a_quote_or_a_list_item():
    assert blocks("> quoted\nlazy line\n") == [Quote.of([Paragraph("quoted lazy line")])]
    assert blocks("- item\nlazy line\n") == [BulletList(False, (Item(None, "item lazy line"),))]
    # A lazy line cannot be a setext underline: it stays text.
    assert blocks("> quoted\n===\n") == [Quote.of([Paragraph("quoted ===")])]
    assert blocks("- item\n===\n") == [BulletList(False, (Item(None, "item ==="),))]


def test_a_setext_underline_inside_a_quote_and_a_list_makes_a_bold_line():
    bold = (Span(0, 4, "strong"),)
    assert blocks("> Head\n> ===\n> text\n") == [Quote.of([Paragraph("Head", bold), Paragraph("text")])]
    assert blocks("- Head\n  ---\n") == [BulletList(False, (Item(None, "Head", 0, bold),))]


def test_nested_quotes_keep_their_paragraphs_apart():
    text = "> one\n>> two\n>>> three\n>>>> four\n>>>> five\n\n"
    assert blocks(text) == [Quote.of([Paragraph("one"), Paragraph("two"), Paragraph("three"), Paragraph("four five")])]


def test_a_quote_twenty_deep_splits_at_each_deeper_line_down_to_the_fourth_level():
    """The benchmark's shape (`> quoted1`, `>> quoted2`, ... 20 markers): each line one quote deeper
    starts a paragraph; past the fourth marker the markers are cut to four, so the lines from the
    fourth on continue one paragraph. Twice, with a blank line between: two quotes."""
    one = "".join(">" * depth + f" quoted{depth}\n" for depth in range(1, 21))
    deepest = Paragraph(" ".join(f"quoted{depth}" for depth in range(4, 21)))
    quote = Quote.of([Paragraph("quoted1"), Paragraph("quoted2"), Paragraph("quoted3"), deepest])
    assert blocks(one + "\n" + one) == [quote, quote]
    # The same lines without their markers are one paragraph (their leading space goes).
    assert blocks(one.replace(">", "")) == [Paragraph(" ".join(f"quoted{depth}" for depth in range(1, 21)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A line with fewer markers, or none, continues the open paragraph lazily, however deep.
        ("> a\n>> b\nc\n> d\n", [Paragraph("a"), Paragraph("b c d")]),
        (">> a\n> b\n>>> c\n", [Paragraph("a b"), Paragraph("c")]),
        # Markers spaced or not, and one space after the last, are the same markers.
        ("> > a\n>> b\n> >c\n", [Paragraph("a b c")]),
        ("  > a\n   >> b\n", [Paragraph("a"), Paragraph("b")]),
        # A line that starts a block is not a lazy line: it ends the inner quote, not the outer one.
        ("> a\n>> b\n> - c\n", [Paragraph("a"), Paragraph("b"), BulletList(False, (Item(None, "c"),))]),
        ("> a\n>> b\n>     code\n", [Paragraph("a"), Paragraph("b code")]),
        ("> a\n>> b\n> ## c\n", [Paragraph("a"), Paragraph("b"), Paragraph("c", (Span(0, 1, "strong"),))]),
        # A marker with nothing after it is an empty line of the quote: it ends a paragraph.
        ("> a\n>\n>> b\n", [Paragraph("a"), Paragraph("b")]),
    ],
)
def test_nested_quotes_and_their_lazy_lines(text, expected):
    assert blocks(text) == [Quote.of(expected)]


def test_a_blank_line_ends_every_quote_and_lazy_text_after_the_quote_stays_in_it():
    assert blocks("> a\n>> b\n\n>>> c\n") == [
        Quote.of([Paragraph("a"), Paragraph("b")]),
        Quote.of([Paragraph("c")]),
    ]
    assert blocks(">>> a\nb\n\nc\n") == [Quote.of([Paragraph("a b")]), Paragraph("c")]


# --- the same tokens as markdown-it's own rules --------------------------------------------------------

CASES = [
    "para\n```\ncode\n```\n",
    "para\n> q\n",
    "para\n***\n",
    "para\n- item\n",
    "para\n2. item\n",
    "para\n1. item\n",
    "para\n<div>\n",
    "para\n<span>\n",
    "para\n# h\n",
    "para\n#h\n",
    "para\n[^1]: note\n",
    "para\n| a | b |\n|---|---|\n",
    "Foo\nbar\n===\n",
    "Foo\nbar\n---\n",
    "Foo\n    ===\n",
    "> a\n===\n",
    "> a\nb\n> c\n",
    "- a\nb\n  c\n- d\n",
    "> > a\n> b\nc\n\n",
    "1. a\n\n   b\n   ===\n",
    "[ref]: /url\npara\n",
    "\tpara\n\tline\n",
    "a\n\n\n  b\n===\n  - c\n    d\n",
    "> - a\n>   b\nc\n",
    "- > a\n  b\nc\n",
    "Foo\n= =\n",
    "Foo\n==\t\n",
    "text\n  <div>\n",
    "text\n    <div>\n",
    "",
    "\n\n",
    "no newline at the end",
    # Tabs after quote markers: their columns count from where the marker's space ends.
    "  >>\tx\n",
    ">\t\tcode\n",
    "> >\t- item\n>\t\tmore\n",
    ">> \n|---|---|\n> \tx\n",  # marks a quote changed are put back for the next quote to read
    # Runs of lines of words at the root, and what ends them.
    "a\nb\n  c\n      d\ne | f\n|---|---|\n",
    "a\nb\n\tc\n \td\nf\n===\n",
    "a\nb\nc\n2. d\n1. e\n",
    "a\nb\u00a0\n\u00a0c\nd\r\ne",
    # Quotes of lines of words (one pass for every depth) and lines that send them the long way.
    "> a\n>> b\n>>> c\n>>> d\n\n> e\n",
    "> a\n>> b\nc\n> d\n",
    "> > a\n> >b\n>>c\n",
    "   > a\n    > b\n\t> c\n",
    "> a\n>  b\n",
    "> a\n>\tb\n",
    "> a\n>> - b\n",
    "> a\n>> 1. b\n",
    "> a\n> b\n===\n",
    "> a\n> |---|\n",
    "> a | b\n> |---|---|\n",
    "> a\n>>\n",
    "> a\n> b",
    "> a\n\u00a0b\n",
    "- > a\n  >> b\n",
    "> - > a\n>   >> b\n",
    ">" * 25 + " deep\n" + ">" * 3 + " less\n",
]


@pytest.mark.parametrize("text", CASES)
def test_the_tokens_are_markdown_its_own(text):
    assert tokens(brief_markdown._MD, text) == tokens(STOCK, text)
    # With markdown-it's inline rule, which fills the children the fast rules leave None, the whole
    # tree and the HTML are markdown-it's own too.
    assert tree(WHOLE.parse(text)) == tree(WHOLE_STOCK.parse(text))
    assert WHOLE.render(text) == WHOLE_STOCK.render(text)


PIECES = [
    "words", "more words", "   three spaces", "    four", "\tcode", "", "", "===", "---", "- - -", "***",
    "___", "  ==  ", "= =", "-", "=", "==\t", "--- \t", "# h", "#no", "> quote", ">", "> > deep", "- item",
    "* item", "+ item", "1. one", "2) two", "0. zero", "-item", "```", "```py", "~~~", "<div>", "</div>",
    "<!-- c -->", "<span>x</span>", "<x-y>", "<pre>", "<?php", "<![CDATA[", "<!DOCTYPE", "[^1]: note",
    "[^1]", "[ref]: /url", "| a | b |", "|---|---|", "a | b", "-|-", ":-:|", "  - nested", "   > q",
    "  1. n", "\t- tab item", " \t> tq", "text  ", "x\\", "<", "1.", "*", "|", ">\tx", "> \tx", ">\t\tx",
    "  >\tx", ">>\tx", ">     code", "   >\t\tcode", "> >\t- i",
]  # fmt: skip
PREFIXES = ["", "", "", "> ", "- ", "  ", "1. ", ">> ", "    "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(PREFIXES), st.sampled_from(PIECES)), min_size=1, max_size=14),
    st.booleans(),
)
def test_documents_of_block_starts_get_markdown_its_own_tokens(lines, final_newline):
    text = "\n".join(prefix + piece for prefix, piece in lines) + ("\n" if final_newline else "")
    assert tokens(brief_markdown._MD, text) == tokens(STOCK, text)
    assert tree(WHOLE.parse(text)) == tree(WHOLE_STOCK.parse(text))


QUOTED_WORDS = ["words", "more words", "É", "x  ", "w *e*", "a\\", "- item", "1. one", "===", "|-|", "", "  lead"]
MARKERS = [">", "> ", ">", "> ", ">  ", ">\t", " >", "    >"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(MARKERS), max_size=6), st.sampled_from(QUOTED_WORDS)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["", "- ", "> ", "  "]),
)
def test_nested_quotes_of_words_get_markdown_its_own_tokens(lines, prefix):
    """Mostly lines of words under `>` markers, at any depth: what `_plain_quote` makes in one pass,
    and, where a line is not one (a list, a tab, an underline), what `blockquote` makes instead."""
    text = "\n".join(prefix + "".join(markers) + words for markers, words in lines) + "\n"
    assert tokens(brief_markdown._MD, text) == tokens(STOCK, text)
    assert tree(WHOLE.parse(text)) == tree(WHOLE_STOCK.parse(text))


def test_a_quote_of_words_is_made_in_one_pass_and_any_other_line_sends_it_the_long_way(monkeypatch):
    taken: list[bool] = []
    plain_quote = markdown_blocks._plain_quote

    def counted(state, start_line, end_line):
        taken.append(plain_quote(state, start_line, end_line))
        return taken[-1]

    monkeypatch.setattr(markdown_blocks, "_plain_quote", counted)
    for text, path in [
        ("> a\n>> b\n>>> c\nd\n", [True]),
        ("> a\n>> b\n>>> - c\n", [False, False, False]),  # each quote tried, none of words alone
        ("> a\n>  b\n", [False]),  # two spaces after a marker: maybe code
        ("> a\n\n> b\n", [True, True]),
    ]:
        taken.clear()
        assert tokens(brief_markdown._MD, text) == tokens(STOCK, text), text
        assert taken == path, text


def test_tokens_made_by_their_fields_are_the_ones_push_makes(monkeypatch):
    text = "# h\n\npara\nline\n\n> a\n>> b\n\nSub\n---\n"
    fast = tokens(brief_markdown._MD, text)
    monkeypatch.setattr(markdown_blocks, "_TOKENS_BY_FIELD", False)
    assert tokens(brief_markdown._MD, text) == fast == tokens(STOCK, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\nab>\r", max_size=40), st.sampled_from([1, 3, 7, markdown_blocks.LINES_AT_ONCE]))
def test_the_lines_are_marked_as_markdown_its_state_marks_them(text, at_once):
    """Whatever the spaces, tabs and blank lines, and wherever the text is cut to be split."""
    mine = StateBlock("", brief_markdown._MD, {}, [])
    original = markdown_blocks.LINES_AT_ONCE
    markdown_blocks.LINES_AT_ONCE = at_once
    try:
        markdown_blocks.mark_lines(mine, text)
    finally:
        markdown_blocks.LINES_AT_ONCE = original
    theirs = StateBlock(text, brief_markdown._MD, {}, [])
    for name in ("src", "bMarks", "eMarks", "tShift", "sCount", "bsCount", "lineMax"):
        assert getattr(mine, name) == getattr(theirs, name), name


def test_a_rule_the_chain_does_not_know_is_tried_on_every_line():
    """A plugin's terminating rule, unknown to the first-character index, still ends paragraphs."""
    seen: list[int] = []

    def bang_rule(state, start_line, end_line, silent):
        first = state.bMarks[start_line] + state.tShift[start_line]
        if state.src[first : first + 3] != "!!!":
            return False
        seen.append(start_line)
        if silent:
            return True
        state.line = start_line + 1
        state.push("bang", "hr", 0).map = [start_line, state.line]
        return True

    def with_bang(md: MarkdownIt) -> MarkdownIt:
        md.block.ruler.before("lheading", "bang", bang_rule, {"alt": ["paragraph"]})
        return md

    fast, stock = with_bang(brief_markdown._markdown_it()), with_bang(_stock())
    text = "para\n!!!\nmore\n"
    assert tokens(fast, text) == tokens(stock, text)
    assert [t[0] for t in tokens(fast, text)[:-1]] == [
        "paragraph_open", "inline", "paragraph_close", "bang", "paragraph_open", "inline", "paragraph_close",
    ]  # fmt: skip


def test_a_paragraph_in_a_container_looks_past_the_container_as_markdown_its_does():
    """markdown-it's `paragraph` scans to the end of the document (`lineMax`), not to the end line it
    is given, where `lheading` stops: a container that ends before a line of words sees its paragraph
    take that line. The fast rules keep that, although brief's own containers never show it."""

    def box_rule(state, start_line, end_line, silent):
        first = state.bMarks[start_line] + state.tShift[start_line]
        if state.src[first : state.eMarks[start_line]] != "!box":
            return False
        if not silent:
            state.push("box_open", "div", 1)
            state.md.block.tokenize(state, start_line + 1, min(start_line + 2, end_line))  # one line
            state.push("box_close", "div", -1)
        return True

    def with_box(md: MarkdownIt) -> MarkdownIt:
        md.block.ruler.before("code", "box", box_rule)
        return md

    fast, stock = with_box(brief_markdown._markdown_it()), with_box(_stock())
    text = "!box\ninside\nafter\n\nnext\n"
    assert tokens(fast, text) == tokens(stock, text)
    inline = [t for t in fast.parse(text, {}) if t.type == "inline"]
    assert [t.content for t in inline] == ["inside\nafter", "next"]


def test_quote_markers_past_the_fourth_go_whatever_spaces_and_tabs_stand_between_them():
    """The markers a line opens with, spaced or not, are cut to four; what follows the last stays."""
    text = "> one\n>> two\n> >\t> > >\t>  six\n>>>>>>> seven\n"
    # The third line is four deep: a quote inside "two"'s starts; the fourth continues it.
    assert blocks(text) == [Quote.of([Paragraph("one"), Paragraph("two"), Paragraph("six seven")])]
    assert brief_markdown._DEEPER_MARKERS.sub(">>>>", "> > > > > >   x\n>>>> y\n") == ">>>>   x\n>>>> y\n"
