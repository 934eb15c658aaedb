"""`python main.py simulate`: many seeded games headless, summarised as a Monte Carlo forecast.

Game `i` of a run with `--seed S` plays with the seed drawn from
`numpy.random.SeedSequence(S).spawn(G)[i]`, so every game, and the whole output, is the same
whatever `--jobs` is. Games run in worker processes (`--jobs J`, J = 1 runs inline); a tqdm bar
shows progress on stderr when it is a terminal; stdout gets a summary table.

`--json OUT` writes every game: the stable interface for analysts, documented in docs/ai.md and
built by `game_result` and `run_document` below (format "concert-simulate", version 1).
`--csv OUT` writes one row per game; `--plot OUT.png` draws stability and influence over time
with bands across games.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from attrs import frozen

FORMAT = "concert-simulate"
VERSION = 1
Z95 = 1.959963984540054
"""The two-sided 95% normal quantile (Wilson intervals)."""


# ---------------------------------------------------------------------------------------------
# Command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `simulate`."""
    parser.add_argument("scenario", help="scenario file, e.g. scenarios/tehran-2017.toml")
    parser.add_argument("--games", type=_positive, default=100, help="games to play (100)")
    parser.add_argument(
        "--turns", type=_positive, default=None, help="turns per game (default: to the turn limit)"
    )
    parser.add_argument("--seed", type=_non_negative, default=0, help="master seed (0)")
    parser.add_argument(
        "--ai",
        default="random",
        help="AI level of every playable seat (random | greedy | planner[:easy|normal|hard]), "
        "or per seat, e.g. RUS=planner,IRN=greedy (unnamed seats: random; a bare level sets "
        "them all first, e.g. greedy,RUS=planner)",
    )
    parser.add_argument(
        "--jobs", type=_positive, default=1, help="worker processes (1 runs inline)"
    )
    parser.add_argument("--json", metavar="OUT", help="write every game as JSON (see docs/ai.md)")
    parser.add_argument("--csv", metavar="OUT", help="write one CSV row per game")
    parser.add_argument("--plot", metavar="OUT.png", help="draw stability and influence over time")
    parser.add_argument(
        "--from", dest="from_save", metavar="SAVE", help="start every game from a save"
    )
    parser.add_argument("--save-dir", metavar="DIR", help="write each game as a save in DIR")


def run(args: argparse.Namespace) -> int:
    """The `simulate` command."""
    from game.ai.registry import UnknownLevel

    try:
        start = load_start(args.scenario, args.from_save)
        seats = parse_ai(args.ai, start.playable)
    except (UsageError, UnknownLevel) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    if args.save_dir:
        Path(args.save_dir).mkdir(parents=True, exist_ok=True)
    seeds = game_seeds(args.seed, args.games)
    tasks = [
        GameTask(
            index=i,
            seed=seed,
            scenario=start.scenario_path,
            from_save=start.save_path,
            seats=tuple(sorted(seats.items())),
            turns=args.turns,
            save_dir=args.save_dir,
        )
        for i, seed in enumerate(seeds)
    ]
    results = run_tasks(tasks, args.jobs, desc="simulate")
    document = run_document(start, args, seats, results)
    print(summary_table(document))
    if args.json:
        _write_text(args.json, json.dumps(document, indent=1, sort_keys=False) + "\n")
    if args.csv:
        _write_text(args.csv, csv_text(document))
    if args.plot:
        plot(document, args.plot)
    return 0


class UsageError(ValueError):
    """A bad command-line value: the message says which and what was expected."""


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text}")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected an integer >= 0, got {text}")
    return value


def parse_ai(spec: str, playable: Sequence[str]) -> dict[str, str]:
    """Seat -> level from `--ai`: `greedy`, `RUS=planner,IRN=greedy` or `greedy,RUS=planner:hard`.

    Raises:
        UsageError: an unknown seat or level.
    """
    from game.ai.registry import check_level

    seats = dict.fromkeys(playable, "random")
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        actor, sep, level = item.partition("=")
        if not sep:
            check_level(item)
            seats = dict.fromkeys(playable, item)
            continue
        actor, level = actor.strip(), level.strip()
        if actor not in seats:
            raise UsageError(f"--ai: {actor!r} is not a playable seat ({', '.join(playable)})")
        check_level(level)
        seats[actor] = level
    return seats


def game_seeds(master: int, games: int) -> list[int]:
    """The seed of each game: one 32-bit word from each child of `SeedSequence(master)`."""
    children = np.random.SeedSequence(master).spawn(games)
    return [int(child.generate_state(1, dtype=np.uint32)[0]) for child in children]


# ---------------------------------------------------------------------------------------------
# Where games start


class Start:
    """Where every game of a run starts: a scenario file, or a save.

    Attributes:
        scenario_path: the scenario file (for a save: None, the save embeds its scenario).
        save_path: the save file, or None.
        state: the first state (with the scenario's or the save's own seed).
        playable: the playable seats, in actor order.
    """

    def __init__(self, scenario_path: str | None, save_path: str | None, state: Any) -> None:
        self.scenario_path = scenario_path
        self.save_path = save_path
        self.state = state
        self.playable = tuple(a for i, a in enumerate(state.actors) if state.playable[i])


def load_start(scenario_path: str, save_path: str | None) -> Start:
    """The start of a run; `UsageError` with a readable message when a file is bad."""
    if save_path:
        return Start(None, save_path, _load_save_record(save_path).state)
    scenario = _load_scenario(scenario_path)
    from game.engine.setup import new_game

    return Start(scenario_path, None, new_game(scenario, 0))


_SCENARIOS: dict[str, Any] = {}
_SAVES: dict[str, Any] = {}


def _load_scenario(path: str) -> Any:
    """A scenario, loaded once per process."""
    if path not in _SCENARIOS:
        from game.scenario.load import load_scenario

        try:
            _SCENARIOS[path] = load_scenario(path)
        except OSError as exc:
            raise UsageError(f"{path}: {exc.strerror or exc}") from None
        except ValueError as exc:  # the loader's errors name file, line and key
            raise UsageError(str(exc)) from None
    return _SCENARIOS[path]


def _load_save_record(path: str) -> Any:
    """The game record of a save, loaded (and verified by replay) once per process."""
    if path not in _SAVES:
        from game.persist.save import load_game

        try:
            loaded = load_game(path)
        except ValueError as exc:  # SaveError: names the file and what is wrong
            raise UsageError(str(exc)) from None
        _SAVES[path] = loaded.record
    return _SAVES[path]


# ---------------------------------------------------------------------------------------------
# Playing one game (in a worker process)


@frozen
class GameTask:
    """What a worker needs to play one game: plain values only.

    Attributes:
        index: the game's number in the run, from 0.
        seed: the game seed.
        scenario: scenario file, or None when starting from a save.
        from_save: save file, or None.
        seats: `(actor, level)` pairs, e.g. `(("IRN", "greedy"), ("RUS", "planner"))`.
        turns: turns to play, or None for all that remain.
        save_dir: where to write the game as a save, or None.
    """

    index: int
    seed: int
    scenario: str | None
    from_save: str | None
    seats: tuple[tuple[str, str], ...]
    turns: int | None
    save_dir: str | None


def first_record(task: GameTask) -> Any:
    """Game `task.index`'s record so far: a new game with its seed, or the save re-seeded.

    Every game forks the save with its own seed, so the games differ from the saved one; the
    record keeps the save's turns and notes the new seed, so a game written with `--save-dir`
    still replays exactly from turn 0."""
    if task.from_save:
        return _load_save_record(task.from_save).reseed(task.seed)
    from game.engine.setup import new_game
    from game.persist.record import GameRecord

    return GameRecord.from_state(new_game(_load_scenario(task.scenario), task.seed))


def play_task(task: GameTask) -> dict[str, Any]:
    """Play one game and return its JSON record (see `game_result`)."""
    from game.ai.match import play
    from game.ai.registry import make_policy

    start = first_record(task)
    state = start.state
    policies = {actor: make_policy(level, explain=False) for actor, level in task.seats}
    history = [_snapshot(state)]
    record = start if task.save_dir else None
    for state, orders, _decisions in play(state, policies, task.turns):  # noqa: B020
        history.append(_snapshot(state))
        if record is not None:
            record = record.append(orders, state)
    if record is not None:
        _save_game(task, record)
    return game_result(task, state, history)


def _snapshot(state: Any) -> dict[str, Any]:
    """One row of a game's per-turn history."""
    current = state.history[-1]
    return {
        "turn": int(state.turn),
        "date": state.date.isoformat(),
        "stability": _num(current.stability),
        "influence": {a: _num(v) for a, v in current.influence.items()},
        "agendas": {a: _num(v) for a, v in current.agendas.items()},
    }


def _num(value: float) -> float:
    """A float rounded to 6 decimals: stable JSON text, well below any displayed precision."""
    return round(float(value), 6)


def game_result(task: GameTask, state: Any, history: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON record of one finished game (schema in docs/ai.md)."""
    from game.engine.state import state_hash
    from game.scoring import leader, winner

    final = history[-1]
    won = winner(state)
    return {
        "game": task.index,
        "seed": task.seed,
        "turns": int(state.turn),
        "over": _is_over(state),
        "winner": won,
        "leader": leader(state),
        "stability": final["stability"],
        "influence": final["influence"],
        "agendas": final["agendas"],
        "state_hash": state_hash(state),
        "history": history,
    }


def _is_over(state: Any) -> bool:
    from game.ai.match import is_over

    return is_over(state)


def _save_game(task: GameTask, record: Any) -> None:
    """Write the game as a save, `DIR/game-0007.json`, that `replay --verify` re-runs."""
    from game.persist.save import save_game

    path = Path(task.save_dir) / f"game-{task.index:04d}.json"
    save_game(path, record, label=f"simulate game {task.index} seed {task.seed}")


def run_tasks(
    tasks: Sequence[Any],
    jobs: int,
    desc: str,
    worker: Callable[[Any], dict[str, Any]] = play_task,
) -> list[dict[str, Any]]:
    """Run `worker` over `tasks`, inline or in `jobs` processes; results in task order."""
    bar = _progress(len(tasks), desc)
    results: list[dict[str, Any] | None] = [None] * len(tasks)
    try:
        if jobs <= 1:
            for i, task in enumerate(tasks):
                results[i] = worker(task)
                bar.update(1)
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {pool.submit(worker, task): i for i, task in enumerate(tasks)}
                from concurrent.futures import as_completed

                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    bar.update(1)
    finally:
        bar.close()
    return [r for r in results if r is not None]


def _progress(total: int, desc: str) -> Any:
    """A tqdm bar on stderr, silent when stderr is not a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, file=sys.stderr, disable=not sys.stderr.isatty())


# ---------------------------------------------------------------------------------------------
# The run document and its summaries


def run_document(
    start: Start, args: argparse.Namespace, seats: Mapping[str, str], results: list[dict[str, Any]]
) -> dict[str, Any]:
    """The whole run as one JSON-ready dict (format "concert-simulate", version 1)."""
    state = start.state
    return {
        "format": FORMAT,
        "version": VERSION,
        "scenario": {
            "id": state.scenario.meta.id,
            "title": state.scenario.meta.title,
            "path": start.scenario_path,
            "turn_limit": state.scenario.meta.turn_limit,
        },
        "from_save": start.save_path,
        "start_turn": int(state.turn),
        "master_seed": args.seed,
        "games": len(results),
        "turns": args.turns,
        "ai": dict(seats),
        "actors": list(state.actors),
        "playable": list(start.playable),
        "summary": summarise(results, list(state.actors), list(start.playable)),
        "results": results,
    }


def summarise(
    results: list[dict[str, Any]], actors: list[str], playable: list[str]
) -> dict[str, Any]:
    """Means, 95% ranges and win shares over the games.

    For a measure: `mean`, and `low`/`high`, the 2.5th and 97.5th percentiles across games (where
    95% of games end). For win shares: the share and its Wilson 95% interval.
    """
    n = len(results)
    stability = [r["stability"] for r in results]
    wins = {a: sum(1 for r in results if r["winner"] == a) for a in playable}
    leaders = {a: sum(1 for r in results if r["leader"] == a) for a in playable}
    return {
        "stability": spread(stability),
        "stability_start": spread([r["history"][0]["stability"] for r in results]),
        "influence": {a: spread([r["influence"].get(a, 0.0) for r in results]) for a in actors},
        "agendas": {a: spread([r["agendas"].get(a, 0.0) for r in results]) for a in playable},
        "wins": {a: _share(wins[a], n) for a in playable},
        "leaders": {a: _share(leaders[a], n) for a in playable},
        "undecided": sum(1 for r in results if r["winner"] is None),
    }


def spread(values: Sequence[float]) -> dict[str, float]:
    """`{"mean", "low", "high"}`: the mean and the 2.5th/97.5th percentiles."""
    if not values:
        return {"mean": math.nan, "low": math.nan, "high": math.nan}
    array = np.asarray(values, dtype=np.float64)
    low, high = np.percentile(array, [2.5, 97.5])
    return {"mean": _num(array.mean()), "low": _num(low), "high": _num(high)}


def _share(count: int, n: int) -> dict[str, float]:
    low, high = wilson(count, n)
    return {
        "count": count,
        "share": _num(count / n) if n else 0.0,
        "low": _num(low),
        "high": _num(high),
    }


def wilson(successes: float, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% by default); (0, 1) when n is 0."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denominator = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def summary_table(document: Mapping[str, Any]) -> str:
    """The text table `simulate` prints."""
    summary = document["summary"]
    scenario = document["scenario"]
    lines = [
        f"{scenario['title']} ({scenario['id']}): {document['games']} games, "
        f"seed {document['master_seed']}, AI "
        + ", ".join(f"{a}={lvl}" for a, lvl in document["ai"].items()),
        "",
        f"stability      start {_fmt(summary['stability_start'])}   "
        f"final {_fmt(summary['stability'])}",
        "",
        f"{'actor':<10} {'influence (95% range)':<24} {'agenda (95% range)':<24} wins (95% CI)",
    ]
    for actor in document["actors"]:
        influence = _fmt(summary["influence"][actor])
        if actor in summary["agendas"]:
            agenda = _fmt(summary["agendas"][actor])
            win = summary["wins"][actor]
            wins = f"{100 * win['share']:5.1f}% [{100 * win['low']:.0f}-{100 * win['high']:.0f}]"
        else:
            agenda, wins = "", ""
        lines.append(f"{actor:<10} {influence:<24} {agenda:<24} {wins:<20}".rstrip())
    if summary["undecided"]:
        lines.append(
            f"\n{summary['undecided']} game(s) stopped before the turn limit: no winner "
            "(see 'leader' in the JSON)"
        )
    return "\n".join(lines)


def _fmt(s: Mapping[str, float]) -> str:
    return f"{s['mean']:6.1f} [{s['low']:.1f}-{s['high']:.1f}]"


def csv_text(document: Mapping[str, Any]) -> str:
    """One CSV row per game: game, seed, turns, winner, stability, influence.*, agenda.*, hash."""
    actors, playable = document["actors"], document["playable"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["game", "seed", "turns", "winner", "leader", "stability"]
        + [f"influence.{a}" for a in actors]
        + [f"agenda.{a}" for a in playable]
        + ["state_hash"]
    )
    for r in document["results"]:
        writer.writerow(
            [r["game"], r["seed"], r["turns"], r["winner"] or "", r["leader"] or "", r["stability"]]
            + [r["influence"].get(a, 0.0) for a in actors]
            + [r["agendas"].get(a, 0.0) for a in playable]
            + [r["state_hash"]]
        )
    return out.getvalue()


def plot(document: Mapping[str, Any], path: str) -> None:
    """A PNG: stability (top) and each playable actor's influence (bottom) over the turns.

    Lines are the mean across games; bands hold the middle 95% of games (2.5th-97.5th
    percentiles), computed over the games still running at each turn.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = document["results"]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 7), sharex=True)
    turns, series = _series(results, lambda row: row["stability"])
    _band(top, turns, series, "stability", "#333333")
    top.set_ylabel("regional stability (0-100)")
    top.set_title(f"{document['scenario']['title']}: {document['games']} games")
    colours = ("#c0392b", "#27ae60", "#2980b9", "#8e44ad", "#d35400", "#16a085")
    for k, actor in enumerate(document["playable"]):
        turns, series = _series(results, lambda row, a=actor: row["influence"].get(a, 0.0))
        _band(bottom, turns, series, actor, colours[k % len(colours)])
    bottom.set_ylabel("influence share (%)")
    bottom.set_xlabel("turn")
    bottom.legend(loc="upper left", ncol=4, fontsize="small")
    for axis in (top, bottom):
        axis.grid(alpha=0.3)
    fig.tight_layout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _series(
    results: Iterable[Mapping[str, Any]], pick: Callable[[Mapping[str, Any]], float]
) -> tuple[list[int], list[list[float]]]:
    by_turn: dict[int, list[float]] = {}
    for r in results:
        for row in r["history"]:
            by_turn.setdefault(row["turn"], []).append(pick(row))
    turns = sorted(by_turn)
    return turns, [by_turn[t] for t in turns]


def _band(axis: Any, turns: list[int], series: list[list[float]], label: str, colour: str) -> None:
    mean = [float(np.mean(v)) for v in series]
    low = [float(np.percentile(v, 2.5)) for v in series]
    high = [float(np.percentile(v, 97.5)) for v in series]
    axis.plot(turns, mean, color=colour, label=label)
    axis.fill_between(turns, low, high, color=colour, alpha=0.18, linewidth=0)


def _write_text(path: str, text: str) -> None:
    """Write a report file atomically (a temporary file, then a rename)."""
    from game.persist.atomic import write_atomic

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text)
