"""What an expulsion or a rupture means. Cutting diplomatic ties, closing an embassy or
recalling an ambassador is a restrictive measure *and* a hostile act, so the coder drafts both
(`rupture_twin`); expelling envoys is a hostile act only, and expelling an armed group from a
place is fighting (`military_expulsion`).

The lexicon's patterns reach these acts from either side: "cut diplomatic ties with Qatar" fires
a sanction pattern, "closed its embassy in Doha" a hostility or a sanction one. Readers of real
articles code a rupture as both (every real-article annotator we measured listed hostility for
the states that cut ties with Qatar), so `rupture_twin` gives the event a twin of the other kind
with the same ends, status, confidence and evidence. The act is recognised by its trigger word
(`words.rupture_acts` in modifiers.toml) with a diplomatic object (`words.rupture_objects`)
within `_REACH` tokens after it in the same clause; economic ties ("cut trade ties") are a
measure only.

"Expel X from" reads as exclusion from a programme or a club ("expelled Russia from the G8"), a
sanction; when it sends envoys home, or every target is an armed group ("Iraqi forces expelled
the Islamic State from Mosul"), `military_expulsion` makes it the hostile act it is.

Must not import: pygame, anything under `game.ui`, `game.authoring.coder`.
"""

from __future__ import annotations

from attrs import evolve

from game.authoring.coded import Event
from game.authoring.sentence_view import _Sent

_REACH = 6
"""How far after the act its diplomatic object may stand: "expelled 60 Russian diplomats",
"recalled its ambassador", "closed Russia's consulate in Seattle"."""

_TWIN = {"sanction": ("hostility", "161", -4.0), "hostility": ("sanction", "161", -4.0)}
"""The kind a rupture's twin takes, with CAMEO 161 (reduce or break diplomatic relations)."""

_ENVOY_ONLY_ACTS = frozenset(
    {"expel", "expels", "expelled", "expelling", "expulsion", "expulsions"}
)
"""Acts that strike a state's envoys only: readers of real articles code expelling diplomats as
hostility and not as a measure (no annotator of the real dev articles listed a sanction for
the expulsions after the Skripal poisoning), so these get no sanction twin and a sanction
pattern reading them becomes a hostility (`envoy_expulsion`); recalling one's own ambassador,
cutting ties or closing an embassy stay both."""

_ENVOYS = frozenset(
    {"diplomat", "diplomats", "diplomatic", "envoy", "envoys", "ambassador", "ambassadors"}
    | {"attache", "attaches", "consul", "consuls"}
)
"""Who an expulsion of envoys sends home ("diplomatic" for "diplomatic staff")."""

_STOPS = frozenset({".", ";", ",", "and", "but", "while", "after", "before", "because", "as"})
_ECONOMIC = frozenset({"trade", "economic", "business", "commercial", "financial", "energy"})
_RUPTURE_STOPS = _STOPS | _ECONOMIC
"""What ends the search for a rupture's object: a clause break, or economic ties ("cut trade
ties" is a measure only)."""


def rupture_twin(sent: _Sent, event: Event, i: int) -> Event | None:
    """The twin of `event` (coded at trigger token `i`) when it is a diplomatic rupture: a
    hostility for a sanction, a sanction for a hostility; None for any other event."""
    twin = _TWIN.get(event.kind)
    words = sent.dicts.words
    if twin is None or sent.low[i] not in words["rupture_acts"]:
        return None
    if twin[0] == "sanction" and sent.low[i] in _ENVOY_ONLY_ACTS:
        return None
    if not _object_ahead(sent.low, i, words["rupture_objects"], _RUPTURE_STOPS):
        return None
    kind, code, goldstein = twin
    return evolve(
        event,
        kind=kind,
        code=code,
        goldstein=goldstein,
        note="a diplomatic rupture is both a measure and a hostile act",
        # Diplomatic measures strike the state's envoys, not its economy.
        scope="targeted" if kind == "sanction" else event.scope,
    )


def _object_ahead(low: list[str], i: int, objects: frozenset[str], stops: frozenset[str]) -> bool:
    """Whether one of `objects` follows the act at token `i` within `_REACH` tokens, before any
    of `stops` ends its clause or phrase."""
    for word in low[i + 1 : i + 1 + _REACH]:
        if word in stops:
            return False
        if word in objects:
            return True
    return False


_EXPULSION_ACTS = _ENVOY_ONLY_ACTS | frozenset(
    {"eject", "ejected", "ejecting", "kick", "kicked", "kicking", "kicks"}
    | {"throw", "threw", "thrown", "throwing"}
)
"""Acts that put someone out: of a club or programme (a sanction), a country (envoys) or a
place (armed groups)."""


def military_expulsion(sent: _Sent, event: Event, i: int) -> Event:
    """`event` as a hostility when it is a sanction expelling only armed groups, or envoys
    (`envoy_expulsion`; trigger token `i`); otherwise `event` unchanged."""
    if event.kind != "sanction" or sent.low[i] not in _EXPULSION_ACTS or not event.targets:
        return event
    if envoy_expulsion(sent, i):
        return evolve(event, kind="hostility", code="161", goldstein=-4.0, scope=None)
    for actor in event.targets:
        entry = sent.dicts.actors.get(actor)
        if entry is None or entry.kind != "armed_group":
            return event
    return evolve(event, kind="hostility", code="190", goldstein=-10.0, scope=None)


def envoy_expulsion(sent: _Sent, i: int) -> bool:
    """Whether the expulsion at token `i` sends envoys home ("expelled 23 British diplomats",
    "the expulsion of two Russian envoys"): their word within `_REACH` tokens after it, in the
    same clause."""
    return sent.low[i] in _ENVOY_ONLY_ACTS and _object_ahead(sent.low, i, _ENVOYS, _STOPS)
