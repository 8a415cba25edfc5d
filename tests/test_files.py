"""Saving text the user asked for: atomic, never over a file unless asked, modes and links respected."""

from __future__ import annotations

import os
import stat

import pytest

from tui.platform.files import write_atomically


def test_a_new_file_gets_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "new.md", "text")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("old")
    target.chmod(0o664)
    with pytest.raises(FileExistsError):
        write_atomically(target, "new")
    write_atomically(target, "new", replace=True)
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o664


def test_a_link_is_written_through(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomically(link, "new", replace=True)
    assert link.is_symlink() and real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_a_folder_is_a_folder_before_it_is_an_existing_name(tmp_path):
    """The save dialog offered "Save again to replace it" for a folder's name."""
    import pytest

    from tui.platform.files import write_atomically

    with pytest.raises(IsADirectoryError):
        write_atomically(tmp_path, "text", replace=False)
