"""Turn resolution: `resolve(state, orders, rng) -> (new_state, events)`, and `play_turn`.

A turn runs DESIGN.md's phases in a fixed order:

1. income: every actor gains capital (`phases.income`);
2. orders: every order is validated against the post-income state, in submitted order, and
   paid for from its actor's budget; illegal or unaffordable orders become "invalid" events;
3. resolution by family: answers to proposals, then diplomacy, economy, military, treaties
   (within a family, in submitted order); proposals go to their addressees (`rules.proposals`);
   then the non-playable actors act, vectorised (`phases.background`), and unanswered proposals
   whose time is up lapse;
4. drift (`phases.drift`);
5. scripted events (`scripted`), then chance events (`phases.chance`);
6. scores: appended to `history`; every score change is written to the ledger with its cause
   (each order, "background", "drift", each scripted event id, "chance").

`resolve` never mutates its inputs and is deterministic: the same state, orders and rng state
give the same `state_hash` in any process.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from game.engine import phases, scripted
from game.engine.clock import add_months
from game.engine.ledger import record, score_state
from game.engine.policy import default_orders
from game.engine.rng import split, turn_rng
from game.engine.state import Event, GameState, LedgerEntry, replace
from game.rules import catalogue, proposals
from game.rules.base import event
from game.rules.conflicts import contradiction
from game.rules.orders import Order

__all__ = ["Policy", "add_months", "default_orders", "is_over", "play_turn", "resolve"]


class Policy(Protocol):
    """Anything that chooses a seat's orders: `choose(state, actor, rng) -> orders`."""

    def choose(self, state: GameState, actor: str, rng: np.random.Generator) -> Sequence[Order]: ...


def is_over(state: GameState) -> bool:
    """Whether the game has reached its turn limit."""
    return state.turn >= state.scenario.meta.turn_limit


class _Turn:
    """The running record of one turn: the state so far, its events, scores and ledger rows."""

    def __init__(self, state: GameState) -> None:
        self.state = state
        self.events: list[Event] = []
        self.ledger: list[LedgerEntry] = []
        self.scores = state.history[-1] if state.history else score_state(state)

    def step(self, new: GameState, events: Iterable[Event], cause: str, detail: str = "") -> None:
        """Adopt `new`; when it differs, score it and write what moved to the ledger."""
        self.events.extend(events)
        if new is self.state:
            return
        self.state = new
        after = score_state(new)
        self.ledger.extend(record(new, self.scores, after, cause, detail))
        self.scores = after

    def note(self, events: Iterable[Event], new: GameState | None = None) -> None:
        """Adopt `new` without scoring (a change no score reads, e.g. capital)."""
        self.events.extend(events)
        if new is not None:
            self.state = new


def resolve(
    state: GameState, orders: Iterable[Order], rng: np.random.Generator
) -> tuple[GameState, list[Event]]:
    """Resolve one turn; see the module docstring for the phases.

    Args:
        state: the state at the start of the turn (not modified).
        orders: every order of the turn, any actors, in submitted order.
        rng: the turn's Generator, normally `turn_rng(state)`; split into named sub-streams.

    Returns:
        The state at the start of the next turn, and the events of this one in order.
    """
    orders = list(orders)
    for order in orders:
        if not isinstance(order, Order):
            raise TypeError(f"resolve takes Order records, got {type(order).__name__}")
    streams = split(rng)
    run = _Turn(state)

    new, events = phases.income(state)
    run.note(events, new)

    accepted = _validate(run, orders)

    detail = ledger_detail(state)
    batch: list[tuple[Order, float]] = []
    for family in catalogue.FAMILIES:
        chosen = [(o, c) for o, c in accepted if catalogue.ACTIONS[o.action].family == family]
        if detail >= 2:
            for order, price in chosen:
                new, events = _apply(run.state, order, price, streams.orders, run.scores)
                run.step(new, events, str(order))
        elif detail == 1:
            _apply_batch(run, chosen, family, streams.orders)
        else:
            batch.extend(chosen)
    _apply_batch(run, batch, "orders", streams.orders)

    # The non-playable actors' moves, lapsed proposals and drift: scored apart at detail >= 1,
    # together at 0 (one scoring instead of two).
    moved, events = phases.background(run.state, streams.background)
    if detail >= 1:
        run.step(moved, events, "background", "the non-playable actors' moves")
        moved = run.state
    else:
        run.note(events)
    moved, events = proposals.lapse(moved)
    run.note(events)
    new, events = phases.drift(moved)
    cause = "relations, violence and economies drift"
    if detail < 1:
        cause = "the non-playable actors' moves and drift"
    run.step(new, events, "drift", cause)

    for spec in state.scenario.events:
        draw = float(streams.events.random())
        if spec.once and spec.id in run.state.fired:
            continue
        stability = getattr(run.scores, "stability", None)
        if draw < spec.probability and scripted.triggered(run.state, spec, stability):
            new, events = scripted.fire(run.state, spec)
            run.step(new, events, spec.id, spec.name)

    new, events = phases.chance(run.state, streams.chance)
    run.step(new, events, "chance", "; ".join(e.text for e in events))

    final = run.state
    meta = state.scenario.meta
    result = replace(
        final,
        turn=state.turn + 1,
        date=add_months(state.date, meta.months_per_turn),
        history=(*state.history, run.scores) if run.scores is not None else state.history,
        log=state.log + tuple(run.events),
        ledger=state.ledger + tuple(run.ledger),
    )
    return result, run.events


def ledger_detail(state: GameState) -> int:
    """How finely this game's ledger names causes (`[engine] ledger_detail`), coarsened to 0
    in worlds with more than `[engine] detail_max_actors` actors so their turns stay fast."""
    engine = state.rules["engine"]
    if state.n > engine["detail_max_actors"]:
        return 0
    return int(engine["ledger_detail"])


def _apply_batch(
    run: _Turn, chosen: list[tuple[Order, float]], label: str, rng: np.random.Generator
) -> None:
    """Apply orders one after another and score once; a lone order is named as the cause."""
    if not chosen:
        return
    current = run.state
    gathered: list[Event] = []
    for order, price in chosen:
        # The running scores describe `current` only until the first order changes it.
        known = run.scores if current is run.state else None
        current, events = _apply(current, order, price, rng, known)
        gathered.extend(events)
    if len(chosen) == 1:
        run.step(current, gathered, str(chosen[0][0]), "; ".join(e.text for e in gathered))
    else:
        run.step(current, gathered, label, "; ".join(str(o) for o, _ in chosen))


def _validate(run: _Turn, orders: list[Order]) -> list[tuple[Order, float]]:
    """Check and pay for every order, in submitted order; the rest become "invalid" events."""
    state = run.state
    budget = {actor: float(value) for actor, value in zip(state.actors, state.capital, strict=True)}
    accepted: list[tuple[Order, float]] = []
    seen: set[Order] = set()
    invalid = []
    for order in orders:
        reason = None
        if order in seen:
            reason = "the same order was given twice"
        elif (clash := contradiction(order, [o for o, _ in accepted])) is not None:
            reason = f"it contradicts {clash}, given earlier this turn"
        else:
            reason = catalogue.why_illegal(state, order)
        price = 0.0
        if reason is None:
            price = catalogue.cost(state, order)
            if price > budget[order.actor] + 1e-9:
                reason = f"costs {price:g} capital, only {budget[order.actor]:g} left"
        if reason is not None:
            invalid.append(_invalid(state, order, reason))
            continue
        seen.add(order)
        budget[order.actor] -= price
        accepted.append((order, price))
    capital = np.array([max(0.0, budget[a]) for a in state.actors])
    run.note(invalid, replace(state, capital=capital) if accepted else None)
    return accepted


def _invalid(state: GameState, order: Order, reason: str) -> Event:
    actors = (order.actor,) if order.actor in state.actors else ()
    return event(state, "invalid", actors, f"Order {order} is void: {reason}", str(order))


def _apply(
    state: GameState,
    order: Order,
    price: float,
    rng: np.random.Generator,
    scores_now: Any = None,
) -> tuple[GameState, list[Event]]:
    """Apply one paid order; if events overtook it, void it and refund its cost."""
    reason = catalogue.why_illegal(state, order)
    if reason is not None:
        capital = state.capital.copy()
        capital[state.index(order.actor)] += price
        return replace(state, capital=capital), [
            _invalid(state, order, f"overtaken by events: {reason}")
        ]
    action = catalogue.ACTIONS[order.action]
    if action.is_proposal:
        return proposals.propose(state, order, rng, scores_now)
    return action.apply(state, order, rng)


PolicyFor = Mapping[str, Policy] | Callable[[str], Policy | None]


def play_turn(
    state: GameState,
    orders_by_actor: Mapping[str, Sequence[Order]] | None = None,
    policy_for: PolicyFor | None = None,
    rng: np.random.Generator | None = None,
) -> tuple[GameState, list[Event]]:
    """Advance the game one turn: given orders, AI policies for the other seats, then `resolve`.

    Args:
        state: the current state.
        orders_by_actor: orders of the seats that chose them (humans, scripted tests...).
        policy_for: the AI of each remaining playable seat, as a mapping or a function of the
            actor id; seats without one (and not human) use `default_orders`.
        rng: the turn's Generator; `turn_rng(state)` if None.

    Human seats without orders simply give none. Non-playable actors act inside `resolve`.
    The policies draw from the turn's `policy` stream, `split(turn_rng(state)).policy`, and
    `resolve` gets `rng` untouched (a fresh `turn_rng(state)` by default), so the turn equals
    `resolve(state, all_orders, turn_rng(state))`: the call a save replays.
    """
    rng = turn_rng(state) if rng is None else rng
    return resolve(state, gather_orders(state, orders_by_actor, policy_for), rng)


def gather_orders(
    state: GameState,
    orders_by_actor: Mapping[str, Sequence[Order]] | None = None,
    policy_for: PolicyFor | None = None,
) -> list[Order]:
    """Every order of a turn: the given ones, then each unplayed AI seat's from its policy (or
    `default_orders`), drawn from the turn's `policy` stream so that `resolve` gets its own
    generator untouched. Human seats without orders give none."""
    policy_rng = split(turn_rng(state)).policy
    given = dict(orders_by_actor or {})
    orders: list[Order] = []
    defaults = []
    for actor in state.scenario.playable_ids:
        if actor in given:
            orders.extend(given.pop(actor))
            continue
        if actor in state.humans:
            continue
        policy = _lookup(policy_for, actor)
        if policy is None:
            defaults.append(actor)
        else:
            orders.extend(policy.choose(state, actor, policy_rng))
    if defaults:
        orders.extend(default_orders(state, policy_rng, defaults))
    for rest in given.values():  # orders for non-playable actors, e.g. from tests
        orders.extend(rest)
    return orders


def _lookup(policy_for: Any, actor: str) -> Policy | None:
    if policy_for is None:
        return None
    if isinstance(policy_for, Mapping):
        return policy_for.get(actor)
    return policy_for(actor)
