"""Modifiers around a trigger: the dictionary's negation, hedging and re-timing words (planned,
threatened, ended) turned into an event's status, confidence and negation.

Must not import: pygame, anything under `game.ui`; `game.authoring.coder` only for type
checking (the coder calls in here, passing itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.authoring.dictionary import Pattern
from game.authoring.function_words import _AFTER_STOPS
from game.authoring.sentence_view import _Sent
from game.scenario.model import Status

if TYPE_CHECKING:
    from game.authoring.coder import Coder


def _modify(coder: Coder, sent: _Sent, i: int, j: int, pattern: Pattern):
    """Status, confidence and negation from the modifiers around a trigger."""
    low = sent.low
    status = pattern.status
    confidence = pattern.confidence
    negate = False
    rank = {Status.ENDED: 3, Status.THREATENED: 2, Status.PLANNED: 1, Status.ACTIVE: 0}
    best = rank.get(status, 0)
    for mod, phrases in coder.modifiers:
        if mod.id == "strain" and pattern.kind not in ("cooperation", "alliance"):
            # "Washington's support for the YPG in the fight against Islamic State has strained
            # relations": strain denies good relations, not the acts that strained them.
            continue
        lo = i
        while lo > 0 and i - lo < mod.before + 2:
            if low[lo - 1] in (";", ":") or (low[lo - 1] in ("but", "while", "and") and lo < i - 1):
                break
            lo -= 1
        hi = j
        while hi < min(len(low), j + mod.after) and low[hi] not in _AFTER_STOPS:
            hi += 1
        windows = [(max(lo, i - mod.before), i)]
        if mod.after:
            windows.append((j, hi))
        hit = False
        for a, b in windows:
            for k in range(a, b):
                for phrase in phrases.get(low[k], ()):
                    if k + len(phrase) <= b and tuple(low[k : k + len(phrase)]) == phrase:
                        hit = True
                        break
                if hit:
                    break
            if hit:
                break
        if not hit:
            continue
        if mod.effect == "negate":
            negate = True
        elif mod.effect == "hedge":
            confidence -= mod.delta
        elif mod.status is not None and rank[mod.status] > best:
            status = mod.status
            best = rank[mod.status]
    return status, confidence, negate
