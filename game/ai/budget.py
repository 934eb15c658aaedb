"""What an actor may spend this turn: its legal orders, their costs, and the budget they share.

Every AI level draws from the same menu, `affordable(state, actor)`: the engine's legal orders
that the actor can pay for now, each with its cost, in the engine's (deterministic) order. The
budget is the actor's political capital; a turn also allows at most `[seats] max_orders` orders,
the cap the engine's default seat policy keeps to, and answers to proposals are free.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from game.engine.state import GameState
from game.rules.catalogue import cost as order_cost
from game.rules.conflicts import contradiction
from game.rules.orders import ActionKind, Order

ANSWERS = frozenset({ActionKind.ACCEPT, ActionKind.REFUSE})
"""Answers to proposals: free, and not counted against the orders cap."""


@frozen
class Option:
    """One order an actor can afford now.

    Attributes:
        order: the order.
        cost: the political capital it costs.
    """

    order: Order
    cost: float


def capital(state: GameState, actor: str) -> float:
    """The political capital `actor` can spend this turn."""
    return float(state.capital[state.index(actor)])


def max_orders(state: GameState) -> int:
    """At most this many orders a turn (answers to proposals aside)."""
    return int(state.rules.get("seats", {}).get("max_orders", 3))


def legal(state: GameState, actor: str) -> list[Order]:
    """The engine's legal orders for `actor` (`game.legal_orders`)."""
    from game.engine.legal import legal_orders

    return list(legal_orders(state, actor))


def affordable(state: GameState, actor: str) -> list[Option]:
    """Legal orders `actor` can pay for now, with their costs, answers excluded."""
    budget = capital(state, actor)
    options = []
    for order in legal(state, actor):
        if order.action in ANSWERS:
            continue
        price = order_cost(state, order)
        if price <= budget + 1e-9:
            options.append(Option(order, price))
    return options


def fits(chosen: Sequence[Option], option: Option, budget: float, cap: int) -> bool:
    """Whether `option` can join `chosen` within the budget and the orders cap.

    Two orders of one action on the same targets never go together: the engine would resolve
    the second against the first's outcome, and a player would not give both. Nor do two orders
    the engine would void as contradictory (`game.rules.conflicts`).
    """
    if len(chosen) >= cap:
        return False
    spent = sum(c.cost for c in chosen)
    if spent + option.cost > budget + 1e-9:
        return False
    if contradiction(option.order, [c.order for c in chosen]) is not None:
        return False
    return all(
        (c.order.action, c.order.targets) != (option.order.action, option.order.targets)
        for c in chosen
    )


def total_cost(options: Iterable[Option]) -> float:
    """The capital a set of options costs together."""
    return float(sum(o.cost for o in options))
