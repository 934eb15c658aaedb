"""Building a coded event from its sentence: `pattern_event` (the evidence every event carries)
and the details read off the sentence: the sector of a deal (arms, energy, trade, nuclear), the
scope of an event, the number of entities a sanction names and the money value of a deal.

Must not import: pygame, anything under `game.ui`, or any `game.authoring` module but
`text`, `dictionary` and `coded` (`sentence_view` only for type checking).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from game.authoring.coded import Event
from game.authoring.dictionary import Pattern
from game.authoring.text import Token

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


def pattern_event(sent: _Sent, pattern: Pattern, i: int, j: int, **facts: Any) -> Event:
    """An event `pattern` coded from the trigger at tokens `i` to `j` of `sent`.

    The pattern gives the code, Goldstein score, rule id and note; the sentence gives its index,
    its text and the trigger's character span; `facts` gives every other field of `Event`.
    """
    tok_start = sent.tokens[i].start
    tok_end = sent.tokens[j - 1].end
    return Event(
        code=pattern.code,
        goldstein=pattern.goldstein,
        rule=pattern.id,
        sentence=sent.sentence.index,
        source=sent.sentence.text,
        span=(sent.sentence.start + tok_start, sent.sentence.start + tok_end),
        note=pattern.note,
        **facts,
    )


_ARMS = frozenset(
    {
        "s-400",
        "missile",
        "missiles",
        "weapons",
        "arms",
        "jets",
        "aircraft",
        "fighter",
        "tanks",
        "helicopters",
        "drones",
        "f-35",
        "air",
        "defence",
        "defense",
        "patriot",
    }
)
_ENERGY = frozenset(
    {
        "oil",
        "gas",
        "pipeline",
        "energy",
        "crude",
        "lng",
        "petroleum",
        "barrels",
        "field",
        "fields",
        "refinery",
        "output",
        "production",
    }
)
_ARMS_MODEL = re.compile(r"\b(?:s|su|f|mig|t) - \d{2,3}\b")
_TRADE = frozenset(
    {
        "contract",
        "contracts",
        "trade",
        "sales",
        "sale",
        "sell",
        "sold",
        "buy",
        "bought",
        "purchase",
        "purchases",
        "billion",
        "million",
        "investment",
        "invest",
        "export",
        "exports",
        "import",
        "imports",
        "goods",
        "dollars",
        "euros",
        "business",
        "commercial",
        "supply",
        "deliveries",
        "aircraft",
        "planes",
        "jets",
        "wheat",
        "tariffs",
    }
)
_NUCLEAR = frozenset({"nuclear", "reactor", "reactors", "uranium", "bushehr", "atomic"})


def _sector(low: list[str]) -> str | None:
    """What a deal trades in, from the words of its sentence; None if nothing commercial."""
    words = set(low)
    if words & _NUCLEAR:
        return "nuclear"
    if words & {"missile", "missiles", "weapons", "arms", "batteries"} or _ARMS_MODEL.search(
        " ".join(low)
    ):
        return "arms"
    if words & _ENERGY:
        return "energy"
    if words & _ARMS:
        return "arms"
    if words & _TRADE or any(tok.startswith("$") for tok in low):
        return "trade"
    return None


_GENERIC_ARMS = frozenset({"air", "defence", "defense"})
"""Arms words that also name a ministry or a field of cooperation ("defence ministers"),
so they name no goods alone."""


def names_goods(low: list[str]) -> bool:
    """Whether a sentence names something traded: weapons, energy, nuclear goods, money or
    merchandise ("to supply MiG-29 jets", "$2 billion"), not only a field ("defence")."""
    words = set(low)
    goods = _NUCLEAR | _ENERGY | _TRADE | (_ARMS - _GENERIC_ARMS)
    return bool(
        words & goods
        or _ARMS_MODEL.search(" ".join(low))
        or any(tok.startswith("$") for tok in low)
    )


def _scope(low: list[str], kind: str) -> str | None:
    if kind != "sanction":
        return None
    words = set(low)
    if words & {"blacklist", "blacklisted", "blacklisting", "designated", "designation"}:
        return "blacklist"
    if words & {
        "sector",
        "sectors",
        "sectoral",
        "oil",
        "banking",
        "energy",
        "defence",
        "defense",
        "exports",
        "industry",
        "auto",
        "metals",
        "financial",
    }:
        return "sectoral"
    return "targeted"


_COUNT_NOUNS = frozenset(
    {
        "individuals",
        "entities",
        "companies",
        "firms",
        "officials",
        "people",
        "persons",
        "banks",
        "businesses",
        "organizations",
        "organisations",
    }
)


def _entities(low: list[str]) -> int | None:
    for k, tok in enumerate(low):
        if tok[:1].isdigit():
            for nxt in low[k + 1 : k + 4]:
                if nxt in _COUNT_NOUNS:
                    try:
                        number = int(tok.replace(",", ""))
                    except ValueError:
                        break
                    return number if number >= 1 else None
    return None


def _value(tokens: list[Token]) -> float | None:
    for k, tok in enumerate(tokens):
        text = tok.low.lstrip("$")
        if not text[:1].isdigit():
            continue
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            continue
        rest = [t.low for t in tokens[k + 1 : k + 5]]
        dollars = tok.low.startswith("$") or "dollars" in rest or "usd" in rest
        if rest and rest[0] in ("billion", "bn") and dollars:
            return number
        if rest and rest[0] in ("million", "mn") and dollars:
            return round(number / 1000, 3)
    return None
