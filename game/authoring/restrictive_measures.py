"""Restrictive measures stated without a verb of sanction: being exposed to someone's sanctions
("a deal that could expose Cairo to U.S. sanctions", "halt their purchases or face sanctions
themselves", `exposure`, layouts `faces`/`exposes`), breaching someone's sanctions
(`breached_sanctions`), trade a state restricts or stops (`restricted_trade`, also asked by the
fallback coder) and the market a firm leaves ("wound down its business in Iran",
`exited_country`, layout `firm_exit`).

Each returns the event's ends, or empty lists when the construction is not there.

Must not import: pygame, anything under `game.ui`, `game.authoring.coder`.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.authoring.coded import Mention
from game.authoring.sentence_view import _Sent
from game.authoring.subjects import subject


def exposure(
    sent: _Sent, i: int, j: int, end: int, exposed_is_object: bool
) -> tuple[list[Mention], list[Mention]]:
    """The sanctioner and the exposed party of "X could face (Y's) sanctions" or "expose X to
    (Y's) sanctions".

    The exposed party is the clause's subject (`faces`) or the direct object after the trigger
    (`exposes`). The sanctioner is the actor named inside the sanctions phrase ("U.S.
    sanctions", "Washington's sanctions"), else after it ("sanctions from Washington"), else
    the sentence's speaker ("Washington warned that Ankara could face sanctions").

    Args:
        sent: the sentence.
        i, j: the trigger's token range.
        end: the token after the sanctions noun (the pattern's object).
        exposed_is_object: True for "expose X to", False for "X faces".

    Returns:
        (sanctioners, exposed parties); both empty when either cannot be found.
    """
    if any(low in _NOT_FACED for low in sent.low[j:end]):
        return [], []  # "a supply facing jeopardy amid U.S. sanctions": the sanctions are a setting
    if exposed_is_object:
        exposed, _ = sent.target_after(j, 3)
    else:
        exposed, _how = subject(sent, i)
    exposed_ids = set(sent.actors(exposed))
    if not exposed_ids:
        return [], []
    sanctioner = _named_sanctioner(sent, j, end, exposed_ids)
    if not sanctioner and sent.speaker is not None and sent.speaker not in exposed_ids:
        sanctioner = [Mention(-1, -1, sent.speaker, "name")]
    if not sanctioner:
        sanctioner = _warner(sent, exposed_ids)
    if not sanctioner:
        return [], []
    return sanctioner, exposed


_NOT_FACED = frozenset(
    {"amid", "despite", "during", "after", "before", "since", "following", "because", "due"}
    | {"over", "and", "but", "while", ",", ";", "than"}
)
"""Words that, between "face" and the sanctions noun, make what is faced something else and
the sanctions its setting or cause: "faces a cash crunch amid U.S. sanctions", "face
shortages because of sanctions"."""


def _named_sanctioner(sent: _Sent, j: int, end: int, exposed: set[str]) -> list[Mention]:
    """The actor whose sanctions they are: inside the phrase ("U.S. sanctions") or right after
    it ("sanctions by the United States", "penalties from Washington")."""
    for k in range(j, end):
        m = sent.mention_at(k)
        if m is not None and m.actor is not None and not m.place and m.actor not in exposed:
            return [m]
    low = sent.low
    if end < len(low) and low[end] in ("from", "by"):
        after, _ = sent.target_after(end + 1, 2, False, exposed, direct=False)
        return after
    return []


_WARNING_VERBS = frozenset(
    {"warn", "warns", "warned", "warning", "threaten", "threatens", "threatened", "threatening"}
    | {"demand", "demands", "demanded", "demanding", "tell", "tells", "told", "telling"}
    | {"caution", "cautions", "cautioned", "insist", "insists", "insisted"}
)
"""Verbs whose subject is the one holding the sanctions over the exposed party: "Washington
warned that India would face sanctions", "demanding that ... halt their purchases or face
sanctions"."""


def _warner(sent: _Sent, exposed: set[str]) -> list[Mention]:
    """The subject of a warning or demand in the sentence, other than the exposed party."""
    words = _WARNING_VERBS | sent.dicts.words["speech"]
    for k, low in enumerate(sent.low):
        if low in words and k not in sent.covered:
            group, _how = subject(sent, k)
            group = [m for m in group if m.actor is not None and m.actor not in exposed]
            if group:
                return group
    return []


_BREACH_REACH = 8
"""How many tokens before "in breach of ... sanctions" the sanctioned party may be named."""


def breached_sanctions(
    sent: _Sent, i: int, j: int, end: int
) -> tuple[list[Mention], list[Mention]]:
    """The sanctioner and the sanctioned party of "in breach of EU sanctions": "carrying oil to
    Syria in breach of European Union sanctions" (the EU sanctions Syria), "transporting oil
    out of Iran in violation of U.S. sanctions". The sanctioner is named inside the sanctions
    phrase, the sanctioned party is the actor named last before the trigger at `i`.

    Returns:
        (sanctioners, sanctioned), both empty when either is not named.
    """
    between = sent.low[j:end]
    if len(between) > 5 or any(w in ("that", "which", ",", "and") for w in between):
        return [], []  # "defying a U.S. law that threatens sanctions": no breach of sanctions
    sanctioner = _named_sanctioner(sent, j, end, set())
    if not sanctioner:
        return [], []
    own = set(sent.actors(sanctioner))
    for k in range(i, max(0, i - _BREACH_REACH), -1):
        if sent.low[k - 1] in (";", ".", ":"):
            break
        m = sent.mention_ending(k)
        if m is not None and m.actor is not None and m.actor not in own and not m.weak:
            return sanctioner, [m]
    return [], []


_EXIT_STOPS = frozenset({",", ";", ":", ".", "but", "while", "after", "because", "unless", "as"})
"""Tokens that end the phrase a firm leaves: in "quit Iran after Washington warned" the
warner is not left."""


def exited_country(sent: _Sent, j: int, window: int) -> list[Mention]:
    """The state a firm leaves after a trigger ending at `j` (layout `firm_exit`): "pulled out
    of Iran", "wind down its business in Iran", "leave Iran's South Pars project". A country
    after "in" or "out of" reads as a place elsewhere; here the place is the party whose
    market the firm leaves, so place mentions count.

    Returns:
        The first state's mention within the window, or empty.
    """
    actors = sent.dicts.actors
    for k in range(j, min(len(sent.low), j + window + 3)):
        if sent.low[k] in _EXIT_STOPS:
            break
        m = sent.mention_at(k)
        if m is not None and m.actor in actors and actors[m.actor].kind == "state":
            return [m]
    return []


_RESTRICTIONS = frozenset(
    {"sanction", "sanctions", "tariff", "tariffs", "duties", "embargo", "ban", "bans", "curbs"}
    | {"restrictions", "penalties", "limits", "cap", "caps", "moratorium"}
)
"""Nouns that, followed by "on", name a measure against the trade after them ("sanctions on
Iran's oil exports", "tariffs on steel imports")."""

_STOPPED = frozenset({"end", "halt", "stop", "freeze"})
"""Nouns that, followed by "to", stop the trade after them ("an end to arms sales")."""

_RESTRICTED_REACH = 6
"""How many tokens before a trade trigger the measure against it may stand."""

_RESTRICTED_BREAKS = frozenset({",", ";", ":", ".", "but", "while", "who", "which", "that"})


def restricted_trade(sent: _Sent, i: int, ends: Iterable[Mention]) -> bool:
    """Whether the trade trigger at `i` is the object of a measure against trade that one of
    the event's ends takes ("Washington reimposed sanctions on Iran's oil exports", "cautioned
    allies against purchases of Russian arms", "called for an end to arms sales to Riyadh"):
    that end restricts the trade, it is no party to it. Ends named inside or after the
    measure ("protested against French arms sales to Qatar") still trade."""
    low = sent.low
    for k in range(i - 1, max(-1, i - _RESTRICTED_REACH - 1), -1):
        if low[k] in _RESTRICTED_BREAKS:
            return False
        if low[k] == "against":
            measure = k
        elif k > 0 and (
            (low[k] == "on" and low[k - 1] in _RESTRICTIONS)
            or (low[k] == "to" and low[k - 1] in _STOPPED)
        ):
            measure = k - 1
        else:
            continue
        return any(m.start < 0 or m.end <= measure for m in ends)
    return False
