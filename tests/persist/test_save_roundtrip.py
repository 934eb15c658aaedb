"""Saving and loading real games: round trips, undo, branches, rules changes, other processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.state import state_hash
from game.persist.errors import SaveError
from game.persist.format import dumps
from game.persist.save import (
    Autosaver,
    branch_save,
    load_game,
    loads_game,
    record_to_save,
    save_game,
)
from game.persist.soak import random_orders
from tests.persist.games import ROOT, played, scenario


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), turns=st.integers(0, 5))
def test_save_then_load_gives_the_same_state_hashes(seed: int, turns: int) -> None:
    """For random games of random length, save -> load re-runs to the same hash every turn."""
    record = played(seed, turns)
    text = dumps(record_to_save(record))
    loaded = loads_game(text, "game.json")
    assert loaded.record.hashes == record.hashes
    assert state_hash(loaded.state) == state_hash(record.state)
    assert [[str(o) for o in t] for t in loaded.orders] == [
        [str(o) for o in t] for t in record.orders
    ]
    assert dumps(record_to_save(loaded.record)) == text


def test_loaded_game_plays_on_like_the_live_one(tmp_path: Path) -> None:
    """A game saved mid-way and loaded continues to the same states as the unsaved game."""
    record = played(11, 3)
    save_game(tmp_path / "g.json", record)
    resumed = load_game(tmp_path / "g.json").record
    rng_a, rng_b = np.random.default_rng(5), np.random.default_rng(5)
    for _ in range(2):
        record, _ = record.play(random_orders(record.state, rng_a))
        resumed, _ = resumed.play(random_orders(resumed.state, rng_b))
    assert resumed.hashes == record.hashes


def test_undo_returns_to_the_start_of_an_earlier_turn() -> None:
    """Rewinding to turn k gives exactly the state the game had after k turns."""
    record = played(3, 4)
    for k in range(record.turn + 1):
        back = record.rewind(k)
        assert back.turn == k and back.state.turn == k
        assert state_hash(back.state) == record.hashes[k]
    assert record.undo().turn == record.turn - 1
    assert record.undo(99).turn == 0
    with pytest.raises(ValueError, match="not in this game"):
        record.rewind(record.turn + 1)


def test_branch_forks_a_save_at_turn_k(tmp_path: Path) -> None:
    """A fork at turn K holds the first K turns, loads on its own, and leaves the source alone."""
    record = played(5, 4)
    source = save_game(tmp_path / "main.json", record, label="main line")
    before = source.read_bytes()
    fork = branch_save(source, 2, tmp_path / "fork.json")
    assert source.read_bytes() == before
    again = load_game(tmp_path / "fork.json")
    assert again.record.hashes == record.hashes[:3]
    assert again.save.label == "main line (branch at turn 2)"
    assert fork.record.turn == 2
    with pytest.raises(SaveError, match="already exists"):
        branch_save(source, 1, tmp_path / "fork.json")
    with pytest.raises(SaveError, match="turn 9: not in this game"):
        branch_save(source, 9, tmp_path / "other.json")


def test_autosaver_keeps_the_last_n_and_latest_loads(tmp_path: Path) -> None:
    """Autosaving every turn keeps the last N files; `latest` is the newest game."""
    record = played(8, 4)
    saver = Autosaver(tmp_path / "auto", keep=3)
    for k in range(record.turn + 1):
        saver.save(record.rewind(k))
    assert [p.name for p in saver.files()] == [
        "autosave-0003.json",
        "autosave-0004.json",
        "autosave-0005.json",
    ]
    latest = saver.latest()
    assert latest is not None and latest.record.hashes == record.hashes


def test_autosaver_latest_skips_a_damaged_newest_file(tmp_path: Path) -> None:
    """If the newest autosave was damaged on disk, `latest` falls back to the one before."""
    record = played(8, 2)
    saver = Autosaver(tmp_path, keep=5)
    saver.save(record.rewind(1))
    newest = saver.save(record)
    newest.write_text(newest.read_text()[:100])
    latest = saver.latest()
    assert latest is not None and latest.record.turn == 1


def test_save_replays_with_its_own_rules_after_the_rules_file_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rebalancing `default.toml` does not break old saves: they re-run with their own rules."""
    from game.rules import params

    record = played(21, 3)
    text = dumps(record_to_save(record))
    table = {s: dict(keys) for s, keys in params.default_rules().items()}
    for keys in table.values():
        for key in keys:
            keys[key] = keys[key] * 1.5 + 0.25
    monkeypatch.setattr(params, "_default_table", lambda: table)
    loaded = loads_game(text, "game.json")
    assert loaded.record.hashes == record.hashes


def test_load_never_changes_the_file(tmp_path: Path) -> None:
    """Loading a good or a bad save leaves its bytes as they were."""
    path = save_game(tmp_path / "g.json", played(2, 2))
    good = path.read_bytes()
    load_game(path)
    assert path.read_bytes() == good
    bad = good.replace(b'"seed": ', b'"seed": 1')
    path.write_bytes(bad)
    with pytest.raises(SaveError):
        load_game(path)
    assert path.read_bytes() == bad


def test_missing_file_is_a_save_error(tmp_path: Path) -> None:
    """A path that does not exist is reported with the file name, not as an OSError."""
    with pytest.raises(SaveError, match=r"nope\.json: cannot read the file"):
        load_game(tmp_path / "nope.json")


_CHILD = """
import json, sys
from game.persist.save import load_game, save_game
from game.persist.soak import play_random
from game.scenario.load import load_scenario
mode, path = sys.argv[1], sys.argv[2]
if mode == "write":
    record = play_random(load_scenario("scenarios/tehran-2017.toml"), 31, 4)
    save_game(path, record)
else:
    record = load_game(path).record
state = record.state
print(json.dumps({"hashes": list(record.hashes),
                  "alignment": state.alignment.tobytes().hex(),
                  "capital": state.capital.tobytes().hex()}))
"""


def _child(mode: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_save_written_by_another_process_reproduces_the_game_bit_for_bit(tmp_path: Path) -> None:
    """A save made in one process loads in another to the same hashes and the same array bytes."""
    path = tmp_path / "other.json"
    written = _child("write", path)
    loaded = load_game(path).record
    assert list(loaded.hashes) == written["hashes"]
    assert loaded.state.alignment.tobytes().hex() == written["alignment"]
    assert loaded.state.capital.tobytes().hex() == written["capital"]
    mine = played(31, 4)
    assert mine.hashes == loaded.hashes
    save_game(tmp_path / "mine.json", mine)
    assert _child("read", tmp_path / "mine.json")["hashes"] == list(mine.hashes)
    assert scenario().meta.id == load_game(path).save.scenario_id
