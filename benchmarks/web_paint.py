"""First paint of a saved web page, an EPUB and the sample text, against the floor, in tmux.

Uses terminal.py's machinery (a private tmux server per pane, 120x40, the screen polled through a
control-mode client). **First paint** is until brief shows a title at the top of the reading pane and its status
line (`·`): for a page or a book, the screen saying it is being read (its file's name as title);
**article** is until the article's own title is at the top of the reading pane (the page extracted, the book
read, in brief's parse process). The floor is the empty Textual app of floor_app.py (`floor
ready`). Runs are interleaved; medians with min–max, and each input's ratio to the floor's median.

    python benchmarks/web_paint.py [--runs N] [--before /path/to/other/venv/bin/brief]

`--before` measures another brief (another checkout's) too, interleaved in the same runs.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from terminal import (  # noqa: E402
    BENCHMARKS,
    CORPUS,
    PAINT_TIMEOUT,
    SEED,
    Pane,
    base_env,
    brief_command,
    reading_pane_top,
    status_line,
)

VOX = "16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56"
BOOK = "charles-dickens_a-tale-of-two-cities.epub"


def title_of(path: Path) -> str:
    out = subprocess.run(
        [brief_command(), "--json", str(path)], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(out.stdout)["title"]


def paint(argv: list[str], env: dict[str, str], *steps) -> list[float]:  # noqa: ANN002
    """Seconds from the start until each of `steps` (conditions on the screen) holds, in turn."""
    pane = Pane()
    try:
        started = pane.start(argv, env)
        return [pane.wait_for("first paint", ready, started, PAINT_TIMEOUT) for ready in steps]
    finally:
        pane.close()


def first_screen(lines: list[str]) -> bool:
    """brief's first screen: a title at the top of the reading pane, and the status line drawn."""
    return bool(reading_pane_top(lines)) and "·" in status_line(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", metavar="BRIEF", help="another brief command, measured as `before`")
    args = parser.parse_args()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    # A brief that is hung up on saves its place as it goes: its state may still be written as this ends.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        home = Path(folder)
        page = home / "page.html"
        page.write_bytes(gzip.decompress((CORPUS / "html" / f"{VOX}.html.gz").read_bytes()))
        inputs = {"sample .txt": SEED, "saved page .html": page, "book .epub": CORPUS / "epub" / BOOK}
        titles = {label: title_of(path)[:60] for label, path in inputs.items()}
        env = {**base_env(home), "BRIEF_STATE_DIR": str(home / "state")}
        commands = {"": brief_command(), **({"before: ": args.before} if args.before else {})}
        times: dict[str, list[list[float]]] = {"floor": []}
        for prefix in commands:
            times.update({prefix + label: [] for label in inputs})
        for run in range(args.runs + 1):  # the first run warms the caches and is not counted
            measured = {"floor": paint([sys.executable, str(BENCHMARKS / "floor_app.py")], env,
                                       lambda s: "floor ready" in s[0])}  # fmt: skip
            for (prefix, command), (label, path) in itertools.product(commands.items(), inputs.items()):
                title = titles[label]
                measured[prefix + label] = paint(
                    [command, "--no-resume", str(path)],
                    env,
                    first_screen,
                    # The title wraps in the reading pane: its start is enough.
                    lambda s, title=title: reading_pane_top(s).startswith(title[:30]) and "·" in status_line(s),
                )
            if run:
                for label, seconds in measured.items():
                    times[label].append(seconds)
    floor = statistics.median(values[0] for values in times["floor"])
    print(f"{args.runs} runs, median (min–max), ratio to the floor's median; load {load}")
    print(f"  {'':26} {'first paint':>29} {'article shown':>29}")
    for label, runs in times.items():
        cells = []
        for step in range(len(runs[0])):
            values = [seconds[step] for seconds in runs]
            median = statistics.median(values)
            spread = f"({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"
            cells.append(f"{median * 1000:6.0f} ms {spread:13} {median / floor:4.2f}×")
        print(f"  {label:26} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
