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
    if order.actor not in state.actors:
        return f"unknown actor {order.actor!r}"
    action = ACTIONS[order.action]
    kind = kind_of(state, state.index(order.actor))
    if kind not in action.actor_kinds:
        allowed = " or ".join(sorted(k.value.replace("_", " ") for k in action.actor_kinds))
        return f"a {kind.value.replace('_', ' ')} cannot {order.action.value}: only a {allowed}"
    menus = action.menus(state)
    for key, value in order.params:
        if key not in menus:
            return f"unknown parameter {key!r} for {order.action.value}"
        if value not in menus[key]:
            allowed = ", ".join(str(v) for v in menus[key])
            return f"{key}={value} is not on the menu ({allowed})"
    return action.check(state, order)


def cost(state: GameState, order: Order) -> float:
    """The political capital `order` costs its actor."""
    action = ACTIONS[order.action]
    return float(state.rules["costs"][order.action.value] * action.multiplier(state, order))


def candidates(state: GameState, actor: str) -> Iterator[Order]:
    """Every order `actor` might give, before preconditions and cost (deterministic)."""
    i = state.index(actor)
    kind = kind_of(state, i)
    for action in ACTIONS.values():
        if kind in action.actor_kinds:
            yield from action.candidates(state, i)
