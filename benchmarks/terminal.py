"""brief as a person sees it: first paint, key-to-screen latency and peak memory in a real terminal.

Every program runs in a tmux pane of its own (120x40, TERM=xterm-256color, one tmux server per run on
a private socket) and the screen is read the way a person reads it: by polling what tmux shows
(`capture-pane`, about every 10 ms, through a control-mode client so that polling costs ~0.2 ms
rather than a process per poll). The clock starts when tmux is asked to start the program, or when
a key is sent, and stops at the first poll that shows the expected screen.

What is measured, for each input:

- **first paint**: until the first screen is there. brief: its title on the first row and the
  status line drawn (`·`); the floor: `floor ready`; less: the file's first line; the peers: the
  document's title. For brief, **title shown** is when the title alone is on the first row, which
  tells whether the first screen comes in one frame (the two are equal) or in steps.
- **complete** (brief): until the status line no longer says `loading …`, i.e. the whole input is
  parsed and laid out (large inputs open on a preview of their start; see `tui/reading/loading.py`).
- **`]`** (brief), from the top: until the first heading is the top row of the reading pane.
- **`G`**: until the last heading is on screen (brief: in the reading pane or the status line;
  less: `(END)`).
- **`]`, status line** and **`G`, status line** (brief): from the same key press until the status
  line names the new section (`]`) or says `100%` (`G`); the navigator is updated with it.
- **PageDown, mid**: in the middle of the input (brief: `/` a phrase that occurs once, near the
  middle, Enter, then Escape; less: `50%`), until the reading pane (less: the screen) changes. Two
  presses: the table gives the second, and the first (right after the jump) in a column of its own.
- **peak RSS**: VmHWM of the program's own process, read from /proc at the end of its run; brief's
  worker processes (the parse of a large input runs in one) are reported apart as `+workers`.
- The **floor** is an empty Textual app that shows one line (`floor_app.py`), measured with every
  input in every run; its key latency (any key rewrites its line) is the floor for the key columns.

Programs are interleaved (for each run, for each input, every program, in an order that rotates
from run to run, after one untimed warm-up start of each); the table gives the median with min–max
and, for first paint, the ratio to the floor's median over the whole run (every input's floor
measurements: the floor reads no input). Before each key the screen
must have been still for 0.3 s. Steps have timeouts: a program that times out on its first paint
is not retried on that input (`timeout`). Every figure goes to benchmarks/.generated/terminal-results.json
(terminal-results-quick.json with --quick); `--from-results FILE` prints the tables from one again.

    python benchmarks/terminal.py [--runs N] [--peers] [--quick] [--inputs seed,war-and-peace,10MB.md,...]
    python benchmarks/terminal.py --before /path/to/other/venv/bin/brief   # before / after, interleaved

`--peers` adds Textual's MarkdownViewer (`markdown_viewer.py`) and frogmouth, which is installed on
request into benchmarks/.venv-frogmouth (git-ignored), on the Markdown inputs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import json
import os
import platform
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO / "seeds" / "diplomatic-gauntlet.txt"
sys.path.insert(0, str(BENCHMARKS))

from generate import MB, cached_path  # noqa: E402

WIDTH, HEIGHT = 120, 40
POLL = 0.010
"""Seconds between two looks at the screen."""
PAINT_TIMEOUT = 60.0
"""First paint, and brief's complete document, must come within this many seconds."""
KEY_TIMEOUT = 10.0
"""A key's effect must be on screen within this many seconds."""
QUIET = 0.3
"""Before a key is sent the screen must have been still for this long."""
FROGMOUTH_VENV = BENCHMARKS / ".venv-frogmouth"
INSTALL_TIMEOUT = 300.0
SCREENS = BENCHMARKS / ".generated" / "terminal-screens"
"""Where the screen is saved when a step times out or a program exits (git-ignored)."""
RESULTS = BENCHMARKS / ".generated" / "terminal-results.json"

METRICS = (
    "title",
    "first_paint",
    "complete",
    "next",
    "next_status",
    "bottom",
    "bottom_status",
    "pagedown_first",
    "pagedown",
    "rss",
    "workers",
    "rss_at_timeout",
)
BAR_CHARS = "▁▂▃▄▅▆▇█▔▕▏ "


class StepFailed(Exception):
    """A step did not see its screen: it timed out, or the program exited."""

    def __init__(self, what: str, reason: str, lines: list[str]) -> None:
        super().__init__(f"{what}: {reason}")
        self.what, self.reason, self.lines = what, reason, lines


# --- One tmux server with one pane, driven through a control-mode client -----------------------------


def _word(text: str) -> str:
    """`text` as one single-quoted tmux word (the benchmark never needs a quote inside one)."""
    if "'" in text or "\n" in text:
        raise ValueError(f"cannot pass {text!r} to tmux unquoted")
    return f"'{text}'"


class Pane:
    """A private tmux server (`tmux -L <unique socket>`) whose one pane runs the program measured."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.socket = f"brief-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.height = height
        self.pid: int | None = None
        self.workers: dict[int, int] = {}  # pid of a descendant → its peak RSS seen, in kB
        self._client: subprocess.Popen[bytes] | None = None
        self._blocks: queue.Queue[tuple[bool, list[str]] | None] = queue.Queue()
        self._attached = threading.Event()
        # No user configuration; a status bar would take a row; a dead pane keeps its screen.
        with tempfile.NamedTemporaryFile("w", prefix="brief-bench-", suffix=".conf", delete=False) as conf:
            conf.write("set -g status off\nset -g remain-on-exit on\nset -sg escape-time 0\nset -g history-limit 200\n")
        self._conf = conf.name
        subprocess.run(
            ["tmux", "-L", self.socket, "-f", self._conf, "new-session", "-d", "-s", "bench",
             "-x", str(width), "-y", str(height), "sleep 3600"],
            check=True, capture_output=True, timeout=10,
        )  # fmt: skip
        self._path = self._tmux("display-message", "-p", "#{socket_path}").strip()
        try:
            self._attach()
        except BaseException:
            self.close()
            raise

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10).stdout

    def _attach(self) -> None:
        self._client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-f", "no-output", "-t", "bench"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )  # no-output: no copy of the program's output for us to read
        threading.Thread(target=self._read, daemon=True).start()
        marker = f"ready-{uuid.uuid4().hex[:6]}"
        self._write(f"display-message -p {marker}")
        if self._next_block(10.0)[1] != [marker]:
            raise RuntimeError("tmux's control client is out of step")
        if not self._attached.wait(10.0):
            raise RuntimeError("tmux's control client did not attach")

    def _read(self) -> None:
        assert self._client is not None and self._client.stdout is not None
        block: list[str] | None = None
        ours = False
        for raw in self._client.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if block is None:
                if line.startswith("%begin"):
                    block, ours = [], line.split()[-1] == "1"  # flag 1: the reply to a command we sent
                elif line.startswith("%session-changed"):
                    self._attached.set()
                continue  # a notification
            if line.startswith(("%end ", "%error ")):
                if ours:
                    self._blocks.put((line.startswith("%end"), block))
                block = None
            else:
                block.append(line)
        self._blocks.put(None)

    def _write(self, command: str) -> None:
        assert self._client is not None and self._client.stdin is not None
        self._client.stdin.write(command.encode() + b"\n")
        self._client.stdin.flush()

    def _next_block(self, timeout: float) -> tuple[bool, list[str]]:
        try:
            block = self._blocks.get(timeout=timeout)
        except queue.Empty:
            raise RuntimeError(f"tmux did not answer within {timeout} s") from None
        if block is None:
            raise RuntimeError("the tmux control client went away")
        return block

    def command(self, command: str, timeout: float = 10.0) -> list[str]:
        """Run one tmux command; its output lines."""
        self._write(command)
        ok, lines = self._next_block(timeout)
        if not ok:
            raise RuntimeError(f"tmux {command!r} failed: {' '.join(lines)}")
        return lines

    def start(self, argv: list[str], env: dict[str, str]) -> float:
        """Replace the pane's placeholder with `argv` (no shell; a clean environment); the start time."""
        words = ["env", "-i", *(f"{key}={value}" for key, value in env.items()), *argv]
        started = time.perf_counter()
        self.command("respawn-pane -k -t bench " + " ".join(_word(word) for word in words))
        self.pid = int(self.command("display-message -p -t bench '#{pane_pid}'")[0])
        return started

    def screen(self) -> list[str]:
        lines = self.command("capture-pane -p -t bench")
        return (lines + [""] * self.height)[: self.height]

    def send(self, key: str, literal: bool = False) -> float:
        """Send a key (a tmux key name) or, with `literal`, text; the time it was sent."""
        sent = time.perf_counter()
        self.command(f"send-keys -t bench {'-l ' if literal else ''}{_word(key)}")
        return sent

    def alive(self) -> bool:
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] != "Z"

    def sample_workers(self) -> None:
        """Note the peak RSS of every process below the program (brief's parse runs in one)."""
        if self.pid is None:
            return
        for pid in _descendants(self.pid):
            peak = vm_hwm(pid)
            if peak is not None:
                self.workers[pid] = max(peak, self.workers.get(pid, 0))

    def wait_for(self, what: str, condition: Callable[[list[str]], bool], since: float, timeout: float) -> float:
        """Poll until `condition(screen)` holds; the seconds from `since` to the poll that saw it."""
        deadline = since + timeout
        next_poll = time.perf_counter()
        while True:
            lines = self.screen()
            seen = time.perf_counter()
            if condition(lines):
                return seen - since
            self.sample_workers()
            if seen > deadline:
                raise StepFailed(what, f"timeout ({timeout:.0f} s)", lines)
            if not self.alive():
                raise StepFailed(what, "the program exited", self.screen())
            next_poll += POLL
            time.sleep(max(0.0, next_poll - time.perf_counter()))

    def settle(self, quiet: float = QUIET, timeout: float = 10.0) -> list[str]:
        """Wait until the screen has not changed for `quiet` seconds (or `timeout` passes); the screen."""
        deadline = time.perf_counter() + timeout
        last, since = self.screen(), time.perf_counter()
        while time.perf_counter() < deadline:
            time.sleep(POLL)
            self.sample_workers()
            lines = self.screen()
            if lines != last:
                last, since = lines, time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                break
        return last

    def key(self, what: str, key: str, effect: Callable[[list[str]], bool], literal: bool = False) -> float:
        """Seconds from sending `key` until `effect` shows, on a still screen where it did not show yet."""
        before = self.settle()
        if effect(before):
            raise StepFailed(what, "its effect was on screen before the key", before)
        sent = self.send(key, literal)
        return self.wait_for(what, effect, sent, KEY_TIMEOUT)

    def key_and_status(
        self, what: str, key: str, effect: Callable[[list[str]], bool], status: Callable[[list[str]], bool]
    ) -> tuple[float, float]:
        """Seconds from sending `key` until `effect` shows, and until `status` shows (it may be later)."""
        before = self.settle()
        if effect(before) or status(before):
            raise StepFailed(what, "its effect was on screen before the key", before)
        sent = self.send(key)
        first = self.wait_for(what, effect, sent, KEY_TIMEOUT)
        return first, self.wait_for(f"{what} (status line)", status, sent, KEY_TIMEOUT)

    def close(self) -> None:
        """Kill the tmux server, then any process the program left behind (by pid)."""
        leftovers = _descendants(self.pid) if self.pid is not None else set()
        if self._client is not None:
            with contextlib.suppress(OSError):
                self._client.stdin.close()  # type: ignore[union-attr]
        self._tmux("kill-server")
        if self._client is not None:
            try:
                self._client.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._client.kill()
        for pid in leftovers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        Path(self._conf).unlink(missing_ok=True)
        if self._path.endswith(self.socket):  # tmux leaves its socket behind
            Path(self._path).unlink(missing_ok=True)


def vm_hwm(pid: int) -> int | None:
    """The peak resident set size of process `pid`, in kB (None once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _descendants(pid: int) -> set[int]:
    """The processes below `pid`; one that ends while they are listed is left out (brief's parse
    process ends as soon as it has sent the lines)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


# --- Reading brief's screen ---------------------------------------------------------------------------


def reading_rows(lines: list[str]) -> list[str]:
    """The reading pane's rows (the screen's first row to the status line): right of the navigator's
    `▕` edge and of the pane's mark of focus `▌`, left of the panel's `▏`, without the scroll bar."""
    rows = []
    for row in lines[:-2]:
        edge = row.find("▕")
        if edge >= 0:
            row = row[edge + 1 :]
        panel = row.find("▏")
        if panel >= 0:
            row = row[:panel]
        rows.append(row.strip().removeprefix("▌").strip().rstrip(BAR_CHARS))
    return rows


def reading_pane_top(lines: list[str]) -> str:
    """The first row of the reading pane, as tests/e2e/test_terminal.py reads it."""
    return reading_rows(lines)[0]


def status_line(lines: list[str]) -> str:
    """brief's status line: the row above the footer."""
    return lines[-2].strip()


def changed(before: list[str], part: Callable[[list[str]], list[str]]) -> Callable[[list[str]], bool]:
    """A condition: `part` of the screen is no longer `before`."""
    return lambda lines: part(lines) != before


def shows_heading(row: str, heading: str) -> bool:
    """`row` is `heading`, or the start of it where a long heading wraps."""
    return bool(row) and (row == heading or (len(row) >= 20 and heading.startswith(row)))


# --- Inputs ---------------------------------------------------------------------------------------------


@dataclass
class Input:
    """One file to open, and what each program shows of it."""

    label: str
    path: Path
    markdown: bool
    title: str = ""  # as brief shows it
    first_heading: str = ""  # where `]` from the top goes
    last_heading: str = ""
    first_line: str = ""  # a piece of the file's first line, as less shows it
    middle_phrase: str = ""  # lower-case words that occur once, near the middle
    size: int = 0


def build_inputs(labels: list[str] | None, quick: bool) -> tuple[list[Input], list[str]]:
    """The inputs, with what to look for in each; notes on those skipped."""
    notes: list[str] = []
    candidates: list[tuple[str, Callable[[], Path | None], bool]] = [
        ("seed", lambda: SEED, False),
        ("war-and-peace", lambda: CORPUS / "war-and-peace.txt", False),
        ("1MB.txt", lambda: cached_path(1 * MB, "text"), False),
        ("1MB.md", lambda: cached_path(1 * MB, "markdown"), True),
        ("10MB.txt", lambda: cached_path(10 * MB, "text"), False),
        ("10MB.md", lambda: cached_path(10 * MB, "markdown"), True),
    ]
    if quick and labels is None:
        labels = ["seed", "1MB.md"]
    inputs = []
    for label, where, markdown in candidates:
        if labels is not None and label not in labels:
            continue
        path = where()
        if path is None or not path.exists():
            notes.append(f"{label}: {path} is absent, skipped")
            continue
        inputs.append(describe(Input(label, path, markdown, size=path.stat().st_size)))
    return inputs, notes


def describe(item: Input) -> Input:
    """Fill in what the programs will show of `item`, from brief's own parse (`brief --json`)."""
    out = subprocess.run([brief_command(), "--json", str(item.path)], capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"brief --json {item.path} failed: {out.stderr.strip()}")
    parsed = json.loads(out.stdout)
    headings = [section["heading"] for section in parsed["sections"] if section["heading"]]
    item.title = parsed["title"]
    item.first_heading, item.last_heading = headings[0], headings[-1]
    text = decode(item.path.read_bytes())
    first = next(line for line in text.splitlines() if line.strip())
    item.first_line = max(re.findall(r"[\x20-\x7e]+", first), key=len).strip()[:40]
    item.middle_phrase = middle_phrase(text)
    return item


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def middle_phrase(text: str, words: int = 6) -> str:
    """Six lower-case words in a row, free of markup, that occur once in `text`, from its middle on."""
    lower = text.lower()
    edge = r"[\w*\[\]()_`’'-]"
    pattern = re.compile(rf"(?<!{edge})[a-z]+(?: [a-z]+){{{words - 1}}}(?!{edge})")
    for start in range(len(text) // 2, len(text), 20_000):
        for match in pattern.finditer(text, start, start + 20_000):
            if lower.count(match.group()) == 1:
                return match.group()
    raise SystemExit("no phrase that occurs once in the middle of the input")


# --- Programs ---------------------------------------------------------------------------------------------


def brief_command() -> str:
    """The installed `brief` console script beside this Python (not a pyenv shim: that is a shell script)."""
    beside = Path(sys.executable).with_name("brief")
    found = str(beside) if beside.exists() else shutil.which("brief")
    if found is None:
        raise SystemExit("the brief command is not installed: pip install -e .")
    return found


def base_env(home: Path) -> dict[str, str]:
    return {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": str(home), "PATH": os.environ.get("PATH", "")}


class Program:
    """Something to measure: how to start it on an input, and what its screens look like."""

    name = ""

    def applies_to(self, item: Input) -> bool:
        return True

    def argv(self, item: Input, home: Path) -> list[str]:
        raise NotImplementedError

    def env(self, home: Path) -> dict[str, str]:
        return base_env(home)

    def measure(self, pane: Pane, item: Input, started: float, result: dict[str, float | None]) -> None:
        raise NotImplementedError


class Floor(Program):
    name = "floor"

    def argv(self, item: Input, home: Path) -> list[str]:
        return [sys.executable, str(BENCHMARKS / "floor_app.py")]

    def measure(self, pane: Pane, item: Input, started: float, result: dict[str, float | None]) -> None:
        result["first_paint"] = pane.wait_for("first paint", lambda s: "floor ready" in s[0], started, PAINT_TIMEOUT)
        result["next"] = pane.key("key", "j", lambda s: "floor key 1" in s[0])


class Brief(Program):
    name = "brief"

    def __init__(self, command: str | None = None, name: str = "brief") -> None:
        self.command, self.name = command, name

    def argv(self, item: Input, home: Path) -> list[str]:
        return [self.command or brief_command(), "--no-resume", str(item.path)]

    def env(self, home: Path) -> dict[str, str]:
        return {**base_env(home), "BRIEF_STATE_DIR": str(home / "state")}

    def measure(self, pane: Pane, item: Input, started: float, result: dict[str, float | None]) -> None:
        # The title is the reading pane's first line (there is no title bar), wrapped at its measure.
        title = item.title[:30]

        def title_shown(lines: list[str]) -> bool:
            return title in lines[0]

        def first_frame(lines: list[str]) -> bool:
            return title_shown(lines) and "·" in status_line(lines)

        result["title"] = pane.wait_for("first paint", title_shown, started, PAINT_TIMEOUT)
        result["first_paint"] = pane.wait_for("first paint", first_frame, started, PAINT_TIMEOUT)
        result["complete"] = pane.wait_for(
            "complete", lambda s: first_frame(s) and "loading" not in status_line(s), started, PAINT_TIMEOUT
        )
        pane.wait_for("footer", lambda s: "Quit" in s[-1], started, PAINT_TIMEOUT)
        # Each key twice over: until its effect is in the reading pane (or anywhere, for `G`), then
        # until the status line says so too (the navigator follows with it).
        result["next"], result["next_status"] = pane.key_and_status(
            "]",
            "]",
            lambda s: shows_heading(reading_pane_top(s), item.first_heading),
            lambda s: f" {item.first_heading} · " in f" {status_line(s)}",
        )

        def last_heading_shown(lines: list[str]) -> bool:
            return f" {item.last_heading} · " in f" {status_line(lines)}" or any(
                shows_heading(row, item.last_heading) for row in reading_rows(lines)
            )

        result["bottom"], result["bottom_status"] = pane.key_and_status(
            "G", "G", last_heading_shown, lambda s: "· 100% ·" in status_line(s)
        )
        self.go_to_middle(pane, item)
        for metric in ("pagedown_first", "pagedown"):  # the first key after a search can be slower
            result[metric] = pane.key("PageDown", "PageDown", changed(reading_rows(pane.settle()), reading_rows))

    @staticmethod
    def go_to_middle(pane: Pane, item: Input) -> None:
        """`/`, the phrase, Enter, Escape: the reading pane shows the middle of the input."""
        pane.key("search bar", "/", lambda s: any("Search" in row for row in s[-6:-1]))
        words = item.middle_phrase[:24]
        pane.key("search typed", item.middle_phrase, lambda s: any(words in row for row in s[-6:]), literal=True)
        pane.key("search closed", "Enter", lambda s: not any(words in row for row in s[-6:]))
        pane.settle()
        pane.send("Escape")
        lines = pane.settle()
        percent = re.search(r"· (\d+)% ·", status_line(lines))
        if percent is None or not 25 <= int(percent.group(1)) <= 75:
            raise StepFailed("to the middle", f"the search did not land in the middle: {status_line(lines)!r}", lines)


class Less(Program):
    name = "less"

    def argv(self, item: Input, home: Path) -> list[str]:
        return ["less", str(item.path)]

    def env(self, home: Path) -> dict[str, str]:
        return {**base_env(home), "LESSHISTFILE": "-"}

    def measure(self, pane: Pane, item: Input, started: float, result: dict[str, float | None]) -> None:
        result["first_paint"] = pane.wait_for("first paint", lambda s: item.first_line in s[0], started, PAINT_TIMEOUT)
        result["bottom"] = pane.key("G", "G", lambda s: "(END)" in s[-1])
        pane.send("50%", literal=True)
        pane.wait_for("to the middle", lambda s: "(END)" not in s[-1], time.perf_counter(), KEY_TIMEOUT)
        for metric in ("pagedown_first", "pagedown"):
            result[metric] = pane.key("PageDown", "PageDown", changed(pane.settle()[:-1], lambda s: s[:-1]))


class Peer(Program):
    """A Markdown viewer built on Textual: first paint (the title) and peak RSS, on Markdown inputs."""

    def applies_to(self, item: Input) -> bool:
        return item.markdown

    def measure(self, pane: Pane, item: Input, started: float, result: dict[str, float | None]) -> None:
        title = item.title[:30]
        result["first_paint"] = pane.wait_for(
            "first paint", lambda s: any(title in row for row in s), started, PAINT_TIMEOUT
        )
        pane.settle(quiet=1.0, timeout=PAINT_TIMEOUT)


class MarkdownViewerPeer(Peer):
    name = "MarkdownViewer"

    def argv(self, item: Input, home: Path) -> list[str]:
        return [sys.executable, str(BENCHMARKS / "markdown_viewer.py"), str(item.path)]


class Frogmouth(Peer):
    name = "frogmouth"

    def argv(self, item: Input, home: Path) -> list[str]:
        return [str(FROGMOUTH_VENV / "bin" / "frogmouth"), str(item.path)]

    def env(self, home: Path) -> dict[str, str]:
        return {**base_env(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}


FLOOR, BRIEF, LESS, MARKDOWN_VIEWER, FROGMOUTH = Floor(), Brief(), Less(), MarkdownViewerPeer(), Frogmouth()
ALL_PROGRAMS = (FLOOR, BRIEF, LESS, MARKDOWN_VIEWER, FROGMOUTH)


def frogmouth_ready() -> str | None:
    """Install frogmouth into its own virtual environment if it is not there; None, or why it can't be."""
    executable = FROGMOUTH_VENV / "bin" / "frogmouth"
    if executable.exists():
        return None
    print(f"installing frogmouth into {FROGMOUTH_VENV.relative_to(REPO)} …", file=sys.stderr)
    try:
        venv = [sys.executable, "-m", "venv", str(FROGMOUTH_VENV)]
        subprocess.run(venv, check=True, capture_output=True, timeout=120)
        subprocess.run(
            [str(FROGMOUTH_VENV / "bin" / "pip"), "install", "--quiet", "frogmouth"],
            check=True, capture_output=True, text=True, timeout=INSTALL_TIMEOUT,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"installing it took over {INSTALL_TIMEOUT:.0f} s"
    except subprocess.CalledProcessError as error:
        tail = (error.stderr or "").strip().splitlines()[-1:] or [f"exit status {error.returncode}"]
        return f"it could not be installed: {tail[0]}"
    return None if executable.exists() else "the install left no frogmouth command"


# --- Running -------------------------------------------------------------------------------------------------


@dataclass
class Cell:
    """Every run's figures for one program on one input."""

    values: dict[str, list[float | None]] = field(default_factory=lambda: {metric: [] for metric in METRICS})
    failures: list[str] = field(default_factory=list)
    gave_up: bool = False  # its first paint timed out: not tried again


def run_once(program: Program, item: Input, cell: Cell) -> None:
    """Start `program` on `item` in a fresh tmux server and measure it; the server is always killed."""
    result: dict[str, float | None] = {}
    with tempfile.TemporaryDirectory(prefix="brief-bench-home-", ignore_cleanup_errors=True) as home:
        pane = Pane()
        try:
            started = pane.start(program.argv(item, Path(home)), program.env(Path(home)))
            program.measure(pane, item, started, result)
        except StepFailed as failure:
            cell.failures.append(f"{failure.what}: {failure.reason}")
            save_screen(program, item, failure)
            if failure.what == "first paint" and "timeout" in failure.reason:
                cell.gave_up = True
                result.setdefault("first_paint", None)
        finally:
            try:
                if pane.pid is not None and pane.alive():
                    pane.sample_workers()
                    peak = vm_hwm(pane.pid)
                    timed_out = result.get("first_paint", 0.0) is None
                    result["rss_at_timeout" if timed_out else "rss"] = peak * 1024 if peak is not None else None
                    if pane.workers:
                        result["workers"] = sum(pane.workers.values()) * 1024
            finally:
                pane.close()
    for metric in METRICS:
        if metric in result:
            cell.values[metric].append(result[metric])


def save_screen(program: Program, item: Input, failure: StepFailed) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%H%M%S")
    path = SCREENS / f"{stamp}-{program.name}-{item.label}-{failure.what.replace(' ', '-')}.txt"
    path.write_text("\n".join(failure.lines) + "\n", encoding="utf-8")
    print(f"    {program.name} on {item.label}: {failure.what}: {failure.reason} (screen: {path.relative_to(REPO)})",
          file=sys.stderr)  # fmt: skip


def rotated(programs: list[Program], turn: int) -> list[Program]:
    turn %= len(programs)
    return programs[turn:] + programs[:turn]


def benchmark(programs: list[Program], inputs: list[Input], runs: int) -> dict[tuple[str, str], Cell]:
    cells = {(item.label, program.name): Cell() for item in inputs for program in programs}
    # Untimed warm-up: the first start of Python and Textual after a while reads them from disk.
    warm = inputs[0]
    for program in programs:
        if program.applies_to(warm) and not isinstance(program, Peer):
            run_once(program, warm, Cell())
    for run in range(runs):
        for item in inputs:
            for program in rotated(programs, run):
                cell = cells[(item.label, program.name)]
                if not program.applies_to(item):
                    continue
                if cell.gave_up:
                    cell.values["first_paint"].append(None)
                    continue
                t0 = time.perf_counter()
                run_once(program, item, cell)
                paint = cell.values["first_paint"][-1] if cell.values["first_paint"] else None
                print(f"run {run + 1}/{runs}  {item.label:14} {program.name:15} first paint "
                      f"{duration(paint)}  ({time.perf_counter() - t0:.1f} s in all)", file=sys.stderr)  # fmt: skip
    return cells


# --- Reporting ---------------------------------------------------------------------------------------------------


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "timeout"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def megabytes(size: float | None) -> str:
    return "—" if size is None else f"{size / MB:.0f} MB"


def median(values: Iterable[float | None]) -> float | None:
    numbers = [value for value in values if value is not None]
    return statistics.median(numbers) if numbers else None


def spread(values: list[float | None], show: Callable[[float | None], str]) -> str:
    """`median (min–max)`, `timeout`, or `—` when not measured."""
    if not values:
        return "—"
    numbers = [value for value in values if value is not None]
    if not numbers:
        return "timeout"
    text = show(statistics.median(numbers))
    if len(numbers) > 1:
        low, high = show(min(numbers)), show(max(numbers))
        unit = low.split()[-1] if low.split()[-1] == high.split()[-1] else ""
        low = low[: -len(unit) - 1] if unit else low
        text += f" ({low}–{high})"
    missing = len(values) - len(numbers)
    return text + (f" +{missing} timeout" if missing else "")


def code_state() -> str:
    """The commit brief runs from, and whether its code (tui/, styles/) has uncommitted changes."""
    commit = _git("rev-parse", "--short", "HEAD")
    diff = _git("diff", "HEAD", "--", "tui", "styles", "pyproject.toml")
    untracked = _git("ls-files", "--others", "--exclude-standard", "--", "tui", "styles")
    if not (diff or untracked):
        return commit
    digest = hashlib.sha256((diff + untracked).encode()).hexdigest()[:8]
    return f"{commit} with uncommitted changes (diff {digest})"


def header(runs: int, load_before: str, code_before: str, started: datetime.datetime) -> list[str]:
    textual = _version("textual")
    code_after = code_state()
    code = code_before if code_after == code_before else f"{code_before}, then {code_after} (changed during the run)"
    less = subprocess.run(["less", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    tmux = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
    return [
        f"brief in a real terminal · {started:%Y-%m-%d %H:%M}–{datetime.datetime.now():%H:%M}",
        "",
        f"- machine: {os.cpu_count()} cores (nproc {_nproc()}), shared; load average {load_before} at the start,"
        f" {_load()} at the end; {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Textual {textual}, {tmux}, {less}; brief {_brief_version()} at {code}",
        f"- {runs} runs, programs interleaved; pane {WIDTH}x{HEIGHT}, TERM=xterm-256color; screen polled every"
        f" {POLL * 1000:.0f} ms; medians (min–max); × floor = median / the floor's median over the whole run",
    ]


def size_text(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size / 1024:.0f} KB"


def floor_medians(cells: dict[tuple[str, str], Cell]) -> tuple[float | None, float | None]:
    """The floor's median first paint and peak RSS over the whole run (every input: it reads none)."""
    floors = [cell.values for (_, program), cell in cells.items() if program == "floor"]
    return (
        median(value for values in floors for value in values["first_paint"]),
        median(value for values in floors for value in values["rss"]),
    )


def table(inputs: list[Input], programs: list[Program], cells: dict[tuple[str, str], Cell]) -> list[str]:
    """Two tables: opening (times and memory), then keys."""
    opening = [
        "| input | program | title shown | first paint | × floor | complete | peak RSS | +workers | RSS − floor |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    keys = [
        "| input | program | `]` | `]`, status line | `G` | `G`, status line | PageDown, mid "
        "| first PageDown after the jump |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    floor_paint, floor_rss = floor_medians(cells)
    for item in inputs:
        for program in programs:
            if not program.applies_to(item):
                continue
            values = cells[(item.label, program.name)].values
            where = f"| {item.label} ({size_text(item.size)}) | {program.name} "
            paint, rss = median(values["first_paint"]), median(values["rss"])
            ratio = "—" if paint is None or not floor_paint else f"{paint / floor_paint:.2f}"
            above = "—"
            if isinstance(program, (Brief, Peer)) and rss is not None and floor_rss is not None:
                above = f"{(rss - floor_rss) / MB:.0f} MB = {(rss - floor_rss) / item.size:.1f}× input"
            peak = spread(values["rss"], megabytes)
            if peak == "—" and median(values["rss_at_timeout"]) is not None:
                peak = f"≥ {megabytes(max(v for v in values['rss_at_timeout'] if v is not None))} at timeout"
            opening.append(
                f"{where}| {spread(values['title'], duration)} | {spread(values['first_paint'], duration)} | {ratio} "
                f"| {spread(values['complete'], duration)} | {peak} | {spread(values['workers'], megabytes)} "
                f"| {above} |"
            )
            if isinstance(program, Peer):
                continue
            next_key = spread(values["next"], duration)
            if isinstance(program, Floor):
                next_key = f"any key: {next_key}"
            keys.append(
                f"{where}| {next_key} | {spread(values['next_status'], duration)} "
                f"| {spread(values['bottom'], duration)} | {spread(values['bottom_status'], duration)} "
                f"| {spread(values['pagedown'], duration)} "
                f"| {spread(values['pagedown_first'], duration)} |"
            )
    return opening + [""] + keys


# Issue 13, item 11: the targets of every open issue, in one place.
PAINT_RATIO = 1.5
"""First paint, any size and format: at most this many times the floor measured in the same run."""
KEY_LIMIT = 0.050
"""A key (`]`, `G`, PageDown) to the screen, in seconds."""
WHOLE_LIMITS = {"10MB.txt": 2.5, "10MB.md": 3.5}
"""The whole 10 MB loaded (the status line no longer says `loading`), in seconds."""
RSS_TIMES = 20.0
"""Peak memory of brief's processes summed (each one's own peak), above the floor's: at most this many
times the input, checked from 1 MB of input on."""


def verdicts(inputs: list[Input], cells: dict[tuple[str, str], Cell], name: str = "brief") -> list[str]:
    """The issue's targets, each with the figure measured and whether it is met."""
    lines = []

    def check(what: str, value: float | None, limit: float, show: Callable[[float], str]) -> None:
        if value is None:
            lines.append(f"- {what}: not measured")
        else:
            lines.append(f"- {what}: {show(value)} (target ≤ {show(limit)}) {'met' if value <= limit else 'MISSED'}")

    def ratio(value: float) -> str:
        return f"{value:.2f}× floor"

    def ms(value: float) -> str:
        return f"{value * 1000:.0f} ms"

    floor_paint, floor_rss = floor_medians(cells)
    for item in inputs:
        brief = cells.get((item.label, name))
        if brief is None:
            continue
        paint = median(brief.values["first_paint"])
        paint_ratio = paint / floor_paint if paint is not None and floor_paint else None
        check(f"{item.label}: first paint", paint_ratio, PAINT_RATIO, ratio)
        for key, label in (("next", "`]`"), ("bottom", "`G`"), ("pagedown", "PageDown, mid")):
            check(f"{item.label}: {label}", median(brief.values[key]), KEY_LIMIT, ms)
        if item.label in WHOLE_LIMITS:
            check(f"{item.label}: whole loaded", median(brief.values["complete"]), WHOLE_LIMITS[item.label], ms)
        if item.size < MB:
            continue  # a few KB of text: the memory brief needs is its code's, not the input's
        rss, workers = median(brief.values["rss"]), median(brief.values["workers"])
        summed = rss + (workers or 0) if rss is not None else None
        above = (summed - floor_rss) / item.size if summed is not None and floor_rss is not None else None
        check(f"{item.label}: peak RSS of brief's processes summed, above the floor's", above, RSS_TIMES,
              lambda value: f"{value:.1f}× input")  # fmt: skip
    return lines


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


def _brief_version() -> str:
    out = subprocess.run([brief_command(), "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    return out.removeprefix("brief ") or "?"


def _git(*args: str) -> str:
    out = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, timeout=30)
    return out.stdout.strip()


def _nproc() -> str:
    return subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()


def _load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="First paint, key-to-screen latency and peak RSS in tmux.")
    parser.add_argument("--runs", type=int, default=None, help="runs per program and input (default 5; 1 with --quick)")
    parser.add_argument("--peers", action="store_true", help="add MarkdownViewer and frogmouth (installed on request)")
    parser.add_argument("--quick", action="store_true", help="a smoke test: the seed and 1 MB Markdown, one run")
    parser.add_argument("--inputs", help="comma-separated: seed, war-and-peace, 1MB.txt, 1MB.md, 10MB.txt, 10MB.md")
    parser.add_argument(
        "--before",
        metavar="BRIEF",
        help="another brief command (another checkout's) measured as `before`, interleaved in the same runs",
    )
    parser.add_argument(
        "--from-results", type=Path, metavar="JSON", help=f"print the tables of a saved run (e.g. {RESULTS.name})"
    )
    args = parser.parse_args(argv)
    if args.from_results is not None:
        return reprint(args.from_results)
    runs = args.runs if args.runs is not None else (1 if args.quick else 5)
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    load_before, code_before, started = _load(), code_state(), datetime.datetime.now()
    inputs, notes = build_inputs(args.inputs.split(",") if args.inputs else None, args.quick)
    if not inputs:
        print("no inputs", file=sys.stderr)
        return 2
    programs: list[Program] = [FLOOR, BRIEF]
    if args.before:
        programs.append(Brief(args.before, name="before"))
    if shutil.which("less"):
        programs.append(LESS)
    else:
        notes.append("less is not installed: no lower bound")
    if args.peers:
        programs.append(MARKDOWN_VIEWER)
        why_not = frogmouth_ready()
        if why_not is None:
            programs.append(FROGMOUTH)
        else:
            notes.append(f"frogmouth skipped: {why_not}")
    for note in notes:
        print(f"note: {note}", file=sys.stderr)

    cells = benchmark(programs, inputs, runs)

    top = header(runs, load_before, code_before, started)
    save(RESULTS.with_stem(f"{RESULTS.stem}-quick") if args.quick else RESULTS, top, inputs, programs, cells, notes)
    print("\n".join(report(top, inputs, programs, cells, notes)))
    return 0


def report(
    top: list[str], inputs: list[Input], programs: list[Program], cells: dict[tuple[str, str], Cell], notes: list[str]
) -> list[str]:
    """The header, the two tables, the targets and the notes, as printed."""
    lines = [*top, "", *table(inputs, programs, cells), "", "Targets (issue 13, item 11):", *verdicts(inputs, cells)]
    if any(name == "before" for _, name in cells):
        lines += ["", "The same targets, `before` (--before):", *verdicts(inputs, cells, "before")]
    failures = [
        f"- {program} on {label}: {'; '.join(sorted(set(cell.failures)))}"
        for (label, program), cell in cells.items()
        if cell.failures
    ]
    if notes or failures:
        lines += ["", "Notes:", *(f"- {note}" for note in notes), *failures]
    return lines


def save(
    path: Path,
    top: list[str],
    inputs: list[Input],
    programs: list[Program],
    cells: dict[tuple[str, str], Cell],
    notes: list[str],
) -> None:
    """Every figure of the run, so that `--from-results` can print the tables again."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "header": top,
        "inputs": [{"label": i.label, "path": str(i.path), "markdown": i.markdown, "size": i.size} for i in inputs],
        "programs": [program.name for program in programs],
        "cells": {f"{label} / {name}": vars(cell) for (label, name), cell in cells.items()},
        "notes": notes,
    }
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def reprint(path: Path) -> int:
    """Print the tables of a saved run again (with this version's table layout)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    inputs = [Input(i["label"], Path(i["path"]), i["markdown"], size=i["size"]) for i in data["inputs"]]
    known = {program.name: program for program in (*ALL_PROGRAMS, Brief(name="before"))}
    programs = [known[name] for name in data["programs"]]
    cells = {}
    for key, cell in data["cells"].items():
        label, name = key.split(" / ")
        values = {metric: cell["values"].get(metric, []) for metric in METRICS}
        cells[(label, name)] = Cell(values, cell["failures"], cell["gave_up"])
    print("\n".join(report(data["header"], inputs, programs, cells, data["notes"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
