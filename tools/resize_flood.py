"""The resize-flood test's steps in a loop, to count rare hangs: brief on a pty, N SIGWINCH, then `q`.
A process that does not quit within 15 s is dumped with `py-spy dump --native` (pip install py-spy)
to /tmp/resize-flood-<run>.txt.

    python tools/resize_flood.py [--runs 50] [--signals 5000]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.pty_terminal import PtySession  # noqa: E402


def one_run(brief: str, signals: int) -> tuple[str, PtySession]:
    env = {
        "PATH": os.environ["PATH"], "HOME": "/tmp", "TERM": "xterm-256color", "LANG": "C.UTF-8",
        "BRIEF_STATE_DIR": tempfile.mkdtemp(prefix="brief-flood-"),
    }  # fmt: skip
    session = PtySession([brief], env)
    session.read_until(b"Quit")
    for _ in range(signals):
        os.kill(session.process.pid, signal.SIGWINCH)
    session.drain(0.5)
    if session.process.poll() is not None:
        return f"died ({session.process.returncode})", session
    session.send(b"q")
    deadline = time.monotonic() + 15
    while session.process.poll() is None and time.monotonic() < deadline:
        session.drain(0.1)
    if session.process.poll() is None:
        return "stuck", session
    if session.process.returncode != 0 or b"Traceback" in session.output:
        return f"failed ({session.process.returncode})", session
    return "ok", session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--signals", type=int, default=5000)
    args = parser.parse_args()
    brief = str(Path(sys.executable).with_name("brief"))
    outcomes: dict[str, int] = {}
    for run in range(args.runs):
        outcome, session = one_run(brief, args.signals)
        try:
            if outcome == "stuck":
                dump = subprocess.run(
                    ["py-spy", "dump", "--native", "--pid", str(session.process.pid)], capture_output=True, text=True
                )
                Path(f"/tmp/resize-flood-{run}.txt").write_text(dump.stdout + dump.stderr)
        finally:
            session.close()
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        print(run, outcome, flush=True)
    print(f"{args.runs} runs of {args.signals} SIGWINCH: " + ", ".join(f"{n} {o}" for o, n in sorted(outcomes.items())))


if __name__ == "__main__":
    main()
