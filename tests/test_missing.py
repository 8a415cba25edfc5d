"""A missing tool or corpus skips on a developer's machine and fails under CI=true."""

from __future__ import annotations

import pytest
from _pytest.outcomes import Failed, Skipped

from tests.conftest import missing


@pytest.mark.parametrize("value", ["true", "TRUE", "1"])
def test_under_ci_a_missing_tool_fails(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(Failed, match="tmux is not installed"):
        missing("tmux is not installed")


@pytest.mark.parametrize("value", [None, "", "false"])
def test_elsewhere_it_skips(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    with pytest.raises(Skipped):
        missing("tmux is not installed")


def test_the_ssh_test_fails_under_ci_when_sshd_is_missing(monkeypatch, tmp_path):
    from tests.e2e import sshd

    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(sshd, "SSHD", str(tmp_path / "no-sshd"))
    with pytest.raises(Failed):
        sshd.SshServer(tmp_path)
