"""Casebook: income, order validation and the resolution order."""

from __future__ import annotations

from game.engine.legal import legal_orders, sort_key, why_illegal
from game.rules.orders import Order
from tests.casebook.builder import actor, kinds, only, rel, run, theatre, world


def test_income_1_capabilities_raise_income():
    """INCOME-1: income grows with economy and diplomacy (same base, richer actor gains more)."""
    state = world(
        actor("RICH", eco=90, dip=90, capital=0), actor("POOR", eco=10, dip=10, capital=0)
    )
    after, _ = run(state)
    assert after.capital[0] > after.capital[1] > 0


def test_income_2_sanctions_cut_income():
    """INCOME-2: sanction pressure on an actor lowers its income."""
    base = world(actor("A", capital=0), actor("B", capital=0), actor("C", capital=0))
    hit = world(
        actor("A", capital=0),
        actor("B", capital=0),
        actor("C", capital=0),
        relations=[rel("sanction", "C", "A", 1.0, scope="sectoral")],
    )
    assert run(hit)[0].capital[0] < run(base)[0].capital[0]


def test_income_3_capital_stops_at_the_cap():
    """INCOME-3: capital stops growing at `[income] cap` times capital per turn."""
    state = world(actor("A", capital=29, per_turn=5), actor("B"))
    after, _ = run(state)
    assert after.capital[0] == 30.0  # cap 6 x 5


def test_order_1_over_budget_is_invalid_not_an_exception():
    """ORDER-1: an order over budget becomes an "invalid" event; nothing is spent on it."""
    state = world(
        actor("A", capital=0, per_turn=0.1), actor("B"), relations=[rel("rivalry", "A", "B")]
    )
    order = "A impose_sanctions B scope=sectoral"
    after, events = run(state, order)
    assert kinds(events).count("invalid") == 1
    assert "costs" in only(events, "invalid")[0].text
    assert after.sanctions[0, 1] == 0


def test_order_2_spending_follows_submitted_order():
    """ORDER-2: orders are paid in submitted order; the one that no longer fits is void."""
    first, second = "A denounce B", "A host_talks B,C"  # 1 then 4: only the first fits
    state = world(
        actor("A", capital=4, per_turn=0),
        actor("B"),
        actor("C"),
        relations=[rel("hostility", "B", "C", 0.5)],
        theatres=[theatre("T", {"B": 0.5, "C": 0.5})],
    )
    _, events = run(state, first, second)
    assert [e.cause for e in only(events, "invalid")] == [second]
    assert any(e.cause == first and e.kind == "order" for e in events)


def test_order_3_unknown_targets_are_invalid():
    """ORDER-3: an order naming an unknown actor is void with a reason, not an error."""
    state = world(actor("A"), actor("B"))
    _, events = run(state, "A denounce NOBODY", "GHOST denounce A")
    reasons = [e.text for e in only(events, "invalid")]
    assert len(reasons) == 2 and "unknown actor" in reasons[0] and "unknown actor" in reasons[1]


def test_order_4_a_repeated_order_is_void():
    """ORDER-4: the same order given twice in a turn counts once."""
    state = world(actor("A"), actor("B"), relations=[rel("rivalry", "A", "B", 0.2)])
    _, events = run(state, "A denounce B", "A denounce B")
    assert kinds(events).count("invalid") == 1
    assert len([e for e in events if e.kind == "order"]) == 1


def test_order_5_actions_fit_actor_kinds():
    """ORDER-5: firms only deal, armed groups fight, organisations mediate and host."""
    state = world(
        actor("FIRM", "firm"),
        actor("GUN", "armed_group"),
        actor("ORG", "organisation"),
        actor("S"),
        actor("T"),
        relations=[rel("cooperation", "FIRM", "S", 0.5), rel("hostility", "GUN", "S")],
        theatres=[theatre("Z", {"S": 0.5, "GUN": 0.5})],
    )
    assert "firm cannot" in why_illegal(state, Order.parse("FIRM denounce S"))
    assert {o.action.value for o in legal_orders(state, "FIRM")} <= {"propose_deal"}
    assert "cannot" in why_illegal(state, Order.parse("GUN host_talks S,T"))
    assert why_illegal(state, Order.parse("GUN offensive Z")) is None
    assert why_illegal(state, Order.parse("ORG host_talks GUN,S")) is None


def test_order_6_parameters_come_from_the_menu():
    """ORDER-6: a parameter value off the menu is illegal, and says what the menu holds."""
    state = world(actor("A"), actor("B"), relations=[rel("rivalry", "A", "B")])
    reason = why_illegal(state, Order.parse("A impose_sanctions B scope=total"))
    assert "not on the menu" in reason and "sectoral" in reason


def test_order_7_families_resolve_in_a_fixed_order():
    """ORDER-7: diplomacy resolves before economy, economy before military, whatever the order
    of submission."""
    state = world(
        actor("A"),
        actor("B"),
        actor("C"),
        relations=[rel("rivalry", "A", "B"), rel("alliance", "A", "C", 0.5)],
        theatres=[theatre("T", {"C": 0.5, "B": 0.5})],
    )
    orders = ["A support_client C level=1", "A impose_sanctions B scope=targeted", "A denounce B"]
    _, events = run(state, *orders)
    done = [e.cause for e in events if e.kind == "order"]
    assert done == list(reversed(orders))


def test_order_8_legal_orders_are_sorted_affordable_and_legal():
    """ORDER-8: legal_orders lists only affordable, legal orders, sorted."""
    state = world(actor("A", capital=2), actor("B"), relations=[rel("rivalry", "A", "B")])
    orders = legal_orders(state, "A")
    assert orders == sorted(orders) == sorted(orders, key=sort_key)
    assert all(why_illegal(state, o) is None for o in orders)
    assert not any(o.action.value == "impose_sanctions" for o in orders)  # costs 3 and up
