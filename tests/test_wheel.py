"""The wheel ships what brief loads at run time, and an installed `brief` works away from the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, missing
from tests.seed_expectations import SEED_TITLE

pytestmark = pytest.mark.slow


def copy_tracked_files(destination: Path) -> None:
    """Copy the files git tracks (as they are in the working tree), and nothing else."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def clean_env() -> dict[str, str]:
    """The environment without anything that would point Python back at the checkout."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        missing("building the wheel from tracked files needs git and a git checkout")
    source = tmp_path_factory.mktemp("source")
    copy_tracked_files(source)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist)],
        cwd=source,
        env=clean_env(),
        capture_output=True,
        check=True,
        timeout=600,
    )
    (built,) = dist.glob("brief-*.whl")
    return built


def test_the_wheel_ships_the_styles_and_the_seed(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for stylesheet in ("brief", "dialogs", "library"):
        assert f"tui/styles/{stylesheet}.tcss" in names
    assert "tui/seeds/diplomatic-gauntlet.txt" in names
    assert "tui/cli.py" in names and "tui/parse/plain.py" in names
    assert not [name for name in names if name.startswith("tests/") or "__pycache__" in name]


def test_brief_installed_in_a_fresh_venv_reads_its_bundled_seed(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300, env=clean_env())
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    install = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=900,
        env=clean_env(),
    )
    assert install.returncode == 0, install.stderr[-2000:]

    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    result = subprocess.run(
        [str(bin_dir / "brief"), "--json"], cwd=workdir, capture_output=True, timeout=120, env=clean_env()
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    document = json.loads(result.stdout.decode("utf-8"))
    assert document["title"] == SEED_TITLE
    assert len(document["takeaways"]) == 6

    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import tui.platform.resources as r; print(r.seed_path()); print(r.stylesheet_path())"],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(),
        check=True,
    ).stdout.splitlines()
    # Found inside the installed package, not in the checkout this test runs from.
    assert [Path(line).is_relative_to(venv) for line in where] == [True, True]
    assert [Path(line).exists() for line in where] == [True, True]

    version = subprocess.run([str(bin_dir / "brief"), "--version"], cwd=workdir, capture_output=True, timeout=60)
    assert version.stdout.decode().startswith("brief ")
