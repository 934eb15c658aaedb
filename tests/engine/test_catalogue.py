"""The catalogue is complete and every action's orders round-trip and have a cost."""

from __future__ import annotations

from game.engine.legal import cost, legal_orders, why_illegal
from game.engine.setup import new_game
from game.rules.catalogue import ACTIONS, FAMILIES
from game.rules.orders import ActionKind, Order
from game.rules.params import RulesError, default_rules, merge_rules
from game.sim.worldgen import generate_scenario


def test_every_action_kind_is_in_the_catalogue():
    """Each ActionKind has exactly one catalogue entry, in a known family, with a cost key."""
    assert set(ACTIONS) == set(ActionKind)
    rules = default_rules()
    for kind, action in ACTIONS.items():
        assert action.family in FAMILIES
        assert kind.value in rules["costs"]


def test_legal_orders_round_trip_and_are_legal():
    """Every legal order parses back from its text, is legal, and costs no more than capital."""
    state = new_game(generate_scenario(16, 3), seed=3)
    seen = set()
    for actor in state.actors:
        budget = state.capital[state.index(actor)]
        for order in legal_orders(state, actor):
            assert Order.parse(str(order)) == order
            assert why_illegal(state, order) is None
            assert 0 <= cost(state, order) <= budget
            seen.add(order.action)
    assert len(seen) >= 15


def test_rules_overrides_are_checked():
    """A scenario's [rules] may override known keys only; unknown ones are all reported."""
    merged = merge_rules({"costs": {"offensive": 9}})
    assert merged["costs"]["offensive"] == 9.0 and default_rules()["costs"]["offensive"] != 9.0
    try:
        merge_rules({"costs": {"bribe": 1}, "magic": {"x": 1}})
    except RulesError as exc:
        assert len(exc.problems) == 2
        assert any("bribe" in p for p in exc.problems) and any("magic" in p for p in exc.problems)
    else:
        raise AssertionError("unknown rule keys were accepted")


def test_the_engine_docs_cover_every_action_and_rule_key():
    """docs/engine.md names every action of the catalogue and every key of the rules file."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "engine.md").read_text("utf-8")
    missing = [f"`{kind.value}`" for kind in ActionKind if f"`{kind.value}`" not in text]
    for section, keys in default_rules().items():
        assert f"[{section}]" in text
        missing += [f"{section}.{key}" for key in keys if f"`{key}`" not in text]
    assert missing == []


def test_family_modules_partition_the_legal_orders():
    """Each family module's `legal` lists its own actions' orders; together they are exactly
    `legal_orders`, and each family's `cost` and `why_illegal` agree with the engine's."""
    from game.rules import diplomacy, economy, military, proposals, treaties

    state = new_game(generate_scenario(14, 8), seed=8)
    for actor in state.scenario.playable_ids:
        union = []
        for module in (diplomacy, economy, military, treaties, proposals):
            mine = module.legal(state, actor)
            assert all(ACTIONS[o.action] in module.ACTIONS for o in mine)
            assert all(module.why_illegal(state, o) is None for o in mine)
            assert all(module.cost(state, o) == cost(state, o) for o in mine)
            union += mine
        assert sorted(union, key=str) == sorted(legal_orders(state, actor), key=str)
