"""How much one server gives: sessions at once, connections per address, and each reader's resources."""

from __future__ import annotations

import os
import resource
from collections import Counter
from dataclasses import dataclass, field

MAX_PER_ADDRESS = 4
"""Connections at once from one address: a colleague's few windows, not a flood."""
LOGIN_TIMEOUT = 30.0
"""Seconds a connection may take to authenticate."""
LOGIN_TIMEOUT_FOR_TESTS = "BRIEF_SERVE_LOGIN_TIMEOUT"
"""Seconds to use instead: only the tests set it, to see a connection that never logs in closed."""


def login_timeout() -> float:
    """LOGIN_TIMEOUT, unless a test shortened it."""
    try:
        return max(float(os.environ[LOGIN_TIMEOUT_FOR_TESTS]), 0.1)
    except (KeyError, ValueError):
        return LOGIN_TIMEOUT
FULL = "brief: the server is full, try again later"
TOO_MANY_FROM_YOU = "brief: too many connections from your address, try again later"


@dataclass
class Admission:
    """Counts connections (by address) and running readers, and says who may come in."""

    max_sessions: int
    per_address: int = MAX_PER_ADDRESS
    connections: Counter[str] = field(default_factory=Counter)
    sessions: int = 0

    def connect(self, address: str) -> str | None:
        """Count a new connection; the line to refuse it with, or None when it may stay."""
        # Connections still logging in are bounded too, so that many addresses cannot hold the server.
        if sum(self.connections.values()) >= 2 * self.max_sessions:
            return FULL
        if self.connections[address] >= self.per_address:
            return TOO_MANY_FROM_YOU
        self.connections[address] += 1
        return None

    def disconnect(self, address: str) -> None:
        self.connections[address] -= 1
        if self.connections[address] <= 0:
            del self.connections[address]

    def start_session(self) -> bool:
        """Take a reader's place; False when every place is taken."""
        if self.sessions >= self.max_sessions:
            return False
        self.sessions += 1
        return True

    def end_session(self) -> None:
        self.sessions = max(0, self.sessions - 1)


def limit_reader(memory_limit: int) -> None:
    """In the reader's process before it starts: cap its address space, and write no core file
    (a core would hold whatever the reader had in memory, on the server's disk)."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
