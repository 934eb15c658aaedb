"""`tournament`: the seat-game definition, the balance table, the plan of games, the command."""

from __future__ import annotations

import json

import pytest

import main
from game.sim.tournament import plan_pairs, plan_tasks, tabulate

SEATS = ["RUS", "IRN", "TUR", "USA"]


def game(g: int, kind: str, seats: dict, agendas: dict, winner: str) -> dict:
    return {"game": g, "kind": kind, "seats": seats, "agendas": agendas, "winner": winner}


def test_seat_game_compares_a_seat_with_itself_in_the_reference_game() -> None:
    """TOUR-1: A beats B when A's seat ends above B's score on that seat, same seed; ties half."""
    ref = dict.fromkeys(SEATS, "random")
    results = [
        game(0, "reference", ref, {"RUS": 50, "IRN": 30, "TUR": 70, "USA": 40}, "TUR"),
        game(1, "reference", ref, {"RUS": 50, "IRN": 30, "TUR": 70, "USA": 40}, "TUR"),
        game(2, "reference", ref, {"RUS": 50, "IRN": 30, "TUR": 70, "USA": 40}, "TUR"),
        # IRN under greedy scores 35 > 30: a win for greedy although TUR still wins the game
        game(
            0,
            "greedy>random",
            {**ref, "RUS": "greedy"},
            {"RUS": 50, "IRN": 0, "TUR": 0, "USA": 0},
            "RUS",
        ),
        game(
            1,
            "greedy>random",
            {**ref, "IRN": "greedy"},
            {"RUS": 0, "IRN": 35, "TUR": 99, "USA": 0},
            "TUR",
        ),
        game(
            2,
            "greedy>random",
            {**ref, "TUR": "greedy"},
            {"RUS": 0, "IRN": 0, "TUR": 60, "USA": 0},
            "TUR",
        ),
    ]
    report = tabulate(results, SEATS, [("random", "greedy")], ["random"])
    (row,) = report["ladder"]
    assert row["seat_games"] == 3
    assert row["beats"] == pytest.approx((0.5 + 1 + 0) / 3, abs=1e-4)
    assert row["outright_wins"] == pytest.approx(2 / 3, abs=1e-4)
    assert row["by_seat"] == {"RUS": 0.5, "IRN": 1.0, "TUR": 0.0, "USA": None}
    balance = report["balance"]["random"]
    assert balance["games"] == 3
    assert balance["sides"]["TUR"]["share"] == 1.0
    assert balance["sides"]["IRN"]["wins"] == 0


def test_plan_rotates_the_stronger_seat_and_shares_seeds() -> None:
    """Game g puts the stronger level on seat g mod 4; references use the same seeds."""
    pairs = plan_pairs(["random", "greedy", "planner"])
    assert pairs == [("random", "greedy"), ("greedy", "planner")]
    assert plan_pairs(["a", "b", "c"], "all") == [("a", "b"), ("a", "c"), ("b", "c")]
    tasks = plan_tasks("x.toml", [11, 22, 33, 44, 55], SEATS, pairs[:1], [], None)
    mixed = [t for t in tasks if t["kind"] == "greedy>random"]
    refs = [t for t in tasks if t["kind"] == "reference"]
    assert [t["seed"] for t in mixed] == [t["seed"] for t in refs] == [11, 22, 33, 44, 55]
    strong = [next(a for a, lvl in t["seats"].items() if lvl == "greedy") for t in mixed]
    assert strong == ["RUS", "IRN", "TUR", "USA", "RUS"]
    assert all(set(t["seats"].values()) == {"random"} for t in refs)


def test_tournament_command_prints_ladder_and_balance(tmp_path, capsys) -> None:
    """The command runs a tiny seeded tournament and writes its tables as JSON."""
    out = tmp_path / "t.json"
    argv = ["tournament", "scenarios/tehran-2017.toml", "--games", "2", "--turns", "1"]
    assert main.main([*argv, "--levels", "random,greedy", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "greedy vs random" in printed and "balance: random" in printed
    report = json.loads(out.read_text())["report"]
    assert report["ladder"][0]["seat_games"] == 2
    assert main.main([*argv, "--levels", "random,wizard"]) == 2
