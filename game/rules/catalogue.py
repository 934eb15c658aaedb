"""The action catalogue: every `Action` by kind, and the generic checks all actions share.

`why_illegal` runs the generic preconditions (known actor, actor kind, parameters from the menu,
pending proposal for answers) and then the action's own; `cost` is the base cost in `[costs]`
times the action's multiplier; `candidates` enumerates an actor's possible orders.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.state import GameState
from game.rules import diplomacy, economy, military, proposals, treaties
from game.rules.base import Action, kind_of
from game.rules.orders import ActionKind, Order

FAMILIES = ("answers", "diplomacy", "economy", "military", "treaties")
"""The resolution order of the families: answers to proposals first, then the four families."""

ACTIONS: dict[ActionKind, Action] = {
    action.kind: action
    for module in (diplomacy, economy, military, treaties, proposals)
    for action in module.ACTIONS
}
"""Every action by kind; `set(ACTIONS) == set(ActionKind)` (tested)."""


def action_of(order: Order) -> Action:
    """The catalogue entry of an order's action."""
    return ACTIONS[order.action]


def why_illegal(state: GameState, order: Order) -> str | None:
    """Why `order` cannot be given now (ignoring its cost), or None if it can."""
    return ACTIONS[order.action].why_illegal(state, order)


def cost(state: GameState, order: Order) -> float:
    """The political capital `order` costs its actor."""
    return ACTIONS[order.action].cost(state, order)


def legal(state: GameState, actor: str, budget: float) -> list[Order]:
    """Every order `actor` may give now at a cost within `budget`, unsorted.

    Candidates come from the actions open to the actor's kind, with parameters from their own
    menus, so only the action's own preconditions and the cost are checked here (the test
    suite checks that every order listed also passes the full `why_illegal`).
    """
    i = state.index(actor)
    kind = kind_of(state, i)
    costs = state.rules["costs"]
    found = []
    for action in ACTIONS.values():
        if kind not in action.actor_kinds:
            continue
        base = costs[action.kind.value]
        for order in action.candidates(state, i):
            if base * action.multiplier(state, order) > budget + 1e-9:
                continue
            if action.check(state, order) is None:
                found.append(order)
    return found


def candidates(state: GameState, actor: str) -> Iterator[Order]:
    """Every order `actor` might give, before preconditions and cost (deterministic)."""
    i = state.index(actor)
    kind = kind_of(state, i)
    for action in ACTIONS.values():
        if kind in action.actor_kinds:
            yield from action.candidates(state, i)
