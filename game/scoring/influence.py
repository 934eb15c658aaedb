"""Influence: one share per actor, summing to 100, and the three terms behind it.

- centrality: a damped eigenvector (PageRank) centrality of the dependence network, where an
  actor depends on whoever supports it, trades with it, or guarantees the zones it holds;
- capability: the actor's share of the region's mean capability (military, economy, diplomacy);
- brokerage: how far the actor's friendly ties pull it towards different camps (a broker
  between camps), read in the plane of the alignment network's two leading eigenvectors.

influence = 100 · [(1 − β) · ((1 − κ) · centrality + κ · capability) + β · brokerage], with
κ = `scoring.capability_weight` and β = `scoring.brokerage_weight` (β counts as 0 when nobody
brokers, so the shares still sum to 100).

Every function works on arrays with an optional leading batch axis (`...`).

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

import numpy as np

DAMPING = 0.85
"""The PageRank damping: the chance that influence follows a dependence tie rather than spreads."""

TOLERANCE = 1e-12
"""Iteration stops once no entry moves by more than this in one step."""
MAX_ITERATIONS = 1000
_CHECK_EVERY = 10

SUPPORT_WEIGHT = 1.0
"""How much material support makes the supported actor depend on its supporter."""
TRADE_WEIGHT = 0.5
"""How much a trade or deal tie makes each partner depend on the other."""
GUARANTEE_WEIGHT = 0.5
"""How much holding a theatre makes an actor depend on that theatre's zone guarantors."""

_EPS = 1e-12


def dependence(
    support: np.ndarray,
    trade: np.ndarray,
    control: np.ndarray | None = None,
    guarantors: np.ndarray | None = None,
) -> np.ndarray:
    """The weighted dependence network: entry (i, j) is how much actor i depends on actor j.

    The direction matters: `support[i, j]` (i backs j) makes j depend on i, so it enters as the
    transpose; trade ties are mutual; an actor holding a share of a theatre depends on that
    theatre's guarantors in proportion to its share.

    Args:
        support: (..., N, N) row actor's support for the column actor, 0..1.
        trade: (..., N, N) symmetric trade and deal ties, 0..1.
        control: (..., T, N) control shares of each theatre, or None.
        guarantors: (..., T, N) 0/1 guarantors of each theatre's zone, or None.

    Returns:
        (..., N, N) non-negative, zero diagonal.
    """
    support = np.clip(np.asarray(support, dtype=float), 0.0, None)
    trade = np.clip(np.asarray(trade, dtype=float), 0.0, None)
    d = SUPPORT_WEIGHT * np.swapaxes(support, -1, -2) + TRADE_WEIGHT * trade
    if control is not None and guarantors is not None and np.shape(control)[-2] > 0:
        control = np.clip(np.asarray(control, dtype=float), 0.0, None)
        guarantors = np.clip(np.asarray(guarantors, dtype=float), 0.0, None)
        d = d + GUARANTEE_WEIGHT * (np.swapaxes(control, -1, -2) @ guarantors)
    n = d.shape[-1]
    return d * (1.0 - np.eye(n))


def centrality(dependence_matrix: np.ndarray, damping: float = DAMPING) -> np.ndarray:
    """Damped eigenvector centrality of a dependence network (PageRank), summing to 1.

    Each actor passes its centrality on to those it depends on, in proportion to how much; an
    actor that depends on nobody spreads it evenly; with probability 1 − damping it spreads
    evenly anyway, which makes the iteration a contraction that always converges to one answer.
    Iterates until no entry moves by more than `TOLERANCE` in a step (checked every ten steps,
    at most `MAX_ITERATIONS` steps).

    Args:
        dependence_matrix: (..., N, N) entry (i, j): how much i depends on j, >= 0.
        damping: 0..1.

    Returns:
        (..., N) centrality, >= 0, summing to 1 (empty for N = 0).
    """
    d = np.clip(np.nan_to_num(np.asarray(dependence_matrix, dtype=float)), 0.0, None)
    n = d.shape[-1]
    if n == 0:
        return np.zeros(d.shape[:-1])
    out = d.sum(axis=-1, keepdims=True)
    transition = np.where(out > _EPS, d / np.where(out > _EPS, out, 1.0), 1.0 / n)
    rank = np.full((*d.shape[:-2], 1, n), 1.0 / n)  # row vectors, so each step is one matmul
    teleport = (1.0 - damping) / n
    damped = damping * transition
    # Convergence is checked every `_CHECK_EVERY` steps: the check costs as much as a step.
    for _ in range(MAX_ITERATIONS // _CHECK_EVERY):
        for _ in range(_CHECK_EVERY - 1):
            rank = teleport + rank @ damped
        new = teleport + rank @ damped
        delta = np.max(np.abs(new - rank)) if new.size else 0.0
        rank = new
        if delta < TOLERANCE:
            break
    rank = rank[..., 0, :]
    return rank / rank.sum(axis=-1, keepdims=True)


def capability_share(capabilities: np.ndarray) -> np.ndarray:
    """(..., N) each actor's share of the total mean capability; even shares if all are zero.

    Args:
        capabilities: (..., N, 3) military, economy, diplomacy, 0..100.
    """
    c = np.clip(np.asarray(capabilities, dtype=float), 0.0, None).mean(axis=-1)
    n = c.shape[-1]
    total = c.sum(axis=-1, keepdims=True)
    if n == 0:
        return c
    return np.where(total > _EPS, c / np.where(total > _EPS, total, 1.0), 1.0 / n)


def ties(alignment: np.ndarray, support: np.ndarray, trade: np.ndarray) -> np.ndarray:
    """(..., N, N) symmetric strength of each pair's friendly ties: positive alignment, trade
    and support either way."""
    friendly = np.clip(np.asarray(alignment, dtype=float), 0.0, None)
    support = np.clip(np.asarray(support, dtype=float), 0.0, None)
    w = friendly + np.clip(trade, 0.0, None) + (support + np.swapaxes(support, -1, -2)) / 2.0
    return w * (1.0 - np.eye(w.shape[-1]))


def brokerage(tie_strength: np.ndarray, labels: np.ndarray, n_blocs: int = 3) -> np.ndarray:
    """(..., N) each actor's ties into blocs beyond its strongest one, by hard bloc labels.

    b_i = Σ_k T_ik − max_k T_ik, where T_ik is the strength of i's ties to members of bloc k.
    Kept for the benchmark kernel and as the two-camp reference of `spread`; the scores use
    `spread`, which does not jump when an actor's label flips.

    Args:
        tie_strength: (..., N, N) symmetric friendly ties, >= 0.
        labels: (..., N) bloc labels, 0..n_blocs-1.
        n_blocs: how many bloc labels there may be.
    """
    onehot = (np.asarray(labels)[..., None] == np.arange(n_blocs)).astype(float)
    to_bloc = tie_strength @ onehot
    return to_bloc.sum(axis=-1) - to_bloc.max(axis=-1, initial=0.0)


def spread(tie_strength: np.ndarray, points: np.ndarray) -> np.ndarray:
    """(..., N) brokerage: how far an actor's friendly ties pull it in different directions.

    b_i = (Σ_j w_ij ‖x_j‖ − ‖Σ_j w_ij x_j‖) / 2, with x_j actor j's place in the camp plane
    (`blocs.camp_plane`). Ties that all lead into one camp cancel nothing (b = 0); with two
    camps on a line it is the weaker of the ties to either camp, each partner counted by how far
    it sits in its camp: b = min(T₊, T₋), the two-camp value of `brokerage`. An actor at the
    centre (a swing actor, x ≈ 0) counts for no camp, so nudging it across the divide moves
    nobody's brokerage: the score is continuous in the alignments, and hurting a third party
    does not pay by flipping bloc labels.

    Args:
        tie_strength: (..., N, N) symmetric friendly ties, >= 0.
        points: (..., N, D) each actor's place in the camp plane.
    """
    points = np.asarray(points, dtype=float)
    mass = tie_strength @ np.linalg.norm(points, axis=-1)[..., None]
    net = np.linalg.norm(tie_strength @ points, axis=-1)
    return np.clip((mass[..., 0] - net) / 2.0, 0.0, None)


def shares(
    centrality_share: np.ndarray,
    capability: np.ndarray,
    broker: np.ndarray,
    capability_weight: float,
    brokerage_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Blend the three terms into shares summing to 100.

    Args:
        centrality_share: (..., N) summing to 1.
        capability: (..., N) summing to 1.
        broker: (..., N) raw brokerage, >= 0 (normalised here).
        capability_weight: κ, 0..1.
        brokerage_weight: β, 0..1.

    Returns:
        `(influence, brokerage_share)`: (..., N) shares summing to 100, and (..., N) the
        brokerage term as shares summing to 1 (all zero when nobody brokers).
    """
    broker = np.clip(broker, 0.0, None)
    total = broker.sum(axis=-1, keepdims=True)
    has = total > _EPS
    broker_share = np.where(has, broker / np.where(has, total, 1.0), 0.0)
    beta = np.where(has, brokerage_weight, 0.0)
    base = (1.0 - capability_weight) * centrality_share + capability_weight * capability
    mixed = (1.0 - beta) * base + beta * broker_share
    s = mixed.sum(axis=-1, keepdims=True)
    return 100.0 * mixed / np.where(s > _EPS, s, 1.0), broker_share
