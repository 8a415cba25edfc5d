"""The `brief` command for scripts and SSH sessions: its outputs, and its errors as one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, SEED
from tests.seed_expectations import SEED_SECTIONS, SEED_SUBTITLE, SEED_TAKEAWAYS_MARKDOWN, SEED_TITLE
from tui import __version__, cli
from tui.cli import main, parse_size

SEED_TAKEAWAYS = SEED_TAKEAWAYS_MARKDOWN + "\n"

SEED_OUTLINE = """\
The Diplomatic Gauntlet: Will Trump’s Meeting with Putin Yield a Ukrainian Ceasefire?
  1. Introduction
  2. Context & Background
  3. In-Depth Analysis
  4. Pros and Cons
      Pros
      Cons
  5. Key Takeaways
  6. Future Outlook
  7. Call to Action
"""

SEED_PRO_LABELS = [
    "Direct Dialogue and Potential Breakthroughs",
    "Leveraging Personal Rapport",
    "Unburdened by Traditional Diplomacy",
    "Focus on Ceasefire",
    "Testing Russian Resolve",
]
SEED_CON_LABELS = [
    "Risk of Undermining Allied Cohesion",
    "Unpredictability and Potential for Miscalculation",
    "Legitimizing Putin’s Actions",
    "Lack of Detailed Policy Preparation",
    "Potential for Deal-Making at Ukraine’s Expense",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run brief in this process; return (status, stdout, stderr)."""
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_process(*args: str, input: bytes | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m tui` as a user would, with output to a pipe (not a terminal)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "80", "PYTHONIOENCODING": "ascii"}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=input if input is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


# --- --json ---------------------------------------------------------------------------------------

ITEM_KEYS = {"label", "text", "depth", "spans"}
SPAN_STYLES = {"strong", "emphasis", "code", "strike", "link"}


def check_spans(spans: list, text: str) -> None:
    for span in spans:
        start, end, style, target = span
        assert 0 <= start < end <= len(text)
        assert style in SPAN_STYLES
        assert target is None or (style == "link" and type(target) is str)


def check_item(item: dict) -> None:
    assert set(item) == ITEM_KEYS
    assert item["label"] is None or type(item["label"]) is str
    assert type(item["text"]) is str
    assert type(item["depth"]) is int and item["depth"] >= 0
    check_spans(item["spans"], item["text"])


def check_block(block: dict) -> None:
    kind = block["kind"]
    if kind == "list":
        assert set(block) == {"kind", "ordered", "items"}
        assert type(block["ordered"]) is bool
        for item in block["items"]:
            check_item(item)
    elif kind == "paragraph":
        assert set(block) in ({"kind", "text", "spans"}, {"kind", "text", "spans", "label"})
        check_spans(block["spans"], block["text"])
    elif kind == "quote":
        assert set(block) == {"kind", "text", "blocks"}
        assert type(block["text"]) is str
        for part in block["blocks"]:
            assert part["kind"] != "quote"
            check_block(part)
    elif kind == "preformatted":
        assert set(block) == {"kind", "text", "language"}
        assert block["language"] is None or type(block["language"]) is str
    elif kind == "verse":
        assert set(block) == {"kind", "lines"}
        assert all(type(line) is str for line in block["lines"])
    else:
        assert kind == "table"
        assert set(block) == {"kind", "header", "rows", "align"}
        assert all(len(row) == len(block["header"]) for row in block["rows"])


def check_shape(document: dict) -> None:
    """The exact shape of `brief --json` version 2 (README, "JSON output")."""
    assert set(document) == {
        "version", "title", "subtitle", "author", "date", "site", "url", "format", "encoding",
        "replaced_bytes", "sections", "takeaways", "pros", "cons",
    }
    assert document["version"] == 2
    assert type(document["title"]) is str
    for key in ("subtitle", "author", "date", "site", "url"):
        assert document[key] is None or type(document[key]) is str
    assert document["format"] in ("text", "markdown", "html", "epub")
    assert type(document["encoding"]) is str
    assert type(document["replaced_bytes"]) is int
    assert type(document["sections"]) is list
    for section in document["sections"]:
        assert set(section) == {"heading", "level", "role", "blocks"}
        assert section["heading"] is None or type(section["heading"]) is str
        assert section["level"] in range(1, 7)
        assert section["role"] in ("body", "front-matter", "contents", "licence")
        for block in section["blocks"]:
            check_block(block)
    for key in ("takeaways", "pros", "cons"):
        for item in document[key]:
            check_item(item)


def test_json_of_the_seed(capsys):
    status, out, err = run(capsys, "--json", str(SEED))
    assert (status, err) == (0, "")
    document = json.loads(out)
    check_shape(document)
    assert document["title"] == SEED_TITLE
    assert document["subtitle"] == SEED_SUBTITLE
    assert (document["format"], document["encoding"]) == ("text", "utf-8")
    assert [(s["heading"], s["level"]) for s in document["sections"]] == SEED_SECTIONS
    analysis = document["sections"][3]["blocks"]
    assert [block["kind"] for block in analysis] == ["paragraph", "list", "paragraph", "paragraph", "paragraph"]
    assert len(document["takeaways"]) == 6
    assert document["takeaways"][0] == {
        "label": None,
        "text": "NATO Secretary General Mark Rutte views President Trump’s meeting with President Putin as a “test” "
        "for the Russian leader.",
        "depth": 0,
        "spans": [],
    }
    assert [i["label"] for i in document["pros"]] == SEED_PRO_LABELS
    assert [i["label"] for i in document["cons"]] == SEED_CON_LABELS
    assert document["pros"] == document["sections"][5]["blocks"][0]["items"]
    assert document["cons"] == document["sections"][6]["blocks"][0]["items"]
    assert "\x1b" not in out


def test_json_of_a_markdown_article_has_every_block_kind_and_nested_depths(capsys):
    status, out, _ = run(capsys, "--json", str(FIXTURES / "city-budget.md"))
    assert status == 0
    document = json.loads(out)
    check_shape(document)
    assert document["format"] == "markdown"
    kinds = {block["kind"] for section in document["sections"] for block in section["blocks"]}
    assert kinds == {"paragraph", "list", "quote", "preformatted", "table"}
    numbers = document["sections"][4]["blocks"][0]
    assert numbers == {
        "kind": "table",
        "header": ["Area", "2024", "2025"],
        "rows": [["Transport", "310", "372"], ["Parks", "45", "45"]],
        "align": [None, None, None],
    }
    transport = document["sections"][2]
    assert transport["heading"] == "Transport"
    assert [(i["label"], i["depth"]) for i in transport["blocks"][0]["items"]] == [
        ("Buses", 0),
        ("Cycling", 0),
        (None, 1),
        (None, 1),
        (None, 0),
    ]
    assert transport["blocks"][0]["ordered"] is False
    assert document["sections"][3]["blocks"][0]["ordered"] is True


def test_json_is_utf8_whatever_the_locale():
    result = run_process("--json", str(SEED))  # PYTHONIOENCODING=ascii in run_process
    assert (result.returncode, result.stderr) == (0, b"")
    assert "Trump’s".encode() in result.stdout  # not escaped as \u2019, and not mangled
    assert json.loads(result.stdout.decode("utf-8"))["title"] == SEED_TITLE


# --- --outline, --takeaways, --pros, --cons ---------------------------------------------------------


def test_outline(capsys):
    assert run(capsys, "--outline", str(SEED)) == (0, SEED_OUTLINE, "")


def test_outline_of_a_book_like_markdown_file(capsys):
    status, out, _ = run(capsys, "--outline", str(FIXTURES / "release-notes.md"))
    assert (status, out) == (
        0,
        "Release Notes\n  1. Version 2.0\n  2. Version 1.1\n      Known Issues\n  3. Version 1.0\n",
    )


def test_outline_indents_each_level_below_the_main_one_a_step_further(capsys, tmp_path):
    # `##` is the shallowest level here, so `##` headings are the main sections; `###` hangs under
    # them, `####` and `#####` one and two steps further, as in the navigator.
    path = tmp_path / "deep.md"
    path.write_text(
        "# Title\n\n## First\n\n### Sub\n\n#### Deeper\n\n##### Deepest\n\n## Second\n\n#### Skipped a level\n"
    )
    status, out, _ = run(capsys, "--outline", str(path))
    assert (status, out) == (
        0,
        "Title\n"
        "  1. First\n"
        "      Sub\n"
        "        Deeper\n"
        "          Deepest\n"
        "  2. Second\n"
        "        Skipped a level\n",
    )


def test_takeaways_are_a_markdown_list(capsys):
    assert run(capsys, "--takeaways", str(SEED)) == (0, SEED_TAKEAWAYS, "")


def test_pros_and_cons_are_markdown_lists_with_bold_labels(capsys):
    status, out, _ = run(capsys, "--pros", str(SEED))
    lines = out.splitlines()
    assert status == 0 and len(lines) == 5
    assert [line.split(":**")[0] for line in lines] == [f"- **{label}" for label in SEED_PRO_LABELS]
    assert lines[3] == (
        "- **Focus on Ceasefire:** The explicit goal of pushing for a ceasefire aligns with the overwhelming "
        "desire of the international community to end the ongoing violence and humanitarian crisis in Ukraine. "
        "If Trump can achieve even a temporary cessation of hostilities, it would be a significant positive "
        "development."
    )
    status, out, _ = run(capsys, "--cons", str(SEED))
    lines = out.splitlines()
    assert status == 0
    assert [line.split(":**")[0] for line in lines] == [f"- **{label}" for label in SEED_CON_LABELS]
    assert lines[-1] == (
        "- **Potential for Deal-Making at Ukraine’s Expense:** There is a concern that a deal might be struck "
        "without the full consultation or consent of Ukraine, potentially sacrificing its interests for a "
        "superficial resolution."
    )


def test_nested_items_are_indented_and_unlabelled_items_have_no_bold(capsys):
    status, out, _ = run(capsys, "--pros", str(FIXTURES / "remote-work.txt"))
    assert (status, out) == (
        0,
        "- **No commute:** Workers save about an hour a day.\n"
        "- **Focus:** Fewer interruptions for deep work.\n"
        "  - Especially for engineers\n"
        "  - Less so for managers\n",
    )


def test_an_article_without_takeaways_prints_nothing_and_exits_1(capsys):
    path = FIXTURES / "hard-wrapped.txt"
    assert run(capsys, "--takeaways", str(path)) == (1, "", f"brief: {path}: no key takeaways\n")


def test_output_options_are_exclusive(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--json", "--outline", str(SEED)])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


# --- where the article comes from ------------------------------------------------------------------


def test_no_file_uses_the_bundled_seed(capsys):
    status, out, _ = run(capsys, "--json")
    assert status == 0
    document = json.loads(out)
    assert (document["title"], document["subtitle"]) == (SEED_TITLE, SEED_SUBTITLE)


def test_dash_reads_standard_input():
    markdown = (FIXTURES / "city-budget.md").read_bytes()
    result = run_process("--outline", "-", input=markdown)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode() == (
        "The City Budget, Explained\n"
        "  1. What Changed\n"
        "      Transport\n"
        "      Housing\n"
        "  2. The Numbers\n"
        "  3. What People Said\n"
        "  4. Key Points\n"
        "  5. Pros and Cons\n"
        "      Pros\n"
        "      Cons\n"
    )


def test_standard_input_in_windows_1252_with_crlf():
    result = run_process("--json", "-", input=b"Caf\xe9 Society\r\n\r\nIt\x92s \x93good\x94.\r\n")
    assert result.returncode == 0
    document = json.loads(result.stdout.decode("utf-8"))
    assert (document["title"], document["encoding"]) == ("Café Society", "windows-1252")
    assert document["sections"] == [
        {"heading": None, "level": 2, "role": "body", "blocks": [{"kind": "paragraph", "text": "It’s “good”.", "spans": []}]}
    ]


def test_a_pipe_gets_the_article_as_wrapped_plain_text():
    result = run_process(str(SEED))  # no output option, standard output is a pipe
    assert (result.returncode, result.stderr) == (0, b"")
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[:3] == [
        "The Diplomatic Gauntlet: Will Trump’s Meeting with Putin Yield a Ukrainian",
        "Ceasefire?",
        "=" * 74,
    ]
    assert max(len(line) for line in lines) <= 80
    start = lines.index("• NATO Secretary General Mark Rutte views President Trump’s meeting with")
    assert lines[start - 3 : start + 2] == [
        "Key Takeaways",
        "-------------",
        "",
        "• NATO Secretary General Mark Rutte views President Trump’s meeting with",
        "  President Putin as a “test” for the Russian leader.",
    ]


def test_plain_wraps_at_the_given_width(capsys):
    status, out, _ = run(capsys, "--plain", "--width", "40", str(FIXTURES / "hard-wrapped.txt"))
    assert status == 0
    assert out == (
        "Notes From the Night Train\n"
        "==========================\n"
        "\n"
        "A journey across three borders in one\n"
        "sleepless night\n"
        "\n"
        "The train left the capital a little\n"
        "after ten, its carriages still warm from\n"
        "the afternoon sun, and the conductor\n"
        "walked the corridor twice to check that\n"
        "every compartment door was latched\n"
        "before the first tunnel.\n"
        "\n"
        "By midnight the dining car had closed. A\n"
        "few passengers stood at the windows,\n"
        "watching the lights of small towns slide\n"
        "past. Those bound for Old Town Station\n"
        "were told to change at the junction, and\n"
        "most of them slept through it.\n"
        "\n"
        "The Border Crossing\n"
        "-------------------\n"
        "\n"
        "At the first border the train stopped\n"
        "for forty minutes. Officers in long\n"
        "coats collected passports, stamped them\n"
        "under a dim lamp and handed them back\n"
        "without a word.\n"
        "\n"
        "What to Pack\n"
        "\n"
        "• Water: The dining car closes at\n"
        "  midnight and does not open again until\n"
        "  the train has crossed the second\n"
        "  border.\n"
        "• A torch, because the corridor lights\n"
        "  go out at one.\n"
    )


def test_no_file_in_a_pipe_prints_the_seed_as_text(capsys):
    status, out, _ = run(capsys)
    assert status == 0
    assert out.startswith("The Diplomatic Gauntlet: Will Trump’s Meeting with Putin Yield a Ukrainian\nCeasefire?\n")


# --- --version and --help ----------------------------------------------------------------------------


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"brief {__version__}\n"


def test_help_has_examples():
    result = run_process("--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    assert text.startswith("usage: brief ")
    for option in ("--json", "--outline", "--takeaways", "--pros", "--cons", "--plain", "--max-size", "--version"):
        assert option in text
    examples = text[text.index("examples:") :]
    assert "curl -s URL | brief -" in examples
    assert "brief --takeaways report.txt" in examples
    assert "brief --json report.txt" in examples


# --- errors: one line, `brief: <where>: <reason>`, status 2 -------------------------------------------


def assert_one_line_error(status: int, out: str, err: str, where: str, reason: str) -> None:
    assert status == 2
    assert out == ""
    assert err == f"brief: {where}: {reason}\n"
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\t\n\r\n   ", "file is empty"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "file is empty"),
        ("escapes-only.txt", b"\x1b[31m\x1b[0m\n", "file is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes)"),
        ("noise.txt", bytes(range(1, 9)) * 50, "binary file (mostly undecodable bytes)"),
    ],
)
def test_unreadable_content(capsys, tmp_path: Path, name: str, data: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(*run(capsys, "--json", str(path)), str(path), reason)


def test_missing_file(capsys, tmp_path: Path):
    path = tmp_path / "nowhere.txt"
    assert_one_line_error(*run(capsys, str(path)), str(path), "no such file")


def test_directory(capsys, tmp_path: Path):
    assert_one_line_error(*run(capsys, "--outline", str(tmp_path)), str(tmp_path), "is a directory")


def test_too_large_for_the_stated_limit(capsys, tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text("Big\n\n" + "word " * 400, encoding="utf-8")  # 2,005 bytes
    assert_one_line_error(
        *run(capsys, "--max-size", "1k", str(path)), str(path), "file is too large (2.0 KB; the limit is 1.0 KB)"
    )
    status, out, _ = run(capsys, "--max-size", "2005", "--outline", str(path))
    assert (status, out) == (0, "Big\n")


@pytest.mark.parametrize("value", ["abc", "12Q", "-5", "", "1.2.3M"])
def test_bad_max_size_value(capsys, value: str):
    assert_one_line_error(
        *run(capsys, "--max-size", value, str(SEED)),
        "--max-size",
        f"not a size: {value!r} (try 64M or 500k)",
    )


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("2005", 2005),
        ("500k", 500 * 1024),
        ("500KB", 500 * 1024),
        ("64M", 64 * 1024**2),
        ("1.5mb", 1572864),
        ("2G", 2 * 1024**3),
    ],
)
def test_max_size_units(value: str, size: int):
    assert parse_size(value) == size


def test_the_limit_is_checked_before_reading(capsys, tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(65 * 1024**2)  # sparse: 65 MB that take no space and are never read
    assert_one_line_error(*run(capsys, str(path)), str(path), "file is too large (65.0 MB; the limit is 64.0 MB)")
    status, _, err = run(capsys, "--max-size", "66M", str(path))
    assert (status, err) == (2, f"brief: {path}: binary file (contains NUL bytes)\n")


def test_errors_from_standard_input():
    cases = [(b"", "file is empty"), (b" \n", "file is empty"), (b"\x00\x01", "binary file (contains NUL bytes)")]
    for data, reason in cases:
        result = run_process("--json", "-", input=data)
        assert (result.returncode, result.stdout) == (2, b"")
        assert result.stderr.decode() == f"brief: -: {reason}\n"


def test_standard_input_over_the_limit():
    result = run_process("--max-size", "1k", "--json", "-", input=b"Title\n\n" + b"word " * 300)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == "brief: -: input is too large (over 1.0 KB)\n"


def test_errors_in_a_real_process_have_no_traceback(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    for args in (["missing.txt"], ["empty.txt"], ["."], ["--max-size", "lots", "missing.txt"]):
        result = run_process(*args, cwd=tmp_path)
        assert result.returncode == 2
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1 and lines[0].startswith("brief: ")
        assert "Traceback" not in result.stderr.decode()
    assert run_process("missing.txt", cwd=tmp_path).stderr == b"brief: missing.txt: no such file\n"
    assert run_process(".", cwd=tmp_path).stderr == b"brief: .: is a directory\n"


def test_forget_clears_what_is_stored_for_a_file_and_for_all(isolated_state, capsys):
    from tui.platform.state import ArticleState, StateStore

    store = StateStore()
    seed_digest = cli.load(None, 1 << 20).digest
    store.update(seed_digest, lambda _: ArticleState("Seed", str(SEED.resolve())))
    store.update("other", lambda _: ArticleState("Other", "/elsewhere/other.txt"))
    assert cli.main(["--forget", str(SEED)]) == 0
    assert capsys.readouterr().out.strip() == f"Forgot {SEED}."
    assert store.get(seed_digest) == (None, False)
    assert cli.main(["--forget", str(SEED)]) == 0
    assert "nothing stored" in capsys.readouterr().out
    assert cli.main(["--forget"]) == 0
    assert capsys.readouterr().out.strip() == "Forgot 1 article."
    assert store.get("other") == (None, False)


def test_help_mentions_the_library_of_a_folder(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert exit.value.code == 0
    assert "a folder (DIR) to list its articles in a library" in " ".join(out.split())
    assert "brief ~/reading/" in out


def test_ctrl_c_while_a_large_input_s_preview_is_on_its_way_exits_130_without_a_traceback():
    import argparse

    from tui import cli

    cancelled = []

    class Pending:
        def cancel(self):
            cancelled.append(True)

    class Waiting:
        pending = Pending()

        def ready(self):
            raise KeyboardInterrupt  # the user's Ctrl+C while the parse process makes the preview

    args = argparse.Namespace(file="big.txt", clipboard=None, theme=None, no_resume=False)
    assert cli._run_reader(args, opened=Waiting()) == 130
    assert cancelled == [True]
