"""Which text is Markdown when its name does not say: the sniffing rule in tui/parse/detect.py."""

from __future__ import annotations

from tui.parse import parse_text
from tui.parse.detect import looks_like_markdown

# The shape of GCC's README.Bugs: setext headings, then a quoted standard as a block of `#` comments.
QUOTED_COMMENTS = """Reporting Bugs
==============

Check that the behaviour really is a bug before you report it.

Known Bugs
----------

# A conversion can add cv-qualifiers at levels other than the first in
# multi-level pointers, subject to the following rules:
# Two pointer types T1 and T2 are similar if there exists a type T and
# integer n > 0 such that:

The rules above are quoted from the standard.

# where each cv(i,j) is const, volatile, const volatile, or
# nothing.
"""


def test_blocks_of_hash_comment_lines_do_not_make_a_text_file_markdown():
    assert not looks_like_markdown(QUOTED_COMMENTS)
    article = parse_text(QUOTED_COMMENTS, name="README.Bugs")
    assert article.format == "text"
    assert "# A conversion can add cv-qualifiers" not in [s.heading for s in article.sections]


def test_headings_that_stand_apart_make_a_text_markdown():
    notes = "Intro line.\n\n## Install\n\nRun it.\n\n## Use\n\nUse it.\n"
    assert looks_like_markdown(notes)
    assert parse_text(notes, name="NOTES").format == "markdown"
    # One heading standing apart, then the same comment lines: still not enough.
    assert not looks_like_markdown("Intro.\n\n## Install\n\n# comment one\n# comment two\n")
    # A file that opens with `# Title` is Markdown, as before.
    assert looks_like_markdown("# Title\n\nText.\n")
