"""`brief serve`'s arguments: safe by default, one line for every mistake, and no cost to `brief` itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, SEED
from tui.cli import main
from tui.serve.limits import FULL, TOO_MANY_FROM_YOU, Admission
from tui.serve.options import OptionError, build_parser, options_from, parse_duration
from tui.serve.session import reader_environment


def options(*argv: str, cwd=None):
    return options_from(build_parser().parse_args(argv), cwd)


@pytest.fixture
def keys(tmp_path):
    path = tmp_path / "team.keys"
    path.write_text("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl team\n")
    return path


def test_the_defaults_listen_on_loopback_with_the_users_keys(tmp_path, monkeypatch, keys):
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "authorized_keys").write_text(keys.read_text())
    monkeypatch.setenv("HOME", str(home))
    served = options(cwd=tmp_path)
    assert served.paths == (tmp_path.resolve(),)
    assert (served.host, served.port, served.max_sessions) == ("127.0.0.1", 2222, 20)
    assert served.authorized_keys == home / ".ssh" / "authorized_keys" and not served.open_access
    assert served.idle_timeout == 15 * 60 and served.memory_limit == 2 * 1024**3


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_a_reachable_address_needs_its_visitors_named(host, keys):
    with pytest.raises(OptionError, match="--authorized-keys FILE .or --open"):
        options(str(SEED), "--host", host)
    assert options(str(SEED), "--host", host, "--authorized-keys", str(keys)).authorized_keys == keys
    assert options(str(SEED), "--host", host, "--open").open_access


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses_take_the_default_keys(host, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(OptionError, match="authorized_keys: no such file of public keys"):
        options(str(SEED), "--host", host)


def test_open_and_keys_cannot_be_named_together(keys, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--open", "--authorized-keys", str(keys)])
    assert "not allowed with argument" in capsys.readouterr().err


def test_what_is_served_is_one_folder_or_files(tmp_path, keys):
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    key = ("--authorized-keys", str(keys))
    assert options("a.md", str(SEED), *key, cwd=tmp_path).paths == ((tmp_path / "a.md").resolve(), SEED.resolve())
    with pytest.raises(OptionError, match="^missing.md: no such file or folder$"):
        options("missing.md", *key, cwd=tmp_path)
    with pytest.raises(OptionError, match="one folder, or one or more files, not both"):
        options("folder", "a.md", *key, cwd=tmp_path)


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("90", 90), ("1.5min", 90), ("0", 0)]
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_bad_values_are_one_line_with_status_2(keys, capsys):
    for argv, message in [
        (["--idle-timeout", "soon"], "not a duration: 'soon'"),
        (["--memory-limit", "lots"], "--memory-limit: not a size: 'lots'"),
        (["--memory-limit", "10M"], "a reader needs at least 512M"),
        (["--max-sessions", "0"], "--max-sessions 0: at least 1"),
    ]:
        assert main(["serve", str(SEED), "--authorized-keys", str(keys), *argv]) == 2
        error = capsys.readouterr().err
        assert error.startswith("brief: serve: ") and message in error and error.count("\n") == 1


def test_without_asyncssh_one_line_says_how_to_install_it():
    script = "import sys; sys.modules['asyncssh'] = None; from tui.cli import main; sys.exit(main(['serve']))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 2
    assert result.stderr == "brief: serve needs asyncssh: pip install 'brief[serve]'\n"


def test_brief_itself_imports_neither_the_server_nor_asyncssh():
    script = (
        "import json, sys; import tui.cli, tui.ui.app; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('tui.serve', 'asyncssh')))))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert json.loads(result.stdout) == []


def test_the_reader_gets_the_visitors_terminal_and_language_and_nothing_else(tmp_path):
    env = reader_environment("xterm-256color", "fr_FR.UTF-8", tmp_path)
    assert set(env) == {"TERM", "LANG", "BRIEF_SERVED", "BRIEF_STATE_DIR", "BRIEF_CLIPBOARD", "HOME", "PYTHONPATH"}
    assert (env["TERM"], env["LANG"], env["BRIEF_SERVED"]) == ("xterm-256color", "fr_FR.UTF-8", "1")
    assert env["BRIEF_STATE_DIR"] == env["HOME"] == str(tmp_path)
    # What a visitor sends is a value, never a way in: anything odd falls back to a plain default.
    odd = reader_environment("xterm;rm -rf /", "C.UTF-8\nLD_PRELOAD=/tmp/x.so", tmp_path)
    assert (odd["TERM"], odd["LANG"]) == ("xterm-256color", "C.UTF-8")
    assert not any(key.startswith(("LD_", "PYTHONSTARTUP")) for key in env)


def test_admission_counts_sessions_and_connections_per_address():
    admission = Admission(max_sessions=3)
    assert [admission.connect("10.0.0.1") for _ in range(5)] == [None] * 4 + [TOO_MANY_FROM_YOU]
    assert [admission.connect("10.0.0.2") for _ in range(3)] == [None, None, FULL]  # 2 × 3 connections at most
    admission.disconnect("10.0.0.1")
    assert admission.connect("10.0.0.3") is None
    assert [admission.start_session() for _ in range(4)] == [True, True, True, False]
    admission.end_session()
    assert admission.start_session()


def test_the_serve_help_names_every_option():
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--help"], capture_output=True, text=True, cwd=REPO, env=os.environ
    )
    for option in ("--host", "--port", "--authorized-keys", "--open", "--max-sessions", "--idle-timeout",
                   "--host-key", "--memory-limit"):  # fmt: skip
        assert option in result.stdout


def test_a_window_is_drawn_at_a_reasonable_size_whatever_the_client_asks():
    from tui.serve.session import MAX_COLUMNS, MAX_ROWS, ReaderSession

    session = ReaderSession(visit=None)  # type: ignore[arg-type]  (no reader is started here)
    session.pty_requested("xterm-256color", (100_000, 100_000, 0, 0), {})
    assert session.size == (MAX_COLUMNS, MAX_ROWS)
    session.terminal_size_changed(0, 0, 0, 0)  # nonsense keeps the size it had
    assert session.size == (MAX_COLUMNS, MAX_ROWS)
    session.terminal_size_changed(132, 43, 0, 0)
    assert session.size == (132, 43)
