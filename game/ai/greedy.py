"""The `greedy` level: the orders with the best one-turn gain in the actor's own agenda score.

Every affordable legal order is previewed: its effect applied alone to the state with the
preview generator (`engine.rng.fixed_rng`), as `game.preview` does, and every playable actor's
agenda scored in one batch (`game.ai.evaluate`). The orders are ranked by the gain to the
actor's own agenda and taken best first while they fit the budget and the orders cap and still
gain something; an offer its AI addressee would refuse by the stated acceptance rule is passed
over. Ties are broken by a random key from the seat's generator, so the same seed gives the same
choice. The reasons are the agenda terms the chosen orders move most.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
from attrs import frozen

from game.ai.answers import stated_answer
from game.ai.base import Answer, Decision, Reason
from game.ai.budget import Option, affordable, capital, fits, max_orders
from game.ai.evaluate import agenda_matrix
from game.engine.rng import fixed_rng
from game.rules.catalogue import ACTIONS
from game.rules.orders import Order
from game.rules.proposals import acceptance

if TYPE_CHECKING:
    from game.engine.state import GameState, Proposal

MIN_GAIN = 0.01
"""An order must gain at least this many agenda points to be worth its capital."""

MAX_REASONS = 3


@frozen
class Scored:
    """An affordable order with its previewed effect on the deciding actor.

    Attributes:
        option: the order and its cost.
        gain: the expected change of the actor's agenda score, in points (0..100 scale).
        terms: `(label, change in points)` for each agenda objective the order moves.
        others: the expected change of every other playable actor's agenda, by id.
    """

    option: Option
    gain: float
    terms: tuple[tuple[str, float], ...] = ()
    others: tuple[tuple[str, float], ...] = ()


class GreedyPolicy:
    """Best one-turn agenda gain, several orders within the budget."""

    name = "greedy"

    def __init__(self, explain: bool = True) -> None:
        self.explain = explain

    def choose(self, state: GameState, actor: str, rng: np.random.Generator) -> Decision:
        """The best-gaining affordable orders, best first, and the agenda terms behind them."""
        ranked = rank(state, actor, rng)
        chosen = pick(ranked, capital(state, actor), max_orders(state), state)
        if self.explain:
            chosen = with_terms(state, actor, chosen)
        return Decision(
            actor,
            [s.option.order for s in chosen],
            reasons(chosen),
            value=float(sum(s.gain for s in chosen)),
        )

    def answer(self, state: GameState, proposal: Proposal, rng: np.random.Generator) -> Answer:
        """The engine's stated acceptance rule."""
        return stated_answer(state, proposal)


def rank(state: GameState, actor: str, rng: np.random.Generator) -> list[Scored]:
    """Every affordable order scored by its previewed agenda gain, best first.

    Ties (equal gains to 1e-9) are ordered by a random key drawn from `rng`, one per option.
    """
    options = affordable(state, actor)
    keys = rng.random(len(options))
    scored = score_all(state, actor, options)
    order = sorted(range(len(scored)), key=lambda k: (-round(scored[k].gain, 9), keys[k]))
    return [scored[k] for k in order]


def outcome(state: GameState, order: Order) -> GameState:
    """The state just after `order` takes effect alone, with the preview generator.

    A proposal is shown as accepted (whether it would be is `acceptable`'s question).
    """
    action = ACTIONS[order.action]
    effect = action.accept if action.accept is not None else action.apply
    return effect(state, order, fixed_rng())[0]


_CACHE: dict[tuple[int, str], tuple[GameState, list[Scored]]] = {}
_CACHE_MAX = 32


def score_all(state: GameState, actor: str, options: Sequence[Option]) -> list[Scored]:
    """Each option's previewed gain to every playable actor's agenda, in one batched scoring.

    The result depends on the state and the actor only, so it is cached for the last few
    states: a planner predicting its rivals and the rivals deciding share one scoring.
    """
    key = (id(state), actor)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is state and len(hit[1]) == len(options):
        return list(hit[1])
    result = _score_all(state, actor, options)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (state, result)
    return list(result)


SCREEN_ABOVE = 120
"""With more options than this, variants are screened (see `_score_all`)."""

SCREEN_GROUPS = 8
"""How many of the best (action, targets) groups have all their menu variants previewed."""


def _score_all(state: GameState, actor: str, options: Sequence[Option]) -> list[Scored]:
    """Preview the options; past `SCREEN_ABOVE`, screen the menu variants first.

    Most options are menu variants of one action on one target (a deal's size, length and
    sector: 24 per partner). When there are many, each (action, targets) group is first
    previewed by its dearest variant (the largest commitment, usually the largest effect), then
    every variant of the `SCREEN_GROUPS` best groups is previewed; options of the other groups
    are left out of the ranking.
    """
    if len(options) <= SCREEN_ABOVE:
        return _preview_batch(state, actor, options)
    groups: dict[tuple, list[Option]] = {}
    for option in options:
        groups.setdefault((option.order.action, option.order.targets), []).append(option)
    keys = list(groups)
    leads = [max(groups[key], key=lambda o: o.cost) for key in keys]
    first = _preview_batch(state, actor, leads)
    best = sorted(range(len(first)), key=lambda k: -first[k].gain)[:SCREEN_GROUPS]
    rest = [o for k in sorted(best) for o in groups[keys[k]] if o is not leads[k]]
    return first + _preview_batch(state, actor, rest)


def _preview_batch(state: GameState, actor: str, options: Sequence[Option]) -> list[Scored]:
    if not options:
        return []
    playable = state.scenario.playable_ids
    p = playable.index(actor)
    matrix = agenda_matrix([state, *(outcome(state, o.order) for o in options)])
    deltas = matrix[1:] - matrix[0]
    return [
        Scored(
            option,
            float(deltas[k, p]),
            others=tuple((a, float(deltas[k, q])) for q, a in enumerate(playable) if q != p),
        )
        for k, option in enumerate(options)
    ]


def acceptable(state: GameState, order: Order) -> bool:
    """Whether an order is not a proposal, or is one its AI addressee would accept now.

    Offers to a human seat count as acceptable: the AI cannot know what the person will say.
    """
    action = ACTIONS[order.action]
    if action.accept is None or action.addressee is None:
        return True
    if action.addressee(state, order) in state.humans:
        return True
    key = (id(state), order)
    hit = _ACCEPTS.get(key)
    if hit is not None and hit[0] is state:
        return hit[1]
    verdict = acceptance(state, order).accepted
    if len(_ACCEPTS) >= 4096:
        _ACCEPTS.clear()
    _ACCEPTS[key] = (state, verdict)
    return verdict


_ACCEPTS: dict[tuple[int, Order], tuple[GameState, bool]] = {}
"""Verdicts already worked out for a state (the planner asks again for each candidate)."""


def pick(
    ranked: Sequence[Scored], budget: float, cap: int, state: GameState | None = None
) -> list[Scored]:
    """Take the ranked orders best first while they gain and fit the budget and the cap.

    With `state`, proposals the addressee would refuse are passed over (checked lazily, only
    for the orders that would otherwise be taken).
    """
    chosen: list[Scored] = []
    for scored in ranked:
        if scored.gain < MIN_GAIN:
            break
        if not fits([c.option for c in chosen], scored.option, budget, cap):
            continue
        if state is not None and not acceptable(state, scored.option.order):
            continue
        chosen.append(scored)
        if len(chosen) >= cap:
            break
    return chosen


def with_terms(state: GameState, actor: str, chosen: Sequence[Scored]) -> list[Scored]:
    """The chosen orders with their agenda terms filled in (one full scoring each)."""
    from game.scoring import scores

    base = state.history[-1] if state.history else scores(state)
    before = base.agenda_terms.get(actor, {})
    out = []
    for s in chosen:
        after = scores(outcome(state, s.option.order)).agenda_terms.get(actor, {})
        terms = tuple(
            (label, float(term.contribution - before[label].contribution))
            for label, term in after.items()
            if label in before and abs(term.contribution - before[label].contribution) > 1e-9
        )
        out.append(attrs.evolve(s, terms=terms))
    return out


def reasons(chosen: Sequence[Scored], limit: int = MAX_REASONS) -> tuple[Reason, ...]:
    """The agenda terms the chosen orders move most, summed over the orders, largest first."""
    totals: dict[str, float] = {}
    for scored in chosen:
        for label, delta in scored.terms:
            totals[label] = totals.get(label, 0.0) + delta
    top = sorted(totals.items(), key=lambda item: (-abs(item[1]), item[0]))[:limit]
    return tuple(Reason(delta, "agenda", label) for label, delta in top)


def clear_caches() -> None:
    """Forget cached previews and verdicts (for benchmarks that must start cold)."""
    _CACHE.clear()
    _ACCEPTS.clear()
