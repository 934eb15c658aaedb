"""`simulate`: seeds independent of --jobs, the JSON/CSV/plot outputs, --ai parsing, saves."""

from __future__ import annotations

import csv
import io
import json

import pytest

import main
from game.sim.cli import game_seeds, parse_ai, spread, summarise, wilson

SCENARIO = "scenarios/tehran-2017.toml"
SEATS = ("RUS", "IRN", "TUR", "USA")


def simulate(tmp_path, name: str, *extra: str) -> dict:
    out = tmp_path / f"{name}.json"
    argv = ["simulate", SCENARIO, "--games", "3", "--turns", "2", "--seed", "9"]
    assert main.main([*argv, *extra, "--json", str(out)]) == 0
    return json.loads(out.read_text())


def test_simulate_json_is_identical_for_one_and_two_jobs(tmp_path, capsys) -> None:
    """SIM-1: the same seed gives byte-identical JSON whether games run inline or in 2 workers."""
    one = simulate(tmp_path, "one", "--jobs", "1")
    two = simulate(tmp_path, "two", "--jobs", "2")
    assert (tmp_path / "one.json").read_text() == (tmp_path / "two.json").read_text()
    assert one == two
    printed = capsys.readouterr().out
    assert "stability" in printed and "RUS" in printed


def test_simulate_json_follows_the_documented_schema(tmp_path) -> None:
    """Every documented key is present with the right shape; histories start at the start."""
    doc = simulate(tmp_path, "schema", "--ai", "random,USA=greedy")
    assert doc["format"] == "concert-simulate" and doc["version"] == 1
    assert doc["ai"] == {"RUS": "random", "IRN": "random", "TUR": "random", "USA": "greedy"}
    assert doc["games"] == 3 and len(doc["results"]) == 3
    assert [r["seed"] for r in doc["results"]] == game_seeds(9, 3)
    for r in doc["results"]:
        assert set(r) >= {"game", "seed", "winner", "stability", "influence", "agendas"}
        assert set(r) >= {"state_hash", "history", "turns", "leader"}
        assert r["turns"] == 2 and [h["turn"] for h in r["history"]] == [0, 1, 2]
        assert r["winner"] is None  # stopped before the turn limit
        assert r["leader"] in SEATS
        assert set(r["agendas"]) == set(SEATS)
        assert sum(r["influence"].values()) == pytest.approx(100.0, abs=1e-3)
        assert r["history"][-1]["stability"] == r["stability"]
        assert len(r["state_hash"]) == 64
    assert set(doc["summary"]["wins"]) == set(SEATS)


def test_different_games_get_different_seeds_and_outcomes(tmp_path) -> None:
    """The games of a run are not copies of one another."""
    doc = simulate(tmp_path, "vary")
    assert len({r["seed"] for r in doc["results"]}) == 3
    assert len({r["stability"] for r in doc["results"]}) == 3


def test_csv_plot_and_saves_are_written(tmp_path) -> None:
    """--csv has one row per game, --plot a PNG, --save-dir saves that replay to their hashes."""
    from game.persist.save import load_game

    csv_path, png, saves = tmp_path / "g.csv", tmp_path / "g.png", tmp_path / "saves"
    doc = simulate(
        tmp_path, "files", "--csv", str(csv_path), "--plot", str(png), "--save-dir", str(saves)
    )
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text())))
    assert [int(r["seed"]) for r in rows] == [r["seed"] for r in doc["results"]]
    assert {"stability", "influence.RUS", "agenda.USA", "state_hash"} <= set(rows[0])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    files = sorted(saves.glob("game-*.json"))
    assert len(files) == 3
    loaded = load_game(files[1])
    from game.engine.state import state_hash

    assert state_hash(loaded.state) == doc["results"][1]["state_hash"]


def test_simulate_from_a_save_continues_it(tmp_path) -> None:
    """--from SAVE starts every game at the saved turn, each with its own seed."""
    saves = tmp_path / "saves"
    simulate(tmp_path, "first", "--save-dir", str(saves))
    doc = simulate(tmp_path, "fork", "--from", str(saves / "game-0000.json"))
    assert doc["start_turn"] == 2
    for r in doc["results"]:
        assert r["turns"] == 4 and r["history"][0]["turn"] == 2


def test_simulate_from_a_save_writes_forks_that_replay_from_turn_0(tmp_path) -> None:
    """--from SAVE --save-dir: each fork is saved with the original turns and its own seed
    after them, and loading it re-runs every turn to the hash the run reported."""
    from game.engine.state import state_hash
    from game.persist.save import load_game

    first, forks = tmp_path / "first", tmp_path / "forks"
    simulate(tmp_path, "first", "--save-dir", str(first))
    original = load_game(first / "game-0000.json")
    doc = simulate(
        tmp_path, "fork", "--from", str(first / "game-0000.json"), "--save-dir", str(forks)
    )
    files = sorted(forks.glob("game-*.json"))
    assert len(files) == 3
    hashes = set()
    for path, result in zip(files, doc["results"], strict=True):
        loaded = load_game(path)
        assert loaded.record.turn == 4
        assert loaded.orders[:2] == original.orders[:2]
        assert state_hash(loaded.state) == result["state_hash"]
        hashes.add(result["state_hash"])
    assert len(hashes) == 3


def test_bad_arguments_exit_2_with_a_message(tmp_path, capsys) -> None:
    """Unknown levels, seats and files are reported in one line, not a traceback."""
    for argv in (
        ["simulate", SCENARIO, "--ai", "genius"],
        ["simulate", SCENARIO, "--ai", "XXX=greedy"],
        ["simulate", str(tmp_path / "missing.toml")],
    ):
        assert main.main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("simulate: ") and "Traceback" not in err


def test_parse_ai_sets_a_default_then_seat_overrides() -> None:
    """A bare level sets every seat; ACTOR=LEVEL overrides one; unnamed seats stay random."""
    assert parse_ai("greedy", SEATS) == dict.fromkeys(SEATS, "greedy")
    assert parse_ai("RUS=planner:hard", SEATS)["RUS"] == "planner:hard"
    assert parse_ai("RUS=planner", SEATS)["IRN"] == "random"
    assert parse_ai("greedy,IRN=random", SEATS) == {
        "RUS": "greedy",
        "IRN": "random",
        "TUR": "greedy",
        "USA": "greedy",
    }


def test_game_seeds_come_from_spawned_seed_sequences() -> None:
    """Game i's seed is the first word of SeedSequence(S).spawn(G)[i]; a prefix is stable."""
    import numpy as np

    seeds = game_seeds(5, 4)
    child = np.random.SeedSequence(5).spawn(4)[2]
    assert seeds[2] == int(child.generate_state(1, dtype=np.uint32)[0])
    assert game_seeds(5, 2) == seeds[:2]


def test_wilson_interval_matches_known_values() -> None:
    """Wilson 95%: 0 of 10 -> [0, 0.278]; 5 of 10 -> [0.237, 0.763]."""
    low, high = wilson(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-3)
    low, high = wilson(5, 10)
    assert (low, high) == pytest.approx((0.2366, 0.7634), abs=1e-3)


def test_summary_counts_wins_and_spreads() -> None:
    """The summary's win counts and percentile ranges come from the per-game records."""
    results = [
        {
            "winner": w,
            "leader": w,
            "stability": s,
            "influence": {"RUS": 10.0},
            "agendas": {"RUS": 50.0},
            "history": [{"stability": 40.0}],
        }
        for w, s in (("RUS", 50.0), ("RUS", 60.0), (None, 70.0))
    ]
    summary = summarise(results, ["RUS"], ["RUS"])
    assert summary["wins"]["RUS"]["count"] == 2
    assert summary["undecided"] == 1
    assert summary["stability"]["mean"] == pytest.approx(60.0)
    assert spread([1.0, 2.0, 3.0])["low"] == pytest.approx(1.05)
