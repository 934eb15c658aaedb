"""Scoring: regional stability, influence shares, blocs and agendas, as pure functions of state.

`scores(state)` computes them all as one `Scores` record; `leader` and `winner` read the agendas;
`stability_change` says whether the region ended more stable than it began;
`ledger.diff` turns two records into ledger entries. The array functions in `stability`,
`influence` and `blocs` accept a leading batch axis, so many games can be scored in lockstep.

Must not import: pygame, game.ui, game.engine.turn.
"""

from game.scoring.compute import leader, scores, stability_change, winner
from game.scoring.record import Scores, Term

__all__ = ["Scores", "Term", "leader", "scores", "stability_change", "winner"]
