"""The engine's side of the score ledger: score a state, and record what a phase changed.

Scoring itself is `game.scoring`'s; this module only calls it (guarded, so the engine still runs
in a checkout where scoring is missing) and turns two score records into `LedgerEntry` rows that
name their cause, keeping only the changes a player would notice (`[engine] ledger_min_delta`).

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.engine.state import GameState, LedgerEntry

try:  # scoring is a sibling package written in parallel; the engine must not need it to run
    from game.scoring import scores as _scores
except ImportError:  # pragma: no cover - only in a partial checkout
    _scores = None


def score_state(state: GameState) -> Any | None:
    """`game.scoring.scores(state)`, or None when scoring is not available."""
    return None if _scores is None else _scores(state)


def record(
    state: GameState, before: Any | None, after: Any | None, cause: str, detail: str = ""
) -> list[LedgerEntry]:
    """Ledger rows for every score that moved by at least `[engine] ledger_min_delta`.

    Scores are named as `game.scoring.ledger.diff` names them ("stability", "influence.<ID>",
    "agenda.<ID>"), in that order; influence is compared for all actors at once with numpy, so
    a 200-actor world costs no Python loop over its actors.

    Args:
        state: the state the change happened in (for its turn, actors and rules).
        before: the scores before the change.
        after: the scores after it.
        cause: the order text, scenario event id or phase name behind it.
        detail: a sentence for the turn report.
    """
    if before is None or after is None:
        return []
    floor = state.rules["engine"]["ledger_min_delta"]
    turn = state.turn + 1
    entries: list[LedgerEntry] = []
    delta = float(after.stability) - float(before.stability)
    if abs(delta) >= floor:
        entries.append(LedgerEntry(turn, "stability", delta, cause, detail))
    n = len(state.actors)
    old = np.fromiter((before.influence.get(a, 0.0) for a in state.actors), float, n)
    new = np.fromiter((after.influence.get(a, 0.0) for a in state.actors), float, n)
    for k in np.flatnonzero(np.abs(new - old) >= floor):
        entries.append(
            LedgerEntry(turn, f"influence.{state.actors[k]}", float(new[k] - old[k]), cause, detail)
        )
    for actor, value in after.agendas.items():
        delta = float(value) - float(before.agendas.get(actor, 0.0))
        if abs(delta) >= floor:
            entries.append(LedgerEntry(turn, f"agenda.{actor}", delta, cause, detail))
    return entries
