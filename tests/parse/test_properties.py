"""Property tests: the parser never breaks on odd input, and no word of the input is lost."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.html_re import HTML_TAG_RE

from tui.model.article import Article, BulletList, block_text
from tui.model.errors import BinaryInput, EmptyInput, InputError
from tui.parse import parse_bytes, parse_text
from tui.parse.pages import MAX_HEADER_LINES
from tui.parse.sanitize import sanitize

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Every C0 and C1 control character but newline and tab (ESC among them), and DEL.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

WORD = re.compile(r"[^\W_]+")
# In Markdown `un*frigging*believable` reads as one word: these marks are not word boundaries there.
MARKDOWN_WORD = re.compile(r"(?:[^\W_]|[*_`~\\])+")
JOINERS = re.compile(r"[*_`~\\]")
MARKDOWN = MarkdownIt("commonmark")

# Structure, not words, so not counted in the input:
# - the numbers of ordered-list markers, exactly the markers the plain parser reads;
PLAIN_NUMBER_MARKER = re.compile(r"^([ \t]*)\d{1,3}[.)](?=[ \t]+\S)", re.M)
# - in Markdown, every container a line opens (`> 1. 2. text` opens three);
MARKDOWN_CONTAINERS = re.compile(r"^[ \t]*(?:(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]*)+", re.M)
# - the label of a reference link (`[text][label]`, `[label]: url`), which names the link;
REFERENCE_LABEL = re.compile(r"(?<=\])\[[^\[\]\n]*\]|^[ ]{0,3}\[[^\[\]\n]+\]:", re.M)
# - a code fence's info string (```python), which names the language of the block;
FENCE_INFO = re.compile(r"^([ \t]*(?:(?:[-*+>]|\d{1,9}[.)])[ \t]*)*(?:`{3,}|~{3,}))[^`\n]*$", re.M)
# - HTML tags and comments, which are markup (an image's alt text is a word, and kept);
IMAGE_ALT = re.compile(r"<img\b[^>]*?\balt=\"([^\"]*)\"[^>]*>", re.I)
# - a footnote's label (`[^note]`), which the text shows as its number;
HTML_MARKUP = re.compile(HTML_TAG_RE.pattern.lstrip("^"))  # markdown-it-py 3 anchors it, 4 does not
FOOTNOTE_LABEL = re.compile(r"\[\^[^\]\s]+\]")
FOOTNOTE_DEFINITION = re.compile(r"^[ ]{0,3}\[\^[^\]\s]+\]:[ \t]*", re.M)  # its text starts a line
# - the names of the front-matter fields the article keeps as its title, dek, author and date.
FRONT_MATTER_FIELD = re.compile(r"^(?:title|description|summary|subtitle|author|date)[ \t]*[:=]", re.M)


def normalised(text: str) -> str:
    """The text as the parser sees it after decoding: one kind of line ending, no controls."""
    return sanitize(text.replace("\r\n", "\n").replace("\r", "\n"))


def article_strings(article: Article) -> list[str]:
    """Every piece of text the model holds."""
    strings = [article.title, article.subtitle or "", article.format, article.encoding, article.source or ""]
    for section in article.sections:
        strings.append(section.heading or "")
        for block in section.blocks:
            if isinstance(block, BulletList):
                for item in block.items:
                    strings += [item.label or "", item.text]
            else:
                strings.append(block_text(block))  # a speaker's label with the speech
    for item in [*article.takeaways, *article.pros, *article.cons]:
        strings += [item.label or "", item.text]
    for text, target in article.links:
        strings += [text, target]
    return strings


INLINE_LINK = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(([^()\s]*)\)")


def words(text: str, format: str) -> Counter[str]:
    """Words of `text`; in Markdown, emphasis, code and escape marks join the letters around them."""
    if format == "markdown":
        return Counter(filter(None, (JOINERS.sub("", w) for w in MARKDOWN_WORD.findall(text))))
    return Counter(WORD.findall(text))


def model_words(article: Article) -> Counter[str]:
    """Words of the reader-visible text: title, dek, headings, blocks, items, and Markdown link targets."""
    parts = [article.title, article.subtitle or "", article.author or "", article.date or ""]
    for section in article.sections:
        parts.append(section.heading or "")
        for block in section.blocks:
            if isinstance(block, BulletList):
                for item in block.items:
                    parts += [item.label or "", item.text]
            else:
                parts.append(block_text(block))
    if article.format == "markdown":
        # markdown-it percent-encodes targets (and punycodes host names); read them as a person would.
        parts += [MARKDOWN.normalizeLinkText(target) for _text, target in article.links]
    return words("\n".join(parts), article.format)


def input_words(text: str, format: str) -> Counter[str]:
    """Words of the sanitised input, without the numbers of ordered-list markers."""
    text = normalised(text)
    if format == "markdown":
        text = without_front_matter_fields(text)
        text = IMAGE_ALT.sub(r" \1 ", text)
        text = HTML_MARKUP.sub(" ", text)
        text = FOOTNOTE_DEFINITION.sub("", text)
        text = FOOTNOTE_LABEL.sub(" ", text)
        text = FENCE_INFO.sub(r"\1", text)
        text = REFERENCE_LABEL.sub(" ", text)
        # A link's text runs on into what follows it (`[0]()0` reads "00"); a link without text shows its
        # target between spaces instead. Targets are counted apart, as the model's links are.
        targets = [match.group(2) for match in INLINE_LINK.finditer(text)]
        text = INLINE_LINK.sub(lambda m: m.group(1) if m.group(1).strip() else " ", text)
        text += "\n" + "\n".join(targets)
        text = MARKDOWN_CONTAINERS.sub(lambda m: re.sub(r"\d", "", m.group()), text)
    else:
        text = PLAIN_NUMBER_MARKER.sub(r"\1", text)
    return words(text, format)


def without_front_matter_fields(text: str) -> str:
    """`text` with the names of the known front-matter fields taken out of its front matter."""
    for fence in ("---\n", "+++\n"):
        if text.startswith(fence):
            end = text.find("\n" + fence[:3], 3)
            if end > 0:
                return FRONT_MATTER_FIELD.sub(" ", text[:end]) + text[end:]
    return text


RULE = re.compile(r"([=\-~*#^])\1*")
BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def repeated_front_matter(text: str, article: Article) -> Counter[str]:
    """Words of a repeated title or dek line, which the plain parser drops by design, and of a
    Markdown heading that says the front matter's `title:` again (shown once, as the title)."""
    if article.format == "markdown":
        return repeated_markdown_title(text, article)
    if article.format != "text":
        return Counter()
    # Lines, not blank-line blocks: a text with one paragraph a line repeats its title on the next line.
    # A line that only underlines the title (`=====`, no word in it) does not stand between the two.
    chunks = [
        line.strip() for line in normalised(text).split("\n") if line.strip() and not RULE.fullmatch(line.strip())
    ]
    dropped: Counter[str] = Counter()
    index = 0
    for number, line in enumerate((article.title, article.subtitle)):
        # A title broken over lines ("The Report on the" / "Investigation") is joined by the parser,
        # and may come after a page's running header (up to three lines that recur further on).
        starts = range(index, index + 1 + (MAX_HEADER_LINES if number == 0 else 0))
        found = next(
            (
                (start, n)
                for start in starts
                for n in (1, 2, 3)
                if line is not None and " ".join(chunks[start : start + n]) == line
            ),
            None,
        )
        if found is None:
            break
        index = found[0] + found[1]
        if chunks[index : index + 1] == [line]:
            dropped += Counter(WORD.findall(line))
            index += 1
    return dropped


def repeated_markdown_title(text: str, article: Article) -> Counter[str]:
    if article.title is None or not text.startswith("---\n"):
        return Counter()
    same = " ".join(article.title.casefold().split())
    matter, _, body = text[4:].partition("\n---\n")
    said = [line[6:] for line in matter.split("\n") if line.startswith("title:")]
    heading = [line.lstrip("#") for line in body.split("\n") if line.startswith("#")]
    if said and heading and " ".join(said[0].casefold().split()) == same == " ".join(heading[0].casefold().split()):
        return Counter(WORD.findall(article.title))
    return Counter()


def assert_no_word_lost(text: str, article: Article) -> None:
    missing = input_words(text, article.format) - repeated_front_matter(text, article) - model_words(article)
    assert not missing, f"words lost ({article.format}): {dict(missing)}"


def assert_clean(article: Article) -> None:
    for string in article_strings(article):
        assert FORBIDDEN.search(string) is None, f"control character left in {string!r}"


# Arbitrary text, with the characters that make trouble made likely.
NASTY = st.sampled_from(
    [
        "\x1b", "\x1b[", "\x1b]", "\x1b\\", "\x07", "\x9b", "\x9c", "\x9d", "\x90", "\x08", "\x00", "\r",
        "\r\n", "\n", "\n\n", "\t", "[bold]", "[/]", "# ", "## ", "- ", "• ", "1. ", "1) ", "**", "*", "_",
        "`", "```", "> ", ":", "Pros:", "Cons:", "Key Takeaways", "CHAPTER I", "BOOK TWO", "| a |", "---",
    ]
)  # fmt: skip
ARBITRARY = st.lists(st.one_of(st.text(), NASTY), max_size=30).map("".join)


@SETTINGS
@given(text=ARBITRARY, name=st.sampled_from([None, "article.txt", "article.md"]))
@example(text="", name=None)
@example(text=" \n\t\r\n ", name=None)
@example(text="\x1b[31m\x07\x9b\n", name="a.txt")
def test_parse_text_raises_only_empty_input_and_leaves_no_controls(text: str, name: str | None) -> None:
    blank = not normalised(text).strip()
    try:
        article = parse_text(text, name=name)
    except EmptyInput:
        assert blank
        return
    assert not blank
    assert_clean(article)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=400), ARBITRARY.map(lambda s: s.encode("utf-8", "surrogatepass"))))
@example(data=b"")
@example(data=b"\xef\xbb\xbf \r\n")
@example(data=b"\xff\xfe\x00")
@example(data=b"abc\x00def")
def test_parse_bytes_raises_only_input_errors_and_leaves_no_controls(data: bytes) -> None:
    try:
        article = parse_bytes(data, name="article.txt")
    except InputError as error:
        assert error.where == "article.txt"
        if isinstance(error, EmptyInput):
            assert error.reason == "file is empty"
        elif isinstance(error, BinaryInput):
            assert error.reason.startswith("binary file (")
        else:
            assert error.reason
        return
    assert_clean(article)


@SETTINGS
@given(text=ARBITRARY, name=st.sampled_from([None, "article.txt", "article.md"]))
def test_no_word_of_arbitrary_text_is_lost(text: str, name: str | None) -> None:
    if not normalised(text).strip():
        return
    article = parse_text(text, name=name)
    assert_no_word_lost(text, article)


# Article-shaped text: the layouts brief is built for, in plain text and in Markdown.
LETTERS = "abcdefghijklmnopqrstuvwxyzéüßñøжд"
word = st.text(alphabet=LETTERS + LETTERS.upper() + "0123456789", min_size=1, max_size=9)
lower_word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
title_word = st.builds(lambda w: w[:1].upper() + w[1:], lower_word)
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join).map(lambda s: s + sentence_end(s))
heading = st.lists(title_word, min_size=1, max_size=5).map(" ".join)
label = st.lists(word, min_size=1, max_size=4).map(" ".join)


def sentence_end(s: str) -> str:
    return "." if len(s) % 3 else "?"


def wrapped(text: str, width: int) -> str:
    """Hard-wrap `text` at `width` columns, as editors do."""
    lines: list[str] = []
    line = ""
    for w in text.split(" "):
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "\n".join(lines)


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    text = " ".join(draw(st.lists(sentence, min_size=1, max_size=6)))
    return wrapped(text, draw(st.integers(30, 80)))


@st.composite
def plain_list(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["•", "◦", "‣", "-", "*", "1.", "1)"]))
    indent = draw(st.sampled_from(["", "  ", "    "]))
    lines = []
    for number in range(1, draw(st.integers(1, 5)) + 1):
        item_marker = marker.replace("1", str(number))
        text = draw(sentence)
        if draw(st.booleans()):
            text = f"{draw(label)}: {text}"
        nested = draw(st.booleans()) and number > 1
        lines.append(f"{indent}{'    ' if nested else ''}{item_marker} {text}")
    return "\n".join(lines)


@st.composite
def plain_article(draw: st.DrawFn) -> str:
    chunks = [draw(heading)]
    if draw(st.booleans()):
        chunks.append(chunks[0])  # a repeated title line
    if draw(st.booleans()):
        chunks.append(draw(st.lists(word, min_size=2, max_size=10).map(" ".join)))  # the dek
        if draw(st.booleans()):
            chunks.append(chunks[-1])
    chunks.append(draw(paragraph()))
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["heading", "caps", "intro", "paragraph", "list", "book"]))
        if kind == "heading":
            chunks.append(draw(heading))
        elif kind == "caps":
            chunks.append(draw(heading).upper())
        elif kind == "intro":
            chunks += [draw(st.sampled_from(["Pros:", "Cons:", "Key Takeaways:", "Advantages:"])), draw(plain_list())]
        elif kind == "paragraph":
            chunks.append(draw(paragraph()))
        elif kind == "list":
            chunks.append(draw(plain_list()))
        else:
            chunks.append(draw(st.sampled_from(["CHAPTER IV", "Chapter 2", "PART TWO", "BOOK ONE: 1805", "EPILOGUE"])))
        if draw(st.booleans()):
            chunks.append(draw(paragraph()))
    separator = draw(st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\r\n\r\n"]))
    return separator.join(chunks) + "\n"


@st.composite
def inline_markdown(draw: st.DrawFn) -> str:
    parts = []
    for w in draw(st.lists(word, min_size=1, max_size=12)):
        style = draw(st.sampled_from(["", "", "", "*", "**", "_", "`", "~~", "link", "empty-link", "image", "html"]))
        if style == "link":
            parts.append(f"[{w}](https://{draw(lower_word)}.example/{draw(word)})")
        elif style == "empty-link":
            target = draw(st.sampled_from(["", f"https://{draw(lower_word)}.example/"]))
            parts.append(f"{w}[]({target}){draw(word)}")
        elif style == "image":
            parts.append(f"![{w}]({draw(lower_word)}.png)")
        elif style == "html":
            tag = draw(st.sampled_from(["span", "b", "em", "kbd", "sup"]))
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            f"<{tag}>{w}</{tag}>",
                            # A tab between attributes: wrapping (at spaces) never splits a tag.
                            f'<{tag}\tclass="{draw(lower_word)}">{w}</{tag}>',
                            f'<img\tsrc="{draw(lower_word)}.png"\talt="{w}">',
                            f"{w}<br>{draw(word)}",
                            f"{w}<!-- {draw(word)} -->",
                        ]
                    )
                )
            )
        else:
            parts.append(f"{style}{w}{style[::-1]}")
    return " ".join(parts) + "."


@st.composite
def markdown_list(draw: st.DrawFn) -> str:
    ordered = draw(st.booleans())
    lines = []
    for number in range(1, draw(st.integers(1, 5)) + 1):
        marker = f"{number}." if ordered else draw(st.sampled_from(["-", "*", "+"]))
        text = draw(inline_markdown())
        lead = draw(st.sampled_from(["", "bold-colon", "bold-then-colon", "plain"]))
        if lead == "bold-colon":
            text = f"**{draw(label)}:** {text}"
        elif lead == "bold-then-colon":
            text = f"**{draw(label)}**: {text}"
        elif lead == "plain":
            text = f"{draw(label)}: {text}"
        lines.append(f"{marker} {text}")
        if draw(st.booleans()):
            lines.append(f"{' ' * (len(marker) + 1)}- {draw(inline_markdown())}")
    return "\n".join(lines)


@st.composite
def markdown_article(draw: st.DrawFn) -> str:
    chunks = []
    if draw(st.booleans()):
        chunks.append(f"# {draw(heading)}")
        if draw(st.booleans()):
            chunks.append(f"*{draw(st.lists(word, min_size=2, max_size=10).map(' '.join))}*")
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(
            st.sampled_from(
                ["h1", "h2", "h3", "para", "list", "quote", "code", "takeaways"]))
        if kind in ("h1", "h2", "h3"):
            chunks.append(f"{'#' * int(kind[1])} {draw(heading)}")
        elif kind == "para":
            chunks.append(wrapped(draw(inline_markdown()), draw(st.integers(30, 80))))
        elif kind == "list":
            chunks.append(draw(markdown_list()))
        elif kind == "quote":
            chunks.append("\n".join(f"> {line}" for line in wrapped(draw(inline_markdown()), 40).split("\n")))
        elif kind == "code":
            chunks.append(f"```\n{draw(sentence)}\n{draw(sentence)}\n```")
        else:
            chunks += [f"## {draw(st.sampled_from(['Key Takeaways', 'Pros', 'Cons', 'TL;DR']))}", draw(markdown_list())]
    return "\n\n".join(chunks) + "\n"


@st.composite
def markdown_table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 4))
    rows = [[draw(inline_markdown()).rstrip(".") for _ in range(columns)] for _ in range(draw(st.integers(0, 3)))]
    header = [draw(heading) for _ in range(columns)]
    delimiter = [draw(st.sampled_from(["---", ":--", "--:", ":-:"])) for _ in range(columns)]
    extra = [draw(word)] if draw(st.booleans()) else []  # a row longer than the header keeps its cells
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(delimiter) + "|"]
    lines += ["| " + " | ".join(row + (extra if index == 0 else [])) + " |" for index, row in enumerate(rows)]
    return "\n".join(lines)


@st.composite
def html_block(draw: st.DrawFn) -> str:
    return draw(
        st.sampled_from(
            [
                f'<p align="center">\n  <a href="https://{draw(lower_word)}.example/"><img src="x.png" alt="{draw(heading)}"></a>\n</p>',  # noqa: E501
                f"<!-- {draw(sentence)} -->",
                f"<div>\n{draw(sentence)}\n</div>",
                f"<details><summary>{draw(heading)}</summary>\n\n{draw(paragraph())}\n\n</details>",
            ]
        )
    )


@st.composite
def rich_markdown_article(draw: st.DrawFn) -> str:
    """Markdown with front matter, tables, HTML, footnotes and nesting beyond markdown-it's limit."""
    chunks = []
    if draw(st.booleans()):
        fields = [f"title: {draw(heading)}", f"author: {draw(heading)}"]
        if draw(st.booleans()):
            fields.append(f"description: {draw(st.lists(word, min_size=1, max_size=6).map(' '.join))}")
        if draw(st.booleans()):
            fields.append(f"tags: [{draw(lower_word)}, {draw(lower_word)}]")
        chunks.append("---\n" + "\n".join(fields) + "\n---")
    notes: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(
            st.sampled_from(
                ["h1", "h2", "para", "table", "html", "note", "inline-note", "deep-quote", "deep-list", "list"]
            )
        )
        if kind in ("h1", "h2"):
            chunks.append(f"{'#' * int(kind[1])} {draw(heading)}")
        elif kind == "para":
            chunks.append(wrapped(draw(inline_markdown()), draw(st.integers(30, 80))))
        elif kind == "table":
            chunks.append(draw(markdown_table()))
        elif kind == "html":
            chunks.append(draw(html_block()))
        elif kind == "note":
            label = draw(st.sampled_from(["1", "2", "note", "ref-a"]))
            chunks.append(f"{draw(sentence)}[^{label}] {draw(sentence)}")
            if label not in notes:
                notes.append(label)
                chunks.append(f"[^{label}]: {draw(inline_markdown())}")
        elif kind == "inline-note":
            chunks.append(f"{draw(sentence)}^[{draw(inline_markdown())}] {draw(sentence)}")
        elif kind == "deep-quote":
            depth = draw(st.integers(1, 30))
            chunks.append("\n".join(">" * (level + 1) + " " + draw(sentence) for level in range(depth)))
        elif kind == "deep-list":
            depth = draw(st.integers(1, 15))
            chunks.append("\n".join("  " * level + "- " + draw(sentence) for level in range(depth)))
        else:
            chunks.append(draw(markdown_list()))
    return "\n\n".join(chunks) + "\n"


@SETTINGS
@given(text=rich_markdown_article())
@example(text="0[]()0\n")
@example(text="---\ntitle: A\nauthor: A\n---\n\n## A\n")  # the heading repeats the title: shown once
@example(text="".join(">" * depth + f" quoted{depth}\n" for depth in range(1, 25)))
def test_no_word_of_markdown_with_tables_html_notes_front_matter_or_deep_nesting_is_lost(text: str) -> None:
    article = parse_text(text, name="article.md")
    assert article.format == "markdown"
    assert_no_word_lost(text, article)
    assert_clean(article)


@SETTINGS
@given(text=plain_article())
@example(text="A\n\nA\n\n0 0 b\n\n0 0 b\n\n0.\n")  # a title joined from two lines, then a repeated dek
@example(text="Aaaa Aaaaaaa\n\n00A Aaaaaaa\n\n00A Aaaaaaa\n\n0A Aaaaaaa.\n")  # a running header, then the title
def test_no_word_of_a_plain_article_is_lost(text: str) -> None:
    article = parse_text(text, name="article.txt")
    assert article.format == "text"
    assert_no_word_lost(text, article)
    assert_clean(article)


@SETTINGS
@given(text=markdown_article())
def test_no_word_of_a_markdown_article_is_lost(text: str) -> None:
    article = parse_text(text, name="article.md")
    assert article.format == "markdown"
    assert_no_word_lost(text, article)
    assert_clean(article)


@settings(SETTINGS, max_examples=100)
@given(text=plain_article(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be"]))
def test_encoded_articles_parse_like_the_text(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    from_bytes = parse_bytes(data, name="article.txt")
    from_text = parse_text(text, name="article.txt")
    assert (from_bytes.title, from_bytes.subtitle, from_bytes.sections) == (
        from_text.title,
        from_text.subtitle,
        from_text.sections,
    )
    assert from_bytes.encoding == {"utf-16-be": "utf-16"}.get(encoding, encoding)


def test_the_word_check_catches_a_lost_word() -> None:
    """The property above must be able to fail: drop one paragraph and it does."""
    text = "A Title\n\nA dek for it\n\nFirst paragraph here.\n\nSecond paragraph there.\n"
    article = parse_text(text, name="a.txt")
    assert_no_word_lost(text, article)
    article.sections[0].blocks.pop()
    with pytest.raises(AssertionError, match="'Second': 1, 'there': 1"):
        assert_no_word_lost(text, article)


def test_list_numbers_are_structure_but_other_numbers_are_words() -> None:
    assert input_words("1. one\n2) two\n1234. x\n 3.5 y\n", "text") == Counter(
        {"one": 1, "two": 1, "1234": 1, "x": 1, "3": 1, "5": 1, "y": 1}
    )
    assert input_words("> 1. 2. deep\n```python\ncode 7\n```\nun*frig*gable\n", "markdown") == Counter(
        {"deep": 1, "code": 1, "7": 1, "unfriggable": 1}
    )
    assert input_words("[a b][ref] c\n\n[ref]: http://x.y/z\n", "markdown") == Counter(
        {"a": 1, "b": 1, "c": 1, "http": 1, "x": 1, "y": 1, "z": 1}
    )


@st.composite
def verse(draw: st.DrawFn) -> str:
    """Lines broken by hand, each starting with a capital, perhaps indented."""
    indent = draw(st.sampled_from(["", "  ", "     "]))
    lines = draw(st.lists(st.lists(title_word, min_size=2, max_size=7).map(" ".join), min_size=2, max_size=8))
    return "\n".join(indent + line + draw(st.sampled_from(["", ",", ";", "."])) for line in lines)


@st.composite
def speech(draw: st.DrawFn) -> str:
    """A play's speaker cue, then the speech under it or after a blank line."""
    cue = draw(st.sampled_from(["ROMEO.", "JULIET.", "MRS. UPJOHN.", "FIRST CITIZEN."]))
    return cue + draw(st.sampled_from(["\n", "\n\n"])) + draw(st.one_of(paragraph(), verse()))


GUTENBERG_HEADER = (
    "The Project Gutenberg eBook of {title}\n\nTitle: {title}\n\nAuthor: {author}\n\nLanguage: English\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK {upper} ***"
)
GUTENBERG_FOOTER = (
    "*** END OF THE PROJECT GUTENBERG EBOOK {upper} ***\n\nUpdated editions will replace the previous one."
)


@st.composite
def plain_book(draw: st.DrawFn) -> str:
    """A book as e-texts give it: licence header and footer, a contents list, divisions with titles
    on the next line, Roman numerals alone, verse, a play's speeches, bracketed notes and quotes."""
    title = draw(heading)
    chunks = []
    framed = draw(st.booleans())
    if framed:
        header = GUTENBERG_HEADER.format(title=title, author=draw(heading), upper=title.upper())
        if draw(st.booleans()):  # the start marker split over two lines
            header = header.replace(" EBOOK ", " EBOOK\n", 1)
        chunks.append(header)
    chunks.append(title.upper())
    if draw(st.booleans()):
        entries = draw(st.lists(heading, min_size=1, max_size=4))
        chunks += ["CONTENTS", "\n".join(f"    {entry}  {number}" for number, entry in enumerate(entries, 1))]
    for number in range(1, draw(st.integers(1, 6)) + 1):
        kind = draw(st.sampled_from(["chapter", "titled", "roman", "act", "matter"]))
        if kind == "chapter":
            chunks.append(f"CHAPTER {number}.")
        elif kind == "titled":
            chunks.append(f"CHAPTER {number}.\n{draw(heading).upper()}.")
        elif kind == "roman":
            chunks.append(["I", "II", "III", "IV", "V", "VI"][number - 1] + ".")
        elif kind == "act":
            chunks.append(f"ACT {number}")
        else:
            chunks.append(draw(st.sampled_from(["PREFACE.", "_INTRODUCTION._", "FINALE.", "THE PROLOGUE"])))
        for _ in range(draw(st.integers(1, 4))):
            part = draw(st.sampled_from(["paragraph", "verse", "speech", "note", "quote", "short"]))
            if part == "paragraph":
                chunks.append(draw(paragraph()))
            elif part == "verse":
                chunks.append(draw(verse()))
            elif part == "speech":
                chunks.append(draw(speech()))
            elif part == "note":
                chunks.append(f"[{draw(st.sampled_from(['Illustration', 'Footnote 3']))}: {draw(heading)}]")
            elif part == "quote":
                chunks.append(f"“{draw(title_word)}?”")
            else:
                chunks.append(draw(heading))
    if framed:
        chunks.append(GUTENBERG_FOOTER.format(upper=title.upper()))
    separator = draw(st.sampled_from(["\n\n", "\n\n\n\n", "\r\n\r\n"]))
    return separator.join(chunks) + "\n"


@st.composite
def web_copy(draw: st.DrawFn) -> str:
    """An article as a browser copies it: title and dek on consecutive lines, a byline and dateline,
    share buttons, paragraphs one per line, subheadings, `Key Points:` with bullets, wiki headings."""
    lines = [draw(heading)]
    if draw(st.booleans()):
        lines.append(" ".join(draw(st.lists(word, min_size=4, max_size=12))) + ".")
    lines += draw(
        st.lists(
            st.sampled_from(
                ["By Ana Swanson", "Chris Davies - Nov 19, 2019, 8:15 pm CST", "Share", "Facebook", "Advertisement",
                 "Photo: Getty Images", "(Reporting by Al Smith; Editing by Jo Lee)", "0", "Updated 1:39 am EST"]
            ),
            max_size=4,
        )
    )  # fmt: skip
    gap = draw(st.sampled_from(["\n", "\n\n"]))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["paragraph", "heading", "numbered", "wiki", "keypoints", "caption"]))
        long_paragraph = " ".join(draw(st.lists(sentence, min_size=3, max_size=6)))
        if kind == "heading":
            lines.append(draw(heading) + gap.rstrip("\n") + "\n" + long_paragraph)
        elif kind == "numbered":
            lines.append(f"{draw(st.integers(1, 3))}. {draw(heading)}\n{long_paragraph}")
        elif kind == "wiki":
            marks = "=" * draw(st.integers(2, 4))
            lines.append(f"{marks} {draw(heading)} {marks}")
        elif kind == "keypoints":
            lines.append(draw(st.sampled_from(["Key Points:", "Key points:", "Takeaways:"])))
            lines += [f"- {draw(sentence)}" for _ in range(draw(st.integers(1, 3)))]
        elif kind == "caption":
            lines += [draw(sentence), draw(st.sampled_from(["Photo: Getty Images", "Sanjeev Verma/Getty Images"]))]
        lines.append(long_paragraph)
    return gap.join(lines) + "\n"


@SETTINGS
@given(text=plain_book())
def test_no_word_of_a_book_is_lost(text: str) -> None:
    """Licence boilerplate, contents, verse and speakers keep every word, and nothing raises."""
    article = parse_text(text, name="book.txt")
    assert_no_word_lost(text, article)
    assert_clean(article)


@SETTINGS
@given(text=web_copy())
def test_no_word_of_a_web_copy_is_lost(text: str) -> None:
    """Bylines, furniture and captions stay in the text, and nothing raises."""
    article = parse_text(text, name="copy.txt")
    assert_no_word_lost(text, article)
    assert_clean(article)
