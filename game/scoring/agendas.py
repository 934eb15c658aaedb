"""Agendas: how far each playable actor has got with what it wants, 0..100, with the reasons.

Each objective of an agenda is scored 0..1 by its `ObjectiveKind` (see that enum's docstring for
the fields each kind reads); the agenda score is 100 · Σ w_k v_k / Σ w_k. Most kinds score the
closeness of a measure x to the wanted value: v = 1 − |x − want| / span, where span is the width
of the measure's range. Defaults when `want` is omitted: the stable, peaceful, in-force end
(stability 1, alignment 1, control 1, violence 0, agreement 1, sanctions 0, capability 100), and
for an issue the owner's own position.

An objective that names an id the game does not know scores 0 (the scenario checker reports it).

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from game.scenario.model import AgreementStatus, Objective, ObjectiveKind
from game.scoring.record import Term
from game.scoring.stability import pressure_on

if TYPE_CHECKING:
    from game.engine.state import GameState

FORCE = {
    AgreementStatus.ACTIVE: 1.0,
    AgreementStatus.PLANNED: 0.5,
    AgreementStatus.PROPOSED: 0.25,
    AgreementStatus.SUSPENDED: 0.25,
    AgreementStatus.ENDED: 0.0,
}
"""How far an agreement is in force, by status, before its parties' stances are counted."""

_COMPLYING = 1  # `Stance.COMPLYING`; the code is part of GameState's contract.

DEFAULT_WANT = {
    ObjectiveKind.STABILITY: 1.0,
    ObjectiveKind.ALIGNMENT: 1.0,
    ObjectiveKind.CONTROL: 1.0,
    ObjectiveKind.VIOLENCE: 0.0,
    ObjectiveKind.AGREEMENT: 1.0,
    ObjectiveKind.SANCTIONS: 0.0,
    ObjectiveKind.CAPABILITY: 100.0,
}


def closeness(x: np.ndarray | float, want: float, span: float) -> np.ndarray:
    """1 − |x − want| / span, clipped to 0..1: 1 when x is what is wanted."""
    return np.clip(1.0 - np.abs(np.asarray(x, dtype=float) - want) / span, 0.0, 1.0)


def _near(x: float, want: float, span: float) -> float:
    """`closeness` of one number, in plain Python (a numpy call per objective costs more)."""
    return min(max(1.0 - abs(float(x) - float(want)) / span, 0.0), 1.0)


def agreement_force(status_force: np.ndarray, membership: np.ndarray) -> np.ndarray:
    """(..., A) how far each agreement is in force, 0..1.

    The status's force (`FORCE`) times the share of its parties that still comply: a treaty one
    party has withdrawn from is only partly in force.

    Args:
        status_force: (..., A) `FORCE` of each agreement's status.
        membership: (..., A, N) `Stance` codes (0: not a party).
    """
    membership = np.asarray(membership)
    parties = (membership != 0).sum(axis=-1)
    complying = (membership == _COMPLYING).sum(axis=-1)
    share = np.where(parties > 0, complying / np.maximum(parties, 1), 1.0)
    return np.asarray(status_force, dtype=float) * share


def issue_outcome(positions: np.ndarray, salience: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """(..., I) where each issue would settle: the mean position weighted by salience × weight.

    The classic expected-outcome model: actors who care more and can do more pull the outcome
    their way. An issue nobody cares about settles at the plain mean position.

    Args:
        positions: (..., I, N) -1..1.
        salience: (..., I, N) 0..1.
        weight: (..., N) each actor's clout (its mean capability).
    """
    positions = np.asarray(positions, dtype=float)
    if positions.shape[-1] == 0:
        return np.zeros(positions.shape[:-1])
    w = np.clip(salience, 0.0, None) * np.asarray(weight, dtype=float)[..., None, :]
    total = w.sum(axis=-1)
    pulled = (w * positions).sum(axis=-1) / np.where(total > 0, total, 1.0)
    return np.where(total > 0, pulled, positions.mean(axis=-1))


def objective_label(objective: Objective) -> str:
    """A short label for an objective: its author's label, else its kind and ids."""
    if objective.label:
        return objective.label
    ids = [
        x
        for x in (
            objective.actor,
            objective.target,
            objective.theatre,
            objective.agreement,
            objective.issue,
        )
        if x
    ]
    return " ".join([str(objective.kind), *ids])


class _Context:
    """The measures of one state that objectives read, computed once per scoring."""

    def __init__(self, state: GameState, stability: float, influence: Mapping[str, float]):
        self.state = state
        self.stability = stability
        self.influence = influence
        self._pressure: np.ndarray | None = None
        self._force: np.ndarray | None = None
        self._outcome: np.ndarray | None = None

    @property
    def pressure(self) -> np.ndarray:
        if self._pressure is None:
            self._pressure = pressure_on(self.state.sanctions)
        return self._pressure

    @property
    def force(self) -> np.ndarray:
        if self._force is None:
            status = np.array(
                [FORCE[AgreementStatus(s)] for s in self.state.agreement_status], dtype=float
            )
            self._force = agreement_force(status, self.state.membership)
        return self._force

    @property
    def outcome(self) -> np.ndarray:
        if self._outcome is None:
            clout = np.asarray(self.state.capabilities, dtype=float).mean(axis=-1)
            self._outcome = issue_outcome(self.state.positions, self.state.salience, clout)
        return self._outcome


def _index(ids: tuple[str, ...], key: str | None) -> int | None:
    if key is None:
        return None
    try:
        return ids.index(key)
    except ValueError:
        return None


def objective_value(objective: Objective, owner: str, ctx: _Context) -> float:
    """Score one objective of `owner`'s agenda, 0..1."""
    state = ctx.state
    kind = ObjectiveKind(objective.kind)  # a loader may hand over the plain string
    want = objective.want if objective.want is not None else DEFAULT_WANT.get(kind)
    actors = state.actors
    if kind is ObjectiveKind.STABILITY:
        return _near(ctx.stability / 100.0, float(want), 1.0)
    if kind is ObjectiveKind.INFLUENCE:
        top = max(ctx.influence.values(), default=0.0)
        return float(ctx.influence.get(owner, 0.0) / top) if top > 0 else 0.0
    if kind is ObjectiveKind.ALIGNMENT:
        i = _index(actors, objective.actor or owner)
        j = _index(actors, objective.target)
        if i is None or j is None:
            return 0.0
        return _near(state.alignment[i, j], float(want), 2.0)
    if kind is ObjectiveKind.CONTROL:
        t = _index(state.theatre_ids, objective.theatre)
        i = _index(actors, objective.actor or owner)
        if t is None or i is None:
            return 0.0
        return _near(state.control[t, i], float(want), 1.0)
    if kind is ObjectiveKind.VIOLENCE:
        t = _index(state.theatre_ids, objective.theatre)
        if t is None:
            return 0.0
        return _near(state.violence[t], float(want), 1.0)
    if kind is ObjectiveKind.AGREEMENT:
        a = _index(state.agreement_ids, objective.agreement)
        if a is None:
            return 0.0
        return _near(ctx.force[a], float(np.clip(want, 0.0, 1.0)), 1.0)
    if kind is ObjectiveKind.ISSUE:
        k = _index(state.issue_ids, objective.issue)
        if k is None:
            return 0.0
        if want is None:
            i = _index(actors, owner)
            want = float(state.positions[k, i]) if i is not None else 0.0
        near = _near(ctx.outcome[k], float(want), 2.0)
        return min(max(float(state.progress[k]), 0.0), 1.0) * near
    if kind is ObjectiveKind.SANCTIONS:
        j = _index(actors, objective.target)
        if j is None:
            return 0.0
        return _near(ctx.pressure[j], float(want), 1.0)
    if kind is ObjectiveKind.CAPABILITY:
        j = _index(actors, objective.target or objective.actor or owner)
        if j is None:
            return 0.0
        return _near(state.capabilities[j, 0], float(want), 100.0)
    raise ValueError(f"objective kind {kind!r} has no scoring rule")


def agenda_scores(
    state: GameState, stability: float, influence: Mapping[str, float]
) -> tuple[dict[str, float], dict[str, dict[str, Term]]]:
    """Every playable actor's agenda score 0..100 and its terms.

    Args:
        state: the game state.
        stability: the state's stability index, 0..100.
        influence: the state's influence shares, actor id -> share.

    Returns:
        `(scores, terms)`: actor id -> 0..100, and actor id -> objective label -> `Term`
        (value 0..1, normalised weight, contribution in points; contributions sum to the score).
        A playable actor with no agenda scores 0.
    """
    ctx = _Context(state, stability, influence)
    scores: dict[str, float] = {}
    terms: dict[str, dict[str, Term]] = {}
    agendas = state.scenario.agendas
    for owner in state.scenario.playable_ids:
        agenda = agendas.get(owner)
        objectives = agenda.objectives if agenda is not None else ()
        total = sum(o.weight for o in objectives)
        own: dict[str, Term] = {}
        score = 0.0
        for objective in objectives:
            value = objective_value(objective, owner, ctx)
            weight = objective.weight / total if total > 0 else 1.0 / len(objectives)
            label = objective_label(objective)
            suffix = 2
            while label in own:
                label = f"{objective_label(objective)} ({suffix})"
                suffix += 1
            own[label] = Term(value=value, weight=weight, contribution=100.0 * weight * value)
            score += 100.0 * weight * value
        scores[owner] = float(min(max(score, 0.0), 100.0))
        terms[owner] = own
    return scores, terms
