"""SIGKILL in the middle of autosaving: the last complete autosave is always intact and loadable.

A forked child plays a game and autosaves after every turn, reporting each save's number through
a pipe once `Autosaver.save` has returned. The parent kills it with SIGKILL at a random moment,
30 times, and then checks that the newest autosave on disk is at least the last one reported,
loads and verifies, and that no more than `keep` complete autosaves remain.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from game.persist.save import Autosaver, load_game, record_to_save
from tests.persist.games import played

KILLS = 30

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(os, "fork"), reason="needs fork and SIGKILL"
)


def _child(folder: Path, write_end: int, seed: int) -> None:
    """Autosave a game's turns round and round until killed (runs in the forked child)."""
    record = played(77, 6)
    saver = Autosaver(folder, keep=3)
    turn = seed % (record.turn + 1)
    while True:
        path = saver.save(record.rewind(turn))
        os.write(write_end, f"{path.name}\n".encode())
        turn = (turn + 1) % (record.turn + 1)


def test_sigkill_at_random_moments_never_loses_the_last_complete_autosave(tmp_path: Path) -> None:
    """After each of 30 SIGKILLs the newest autosave is complete, loadable and not older."""
    record = played(77, 6)  # played (and its scenario text made) before forking, so that the
    record_to_save(record)  # children start saving at once
    rng = np.random.default_rng(2026)
    folder = tmp_path / "auto"
    mid_write = 0
    for kill in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_end)
            try:
                _child(folder, write_end, kill)
            finally:
                os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            first = pipe.readline()  # wait for one complete save, then strike at random
            temporaries = set(folder.glob(".autosave-*.tmp"))
            time.sleep(float(rng.uniform(0.0, 0.06)))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            reported = (first + pipe.read()).decode().split()
        mid_write += bool(set(folder.glob(".autosave-*.tmp")) - temporaries)

        files = Autosaver(folder, keep=3).files()
        assert reported, f"kill {kill}: the child reported no save"
        assert files, f"kill {kill}: autosaves were reported but none is on disk"
        newest = files[-1]
        assert int(newest.stem.split("-")[1]) >= int(reported[-1].split("-")[1].split(".")[0])
        assert len(files) <= 4  # keep=3, plus at most one written just before the prune
        game = load_game(newest)
        assert game.record.hashes == record.hashes[: game.record.turn + 1]
    # The kills did land inside writes (a temporary file left behind), not only between them.
    assert mid_write >= 1
