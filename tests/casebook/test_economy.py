"""Casebook: economy (sanctions, blacklists, lifting, deals, aid)."""

from __future__ import annotations

from game.engine.legal import cost, why_illegal
from game.rules.orders import Order
from game.rules.proposals import acceptance
from tests.casebook.builder import actor, only, pair, rel, run, world


def _rivals(**extra):
    return world(
        actor("S", eco=80),
        actor("T", eco=60),
        actor("U"),
        relations=[rel("rivalry", "S", "T", 0.6)],
        **extra,
    )


def test_sanc_1_sanctions_hurt_economy_and_alignment():
    """SANC-1: sanctions lower the target's economy and the pair's alignment."""
    state = _rivals()
    after, _ = run(state, "S impose_sanctions T scope=sectoral")
    base, _ = run(state)
    assert pair(after, "sanctions", "S", "T") > 0
    assert after.capabilities[1, 1] < base.capabilities[1, 1]
    assert pair(after, "alignment", "S", "T") < pair(base, "alignment", "S", "T")


def test_sanc_2_bigger_blacklists_press_harder_and_cost_more():
    """SANC-2: a blacklist of more entities adds more pressure and costs more."""
    state = _rivals()
    small = Order.parse("S impose_sanctions T entities=10 scope=blacklist")
    large = Order.parse("S impose_sanctions T entities=100 scope=blacklist")
    assert cost(state, large) > cost(state, small)
    assert pair(run(state, large)[0], "sanctions", "S", "T") > pair(
        run(state, small)[0], "sanctions", "S", "T"
    )


def test_sanc_3_weak_economies_cannot_sanction():
    """SANC-3: an actor with too small an economy cannot sanction anyone."""
    state = world(actor("S", eco=10), actor("T"), relations=[rel("rivalry", "S", "T")])
    assert "too small" in why_illegal(state, Order.parse("S impose_sanctions T scope=targeted"))


def test_sanc_4_a_blacklist_names_its_entities():
    """SANC-4: a blacklist needs a number of entities; other scopes must not give one."""
    state = _rivals()
    assert "blacklist" in why_illegal(state, Order.parse("S impose_sanctions T scope=blacklist"))
    assert "blacklist" in why_illegal(
        state, Order.parse("S impose_sanctions T entities=10 scope=targeted")
    )


def test_lift_1_lifting_clears_pressure_and_mends_relations():
    """LIFT-1: lifting sanctions clears the pressure and regains alignment."""
    state = world(
        actor("S"), actor("T"), relations=[rel("sanction", "S", "T", 0.8, scope="sectoral")]
    )
    after, _ = run(state, "S lift_sanctions T")
    base, _ = run(state)
    assert pair(after, "sanctions", "S", "T") == 0
    assert pair(after, "alignment", "S", "T") > pair(base, "alignment", "S", "T")
    assert "no sanctions" in why_illegal(state, Order.parse("T lift_sanctions S"))


def _partners(**extra):
    return world(
        actor("A", eco=70, mil=70),
        actor("B", eco=40, mil=30),
        actor("E"),
        relations=[rel("cooperation", "A", "B", 1.0), rel("hostility", "B", "E")],
        **extra,
    )


def test_deal_1_accepted_deal_adds_trade_and_growth():
    """DEAL-1: an accepted energy deal adds trade and grows both economies."""
    state = _partners()
    after, events = run(state, "A propose_deal B duration=60 sector=energy value=20")
    base, _ = run(state)
    assert any("sign a $20bn energy deal" in e.text for e in events)
    assert pair(after, "trade", "A", "B") > pair(base, "trade", "A", "B")
    assert after.capabilities[1, 1] > base.capabilities[1, 1]


def test_deal_2_arms_arm_the_buyer_and_anger_its_enemies():
    """DEAL-2: an arms deal raises the buyer's military and costs alignment with its enemies."""
    state = _partners()
    after, _ = run(state, "A propose_deal B duration=12 sector=arms value=5")
    base, _ = run(state)
    assert after.capabilities[1, 0] > base.capabilities[1, 0]
    assert pair(after, "alignment", "A", "E") < pair(base, "alignment", "A", "E")


def test_deal_3_a_sanctioned_proposer_is_refused():
    """DEAL-3: sanctions on the proposer weigh against acceptance by an addressee friendly with
    the sanctioners (it fears secondary sanctions); heavily sanctioned and barely friendly, the
    proposer is refused."""
    state = world(
        actor("A"),
        actor("B"),
        actor("X"),
        actor("Y"),
        relations=[
            rel("cooperation", "A", "B", 0.1),
            rel("sanction", "X", "A", 1.0, scope="sectoral"),
            rel("sanction", "Y", "A", 1.0, scope="sectoral"),
            rel("alliance", "B", "X", 0.5),
        ],
    )
    order = Order.parse("A propose_deal B duration=12 sector=trade value=1")
    verdict = acceptance(state, order)
    assert dict(verdict.terms)["sanctions"] < 0 and not verdict.accepted
    after, events = run(state, order)
    assert only(events, "refused")
    assert pair(after, "trade", "A", "B") == pair(run(state)[0], "trade", "A", "B")


def test_deal_4_no_deal_with_the_sanctioned():
    """DEAL-4: an actor cannot offer a deal to an actor it sanctions."""
    state = world(
        actor("A"), actor("B"), relations=[rel("sanction", "A", "B", 0.3, scope="targeted")]
    )
    reason = why_illegal(state, Order.parse("A propose_deal B duration=12 sector=trade value=1"))
    assert "lift the sanctions first" in reason


def test_deal_5_firms_deal():
    """DEAL-5: a firm may propose a deal to a state."""
    state = world(
        actor("FIRM", "firm", eco=70), actor("B"), relations=[rel("cooperation", "FIRM", "B", 0.8)]
    )
    assert (
        why_illegal(state, Order.parse("FIRM propose_deal B duration=12 sector=energy value=5"))
        is None
    )


def test_aid_1_aid_grows_the_recipient():
    """AID-1: aid raises the recipient's economy and its alignment with the donor."""
    state = world(actor("D"), actor("R", eco=20), relations=[rel("cooperation", "D", "R", 0.2)])
    after, _ = run(state, "D give_aid R size=large")
    base, _ = run(state)
    assert after.capabilities[1, 1] > base.capabilities[1, 1]
    assert pair(after, "alignment", "D", "R") > pair(base, "alignment", "D", "R")
