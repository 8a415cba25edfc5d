"""`brief serve` under load: 1, 5 and 20 visitors at once, each a scripted asyncssh client.

For each count N, one `brief serve` (the seed article, 80x24 terminals) and N visitors that connect
together, each from an address of its own on the loopback (127.0.0.2, 127.0.0.3, …: the server lets
4 connections in per address). Measured:

- **first screen**: from the start of the connection (TCP, key exchange, public-key login, pty,
  the reader's start) until the key bar's `Quit` has arrived, i.e. the whole first frame.
- **key → screen**: once every visitor has its first screen and the output has been still for
  0.5 s, each visitor reads at a person's pace (a key every 0.5–1.5 s, seeded) and presses `]` four
  times and `g` once, three times over; the clock runs from the key's write until the status line of
  the new screen (`§ 3/7`, or `Opening` after `g`) has arrived. Median, 90th percentile, maximum.
- **memory per session**: the readers' resident memory (VmRSS) and proportional share (Pss, shared
  pages split between the processes sharing them: what one more visitor really costs), averaged
  over the readers, and the server's own VmRSS.

The **floor** is the same reader without SSH: `python -m tui.serve.reader` in a pty of this
process's own, measured the same way (one session), so that the table shows what SSH and sharing
the machine add.

    python benchmarks/serve.py [--counts 1,5,20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "diplomatic-gauntlet.txt"
SIZE = (80, 24)
FIRST_SCREEN = b"Quit"
STILL = 0.5
"""Seconds of silence that count as a screen at rest."""
TIMEOUT = 60.0


def section_marker(number: int) -> bytes:
    return f"§ {number}/7".encode()


SCRIPT: list[tuple[bytes, bytes]] = [*((b"]", section_marker(n)) for n in range(1, 5)), (b"g", b"Opening")]
"""One round: `]` through the sections, then back to the top; each key with what its screen shows."""


class Screen:
    """The bytes a visitor has received, with the time each chunk arrived."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.arrivals: list[tuple[int, float]] = []
        self.changed = asyncio.Event()

    def receive(self, chunk: bytes) -> None:
        self.data += chunk
        self.arrivals.append((len(self.data), time.perf_counter()))
        self.changed.set()

    async def arrival_of(self, marker: bytes, start: int) -> float:
        """When `marker` (written after byte `start`) had fully arrived."""
        deadline = time.perf_counter() + TIMEOUT
        while True:
            found = self.data.find(marker, start)
            if found >= 0:
                end = found + len(marker)
                return next(at for size, at in self.arrivals if size >= end)
            self.changed.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{marker!r} never arrived")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), remaining)

    async def still(self) -> None:
        while self.arrivals and time.perf_counter() - self.arrivals[-1][1] < STILL:
            await asyncio.sleep(0.05)


@dataclass
class Visitor:
    """One session: a way to type, and the screen it gets."""

    send: Callable[[bytes], None]
    screen: Screen
    close: Callable[[], Awaitable[None]]
    first_screen: float = 0.0
    latencies: list[float] = field(default_factory=list)


async def ssh_visitor(port: int, key: asyncssh.SSHKey, source: str) -> Visitor:
    screen = Screen()
    started = time.perf_counter()
    conn = await asyncssh.connect(
        "127.0.0.1", port, local_addr=(source, 0), username="bench", client_keys=[key], known_hosts=None
    )
    process = await conn.create_process(term_type="xterm-256color", term_size=SIZE, encoding=None)

    async def pump() -> None:
        while chunk := await process.stdout.read(65536):
            screen.receive(chunk)

    task = asyncio.create_task(pump())

    async def close() -> None:
        conn.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 5)

    visitor = Visitor(process.stdin.write, screen, close)
    visitor.first_screen = await screen.arrival_of(FIRST_SCREEN, 0) - started
    return visitor


async def local_visitor(state: Path) -> tuple[Visitor, int]:
    """The floor: the served reader in a pty of our own, no SSH in between."""
    import fcntl
    import struct
    import termios

    screen = Screen()
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "BRIEF_SERVED": "1", "BRIEF_STATE_DIR": str(state),
           "BRIEF_CLIPBOARD": "osc52", "HOME": str(state), "PYTHONPATH": str(REPO)}  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.serve.reader", str(SEED)],
        stdin=slave, stdout=slave, stderr=slave, env=env, cwd=state, start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    os.set_blocking(master, False)
    loop = asyncio.get_running_loop()

    def readable() -> None:
        try:
            screen.receive(os.read(master, 65536))
        except BlockingIOError:
            pass
        except OSError:
            loop.remove_reader(master)

    loop.add_reader(master, readable)

    async def close() -> None:
        loop.remove_reader(master)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGHUP)
        await asyncio.to_thread(process.wait)
        os.close(master)

    visitor = Visitor(lambda data: os.write(master, data), screen, close)
    visitor.first_screen = await screen.arrival_of(FIRST_SCREEN, 0) - started
    return visitor, process.pid


async def read_like_a_person(visitor: Visitor, rounds: int, rng: random.Random) -> None:
    for _ in range(rounds):
        for key, marker in SCRIPT:
            await asyncio.sleep(rng.uniform(0.5, 1.5))
            start = len(visitor.screen.data)
            pressed = time.perf_counter()
            visitor.send(key)
            visitor.latencies.append(await visitor.screen.arrival_of(marker, start) - pressed)


def memory_of(pid: int) -> tuple[int, int]:
    """(VmRSS, Pss) of one process, in bytes."""
    rss = pss = 0
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) * 1024
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    return rss, pss


def children_of(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if int((entry / "stat").read_text().rpartition(")")[2].split()[1]) == parent:
                    found.append(int(entry.name))
    return found


@dataclass
class Row:
    label: str
    sessions: int
    first_screens: list[float]
    latencies: list[float]
    reader_rss: float
    reader_pss: float
    server_rss: int | None


async def measure_served(count: int, rounds: int, folder: Path) -> Row:
    key = asyncssh.generate_private_key("ssh-ed25519")
    keys = folder / f"keys-{count}"
    keys.write_bytes(key.export_public_key())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "BRIEF_STATE_DIR": str(folder / f"state-{count}")}
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", str(SEED), "--port", str(port), "--authorized-keys", str(keys),
         "--max-sessions", str(max(count, 1))],
        env=env, stderr=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    try:
        assert server.stderr is not None
        for line in server.stderr:  # the server says it is ready when it listens
            if "Ctrl+C stops" in line:
                break
        visitors = await asyncio.gather(*(ssh_visitor(port, key, f"127.0.0.{2 + i}") for i in range(count)))
        await asyncio.gather(*(v.screen.still() for v in visitors))
        readers = children_of(server.pid)
        memory = [memory_of(pid) for pid in readers]
        server_rss = memory_of(server.pid)[0]
        rng = random.Random(count)
        try:
            await asyncio.gather(*(read_like_a_person(v, rounds, random.Random(rng.random())) for v in visitors))
        finally:
            await asyncio.gather(*(v.close() for v in visitors))
        return Row(
            "brief serve",
            count,
            [v.first_screen for v in visitors],
            [latency for v in visitors for latency in v.latencies],
            statistics.mean(m[0] for m in memory),
            statistics.mean(m[1] for m in memory),
            server_rss,
        )
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


async def measure_floor(rounds: int, folder: Path) -> Row:
    state = folder / "floor-state"
    state.mkdir()
    visitor, pid = await local_visitor(state)
    try:
        await visitor.screen.still()
        rss, pss = memory_of(pid)
        await read_like_a_person(visitor, rounds, random.Random(0))
    finally:
        await visitor.close()
    return Row("floor: the reader in a local pty", 1, [visitor.first_screen], visitor.latencies, rss, pss, None)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def mb(size: float) -> str:
    return f"{size / 1024**2:.0f} MB"


def table(rows: list[Row]) -> str:
    lines = [
        "| program | sessions | first screen, median (max) | key → screen, median | p90 | max | keys "
        "| reader RSS | reader PSS | server RSS |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        latencies = sorted(row.latencies)
        p90 = latencies[min(len(latencies) - 1, int(0.9 * len(latencies)))]
        lines.append(
            f"| {row.label} | {row.sessions} | {ms(statistics.median(row.first_screens))} "
            f"({ms(max(row.first_screens))}) | {ms(statistics.median(latencies))} | {ms(p90)} "
            f"| {ms(latencies[-1])} | {len(latencies)} | {mb(row.reader_rss)} | {mb(row.reader_pss)} "
            f"| {mb(row.server_rss) if row.server_rss else '—'} |"
        )
    return "\n".join(lines)


async def main(counts: list[int], rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="brief-serve-bench-") as directory:
        folder = Path(directory)
        rows = [await measure_floor(rounds, folder)]
        for count in counts:
            print(f"{count} session{'s' if count > 1 else ''}…", file=sys.stderr, flush=True)
            rows.append(await measure_served(count, rounds, folder))
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores (load {load}), "
          f"Python {sys.version.split()[0]}, asyncssh {asyncssh.__version__}")  # fmt: skip
    print(table(rows))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1,5,20", help="numbers of visitors at once (default: 1,5,20)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the key script per visitor (default: 3)")
    arguments = parser.parse_args()
    asyncio.run(main([int(n) for n in arguments.counts.split(",")], arguments.rounds))
