"""Influence: dependence direction, damped centrality, capability, brokerage, shares."""

from __future__ import annotations

import numpy as np
import pytest

from game.scoring.blocs import split
from game.scoring.influence import (
    brokerage,
    capability_share,
    centrality,
    dependence,
    shares,
    spread,
    ties,
)


def test_the_supported_depend_on_the_supporter():
    """support[i, j] (i backs j) makes j depend on i: dependence[j, i]."""
    support = np.zeros((2, 2))
    support[0, 1] = 0.8
    d = dependence(support, np.zeros((2, 2)))
    assert d[1, 0] == pytest.approx(0.8)
    assert d[0, 1] == 0.0


def test_holders_of_a_theatre_depend_on_its_guarantors():
    """Control share times guarantee becomes dependence on the guarantor."""
    control = np.array([[0.0, 0.5, 0.5]])
    guarantors = np.array([[1.0, 0.0, 0.0]])
    d = dependence(np.zeros((3, 3)), np.zeros((3, 3)), control, guarantors)
    assert d[1, 0] > 0 and d[2, 0] > 0
    assert d[0, 1] == 0 and d[0, 2] == 0


def test_a_patron_of_many_clients_is_most_central():
    """The star's centre, backing every other actor, has the highest centrality."""
    support = np.zeros((5, 5))
    support[0, 1:] = 1.0
    c = centrality(dependence(support, np.zeros((5, 5))))
    assert c.sum() == pytest.approx(1.0)
    assert np.argmax(c) == 0
    assert np.allclose(c[1:], c[1])


def test_centrality_matches_the_closed_form_pagerank():
    """The iteration converges to the solution of r = (1 − d)/N + d r P."""
    rng = np.random.default_rng(1)
    d = rng.uniform(0, 1, size=(6, 6)) * (1 - np.eye(6))
    p = d / d.sum(axis=1, keepdims=True)
    n = 6
    exact = np.linalg.solve(np.eye(n) - 0.85 * p.T, np.full(n, 0.15 / n))
    assert centrality(d) == pytest.approx(exact / exact.sum(), abs=1e-9)


def test_centrality_of_an_empty_network_is_even():
    """No dependence at all: everyone is equally central; one actor holds everything."""
    assert centrality(np.zeros((4, 4))) == pytest.approx([0.25] * 4)
    assert centrality(np.zeros((1, 1))) == pytest.approx([1.0])
    assert centrality(np.zeros((0, 0))).shape == (0,)


def test_capability_share_is_mean_capability_over_total():
    """Shares of the mean of the three capabilities; even when all are zero."""
    caps = np.array([[90.0, 60.0, 30.0], [30.0, 30.0, 0.0]])
    assert capability_share(caps) == pytest.approx([0.75, 0.25])
    assert capability_share(np.zeros((3, 3))) == pytest.approx([1 / 3] * 3)


def test_broker_between_two_camps_has_brokerage_camp_members_none():
    """Ties to both blocs make a broker; ties within one bloc do not."""
    w = np.zeros((5, 5))
    w[0, 1] = w[1, 0] = 1.0
    w[2, 3] = w[3, 2] = 1.0
    w[4, [0, 1]] = w[[0, 1], 4] = 0.3
    w[4, [2, 3]] = w[[2, 3], 4] = 0.5
    labels = np.array([0, 0, 1, 1, 0])
    b = brokerage(w, labels)
    assert b[4] == pytest.approx(0.6)  # the weaker side: 0.3 + 0.3
    assert b[0] == 0.0 and b[1] == 0.0  # tied only within bloc 0 (the broker is in it)
    assert b[2] == pytest.approx(0.5)  # its tie to the broker crosses the divide


def test_ties_count_friendship_trade_and_support_either_way():
    """Hostility is not a tie; support counts half each way."""
    align = np.array([[0.0, -0.9], [-0.9, 0.0]])
    support = np.array([[0.0, 0.4], [0.0, 0.0]])
    w = ties(align, support, np.zeros((2, 2)))
    assert w[0, 1] == pytest.approx(0.2) and w[1, 0] == pytest.approx(0.2)


def test_shares_sum_to_100_and_blend_the_terms():
    """κ = 1 and β = 0: influence is the capability share alone."""
    cent = np.array([0.5, 0.5, 0.0])
    cap = np.array([0.2, 0.2, 0.6])
    s, _ = shares(cent, cap, np.zeros(3), capability_weight=1.0, brokerage_weight=0.0)
    assert s == pytest.approx([20.0, 20.0, 60.0])
    s, b = shares(cent, cap, np.array([0.0, 0.0, 2.0]), 0.5, 0.5)
    assert s.sum() == pytest.approx(100.0)
    assert b == pytest.approx([0.0, 0.0, 1.0])
    assert s[2] == pytest.approx(100 * (0.5 * 0.3 + 0.5 * 1.0))


def test_nobody_brokering_leaves_brokerage_weight_out():
    """With no brokers the shares still sum to 100."""
    s, b = shares(np.array([0.5, 0.5]), np.array([0.5, 0.5]), np.zeros(2), 0.5, 0.9)
    assert s == pytest.approx([50.0, 50.0])
    assert not b.any()


def test_centrality_accepts_a_batch_axis():
    """A stack of networks gives the same as one at a time."""
    rng = np.random.default_rng(2)
    stack = rng.uniform(0, 1, size=(4, 5, 5)) * (rng.uniform(size=(4, 5, 5)) < 0.4)
    batched = centrality(stack)
    assert batched == pytest.approx(np.array([centrality(d) for d in stack]), abs=1e-10)


def test_spread_is_the_weaker_camp_on_a_line():
    """INFL-SPREAD-1: with two camps on a line, brokerage is the weaker of the ties to either
    camp, each partner counted by its distance from the centre (the labels' two-camp value)."""
    w = np.zeros((5, 5))
    w[4, [0, 1]] = w[[0, 1], 4] = 0.3
    w[4, [2, 3]] = w[[2, 3], 4] = 0.5
    points = np.array([[1.0, 0.0], [1.0, 0.0], [-1.0, 0.0], [-1.0, 0.0], [0.0, 0.0]])
    b = spread(w, points)
    assert b[4] == pytest.approx(0.6)
    assert b[4] == pytest.approx(brokerage(w, np.array([0, 0, 1, 1, 0]), n_blocs=2)[4])
    assert b[0] == 0.0  # all its ties point one way


def test_spread_does_not_jump_when_a_swing_actor_tips_over():
    """INFL-SPREAD-2: tipping a swing actor across the divide by a hair moves nobody's brokerage
    by more than a hair (bloc labels flip; the old label count jumped)."""

    def world(tilt: float) -> np.ndarray:
        a = np.zeros((5, 5))
        a[0, 1] = a[2, 3] = 0.8
        a[0, 2] = a[1, 3] = a[0, 3] = a[1, 2] = -0.6
        a[4, 0] = 0.3 + tilt
        a[4, 2] = 0.3 - tilt
        return a + a.T

    flips = []
    for tilt in (-0.002, 0.002):
        a = world(tilt)
        split_ = split(a, 0.15)
        w = ties(a, np.zeros((5, 5)), np.zeros((5, 5)))
        flips.append((split_.labels[4] == split_.labels[0], spread(w, split_.points)))
    assert flips[0][0] != flips[1][0]  # the swing actor's bloc label flipped...
    assert np.max(np.abs(flips[0][1] - flips[1][1])) < 0.01  # ...brokerage barely moved
