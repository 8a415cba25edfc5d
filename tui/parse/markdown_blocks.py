"""Block rules standing in for markdown-it's to make the same tokens with less work.

markdown-it-py tries every block rule on every block, and its `lheading` and `paragraph` rules try,
on every line of a paragraph, each rule that can interrupt one (fence, quote, rule, list, note, HTML,
heading, table): a Python call and a logging check each, for text that is mostly lines of words. A
paragraph that is not a setext heading is also scanned twice, by `lheading` (which then gives up)
and again by `paragraph`. Here:

- `dispatch`, first of the block rules, tries a line only against the rules that can start with its
  first character (each of markdown-it's returns False at once for any other), in their order;
- `setext_heading` takes `lheading`'s place, and when its scan finds no underline it makes the
  paragraph that `paragraph`, the next rule, would make; that scan, too, tries a line only against
  the terminating rules that can start with its first character, and at the root passes over a run
  of lines of words with one regular expression;
- `blockquote` takes the place of markdown-it's, the same steps with less work a line, and makes a
  quote of lines of words (`_plain_quote`, nested quotes and all) in one pass over its lines;
- `parse_blocks` takes the place of `ParserBlock.parse`: it marks the lines (`mark_lines`) in a few
  passes in C where `StateBlock` loops over them in Python, a third of the time of a text of short
  lines.

The tokens, their maps and `state.parentType` afterwards are markdown-it's (4.x), but that these
rules' tokens share one empty mapping for attributes and meta and leave `children` None (see
`_push`): tests/parse/test_markdown_blocks.py compares the parsers, with and without markdown-it's
inline rule. A rule this module does not know (a plugin's) is tried on every line, as markdown-it does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from itertools import accumulate, compress, repeat
from operator import sub
from types import MappingProxyType, MethodType

from markdown_it import MarkdownIt, rules_block
from markdown_it.common.utils import mdTrim
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.footnote.index import footnote_def

from tui.parse.markdown_rules import FLATTEN_LEVEL, deep_nesting, table

Rule = Callable[[StateBlock, int, int, bool], bool]

FIRST_CHARACTERS: dict[Rule, str] = {
    rules_block.fence: "`~",
    rules_block.blockquote: ">",
    rules_block.hr: "*-_",
    rules_block.list_block: "*+-0123456789",
    rules_block.reference: "[",
    rules_block.html_block: "<",
    rules_block.heading: "#",
    footnote_def: "[",
}
"""The characters a line must start with (after its indentation) for each rule to match it: each
rule returns False at once on a non-empty line whose first character is not among them. Asked
whether a line interrupts a paragraph or a quote (`silent`; `reference` never is), none looks at the
end line it is given."""
NEEDS_INDENT: frozenset[Rule] = frozenset({rules_block.code})
"""Rules that match only a line indented 4 columns or more past the block's indentation, which every
rule of FIRST_CHARACTERS declines (while the code rule is enabled)."""
LOOKS_AHEAD: dict[Rule, str] = {table: "|-:"}
"""Rules that, asked that, look at the end line only to see that the line after exists (a table's
delimiter row), and match only where the line after starts with one of these characters."""
_NOT_WORDS = "".join(
    sorted({c for chars in (*FIRST_CHARACTERS.values(), *LOOKS_AHEAD.values()) for c in chars} | {"="})
)
"""The characters a line must not start with to be a line of words, one that starts nothing and so
continues a paragraph: a block rule's (a list, a fence, a heading...), a table's delimiter row's, a
setext underline's."""
_WORD_LINES = re.compile(rf"(?:(?:[ ]{{0,3}}[^{re.escape(_NOT_WORDS)}\s]|[ ]{{4,}}\S)[^\n]*+\n)++")
"""Lines of words: each starts (after three spaces at most) with what starts no block, or is indented
four spaces or more, so that it continues a paragraph at the root whatever it holds."""


class _ByStart:
    """A chain's rules, picked by a line's first character and indentation (rebuilt when the chain
    changes; `code_blocks` tells whether markdown-it's rules see a line indented 4 columns as code)."""

    def __init__(self, source: list[Rule], code_blocks: bool) -> None:
        self.source = source  # markdown-it's list, a new one whenever the ruler changes
        rules = self.rules = tuple(rule for rule in source if rule is not dispatch)
        unknown = [rule for rule in rules if rule not in FIRST_CHARACTERS]
        # A line indented as code is one only the code rule (and rules unknown here) can take.
        self.indented = tuple(unknown) if code_blocks else None
        self.any_start = tuple(rule for rule in unknown if not (code_blocks and rule in NEEDS_INDENT))
        characters = {character for rule in rules for character in FIRST_CHARACTERS.get(rule, "")}
        self.by_start = {
            character: tuple(
                rule for rule in rules if character in FIRST_CHARACTERS.get(rule, "") or rule in self.any_start
            )
            for character in characters
        }
        # Whether the end line given to the rules matters only for the line before it.
        self.end_blind = all(rule in FIRST_CHARACTERS or rule in LOOKS_AHEAD for rule in rules)
        # The same picks without the rules that look ahead, for a line whose next line none of them
        # can follow (most lines of a paragraph: a table tried on each was a tenth of its time).
        self.ahead = "".join(LOOKS_AHEAD.get(rule, "") for rule in rules)
        self.by_start_alone = {
            character: tuple(rule for rule in picked if rule not in LOOKS_AHEAD)
            for character, picked in self.by_start.items()
        }
        self.any_start_alone = tuple(rule for rule in self.any_start if rule not in LOOKS_AHEAD)


_chains: dict[tuple[int, str], _ByStart] = {}
_NOTHING = MappingProxyType({})


def _chain(state: StateBlock, name: str) -> _ByStart:
    """The chain `name` of the state's parser, looked up once a parse (its rules do not change
    during one): a rule asks for it once a block, in every quote of every depth."""
    try:
        return state.brief_chains[name]  # type: ignore[attr-defined]
    except AttributeError:
        state.brief_chains = {}  # type: ignore[attr-defined]
    except KeyError:
        pass
    md = state.md
    rules = md.block.ruler.getRules(name)
    found = _chains.get((id(md), name))
    if found is None or found.source is not rules:
        found = _chains[id(md), name] = _ByStart(rules, "code" in md.block.ruler.get_active_rules())
    state.brief_chains[name] = found  # type: ignore[attr-defined]
    return found


def dispatch(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """The block rules after this one, tried in their order, each only where it can match."""
    first = state.bMarks[start_line] + state.tShift[start_line]
    chain = _chain(state, "")
    if first >= state.eMarks[start_line]:
        rules = chain.rules
    elif chain.indented is not None and state.sCount[start_line] - state.blkIndent >= 4:
        rules = chain.indented
    else:
        rules = chain.by_start.get(state.src[first], chain.any_start)
    for rule in rules:  # noqa: SIM110 (a loop: any() of a generator costs more, once a block)
        if rule(state, start_line, end_line, silent):
            return True
    return False


def setext_heading(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's `lheading`, which makes the paragraph itself when there is no underline (the
    `paragraph` rule, which comes right after it, would make the same one)."""
    if state.is_code_block(start_line):
        return False
    old_parent = state.parentType
    state.parentType = "paragraph"  # the terminating rules ask for it
    line, marker = _paragraph_end(state, start_line, end_line, underline=True)
    if marker:
        state.line = line + 1
        tag = "h1" if marker == "=" else "h2"
        token = _push(state, "heading_open", tag, 1)
        token.markup = marker
        token.map = [start_line, state.line]
        token = _push(state, "inline", "", 0)
        token.content = mdTrim(_lines(state, start_line, line))
        token.map = [start_line, line]
        token = _push(state, "heading_close", tag, -1)
        token.markup = marker
        state.parentType = old_parent
        return True
    if end_line != state.lineMax:
        line = _as_paragraph(state, start_line, end_line, line)
    _push_paragraph(state, start_line, line)
    # markdown-it's `lheading` gives up without restoring parentType, and `paragraph` restores the
    # "paragraph" it then finds: it is left so for the rules that follow (a list asks for it).
    state.parentType = "paragraph"
    return True


def paragraph(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's `paragraph` (reached only when `setext_heading` declines a code block's line)."""
    old_parent = state.parentType
    state.parentType = "paragraph"
    line, _marker = _paragraph_end(state, start_line, state.lineMax, underline=False)
    _push_paragraph(state, start_line, line)
    state.parentType = old_parent
    return True


def _as_paragraph(state: StateBlock, start_line: int, end_line: int, stop: int) -> int:
    """Where `paragraph` ends the paragraph that `lheading`'s scan, to `end_line`, ended at `stop`.

    `paragraph` scans to `state.lineMax` instead (they differ in quotes). The terminating rules answer
    alike for every line but the one before the nearer end, so a scan that stopped before `end_line`
    stands, and one that ran out to it goes on from the line before it.
    """
    line_max = state.lineMax
    if not _chain(state, "paragraph").end_blind or line_max < end_line:
        return _paragraph_end(state, start_line, line_max, underline=False)[0]
    if stop < end_line:
        return stop
    resume = max(start_line + 1, end_line - 1)
    return _paragraph_end(state, start_line, line_max, underline=False, first_line=resume)[0]


def _paragraph_end(
    state: StateBlock, start_line: int, end_line: int, underline: bool, first_line: int = 0
) -> tuple[int, str]:
    """The line a paragraph from `start_line` stops before, and, when `underline` is asked for and
    found, the setext underline's character (`=` or `-`; the paragraph stops before it). The scan
    starts at `first_line` when given (the lines before it known to continue the paragraph)."""
    chain = _chain(state, "paragraph")
    by_start, any_start = chain.by_start, chain.any_start
    alone, any_alone, ahead = chain.by_start_alone, chain.any_start_alone, chain.ahead
    src, starts, shifts, ends, indents = state.src, state.bMarks, state.tShift, state.eMarks, state.sCount
    indent = state.blkIndent
    # At the root (no container around the paragraph) each line's marks are where the text has it.
    at_root = state.level == 0 and indent == 0 and not any_alone
    line = first_line or start_line + 1
    if line >= end_line:
        return line, ""
    first, end = starts[line] + shifts[line], ends[line]
    while line < end_line:
        if first >= end:
            break  # an empty line
        # The next line's text, found once: it is the next turn's line and tells whether a rule that
        # looks ahead (a table under its header row) can match this line.
        after = line + 1
        first_after, end_after = starts[after] + shifts[after], ends[after]
        if indents[line] - indent > 3:
            line, first, end = after, first_after, end_after  # an indented line continues a paragraph lazily
            continue
        character = src[first]
        if (
            underline
            and character in "-="
            and indents[line] >= indent
            and not src[first:end].rstrip(" \t").strip(character)  # `===` or `---`, then spaces alone
        ):
            return line, character
        if indents[line] >= 0:  # else a quote's lazy line: the quote rule has tried it already
            if first_after < end_after and src[first_after] in ahead:
                rules = by_start.get(character, any_start)
            else:
                rules = alone.get(character, any_alone)
                if not rules and at_root and first_after < end_after:
                    # A line of words: the lines of words after it, found by one regular expression,
                    # continue the paragraph too; the last of them is read here as usual (a table's
                    # header row may be it).
                    words = _WORD_LINES.match(src, first_after, starts[end_line])
                    if words is not None:
                        line = after + src.count("\n", first_after, words.end()) - 1
                        first, end = starts[line] + shifts[line], ends[line]
                        continue
            for rule in rules:
                if rule(state, line, end_line, True):
                    return line, ""
        line, first, end = after, first_after, end_after
    return line, ""


def blockquote(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's `blockquote`, step for step, with less work a line: its quote marker taken off
    with local names, a line that is not quoted tried only against the rules that can start with its
    first character, and the lines' marks put back in four slice assignments. (markdown-it reads a
    line once for each quote around it: a ten-times-nested quote did that work ten times a line.)"""
    if state.md.options.get("alerts", False):
        return rules_block.blockquote(state, start_line, end_line, silent)  # GitHub's alerts: not ours
    src, size = state.src, len(state.src)
    b_marks, e_marks, t_shift, s_count, bs_count = state.bMarks, state.eMarks, state.tShift, state.sCount, state.bsCount
    pos = b_marks[start_line] + t_shift[start_line]
    if state.is_code_block(start_line) or pos >= size or src[pos] != ">":
        return False
    if silent:
        return True  # a quote it is: markdown-it does not look for its end in this mode
    if state.blkIndent == 0 and _plain_quote(state, start_line, end_line):
        return True
    old_line_max = state.lineMax
    old_b_marks: list[int] = []
    old_bs_count: list[int] = []
    old_s_count: list[int] = []
    old_t_shift: list[int] = []
    chain = _chain(state, "blockquote")
    by_start, any_start = chain.by_start, chain.any_start
    old_parent = state.parentType
    state.parentType = "blockquote"  # for the terminating rules (markdown-it sets it after the first line)
    # The marks of lines [start_line, kept) as they were, copied ahead of the lines changed (in order,
    # each once, up to changed_to), in slices of growing length rather than four appends a line.
    kept = start_line
    line = changed_to = start_line
    last_line_empty = False
    blk_indent = state.blkIndent  # the terminating rules, asked silently, change no state
    end = e_marks[start_line]
    while line < end_line:
        if line >= kept:
            kept = min(len(b_marks), 2 * line - start_line + 16)
            old_b_marks += b_marks[line:kept]
            old_bs_count += bs_count[line:kept]
            old_s_count += s_count[line:kept]
            old_t_shift += t_shift[line:kept]
        if line > start_line:
            pos = b_marks[line] + t_shift[line]
            end = e_marks[line]
            if pos >= end:
                break  # an empty line ends the quote
            if src[pos] != ">" or s_count[line] < blk_indent:  # not quoted, or outdented
                if last_line_empty:
                    break
                for rule in by_start.get(src[pos], any_start):
                    if rule(state, line, end_line, True):
                        # "Hard termination": a paragraph inside does not look past the quote.
                        state.lineMax = line
                        if state.blkIndent != 0:
                            # Offsets as if the indentation had not changed (blkIndent becomes 0).
                            s_count[line] -= state.blkIndent
                            changed_to = line + 1
                        break
                else:
                    s_count[line] = -1  # a lazy line: it continues a paragraph
                    line += 1
                    continue
                break
        pos += 1  # past the `>`
        following = src[pos] if pos < size else None  # the character after the marker, on this line or not
        if following == " ":
            if pos + 1 < end and src[pos + 1] not in " \t":
                # The common line, `> text`: no indentation after the marker and its space.
                b_marks[line] = pos + 1
                bs_count[line] = s_count[line] + 2
                s_count[line] = t_shift[line] = 0
                last_line_empty = False
                line += 1
                continue
        elif following == ">":
            # `>>`, a nested quote's marker right after this one: nothing to skip between them.
            b_marks[line] = pos
            bs_count[line] = s_count[line] + 1
            s_count[line] = t_shift[line] = 0
            last_line_empty = False
            line += 1
            continue
        initial = offset = s_count[line] + 1
        adjust_tab = False
        if following == " ":  # one space after the marker is part of it
            pos += 1
            initial += 1
            offset += 1
            space_after_marker = True
        elif following == "\t":
            space_after_marker = True
            if (bs_count[line] + offset) % 4 == 3:  # a tab one column wide
                pos += 1
                initial += 1
                offset += 1
            else:
                adjust_tab = True  # the tab's first column is the marker's space
        else:
            space_after_marker = False
        b_marks[line] = pos
        while pos < end:
            character = src[pos]
            if character == " ":
                offset += 1
            elif character == "\t":
                offset += 4 - (offset + bs_count[line] + adjust_tab) % 4
            else:
                break
            pos += 1
        last_line_empty = pos >= end
        bs_count[line] = s_count[line] + 1 + space_after_marker
        s_count[line] = offset - initial
        t_shift[line] = pos - b_marks[line]
        line += 1

    changed_to = max(changed_to, line)
    old_indent = state.blkIndent
    state.blkIndent = 0
    lines = [start_line, 0]
    token = _push(state, "blockquote_open", "blockquote", 1)
    token.markup = ">"
    token.map = lines
    state.md.block.tokenize(state, start_line, line)
    token = _push(state, "blockquote_close", "blockquote", -1)
    token.markup = ">"
    state.lineMax = old_line_max
    state.parentType = old_parent
    lines[1] = state.line
    # The lines' marks as they were, for the rules that read them again (a list around the quote).
    changed = changed_to - start_line
    b_marks[start_line:changed_to] = old_b_marks[:changed]
    t_shift[start_line:changed_to] = old_t_shift[:changed]
    s_count[start_line:changed_to] = old_s_count[:changed]
    bs_count[start_line:changed_to] = old_bs_count[:changed]
    state.blkIndent = old_indent
    return True


FIRST_CHARACTERS[blockquote] = ">"  # brief's quote rule starts as markdown-it's


_QUOTED_WORDS = re.compile(rf"(?:>[ ]?)++(?=[^{re.escape(_NOT_WORDS)}\s])")
"""Quote markers, each followed by one space or none, then a word (not white space, nor a block's start)."""
_WORDS_RULES: frozenset[Rule] = frozenset({deep_nesting, table, rules_block.code, setext_heading, paragraph})
"""The rules unknown to FIRST_CHARACTERS that may be tried on a line of words in a quote: all decline
it (deep_nesting above its depth, table without a delimiter row under it, code unless indented) but
`setext_heading`, which makes the paragraph."""


def _plain_quote(state: StateBlock, start_line: int, end_line: int) -> bool:
    """A quote whose lines are all words, `>` markers in front (one space or none after each) or
    none (a lazy line), up to an empty line: its tokens, nested quotes and all, made in one pass
    over its lines, where `blockquote` reads each line once for every quote around it. False (and
    nothing done) for any other quote, or when a rule the chains hold might read such lines otherwise.

    The tokens are the ones `blockquote` makes: on a line of words a deeper quote starts, ending the
    paragraph before it; any other line continues the paragraph (at its depth, or lazily); every quote
    and the last paragraph end at the empty line.
    """
    root, in_paragraph, in_quote = _chain(state, ""), _chain(state, "paragraph"), _chain(state, "blockquote")
    if in_quote.any_start or in_paragraph.any_start_alone or not _WORDS_RULES.issuperset(root.any_start):
        return False  # a rule this module does not know (a plugin's) might take the words
    if setext_heading not in root.any_start:
        return False
    src, b_marks, e_marks, t_shift, s_count = state.src, state.bMarks, state.eMarks, state.tShift, state.sCount
    room = min(FLATTEN_LEVEL, state.md.options["maxNesting"]) - state.level  # deeper: deep_nesting's
    depths: list[int] = []
    texts: list[int] = []  # where each line's words start, its markers taken off
    quoted, count, add_depth, add_text = _QUOTED_WORDS.match, src.count, depths.append, texts.append
    line = start_line
    while line < end_line:
        pos = b_marks[line] + t_shift[line]
        end = e_marks[line]
        if pos >= end:
            break  # the empty line that ends every quote
        if s_count[line] < 0:
            return False  # a line an outer quote found lazy
        markers = quoted(src, pos, end)
        if markers is not None:
            text = markers.end()
            depth = count(">", pos, text)
            if depth >= room:
                return False
            add_depth(depth)
            add_text(text)
        elif line > start_line and src[pos] not in _NOT_WORDS and not src[pos].isspace():
            add_depth(0)  # a lazy line of words: its text as it is, white space and all
            add_text(b_marks[line])
        else:
            return False
        line += 1
    else:
        if end_line != state.lineMax:
            return False  # the paragraph would look past the end line given (see _as_paragraph)
    stop = line
    depth = 0
    opened = start_line
    for line, deeper in enumerate(depths, start_line):
        if deeper > depth:
            if line > start_line:
                words = _words(src, texts[opened - start_line : line - start_line], e_marks[opened:line])
                _push_paragraph(state, opened, line, words)
            for _ in range(deeper - depth):
                token = _push(state, "blockquote_open", "blockquote", 1)
                token.markup = ">"
                token.map = [line, stop]
            depth, opened = deeper, line
    _push_paragraph(state, opened, stop, _words(src, texts[opened - start_line :], e_marks[opened:stop]))
    for _ in range(depth):
        token = _push(state, "blockquote_close", "blockquote", -1)
        token.markup = ">"
    state.line = stop
    return True


def _words(src: str, starts: list[int], ends: list[int]) -> str:
    """Lines of text from where each starts to where it ends, as `getLines` joins them."""
    return "\n".join([src[start:stop] for start, stop in zip(starts, ends, strict=True)])


def _push_paragraph(state: StateBlock, start_line: int, end_line: int, text: str | None = None) -> None:
    """A paragraph of the lines [start_line, end_line): their text as their marks cut it, or `text`."""
    state.line = end_line
    lines = [start_line, end_line]  # one list for both maps (nothing changes a paragraph's map)
    token = _push(state, "paragraph_open", "p", 1)
    token.map = lines
    token = _push(state, "inline", "", 0)
    token.content = mdTrim(_lines(state, start_line, end_line) if text is None else text)
    token.map = lines
    _push(state, "paragraph_close", "p", -1)


def _lines(state: StateBlock, begin: int, end: int) -> str:
    """`state.getLines(begin, end, state.blkIndent, False)`, the text of a paragraph's lines: outside
    lists (no indentation to take off, the lines as their marks cut them) in one join, not a loop."""
    if state.blkIndent:
        return state.getLines(begin, end, state.blkIndent, False)
    src = state.src
    return "\n".join(
        [src[start:stop] for start, stop in zip(state.bMarks[begin:end], state.eMarks[begin:end], strict=True)]
    )


_TOKEN_FIELDS = (
    *("type", "tag", "nesting", "attrs", "map", "level", "children"),
    *("content", "markup", "info", "meta", "block", "hidden"),
)
_TOKENS_BY_FIELD = tuple(field.name for field in fields(Token)) == _TOKEN_FIELDS and hasattr(Token, "__slots__")
"""Whether `_push` may make a token by setting its fields (markdown-it's Token as this module knows it)."""
_new_token = Token.__new__


def _push(state: StateBlock, kind: str, tag: str, nesting: int) -> Token:
    """`state.push`, the token's attributes and meta being one shared empty mapping, not two new dicts:
    paragraphs, setext headings and quotes have neither, and 128 bytes a token were a quarter of the
    memory of a parse (a read-only mapping: a plugin writing to one fails, never writes to all).

    An inline token's `children` stay None, where markdown-it's rules put an empty list for its
    inline rule to fill: that rule makes the list itself when there is none, and brief's block parser
    runs no inline rule (56 bytes a paragraph).

    The token's fields are set one by one, as `Token(...)` then `push` would set them, without the
    dataclass's constructor (two dicts made to be dropped, a check of the attributes): a third of the
    time of a token, and a quote of short lines makes nearly one a line."""
    if not _TOKENS_BY_FIELD:
        token = state.push(kind, tag, nesting)  # type: ignore[arg-type]
        token.attrs = token.meta = _NOTHING  # type: ignore[assignment]
        return token
    token = _new_token(Token)
    token.type, token.tag, token.nesting = kind, tag, nesting  # type: ignore[assignment]
    token.attrs = token.meta = _NOTHING  # type: ignore[assignment]
    token.map = token.children = None
    token.content = token.markup = token.info = ""
    token.block, token.hidden = True, False
    if nesting < 0:
        state.level -= 1  # closing tag
    token.level = state.level
    if nesting > 0:
        state.level += 1  # opening tag
    state.tokens.append(token)
    return token


def parse_blocks(
    parser: ParserBlock, src: str, md: MarkdownIt, env: dict, out_tokens: list[Token]
) -> list[Token] | None:
    """markdown-it's `ParserBlock.parse`, the lines marked by `mark_lines`."""
    if not src:
        return None
    state = StateBlock("", md, env, out_tokens)  # its own marks: the one line past the end
    mark_lines(state, src)
    parser.tokenize(state, state.line, state.lineMax)
    return state.tokens


LINES_AT_ONCE = 1 << 16
"""Characters of text split into lines at a time: a line's string costs some 60 bytes however short
it is, so splitting a text of short lines whole would hold seven times its size for a moment."""


def mark_lines(state: StateBlock, src: str) -> None:
    """Give `state` the text `src` and its lines' marks, as `StateBlock` makes them, with a few passes
    over the lines in C instead of a Python loop a line (a third of the time of a text of short
    lines): where each line begins and ends, where its text starts (`tShift`) and at what column
    (`sCount`, tabs to the next multiple of 4), then one line past the end.
    """
    size = len(src)
    starts: list[int] = []
    ends: list[int] = []
    shifts: list[int] = []
    begin = 0
    while begin < size:
        cut = src.find("\n", begin + LINES_AT_ONCE)
        if cut < 0:
            cut = size
        lines = src[begin:cut].split("\n")
        if cut == size and not lines[-1].strip(" \t"):
            lines.pop()  # the empty string after a final newline; a last line of blanks gets no marks either
        marks = list(accumulate(map((1).__add__, map(len, lines)), initial=begin))  # each line's start
        starts += marks[:-1]
        ends += map((-1).__add__, marks[1:])
        shifts += map(sub, map(len, lines), map(len, map(str.lstrip, lines, repeat(" \t"))))
        begin = cut + 1
    columns = shifts.copy()
    if "\t" in src:
        for index in compress(range(len(shifts)), shifts):
            indent = src[starts[index] : starts[index] + shifts[index]]
            if "\t" in indent:
                column = 0
                for character in indent:
                    column += 4 - column % 4 if character == "\t" else 1
                columns[index] = column
    state.lineMax = len(starts)
    starts.append(size)
    ends.append(size)
    shifts.append(0)
    columns.append(0)
    state.src = src
    state.bMarks, state.eMarks, state.tShift, state.sCount = starts, ends, shifts, columns
    state.bsCount = [0] * len(starts)


def use_fast_rules(md: MarkdownIt) -> MarkdownIt:
    """Put `setext_heading` and `paragraph` in place of markdown-it's `lheading` and `paragraph`,
    which must be the last two block rules, and `dispatch` before every block rule."""
    ruler = md.block.ruler
    active = ruler.get_active_rules()
    if active[-2:] != ["lheading", "paragraph"]:
        raise ValueError(f"lheading and paragraph must close the block rules: {active}")
    ruler.at("lheading", setext_heading)
    ruler.at("paragraph", paragraph)
    ruler.at("blockquote", blockquote, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    ruler.before(active[0], "brief_dispatch", dispatch)
    md.block.parse = MethodType(parse_blocks, md.block)  # type: ignore[method-assign]
    return md
