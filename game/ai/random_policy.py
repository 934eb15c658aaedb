"""The `random` level: uniform over the legal orders an actor can afford (tests, baselines).

Each turn it draws how many orders to give, 0 to `[seats] max_orders` with equal chance, then
draws that many orders one at a time, uniformly from those that still fit the budget. It answers
proposals by the engine's stated acceptance rule, like every level.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.answers import stated_answer
from game.ai.base import Answer, Decision, Reason
from game.ai.budget import Option, affordable, capital, fits, max_orders

if TYPE_CHECKING:
    from game.engine.state import GameState, Proposal


class RandomPolicy:
    """Orders drawn uniformly from the affordable legal ones."""

    name = "random"

    def choose(self, state: GameState, actor: str, rng: np.random.Generator) -> Decision:
        """A random affordable set of orders (possibly none)."""
        options = affordable(state, actor)
        return Decision(actor, [o.order for o in draw(options, state, actor, rng)], _WHY)

    def answer(self, state: GameState, proposal: Proposal, rng: np.random.Generator) -> Answer:
        """The engine's stated acceptance rule."""
        return stated_answer(state, proposal)


_WHY = (Reason(0.0, "random", "drawn at random from the affordable orders"),)


def draw(
    options: list[Option], state: GameState, actor: str, rng: np.random.Generator
) -> list[Option]:
    """Up to a random number of orders, each uniform among those still fitting the budget."""
    budget, cap = capital(state, actor), max_orders(state)
    wanted = int(rng.integers(0, cap + 1))
    chosen: list[Option] = []
    while len(chosen) < wanted:
        open_ = [o for o in options if fits(chosen, o, budget, cap) and o not in chosen]
        if not open_:
            break
        chosen.append(open_[int(rng.integers(len(open_)))])
    return chosen
