"""The README's key table is the bindings' own table, so it cannot drift from the app."""

from __future__ import annotations

import re

from tests.app.helpers import screen_lines, seed_app
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


def test_readme_quick_start_names_the_one_prerequisite():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert quick_start.count("```sh") == 1 and len(re.findall(r"^(?:pip|brief|pytest)", quick_start, re.M)) == 2
    prerequisite = next(line for line in quick_start.splitlines() if line.startswith("Prerequisite:"))
    assert "activated virtual environment" in prerequisite and "pipx" in prerequisite


async def test_readme_screen_is_the_apps_screen_at_80x24():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"in an 80x24 terminal after pressing `4`:\n\n```\n(.*?)\n```", readme, re.S)
    assert match is not None, "README.md lost its 80x24 screen"
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        shown = screen_lines(app)
    assert match.group(1).split("\n") == shown, "update README.md's screen to:\n" + "\n".join(shown)
