"""The engine's side of the score ledger: score a state, and record what a phase changed.

Scoring itself is `game.scoring`'s; this module only calls it (guarded, so the engine still runs
in a checkout where scoring is missing) and turns two score records into `LedgerEntry` rows that
name their cause, keeping only the changes a player would notice (`[engine] ledger_min_delta`).

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from typing import Any

from game.engine.state import GameState, LedgerEntry

try:  # scoring is a sibling package written in parallel; the engine must not need it to run
    from game.scoring import scores as _scores
    from game.scoring.ledger import diff as _diff
except ImportError:  # pragma: no cover - only in a partial checkout
    _scores = None
    _diff = None


def score_state(state: GameState) -> Any | None:
    """`game.scoring.scores(state)`, or None when scoring is not available."""
    return None if _scores is None else _scores(state)


def record(
    state: GameState, before: Any | None, after: Any | None, cause: str, detail: str = ""
) -> list[LedgerEntry]:
    """Ledger rows for every score that moved by at least `[engine] ledger_min_delta`.

    Args:
        state: the state the change happened in (for its turn and rules).
        before: the scores before the change.
        after: the scores after it.
        cause: the order text, scenario event id or phase name behind it.
        detail: a sentence for the turn report.
    """
    if before is None or after is None or _diff is None:
        return []
    floor = state.rules["engine"]["ledger_min_delta"]
    return [
        entry
        for entry in _diff(before, after, state.turn + 1, cause, detail)
        if abs(entry.delta) >= floor
    ]
