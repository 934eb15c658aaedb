"""The `soak` command: many seeded random games, saved and reloaded after every turn.

    python main.py soak --games 10000 --seed 1 --turns 6 > /tmp/soak.log

Each game picks random human seats and plays random legal orders for every actor (seeded: game
`i` of seed `S` is the same on every run), to the turn limit or `--turns`. After every turn it
writes the game to a save file, loads it back (which re-runs it from the start) and checks:

- the reloaded state hash equals the live one, turn by turn, and the reloaded save writes back
  to the very same bytes;
- every array of the state is finite and in its range, control shares sum to 1;
- the influence shares sum to 100 and stability is within 0..100;
- every tenth game, a fork at a random turn loads and holds that turn's hash.

It prints one summary line, `N passed, F failed`, and exits 1 if any game failed; each failing
game is named with its seed and turn, and its last save is kept in `--keep DIR` if given.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from game.engine.state import GameState, state_hash
from game.persist.format import dumps
from game.persist.record import GameRecord
from game.persist.save import branch_save, load_game, record_to_save, save_game
from game.rules.orders import Order
from game.scenario.model import Scenario

DEFAULT_SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "tehran-2017.toml"

_TOLERANCE = 1e-6


class SoakFailure(AssertionError):
    """An invariant a soak game broke; the message names the turn and the invariant."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `soak` command."""
    parser.add_argument("--games", type=int, default=100, metavar="N", help="games to play")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="first game's seed")
    parser.add_argument(
        "--turns", type=int, metavar="T", help="stop each game after T turns (default: its end)"
    )
    parser.add_argument(
        "--scenario", default=str(DEFAULT_SCENARIO), help="the scenario file to play"
    )
    parser.add_argument("--jobs", type=int, default=1, metavar="J", help="worker processes")
    parser.add_argument(
        "--dir",
        metavar="DIR",
        help="where the working saves go (default: a temporary folder, in /dev/shm if present)",
    )
    parser.add_argument("--keep", metavar="DIR", help="copy each failing game's last save here")
    parser.add_argument(
        "--every", type=int, default=0, metavar="K", help="print a progress line every K games"
    )


# The worker processes' scenario and settings, set before they fork.
_WORKER: dict[str, object] = {}


def run(args: argparse.Namespace) -> int:
    """Run the soak; 0 if every game passed, 1 otherwise."""
    from game.scenario.load import ScenarioError, load_scenario

    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as exc:
        print(f"soak: {exc}", file=sys.stderr)
        return 2
    if args.games < 1 or args.jobs < 1 or (args.turns is not None and args.turns < 1):
        print("soak: --games, --jobs and --turns must be at least 1", file=sys.stderr)
        return 2
    # Import the whole engine now, before any worker forks, so that every game of the run plays
    # the same code even if the source files change while it runs.
    import game.engine.legal
    import game.engine.policy
    import game.engine.turn
    import game.scenario.save  # noqa: F401

    base = args.dir or ("/dev/shm" if Path("/dev/shm").is_dir() else None)
    # `kill PID` should stop the workers too: turn SIGTERM into the KeyboardInterrupt path.
    signal.signal(signal.SIGTERM, _interrupt)
    started = time.perf_counter()
    passed, failures, turns, done = 0, [], 0, 0
    with tempfile.TemporaryDirectory(prefix="concert-soak-", dir=base) as tmp:
        _WORKER.update(scenario=scenario, turns=args.turns, folder=Path(tmp), keep=args.keep)
        seeds = range(args.seed, args.seed + args.games)
        if args.jobs == 1:
            results: Iterator[tuple[int, int, str | None]] = map(_one_game, seeds)
            pool = None
        else:
            import multiprocessing

            pool = multiprocessing.get_context("fork").Pool(args.jobs, _worker_signals)
            results = pool.imap_unordered(_one_game, seeds, chunksize=8)
        try:
            for seed, played, failure in results:
                done += 1
                turns += played
                if failure is None:
                    passed += 1
                else:
                    failures.append(f"seed {seed}: {failure}")
                    print(f"FAILED seed {seed}: {failure}", flush=True)
                if args.every and done % args.every == 0:
                    elapsed = time.perf_counter() - started
                    print(
                        f"... {done} games, {len(failures)} failed, {turns} turns, {elapsed:.0f} s",
                        flush=True,
                    )
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()
    elapsed = time.perf_counter() - started
    turn_text = f"at most {args.turns} turns each" if args.turns else "each to its end"
    print(
        f"{passed} passed, {len(failures)} failed ({args.games} games {turn_text}, {turns} turns "
        f"saved and reloaded, seeds {args.seed}..{args.seed + args.games - 1}, {elapsed:.1f} s)"
    )
    return 1 if failures else 0


def _worker_signals() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops its workers with SIGTERM


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _one_game(seed: int) -> tuple[int, int, str | None]:
    """Soak one game in this process: (seed, turns played, failure message or None)."""
    import os

    folder = Path(_WORKER["folder"]) / f"w{os.getpid()}"  # type: ignore[arg-type]
    folder.mkdir(exist_ok=True)
    try:
        played = soak_game(_WORKER["scenario"], seed, _WORKER["turns"], folder)  # type: ignore[arg-type]
        return seed, played, None
    except Exception as exc:
        if _WORKER.get("keep"):
            _keep(folder, Path(str(_WORKER["keep"])), seed)
        return seed, 0, _describe_failure(exc)


def _describe_failure(exc: Exception) -> str:
    if isinstance(exc, SoakFailure):
        return str(exc)
    last = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"


def _keep(folder: Path, keep: Path, seed: int) -> None:
    keep.mkdir(parents=True, exist_ok=True)
    current = folder / "game.json"
    if current.exists():
        shutil.copyfile(current, keep / f"soak-seed-{seed}.json")


def random_orders(state: GameState, rng: np.random.Generator) -> list[Order]:
    """Random legal orders for every seat: up to three each, uniform over its legal orders.

    Each order is a uniform draw from the seat's candidates, kept if legal and new (rejection
    sampling: the same distribution as drawing from `legal_orders`, at a third of the cost).
    Seats are the playable actors; the others act inside `resolve`.
    """
    from game.engine.legal import is_legal
    from game.rules.catalogue import candidates

    orders: list[Order] = []
    for actor in state.scenario.playable_ids:
        wanted = int(rng.integers(0, 4))
        if not wanted:
            continue
        pool = list(candidates(state, actor))
        picked: list[Order] = []
        for _try in range(8 * wanted):
            if len(picked) == wanted or not pool:
                break
            order = pool[int(rng.integers(len(pool)))]
            if order not in picked and is_legal(state, order):
                picked.append(order)
        orders.extend(picked)
    return orders


def random_start(scenario: Scenario, seed: int) -> tuple[GameRecord, np.random.Generator]:
    """A new game with random human seats, and the generator its random orders come from.

    That generator is `SeedSequence([seed, 0x50A4])`, apart from the game's own random streams,
    so choosing orders never shifts what the engine draws.
    """
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0x50A4]))
    humans = [seat for seat in scenario.playable_ids if rng.random() < 0.5]
    return GameRecord.start(scenario, seed, humans), rng


def random_game(scenario: Scenario, seed: int, turns: int | None = None) -> Iterator[GameRecord]:
    """Play a seeded random game, yielding the record at the start and after each turn."""
    record, rng = random_start(scenario, seed)
    yield record
    # One game in seven changes its seed after its first turn, as `simulate --from SAVE` does.
    reseed_at = 1 if seed % 7 == 3 else None
    while not record.is_over and (turns is None or record.turn < turns):
        if record.turn == reseed_at:
            record = record.reseed(int(rng.integers(0, 2**63 - 1)))
        record, _events = record.play(random_orders(record.state, rng))
        yield record


def play_random(scenario: Scenario, seed: int, turns: int | None = None) -> GameRecord:
    """The record of a seeded random game after `turns` turns (or at its end)."""
    *_before, last = random_game(scenario, seed, turns)
    return last


def check_state(state: GameState, where: str) -> None:
    """Raise SoakFailure if any array of `state` is non-finite or out of its range."""
    ranges = {
        "capital": (0.0, None),
        "capabilities": (0.0, 100.0),
        "alignment": (-1.0, 1.0),
        "baseline": (-1.0, 1.0),
        "support": (0.0, 1.0),
        "sanctions": (0.0, 1.0),
        "trade": (0.0, 1.0),
        "recognition": (0.0, 1.0),
        "control": (0.0, 1.0),
        "violence": (0.0, 1.0),
        "guarantors": (0.0, 1.0),
        "positions": (-1.0, 1.0),
        "salience": (0.0, 1.0),
        "progress": (0.0, 1.0),
    }
    for name, (lo, hi) in ranges.items():
        array = np.asarray(getattr(state, name), dtype=np.float64)
        if not np.all(np.isfinite(array)):
            raise SoakFailure(f"{where}: {name} holds a NaN or infinity")
        if array.size and array.min() < lo - _TOLERANCE:
            raise SoakFailure(f"{where}: {name} below {lo}: {array.min()!r}")
        if hi is not None and array.size and array.max() > hi + _TOLERANCE:
            raise SoakFailure(f"{where}: {name} above {hi}: {array.max()!r}")
    membership = np.asarray(state.membership)
    if membership.size and (membership.min() < 0 or membership.max() > 3):
        raise SoakFailure(f"{where}: membership holds a code outside 0..3 (Stance)")
    if state.control.size:
        sums = state.control.sum(axis=-1)
        if not np.allclose(sums, 1.0, atol=1e-6):
            raise SoakFailure(f"{where}: control shares sum to {sums.tolist()}, not 1")
    if not np.allclose(state.alignment, state.alignment.T, atol=1e-9):
        raise SoakFailure(f"{where}: alignment is not symmetric")
    if state.history:
        scores = state.history[-1]
        total = float(sum(scores.influence.values()))
        if abs(total - 100.0) > 1e-6:
            raise SoakFailure(f"{where}: influence shares sum to {total!r}, not 100")
        if not 0.0 <= scores.stability <= 100.0:
            raise SoakFailure(f"{where}: stability {scores.stability!r} outside 0..100")


def soak_game(scenario: Scenario, seed: int, turns: int | None, folder: Path) -> int:
    """Play one random game with a save and reload after every turn; returns the turns played.

    Raises:
        SoakFailure: an invariant broke (the message names the turn); any other exception is a
            bug the soak reports as it is.
    """
    path = folder / "game.json"
    record: GameRecord | None = None
    for record in random_game(scenario, seed, turns):
        if record.turn == 0:
            check_state(record.state, "start")
            continue
        where = f"turn {record.turn}"
        check_state(record.state, where)
        save_game(path, record)
        loaded = load_game(path)
        if loaded.record.hashes != record.hashes:
            pairs = zip(loaded.record.hashes, record.hashes, strict=True)
            bad = next(k for k, (a, b) in enumerate(pairs) if a != b)
            raise SoakFailure(f"{where}: reloaded hash differs from the live one at turn {bad}")
        if state_hash(loaded.state) != state_hash(record.state):
            raise SoakFailure(f"{where}: the reloaded state differs from the live one")
        if dumps(record_to_save(loaded.record)) != path.read_text(encoding="utf-8"):
            raise SoakFailure(f"{where}: the reloaded game does not write back the same save")
    if record is None or record.turn == 0:
        return 0
    # Every tenth game, a fork at a turn drawn from the seed must hold that turn's hash.
    if seed % 10 == 0:
        turn = int(np.random.default_rng([seed, 0xF0C]).integers(0, record.turn + 1))
        fork = branch_save(path, turn, folder / "fork.json", overwrite=True)
        if fork.record.hashes[-1] != record.hashes[turn]:
            raise SoakFailure(f"fork at turn {turn}: hash differs from the game's at that turn")
        if load_game(folder / "fork.json").record.hashes != record.hashes[: turn + 1]:
            raise SoakFailure(f"fork at turn {turn}: the fork's file does not reload to the game")
    return record.turn
