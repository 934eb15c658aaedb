"""Crash-safe file writes: `write_atomic` and the rotating set of files autosaves go to.

A write goes to a temporary file in the target's folder, is flushed and fsynced, renamed over the
target with `os.replace` (atomic on POSIX and Windows), and the folder is fsynced so the rename
itself survives a power cut. At every moment the target holds either its old complete content or
its new complete content, never a mix; a crash leaves at most a stray `.NAME.*.tmp` file, which
`Rotation` sweeps up later.

Must not import: pygame, game.ui, anything that knows a file format.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from attrs import field, frozen

# Stray temporary files younger than this may belong to a write still in progress elsewhere.
_STALE_SECONDS = 120.0


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries (a rename, a new file) to disk; a no-op where that is impossible."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable on its own
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename is still atomic
    finally:
        os.close(fd)


@functools.cache
def _umask() -> int:
    # Reading the umask means setting it; do it once, at the first write.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """The permissions a new file gets: the old file's, or what `open` would give (0666 - umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Replace the file at `path` with `data`, so that a crash at any moment leaves old or new.

    Args:
        path: the target file; its folder must exist.
        data: the whole new content; text is written as UTF-8 with `\\n` line ends.

    Returns:
        The target path.

    Raises:
        OSError: the folder is missing or not writable, or the disk is full; the target is then
            untouched and no temporary file is left behind.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):  # mkstemp makes 0600 files; a save is an ordinary file
                os.fchmod(handle.fileno(), _mode_for(target))
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
    return target


@frozen
class Rotation:
    """Numbered files in one folder, newest kept: `autosave-0001.json`, `autosave-0002.json`...

    `write` puts the next number in place atomically and only then deletes the oldest files beyond
    `keep`, so the newest complete file is never removed before its successor is on disk. One
    process should write a given folder and prefix at a time.

    Attributes:
        folder: where the files live (created on first write).
        keep: how many files to keep, >= 1.
        prefix: the name before the number, e.g. `"autosave"`.
        suffix: the extension, e.g. `".json"`.
    """

    folder: Path = field(converter=Path)
    keep: int = field(default=10)
    prefix: str = "autosave"
    suffix: str = ".json"

    @keep.validator
    def _check_keep(self, _attribute: object, value: int) -> None:
        if value < 1:
            raise ValueError(f"keep must be at least 1, not {value}")

    def _pattern(self) -> re.Pattern[str]:
        return re.compile(rf"^{re.escape(self.prefix)}-(\d+){re.escape(self.suffix)}$")

    def files(self) -> list[Path]:
        """The complete files of this rotation, oldest first (by number, not by time)."""
        if not self.folder.is_dir():
            return []
        pattern = self._pattern()
        numbered = []
        for entry in self.folder.iterdir():
            match = pattern.match(entry.name)
            if match and entry.is_file():
                numbered.append((int(match.group(1)), entry))
        return [entry for _number, entry in sorted(numbered)]

    def latest(self) -> Path | None:
        """The newest file, or None when there is none."""
        files = self.files()
        return files[-1] if files else None

    def write(self, data: str | bytes) -> Path:
        """Write `data` as the next numbered file, then prune the oldest beyond `keep`.

        Returns:
            The path of the new file.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        self._sweep_temporaries()
        files = self.files()
        number = 1
        if files:
            match = self._pattern().match(files[-1].name)
            assert match is not None  # files() only lists names the pattern matches
            number = int(match.group(1)) + 1
        target = write_atomic(self.folder / f"{self.prefix}-{number:04d}{self.suffix}", data)
        for old in self.files()[: -self.keep]:
            old.unlink(missing_ok=True)
        return target

    def _sweep_temporaries(self) -> None:
        """Remove temporary files that a crashed write of this rotation left behind."""
        stray = re.compile(rf"^\.{re.escape(self.prefix)}-\d+{re.escape(self.suffix)}\..*\.tmp$")
        now = time.time()
        for entry in self.folder.iterdir():
            if stray.match(entry.name):
                try:
                    if now - entry.stat().st_mtime > _STALE_SECONDS:
                        entry.unlink()
                except OSError:
                    pass  # gone already, or not ours to remove
