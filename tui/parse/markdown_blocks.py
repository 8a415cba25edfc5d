"""Block rules standing in for markdown-it's to make exactly the same tokens, faster.

markdown-it-py tries every block rule on every block, and its `lheading` and `paragraph` rules try,
on every line of a paragraph, each rule that can interrupt one (fence, quote, rule, list, note, HTML,
heading, table): a Python call and a logging check each, for text that is mostly lines of words. A
paragraph that is not a setext heading is also scanned twice, by `lheading` (which then gives up)
and again by `paragraph`. Here:

- `dispatch`, first of the block rules, tries a line only against the rules that can start with its
  first character (each of markdown-it's returns False at once for any other), in their order;
- `setext_heading` takes `lheading`'s place, and when its scan finds no underline it makes the
  paragraph that `paragraph`, the next rule, would make; that scan, too, tries a line only against
  the terminating rules that can start with its first character.

The tokens, their maps and `state.parentType` afterwards are markdown-it's (4.x):
tests/parse/test_markdown_blocks.py compares both parsers. A rule this module does not know (a
plugin's) is tried on every line, as markdown-it does.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt, rules_block
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.footnote.index import footnote_def

from tui.parse.markdown_rules import table

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
rule returns False at once on a non-empty line whose first character is not among them."""
SILENT_IGNORE_END = frozenset(FIRST_CHARACTERS) - {rules_block.reference}
"""Rules that, asked whether a line interrupts a paragraph (`silent`), do not look at the end line."""
LOOKS_AHEAD: frozenset[Rule] = frozenset({table})
"""Rules that, asked that, look at the end line only to see that the line after exists (a table's
delimiter row)."""


class _ByStart:
    """A chain's rules, picked by a line's first character (rebuilt when the chain changes)."""

    def __init__(self, source: list[Rule]) -> None:
        self.source = source  # markdown-it's list, a new one whenever the ruler changes
        rules = self.rules = tuple(rule for rule in source if rule is not dispatch)
        self.any_start = tuple(rule for rule in rules if rule not in FIRST_CHARACTERS)
        characters = {character for rule in rules for character in FIRST_CHARACTERS.get(rule, "")}
        self.by_start = {
            character: tuple(rule for rule in rules if character in FIRST_CHARACTERS.get(rule, character))
            for character in characters
        }
        # Whether the end line given to the rules matters only for the line before it.
        self.end_blind = all(rule in SILENT_IGNORE_END or rule in LOOKS_AHEAD for rule in rules)


_chains: dict[tuple[int, str], _ByStart] = {}


def _chain(md: MarkdownIt, name: str) -> _ByStart:
    rules = md.block.ruler.getRules(name)
    found = _chains.get((id(md), name))
    if found is None or found.source is not rules:
        found = _chains[id(md), name] = _ByStart(rules)
    return found


def dispatch(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """The block rules after this one, tried in their order, each only where it can match."""
    first = state.bMarks[start_line] + state.tShift[start_line]
    chain = _chain(state.md, "")
    rules = chain.by_start.get(state.src[first], chain.any_start) if first < state.eMarks[start_line] else chain.rules
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
        token = state.push("heading_open", tag, 1)
        token.markup = marker
        token.map = [start_line, state.line]
        token = state.push("inline", "", 0)
        token.content = mdTrim(state.getLines(start_line, line, state.blkIndent, False))
        token.map = [start_line, line]
        token.children = []
        token = state.push("heading_close", tag, -1)
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
    if not _chain(state.md, "paragraph").end_blind or line_max < end_line:
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
    chain = _chain(state.md, "paragraph")
    by_start, any_start = chain.by_start, chain.any_start
    src, starts, shifts, ends, indents = state.src, state.bMarks, state.tShift, state.eMarks, state.sCount
    indent = state.blkIndent
    line = first_line or start_line + 1
    while line < end_line:
        first = starts[line] + shifts[line]
        end = ends[line]
        if first >= end:
            break  # an empty line
        if indents[line] - indent > 3:
            line += 1  # an indented line continues a paragraph lazily, whatever it holds
            continue
        character = src[first]
        if (
            underline
            and character in "-="
            and indents[line] >= indent
            and not src[first:end].rstrip(" \t").strip(character)  # `===` or `---`, then spaces alone
        ):
            return line, character
        if indents[line] < 0:
            line += 1  # a quote's lazy line: the quote rule has tried it already
            continue
        for rule in by_start.get(character, any_start):
            if rule(state, line, end_line, True):
                return line, ""
        line += 1
    return line, ""


def _push_paragraph(state: StateBlock, start_line: int, end_line: int) -> None:
    state.line = end_line
    token = state.push("paragraph_open", "p", 1)
    token.map = [start_line, end_line]
    token = state.push("inline", "", 0)
    token.content = mdTrim(state.getLines(start_line, end_line, state.blkIndent, False))
    token.map = [start_line, end_line]
    token.children = []
    state.push("paragraph_close", "p", -1)


def use_fast_rules(md: MarkdownIt) -> MarkdownIt:
    """Put `setext_heading` and `paragraph` in place of markdown-it's `lheading` and `paragraph`,
    which must be the last two block rules, and `dispatch` before every block rule."""
    ruler = md.block.ruler
    active = ruler.get_active_rules()
    if active[-2:] != ["lheading", "paragraph"]:
        raise ValueError(f"lheading and paragraph must close the block rules: {active}")
    ruler.at("lheading", setext_heading)
    ruler.at("paragraph", paragraph)
    ruler.before(active[0], "brief_dispatch", dispatch)
    return md
