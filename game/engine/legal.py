"""Legal orders: what an actor may order now, and why an order is illegal.

`legal_orders(state, actor)` enumerates the catalogue's candidates, keeps those whose
preconditions hold and whose cost the actor can afford from its current capital, and sorts them
(by actor, action, targets, parameters), so the list is the same in every process.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from game.engine.state import GameState
from game.rules import catalogue
from game.rules.orders import Order


def why_illegal(state: GameState, order: Order, budget: float | None = None) -> str | None:
    """Why `order` cannot be given now, or None if it can.

    Args:
        state: the state the order is given in.
        order: the order.
        budget: the capital the actor has left to spend; its current capital if None.
    """
    reason = catalogue.why_illegal(state, order)
    if reason is not None:
        return reason
    available = float(state.capital[state.index(order.actor)]) if budget is None else budget
    price = catalogue.cost(state, order)
    if price > available + 1e-9:
        return f"costs {price:g} capital, only {available:g} left"
    return None


def is_legal(state: GameState, order: Order) -> bool:
    """Whether `order` can be given now (preconditions hold and the actor can afford it)."""
    return why_illegal(state, order) is None


def legal_orders(state: GameState, actor: str) -> list[Order]:
    """Every order `actor` can give now and afford, sorted (deterministic in any process).

    Orders sort by actor, action, targets, then parameters (`Order`'s own ordering).
    """
    budget = float(state.capital[state.index(actor)])
    return sorted(set(catalogue.legal(state, actor, budget)), key=sort_key)


def sort_key(order: Order) -> tuple:
    """The sort key of orders: actor, action, targets, parameters (as `Order`'s own ordering,
    without attrs' slow generated comparison)."""
    return (order.actor, order.action.value, order.targets, order.params)


def cost(state: GameState, order: Order) -> float:
    """The political capital `order` costs (see `game.rules.catalogue.cost`)."""
    return catalogue.cost(state, order)
