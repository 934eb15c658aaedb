"""Atomic writes and the autosave rotation, on plain text (no game needed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.persist import atomic
from game.persist.atomic import Rotation, write_atomic


def test_write_atomic_replaces_whole_content(tmp_path: Path) -> None:
    """The target holds exactly the new content after a write, and no temporary file remains."""
    target = tmp_path / "a.json"
    write_atomic(target, "old\n")
    write_atomic(target, "new content\n")
    assert target.read_text() == "new content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_write_atomic_gives_ordinary_permissions(tmp_path: Path) -> None:
    """A new save gets the permissions `open` would give it; a replaced one keeps its own."""
    target = tmp_path / "a.json"
    write_atomic(target, "x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    target.chmod(0o600)
    write_atomic(target, "y")
    assert target.stat().st_mode & 0o777 == 0o600


def test_failed_write_leaves_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the write fails before the rename (disk full, fsync error), the old file survives."""
    target = tmp_path / "a.json"
    write_atomic(target, "old\n")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_rotation_numbers_files_and_keeps_the_newest(tmp_path: Path) -> None:
    """Each write gets the next number; only the last `keep` files stay, the newest included."""
    rotation = Rotation(tmp_path / "auto", keep=3)
    paths = [rotation.write(f"save {i}\n") for i in range(1, 6)]
    assert paths[0].name == "autosave-0001.json"
    assert [p.name for p in rotation.files()] == [
        "autosave-0003.json",
        "autosave-0004.json",
        "autosave-0005.json",
    ]
    assert rotation.latest() == paths[-1]
    assert rotation.latest().read_text() == "save 5\n"


def test_rotation_orders_by_number_past_four_digits(tmp_path: Path) -> None:
    """File 10000 sorts after 9999: the order is numeric, not by name."""
    (tmp_path / "autosave-9999.json").write_text("x")
    rotation = Rotation(tmp_path, keep=5)
    new = rotation.write("y")
    assert new.name == "autosave-10000.json"
    assert rotation.latest() == new


def test_rotation_sweeps_stale_temporaries_only(tmp_path: Path) -> None:
    """A crashed write's old temporary file is removed; a fresh one (in progress) is left."""
    stale = tmp_path / ".autosave-0002.json.abc123.tmp"
    fresh = tmp_path / ".autosave-0002.json.def456.tmp"
    other = tmp_path / ".notes.txt.abc.tmp"
    for path in (stale, fresh, other):
        path.write_text("partial")
    old = os.stat(stale).st_mtime - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    Rotation(tmp_path, keep=2).write("z")
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_rotation_refuses_to_keep_nothing(tmp_path: Path) -> None:
    """keep=0 would delete the save just written, so it is refused."""
    with pytest.raises(ValueError, match="at least 1"):
        Rotation(tmp_path, keep=0)
