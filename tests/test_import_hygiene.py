"""The model, the parser, the exports and the command line never import Textual."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

from tests.conftest import REPO

PURE_ROOMS = ("model", "parse", "reading", "platform")
"""Folders of tui/ whose every module must work without Textual: the model, the parsers, the logic
over them, and what touches the operating system (the state file, the clipboard)."""


def modules_in(room: str) -> list[str]:
    folder = REPO / "tui" / room
    return sorted(
        ".".join(("tui", *path.relative_to(REPO / "tui").with_suffix("").parts)).removesuffix(".__init__")
        for path in folder.rglob("*.py")
    )


PURE_IN_UI = ("tui.ui.collector", "tui.ui.watchdog")
"""Policies of the interface that the app drives but that need no Textual (the garbage collector's
timing, the exit's watchdog): tested on their own, so kept free of it."""

PURE_MODULES = ["tui", "tui.cli", *PURE_IN_UI, *(module for room in PURE_ROOMS for module in modules_in(room))]

REPORT = """
import json, sys
for name in sys.argv[1:]:
    __import__(name)
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def run_fresh(code: str, *args: str):
    """What `code` prints as JSON, run by a fresh interpreter that imports brief from this checkout."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def imported_after(*modules: str) -> list[str]:
    """The Textual modules loaded by a fresh interpreter that imports `modules`."""
    return run_fresh(REPORT, *modules)


def test_the_pure_modules_together_do_not_import_textual():
    assert imported_after(*PURE_MODULES) == []


def test_every_pure_room_is_checked():
    """A control: the list is read from the folders, so a new pure module cannot be left out."""
    for room in PURE_ROOMS:
        assert f"tui.{room}" in PURE_MODULES
    assert {"tui.reading.layout", "tui.platform.state", "tui.platform.clipboard", "tui.reading.position"} <= set(
        PURE_MODULES
    )


def test_the_check_can_see_textual():
    """A control: importing Textual is noticed, so the test above could fail."""
    assert importlib.util.find_spec("textual") is not None
    assert "textual" in imported_after("textual.app")


ROOMS_BELOW = {
    "model": set(),
    "parse": {"model"},
    "platform": {"model"},
    "reading": {"model", "parse", "platform"},
    "ui": {"model", "parse", "platform", "reading"},
    "serve": {"model", "parse", "platform", "reading", "ui", "cli"},
}
"""What each room may import besides itself: arrows run down only, so the rooms have no cycle."""


def tui_imports(path) -> set[str]:
    """The `tui.<room>` names that a module imports, at any depth of its code."""
    import ast

    rooms = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "tui" and len(parts) > 1 and parts[1] in (*ROOMS_BELOW, "cli"):
                rooms.add(parts[1])
    return rooms


def test_rooms_import_only_the_rooms_below_them():
    wrong = {}
    for room, below in ROOMS_BELOW.items():
        for path in (REPO / "tui" / room).rglob("*.py"):
            upward = tui_imports(path) - below - {room}
            if upward:
                wrong[str(path.relative_to(REPO))] = sorted(upward)
    assert wrong == {}


def test_the_room_check_sees_an_upward_import(tmp_path):
    """A control: an import from ui/ inside a pure room is reported."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from tui.ui.app import BriefApp\n")
    assert tui_imports(module) == {"ui"}


PARSE_A_TEXT_FILE = """
import json, sys
from tui.parse import load_path
from tui.cli import render
render(load_path(sys.argv[1]), "plain", 80)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("trafilatura", "lxml", "urllib"))))
"""


def test_reading_a_text_file_imports_neither_trafilatura_nor_lxml(tmp_path):
    """The first paint of a .txt must not pay for the web: trafilatura is imported by web pages only."""
    article = tmp_path / "note.txt"
    article.write_text("A note\n\nMain points\n\nThe text of the note, long enough to be read as prose.\n")
    loaded = run_fresh(PARSE_A_TEXT_FILE, str(article))
    # pathlib imports urllib.parse itself; urllib.request (the fetching) must not be loaded.
    assert [m for m in loaded if m not in ("urllib", "urllib.parse")] == []


PARSE_MARKDOWN = """
import json, sys
from tui.parse import parse_text
article = parse_text(sys.argv[1], name="note.md")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("yaml", "tomllib", "tomli"))
print(json.dumps([article.title, loaded]))
"""


def test_markdown_without_front_matter_imports_no_yaml_or_toml_parser():
    """A 1 MB Markdown file's preview is parsed before the reader's first frame: PyYAML's import
    (a fifth of the Markdown parser's) is paid only by a file that opens with a block to read."""
    title, loaded = run_fresh(PARSE_MARKDOWN, "# A note\n\nThe text of the note.\n\n---\n\nMore text.\n")
    assert (title, loaded) == ("A note", [])


def test_front_matter_is_still_read_with_its_parser():
    """A control: YAML and TOML front matter load their parsers, and give the title."""
    title, loaded = run_fresh(PARSE_MARKDOWN, "---\ntitle: From YAML\n---\n\nThe text.\n")
    assert title == "From YAML" and loaded[0] == "yaml"
    title, loaded = run_fresh(PARSE_MARKDOWN, '+++\ntitle = "From TOML"\n+++\n\nThe text.\n')
    assert title == "From TOML" and "tomllib" in loaded


def test_the_parse_process_imports_only_what_it_parses_with():
    """The parse process imports `tui.reading.loading` for `_parse_process`: every module loaded is memory
    held by that second Python (issue 13 item 11), so starting processes and threads stays the reader's."""
    loaded = set(run_fresh("import json, sys\nimport tui.reading.loading\nprint(json.dumps(sorted(sys.modules)))"))
    assert "tui.parse" in loaded
    assert not {"textual", "subprocess", "threading", "markdown_it"} & loaded


def test_the_parse_process_parses_a_text_it_is_handed_the_digest_of_without_openssl():
    """`hashlib` loads OpenSSL (3.7 MB); the reader's process has it loaded already (Textual does)
    and hashes a large text for its parse process, which uses that digest for preview and whole."""
    code = (
        "import json, sys\n"
        "from tui.parse import RawInput, parse_preview\n"
        "from tui.reading.loading import prepare_document\n"
        "data = ('# Title\\n\\n' + 'A paragraph of words.\\n\\n' * 20000).encode()\n"
        "raw = RawInput(data, 'a.md', None, 'a.md', hashed='0' * 64)\n"
        "preview, whole = parse_preview(raw), prepare_document(raw).document.article\n"
        "print(json.dumps([preview.digest, whole.digest, whole.complete, '_hashlib' in sys.modules]))\n"
    )
    assert run_fresh(code) == ["0" * 64, "0" * 64, True, False]


def test_the_markdown_parser_loads_yaml_only_for_a_file_with_front_matter():
    """PyYAML and datetime cost 1.6 MB in each process that parses Markdown; few files have front matter."""
    code = (
        "import json, sys\n"
        "from tui.parse import parse_text\n"
        "plain = parse_text('# Title\\n\\nSome *words*.\\n', name='a.md')\n"
        "before = sorted(m for m in ('yaml', 'tomllib', 'datetime') if m in sys.modules)\n"
        "matter = parse_text('---\\ntitle: Front\\ndate: 2024-05-01\\n---\\n\\nWords.\\n', name='b.md')\n"
        "print(json.dumps([plain.title, before, matter.title, matter.date, 'yaml' in sys.modules]))\n"
    )
    assert run_fresh(code) == ["Title", [], "Front", "2024-05-01", True]
