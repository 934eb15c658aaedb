"""Agenda scores of many states at once: the AI's fast path to `game.scores(...).agendas`.

Greedy and the planner preview hundreds of orders a turn (about 400 per seat in tehran-2017,
most of them menu variants of a deal). Scoring each resulting state with `game.scores` costs
~1.5 ms, too slow for a seat that must decide in milliseconds; but the scoring functions
(`game.scoring.stability`, `influence`, `blocs`, `agendas`) are written over a leading batch
axis. This module stacks the states' arrays and computes every playable actor's agenda score for
all of them in one pass, with the scoring package's own functions; only the per-objective
dispatch of `game.scoring.agendas.objective_value` is restated here in vector form.
`tests/ai/test_evaluate.py` checks that the results equal `game.scores` state by state.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from game.engine.state import GameState
from game.scenario.model import AgreementStatus, Objective, ObjectiveKind
from game.scoring import blocs as blocs_mod
from game.scoring import influence as influence_mod
from game.scoring.agendas import (
    DEFAULT_WANT,
    FORCE,
    agreement_force,
    closeness,
    issue_outcome,
)
from game.scoring.stability import pressure_on, stability_index, term_values, weights_of


def agenda_matrix(states: Sequence[GameState]) -> np.ndarray:
    """(B, P) the agenda score, 0..100, of each playable actor (scenario order) in each state.

    All states must come from one game (same scenario, actors, theatres, agreements, issues).
    """
    if not states:
        return np.zeros((0, 0))
    # Many orders lead to the same arrays (a deal's sector, say): score each distinct state once.
    keys: dict[tuple, int] = {}
    slot = np.empty(len(states), dtype=np.intp)
    distinct: list[GameState] = []
    for k, state in enumerate(states):
        key = _key(state)
        if key not in keys:
            keys[key] = len(distinct)
            distinct.append(state)
        slot[k] = keys[key]
    return _agenda_matrix(distinct)[slot]


_SCORED = (
    "alignment",
    "support",
    "trade",
    "sanctions",
    "control",
    "guarantors",
    "capabilities",
    "violence",
    "progress",
    "salience",
    "positions",
    "membership",
)


def _key(state: GameState) -> tuple:
    """Everything scoring reads, as hashable bytes (equal keys: equal scores)."""
    return (state.agreement_status, *(getattr(state, name).tobytes() for name in _SCORED))


def _agenda_matrix(states: Sequence[GameState]) -> np.ndarray:
    first = states[0]
    scoring = first.scenario.scoring

    def stack(name: str) -> np.ndarray:
        return np.stack([getattr(s, name) for s in states]).astype(np.float64, copy=False)

    alignment = stack("alignment")
    support = stack("support")
    trade = stack("trade")
    sanctions = stack("sanctions")
    control = stack("control")
    guarantors = stack("guarantors")
    capabilities = stack("capabilities")
    violence = stack("violence")
    progress = stack("progress")
    salience = stack("salience")
    positions = stack("positions")
    membership = np.stack([s.membership for s in states])

    values = term_values(alignment, violence, sanctions, progress, salience)
    stability, _ = stability_index(values, weights_of(scoring))

    split = blocs_mod.split(alignment, scoring.swing_threshold)
    dep = influence_mod.dependence(support, trade, control, guarantors)
    cent = influence_mod.centrality(dep)
    cap = influence_mod.capability_share(capabilities)
    tie = influence_mod.ties(alignment, support, trade)
    broker = influence_mod.spread(tie, split.points)
    influence, _ = influence_mod.shares(
        cent, cap, broker, scoring.capability_weight, scoring.brokerage_weight
    )

    ctx = _Batch(
        first,
        stability=np.asarray(stability, dtype=np.float64),
        influence=influence,
        alignment=alignment,
        control=control,
        violence=violence,
        progress=progress,
        positions=positions,
        capabilities=capabilities,
        pressure=pressure_on(sanctions),
        force=agreement_force(
            np.array(
                [[FORCE[AgreementStatus(x)] for x in s.agreement_status] for s in states],
                dtype=np.float64,
            ).reshape(len(states), len(first.agreement_ids)),
            membership,
        ),
        outcome=issue_outcome(positions, salience, capabilities.mean(axis=-1)),
    )
    playable = first.scenario.playable_ids
    out = np.zeros((len(states), len(playable)))
    for p, owner in enumerate(playable):
        agenda = first.scenario.agendas.get(owner)
        objectives = agenda.objectives if agenda is not None else ()
        total = sum(o.weight for o in objectives)
        score = np.zeros(len(states))
        for objective in objectives:
            weight = objective.weight / total if total > 0 else 1.0 / len(objectives)
            score = score + 100.0 * weight * _objective(objective, owner, ctx)
        out[:, p] = np.clip(score, 0.0, 100.0)
    return out


class _Batch:
    """The batched measures objectives read (the vector form of `scoring.agendas._Context`)."""

    def __init__(self, state: GameState, **arrays: np.ndarray) -> None:
        self.state = state
        for name, value in arrays.items():
            setattr(self, name, value)


def _index(ids: tuple[str, ...], key: str | None) -> int | None:
    if key is None:
        return None
    try:
        return ids.index(key)
    except ValueError:
        return None


def _objective(objective: Objective, owner: str, ctx: _Batch) -> np.ndarray:
    """(B,) one objective's value 0..1 in every state (`scoring.agendas.objective_value`)."""
    state = ctx.state
    size = ctx.stability.shape[0]
    zero = np.zeros(size)
    kind = ObjectiveKind(objective.kind)  # a loader may hand over the plain string
    want = objective.want if objective.want is not None else DEFAULT_WANT.get(kind)
    actors = state.actors
    if kind is ObjectiveKind.STABILITY:
        return closeness(ctx.stability / 100.0, float(want), 1.0)
    if kind is ObjectiveKind.INFLUENCE:
        i = _index(actors, owner)
        if i is None:
            return zero
        top = ctx.influence.max(axis=-1)
        return np.where(top > 0, ctx.influence[:, i] / np.where(top > 0, top, 1.0), 0.0)
    if kind is ObjectiveKind.ALIGNMENT:
        i = _index(actors, objective.actor or owner)
        j = _index(actors, objective.target)
        if i is None or j is None:
            return zero
        return closeness(ctx.alignment[:, i, j], float(want), 2.0)
    if kind is ObjectiveKind.CONTROL:
        t = _index(state.theatre_ids, objective.theatre)
        i = _index(actors, objective.actor or owner)
        if t is None or i is None:
            return zero
        return closeness(ctx.control[:, t, i], float(want), 1.0)
    if kind is ObjectiveKind.VIOLENCE:
        t = _index(state.theatre_ids, objective.theatre)
        if t is None:
            return zero
        return closeness(ctx.violence[:, t], float(want), 1.0)
    if kind is ObjectiveKind.AGREEMENT:
        a = _index(state.agreement_ids, objective.agreement)
        if a is None:
            return zero
        return closeness(ctx.force[:, a], float(np.clip(want, 0.0, 1.0)), 1.0)
    if kind is ObjectiveKind.ISSUE:
        k = _index(state.issue_ids, objective.issue)
        if k is None:
            return zero
        if want is None:
            i = _index(actors, owner)
            wanted = ctx.positions[:, k, i] if i is not None else zero
        else:
            wanted = np.full(size, float(want))
        near = np.clip(1.0 - np.abs(ctx.outcome[:, k] - wanted) / 2.0, 0.0, 1.0)
        return np.clip(ctx.progress[:, k], 0.0, 1.0) * near
    if kind is ObjectiveKind.SANCTIONS:
        j = _index(actors, objective.target)
        if j is None:
            return zero
        return closeness(ctx.pressure[:, j], float(want), 1.0)
    if kind is ObjectiveKind.CAPABILITY:
        j = _index(actors, objective.target or objective.actor or owner)
        if j is None:
            return zero
        return closeness(ctx.capabilities[:, j, 0], float(want), 100.0)
    raise ValueError(f"objective kind {kind!r} has no scoring rule")
