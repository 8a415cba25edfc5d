"""Parser throughput: how many MB/s `tui.parse.parse_bytes` reads, end to end.

Each input goes through exactly what opening a file costs once its bytes are read: decode, sanitise,
parse and extract (`parse_bytes`). For every input the table gives its size, the median time of N runs
with the fastest and slowest, and MB/s from the median. Small inputs (the seed) repeat the parse
within a run until the run lasts long enough to measure; the time shown is per parse.

Inputs: the bundled seed article, War and Peace from ../shared/corpus/ (skipped with a note when it is
absent), and generated 1 MB and 10 MB articles in plain text and Markdown (see generate.py; cached in
benchmarks/.generated/, never committed). The target is 10 MB/s for both formats.

    python benchmarks/parse.py [--runs N] [--no-shapes]

Then the pathological Markdown shapes of the reliability issue (a million-row table, 2,000 columns,
`![` and `[` runs, a 5,000-level list, a quote 20 deep): each is parsed N times in a fresh process,
which reports the median parse time and the peak memory (ru_maxrss) of the first parse above the
floor, the same process's peak with the input built and the parser imported. The targets: under 5 s
for 10 MB (linear in the size), and a peak within the floor + 20x the input.

MB here is 1,048,576 bytes, as in brief's own messages.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
CORPUS = REPO.parent / "shared" / "corpus"
sys.path[:0] = [str(REPO), str(BENCHMARKS)]  # `import tui` from a checkout, installed or not

from generate import MB, cached_path, size_label  # noqa: E402

from tui.parse import parse_bytes  # noqa: E402

TARGET_MB_PER_S = 10.0
GENERATED_SIZES = (1 * MB, 10 * MB)
# A run repeats a small input's parse until it has lasted at least this long.
MIN_RUN_SECONDS = 0.2
# What parse_bytes runs: a change here (committed or not) changes the figures.
PARSER_FILES = ("tui/parse", "tui/model/article.py", "tui/model/errors.py")

T = TypeVar("T")


@dataclass(frozen=True)
class Input:
    """One benchmark input: its bytes and the file name `parse_bytes` sees (which picks the format)."""

    label: str
    name: str
    data: bytes


@dataclass(frozen=True)
class Measurement:
    """Seconds per parse for each run, and what the parse found."""

    input: Input
    format: str
    sections: int
    per_parse: list[float]
    repeats: int

    @property
    def median(self) -> float:
        return statistics.median(self.per_parse)

    @property
    def mb_per_s(self) -> float:
        return len(self.input.data) / MB / self.median


def inputs() -> tuple[list[Input], list[str]]:
    """The inputs that exist on this machine, and notes about the ones that do not."""
    found = [Input("seed", "diplomatic-gauntlet.txt", (REPO / "seeds" / "diplomatic-gauntlet.txt").read_bytes())]
    notes: list[str] = []
    war_and_peace = CORPUS / "war-and-peace.txt"
    if war_and_peace.is_file():
        found.append(Input("war-and-peace", war_and_peace.name, war_and_peace.read_bytes()))
    else:
        notes.append(f"skipped war-and-peace: {war_and_peace} is absent")
    for size in GENERATED_SIZES:
        for fmt in ("text", "markdown"):
            path = cached_path(size, fmt)
            found.append(Input(f"generated {size_label(size)}", path.name, path.read_bytes()))
    return found, notes


def seconds(call: Callable[[], object]) -> float:
    """Wall-clock seconds one call of `call` takes."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def time_runs(parse: Callable[[], T], runs: int) -> tuple[list[float], int, T]:
    """Seconds per call of `parse` in each of `runs` runs, how many calls a run makes, and one result.

    The garbage collector stays on, as it is in the app; each run starts from a collected heap.
    """
    start = time.perf_counter()
    result = parse()  # warm up: imports (markdown-it is loaded on first use), regex caches
    once = time.perf_counter() - start
    if once < MIN_RUN_SECONDS:
        once = seconds(parse)  # the warm-up paid one-off costs: size the runs on a settled call
    repeats = max(1, round(MIN_RUN_SECONDS / max(once, 1e-9)))
    per_parse = []
    for _ in range(runs):
        gc.collect()  # each run starts from the same heap, not from the last run's garbage
        start = time.perf_counter()
        for _ in range(repeats):
            parse()
        per_parse.append((time.perf_counter() - start) / repeats)
    return per_parse, repeats, result


def measure(item: Input, runs: int) -> Measurement:
    """Time `parse_bytes` on one input, exactly as opening that file would call it."""
    per_parse, repeats, article = time_runs(lambda: parse_bytes(item.data, name=item.name), runs)
    return Measurement(item, article.format, len(article.sections), per_parse, repeats)


def cpu_count() -> int:
    """What `nproc` prints: the CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def git(*args: str) -> str:
    """The output of a read-only git command in the repository."""
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout.rstrip()


def parser_revision() -> str:
    """The commit measured, and the parser's files that differ from it (which change the figures)."""
    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = [line[3:] for line in git("status", "--porcelain", "--", *PARSER_FILES).splitlines()]
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{commit} + uncommitted changes to {', '.join(changed)}" if changed else commit


def load_average() -> str:
    """The 1-minute load average, which tells whether other work shared the CPUs during the run."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return f"{os.getloadavg()[0]:.2f}"


def header(runs: int) -> list[str]:
    """When, on what and how the figures were taken."""
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return [
        "brief parser throughput: parse_bytes end to end (decode + sanitise + parse + extract)",
        f"date     {now}",
        f"python   {platform.python_implementation()} {platform.python_version()} on {platform.machine()}",
        f"nproc    {cpu_count()} (load average {load_average()} at start)",
        f"parser   {parser_revision()}",
        f"runs     {runs} per input (median, min-max); MB = 1,048,576 bytes; target {TARGET_MB_PER_S:g} MB/s",
    ]


# Column titles; the numeric ones are right-aligned.
COLUMNS = ("input", "format", "size", "sections", "median", "min-max", "MB/s", "target")
NUMERIC_COLUMNS = frozenset({"size", "sections", "median", "min-max", "MB/s"})


def table_row(m: Measurement) -> tuple[str, ...]:
    """One input's cells, in the order of COLUMNS."""
    return (
        m.input.label,
        m.format,
        human_size(len(m.input.data)),
        str(m.sections),
        human_time(m.median),
        f"{human_time(min(m.per_parse))}-{human_time(max(m.per_parse))}",
        f"{m.mb_per_s:.1f}",
        "ok" if m.mb_per_s >= TARGET_MB_PER_S else "BELOW",
    )


def table(measurements: list[Measurement]) -> list[str]:
    """The results as aligned text lines, a rule under the titles."""
    rows = [COLUMNS, *(table_row(m) for m in measurements)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]

    def line(cells: tuple[str, ...]) -> str:
        aligned = (
            cell.rjust(width) if title in NUMERIC_COLUMNS else cell.ljust(width)
            for cell, width, title in zip(cells, widths, COLUMNS, strict=True)
        )
        return "  ".join(aligned).rstrip()

    return [line(rows[0]), "  ".join("-" * width for width in widths), *(line(row) for row in rows[1:])]


def human_size(size: int) -> str:
    """Bytes as `812 B`, `14.2 KB` or `3.05 MB`."""
    if size < 1024:
        return f"{size} B"
    if size < MB:
        return f"{size / 1024:.1f} KB"
    return f"{size / MB:.2f} MB"


def human_time(duration: float) -> str:
    """Seconds as `812 µs`, `14.2 ms` or `3.08 s`."""
    if duration < 1e-3:
        return f"{duration * 1e6:.0f} µs"
    if duration < 1:
        return f"{duration * 1e3:.1f} ms"
    return f"{duration:.2f} s"


# --- Pathological Markdown (issue 14, items 5-8) --------------------------------------------------

MEMORY_FACTOR = 20
SHAPE_SECONDS_PER_10MB = 5.0


def _table_rows(rows: int) -> str:
    return "# T\n\n|a|b|\n|-|-|\n" + "|x|y|\n" * rows


def _wide_table(columns: int, size: int) -> str:
    row = "|" + "|".join("c" for _ in range(columns)) + "|\n"
    header = "|" + "|".join(f"h{i}" for i in range(columns)) + "|\n|" + "|".join("-" for _ in range(columns)) + "|\n"
    return "# T\n\n" + header + row * (size // len(row))


def _nested_list(levels: int) -> str:
    return "".join("  " * depth + f"- level{depth}\n" for depth in range(levels))


def _nested_quote(levels: int) -> str:
    return "".join(">" * depth + f" quoted{depth}\n" for depth in range(1, levels + 1))


SHAPES: dict[str, Callable[[], str]] = {
    "table 1,000,000 rows": lambda: _table_rows(1_000_000),
    "table 2,000 columns": lambda: _wide_table(2000, 4 * MB),
    "'![' * 200000": lambda: "# T\n\n" + "![" * 200_000,
    "'['*1e5 x ']'*1e5": lambda: "[" * 100_000 + "x" + "]" * 100_000,
    "list 5,000 levels": lambda: _nested_list(5000),
    "quotes 20 deep": lambda: (_nested_quote(20) + "\n") * 2000,
    # The same short lines without their markers: what markdown-it's per-line work costs alone.
    "quotes' lines, no '>'": lambda: (_nested_quote(20).replace(">", "") + "\n") * 2000,
}


def peak_rss() -> int:
    """This process's peak resident memory in bytes. Linux's VmHWM, because ru_maxrss survives
    exec and so starts at the parent's peak; ru_maxrss elsewhere."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure_shape(name: str, runs: int) -> dict[str, float]:
    """In this process: build the shape, parse it; the peak memory of the first parse and the median
    time of `runs` parses (run in a child, so that the peak is this shape's alone)."""
    data = SHAPES[name]().encode()
    parse_bytes(b"# warm\n\nup *x*\n\n|a|\n|-|\n|b|\n", name="warm.md")  # imports, caches
    gc.collect()
    floor = peak_rss()
    times = []
    for run in range(runs):
        start = time.perf_counter()
        article = parse_bytes(data, name="shape.md")
        times.append(time.perf_counter() - start)
        if run == 0:
            peak = peak_rss()
            sections = len(article.sections)
        del article  # the next parse starts without this one's article
        gc.collect()
    return {
        "size": len(data),
        "seconds": statistics.median(times),
        "floor": floor,
        "peak": peak,
        "sections": sections,
    }


def shapes_table(runs: int) -> list[str]:
    """Each shape parsed in a fresh process, as a table."""
    titles = f"{'shape':<22}  {'size':>8}  {'parse':>8}  {'s per 10 MB':>11}  {'floor':>8}  {'peak-floor':>10}"
    lines = [f"{titles}  {'x input':>7}  target"]
    for name in SHAPES:
        print(f"  measuring shape {name} ...", file=sys.stderr, flush=True)
        child = subprocess.run(
            [sys.executable, __file__, "--shape", name, "--runs", str(runs)],
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode != 0:
            lines.append(f"{name:<22}  FAILED: {child.stderr.strip().splitlines()[-1:]}")
            continue
        m = json.loads(child.stdout)
        growth = max(m["peak"] - m["floor"], 0)
        per_10mb = m["seconds"] * 10 * MB / m["size"]
        times_input = growth / m["size"]
        ok = per_10mb <= SHAPE_SECONDS_PER_10MB and times_input <= MEMORY_FACTOR
        lines.append(
            f"{name:<22}  {human_size(int(m['size'])):>8}  {human_time(m['seconds']):>8}  {per_10mb:>10.2f}s  "
            f"{human_size(int(m['floor'])):>8}  {human_size(int(growth)):>10}  {times_input:>7.1f}  "
            + ("ok" if ok else "MISSED")
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the header, measure every input, then print the table and its notes."""
    parser = argparse.ArgumentParser(description="Print the parser's throughput for the benchmark inputs.")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per input (default 5)")
    parser.add_argument("--no-shapes", action="store_true", help="skip the pathological Markdown shapes")
    parser.add_argument("--shape", help=argparse.SUPPRESS)  # internal: measure one shape in this process
    args = parser.parse_args(argv)
    if args.shape:
        print(json.dumps(measure_shape(args.shape, args.runs)))
        return 0
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    print("\n".join(header(args.runs)), end="\n\n", flush=True)
    found, notes = inputs()
    measurements = []
    for item in found:
        print(f"  measuring {item.label} ({item.name}) ...", file=sys.stderr, flush=True)
        measurements.append(measure(item, args.runs))
    print("\n".join(table(measurements)))
    for note in notes:
        print(f"note: {note}")
    for m in (m for m in measurements if m.repeats > 1):
        print(f"note: {m.input.label} ({m.format}) is parsed {m.repeats} times per run; times are per parse")
    if not args.no_shapes:
        print()
        print(
            f"pathological Markdown: each in a fresh process, median of {args.runs} parses, peak of the first; "
            f"targets <= {SHAPE_SECONDS_PER_10MB:g} s per 10 MB and peak <= floor + {MEMORY_FACTOR}x input"
        )
        print("\n".join(shapes_table(args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
