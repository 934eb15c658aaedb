"""Casebook: diplomacy (talks, congresses, statements, mediation, denunciation, recognition,
alliances)."""

from __future__ import annotations

from game.engine.legal import why_illegal
from game.rules.orders import Order
from tests.casebook.builder import (
    actor,
    influence_agenda,
    issue,
    only,
    pair,
    rel,
    run,
    theatre,
    world,
)


def _war(**extra):
    return world(
        actor("HOST", "organisation"),
        actor("GOV"),
        actor("REB", "armed_group"),
        relations=[rel("hostility", "GOV", "REB", 0.6)],
        theatres=[theatre("T", {"GOV": 0.5, "REB": 0.5}, violence=0.6)],
        **extra,
    )


def test_talks_1_raise_alignment_and_restrain_violence():
    """TALKS-1: talks bring the two sides closer and restrain violence in their theatre."""
    state = _war()
    quiet_after, _ = run(state)
    talks_after, events = run(state, "HOST host_talks GOV,REB")
    assert pair(talks_after, "alignment", "GOV", "REB") > pair(
        quiet_after, "alignment", "GOV", "REB"
    )
    assert talks_after.restraint[0] > 0
    assert talks_after.violence[0] < quiet_after.violence[0]
    assert "hosts talks" in events[-1].text or any("hosts talks" in e.text for e in events)


def test_talks_2_need_a_shared_theatre():
    """TALKS-2: talks are between two sides fighting over the same theatre."""
    state = world(actor("H"), actor("A"), actor("B"), relations=[rel("hostility", "A", "B")])
    assert "do not fight" in why_illegal(state, Order.parse("H host_talks A,B"))


def _congress(opposition_alignment: float):
    return world(
        actor("CONV"),
        actor("GOV"),
        actor("OPP", "armed_group"),
        relations=[
            rel("alliance", "CONV", "GOV"),
            rel(
                "hostility" if opposition_alignment < 0 else "cooperation",
                "CONV",
                "OPP",
                abs(opposition_alignment),
            ),
        ],
        issues=[issue("SETTLE", {"GOV": 1.0, "OPP": -1.0, "CONV": 0.8})],
    )


def test_congress_1_with_both_sides_makes_progress():
    """CONGRESS-1: a congress both sides attend moves its issue towards settlement."""
    state = _congress(0.2)
    after, events = run(state, "CONV convene_congress SETTLE")
    assert after.progress[0] > state.progress[0]
    assert any("both sides present" in e.text for e in events)


def test_congress_2_without_the_opposition_fails():
    """CONGRESS-2: a congress without the opposition fails: no progress, the absent drift away."""
    state = _congress(-0.9)
    after, events = run(state, "CONV convene_congress SETTLE")
    assert after.progress[0] == state.progress[0]
    failed = only(events, "failed")
    assert failed and "stay away" in failed[0].text
    assert pair(after, "alignment", "CONV", "OPP") < pair(run(state)[0], "alignment", "CONV", "OPP")


def test_congress_3_needs_a_disagreement():
    """CONGRESS-3: a congress on an issue everyone agrees on is illegal."""
    state = world(actor("A"), actor("B"), issues=[issue("X", {"A": 0.5, "B": 0.7})])
    assert "nothing for a congress" in why_illegal(state, Order.parse("A convene_congress X"))


def test_statement_1_friends_only():
    """STATEMENT-1: a joint statement raises a friendly pair's alignment; not with an enemy."""
    state = world(
        actor("A"),
        actor("B"),
        actor("C"),
        relations=[rel("cooperation", "A", "B", 0.5), rel("hostility", "A", "C")],
    )
    after, _ = run(state, "A joint_statement B")
    assert pair(after, "alignment", "A", "B") > pair(run(state)[0], "alignment", "A", "B")
    assert "unfriendly" in why_illegal(state, Order.parse("A joint_statement C"))


def test_mediate_1_scaled_by_diplomacy():
    """MEDIATE-1: mediation brings an estranged pair closer, more so for a skilled mediator."""

    def gain(dip):
        state = world(
            actor("M", dip=dip),
            actor("A"),
            actor("B"),
            relations=[
                rel("rivalry", "A", "B", 0.8),
                rel("cooperation", "M", "A", 0.2),
                rel("cooperation", "M", "B", 0.2),
            ],
        )
        return pair(run(state, "M mediate A,B")[0], "alignment", "A", "B") - pair(
            run(state)[0], "alignment", "A", "B"
        )

    assert gain(90) > gain(30) > 0


def test_mediate_2_mediator_must_be_acceptable():
    """MEDIATE-2: a mediator hostile to one side cannot mediate."""
    state = world(
        actor("M"),
        actor("A"),
        actor("B"),
        relations=[rel("rivalry", "A", "B"), rel("hostility", "M", "A")],
    )
    assert "acceptable to both" in why_illegal(state, Order.parse("M mediate A,B"))


def test_denounce_1_costs_the_target_pleases_its_enemies():
    """DENOUNCE-1: denouncing lowers alignment with the target and raises it with its enemies."""
    state = world(
        actor("A"),
        actor("B"),
        actor("E"),
        relations=[rel("hostility", "E", "B"), rel("rivalry", "A", "B", 0.2)],
    )
    after, _ = run(state, "A denounce B")
    base, _ = run(state)
    assert pair(after, "alignment", "A", "B") < pair(base, "alignment", "A", "B")
    assert pair(after, "alignment", "A", "E") > pair(base, "alignment", "A", "E")


def test_recognise_1_movement_recognised():
    """RECOG-1: recognising a movement sets recognition, raises alignment with it, and lowers
    alignment with its enemies."""
    state = world(
        actor("A"), actor("M", "armed_group"), actor("G"), relations=[rel("hostility", "G", "M")]
    )
    after, _ = run(state, "A recognise M")
    base, _ = run(state)
    assert pair(after, "recognition", "A", "M") == 1
    assert pair(after, "alignment", "A", "M") > pair(base, "alignment", "A", "M")
    assert pair(after, "alignment", "A", "G") < pair(base, "alignment", "A", "G")


def test_recognise_2_withdrawal_lowers_alignment():
    """RECOG-2: withdrawing recognition of a state clears it and costs alignment."""
    state = world(
        actor("A"),
        actor("B"),
        actor("R", "armed_group"),
        theatres=[theatre("T", {"B": 0.6, "R": 0.4}, country="B")],
    )
    assert pair(state, "recognition", "A", "B") == 1
    after, _ = run(state, "A withdraw_recognition B")
    assert pair(after, "recognition", "A", "B") == 0
    assert pair(after, "alignment", "A", "B") < 0
    assert "already recognised" in why_illegal(state, Order.parse("A recognise B"))


def test_alliance_1_accepted_by_a_friend_moves_the_baseline():
    """ALLY-1: a friendly AI state accepts an alliance; alignment and baseline both rise."""
    state = world(actor("A"), actor("B"), relations=[rel("cooperation", "A", "B", 1.0)])
    after, events = run(state, "A propose_alliance B")
    assert any("form an alliance" in e.text for e in events)
    assert pair(after, "baseline", "A", "B") > pair(state, "baseline", "A", "B")


def test_alliance_2_needs_friendship():
    """ALLY-2: an alliance cannot be proposed to a rival."""
    state = world(
        actor("A"),
        actor("B"),
        relations=[rel("rivalry", "A", "B")],
        agendas={"B": influence_agenda()},
    )
    assert "not friendly enough" in why_illegal(state, Order.parse("A propose_alliance B"))
