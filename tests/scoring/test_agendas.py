"""Agenda objectives scored by the `ObjectiveKind` vocabulary, and the agenda blend."""

from __future__ import annotations

import numpy as np
import pytest

from game.scenario.model import Agenda, AgreementStatus, Objective, ObjectiveKind
from game.scoring.agendas import agenda_scores, agreement_force, issue_outcome
from tests.scoring.helpers import make_state

K = ObjectiveKind


def score_one(objective: Objective, **state_kwargs) -> float:
    """The value 0..1 of a single objective of A's agenda."""
    state = make_state(
        playable=("A",), agendas={"A": Agenda(objectives=(objective,))}, **state_kwargs
    )
    scores, terms = agenda_scores(state, stability=40.0, influence={"A": 20, "B": 40, "C": 40})
    (term,) = terms["A"].values()
    assert scores["A"] == pytest.approx(100 * term.value)
    return term.value


def test_stability_objective_is_closeness_to_wanted_index():
    """Stability 40 against want 0.6 of the index: 1 − 0.2."""
    assert score_one(Objective(K.STABILITY, want=0.6)) == pytest.approx(0.8)


def test_influence_objective_is_own_share_over_the_largest():
    """20 against the largest 40: 0.5."""
    assert score_one(Objective(K.INFLUENCE)) == pytest.approx(0.5)


def test_alignment_objective_reads_owner_or_actor_with_target():
    """Alignment 0.2 against want -1 on the 2-wide scale: 1 − 1.2/2."""
    a = np.zeros((3, 3))
    a[0, 1] = a[1, 0] = 0.2
    a[1, 2] = a[2, 1] = 1.0
    assert score_one(Objective(K.ALIGNMENT, want=-1.0, target="B"), alignment=a) == pytest.approx(
        0.4
    )
    assert score_one(Objective(K.ALIGNMENT, actor="B", target="C"), alignment=a) == 1.0


def test_control_and_violence_objectives_read_the_theatre():
    """Control share 0.3 against want 1; violence 0.5 against want 0."""
    kw = dict(theatre_ids=("T",), control=np.array([[0.3, 0.7, 0.0]]), violence=np.array([0.5]))
    assert score_one(Objective(K.CONTROL, theatre="T"), **kw) == pytest.approx(0.3)
    assert score_one(Objective(K.VIOLENCE, theatre="T", want=0.0), **kw) == pytest.approx(0.5)


def test_agreement_objective_counts_status_and_withdrawn_parties():
    """An active treaty with one of two parties withdrawn is half in force."""
    kw = dict(
        agreement_ids=("JCPOA",),
        agreement_status=(AgreementStatus.ACTIVE,),
        membership=np.array([[1, 3, 0]], dtype=np.int8),
    )
    assert score_one(Objective(K.AGREEMENT, agreement="JCPOA", want=1), **kw) == 0.5
    assert score_one(Objective(K.AGREEMENT, agreement="JCPOA", want=0), **kw) == 0.5
    ended = dict(kw, agreement_status=(AgreementStatus.ENDED,))
    assert score_one(Objective(K.AGREEMENT, agreement="JCPOA", want=0), **ended) == 1.0


def test_issue_objective_is_closeness_of_outcome_times_progress():
    """Outcome pulled by salience × clout, scored only as far as the issue has progressed."""
    kw = dict(
        issue_ids=("SETTLEMENT",),
        positions=np.array([[1.0, -1.0, 0.0]]),
        salience=np.array([[1.0, 1.0, 0.0]]),
        progress=np.array([0.5]),
        capabilities=np.array([[90.0] * 3, [30.0] * 3, [50.0] * 3]),
    )
    outcome = (90 - 30) / 120  # 0.5
    value = score_one(Objective(K.ISSUE, issue="SETTLEMENT"), **kw)  # want: A's own position 1
    assert value == pytest.approx(0.5 * (1 - abs(outcome - 1.0) / 2))


def test_sanctions_objective_reads_pressure_on_target():
    """Pressure 0.75 on C against want 1: 0.75."""
    s = np.zeros((3, 3))
    s[0, 2] = s[1, 2] = 0.5
    assert score_one(Objective(K.SANCTIONS, target="C", want=1.0), sanctions=s) == 0.75


def test_capability_objective_reads_target_military():
    """Military 30 against want 10 on the 100-wide scale."""
    caps = np.full((3, 3), 50.0)
    caps[2, 0] = 30.0
    value = score_one(Objective(K.CAPABILITY, target="C", want=10.0), capabilities=caps)
    assert value == pytest.approx(0.8)


def test_unknown_ids_score_zero():
    """An objective naming an unknown theatre scores 0 rather than crashing the turn."""
    assert score_one(Objective(K.VIOLENCE, theatre="NOWHERE")) == 0.0


def test_agenda_is_weighted_mean_with_terms_explaining_it():
    """Weights normalise; contributions sum to the score; duplicate labels stay distinct."""
    agenda = Agenda(
        objectives=(
            Objective(K.STABILITY, weight=3.0, want=0.4, label="Calm"),
            Objective(K.INFLUENCE, weight=1.0, label="Calm"),
        )
    )
    state = make_state(playable=("A", "B"), agendas={"A": agenda})
    scores, terms = agenda_scores(state, 40.0, {"A": 20.0, "B": 40.0, "C": 40.0})
    assert scores["A"] == pytest.approx(100 * (0.75 * 1.0 + 0.25 * 0.5))
    assert set(terms["A"]) == {"Calm", "Calm (2)"}
    assert sum(t.contribution for t in terms["A"].values()) == pytest.approx(scores["A"])
    assert terms["A"]["Calm"].weight == pytest.approx(0.75)
    assert scores["B"] == 0.0 and terms["B"] == {}


def test_helpers_accept_a_batch_axis():
    """Force and outcome work on stacks of games."""
    membership = np.array([[[1, 1]], [[1, 3]]], dtype=np.int8)
    assert agreement_force(np.array([[1.0], [1.0]]), membership) == pytest.approx(
        np.array([[1.0], [0.5]])
    )
    pos = np.array([[[1.0, -1.0]], [[1.0, 1.0]]])
    out = issue_outcome(pos, np.ones((2, 1, 2)), np.ones((2, 2)))
    assert out == pytest.approx(np.array([[0.0], [1.0]]))
