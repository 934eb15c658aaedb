"""The default policy of playable seats nobody plays: a simple, readable rule.

Each seat, in actor order, takes up to `[seats] max_orders` orders it can afford, in this order
of preference: answer any offer still waiting for it by the acceptance rule; support the
friendliest client fighting in a contested theatre; sanction its worst rival; host talks in the
most violent theatre it can. It is the baseline the AI levels must beat,
and what `play_turn` uses for seats with no policy. (The non-playable actors are not run here:
they act vectorised inside `resolve`, see `phases.background`.)

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from game.engine.state import GameState
from game.rules import catalogue
from game.rules.base import belligerents, sides
from game.rules.orders import ActionKind, Order
from game.rules.proposals import acceptance


def default_orders(
    state: GameState, rng: np.random.Generator, actors: Iterable[str] | None = None
) -> list[Order]:
    """Orders for every playable seat that is not human (or for `actors`), by the default rule.

    `rng` breaks ties between equally good clients and rivals, so seeded games vary a little.
    """
    if actors is None:
        actors = [a for a in state.scenario.playable_ids if a not in state.humans]
    limit = int(state.rules["seats"]["max_orders"])
    orders: list[Order] = []
    for actor in actors:
        budget = float(state.capital[state.index(actor)]) - state.rules["seats"]["reserve"]
        taken = 0
        for order in _wishes(state, actor, rng):
            if taken >= limit:
                break
            if catalogue.why_illegal(state, order) is not None:
                continue
            price = catalogue.cost(state, order)
            if price <= budget:
                orders.append(order)
                budget -= price
                taken += 1
    return orders


def _wishes(state: GameState, actor: str, rng: np.random.Generator) -> Iterator[Order]:
    # Offers still waiting for this seat (made while a human held it) are answered first, by
    # the same acceptance rule an AI addressee applies at once.
    for proposal in state.proposals:
        if proposal.addressee == actor:
            verdict = acceptance(state, proposal)
            kind = ActionKind.ACCEPT if verdict.accepted else ActionKind.REFUSE
            yield Order(actor, kind, (proposal.id,))
    i = state.index(actor)
    noise = rng.random(state.n) * 1e-6  # tie-breaks only
    contested = [t for t in range(len(state.theatre_ids)) if sides(state, t) is not None]
    clients = {int(j) for t in contested for j in belligerents(state, t) if j != i}
    friendly = sorted(clients, key=lambda j: -(state.alignment[i, j] + noise[j]))
    for j in friendly[:2]:
        if state.alignment[i, j] > 0.3:
            yield Order(actor, ActionKind.SUPPORT_CLIENT, (state.actors[j],), {"level": 1})
    row = state.alignment[i] + noise
    row[i] = np.inf
    rival = int(np.argmin(row))
    if state.alignment[i, rival] < -0.3:
        yield Order(
            actor, ActionKind.IMPOSE_SANCTIONS, (state.actors[rival],), {"scope": "targeted"}
        )
    hosted = set()
    for t in sorted(contested, key=lambda t: -state.violence[t]):
        a, b = sides(state, t)
        pair = tuple(state.actors[k] for k in sorted((a, b)))
        # The same two sides often fight in several theatres: one round of talks covers them all
        # (a second identical order would only be voided).
        if i not in (a, b) and pair not in hosted:
            hosted.add(pair)
            yield Order(actor, ActionKind.HOST_TALKS, pair)
