"""`scores`, `leader`, `winner` and the ledger `diff` on hand-made states."""

from __future__ import annotations

import json

import attrs
import numpy as np
import pytest

from game.scenario.model import Agenda, Objective, ObjectiveKind
from game.scoring import Scores, Term, leader, scores, stability_change, winner
from game.scoring.ledger import diff
from tests.scoring.helpers import make_state

IDS = ("RUS", "IRN", "USA", "TUR")


def region(turn: int = 0, want_calm: float = 0.0) -> object:
    """Russia and Iran against the US, Turkey friendly to both; two playable seats."""
    a = np.zeros((4, 4))
    pairs = [(0, 1, 0.8), (0, 2, -0.6), (1, 2, -0.9), (3, 0, 0.3), (3, 1, 0.3), (3, 2, 0.6)]
    for i, j, v in pairs:
        a[i, j] = a[j, i] = v
    support = np.zeros((4, 4))
    support[0, 1] = 0.6
    agendas = {
        "RUS": Agenda(objectives=(Objective(ObjectiveKind.INFLUENCE),)),
        "USA": Agenda(objectives=(Objective(ObjectiveKind.VIOLENCE, theatre="T", want=want_calm),)),
    }
    return make_state(
        IDS,
        alignment=a,
        support=support,
        theatre_ids=("T",),
        control=np.array([[0.5, 0.5, 0.0, 0.0]]),
        violence=np.array([0.4]),
        playable=("RUS", "USA"),
        agendas=agendas,
        turn=turn,
        turn_limit=10,
    )


def test_scores_fill_every_field_consistently():
    """Stability terms sum to the index, shares to 100, Turkey swings, agendas for seats."""
    s = scores(region())
    assert 0 <= s.stability <= 100
    assert sum(t.contribution for t in s.stability_terms.values()) == pytest.approx(s.stability)
    assert set(s.stability_terms) == {"violence", "balance", "sanctions", "settlement"}
    assert sum(s.influence.values()) == pytest.approx(100.0)
    assert set(s.influence_terms["RUS"]) == {"centrality", "capability", "brokerage"}
    assert s.blocs["RUS"] == s.blocs["IRN"] != s.blocs["USA"]
    assert s.swing == ("TUR",)
    assert set(s.agendas) == {"RUS", "USA"}
    assert s.influence["RUS"] > s.influence["IRN"]  # Iran depends on Russia's support


def test_as_dict_is_json_ready():
    """The plain-dict form survives a JSON round trip unchanged."""
    d = scores(region()).as_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["stability_terms"]["violence"]["weight"] == pytest.approx(0.4)


def test_scores_are_deterministic():
    """The same state scores the same, to the bit."""
    assert scores(region()) == scores(region())


def test_leader_has_highest_agenda_and_winner_waits_for_the_turn_limit():
    """USA wants violence 0.4 (met exactly): it leads; it wins only at the limit."""
    early, late = region(turn=3, want_calm=0.4), region(turn=10, want_calm=0.4)
    assert leader(early) == "USA"
    assert winner(early) is None
    assert winner(late) == "USA"


def test_ties_go_to_influence_then_id():
    """Equal agenda scores: the larger influence share wins, then the first id."""
    base = Scores(
        stability=50.0,
        influence={"A": 10.0, "B": 30.0, "C": 30.0},
        agendas={"A": 60.0, "B": 60.0, "C": 60.0},
    )
    state = make_state(("A", "B", "C"), turn=24)
    assert leader(state, base) == "B"
    assert winner(state, base) == "B"
    assert leader(state, Scores(stability=0.0)) is None


def test_ledger_records_each_changed_score_with_its_cause():
    """Only scores that moved are entered, named stability / influence.X / agenda.X."""
    before = Scores(stability=50.0, influence={"A": 50.0, "B": 50.0}, agendas={"A": 10.0})
    after = Scores(stability=48.5, influence={"A": 60.0, "B": 40.0}, agendas={"A": 10.0})
    entries = diff(before, after, turn=3, cause="RUS host_talks SYR,SYR_OPP", detail="talks")
    assert [(e.score, e.delta) for e in entries] == [
        ("stability", pytest.approx(-1.5)),
        ("influence.A", pytest.approx(10.0)),
        ("influence.B", pytest.approx(-10.0)),
    ]
    assert all(e.turn == 3 and e.cause.startswith("RUS") and e.detail == "talks" for e in entries)


def test_ledger_ignores_rounding_noise_and_counts_missing_as_zero():
    """A 1e-12 wobble is not a change; an actor only in one record counts as 0 in the other."""
    before = Scores(stability=50.0, influence={"A": 100.0})
    after = Scores(stability=50.0 + 1e-12, influence={"A": 70.0, "B": 30.0})
    names = [e.score for e in diff(before, after, 1, "drift")]
    assert names == ["influence.A", "influence.B"]


def test_term_as_dict():
    """A term's dict has its three numbers."""
    assert Term(0.5, 0.2, 10.0).as_dict() == {"value": 0.5, "weight": 0.2, "contribution": 10.0}


def test_reused_blocs_give_the_same_scores_when_alignment_is_unchanged():
    """`blocs_from` skips the split but, for the same alignment, changes nothing."""
    state = region()
    full = scores(state)
    assert scores(state, blocs_from=full) == full


def test_reused_blocs_are_ignored_for_other_actors():
    """Scores of another cast of actors cannot lend their blocs."""
    state = region()
    other = Scores(stability=0.0, blocs={"X": 1})
    assert scores(state, blocs_from=other) == scores(state)


def test_stability_change_compares_with_the_first_recorded_scores():
    """Against a start recorded at stability 40, the region's current stability minus 40."""
    state = region()
    now = scores(state)
    started = attrs.evolve(state, history=(Scores(stability=40.0),))
    assert stability_change(started) == pytest.approx(now.stability - 40.0)
    assert stability_change(state) == 0.0


def test_ledger_threshold_drops_small_changes():
    """With threshold 0.5, a 0.4 move is not entered and a 0.6 move is."""
    before = Scores(stability=50.0, influence={"A": 50.0, "B": 50.0})
    after = Scores(stability=50.4, influence={"A": 50.6, "B": 49.4})
    names = [e.score for e in diff(before, after, 1, "drift", threshold=0.5)]
    assert names == ["influence.A", "influence.B"]
