"""Regional stability: one index 0..100 for the whole region, and the four terms it blends.

Every function here works on plain numpy arrays with an optional leading batch axis (`...`), so a
batch of games can be scored in lockstep; `stability(state)` is the thin wrapper that reads a
`GameState`. The terms, each 0..1 with 1 the stable end:

- violence: 1 − the mean violence of the theatres;
- balance: the weighted share of balanced triads of the signed alignment network;
- sanctions: 1 − the mean sanction pressure on the actors;
- settlement: the salience-weighted mean progress of the issues towards settlement.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from game.engine.state import GameState
    from game.scenario.model import Scoring

TERMS = ("violence", "balance", "sanctions", "settlement")
"""The stability terms, in the order `stability_index` takes their values and weights."""

_EPS = 1e-12


def violence_term(violence: np.ndarray) -> np.ndarray:
    """1 − mean theatre violence.

    Args:
        violence: (..., T) violence of each theatre, 0..1.

    Returns:
        (...) the term, 0..1; 1 where there are no theatres (nothing is burning).
    """
    violence = np.asarray(violence, dtype=float)
    if violence.shape[-1] == 0:
        return np.ones(violence.shape[:-1])
    return 1.0 - np.clip(violence, 0.0, 1.0).mean(axis=-1)


def structural_balance(alignment: np.ndarray) -> np.ndarray:
    """The weighted share of balanced triads of a signed network.

    A triad i, j, k is balanced when the product of its three signed ties is positive (friends of
    friends are friends, enemies of enemies are friends). Weighting every triad by the magnitude
    of that product, the balanced share is

        B = Σ⁺ / (Σ⁺ + Σ⁻) = (1 + tr(A³) / tr(|A|³)) / 2,

    because tr(A³) = 6 Σ_triads a_ij a_jk a_ki = 6 (Σ⁺ − Σ⁻) and tr(|A|³) = 6 (Σ⁺ + Σ⁻). The
    diagonal is ignored (self-ties would count as triads of one actor).

    Args:
        alignment: (..., N, N) symmetric signed ties, -1..1.

    Returns:
        (...) B in 0..1; 1 where no triad has three non-zero ties (nothing is unbalanced).
    """
    a = np.asarray(alignment, dtype=float)
    n = a.shape[-1]
    a = a * (1.0 - np.eye(n))
    m = np.abs(a)
    # tr(X³) = Σ_ij (X²)_ij X_ji, one matrix product and one elementwise product.
    signed = np.einsum("...ij,...ji->...", a @ a, a)
    total = np.einsum("...ij,...ji->...", m @ m, m)
    has_triads = total > _EPS
    ratio = np.where(has_triads, signed / np.where(has_triads, total, 1.0), 1.0)
    return np.clip((1.0 + ratio) / 2.0, 0.0, 1.0)


def pressure_on(sanctions: np.ndarray) -> np.ndarray:
    """The sanction pressure each actor is under, 0..1.

    Sanctions from several actors combine like independent chances, 1 − Π_i (1 − s_ij), so the
    pressure grows with every sanctioning actor but never exceeds 1.

    Args:
        sanctions: (..., N, N) row actor's sanction pressure on the column actor, 0..1.

    Returns:
        (..., N) pressure on each actor.
    """
    s = np.clip(np.asarray(sanctions, dtype=float), 0.0, 1.0)
    return 1.0 - np.prod(1.0 - s, axis=-2)


def sanctions_term(sanctions: np.ndarray) -> np.ndarray:
    """1 − the mean sanction pressure over the actors (the normalised total sanction weight).

    Args:
        sanctions: (..., N, N) directed sanction pressure, 0..1.

    Returns:
        (...) the term, 0..1; 1 when nobody is sanctioned (or there are no actors).
    """
    pressure = pressure_on(sanctions)
    if pressure.shape[-1] == 0:
        return np.ones(pressure.shape[:-1])
    return 1.0 - pressure.mean(axis=-1)


def settlement_term(progress: np.ndarray, salience: np.ndarray) -> np.ndarray:
    """The salience-weighted mean progress of the issues towards settlement.

    Each issue weighs as much as the actors care about it in total (Σ_j salience_ij); an issue
    nobody cares about weighs nothing, and if nobody cares about any, the plain mean is used.

    Args:
        progress: (..., I) progress of each issue, 0..1.
        salience: (..., I, N) how much each actor cares about each issue, 0..1.

    Returns:
        (...) the term, 0..1; 0 where there are no issues (nothing has been settled).
    """
    progress = np.clip(np.asarray(progress, dtype=float), 0.0, 1.0)
    if progress.shape[-1] == 0:
        return np.zeros(progress.shape[:-1])
    weight = np.clip(np.asarray(salience, dtype=float), 0.0, None).sum(axis=-1)
    total = weight.sum(axis=-1)
    weighted = (weight * progress).sum(axis=-1) / np.where(total > _EPS, total, 1.0)
    return np.where(total > _EPS, weighted, progress.mean(axis=-1))


def stability_index(values: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Blend the terms into the index.

    stability = 100 · Σ_k w_k v_k / Σ_k w_k. With all weights zero, the terms count equally.

    Args:
        values: (..., K) the term values, 0..1.
        weights: (K,) or (..., K) the non-negative weights.

    Returns:
        `(index, contributions)`: (...) the index 0..100 and (..., K) each term's points, which
        sum to the index.
    """
    values = np.clip(np.asarray(values, dtype=float), 0.0, 1.0)
    weights = np.clip(np.asarray(weights, dtype=float), 0.0, None)
    total = weights.sum(axis=-1, keepdims=True)
    share = np.where(
        total > _EPS, weights / np.where(total > _EPS, total, 1.0), 1.0 / values.shape[-1]
    )
    contributions = 100.0 * share * values
    return np.clip(contributions.sum(axis=-1), 0.0, 100.0), contributions


def weights_of(scoring: Scoring) -> np.ndarray:
    """The (4,) stability weights of a scenario's `[scoring]`, in `TERMS` order."""
    return np.array([getattr(scoring, name) for name in TERMS], dtype=float)


def term_values(
    alignment: np.ndarray,
    violence: np.ndarray,
    sanctions: np.ndarray,
    progress: np.ndarray,
    salience: np.ndarray,
) -> np.ndarray:
    """(..., 4) the four term values, in `TERMS` order, from the raw arrays."""
    return np.stack(
        [
            violence_term(violence),
            structural_balance(alignment),
            sanctions_term(sanctions),
            settlement_term(progress, salience),
        ],
        axis=-1,
    )


def stability(state: GameState) -> tuple[float, np.ndarray, np.ndarray]:
    """A state's stability index with its (4,) term values and (4,) contributions."""
    values = term_values(
        state.alignment, state.violence, state.sanctions, state.progress, state.salience
    )
    index, contributions = stability_index(values, weights_of(state.scenario.scoring))
    return float(index), values, contributions
