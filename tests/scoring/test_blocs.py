"""Bloc split, swing actors and the sign convention, on hand-made alignment matrices."""

from __future__ import annotations

import numpy as np
import pytest

from game.scoring.blocs import consistency, split


def camps(sizes: list[int], within: float = 0.8, across: float = -0.6) -> np.ndarray:
    """A block alignment matrix: friends within each camp, enemies across."""
    labels = np.repeat(np.arange(len(sizes)), sizes)
    a = np.where(labels[:, None] == labels[None, :], within, across)
    np.fill_diagonal(a, 0.0)
    return a


def test_two_camps_split_by_sign_of_leading_eigenvector():
    """Two camps of friends, hostile to each other, are two blocs."""
    result = split(camps([3, 2]), swing_threshold=0.15)
    assert list(result.labels) == [0, 0, 0, 1, 1]
    assert int(result.count) == 2
    assert not result.swing.any()


def test_bloc_zero_holds_the_largest_loading():
    """The sign convention makes the largest-magnitude loading positive, so it is in bloc 0."""
    a = camps([2, 3])
    result = split(a, 0.15)
    top = int(np.argmax(np.abs(result.loadings)))
    assert result.loadings[top] == 1.0
    assert result.labels[top] == 0
    assert result.labels.tolist() == [1, 1, 0, 0, 0]


def test_an_actor_friendly_to_both_camps_is_swing():
    """Turkey's pattern: equal ties to both camps cancel out, its loading is near zero."""
    a = np.zeros((5, 5))
    a[:4, :4] = camps([2, 2])
    a[4, :4] = a[:4, 4] = [0.5, 0.5, 0.5, 0.5]
    result = split(a, swing_threshold=0.15)
    assert result.swing.tolist() == [False, False, False, False, True]
    assert abs(result.loadings[4]) < 0.15
    assert result.labels[0] == result.labels[1] != result.labels[2] == result.labels[3]


def test_three_camps_give_three_blocs():
    """Three mutually hostile camps of friends are three blocs."""
    result = split(camps([3, 3, 3]), 0.15)
    assert int(result.count) == 3
    labels = result.labels.reshape(3, 3)
    assert all(len(set(row)) == 1 for row in labels)
    assert len(set(labels[:, 0])) == 3


def test_uneven_two_camps_do_not_grow_a_third_bloc():
    """A clear two-camp world with a small camp stays at two blocs."""
    result = split(camps([6, 2]), 0.15)
    assert int(result.count) == 2


def test_all_friends_are_one_bloc():
    """With no hostility there is one bloc; an isolated actor is swing."""
    a = np.zeros((4, 4))
    a[:3, :3] = 0.5
    np.fill_diagonal(a, 0.0)
    result = split(a, 0.15)
    assert result.labels.tolist() == [0, 0, 0, 0]
    assert result.swing.tolist() == [False, False, False, True]
    assert int(result.count) == 1


def test_no_ties_no_blocs_no_swing():
    """An empty network has no camps and nothing to swing between; it is finite."""
    for n in (0, 1, 4):
        result = split(np.zeros((n, n)), 0.15)
        assert result.labels.tolist() == [0] * n
        assert not result.swing.any()
        assert np.all(np.isfinite(result.loadings))


def test_batch_axis_matches_a_loop():
    """A stack of matrices splits as each matrix does alone."""
    rng = np.random.default_rng(5)
    stack = rng.uniform(-1, 1, size=(6, 7, 7))
    stack = (stack + np.swapaxes(stack, -1, -2)) / 2
    stack[0] = camps([3, 3, 1])
    stack[1] = camps([3, 2, 2])
    batched = split(stack, 0.2)
    for k, a in enumerate(stack):
        alone = split(a, 0.2)
        assert batched.labels[k].tolist() == alone.labels.tolist()
        assert batched.swing[k].tolist() == alone.swing.tolist()
        assert np.allclose(batched.loadings[k], alone.loadings)


def test_consistency_is_one_for_loyal_ties_and_zero_when_they_cancel():
    """Friends only on one's own side: 1; equal friends on both sides: 0; no ties: 0."""
    points = np.array([[1.0], [1.0], [-1.0], [0.0], [0.0]])
    a = np.zeros((5, 5))
    a[0, 1] = a[1, 0] = 0.5  # 0 and 1 are friends on the same side
    a[0, 2] = a[2, 0] = -0.8  # and enemies of 2
    a[3, 0] = a[0, 3] = a[3, 2] = a[2, 3] = 0.4  # 3 is friends with both sides
    c = consistency(a, points)
    assert c[1] == pytest.approx(1.0) and c[2] == pytest.approx(1.0)
    assert c[3] == pytest.approx(0.0) and c[4] == 0.0
