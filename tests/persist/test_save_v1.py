"""The checked-in format-1 save keeps loading: format compatibility is a promise to players.

`tests/persist/data/save-v1.json` is a real game made by the engine with
`tests/persist/data/make_save_v1.py`: tehran-2017, seed 2017, RUS and IRN human (two random legal
orders each a turn), the default policy for the other seats, six turns.

Two promises, two kinds of test. The *format* tests must pass in every future build: never edit
the file to make them pass; add an upgrade to `game.persist.format.UPGRADES`. The *re-run* test
also pins the engine: if a deliberate engine change makes the reference game play differently,
it fails at the first changed turn, and the file may be remade with the script (only while this
build writes format 1; the script refuses otherwise).
"""

from __future__ import annotations

import json

from game.persist.format import CURRENT_FORMAT
from game.persist.save import load_game, read_save
from tests.persist.games import DATA

V1 = DATA / "save-v1.json"


def test_v1_file_is_format_1() -> None:
    """The reference file really is a format-1 save (so the tests below pin version 1)."""
    assert json.loads(V1.read_text(encoding="utf-8"))["format"] == 1


def test_v1_save_reads_in_this_build() -> None:
    """The format-1 file passes the shape and checksum checks and upgrades to this format."""
    save = read_save(V1)
    assert save.format == CURRENT_FORMAT
    assert save.scenario_id == "tehran-2017"
    assert save.humans == ("IRN", "RUS")
    assert save.turns == 6
    assert all(save.orders)  # the AI seats' orders were recorded too


def test_v1_save_re_runs_to_its_hashes() -> None:
    """The format-1 file re-runs through this engine to every saved state hash (engine golden)."""
    game = load_game(V1)
    assert game.record.turn == 6
    assert game.record.hashes[1:] == game.save.hashes
    assert game.state.humans == frozenset({"IRN", "RUS"})
