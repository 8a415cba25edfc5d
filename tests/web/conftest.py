"""Fixtures of the web and e-book tests: the corpus (required under CI) and the local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CORPUS, missing
from tests.web.server import LocalServer

HTML = CORPUS / "html"
EPUB = CORPUS / "epub"


def need(path: Path) -> Path:
    """`path` from the shared corpus: under CI a missing corpus fails the test, elsewhere it skips."""
    if not path.exists():
        missing(f"the shared corpus is missing: {path}")
    return path


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with LocalServer(need(HTML)) as running:
        yield running


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server is reached directly, whatever proxy the environment names."""
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
