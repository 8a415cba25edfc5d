"""`brief serve`'s arguments: what is served, to whom, within which limits; errors are one line."""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.cli import EXIT_ERROR, parse_size

DEFAULT_PORT = 2222
DEFAULT_MAX_SESSIONS = 20
DEFAULT_IDLE_TIMEOUT = "15m"
DEFAULT_MEMORY_LIMIT = "2G"
MIN_MEMORY_LIMIT = 512 * 1024**2
"""Below this a reader cannot start: Python and Textual alone map about 250 MB of address space."""
INSTALL_HINT = "serve needs asyncssh: pip install 'brief[serve]'"

EXAMPLES = """\
examples:
  brief serve ~/briefings                      colleagues on this machine: ssh -p 2222 localhost
  brief serve --host 0.0.0.0 --authorized-keys team.keys ~/briefings
                                               the team's public keys, from other machines
  brief serve --open report.md notes.md       anyone who can reach the port reads the two files
"""

_DURATION = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*")
_SECONDS = {"s": 1, "m": 60, "h": 3600}


class OptionError(Exception):
    """An argument that cannot be served as given; the message is the line after `brief: serve: `."""


def parse_duration(value: str) -> float:
    """`15m`, `30s`, `1h` or a number of seconds; 0 turns the timeout off."""
    match = _DURATION.fullmatch(value)
    if match is None:
        raise OptionError(f"not a duration: {value!r} (try 15m, 90s or 1h)")
    unit = (match.group(2) or "s")[0].lower()
    return float(match.group(1)) * _SECONDS[unit]


@dataclass(frozen=True)
class ServeOptions:
    """Everything the server needs, checked."""

    paths: tuple[Path, ...]
    """One folder (the library) or one or more files, resolved."""
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    authorized_keys: Path | None = None
    """None with `open_access`: anyone may read."""
    open_access: bool = False
    max_sessions: int = DEFAULT_MAX_SESSIONS
    idle_timeout: float = 15 * 60
    host_key: Path | None = None
    """None: brief's state folder keeps one."""
    memory_limit: int = 2 * 1024**3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brief serve",
        description="Let colleagues read a folder of articles (or some files) over SSH with their own "
        "ssh client: each visitor gets a reader, and nothing else on this machine.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="DIR | FILE", help="a folder, or files (default: this folder)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT}; 0 picks one)")
    access = parser.add_mutually_exclusive_group()
    access.add_argument(
        "--authorized-keys",
        metavar="FILE",
        help="public keys allowed in, one a line (default: ~/.ssh/authorized_keys)",
    )
    access.add_argument("--open", action="store_true", help="let anyone in, without a key")
    parser.add_argument(
        "--max-sessions", type=int, default=DEFAULT_MAX_SESSIONS, metavar="N",
        help=f"readers at once (default: {DEFAULT_MAX_SESSIONS})",
    )  # fmt: skip
    parser.add_argument(
        "--idle-timeout", default=DEFAULT_IDLE_TIMEOUT, metavar="TIME",
        help=f"close a session after this long without a key (default: {DEFAULT_IDLE_TIMEOUT}; 0: never)",
    )  # fmt: skip
    parser.add_argument("--host-key", metavar="FILE", help="the server's key (default: one kept in brief's state)")
    parser.add_argument(
        "--memory-limit", default=DEFAULT_MEMORY_LIMIT, metavar="SIZE",
        help=f"address space of each reader (default: {DEFAULT_MEMORY_LIMIT})",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=_version())
    return parser


def _version() -> str:
    from tui import __version__

    return f"brief {__version__}"


def options_from(args: argparse.Namespace, cwd: Path | None = None) -> ServeOptions:
    """Check the parsed arguments: what is served exists, and a reachable server has named its visitors."""
    paths = served_paths(args.paths, cwd or Path.cwd())
    if not is_loopback(args.host) and args.authorized_keys is None and not args.open:
        raise OptionError(
            f"--host {args.host} can be reached from other machines: name who may read, with "
            "--authorized-keys FILE (or --open for anyone)"
        )
    keys = None
    if not args.open:
        keys = Path(args.authorized_keys or "~/.ssh/authorized_keys").expanduser().resolve()
        if not keys.is_file():
            raise OptionError(f"{keys}: no such file of public keys (name one with --authorized-keys, or --open)")
    if not 0 <= args.port <= 65535:
        raise OptionError(f"--port {args.port}: not a port")
    if args.max_sessions < 1:
        raise OptionError(f"--max-sessions {args.max_sessions}: at least 1")
    try:
        memory = parse_size(args.memory_limit)
    except argparse.ArgumentTypeError as error:
        raise OptionError(f"--memory-limit: {error}") from None
    if memory < MIN_MEMORY_LIMIT:
        raise OptionError(f"--memory-limit {args.memory_limit}: a reader needs at least 512M")
    return ServeOptions(
        paths=paths,
        host=args.host,
        port=args.port,
        authorized_keys=keys,
        open_access=args.open,
        max_sessions=args.max_sessions,
        idle_timeout=parse_duration(args.idle_timeout),
        host_key=Path(args.host_key).expanduser().resolve() if args.host_key else None,
        memory_limit=memory,
    )


def served_paths(given: Sequence[str], cwd: Path) -> tuple[Path, ...]:
    """One folder, or one or more files, resolved; the current folder when none is given."""
    paths = tuple((cwd / Path(name).expanduser()).resolve() for name in given) or (cwd.resolve(),)
    for name, path in zip(given or ["."], paths, strict=True):
        if not path.exists():
            raise OptionError(f"{name}: no such file or folder")
    folders = [path for path in paths if path.is_dir()]
    if folders and len(paths) > 1:
        raise OptionError("serve one folder, or one or more files, not both")
    for name, path in zip(given or ["."], paths, strict=True):
        if not path.is_dir() and not os.access(path, os.R_OK):
            raise OptionError(f"{name}: cannot be read")
    return paths


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (names other than localhost are not trusted to be)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: Sequence[str]) -> int:
    """`brief serve …`: check the arguments, then serve until Ctrl+C."""
    args = build_parser().parse_args(argv)
    try:
        import asyncssh  # noqa: F401  (an extra: say how to get it rather than a traceback)
    except ImportError:
        return _fail(INSTALL_HINT)
    try:
        options = options_from(args)
    except OptionError as error:
        return _fail(f"serve: {error}")
    from tui.serve.server import serve

    return serve(options)


def _fail(message: str) -> int:
    print(f"brief: {message}", file=sys.stderr)
    return EXIT_ERROR
