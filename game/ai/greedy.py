"""The `greedy` level: the orders with the best one-turn gain in the actor's own agenda score.

Every affordable legal order is previewed (`game.preview`: its expected effect on each playable
actor's agenda, term by term); the orders are ranked by the gain to the actor's agenda, and
taken best first while they fit the budget and the orders cap and still gain something. Ties are
broken by a random key from the seat's generator, so the same seed gives the same choice. The
reasons are the agenda terms the chosen orders move most.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from attrs import frozen

from game.ai.answers import stated_answer
from game.ai.base import Answer, Decision, Reason
from game.ai.budget import Option, affordable, capital, fits, max_orders

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
    terms: tuple[tuple[str, float], ...]
    others: tuple[tuple[str, float], ...] = ()


class GreedyPolicy:
    """Best one-turn agenda gain, several orders within the budget."""

    name = "greedy"

    def choose(self, state: GameState, actor: str, rng: np.random.Generator) -> Decision:
        """The best-gaining affordable orders, best first, and the agenda terms behind them."""
        ranked = rank(state, actor, rng)
        chosen = pick(ranked, capital(state, actor), max_orders(state))
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
    scored = [score(state, actor, option) for option in options]
    order = sorted(range(len(scored)), key=lambda k: (-round(scored[k].gain, 9), keys[k]))
    return [scored[k] for k in order]


def score(state: GameState, actor: str, option: Option) -> Scored:
    """One order's previewed effect on `actor`'s agenda (and the other playable actors')."""
    from game.engine.preview import preview

    effect = preview(state, option.order)
    gain = float(effect.agendas.get(actor, 0.0))
    terms = tuple(
        (label, float(delta))
        for label, delta in effect.agenda_terms.get(actor, {}).items()
        if abs(delta) > 1e-9
    )
    others = tuple((a, float(d)) for a, d in effect.agendas.items() if a != actor)
    return Scored(option, gain, terms, others)


def pick(ranked: Sequence[Scored], budget: float, cap: int) -> list[Scored]:
    """Take the ranked orders best first while they gain and fit the budget and the cap."""
    chosen: list[Scored] = []
    for scored in ranked:
        if scored.gain < MIN_GAIN:
            break
        if fits([c.option for c in chosen], scored.option, budget, cap):
            chosen.append(scored)
            if len(chosen) >= cap:
                break
    return chosen


def reasons(chosen: Sequence[Scored], limit: int = MAX_REASONS) -> tuple[Reason, ...]:
    """The agenda terms the chosen orders move most, summed over the orders, largest first."""
    totals: dict[str, float] = {}
    for scored in chosen:
        for label, delta in scored.terms:
            totals[label] = totals.get(label, 0.0) + delta
    top = sorted(totals.items(), key=lambda item: (-abs(item[1]), item[0]))[:limit]
    return tuple(Reason(delta, "agenda", label) for label, delta in top)
