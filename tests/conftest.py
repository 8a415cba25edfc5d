"""Every test runs with brief's state, config and caches in a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "diplomatic-gauntlet.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = REPO.parent / "shared" / "corpus"


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


# CI is the gate a change lands through: the same examples on every run, so red means the change, not
# the draw. On a developer's machine every run draws new examples and keeps the failing ones.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if running_in_ci():
    settings.load_profile("ci")


def missing(what: str) -> NoReturn:
    """A tool (tmux, sshd) or the corpus a test needs is not here: skipped on a developer's
    machine, but a failure under CI=true, where a skip would hide that the test never ran."""
    if running_in_ci():
        pytest.fail(f"{what} (CI=true: a missing tool or corpus fails the run)")
    pytest.skip(what)


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point brief's state directory (and the XDG folders) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    state = home / "state"
    monkeypatch.setenv("BRIEF_STATE_DIR", str(state))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.delenv("BRIEF_CLIPBOARD", raising=False)
    return state


@pytest.fixture(autouse=True)
def no_process_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Code under test that calls `os._exit` would end pytest itself, silently and with status 0: a
    green run that never ran the rest. It fails the test instead."""

    def refuse(status: int) -> NoReturn:
        raise AssertionError(f"os._exit({status}) called in the test process")

    monkeypatch.setattr(os, "_exit", refuse)
