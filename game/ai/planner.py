"""The `planner` level: candidate order sets tried by look-ahead through the real turn engine.

Where `greedy` adds up one-order previews, the planner plays the coming turns out. For its
actor it builds a few candidate order sets (the greedy choice; sets led by the best order of
each action kind the greedy choice left out; the greedy choice less one order; passing), then
for each candidate:

1. the other playable seats are predicted to play greedy (with fixed tie-breaks, never the
   other seats' own streams; cached per state, so all planner seats of a turn share them);
2. the turn is resolved by the engine with those orders (`resolve`, the same generator a real
   turn uses, so every candidate meets the same chance draws);
3. the following turns, up to the horizon, are resolved with every seat repeating the orders
   it gave that are still legal and affordable (a cheap, stable continuation);
4. the candidate's value is the actor's agenda score averaged over the horizon's turns.

The best value wins; ties go to the earlier candidate (the greedy choice first). The budget is
counted in nodes, one node per simulated turn, so the same seed always gives the same choice
whatever the machine's speed. Difficulty sets it:

    easy    4 candidates x 1 turn  =  4 nodes
    normal  8 candidates x 2 turns = 16 nodes
    hard   12 candidates x 3 turns = 36 nodes

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from attrs import frozen

from game.ai.answers import stated_answer
from game.ai.base import Answer, Decision, Reason
from game.ai.budget import capital, fits, max_orders
from game.ai.greedy import MIN_GAIN, Scored, acceptable, pick, rank, reasons, with_terms
from game.rules.orders import Order

if TYPE_CHECKING:
    from game.engine.state import GameState, Proposal


@frozen
class Budget:
    """How hard the planner looks.

    Attributes:
        candidates: how many candidate order sets it evaluates at most.
        horizon: how many turns each look-ahead plays (1: the coming turn only).
    """

    candidates: int
    horizon: int

    @property
    def nodes(self) -> int:
        """Simulated turns per decision, at most."""
        return self.candidates * self.horizon


BUDGETS: Mapping[str, Budget] = {
    "easy": Budget(candidates=4, horizon=1),
    "normal": Budget(candidates=8, horizon=2),
    "hard": Budget(candidates=12, horizon=3),
}


class PlannerPolicy:
    """Look-ahead over candidate order sets, to a node budget set by the difficulty."""

    name = "planner"

    def __init__(self, difficulty: str = "normal", explain: bool = True) -> None:
        if difficulty not in BUDGETS:
            raise ValueError(f"unknown difficulty {difficulty!r}: expected {', '.join(BUDGETS)}")
        self.difficulty = difficulty
        self.budget = BUDGETS[difficulty]
        self.explain = explain

    def choose(self, state: GameState, actor: str, rng: np.random.Generator) -> Decision:
        """The candidate with the best look-ahead value, and the terms behind it."""
        ranked = rank(state, actor, rng)
        candidates = candidate_sets(
            ranked, capital(state, actor), max_orders(state), state, self.budget.candidates
        )
        if len(candidates) == 1:
            chosen = self._terms(state, actor, candidates[0])
            return Decision(actor, _orders(chosen), reasons(chosen), _gain(chosen))
        predicted = predict_others(state, actor)
        values = [
            lookahead(state, actor, _orders(c), predicted, self.budget.horizon) for c in candidates
        ]
        best = max(range(len(values)), key=lambda k: (round(values[k], 9), -k))
        chosen = self._terms(state, actor, candidates[best])
        if best == 0:
            margin = values[0] - max(values[1:])
            against = f"the best of {len(values) - 1} alternatives"
        else:
            margin = values[best] - values[0]
            against = "the one-turn greedy choice"
        why = (
            Reason(
                margin,
                "look-ahead",
                f"mean agenda over {self.budget.horizon} turn(s), against {against}",
            ),
            *reasons(chosen, limit=2),
        )
        return Decision(actor, _orders(chosen), why, values[best])

    def _terms(self, state: GameState, actor: str, chosen: Sequence[Scored]) -> Sequence[Scored]:
        return with_terms(state, actor, chosen) if self.explain else chosen

    def answer(self, state: GameState, proposal: Proposal, rng: np.random.Generator) -> Answer:
        """The engine's stated acceptance rule."""
        return stated_answer(state, proposal)


def _orders(candidate: Sequence[Scored]) -> list[Order]:
    return [s.option.order for s in candidate]


def _gain(candidate: Sequence[Scored]) -> float:
    return float(sum(s.gain for s in candidate))


def candidate_sets(
    ranked: Sequence[Scored],
    budget: float,
    cap: int,
    state: GameState | None = None,
    limit: int | None = None,
) -> list[tuple[Scored, ...]]:
    """Up to `limit` candidate order sets, most promising first, without duplicates.

    First the greedy choice. Then, alternating two leads to one drop: *leads*, for each action
    kind the greedy choice does not use, that kind's best order filled up greedily (orders whose
    worth the one-order preview misses, such as support that pays off through drift); and
    *drops*, the greedy choice less one of its orders (orders that overlap). Passing comes last.
    With `state`, offers the addressee would refuse are left out.
    """
    greedy = tuple(pick(ranked, budget, cap, state))
    found: list[tuple[Scored, ...]] = []
    seen: set[frozenset[Order]] = set()
    limit = limit if limit is not None else 10**6

    def add(candidate: Sequence[Scored]) -> None:
        key = frozenset(s.option.order for s in candidate)
        if key not in seen and len(found) < limit:
            seen.add(key)
            found.append(tuple(candidate))

    def leads():
        used = {s.option.order.action for s in greedy}
        kinds: set[object] = set()
        for lead in ranked:  # best first, so the first of each kind is its best
            kind = lead.option.order.action
            if kind in used or kind in kinds or lead.gain <= -MIN_GAIN:
                continue
            kinds.add(kind)
            if lead.option.cost > budget + 1e-9:
                continue
            if state is not None and not acceptable(state, lead.option.order):
                continue
            chosen = [lead]
            for scored in ranked:
                if len(chosen) >= cap or scored.gain < MIN_GAIN:
                    break
                taken = [c.option for c in chosen]
                if scored is lead or not fits(taken, scored.option, budget, cap):
                    continue
                if state is not None and not acceptable(state, scored.option.order):
                    continue
                chosen.append(scored)
            yield tuple(chosen)

    drops = [greedy[:k] + greedy[k + 1 :] for k in range(len(greedy))]
    add(greedy)
    lead_iter = leads()
    while len(found) < limit:
        batch = [next(lead_iter, None), next(lead_iter, None)]
        batch.append(drops.pop(0) if drops else None)
        if all(c is None for c in batch):
            break
        for candidate in batch:
            if candidate is not None:
                add(candidate)
    add(())
    return found


_PREDICTIONS: dict[tuple[int, str], tuple[GameState, tuple[Order, ...]]] = {}
_PREDICTIONS_MAX = 64
_PREDICTION_KEY = 0xA1_0C
"""The fixed seed of the tie-breaks in predictions: a prediction depends on the state alone."""


def predict_others(state: GameState, actor: str) -> list[Order]:
    """The orders the other playable seats would give if they played greedy.

    Human seats are predicted too: the planner cannot see their orders, and greedy is its model
    of a sensible opponent. Ties are broken by a fixed generator (never the other seats' own
    streams), so a prediction depends on the state only and is cached per state and seat.
    """
    orders: list[Order] = []
    for k, other in enumerate(state.actors):
        if other != actor and state.playable[k]:
            orders.extend(predict(state, other))
    return orders


def predict(state: GameState, actor: str) -> tuple[Order, ...]:
    """`actor`'s greedy orders in `state`, with fixed tie-breaks (cached)."""
    from game.ai.greedy import GreedyPolicy
    from game.engine.rng import fixed_rng

    key = (id(state), actor)
    hit = _PREDICTIONS.get(key)
    if hit is not None and hit[0] is state:
        return hit[1]
    greedy = GreedyPolicy(explain=False)
    predicted = greedy.choose(state, actor, fixed_rng(_PREDICTION_KEY)).orders
    if len(_PREDICTIONS) >= _PREDICTIONS_MAX:
        _PREDICTIONS.pop(next(iter(_PREDICTIONS)))
    _PREDICTIONS[key] = (state, predicted)
    return predicted


def lookahead(
    state: GameState, actor: str, mine: list[Order], others: list[Order], horizon: int
) -> float:
    """`actor`'s agenda averaged over `horizon` simulated turns that start with these orders."""
    from game.ai.match import is_over, step

    total, played = 0.0, 0
    orders = [*mine, *others]
    current = quiet(state)
    for _ in range(max(1, horizon)):
        if is_over(current):
            break
        current, _events = step(current, orders)
        total += float(current.history[-1].agendas.get(actor, 0.0))
        played += 1
        orders = still_valid(current, orders)
    if played == 0:
        return float(state.history[-1].agendas.get(actor, 0.0))
    return total / played


def quiet(state: GameState) -> GameState:
    """The state with the ledger kept for the whole batch of orders (`[engine] ledger_detail`
    0): look-ahead reads only the scores at the end of each turn, and scoring after every order
    or family would cost more than the turn itself."""
    from game.engine.state import replace

    engine = state.rules.get("engine", {})
    if not engine.get("ledger_detail", 0):
        return state
    rules = {section: dict(values) for section, values in state.rules.items()}
    rules["engine"]["ledger_detail"] = 0
    return replace(state, rules=rules)


def still_valid(state: GameState, orders: Sequence[Order]) -> list[Order]:
    """The orders that could be given again now: legal, and affordable in submitted order."""
    from game.rules.catalogue import cost, why_illegal

    left = {a: float(c) for a, c in zip(state.actors, state.capital, strict=True)}
    kept: list[Order] = []
    for order in orders:
        if why_illegal(state, order) is not None:
            continue
        price = cost(state, order)
        if price <= left[order.actor] + 1e-9:
            left[order.actor] -= price
            kept.append(order)
    return kept


def clear_caches() -> None:
    """Forget cached predictions (for benchmarks that must start cold)."""
    _PREDICTIONS.clear()
