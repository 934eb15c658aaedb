"""The checked-in format-1 save keeps loading: format compatibility is a promise to players.

`tests/persist/data/save-v1.json` was made by this engine on 2026-11-27 with
`GameRecord.start(tehran-2017, seed 2017, humans RUS and IRN)`, six turns of `play_turn` with two
random legal orders per human seat and the default policy for the other seats, then `save_game`.
Never regenerate it to make a test pass: add an upgrade in `game.persist.format.UPGRADES` instead.
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
    """The format-1 file re-runs through the engine to every saved state hash."""
    game = load_game(V1)
    assert game.record.turn == 6
    assert game.record.hashes[1:] == game.save.hashes
    assert game.state.humans == frozenset({"IRN", "RUS"})
