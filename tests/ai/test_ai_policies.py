"""The AI levels: legal orders within budget, determinism, reasons, answers, seats, the ladder."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.base import Decision, Seat
from game.ai.budget import max_orders
from game.ai.match import decide_all, play_out, seat_rng, step
from game.ai.registry import UnknownLevel, check_level, make_policy
from game.engine.legal import legal_orders
from game.engine.setup import new_game
from game.rules.catalogue import cost
from game.rules.orders import ActionKind, Order
from game.rules.proposals import acceptance
from game.scenario.load import load_scenario

SCENARIO = "scenarios/tehran-2017.toml"


@cache
def scenario():
    return load_scenario(SCENARIO)


@cache
def state_after(seed: int, turns: int):
    """A reachable state: `turns` turns of random play from game `seed`."""
    state = new_game(scenario(), seed)
    policies = {a: make_policy("random") for a in scenario().playable_ids}
    return play_out(state, policies, turns)


def assert_within_budget(state, decision: Decision) -> None:
    legal = set(legal_orders(state, decision.actor))
    orders = list(decision.orders)
    assert all(o.actor == decision.actor for o in orders)
    assert all(o in legal for o in orders), [str(o) for o in orders if o not in legal]
    assert len(set(orders)) == len(orders)
    assert len(orders) <= max_orders(state)
    spent = sum(cost(state, o) for o in orders)
    assert spent <= float(state.capital[state.index(decision.actor)]) + 1e-9


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16), turns=st.integers(0, 4))
def test_random_and_greedy_give_legal_orders_within_budget(seed: int, turns: int) -> None:
    """Random and greedy orders are legal, distinct, within capital and the orders cap."""
    state = state_after(seed, turns)
    for level in ("random", "greedy"):
        policy = make_policy(level)
        for actor in scenario().playable_ids:
            assert_within_budget(state, policy.choose(state, actor, seat_rng(state, actor)))


@pytest.mark.parametrize("difficulty", ["easy", "normal"])
def test_planner_gives_legal_orders_within_budget(difficulty: str) -> None:
    """The planner's choice is legal and within budget on a mid-game state."""
    state = state_after(11, 3)
    policy = make_policy("planner", difficulty)
    for actor in scenario().playable_ids:
        assert_within_budget(state, policy.choose(state, actor, seat_rng(state, actor)))


@pytest.mark.parametrize("level", ["random", "greedy", "planner:easy"])
def test_same_seed_gives_the_same_choice(level: str) -> None:
    """Two policies fed equal generators choose the same orders with the same reasons."""
    state = state_after(5, 2)
    for actor in ("RUS", "USA"):
        first = make_policy(level).choose(state, actor, seat_rng(state, actor))
        second = make_policy(level).choose(state, actor, seat_rng(state, actor))
        assert first == second


def test_random_level_varies_with_the_seed() -> None:
    """Different generators give different random choices (it is not a constant policy)."""
    state = state_after(5, 0)
    policy = make_policy("random")
    choices = {policy.choose(state, "RUS", np.random.default_rng(k)).orders for k in range(8)}
    assert len(choices) > 3


def test_greedy_orders_gain_and_reasons_name_agenda_objectives() -> None:
    """Greedy's orders each preview a gain to its own agenda; its reasons are agenda labels."""
    from game.engine.preview import preview

    state = state_after(3, 1)
    labels = set(state.history[-1].agenda_terms["RUS"])
    decision = make_policy("greedy").choose(state, "RUS", seat_rng(state, "RUS"))
    assert decision.orders, "at the start Russia has capital and orders that help it"
    for order in decision.orders:
        assert preview(state, order).agendas["RUS"] > 0
    assert decision.reasons
    assert all(r.term == "agenda" and r.text in labels for r in decision.reasons)
    assert str(decision.reasons[0]).startswith(("+", "-"))


def test_greedy_takes_the_best_previewed_order_first() -> None:
    """Greedy's first order has the highest previewed agenda gain among acceptable orders."""
    from game.ai.greedy import acceptable
    from game.engine.preview import preview

    state = state_after(8, 0)
    decision = make_policy("greedy").choose(state, "USA", seat_rng(state, "USA"))
    best = max(
        preview(state, o).agendas["USA"]
        for o in legal_orders(state, "USA")
        if o.action not in (ActionKind.ACCEPT, ActionKind.REFUSE) and acceptable(state, o)
    )
    assert preview(state, decision.orders[0]).agendas["USA"] == pytest.approx(best, abs=1e-9)


def test_planner_explains_its_look_ahead() -> None:
    """The planner's first reason is its look-ahead value against passing."""
    state = state_after(2, 1)
    decision = make_policy("planner", "easy").choose(state, "IRN", seat_rng(state, "IRN"))
    assert decision.reasons[0].term == "look-ahead"


def test_answers_follow_the_stated_acceptance_rule() -> None:
    """Every level answers a pending offer exactly as `acceptance` says, with its breakdown."""
    state = new_game(scenario(), 4, humans=("IRN",))
    offer = Order("RUS", "propose_deal", ("IRN",), {"sector": "energy", "value": 5, "duration": 60})
    assert offer in legal_orders(state, "RUS")
    state, _ = step(state, [offer])
    (proposal,) = state.proposals
    verdict = acceptance(state, proposal)
    for level in ("random", "greedy", "planner"):
        answer = make_policy(level).answer(state, proposal, np.random.default_rng(0))
        assert answer.accept == verdict.accepted
        assert answer.breakdown == verdict.terms
        assert answer.total == pytest.approx(verdict.total)
        assert answer.order("IRN").action in (ActionKind.ACCEPT, ActionKind.REFUSE)


def test_human_seat_plays_submitted_orders_once() -> None:
    """A human seat returns what was submitted, then waits again; a policy seat always answers."""
    state = state_after(1, 0)
    order = legal_orders(state, "TUR")[0]
    human = Seat("TUR")
    assert human.is_human and not human.ready
    human.submit([order])
    assert human.decide(state, seat_rng(state, "TUR")).orders == (order,)
    with pytest.raises(RuntimeError):
        human.decide(state, seat_rng(state, "TUR"))
    with pytest.raises(ValueError):
        human.submit([Order("RUS", "denounce", ("USA",))])
    ai = Seat("TUR", make_policy("random"))
    assert ai.ready and not ai.is_human
    with pytest.raises(ValueError):
        ai.submit([order])


def test_decision_serves_as_an_order_list_for_play_turn() -> None:
    """The engine's `play_turn` accepts our policies directly (a Decision iterates its orders)."""
    from game.engine.turn import play_turn

    state = state_after(6, 0)
    new, _events = play_turn(state, policy_for={"RUS": make_policy("greedy")})
    assert new.turn == 1


def test_unknown_levels_are_refused_with_the_valid_ones() -> None:
    """Bad level specs raise UnknownLevel naming what is allowed."""
    assert check_level("planner:hard") == ("planner", "hard")
    for bad in ("smart", "planner:impossible", "greedy:hard"):
        with pytest.raises(UnknownLevel):
            make_policy(bad)


def test_decide_all_pools_orders_in_actor_order() -> None:
    """decide_all asks every AI seat and pools their orders seat by seat."""
    state = state_after(9, 0)
    policies = {a: make_policy("greedy") for a in ("USA", "RUS")}
    orders, decisions = decide_all(state, policies)
    assert set(decisions) == {"RUS", "USA"}
    assert orders == [*decisions["RUS"].orders, *decisions["USA"].orders]


def test_greedy_beats_random_in_a_small_seeded_tournament() -> None:
    """AI-LADDER-1: greedy on one seat beats random's score on that seat in most seat-games."""
    from game.sim.tournament import plan_pairs, plan_tasks, play_match, tabulate

    seats = list(scenario().playable_ids)
    pairs = plan_pairs(["random", "greedy"])
    tasks = plan_tasks(SCENARIO, [101, 202, 303, 404], seats, pairs, [], turns=4)
    results = [play_match(task) for task in tasks]
    (row,) = tabulate(results, seats, pairs, [])["ladder"]
    assert row["seat_games"] == 4
    assert row["beats"] >= 0.75


@pytest.mark.parametrize("level", ["greedy", "planner:easy"])
def test_reasons_off_changes_no_order(level: str) -> None:
    """explain=False (batch runs) gives the same orders, only without agenda-term reasons."""
    state = state_after(12, 2)
    for actor in ("IRN", "TUR"):
        full = make_policy(level).choose(state, actor, seat_rng(state, actor))
        bare = make_policy(level, explain=False).choose(state, actor, seat_rng(state, actor))
        assert full.orders == bare.orders
        assert not any(r.term == "agenda" for r in bare.reasons)


def test_policies_never_give_contradictory_orders():
    """No AI level gives two orders the engine would void as contradictory (CONFLICT rules)."""
    from game.engine.turn import play_turn
    from game.rules.conflicts import contradiction

    for level in ("random", "greedy"):
        policy = make_policy(level)
        state = new_game(scenario(), seed=11)
        for _ in range(4):
            for actor in scenario().playable_ids:
                orders = list(policy.choose(state, actor, np.random.default_rng(5)).orders)
                for k, order in enumerate(orders):
                    assert contradiction(order, orders[:k]) is None, (level, order)
            state, _ = play_turn(state, policy_for=lambda _actor, p=policy: p)
