"""The engine's part of `python main.py bench`: turn speed, how it scales, and its overhead.

`measure(args)` returns, measured in one run:

- `turn_ms_12`: median milliseconds of one `resolve` on scenarios/tehran-2017.toml, with random
  legal orders for the playable seats (drawn before the clock starts; the engine's default
  policy plays everyone else inside `resolve`);
- `turn_ms_200`: the same on `generate_scenario(200)`;
- `scale_ratio`: turn_ms_200 / turn_ms_12 (target < 4: a big world costs little more);
- `kernel_ms_12`, `kernel_ms_200`: a bare numpy kernel doing the matrix work of a turn (income,
  the background actors, drift of alignment, violence and control, sanction bite, chance, and
  one full scoring) with no records, events or Python loops over actors;
- `kernel_ratio`: turn_ms_200 / kernel_ms_200 (target < 10: the engine's bookkeeping costs
  less than ten times the arithmetic); `kernel_ratio_12` the same at 12 actors;
- `scores_ms_12`, `scores_ms_200`: one `game.scoring.scores(state)`;
- `legal_ms_12`, `legal_ms_200`: enumerating the legal orders of every playable seat once;
- `turn_cpu_ms_*`, `kernel_cpu_ms_*`, `scale_ratio_cpu`, `kernel_ratio_cpu`: the same measured in
  this process's CPU time (`time.process_time`), which other processes on a busy machine do not
  inflate.

Timings use `time.perf_counter`, a warm-up, and the median of the repetitions (`args.quick`
means fewer). If the engine's turn module is missing (a partial checkout), only the kernel and
scoring figures are returned.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from attrs import evolve, frozen

from game.scoring import scores
from game.scoring.blocs import split
from game.scoring.influence import (
    brokerage,
    capability_share,
    centrality,
    dependence,
    shares,
    ties,
)
from game.scoring.stability import stability_index, term_values
from game.sim.worldgen import generate_scenario

REPO_ROOT = Path(__file__).resolve().parents[2]
TEHRAN = REPO_ROOT / "scenarios" / "tehran-2017.toml"
BIG_WORLD = 200
SEED = 2017


def measure(args: argparse.Namespace) -> dict[str, float]:
    """Every figure of this section, in milliseconds or ratios (see the module docstring)."""
    quick = bool(getattr(args, "quick", False))
    reps = 3 if quick else 25
    warmup = 1 if quick else 3
    import game

    small = game.load_scenario(TEHRAN)
    big = generate_scenario(BIG_WORLD, seed=SEED)
    figures: dict[str, float] = {}
    for label, scenario in (("12", small), ("200", big)):
        state = game.new_game(scenario, seed=SEED)
        figures[f"scores_ms_{label}"], _ = _median_ms(lambda s=state: scores(s), reps, warmup)
        kernel = Kernel.of(state)
        figures[f"kernel_ms_{label}"], figures[f"kernel_cpu_ms_{label}"] = _median_ms(
            lambda k=kernel, s=state: kernel_turn(k, s.rules, s.scenario.scoring),
            reps,
            warmup,
        )
        turn = _turn_ms(state, reps, warmup)
        if turn is not None:
            (
                figures[f"turn_ms_{label}"],
                figures[f"turn_cpu_ms_{label}"],
                figures[f"legal_ms_{label}"],
            ) = turn
    if "turn_ms_12" in figures and "turn_ms_200" in figures:
        figures["scale_ratio"] = figures["turn_ms_200"] / figures["turn_ms_12"]
        figures["kernel_ratio"] = figures["turn_ms_200"] / figures["kernel_ms_200"]
        figures["kernel_ratio_12"] = figures["turn_ms_12"] / figures["kernel_ms_12"]
        figures["scale_ratio_cpu"] = figures["turn_cpu_ms_200"] / figures["turn_cpu_ms_12"]
        figures["kernel_ratio_cpu"] = figures["turn_cpu_ms_200"] / figures["kernel_cpu_ms_200"]
    return figures


def _median_ms(call: Callable[[], Any], reps: int, warmup: int) -> tuple[float, float]:
    """(median wall-clock ms, median CPU ms of this process) of `call`."""
    for _ in range(warmup):
        call()
    wall, cpu = [], []
    for _ in range(reps):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return 1000.0 * statistics.median(wall), 1000.0 * statistics.median(cpu)


def random_orders(state: Any, rng: np.random.Generator) -> list:
    """Random legal orders for every playable seat: up to `[seats] max_orders` each, drawn
    uniformly from the legal orders that still fit the seat's remaining capital."""
    from game.engine.legal import cost, legal_orders

    cap = int(state.rules.get("seats", {}).get("max_orders", 3))
    orders = []
    for i in np.flatnonzero(state.playable):
        actor = state.actors[int(i)]
        options = [(o, cost(state, o)) for o in legal_orders(state, actor)]
        budget = float(state.capital[int(i)])
        wanted = int(rng.integers(0, cap + 1))
        chosen: list = []
        while len(chosen) < wanted:
            fitting = [(o, c) for o, c in options if c <= budget + 1e-9 and o not in chosen]
            if not fitting:
                break
            order, price = fitting[int(rng.integers(len(fitting)))]
            chosen.append(order)
            budget -= price
        orders.extend(chosen)
    return orders


def _turn_ms(state: Any, reps: int, warmup: int) -> tuple[float, float, float] | None:
    """(median wall ms of `resolve`, its median CPU ms, median wall ms of the seats' legal
    orders), or None without an engine. Plays on from the start state, restarting when the
    game ends."""
    try:
        from game.engine.rng import turn_rng
        from game.engine.turn import is_over, resolve
    except ImportError:
        return None
    rng = np.random.default_rng(SEED)
    start, current = state, state
    turn_times, cpu_times, legal_times = [], [], []
    for k in range(warmup + reps):
        if is_over(current):
            current = start
        t0 = time.perf_counter()
        orders = random_orders(current, rng)
        t1, c1 = time.perf_counter(), time.process_time()
        current, _events = resolve(current, orders, turn_rng(current))
        t2, c2 = time.perf_counter(), time.process_time()
        if k >= warmup:
            legal_times.append(t1 - t0)
            turn_times.append(t2 - t1)
            cpu_times.append(c2 - c1)
    return (
        1000.0 * statistics.median(turn_times),
        1000.0 * statistics.median(cpu_times),
        1000.0 * statistics.median(legal_times),
    )


# ---------------------------------------------------------------------------------------------
# The bare kernel: the same matrix updates as a turn, straight numpy, for the overhead ratio.


@frozen(eq=False)
class Kernel:
    """The arrays a turn updates, and the constant ones it reads; nothing else."""

    capital: np.ndarray
    capital_per_turn: np.ndarray
    capabilities: np.ndarray
    base_capabilities: np.ndarray
    alignment: np.ndarray
    baseline: np.ndarray
    support: np.ndarray
    sanctions: np.ndarray
    trade: np.ndarray
    control: np.ndarray
    guarantors: np.ndarray
    violence: np.ndarray
    restraint: np.ndarray
    positions: np.ndarray
    salience: np.ndarray
    progress: np.ndarray
    npc: np.ndarray
    is_state: np.ndarray
    is_armed: np.ndarray

    @classmethod
    def of(cls, state: Any) -> Kernel:
        """The kernel arrays of a game state."""
        return cls(
            capital=np.array(state.capital),
            capital_per_turn=np.array([a.capital_per_turn for a in state.scenario.actors]),
            capabilities=np.array(state.capabilities),
            base_capabilities=np.array(state.base_capabilities),
            alignment=np.array(state.alignment),
            baseline=np.array(state.baseline),
            support=np.array(state.support),
            sanctions=np.array(state.sanctions),
            trade=np.array(state.trade),
            control=np.array(state.control),
            guarantors=np.array(state.guarantors),
            violence=np.array(state.violence),
            restraint=np.array(state.restraint),
            positions=np.array(state.positions),
            salience=np.array(state.salience),
            progress=np.array(state.progress),
            npc=~np.asarray(state.playable, dtype=bool),
            is_state=np.asarray(state.actor_kind) == 0,
            is_armed=np.asarray(state.actor_kind) == 1,
        )


def kernel_turn(k: Kernel, rules: Any, scoring: Any) -> tuple[Kernel, np.ndarray]:
    """One turn's matrix work on bare arrays: income, background, drift, chance-free, scores.

    Returns the new arrays and the influence shares (so the scoring cannot be skipped).
    """
    n = k.alignment.shape[-1]
    eye = np.eye(n, dtype=bool)
    inc, bg, dr = rules["income"], rules["background"], rules["drift"]
    # Income.
    rate = (
        inc["base"]
        + inc["economy"] * k.capabilities[:, 1] / 100.0
        + inc["diplomacy"] * k.capabilities[:, 2] / 100.0
        + inc["standing"] * k.alignment.sum(axis=1) / max(n - 1, 1)
        - inc["sanctioned"] * np.minimum(k.sanctions.sum(axis=0), 1.0)
    )
    capital = np.minimum(
        k.capital + k.capital_per_turn * np.maximum(rate, 0.0),
        np.maximum(k.capital, inc["cap"] * k.capital_per_turn),
    )
    # Background: back the ally's main client, sanction the worst rival, fight on.
    idx = np.arange(n)
    masked = np.where(eye, -np.inf, k.alignment)
    ally = np.argmax(masked, axis=1)
    client = np.argmax(k.support, axis=1)[ally]
    backs = k.npc & k.is_state & (masked[idx, ally] >= bg["ally_threshold"])
    support = k.support.copy()
    support[idx[backs], client[backs]] = np.minimum(
        support[idx[backs], client[backs]] + bg["support_step"], 1.0
    )
    rival = np.argmin(np.where(eye, np.inf, k.alignment), axis=1)
    hits = k.npc & (k.alignment[idx, rival] <= bg["rival_threshold"])
    sanctions = k.sanctions.copy()
    sanctions[idx[hits], rival[hits]] = np.minimum(
        sanctions[idx[hits], rival[hits]] + bg["sanction_step"], bg["sanction_max"]
    )
    capital = capital - bg["support_cost"] * backs - bg["sanction_cost"] * hits
    # Drift.
    mutual = sanctions + sanctions.T
    alignment = np.clip(
        k.alignment
        + dr["alignment_rate"] * (k.baseline - k.alignment)
        - dr["sanction_alignment"] * mutual
        + dr["trade_alignment"] * k.trade,
        -1.0,
        1.0,
    )
    alignment[eye] = 0.0
    bite = dr["sanction_bite"] * (sanctions * k.capabilities[:, 1:2] / 100.0).sum(axis=0)
    capabilities = k.capabilities.copy()
    capabilities[:, 1] -= bite
    capabilities[:, :2] += np.array([dr["military_recovery"], dr["economy_recovery"]]) * (
        k.base_capabilities[:, :2] - capabilities[:, :2]
    )
    capabilities = np.clip(capabilities, 0.0, 100.0)
    trade = k.trade * (1.0 - dr["trade_bite"] * np.maximum(sanctions, sanctions.T))
    trade = np.clip(trade * (1.0 - dr["trade_decay"]), 0.0, 1.0)
    received = support.sum(axis=0)
    contest = np.clip(2.0 * (1.0 - k.control.max(axis=1, initial=0.0)), 0.0, 1.0)
    fuel = k.control @ received
    target = np.clip(contest * (dr["violence_base"] + dr["violence_fuel"] * fuel), 0.0, 1.0)
    target = target * (1.0 - np.clip(k.restraint, 0.0, 1.0))
    violence = np.clip(k.violence + dr["violence_rate"] * (target - k.violence), 0.0, 1.0)
    weighted = k.control * (capabilities[:, 0] / 100.0 + received)[None, :]
    totals = weighted.sum(axis=1, keepdims=True)
    share = np.where(totals > 0, weighted / np.where(totals > 0, totals, 1.0), k.control)
    control = k.control + dr["control_rate"] * violence[:, None] * (share - k.control)
    control = control / np.maximum(control.sum(axis=1, keepdims=True), 1e-12)
    support = support * (1.0 - dr["support_decay"])
    sanctions = sanctions * (1.0 - dr["sanction_decay"])
    progress = k.progress * (1.0 - dr["progress_decay"])
    # Scoring: stability, blocs, influence.
    values = term_values(alignment, violence, sanctions, progress, k.salience)
    weights = np.array(
        [scoring.violence, scoring.balance, scoring.sanctions, scoring.settlement], dtype=float
    )
    stability_index(values, weights)
    blocs = split(alignment, scoring.swing_threshold)
    cent = centrality(dependence(support, trade, control, k.guarantors))
    influence, _ = shares(
        cent,
        capability_share(capabilities),
        brokerage(ties(alignment, support, trade), blocs.labels),
        scoring.capability_weight,
        scoring.brokerage_weight,
    )
    new = evolve(
        k,
        capital=capital,
        capabilities=capabilities,
        alignment=alignment,
        support=support,
        sanctions=sanctions,
        trade=trade,
        control=control,
        violence=violence,
        restraint=k.restraint * (1.0 - dr["restraint_decay"]),
        progress=progress,
    )
    return new, influence
