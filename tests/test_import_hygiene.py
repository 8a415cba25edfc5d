"""The model, the parser, the exports and the command line never import Textual."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

from tests.conftest import REPO

PURE_MODULES = [
    "tui",
    "tui.model.article",
    "tui.model.errors",
    "tui.parse",
    "tui.parse.decode",
    "tui.parse.sanitize",
    "tui.parse.plain",
    "tui.parse.markdown",
    "tui.parse.extract",
    "tui.reading.export",
    "tui.platform.resources",
    "tui.cli",
    "tui.reading.outline",
]
if (REPO / "tui" / "reading" / "layout.py").exists():
    PURE_MODULES.append("tui.reading.layout")

REPORT = """
import json, sys
for name in sys.argv[1:]:
    __import__(name)
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def imported_after(*modules: str) -> list[str]:
    """The Textual modules loaded by a fresh interpreter that imports `modules`."""
    result = subprocess.run(
        [sys.executable, "-c", REPORT, *modules],
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_pure_modules_together_do_not_import_textual():
    assert imported_after(*PURE_MODULES) == []


def test_the_check_can_see_textual():
    """A control: importing Textual is noticed, so the test above could fail."""
    assert importlib.util.find_spec("textual") is not None
    assert "textual" in imported_after("textual.app")
