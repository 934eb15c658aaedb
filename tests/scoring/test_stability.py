"""Stability terms and index on hand-made matrices."""

from __future__ import annotations

import numpy as np
import pytest

from game.scenario.model import Scoring
from game.scoring.stability import (
    TERMS,
    pressure_on,
    sanctions_term,
    settlement_term,
    stability,
    stability_index,
    structural_balance,
    violence_term,
)
from tests.scoring.helpers import make_state


def triangle(ab: float, bc: float, ca: float) -> np.ndarray:
    return np.array([[0.0, ab, ca], [ab, 0.0, bc], [ca, bc, 0.0]])


def test_all_friends_triangle_is_balanced():
    """+++ : friends of friends are friends."""
    assert structural_balance(triangle(1, 1, 1)) == pytest.approx(1.0)


def test_two_enemies_of_one_friendless_triangle_is_balanced():
    """+-- : two friends share an enemy, the classic balanced triad."""
    assert structural_balance(triangle(1, -1, -1)) == pytest.approx(1.0)


def test_one_enemy_pair_among_friends_is_unbalanced():
    """++- : my two friends are enemies, the classic unbalanced triad."""
    assert structural_balance(triangle(1, 1, -1)) == pytest.approx(0.0)


def test_all_enemies_triangle_is_unbalanced():
    """--- : three mutual enemies is unbalanced (the enemy of my enemy is also my enemy)."""
    assert structural_balance(triangle(-1, -1, -1)) == pytest.approx(0.0)


def test_balance_weights_triads_by_their_strength():
    """Two triads sharing an edge: a strong balanced one outweighs a weak unbalanced one."""
    a = np.zeros((4, 4))
    # triad 0-1-2 balanced (+,+,+) with weight 1; triad 0-1-3 unbalanced (+, 0.5, -0.5)
    for i, j, v in [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (1, 3, 0.5), (0, 3, -0.5)]:
        a[i, j] = a[j, i] = v
    # products: 1 (balanced) and 1 * 0.5 * -0.5 = -0.25 (unbalanced)
    assert structural_balance(a) == pytest.approx(1.0 / 1.25)


def test_balance_without_triads_is_one():
    """A network with no closed triad has nothing unbalanced in it."""
    path = np.zeros((3, 3))
    path[0, 1] = path[1, 0] = -1.0
    path[1, 2] = path[2, 1] = -1.0
    assert structural_balance(path) == 1.0
    assert structural_balance(np.zeros((0, 0))) == 1.0


def test_balance_ignores_the_diagonal():
    """Self-ties are not triads."""
    a = triangle(1, 1, -1) + np.eye(3) * 5
    assert structural_balance(a) == pytest.approx(0.0)


def test_violence_term_is_one_minus_mean_violence():
    """1 − mean violence; no theatres means no violence."""
    assert violence_term(np.array([0.2, 0.6])) == pytest.approx(0.6)
    assert violence_term(np.zeros(0)) == 1.0


def test_pressure_combines_sanctions_like_independent_chances():
    """Two 0.5 sanctions on one target give 0.75 pressure, never above 1."""
    s = np.zeros((3, 3))
    s[0, 2] = s[1, 2] = 0.5
    assert pressure_on(s) == pytest.approx([0.0, 0.0, 0.75])
    assert sanctions_term(s) == pytest.approx(1.0 - 0.75 / 3)
    s[0, 2] = 1.0
    assert pressure_on(s)[2] == pytest.approx(1.0)


def test_settlement_weights_issues_by_total_salience():
    """An issue everyone cares about counts more than one a single actor cares about."""
    progress = np.array([1.0, 0.0])
    salience = np.array([[1.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
    assert settlement_term(progress, salience) == pytest.approx(3.0 / 4.0)


def test_settlement_without_salience_is_plain_mean_and_without_issues_zero():
    """Nobody cares: plain mean progress; no issues: nothing settled."""
    assert settlement_term(np.array([0.2, 0.4]), np.zeros((2, 3))) == pytest.approx(0.3)
    assert settlement_term(np.zeros(0), np.zeros((0, 3))) == 0.0


def test_index_is_weighted_mean_and_contributions_sum_to_it():
    """stability = 100 Σ w v / Σ w."""
    index, parts = stability_index(np.array([1.0, 0.5, 0.0, 1.0]), np.array([1.0, 1.0, 1.0, 1.0]))
    assert index == pytest.approx(62.5)
    assert parts.sum() == pytest.approx(index)


def test_index_with_zero_weights_counts_terms_equally():
    """All-zero weights in [scoring] do not divide by zero."""
    index, _ = stability_index(np.array([1.0, 0.0, 1.0, 0.0]), np.zeros(4))
    assert index == pytest.approx(50.0)


def test_stability_of_a_state_uses_scenario_weights():
    """Only violence weighted: the index is 100 × (1 − mean violence)."""
    state = make_state(
        theatre_ids=("T1", "T2"),
        control=np.array([[1.0, 0, 0], [0, 1.0, 0]]),
        violence=np.array([0.3, 0.5]),
        scoring=Scoring(violence=1.0, balance=0.0, sanctions=0.0, settlement=0.0),
    )
    index, values, parts = stability(state)
    assert index == pytest.approx(60.0)
    assert len(values) == len(TERMS)
    assert parts.sum() == pytest.approx(index)


def test_functions_accept_a_batch_axis():
    """A stack of games gives the same as one game at a time."""
    rng = np.random.default_rng(3)
    stack = rng.uniform(-1, 1, size=(5, 6, 6))
    stack = (stack + np.swapaxes(stack, -1, -2)) / 2
    batched = structural_balance(stack)
    assert batched.shape == (5,)
    assert batched == pytest.approx([structural_balance(a) for a in stack])
