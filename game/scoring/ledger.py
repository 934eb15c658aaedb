"""The score ledger: which scores a phase changed, by how much, and why.

`diff(before, after, …)` turns two `Scores` into `LedgerEntry` records, one per score that moved,
for the engine to append to `GameState.ledger` after each phase; the turn report and the charts
read them back to answer "why did stability drop?".

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from game.engine.state import LedgerEntry
from game.scoring.record import Scores

THRESHOLD = 1e-9
"""Changes this small or smaller are rounding noise and are not recorded."""


def diff(
    before: Scores,
    after: Scores,
    turn: int,
    cause: str,
    detail: str = "",
    threshold: float = THRESHOLD,
) -> list[LedgerEntry]:
    """One entry per score that changed by more than `threshold`.

    Scores are named "stability", "influence.<ID>" and "agenda.<ID>", in that order, actors in
    the order `after` lists them (then any only `before` has). A score missing on one side counts
    as 0 there.

    Args:
        before: the scores before the phase.
        after: the scores after it.
        turn: the turn of the change.
        cause: the order text, scenario event id or phase name behind it.
        detail: a sentence for the turn report.
        threshold: the smallest change recorded (exclusive); pass the engine's
            `[engine] ledger_min_delta` to skip building entries it would drop anyway.
    """
    entries: list[LedgerEntry] = []

    def put(name: str, old: float, new: float) -> None:
        delta = float(new) - float(old)
        if abs(delta) > threshold:
            entries.append(LedgerEntry(turn, name, delta, cause, detail))

    put("stability", before.stability, after.stability)
    for prefix, old_map, new_map in (
        ("influence", before.influence, after.influence),
        ("agenda", before.agendas, after.agendas),
    ):
        keys = list(new_map) + [k for k in old_map if k not in new_map]
        for key in keys:
            put(f"{prefix}.{key}", old_map.get(key, 0.0), new_map.get(key, 0.0))
    return entries
