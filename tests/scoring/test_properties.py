"""Property tests: every score is finite and in range for any valid matrices, any size."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from game.scoring import scores
from game.scoring.blocs import split
from game.scoring.influence import centrality, dependence
from game.scoring.stability import stability_index, term_values
from tests.scoring.helpers import make_state

unit = st.floats(0.0, 1.0, allow_nan=False, allow_subnormal=False)
signed = st.floats(-1.0, 1.0, allow_nan=False, allow_subnormal=False)


def square(n: int, elements, symmetric: bool = False, sparse: bool = True):
    """An (n, n) matrix with a zero diagonal, often mostly zeros (disconnected graphs)."""

    def build(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
        m = values * mask
        if symmetric:
            m = np.triu(m, 1)
            m = m + m.T
        np.fill_diagonal(m, 0.0)
        return m

    return st.builds(
        build,
        arrays(float, (n, n), elements=elements),
        arrays(bool, (n, n)) if sparse else st.just(np.ones((n, n), bool)),
    )


@st.composite
def states(draw):
    n = draw(st.integers(0, 7))
    t = draw(st.integers(0, 3))
    i = draw(st.integers(0, 2))
    raw = draw(arrays(float, (t, n), elements=unit)) if n else np.zeros((t, 0))
    sums = raw.sum(axis=1, keepdims=True)
    control = np.where(sums > 0, raw / np.where(sums > 0, sums, 1), 1.0 / max(n, 1))
    ids = tuple(f"X{k}" for k in range(n))
    return make_state(
        ids,
        alignment=draw(square(n, signed, symmetric=True)),
        support=draw(square(n, unit)),
        sanctions=draw(square(n, unit)),
        trade=draw(square(n, unit, symmetric=True)),
        capabilities=draw(arrays(float, (n, 3), elements=st.floats(0, 100))),
        theatre_ids=tuple(f"T{k}" for k in range(t)),
        control=control,
        violence=draw(arrays(float, (t,), elements=unit)),
        guarantors=draw(arrays(float, (t, n), elements=st.sampled_from([0.0, 1.0]))),
        issue_ids=tuple(f"I{k}" for k in range(i)),
        positions=draw(arrays(float, (i, n), elements=signed)),
        salience=draw(arrays(float, (i, n), elements=unit)),
        progress=draw(arrays(float, (i,), elements=unit)),
        playable=ids[:2],
    )


@settings(max_examples=80, deadline=None)
@given(states())
def test_scores_are_finite_and_in_range_for_any_valid_state(state):
    """Stability in 0..100, shares >= 0 summing to 100, agendas in 0..100, all finite."""
    s = scores(state)
    assert 0.0 <= s.stability <= 100.0
    shares = np.array(list(s.influence.values()))
    assert np.all(np.isfinite(shares)) and np.all(shares >= 0)
    if state.n:
        assert abs(shares.sum() - 100.0) < 1e-9
    assert all(0.0 <= v <= 100.0 for v in s.agendas.values())
    assert set(s.blocs) == set(state.actors)
    assert all(np.isfinite(v) for v in s.loadings.values())
    for terms in s.influence_terms.values():
        assert all(0.0 <= v <= 1.0 + 1e-12 for v in terms.values())


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(1, 5), st.data())
def test_batch_axis_gives_the_same_as_a_loop(batch, n, data):
    """Stacked games score exactly as they do one at a time."""
    align = np.stack([data.draw(square(n, signed, symmetric=True)) for _ in range(batch)])
    sanc = np.stack([data.draw(square(n, unit)) for _ in range(batch)])
    supp = np.stack([data.draw(square(n, unit)) for _ in range(batch)])
    viol = data.draw(arrays(float, (batch, 2), elements=unit))
    prog = data.draw(arrays(float, (batch, 2), elements=unit))
    sal = data.draw(arrays(float, (batch, 2, n), elements=unit))

    values = term_values(align, viol, sanc, prog, sal)
    index, _ = stability_index(values, np.array([0.4, 0.2, 0.15, 0.25]))
    cent = centrality(dependence(supp, np.zeros_like(supp)))
    blocs = split(align, 0.15)
    for k in range(batch):
        alone_values = term_values(align[k], viol[k], sanc[k], prog[k], sal[k])
        alone_index, _ = stability_index(alone_values, np.array([0.4, 0.2, 0.15, 0.25]))
        assert np.allclose(index[k], alone_index)
        assert np.allclose(cent[k], centrality(dependence(supp[k], np.zeros((n, n)))))
        alone = split(align[k], 0.15)
        assert blocs.labels[k].tolist() == alone.labels.tolist()
        assert blocs.swing[k].tolist() == alone.swing.tolist()
