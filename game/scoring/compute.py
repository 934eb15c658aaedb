"""`scores(state)`: every score of a game state at once; `leader` and `winner` from them.

The engine calls `scores` after every phase, so it is a handful of numpy calls over the state's
arrays (see `stability`, `blocs`, `influence`, `agendas`) plus a little dict building.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.scoring import blocs as blocs_mod
from game.scoring import influence as influence_mod
from game.scoring.agendas import agenda_scores
from game.scoring.record import Scores, Term
from game.scoring.stability import TERMS, stability_index, term_values, weights_of

if TYPE_CHECKING:
    from game.engine.state import GameState


def scores(state: GameState, blocs_from: Scores | None = None) -> Scores:
    """Compute every score of `state`: stability, influence, blocs, agendas and their terms.

    Args:
        state: the game state.
        blocs_from: scores of an earlier state of the same game whose blocs, swing actors and
            loadings to reuse instead of recomputing them (the eigen-decomposition is about
            half the cost at 200 actors). Meant for the engine's ledger steps inside a turn,
            where blocs barely move; the scores that end a turn should be computed in full.
            Ignored if its actors differ from the state's.
    """
    scoring = state.scenario.scoring
    actors = state.actors

    values = term_values(
        state.alignment, state.violence, state.sanctions, state.progress, state.salience
    )
    weights = weights_of(scoring)
    index, contributions = stability_index(values, weights)
    total_weight = weights.sum()
    stability_terms = {
        name: Term(
            value=float(values[k]),
            weight=float(weights[k] / total_weight if total_weight > 0 else 1.0 / len(TERMS)),
            contribution=float(contributions[k]),
        )
        for k, name in enumerate(TERMS)
    }

    if blocs_from is not None and tuple(blocs_from.blocs) == actors:
        bloc_map = dict(blocs_from.blocs)
        swing = tuple(blocs_from.swing)
        loadings = dict(blocs_from.loadings)
        # The record keeps the leading loadings only, and brokerage needs the camp plane of
        # this state: one eigen-decomposition (the labels' clustering is still saved).
        values, vectors = np.linalg.eigh((state.alignment + state.alignment.T) / 2.0)
        points = blocs_mod.camp_plane(values, vectors)
    else:
        split = blocs_mod.split(state.alignment, scoring.swing_threshold)
        bloc_map = {a: int(split.labels[i]) for i, a in enumerate(actors)}
        swing = tuple(a for i, a in enumerate(actors) if split.swing[i])
        loadings = {a: float(split.loadings[i]) for i, a in enumerate(actors)}
        points = split.points
    dep = influence_mod.dependence(state.support, state.trade, state.control, state.guarantors)
    cent = influence_mod.centrality(dep)
    cap = influence_mod.capability_share(state.capabilities)
    tie = influence_mod.ties(state.alignment, state.support, state.trade)
    broker = influence_mod.spread(tie, points)
    shares, broker_share = influence_mod.shares(
        cent, cap, broker, scoring.capability_weight, scoring.brokerage_weight
    )
    influence = {a: float(shares[i]) for i, a in enumerate(actors)}
    influence_terms = {
        a: {
            "centrality": float(cent[i]),
            "capability": float(cap[i]),
            "brokerage": float(broker_share[i]),
        }
        for i, a in enumerate(actors)
    }
    stability = float(index)
    agendas, agenda_terms = agenda_scores(state, stability, influence)
    return Scores(
        stability=stability,
        stability_terms=stability_terms,
        influence=influence,
        influence_terms=influence_terms,
        blocs=bloc_map,
        swing=swing,
        loadings=loadings,
        agendas=agendas,
        agenda_terms=agenda_terms,
    )


def leader(state: GameState, current: Scores | None = None) -> str | None:
    """The playable actor whose agenda is furthest along now, or None if nobody is playable.

    Ties go to the larger influence share, then to the alphabetically first id.

    Args:
        state: the game state.
        current: `scores(state)` if already computed (saves recomputing it).
    """
    current = current if current is not None else scores(state)
    if not current.agendas:
        return None
    return min(
        current.agendas,
        key=lambda a: (-round(current.agendas[a], 9), -round(current.influence.get(a, 0.0), 9), a),
    )


def winner(state: GameState, current: Scores | None = None) -> str | None:
    """The winner once the turn limit is reached (the `leader` then), else None."""
    if state.turn < state.scenario.meta.turn_limit:
        return None
    return leader(state, current)


def stability_change(state: GameState, current: Scores | None = None) -> float:
    """How much more stable the region is now than at the start (negative: less stable).

    The start is `state.history[0]` (the scores `new_game` records); without a history, 0.
    """
    if not state.history:
        return 0.0
    current = current if current is not None else scores(state)
    return float(current.stability - state.history[0].stability)
