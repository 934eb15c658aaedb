"""Modifiers around a trigger: the dictionary's negation, hedging and re-timing words (planned,
threatened, ended) turned into an event's status, confidence and negation.

Must not import: pygame, anything under `game.ui`; `game.authoring.coder` only for type
checking (the coder calls in here, passing itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.authoring.dictionary import Pattern
from game.authoring.function_words import _AFTER_STOPS
from game.authoring.passives import _IRREGULAR_PAST
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
    verb = pattern.pos == "verb" and i > 0 and low[i - 1] in ("but", "while", "and")
    verb = verb and _finite(low[i])
    for mod, phrases in coder.modifiers:
        if mod.id == "strain" and pattern.kind not in ("cooperation", "alliance"):
            # "Washington's support for the YPG in the fight against Islamic State has strained
            # relations": strain denies good relations, not the acts that strained them.
            continue
        if mod.id == "prohibition" and pattern.kind not in ("deal", "cooperation"):
            # A ban denies the trade or business it names ("bar arms sales to", "banned firms
            # from doing business with"), but "banned imports from Iran" is itself a sanction.
            continue
        if mod.id == "avoidance" and pattern.kind == "sanction" and pattern.pos == "noun":
            # "sought to avoid U.S. sanctions": the sanctions are a threat still standing.
            continue
        lo = i
        while lo > 0 and i - lo < mod.before + 2:
            if low[lo - 1] in (";", ":") or (
                low[lo - 1] in ("but", "while", "and") and (lo < i - 1 or verb)
            ):
                # A finite verb right after "and" opens its own verb phrase: in "denied
                # involvement and accused Washington" the denial does not reach the
                # accusation (a bare one shares it: "refused to halt and reverse ...").
                break
            lo -= 1
        hi = j
        while hi < min(len(low), j + mod.after) and low[hi] not in _AFTER_STOPS:
            hi += 1
        reach = mod.before
        if mod.effect == "negate":
            reach += _participation(low, max(lo, i - mod.before - 3), i)
        windows = [(max(lo, i - reach), i)]
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
    ruled = _ruled_out(low, i)
    if ruled is not None:
        # "ruled out sanctions" denies them; "did not rule out sanctions", "refused to rule
        # out military action" keep a threat open.
        negate = not ruled
        if ruled and rank[Status.THREATENED] > best:
            status = Status.THREATENED
    return status, confidence, negate


_PARTICIPATION = frozenset(
    {"be", "take", "taking", "part", "of", "in", "join", "joining", "the", "any", "a", "new"}
)
"""Words between a negation and an act noun that only say one takes part in it: "will not be
part of the sanctions", "refused to take part in the strikes", "would not join any new"."""


def _participation(low: list[str], a: int, i: int) -> int:
    """How many tokens of participation wording ("be part of the", "take part in") stand
    right before the trigger at `i` (looking back no further than `a`), so a negation before
    them still reaches the trigger."""
    n = 0
    k = i - 1
    while k >= a and low[k] in _PARTICIPATION:
        n += 1
        k -= 1
    words = set(low[i - n : i])
    # "denied involvement in the attacks" denies a part, not the act: only taking part counts.
    return n if n >= 2 and words & {"part", "join", "joining"} else 0


_RULE_OUT = frozenset({"rule", "ruled", "ruling", "rules"})
_RULE_OUT_NEGATORS = frozenset(
    {"not", "n't", "never", "refused", "refuses", "refusing", "declined"}
)


def _ruled_out(low: list[str], i: int) -> bool | None:
    """Whether "rule out" stands just before the trigger at `i` (None if not): True when it
    is itself negated ("did not rule out penalties against Ankara": a threat), False when
    it is not ("ruled out sanctions": a denial)."""
    for k in range(max(0, i - 4), i):
        if low[k] in _RULE_OUT and low[k + 1 : k + 2] == ["out"]:
            return any(low[n] in _RULE_OUT_NEGATORS for n in range(max(0, k - 3), k))
    return None


def _finite(word: str) -> bool:
    """Whether a verb form is finite past or present ("accused", "sold", "backs"), not the
    bare form an infinitive shares ("to buy and deploy")."""
    if word.endswith("ed") or word in _IRREGULAR_PAST:
        return True
    return word.endswith("s") and not word.endswith("ss")
