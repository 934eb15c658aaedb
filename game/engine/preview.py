"""Previews: what an order would do, before the player commits it.

`preview(state, order)` applies the order alone to the state (free: the state is a value) with a
fixed random generator, scores the result, and reports the differences: cost, stability, every
actor's influence, every playable actor's agenda, the alignments it touches, and, for a
proposal, the addressee's acceptance breakdown (the effect shown is the effect if accepted).

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from attrs import field, frozen

from game.engine.ledger import score_state
from game.engine.legal import why_illegal
from game.engine.rng import fixed_rng
from game.engine.state import GameState, replace
from game.rules import catalogue
from game.rules.orders import Order
from game.rules.proposals import Breakdown, acceptance

_EPS = 1e-9


@frozen
class Preview:
    """The expected effect of one order.

    Attributes:
        order: the order's text.
        legal: whether it can be given now.
        reason: why not, when it cannot; else None.
        cost: the capital it costs.
        stability: change of the stability index (points of 0..100).
        influence: actor id -> change of its influence share (only actors that move).
        agendas: playable actor id -> change of its agenda score (points of 0..100).
        relations: `(a, b, before, after)` for every alignment the order changes.
        acceptance: for a proposal, the addressee's breakdown; else None.
        strained: `(partner, before, after)` for each partner of the actor (alignment at least
            `[diplomacy] partner_min_alignment` before) with whom the order costs alignment:
            the self-harm a player should see even when no agenda objective counts it.
        summary: one line for the UI, e.g. "costs 3; stability +0.8; your agenda +1.2".
    """

    order: str
    legal: bool
    reason: str | None
    cost: float
    stability: float = 0.0
    influence: Mapping[str, float] = field(factory=dict)
    agendas: Mapping[str, float] = field(factory=dict)
    relations: tuple[tuple[str, str, float, float], ...] = ()
    acceptance: Breakdown | None = None
    strained: tuple[tuple[str, float, float], ...] = ()
    summary: str = ""


def preview(state: GameState, order: Order) -> Preview:
    """The expected effect of `order` given alone in `state` (see the module docstring)."""
    if order.actor not in state.actors:
        reason = f"unknown actor {order.actor!r}"
        return Preview(str(order), False, reason, 0.0, summary=f"illegal: {reason}")
    rule_reason = catalogue.why_illegal(state, order)
    if rule_reason is not None:
        return Preview(str(order), False, rule_reason, 0.0, summary=f"illegal: {rule_reason}")
    # Past the rules only the cost can stand in the way: an unaffordable order still gets its
    # effect shown, with the reason.
    price = catalogue.cost(state, order)
    reason = why_illegal(state, order)
    action = catalogue.ACTIONS[order.action]
    capital = state.capital.copy()
    capital[state.index(order.actor)] = max(0.0, capital[state.index(order.actor)] - price)
    paid = replace(state, capital=capital)
    verdict = None
    if action.is_proposal:
        verdict = acceptance(state, order)
        after_state, _ = action.accept(paid, order, fixed_rng())
    else:
        after_state, _ = action.apply(paid, order, fixed_rng())
    before = state.history[-1] if state.history else score_state(state)
    after = score_state(after_state)
    stability = 0.0
    influence: dict[str, float] = {}
    agendas: dict[str, float] = {}
    if before is not None and after is not None:
        stability = after.stability - before.stability
        influence = {
            a: after.influence.get(a, 0.0) - before.influence.get(a, 0.0)
            for a in state.actors
            if abs(after.influence.get(a, 0.0) - before.influence.get(a, 0.0)) > _EPS
        }
        agendas = {a: after.agendas.get(a, 0.0) - before.agendas.get(a, 0.0) for a in after.agendas}
    moved = np.argwhere(np.triu(np.abs(after_state.alignment - state.alignment) > _EPS, 1))
    relations = tuple(
        (
            state.actors[a],
            state.actors[b],
            float(state.alignment[a, b]),
            float(after_state.alignment[a, b]),
        )
        for a, b in moved
    )
    strained = _strained(state, after_state, state.index(order.actor))
    parts = [f"costs {price:g}"]
    if reason is not None:
        parts.append(f"not now: {reason}")
    parts.append(f"stability {stability:+.1f}")
    if order.actor in agendas:
        parts.append(f"your agenda {agendas[order.actor]:+.1f}")
    if strained:
        ties = ", ".join(f"{a} {before:+.2f}→{after:+.2f}" for a, before, after in strained)
        parts.append(f"strains ties with {ties}")
    if verdict is not None:
        parts.append(
            f"{verdict.addressee} would {'accept' if verdict.accepted else 'refuse'} "
            f"({verdict.total:+.2f})"
        )
    return Preview(
        order=str(order),
        legal=reason is None,
        reason=reason,
        cost=price,
        stability=stability,
        influence=influence,
        agendas=agendas,
        relations=relations,
        acceptance=verdict,
        strained=strained,
        summary="; ".join(parts),
    )


_STRAIN = 0.005
"""Smaller losses of alignment with a partner are not worth a word in the summary."""


def _strained(state: GameState, after: GameState, i: int) -> tuple[tuple[str, float, float], ...]:
    """The actor's partners it loses alignment with, most strained first."""
    floor = state.rules["diplomacy"]["partner_min_alignment"]
    before_row, after_row = state.alignment[i], after.alignment[i]
    found = [
        (state.actors[j], float(before_row[j]), float(after_row[j]))
        for j in range(state.n)
        if j != i and before_row[j] >= floor and before_row[j] - after_row[j] > _STRAIN
    ]
    return tuple(sorted(found, key=lambda x: x[2] - x[1]))
