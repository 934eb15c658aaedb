"""`python main.py tournament`: AI levels against each other, seat by seat, and side balance.

For each pair of levels B < A (weaker first, in `--levels` order), game `g` of `--games G` puts A
on one seat (the seats rotate: RUS, IRN, TUR, USA, RUS...) and B on the other three. Each such
game is paired with the *reference game*: the same seed with B on all four seats.

**A beats B in a seat-game** when A's seat ends with a higher agenda score than B reached on
that same seat in the reference game (a tie counts half). Comparing a seat with itself removes
the seats' different starting levels (Turkey's agenda starts far above Iran's in tehran-2017),
which a comparison with the other seats would mistake for skill. The table also shows how often
A's seat won the game outright.

**Balance**: the reference games (one level on all four seats) give each side's win share. Win
shares carry Wilson 95% intervals. Game seeds come from `SeedSequence(S).spawn(G)`, shared by
all pairings (common random numbers), so results do not depend on `--jobs`.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from game.sim.cli import (
    UsageError,
    _load_scenario,
    _non_negative,
    _positive,
    _write_text,
    game_seeds,
    run_tasks,
    wilson,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `tournament`."""
    parser.add_argument("scenario", help="scenario file, e.g. scenarios/tehran-2017.toml")
    parser.add_argument("--games", type=_positive, default=40, help="games per pairing (40)")
    parser.add_argument("--seed", type=_non_negative, default=0, help="master seed (0)")
    parser.add_argument(
        "--levels",
        default="random,greedy,planner",
        help="levels to rank, weakest first (random,greedy,planner); planner:hard etc. allowed",
    )
    parser.add_argument(
        "--pairs",
        choices=("adjacent", "all"),
        default="adjacent",
        help="pit each level against the next one only (adjacent), or against every weaker one",
    )
    parser.add_argument(
        "--balance",
        default=None,
        help="levels to measure side balance for (default: every weaker level of a pairing); "
        "'none' for no extra games",
    )
    parser.add_argument("--turns", type=_positive, default=None, help="turns per game (limit)")
    parser.add_argument("--jobs", type=_positive, default=1, help="worker processes")
    parser.add_argument("--json", metavar="OUT", help="write every game and the tables as JSON")


def run(args: argparse.Namespace) -> int:
    """The `tournament` command."""
    from game.ai.registry import UnknownLevel, check_level

    try:
        scenario = _load_scenario(args.scenario)
        levels = [x.strip() for x in args.levels.split(",") if x.strip()]
        for level in levels:
            check_level(level)
        if len(levels) < 1:
            raise UsageError("--levels needs at least one level")
        balance = _balance_levels(args.balance, levels)
        for level in balance:
            check_level(level)
    except (UsageError, UnknownLevel) as exc:
        print(f"tournament: {exc}", file=sys.stderr)
        return 2
    seats = list(scenario.playable_ids)
    pairs = plan_pairs(levels, args.pairs)
    seeds = game_seeds(args.seed, args.games)
    tasks = plan_tasks(args.scenario, seeds, seats, pairs, balance, args.turns)
    results = run_tasks(tasks, args.jobs, desc="tournament", worker=play_match)
    report = tabulate(results, seats, pairs, sorted(set(balance) | {b for b, _ in pairs}))
    print(format_report(report, scenario.meta.title, args))
    if args.json:
        _write_text(args.json, json.dumps({"report": report, "games": results}, indent=1) + "\n")
    return 0


def _balance_levels(spec: str | None, levels: Sequence[str]) -> list[str]:
    if spec is None:
        return list(levels[:-1]) if len(levels) > 1 else list(levels)
    if spec.strip().lower() == "none":
        return []
    return [x.strip() for x in spec.split(",") if x.strip()]


def plan_pairs(levels: Sequence[str], mode: str = "adjacent") -> list[tuple[str, str]]:
    """`(weaker, stronger)` pairs: each level with the next (adjacent) or with every weaker."""
    if mode == "all":
        return [(levels[i], levels[j]) for j in range(len(levels)) for i in range(j)]
    return [(levels[i], levels[i + 1]) for i in range(len(levels) - 1)]


def plan_tasks(
    scenario: str,
    seeds: Sequence[int],
    seats: Sequence[str],
    pairs: Sequence[tuple[str, str]],
    balance: Sequence[str],
    turns: int | None,
) -> list[dict[str, Any]]:
    """Every game to play: the mixed games of each pair and the one-level reference games."""
    tasks: list[dict[str, Any]] = []
    references = list(dict.fromkeys([*(b for b, _ in pairs), *balance]))
    for level in references:
        for g, seed in enumerate(seeds):
            tasks.append(_task(scenario, g, seed, dict.fromkeys(seats, level), turns, "reference"))
    for weak, strong in pairs:
        for g, seed in enumerate(seeds):
            lineup = dict.fromkeys(seats, weak)
            lineup[seats[g % len(seats)]] = strong
            tasks.append(_task(scenario, g, seed, lineup, turns, f"{strong}>{weak}"))
    return tasks


def _task(
    scenario: str, g: int, seed: int, lineup: Mapping[str, str], turns: int | None, kind: str
) -> dict[str, Any]:
    return {
        "scenario": scenario,
        "game": g,
        "seed": seed,
        "seats": dict(lineup),
        "turns": turns,
        "kind": kind,
    }


def play_match(task: Mapping[str, Any]) -> dict[str, Any]:
    """Play one tournament game; its lineup, final agendas and winner."""
    from game.ai.match import play_out
    from game.ai.registry import make_policy
    from game.engine.setup import new_game
    from game.engine.state import state_hash
    from game.scoring import leader

    state = new_game(_load_scenario(task["scenario"]), task["seed"])
    policies = {actor: make_policy(level, explain=False) for actor, level in task["seats"].items()}
    state = play_out(state, policies, task["turns"])
    final = state.history[-1]
    return {
        **{k: task[k] for k in ("game", "seed", "seats", "kind")},
        "agendas": {a: round(float(v), 6) for a, v in final.agendas.items()},
        "winner": leader(state),
        "turns": int(state.turn),
        "state_hash": state_hash(state),
    }


def tabulate(
    results: Sequence[Mapping[str, Any]],
    seats: Sequence[str],
    pairs: Sequence[tuple[str, str]],
    balance: Sequence[str],
) -> dict[str, Any]:
    """The ladder (pair by pair) and the balance table, as plain data."""
    reference: dict[tuple[str, int], Mapping[str, Any]] = {}
    for r in results:
        if r["kind"] == "reference":
            reference[(next(iter(r["seats"].values())), r["game"])] = r
    ladder = []
    for weak, strong in pairs:
        score, wins, n = 0.0, 0, 0
        by_seat: dict[str, list[float]] = {s: [0.0, 0] for s in seats}
        for r in results:
            if r["kind"] != f"{strong}>{weak}":
                continue
            seat = next(a for a, lvl in r["seats"].items() if lvl == strong)
            base = reference[(weak, r["game"])]["agendas"][seat]
            mine = r["agendas"][seat]
            point = 1.0 if mine > base + 1e-9 else 0.5 if abs(mine - base) <= 1e-9 else 0.0
            score += point
            wins += r["winner"] == seat
            n += 1
            by_seat[seat][0] += point
            by_seat[seat][1] += 1
        low, high = wilson(score, n)
        ladder.append(
            {
                "stronger": strong,
                "weaker": weak,
                "seat_games": n,
                "beats": round(score / n, 4) if n else 0.0,
                "low": round(low, 4),
                "high": round(high, 4),
                "outright_wins": round(wins / n, 4) if n else 0.0,
                "by_seat": {s: round(v[0] / v[1], 4) if v[1] else None for s, v in by_seat.items()},
            }
        )
    table = {}
    for level in balance:
        games = [r for (lvl, _g), r in reference.items() if lvl == level]
        n = len(games)
        row = {}
        for seat in seats:
            count = sum(1 for r in games if r["winner"] == seat)
            low, high = wilson(count, n)
            row[seat] = {
                "wins": count,
                "share": round(count / n, 4) if n else 0.0,
                "low": round(low, 4),
                "high": round(high, 4),
                "mean_agenda": round(sum(r["agendas"][seat] for r in games) / n, 3) if n else 0.0,
            }
        table[level] = {"games": n, "sides": row}
    return {"ladder": ladder, "balance": table}


def format_report(report: Mapping[str, Any], title: str, args: argparse.Namespace) -> str:
    """The text tables `tournament` prints."""
    lines = [f"{title}: {args.games} games per pairing, seed {args.seed}", ""]
    if report["ladder"]:
        lines.append("ladder: share of seat-games the stronger level wins against the weaker one")
        lines.append("  (its seat ends above the weaker level's score on that seat, same seed)")
        lines.append(f"  {'pairing':<26} {'beats':>7} {'95% CI':>15} {'wins game':>10}  by seat")
        for row in report["ladder"]:
            pairing = f"{row['stronger']} vs {row['weaker']}"
            seats = " ".join(
                f"{s}={100 * v:.0f}%" for s, v in row["by_seat"].items() if v is not None
            )
            lines.append(
                f"  {pairing:<26} {100 * row['beats']:6.1f}% "
                f"[{100 * row['low']:5.1f}-{100 * row['high']:5.1f}%] "
                f"{100 * row['outright_wins']:9.1f}%  {seats}"
            )
        lines.append("")
    for level, table in report["balance"].items():
        lines.append(f"balance: {level} on every seat, {table['games']} games")
        lines.append(f"  {'side':<6} {'wins':>7} {'95% CI':>15} {'mean agenda':>12}")
        for seat, row in table["sides"].items():
            lines.append(
                f"  {seat:<6} {100 * row['share']:6.1f}% "
                f"[{100 * row['low']:5.1f}-{100 * row['high']:5.1f}%] {row['mean_agenda']:12.2f}"
            )
        lines.append("")
    return "\n".join(lines).rstrip()
