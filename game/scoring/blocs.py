"""Blocs: who sides with whom, read off the leading eigenvectors of the signed alignment matrix.

For a signed network split into two camps (friends within, enemies across), the eigenvector of
the largest eigenvalue has one sign in each camp. How firmly an actor sits in its camp is how far
its own ties agree with those loadings (`consistency`, which is normalised per actor); actors
below `scoring.swing_threshold` are **swing** actors, whose ties to the camps cancel out (Turkey
in tehran-2017). When the second eigenvalue is nearly as large as the first, the network has a
third camp, found in the plane of the two leading eigenvectors.

Every function works on arrays with an optional leading batch axis (`...`).

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

import attrs
import numpy as np

_EPS = 1e-9

THIRD_BLOC_RATIO = 0.5
"""A third bloc is drawn when the second eigenvalue is at least this share of the first."""

_LLOYD_STEPS = 8


@attrs.frozen
class BlocSplit:
    """The blocs of a (batch of) alignment matrices.

    Attributes:
        labels: (..., N) int bloc of each actor: 0 holds the most firmly aligned actor, 1 the
            camp opposed to it, 2 a third camp if there is one.
        loadings: (..., N) each actor's leading-eigenvector loading, scaled so that the largest
            magnitude is 1 and positive; 0 everywhere when the network has no structure.
        strength: (..., N) how firmly each actor's own ties place it in its bloc, 0..1
            (`consistency`); 0 everywhere when the network has no structure.
        swing: (..., N) bool, strength below the swing threshold.
        count: (...) int, the number of blocs (1, 2 or 3).
        points: (..., N, 2) each actor's place in the camp plane, `camp_plane` (None if not
            computed).
    """

    labels: np.ndarray
    loadings: np.ndarray
    strength: np.ndarray
    swing: np.ndarray
    count: np.ndarray
    points: np.ndarray | None = None


def camp_plane(values: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """(..., N, 2) the actors' places in the plane of the two leading eigenvectors.

    Point x_i = (√λ₁⁺ v₁ᵢ, √λ₂⁺ v₂ᵢ), with λ⁺ = max(λ, 0): the spectral embedding of the
    alignment network. Unlike bloc labels it moves continuously with the alignments (a weak
    second axis contributes little, so there is no jump when a third bloc appears), and norms and
    sums of points do not depend on the eigenvectors' signs.

    Args:
        values: (..., N) eigenvalues in ascending order (`np.linalg.eigh`).
        vectors: (..., N, N) the matching eigenvectors in columns.
    """
    n = values.shape[-1]
    out = np.zeros((*values.shape[:-1], n, 2))
    for axis in range(min(2, n)):
        lam = np.sqrt(np.clip(values[..., n - 1 - axis], 0.0, None))
        out[..., axis] = vectors[..., :, n - 1 - axis] * lam[..., None]
    return out


def _oriented(vectors: np.ndarray) -> np.ndarray:
    """Flip each vector (last axis) so that its largest-magnitude component is positive.

    Magnitudes are rounded first, so that two components equal up to rounding noise resolve to
    the first one on every machine.
    """
    pivot = np.argmax(np.round(np.abs(vectors), 9), axis=-1)
    sign = np.sign(np.take_along_axis(vectors, pivot[..., None], axis=-1))
    return vectors * np.where(sign == 0, 1.0, sign)


def _three_way(points: np.ndarray) -> np.ndarray:
    """(..., N) labels 0..2 of points (..., N, 2) by farthest-point seeding and Lloyd steps.

    Deterministic: the first centre is the point farthest from the origin, the second the point
    farthest from it, the third the point farthest from both.
    """
    norms = np.linalg.norm(points, axis=-1)

    def take(index: np.ndarray) -> np.ndarray:
        return np.take_along_axis(points, index[..., None, None], axis=-2)[..., 0, :]

    p0 = take(np.argmax(norms, axis=-1))
    d0 = np.linalg.norm(points - p0[..., None, :], axis=-1)
    p1 = take(np.argmax(d0, axis=-1))
    d1 = np.linalg.norm(points - p1[..., None, :], axis=-1)
    p2 = take(np.argmax(np.minimum(d0, d1), axis=-1))
    centres = np.stack([p0, p1, p2], axis=-2)
    labels = np.zeros(points.shape[:-1], dtype=int)
    for _ in range(_LLOYD_STEPS):
        distance = np.linalg.norm(points[..., :, None, :] - centres[..., None, :, :], axis=-1)
        labels = np.argmin(distance, axis=-1)
        onehot = labels[..., None] == np.arange(3)
        counts = onehot.sum(axis=-2)
        sums = np.einsum("...nk,...nd->...kd", onehot.astype(float), points)
        means = sums / np.maximum(counts, 1)[..., None]
        centres = np.where(counts[..., None] > 0, means, centres)
    # Renumber so that bloc 0 holds the point farthest from the origin, then by first member.
    first = np.where(
        (labels[..., None] == np.arange(3)).any(axis=-2),
        np.argmax(labels[..., None] == np.arange(3), axis=-2),
        points.shape[-2],
    )
    leader = np.take_along_axis(labels, np.argmax(norms, axis=-1)[..., None], axis=-1)
    rank_key = np.where(np.arange(3) == leader, -1, first)
    order = np.argsort(rank_key, axis=-1, kind="stable")
    relabel = np.argsort(order, axis=-1, kind="stable")
    return np.take_along_axis(relabel, labels, axis=-1)


def consistency(alignment: np.ndarray, points: np.ndarray) -> np.ndarray:
    """How firmly each actor's own ties place it where the eigenvectors put it, 0..1.

    c_i = ‖Σ_j a_ij x_j‖ / Σ_j |a_ij| ‖x_j‖, where x_j is actor j's point in the leading
    eigenvector(s). It is 1 when all of i's ties agree with the bloc structure (friends in its
    bloc, enemies outside) and near 0 when they cancel out (friends on both sides). Unlike the
    raw loading it does not shrink with the size of the network or for an actor with few ties,
    so one threshold means the same in a 12-actor region and a 200-actor world. An actor with
    no ties at all has 0.

    Args:
        alignment: (..., N, N) symmetric, zero diagonal.
        points: (..., N, D) each actor's loadings on the D leading eigenvectors.
    """
    pulled = np.linalg.norm(alignment @ points, axis=-1)
    total = np.abs(alignment) @ np.linalg.norm(points, axis=-1)[..., None]
    total = total[..., 0]
    return np.clip(np.where(total > _EPS, pulled / np.where(total > _EPS, total, 1.0), 0.0), 0, 1)


def split(alignment: np.ndarray, swing_threshold: float) -> BlocSplit:
    """Split actors into blocs and find the swing actors.

    Args:
        alignment: (..., N, N) symmetric signed alignment, -1..1 (the diagonal is ignored).
        swing_threshold: actors whose bloc strength is below this are swing actors, 0..1.

    Returns:
        The `BlocSplit`. A network with no positive eigenvalue (no ties at all, or only
        conflicts in a pattern with no camps) is one bloc with no swing actors: there is
        nothing to swing between.
    """
    a = np.asarray(alignment, dtype=float)
    n = a.shape[-1]
    batch = a.shape[:-2]
    if n == 0:
        empty = np.zeros((*batch, 0))
        return BlocSplit(
            empty.astype(int),
            empty,
            empty,
            empty.astype(bool),
            np.ones(batch, int),
            np.zeros((*batch, 0, 2)),
        )
    a = a * (1.0 - np.eye(n))
    a = (a + np.swapaxes(a, -1, -2)) / 2.0
    values, vectors = np.linalg.eigh(a)  # ascending
    lam1 = values[..., -1]
    v1 = _oriented(vectors[..., :, -1])
    peak = np.max(np.abs(v1), axis=-1, keepdims=True)
    structured = lam1 > _EPS
    loadings = np.where(structured[..., None], v1 / np.where(peak > 0, peak, 1.0), 0.0)
    loadings = np.where(np.abs(loadings) < _EPS, 0.0, loadings)
    labels2 = np.where(loadings < 0, 1, 0)
    strength2 = consistency(a, v1[..., None])

    three = np.zeros(batch, dtype=bool)
    if n >= 3:
        lam2 = values[..., -2]
        three = structured & (lam2 > _EPS) & (lam2 >= THIRD_BLOC_RATIO * lam1)
    if three.any():
        v2 = _oriented(vectors[..., :, -2])
        scale = np.sqrt(np.clip(values[..., -2:], 0.0, None))
        points = np.stack([v1, v2], axis=-1) * scale[..., None, ::-1]
        labels3 = _three_way(points)
        # A "third bloc" that came out empty means the plane holds only two camps after all.
        sizes = (labels3[..., None] == np.arange(3)).sum(axis=-2)
        three = three & np.all(sizes > 0, axis=-1)
        strength3 = consistency(a, points)
    else:
        labels3, strength3 = labels2, strength2

    labels = np.where(three[..., None], labels3, labels2)
    strength = np.where(three[..., None], strength3, strength2)
    swing = structured[..., None] & (strength < swing_threshold)
    has_two = (labels2 == 1).any(axis=-1)
    count = np.where(three, 3, np.where(has_two & structured, 2, 1))
    labels = np.where(structured[..., None], labels, 0)
    return BlocSplit(
        labels.astype(int),
        loadings,
        strength,
        swing,
        count.astype(int),
        camp_plane(values, vectors),
    )
