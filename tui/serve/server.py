"""The SSH server: who gets in (public keys, or anyone with --open), what they get (one reader per
connection, nothing else), the log line of each visit, and a clean stop on Ctrl+C."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import socket
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

from tui.serve.keys import authorized_keys, fingerprint, host_key, serve_dir, visitor_folder
from tui.serve.limits import FULL, Admission, login_timeout
from tui.serve.options import OptionError, ServeOptions, is_loopback
from tui.serve.session import ReaderSession

SHUTDOWN_GRACE = 2.0
"""Seconds the readers have to end when the server stops."""
LINGER = 2.0
"""Seconds a connection may stay open after its session ended."""
KEEPALIVE = 15.0
"""Seconds between keepalives: a connection that dropped without a word is noticed within a minute."""


@dataclass
class Hub:
    """What every connection shares: the options, the keys allowed in, the places, the live sessions."""

    options: ServeOptions
    keys: asyncssh.SSHAuthorizedKeys | None
    admission: Admission
    sessions: set[ReaderSession] = field(default_factory=set)

    def log(self, address: str, who: str, duration: float, how: str) -> None:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        print(f"{stamp} {address} {who} {duration:.1f}s {how}", file=sys.stderr, flush=True)


class Visit(asyncssh.SSHServer):
    """One connection: authentication, then at most one session, which runs the reader."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.connection: asyncssh.SSHServerConnection | None = None
        self.host = "?"
        self.address = "?"
        self.offered: str | None = None
        self.who: str | None = None
        """The key's fingerprint once authenticated, or `open`."""
        self.session: ReaderSession | None = None
        self.state: Path | None = None
        self.started = time.monotonic()
        self.refusal: str | None = None
        """Why the connection was refused something, for its log line when it had no session."""
        self.turned_away: str | None = None
        """The line a connection over the limits is disconnected with."""

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.connection = conn
        peer = conn.get_extra_info("peername") or ("?", 0)
        self.host, self.address = peer[0], f"{peer[0]}:{peer[1]}"
        self.turned_away = self.hub.admission.connect(self.host)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.turned_away is None:
            self.hub.admission.disconnect(self.host)
        if self.session is None:  # no reader was asked for: say why the connection ended
            how = self.refusal or _why_closed(exc, self.who)
            if self.turned_away is not None:
                how = "refused: full" if self.turned_away == FULL else "refused: too many from the address"
            self.hub.log(self.address, self.who or "-", time.monotonic() - self.started, how)
        elif self.session.ended is None:
            self.session.end("connection lost")

    # Authentication: public keys only, or no authentication at all with --open ------------------

    def begin_auth(self, username: str) -> bool:
        if self.turned_away is not None and self.connection is not None:
            # Told after the key exchange, where the client can show the reason (before it, it cannot).
            self.connection.disconnect(asyncssh.DISC_TOO_MANY_CONNECTIONS, self.turned_away)
            return True
        if self.hub.options.open_access:
            self.who = "open"
            return False
        return True

    def public_key_auth_supported(self) -> bool:
        return self.hub.keys is not None

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        assert self.hub.keys is not None
        if self.hub.keys.validate(key, self.host, self.host) is None:
            return False
        # Called again, with the signature, for the key that is finally accepted.
        self.offered = fingerprint(key)
        return True

    def auth_completed(self) -> None:
        self.who = self.offered or "open"

    def password_auth_supported(self) -> bool:
        return False

    def kbdint_auth_supported(self) -> bool:
        return False

    def host_based_auth_supported(self) -> bool:
        return False

    # What an authenticated visitor may open: one session; no forwarding of any kind -------------

    def session_requested(self) -> ReaderSession | bool:
        if self.session is not None:
            return False  # one reader per connection
        self.session = ReaderSession(self)
        self.hub.sessions.add(self.session)
        return self.session

    def connection_requested(self, dest_host: str, dest_port: int, orig_host: str, orig_port: int) -> bool:
        return self._refuse("refused a port forward")

    def server_requested(self, listen_host: str, listen_port: int) -> bool:
        return self._refuse("refused a remote port forward")

    def unix_connection_requested(self, dest_path: str) -> bool:
        return self._refuse("refused a socket forward")

    def unix_server_requested(self, listen_path: str) -> bool:
        return self._refuse("refused a remote socket forward")

    def tun_requested(self, unit: int | None) -> bool:
        return self._refuse("refused a tunnel")

    def tap_requested(self, unit: int | None) -> bool:
        return self._refuse("refused a tunnel")

    def _refuse(self, how: str) -> bool:
        self.refusal = how
        return False

    # The visitor's state ------------------------------------------------------------------------

    def state_folder(self) -> Path:
        """Per key, kept between visits; for `--open`, a fresh folder that goes at disconnect."""
        if self.state is None:
            if self.who in (None, "open"):
                (serve_dir() / "open").mkdir(mode=0o700, parents=True, exist_ok=True)
                self.state = Path(tempfile.mkdtemp(prefix="visit-", dir=serve_dir() / "open"))
            else:
                self.state = serve_dir() / "visitors" / visitor_folder(self.who)
                self.state.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self.state

    def session_ended(self, session: ReaderSession, duration: float) -> None:
        self.hub.sessions.discard(session)
        if self.state is not None and self.who in (None, "open"):
            shutil.rmtree(self.state, ignore_errors=True)
        self.hub.log(self.address, self.who or "-", duration, session.ended or "ended")
        if self.connection is not None:
            # One reader per connection: the connection goes with it. The client closes it when it has
            # the exit status; a client that lingers is closed a little later.
            asyncio.get_running_loop().call_later(LINGER, self.connection.close)


def _why_closed(exc: Exception | None, who: str | None) -> str:
    if isinstance(exc, asyncssh.DisconnectError) and "timeout" in exc.reason.lower():
        return "refused: login timed out"
    return "refused: not authenticated" if who is None else "no session"


def serve(options: ServeOptions) -> int:
    """Serve until Ctrl+C (or SIGTERM); every session is ended cleanly before returning."""
    try:
        key, key_path = host_key(options.host_key)
        keys = authorized_keys(options.authorized_keys) if options.authorized_keys is not None else None
    except OptionError as error:
        print(f"brief: serve: {error}", file=sys.stderr)
        return 2
    hub = Hub(options, keys, Admission(options.max_sessions))
    try:
        return asyncio.run(_serve(hub, key, key_path))
    except KeyboardInterrupt:  # a second Ctrl+C while stopping
        return 130


async def _serve(hub: Hub, key: asyncssh.SSHKey, key_path: Path) -> int:
    options = hub.options
    try:
        server = await asyncssh.create_server(
            lambda: Visit(hub),
            options.host,
            options.port,
            server_host_keys=[key],
            login_timeout=login_timeout(),
            keepalive_interval=KEEPALIVE,
            agent_forwarding=False,
            x11_forwarding=False,
            allow_scp=False,
            line_editor=False,
            encoding=None,
        )
    except OSError as error:
        reason = error.strerror or error
        print(f"brief: serve: cannot listen on {options.host}:{options.port}: {reason}", file=sys.stderr)
        return 2
    port = server.sockets[0].getsockname()[1]
    _announce(options, port, fingerprint(key), key_path)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    await stop.wait()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.remove_signal_handler(number)
    server.close()
    sessions = list(hub.sessions)
    for session in sessions:
        session.close("server stopped", "brief: the server was stopped")
    if sessions:
        await asyncio.wait([asyncio.create_task(s.finished.wait()) for s in sessions], timeout=SHUTDOWN_GRACE)
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(server.wait_closed(), SHUTDOWN_GRACE)
    print("brief serve: stopped", file=sys.stderr, flush=True)
    return 0


def _announce(options: ServeOptions, port: int, host_fingerprint: str, key_path: Path) -> None:
    """What the person serving needs: what, where, the command to give colleagues, the key to check."""
    what = options.paths[0] if len(options.paths) == 1 else f"{len(options.paths)} files"
    who = "anyone (--open)" if options.open_access else f"the keys in {options.authorized_keys}"
    host = options.host
    if is_loopback(host):
        host = "localhost"
    elif host in ("0.0.0.0", "::", ""):  # every address: the machine's name is the one to give
        host = socket.gethostname()
    lines = [
        f"brief serve: serving {what} on {options.host}:{port} to {who}",
        f"brief serve: host key {host_fingerprint} ({key_path})",
        f"brief serve: colleagues type: ssh {'' if port == 22 else f'-p {port} '}{host}",
        "brief serve: Ctrl+C stops",
    ]
    print("\n".join(lines), file=sys.stderr, flush=True)
