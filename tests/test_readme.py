"""The README's key table is the bindings' own table, so it cannot drift from the app."""

from __future__ import annotations

import re

from tests.conftest import REPO
from tui.ui.app import help_bindings
from tui.ui.keys import key_table, markdown_key_table


def test_readme_key_table_matches_the_bindings():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- keys:start -->\n(.*?)\n<!-- keys:end -->", readme, re.S)
    assert match is not None, "README.md lost its <!-- keys:start --> … <!-- keys:end --> block"
    expected = markdown_key_table(key_table(help_bindings()))
    assert match.group(1) == expected, f"update README.md's key table to:\n{expected}"


def test_readme_quick_start_is_the_two_commands_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install . && brief\npip install -e '.[test]' && pytest\n" in readme
    assert "pip install -e '.[test]' && pytest" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
