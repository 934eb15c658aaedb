"""Playing turns with AI seats: one generator per seat and turn, every seat's decision, the loop.

`simulate`, `tournament`, the multi-agent environments and the planner's look-ahead all step a
game the same way: every AI seat decides from the same state with its own generator, the orders
are pooled, and the turn is resolved with `turn_rng(state)` (the call a save replays). Each
seat's generator is a pure function of (game seed, turn, actor), so a seat's choice never
depends on which other seats are AI, nor on the order they are asked in.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np

from game.ai.base import Decision, Policy
from game.engine.rng import streams, turn_rng
from game.engine.state import Event, GameState
from game.rules.orders import Order


def seat_rng(state: GameState, actor: str) -> np.random.Generator:
    """The generator an AI seat decides the coming turn of `state` with.

    Derived from the turn's `policy` stream, one child per actor in actor order, so it depends on
    the game seed, the turn and the actor only.
    """
    policy_stream = streams(state.seed, state.turn + 1).policy
    return policy_stream.spawn(len(state.actors))[state.index(actor)]


def decide_all(
    state: GameState, policies: Mapping[str, Policy]
) -> tuple[list[Order], dict[str, Decision]]:
    """Every AI seat's decision for the coming turn, and all their orders pooled.

    Args:
        state: the state before the turn.
        policies: actor id -> the policy playing that seat.

    Returns:
        The pooled orders (seats in `state.actors` order) and each seat's `Decision`.
    """
    decisions: dict[str, Decision] = {}
    orders: list[Order] = []
    for actor in state.actors:
        policy = policies.get(actor)
        if policy is None:
            continue
        decision = policy.choose(state, actor, seat_rng(state, actor))
        decisions[actor] = decision
        orders.extend(decision.orders)
    return orders, decisions


def step(state: GameState, orders: list[Order]) -> tuple[GameState, tuple[Event, ...]]:
    """Resolve one turn with the orders given, exactly as a save replays it."""
    from game.engine.turn import resolve

    new_state, events = resolve(state, orders, turn_rng(state))
    return new_state, tuple(events)


def is_over(state: GameState) -> bool:
    """Whether the game has reached its end."""
    from game.engine.turn import is_over as engine_is_over

    return bool(engine_is_over(state))


def play(
    state: GameState,
    policies: Mapping[str, Policy],
    turns: int | None = None,
) -> Iterator[tuple[GameState, list[Order], dict[str, Decision]]]:
    """Play up to `turns` turns (all that remain when None), yielding after each.

    Yields:
        `(new_state, orders, decisions)` for every turn played: the state after the turn, the
        orders that were resolved, and each AI seat's decision.
    """
    played = 0
    while not is_over(state) and (turns is None or played < turns):
        orders, decisions = decide_all(state, policies)
        state, _events = step(state, orders)
        played += 1
        yield state, orders, decisions


def play_out(
    state: GameState, policies: Mapping[str, Policy], turns: int | None = None
) -> GameState:
    """Play up to `turns` turns (all that remain when None) and return the last state."""
    final = state
    for final, _orders, _decisions in play(state, policies, turns):  # noqa: B007
        pass
    return final
