"""How AI seats answer proposals: the engine's stated acceptance rule, as an `Answer`.

Every level answers the same way, by `game.rules.proposals.acceptance`, the rule the engine
applies at once to offers made to AI addressees. Using one stated rule for all levels keeps AI
answers predictable for a player (the UI shows the same breakdown before the offer is made), and
a planner that second-guessed it would answer differently in look-ahead and in the real game.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from game.ai.base import Answer
from game.engine.state import GameState, Proposal
from game.rules.proposals import acceptance


def stated_answer(state: GameState, proposal: Proposal) -> Answer:
    """Accept or refuse `proposal` by the acceptance rule, with the rule's term breakdown."""
    verdict = acceptance(state, proposal)
    return Answer(
        proposal=proposal.id,
        accept=verdict.accepted,
        breakdown=verdict.terms,
        total=verdict.total,
        threshold=verdict.threshold,
    )
