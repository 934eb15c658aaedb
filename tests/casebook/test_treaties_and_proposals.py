"""Casebook: treaties (certify, decertify, withdraw, comply) and proposals (human answers,
lapsing, the acceptance rule)."""

from __future__ import annotations

from game.engine.legal import legal_orders, why_illegal
from game.engine.state import Stance
from game.rules.orders import Order
from game.rules.proposals import acceptance
from game.scenario.model import Agenda, Objective, ObjectiveKind
from tests.casebook.builder import (
    actor,
    kinds,
    only,
    pair,
    rel,
    run,
    set_pair,
    treaty,
    world,
)


def _deal(more=(), **extra):
    return world(
        actor("USA"),
        actor("IRN"),
        actor("EU", "organisation"),
        actor("OUT"),
        relations=[rel("cooperation", "USA", "EU", 0.5), rel("rivalry", "USA", "IRN", 0.3), *more],
        agreements=[treaty("JCPOA", ["USA", "IRN", "EU"])],
        **extra,
    )


def test_treaty_1_decertifying_costs_alignment_with_the_parties():
    """TREATY-1: decertifying lowers alignment with the other parties."""
    state = _deal()
    after, _ = run(state, "USA decertify JCPOA")
    base, _ = run(state)
    assert after.membership[0, 0] == Stance.DECERTIFIED
    assert pair(after, "alignment", "USA", "EU") < pair(base, "alignment", "USA", "EU")
    assert pair(after, "alignment", "USA", "IRN") < pair(base, "alignment", "USA", "IRN")


def test_treaty_2_certifying_restores_compliance():
    """TREATY-2: a decertified party that certifies complies again and regains alignment."""
    state, _ = run(_deal(), "USA decertify JCPOA")
    after, _ = run(state, "USA certify JCPOA")
    base, _ = run(state)
    assert after.membership[0, 0] == Stance.COMPLYING
    assert pair(after, "alignment", "USA", "EU") > pair(base, "alignment", "USA", "EU")


def test_treaty_3_withdrawal_below_the_minimum_suspends():
    """TREATY-3: when withdrawals leave fewer than `min_parties` complying, it is suspended."""
    state, _ = run(_deal(), "USA withdraw_from JCPOA")
    assert state.membership[0, 0] == Stance.WITHDRAWN
    assert state.agreement_status[0].value == "active"  # IRN and EU still comply
    state, _ = run(state, "IRN withdraw_from JCPOA")
    assert state.agreement_status[0].value == "suspended"


def test_treaty_4_returning_revives_a_suspended_agreement():
    """TREATY-4: a withdrawn party that complies again revives a suspended agreement."""
    state, _ = run(_deal(), "USA withdraw_from JCPOA", "IRN withdraw_from JCPOA")
    assert state.agreement_status[0].value == "suspended"
    after, events = run(state, "IRN comply JCPOA")
    assert after.agreement_status[0].value == "active"
    assert any("returns to" in e.text for e in events)


def test_treaty_5_only_parties_certify_and_newcomers_must_be_welcome():
    """TREATY-5: a non-party cannot certify; it may join only if the parties are friendly."""
    state = _deal()
    assert "not a party" in why_illegal(state, Order.parse("OUT certify JCPOA"))
    assert why_illegal(state, Order.parse("OUT comply JCPOA")) is None
    hostile = _deal(more=[rel("hostility", "OUT", "IRN"), rel("hostility", "OUT", "EU")])
    assert "will not admit" in why_illegal(hostile, Order.parse("OUT comply JCPOA"))


def _offer(lifetime=2):
    return world(
        actor("A", playable=True),
        actor("B", playable=True),
        actor("C"),
        relations=[rel("cooperation", "A", "B", 1.0)],
        humans=("B",),
        rules={"proposals": {"lifetime": lifetime}},
    )


def test_prop_1_a_human_addressee_answers_next_turn():
    """PROP-1: an offer to a human waits; the human accepts in the next turn's orders."""
    state, events = run(_offer(), "A propose_alliance B")
    assert kinds(events).count("proposal") == 1
    (pending,) = state.proposals
    assert pending.addressee == "B" and pending.id == "P1"
    assert Order.parse("B accept P1") in legal_orders(state, "B")
    before = pair(state, "baseline", "A", "B")
    after, events = run(state, "B accept P1")
    assert after.proposals == ()
    assert pair(after, "baseline", "A", "B") > before
    assert any("form an alliance" in e.text for e in events)


def test_prop_2_an_unanswered_proposal_lapses():
    """PROP-2: an offer nobody answers lapses at the end of its last turn."""
    state, _ = run(_offer(lifetime=1), "A propose_alliance B")
    state, events = run(state)
    assert state.proposals == ()
    assert only(events, "lapsed")
    assert "no pending proposal" in why_illegal(state, Order.parse("B accept P1"))


def test_prop_3_a_refusal_has_no_effect():
    """PROP-3: a human refusal removes the offer and changes nothing else."""
    state, _ = run(_offer(), "A propose_alliance B")
    after, events = run(state, "B refuse P1")
    base, _ = run(state)
    assert after.proposals == () and only(events, "refused")
    assert pair(after, "baseline", "A", "B") == pair(base, "baseline", "A", "B")


def test_prop_4_only_the_addressee_answers():
    """PROP-4: nobody but the addressee may answer an offer."""
    state, _ = run(_offer(), "A propose_alliance B")
    assert "addressed to B" in why_illegal(state, Order.parse("C accept P1"))


def test_prop_5_answers_resolve_before_new_offers():
    """PROP-5: a turn's answers resolve before its new proposals: a second offer made the turn
    the first is accepted is checked against the state after the acceptance."""
    state, _ = run(_offer(), "A propose_alliance B")
    after, events = run(state, "A propose_alliance B", "B accept P1")
    texts = [e.kind for e in events if e.kind in ("answer", "proposal", "invalid")]
    assert texts[0] == "answer"
    assert len(after.proposals) == 1 and after.proposals[0].id == "P2"


def test_prop_6_the_acceptance_rule_is_a_sum_of_named_terms():
    """PROP-6: acceptance is the sum of alignment, agenda gain, sanctions, cost and bias; the
    addressee accepts when it is above the threshold."""
    state = world(
        actor("A"),
        actor("B", playable=True),
        relations=[rel("cooperation", "A", "B")],
        agendas={
            "B": Agenda(objectives=(Objective(ObjectiveKind.ALIGNMENT, target="A", want=1.0),))
        },
    )
    verdict = acceptance(state, Order.parse("A propose_alliance B"))
    names = [name for name, _ in verdict.terms]
    assert names == ["alignment", "agenda gain", "sanctions", "cost", "bias"]
    assert abs(sum(v for _, v in verdict.terms) - verdict.total) < 1e-12
    assert verdict.accepted == (verdict.total > verdict.threshold)
    assert dict(verdict.terms)["agenda gain"] > 0  # B wants to be close to A


def test_prop_7_an_offer_overtaken_by_events_cannot_be_accepted():
    """PROP-7: accepting an offer whose preconditions no longer hold is void, with the reason."""
    state, _ = run(_offer(), "A propose_alliance B")
    state = set_pair(state, "alignment", "A", "B", -0.5)
    reason = why_illegal(state, Order.parse("B accept P1"))
    assert "no longer" in reason and "not friendly enough" in reason
    after, events = run(state, "B accept P1")
    assert only(events, "invalid") and len(after.proposals) == 1


def test_treaty_6_what_each_kind_of_agreement_allows():
    """TREATY-6: nobody certifies a joint statement, and a deal takes no newcomers."""
    from game.scenario.model import Agreement, AgreementKind

    state = world(
        actor("A"),
        actor("B"),
        actor("C"),
        agreements=[
            Agreement(id="TEXT", name="Text", kind=AgreementKind.STATEMENT, parties=("A", "B")),
            Agreement(id="OIL", name="Oil", kind=AgreementKind.DEAL, parties=("A", "B")),
        ],
    )
    assert "statement cannot" in why_illegal(state, Order.parse("A certify TEXT"))
    assert "no newcomers" in why_illegal(state, Order.parse("C comply OIL"))
    assert why_illegal(state, Order.parse("A decertify OIL")) is None


def test_prop_8_an_unplayed_seat_answers_waiting_offers_by_the_rule():
    """PROP-8: when a seat no human plays has an offer waiting, the default policy answers it by
    the acceptance rule."""
    from game.engine.policy import default_orders
    from game.engine.rng import fixed_rng
    from game.engine.state import replace

    state, _ = run(_offer(), "A propose_alliance B")
    unplayed = replace(state, humans=frozenset())
    orders = default_orders(unplayed, fixed_rng(), ["B"])
    verdict = acceptance(unplayed, unplayed.proposals[0])
    expected = "accept" if verdict.accepted else "refuse"
    assert orders[0] == Order.parse(f"B {expected} P1")
