"""Inputs that are not ordinary files, and outputs that cannot be written: never a hang, never
unbounded memory, never a traceback; one line `brief: <where>: <reason>` and status 2."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.tools import as_unprivileged, open_folder
from tui.model.errors import InputError, InputTooLarge
from tui.parse import read_path
from tui.reading.library import describe, find_articles
from tui.platform.state import StateStore

MEMORY_LIMIT = 1024**3
"""Address space a child brief may use: reading /dev/zero without a bound exhausts it in a second."""


def brief(*args: str, cwd: Path = REPO, timeout: float = 30, prefix: list[str] | None = None, **kwargs):
    """Run brief as a user would, with its memory capped, output to pipes (not a terminal)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "80"}
    argv = [*(prefix or []), sys.executable, "-m", "tui", *args]
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "stdin": subprocess.DEVNULL, **kwargs}
    return subprocess.run(argv, cwd=cwd, env=env, timeout=timeout, preexec_fn=_cap_memory, check=False, **options)


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The error line of a failed run; fails unless it is exactly one line with status 2."""
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("brief: "), err
    return lines[0]


# --- devices, pipes and files whose size stat does not know ---------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("output", ["--json", "--plain", "--outline"])
def test_a_device_is_refused_before_it_is_read(device: str, output: str):
    result = brief(output, "--max-size", "1k", device)
    assert one_line_error(result) == f"brief: {device}: not a regular file"


def test_forget_never_reads_a_device(capsys):
    result = brief("--forget", "/dev/zero")
    assert (result.returncode, result.stdout.decode()) == (0, "brief had nothing stored for /dev/zero.\n")


def test_a_socket_is_refused(tmp_path: Path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        with pytest.raises(InputError, match="not a regular file"):
            read_path(path)


def test_a_regular_file_that_says_it_is_empty_is_still_read_with_the_limit():
    # /proc files report a size of 0 and hold more: the limit is counted on what is read.
    with pytest.raises(InputTooLarge, match=r"over 100 bytes"):
        read_path("/proc/self/status", max_size=100)
    assert b"Name:" in read_path("/proc/self/status").data


def _write_fifo(path: Path, data: bytes, repeat: int = 1) -> threading.Thread:
    def write() -> None:
        try:
            with open(path, "wb") as fifo:
                for _ in range(repeat):
                    fifo.write(data)
        except BrokenPipeError:
            pass  # the reader stopped at its limit

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_a_fifo_is_read_as_a_stream(tmp_path: Path):
    path = tmp_path / "p.md"
    os.mkfifo(path)
    writer = _write_fifo(path, b"# Piped\n\nWords through a pipe.\n")
    raw = read_path(path)
    writer.join(5)
    assert raw.parse().title == "Piped" and raw.name == "p.md"


def test_an_endless_fifo_stops_at_the_limit(tmp_path: Path):
    path = tmp_path / "p.txt"
    os.mkfifo(path)
    writer = subprocess.Popen(["sh", "-c", f"yes 'a line of text' > '{path}'"])
    try:
        result = brief("--json", "--max-size", "1M", str(path))
    finally:
        writer.kill()
        writer.wait()
    assert one_line_error(result) == f"brief: {path}: input is too large (over 1.0 MB)"


def test_dev_fd_from_process_substitution_is_read_like_standard_input():
    read_end, write_end = os.pipe()
    os.write(write_end, b"Substituted Title\n\nThe text of the article.\n")
    os.close(write_end)
    try:
        result = brief("--outline", f"/dev/fd/{read_end}", pass_fds=(read_end,))
    finally:
        os.close(read_end)
    assert (result.returncode, result.stdout.decode()) == (0, "Substituted Title\n")


# --- the library lists regular files only --------------------------------------------------------


def test_the_library_skips_devices_fifos_sockets_and_broken_links(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Alpha\n\nText.\n")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "linked.md").symlink_to(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "p.txt")
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "s.txt"))
        found, truncated = find_articles(tmp_path)
    assert [path.name for path in found] == ["a.txt", "linked.md"] and not truncated


def test_a_file_replaced_by_a_fifo_after_listing_is_not_waited_on(tmp_path: Path):
    os.mkfifo(tmp_path / "p.txt")
    entries = []
    worker = threading.Thread(
        target=lambda: entries.append(describe(tmp_path / "p.txt", tmp_path, StateStore(tmp_path / "state"))),
        daemon=True,
    )
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader so the test process can end
        with open(tmp_path / "p.txt", "wb"):
            pass
        pytest.fail("describing a FIFO waited for a writer")
    assert entries[0].error == "not a regular file"


# --- paths that cannot be looked up --------------------------------------------------------------


@pytest.mark.parametrize("output", [[], ["--json"]])
def test_a_name_longer_than_the_system_allows(output: list[str]):
    name = "a" * 300 + ".txt"
    assert one_line_error(brief(*output, name)) == f"brief: {name}: file name too long"


def test_a_file_in_a_folder_without_search_permission_as_a_user():
    with open_folder() as folder:
        locked = folder / "locked"
        locked.mkdir()
        (locked / "a.txt").write_text("Title\n\nText.\n")
        locked.chmod(0o600)  # readable listing, but no entering
        result = brief("--json", "locked/a.txt", cwd=folder, prefix=as_unprivileged([]))
    assert one_line_error(result) == "brief: locked/a.txt: permission denied"


# --- output that cannot be written -------------------------------------------------------------


def test_output_to_a_full_device():
    with open("/dev/full", "wb") as full:
        result = brief("--json", str(REPO / "seeds" / "diplomatic-gauntlet.txt"), stdout=full)
    assert one_line_error(result) == "brief: cannot write the output: no space left on device"


def test_output_closed_before_brief_starts():
    seed = REPO / "seeds" / "diplomatic-gauntlet.txt"
    result = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m tui --json "{seed}" >&-'],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=False,
        stderr=subprocess.PIPE, timeout=30, check=False,
    )  # fmt: skip
    assert one_line_error(result) == "brief: cannot write the output: standard output is closed"


# --- every path brief prints is sanitised --------------------------------------------------------

EVIL = "evil\x1b]0;PWNED\x07\x1b[2J\u202e.txt"


def test_escape_sequences_in_a_file_name_never_reach_the_terminal(tmp_path: Path):
    (tmp_path / EVIL).write_bytes(b"")
    result = brief("--json", EVIL, cwd=tmp_path)
    assert one_line_error(result) == "brief: evil.txt: file is empty"
    missing = brief("--json", "gone\x1b[31m\nred.txt", cwd=tmp_path)
    assert one_line_error(missing) == "brief: gone?red.txt: no such file"


def test_forget_names_the_file_sanitised(tmp_path: Path):
    (tmp_path / EVIL).write_text("Title\n\nText.\n")
    result = brief("--forget", EVIL, cwd=tmp_path)
    assert (result.returncode, result.stdout.decode()) == (0, "brief had nothing stored for evil.txt.\n")
